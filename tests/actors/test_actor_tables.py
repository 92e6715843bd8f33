"""Checks on the generated actor tables in src/redline/data/actors.

These tests read only the project's own files (no ../shared, no network). The tables are
produced by ``python scripts/build_actors.py --shared ../shared --out src/redline/data/actors``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

ACTORS_DIR = Path(__file__).resolve().parents[2] / "src" / "redline" / "data" / "actors"

COLUMNS = {
    "countries": ["code", "name", "kind", "successor", "aliases"],
    "organisations": ["code", "name", "kind", "aliases", "cameo", "parent"],
    "agents": ["alias", "sector", "note"],
    "people": ["name", "aliases", "country", "role", "sector", "valid_from", "valid_to", "source"],
    "institutions": ["name", "aliases", "country", "sector", "kind", "cameo", "source"],
    "places": ["alias", "country", "source"],
    "ambiguous_aliases": ["alias", "candidates", "resolved_to", "table", "note"],
    "cameo_countries": ["cameo", "iso3", "note"],
}
ROLES = {"HOS", "HOG", "FM", "DM", "NSA", "INT", "SPOKES", "OTHER"}
ROLE_SECTOR = {
    "HOS": "HOS",
    "HOG": "GOV",
    "FM": "GOV",
    "DM": "MIL",
    "NSA": "GOV",
    "INT": "SPY",
    "SPOKES": "GOV",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def read_table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Return (header, rows, leading comment lines) of <name>.tsv."""
    path = ACTORS_DIR / f"{name}.tsv"
    comments: list[str] = []
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if header is None and line.startswith("#"):
                comments.append(line)
                continue
            fields = tuple(line.split("\t"))
            if header is None:
                header = fields
            else:
                rows.append(fields)
    assert header is not None, f"{name}.tsv has no header line"
    return header, tuple(rows), tuple(comments)


def records(name: str) -> list[dict[str, str]]:
    header, rows, _ = read_table(name)
    return [dict(zip(header, row, strict=True)) for row in rows]


def aliases(cell: str) -> list[str]:
    return [a for a in cell.split("|") if a]


def country_of(alias: str) -> set[str]:
    return {r["code"] for r in records("countries") if alias in aliases(r["aliases"])}


def covers(row: dict[str, str], day: str) -> bool:
    start, end = row["valid_from"], row["valid_to"]
    return (not start or start <= day) and (not end or day <= end)


def holders(country: str, role: str, day: str) -> set[str]:
    return {
        r["name"]
        for r in records("people")
        if r["country"] == country and r["role"] == role and covers(r, day)
    }


# ---------------------------------------------------------------------------------------------
# File-level checks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_and_row_shape(name: str) -> None:
    header, rows, _ = read_table(name)
    assert list(header) == COLUMNS[name]
    assert rows, f"{name}.tsv is empty"
    for row in rows:
        assert len(row) == len(header), f"{name}.tsv: bad row {row!r}"
        assert all(cell == cell.strip() for cell in row)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_attribution_header(name: str) -> None:
    _, _, comments = read_table(name)
    text = "\n".join(comments)
    assert "Phoenix dictionaries of the PETRARCH2 project (openeventdata/petrarch2)" in text
    assert "MIT licence, (c) 2014 Open Event Data" in text
    assert "pycountry (iso-codes data)" in text
    assert "scripts/build_actors.py --shared ../shared --out src/redline/data/actors" in text


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_size_reasonable(name: str) -> None:
    assert (ACTORS_DIR / f"{name}.tsv").stat().st_size < 2_200_000


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("countries", "aliases"),
        ("organisations", "aliases"),
        ("people", "aliases"),
        ("institutions", "aliases"),
        ("agents", "alias"),
        ("places", "alias"),
    ],
)
def test_aliases_are_lowercase_and_clean(name: str, column: str) -> None:
    for row in records(name):
        for alias in aliases(row[column]):
            assert alias == alias.lower(), (name, alias)
            assert alias == alias.strip() and "  " not in alias, (name, alias)


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


def test_country_codes_and_kinds() -> None:
    rows = records("countries")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        assert row["kind"] in {"state", "territory", "historic"}
        assert re.fullmatch(r"[A-Z]{3}", row["code"]), row
        assert row["name"]
        if row["successor"]:
            assert row["kind"] == "historic", row
            assert row["successor"] in codes, row  # a single code, never a list
    states = {r["code"] for r in rows if r["kind"] == "state"}
    assert len(states) >= 190
    assert {"RUS", "PRK", "KOR", "USA", "CHN", "JPN", "UKR", "XKX", "TWN", "PSE"} <= states
    assert {"SUN", "YUG", "CSK", "DDR"} <= {r["code"] for r in rows if r["kind"] == "historic"}


def test_state_aliases_unambiguous_or_listed() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in records("countries"):
        for alias in aliases(row["aliases"]):
            owners[alias].add(row["code"])
    known = {r["alias"] for r in records("ambiguous_aliases") if r["table"] == "countries"}
    conflicts = {a: c for a, c in owners.items() if len(c) > 1 and a not in known}
    assert not conflicts


def test_excluded_ambiguous_aliases_absent() -> None:
    all_aliases = {a for r in records("countries") for a in aliases(r["aliases"])}
    for bad in ("korea", "korean", "north", "south", "the north", "the south", "congo"):
        assert bad not in all_aliases


@pytest.mark.parametrize(
    "alias",
    [
        "north korea",
        "dprk",
        "democratic people's republic of korea",
        "pyongyang",
        "north korean",
        "n. korea",
    ],
)
def test_north_korea_aliases(alias: str) -> None:
    assert country_of(alias) == {"PRK"}


@pytest.mark.parametrize(
    "alias",
    [
        "south korea",
        "republic of korea",
        "seoul",
        "south korean",
        "rok",
        "s. korea",
    ],
)
def test_south_korea_aliases(alias: str) -> None:
    assert country_of(alias) == {"KOR"}


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("russian", "RUS"),
        ("moscow", "RUS"),
        ("the kremlin", "RUS"),
        ("washington", "USA"),
        ("beijing", "CHN"),
        ("tokyo", "JPN"),
        ("kyiv", "UKR"),
        ("kiev", "UKR"),
        ("soviet", "SUN"),
        ("ussr", "SUN"),
        ("yugoslavia", "YUG"),
        ("czechoslovakia", "CSK"),
        ("east germany", "DDR"),
    ],
)
def test_common_country_aliases(alias: str, code: str) -> None:
    assert country_of(alias) == {code}


def test_soviet_union_is_sun_with_successor_rus() -> None:
    row = next(r for r in records("countries") if "soviet union" in aliases(r["aliases"]))
    assert row["code"] == "SUN"
    assert row["kind"] == "historic"
    assert row["successor"] == "RUS"


@pytest.mark.parametrize(
    ("code", "successor"),
    [("YUG", "SCG"), ("SCG", "SRB"), ("DDR", "DEU"), ("CSK", ""), ("ZAR", "COD")],
)
def test_historic_successors(code: str, successor: str) -> None:
    row = next(r for r in records("countries") if r["code"] == code)
    assert row["kind"] == "historic"
    assert row["successor"] == successor


def test_cameo_country_codes_map_to_known_codes() -> None:
    codes = {r["code"] for r in records("countries")}
    mapping = {r["cameo"]: r["iso3"] for r in records("cameo_countries")}
    assert mapping["USR"] == "SUN"
    assert mapping["TMP"] == "TLS"
    assert mapping["KSV"] == "XKX"
    assert set(mapping.values()) <= codes


def test_places_point_at_known_countries() -> None:
    codes = {r["code"] for r in records("countries")}
    country_aliases = {a for r in records("countries") for a in aliases(r["aliases"])}
    for row in records("places"):
        assert row["country"] in codes
        assert row["alias"] not in country_aliases


# ---------------------------------------------------------------------------------------------
# Organisations and agents
# ---------------------------------------------------------------------------------------------


def test_organisations() -> None:
    rows = records("organisations")
    codes = {r["code"] for r in rows}
    assert len(codes) == len(rows)
    assert not codes & {r["code"] for r in records("countries")}
    assert {"UN", "UNSC", "EU", "NATO", "IAEA", "ASEAN", "AU"} <= codes
    by_alias: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        assert row["kind"] in {"igo", "igo_body", "forum", "historic", "ngo"}
        assert not row["parent"] or row["parent"] in codes
        for alias in aliases(row["aliases"]):
            by_alias[alias].add(row["code"])
    assert all(len(v) == 1 for v in by_alias.values())
    assert by_alias["united nations"] == {"UN"}
    assert by_alias["un security council"] == {"UNSC"}
    assert by_alias["nato"] == {"NATO"}
    assert "security council" not in by_alias


@pytest.mark.parametrize(
    ("alias", "sector"),
    [
        ("president", "HOS"),
        ("head of state", "HOS"),
        ("foreign minister", "GOV"),
        ("foreign ministry", "GOV"),
        ("defence minister", "MIL"),
        ("defense minister", "MIL"),
        ("army", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("forces", "MIL"),
        ("presidential office", "GOV"),
        ("the government", "GOV"),
        ("national security office", "GOV"),
        ("intelligence service", "SPY"),
        ("spy agency", "SPY"),
        ("parliament", "LEG"),
        ("state duma", "LEG"),
        ("national assembly", "LEG"),
        ("state media", "MED"),
        ("news agency", "MED"),
        ("spokesman", "GOV"),
        ("police", "COP"),
        ("ambassador", "DIP"),
    ],
)
def test_agent_sectors(alias: str, sector: str) -> None:
    found = {r["sector"] for r in records("agents") if r["alias"] == alias}
    assert found == {sector}


def test_agents_unique_and_coded() -> None:
    rows = records("agents")
    assert len({r["alias"] for r in rows}) == len(rows)
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["sector"]), row
        assert row["note"].startswith(("phoenix:", "manual")), row


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


def test_people_rows_valid() -> None:
    countries = {r["code"] for r in records("countries")}
    orgs = {r["code"] for r in records("organisations")}
    for row in records("people"):
        assert row["role"] in ROLES, row
        assert row["source"] in {"phoenix", "manual"}, row
        assert re.fullmatch(r"[A-Z]{2,}", row["sector"]), row
        assert row["country"] in countries | orgs, row
        for key in ("valid_from", "valid_to"):
            if row[key]:
                assert ISO_DATE.fullmatch(row[key]), row
                dt.date.fromisoformat(row[key])
        if row["valid_from"] and row["valid_to"]:
            assert row["valid_from"] <= row["valid_to"], row
        if row["source"] == "manual" and row["role"] in ROLE_SECTOR:
            assert row["sector"] == ROLE_SECTOR[row["role"]], row
        if row["source"] == "phoenix":
            assert row["role"] == "OTHER" and row["valid_to"], row


def test_putin_roles() -> None:
    assert "Vladimir Putin" in holders("RUS", "HOS", "2024-06-18")
    assert "Vladimir Putin" in holders("RUS", "HOG", "2010-01-01")
    assert holders("RUS", "HOS", "2010-01-01") == {"Dmitry Medvedev"}
    putin = [r for r in records("people") if r["name"] == "Vladimir Putin"]
    assert all({"putin", "vladimir putin"} <= set(aliases(r["aliases"])) for r in putin)


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("PRK", "HOS", "2024-06-19", "Kim Jong Un"),
        ("PRK", "FM", "2024-06-19", "Choe Son Hui"),
        ("PRK", "DM", "2025-01-15", "No Kwang Chol"),
        ("KOR", "HOS", "2023-01-01", "Yoon Suk Yeol"),
        ("KOR", "HOS", "2025-08-15", "Lee Jae-myung"),
        ("KOR", "FM", "2024-06-01", "Cho Tae-yul"),
        ("KOR", "FM", "2023-01-01", "Park Jin"),
        ("KOR", "DM", "2024-10-01", "Kim Yong-hyun"),
        ("KOR", "DM", "2024-01-01", "Shin Won-sik"),
        ("KOR", "NSA", "2024-03-01", "Chang Ho-jin"),
        ("KOR", "NSA", "2024-10-01", "Shin Won-sik"),
        ("RUS", "DM", "2020-01-01", "Sergei Shoigu"),
        ("RUS", "DM", "2025-01-01", "Andrei Belousov"),
        ("RUS", "NSA", "2025-01-01", "Sergei Shoigu"),
        ("RUS", "FM", "2024-06-19", "Sergey Lavrov"),
        ("RUS", "SPOKES", "2024-06-19", "Dmitry Peskov"),
        ("USA", "FM", "2023-01-01", "Antony Blinken"),
        ("USA", "DM", "2023-01-01", "Lloyd Austin"),
        ("USA", "NSA", "2023-01-01", "Jake Sullivan"),
        ("USA", "HOS", "2024-06-18", "Joe Biden"),
        ("CHN", "HOS", "2024-06-18", "Xi Jinping"),
        ("JPN", "HOG", "2023-01-01", "Fumio Kishida"),
        ("JPN", "HOG", "2025-01-01", "Shigeru Ishiba"),
        ("UKR", "HOS", "2024-06-18", "Volodymyr Zelensky"),
    ],
)
def test_office_holders(country: str, role: str, day: str, name: str) -> None:
    assert name in holders(country, role, day)


@pytest.mark.parametrize("role", ["HOS", "HOG", "FM", "DM"])
@pytest.mark.parametrize("country", ["RUS", "PRK", "KOR", "USA", "CHN", "JPN", "UKR"])
def test_core_offices_filled_2012_to_2026(country: str, role: str) -> None:
    for year in range(2012, 2027):
        day = f"{year}-07-01" if year < 2026 else "2026-03-01"
        assert holders(country, role, day), (country, role, day)


def test_manual_aliases_safe() -> None:
    owner: dict[str, str] = {}
    for row in records("people"):
        if row["source"] != "manual":
            continue
        for alias in aliases(row["aliases"]):
            assert alias not in {"kim", "lee", "park", "choi", "moon", "li", "wang"}, row
            assert owner.setdefault(alias, row["name"]) == row["name"], (alias, row["name"])
