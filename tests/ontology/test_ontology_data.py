"""Consistency checks for redline's PLOVER ontology and trigger-lexicon data files.

Reads only files under src/redline/data (built by scripts/build_ontology.py and
scripts/build_lexicon.py, plus the hand-written plover.yaml and triggers_manual.tsv).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "redline" / "data"
ONTO = DATA / "ontology"
LEX = DATA / "lexicon"

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
LEX_COLUMNS = ["lemma", "particle", "object", "cameo", "type", "mode", "contexts", "origin"]
TSV_FILES = [
    ONTO / "cameo2plover.tsv",
    ONTO / "plover_legacy.tsv",
    LEX / "verbs.tsv",
    LEX / "verbs_conflicts.tsv",
    LEX / "triggers_manual.tsv",
]


@cache
def ontology() -> dict[str, Any]:
    doc = yaml.safe_load((ONTO / "plover.yaml").read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


@cache
def modes_by_type() -> dict[str, frozenset[str]]:
    return {t["name"]: frozenset(m["name"] for m in t["modes"]) for t in ontology()["types"]}


@cache
def context_names() -> frozenset[str]:
    return frozenset(c["name"] for c in ontology()["contexts"])


@cache
def read_tsv(path: Path) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    header = tuple(lines[0].split("\t"))
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{path.name} data line {n}: {cells}"
        rows.append(dict(zip(header, cells, strict=True)))
    return header, tuple(rows)


def rows(path: Path) -> tuple[dict[str, str], ...]:
    return read_tsv(path)[1]


def split_contexts(value: str) -> list[str]:
    return [c for c in value.split("|") if c]


def lookup(lemma: str, particle: str = "", obj: str = "") -> dict[str, str] | None:
    """The lexicon row for a key, with triggers_manual.tsv taking precedence over verbs.tsv."""
    for path in (LEX / "triggers_manual.tsv", LEX / "verbs.tsv"):
        for r in rows(path):
            if (r["lemma"], r["particle"], r["object"]) == (lemma, particle, obj):
                return r
    return None


# --- plover.yaml ----------------------------------------------------------------------------


def test_exactly_the_sixteen_plover_types() -> None:
    names = [t["name"] for t in ontology()["types"]]
    assert len(names) == 16
    assert set(names) == PLOVER_TYPES


def test_type_fields() -> None:
    for t in ontology()["types"]:
        assert isinstance(t["description"], str) and 10 < len(t["description"]) < 400
        assert t["quad"] in QUADS, t["name"]
        assert isinstance(t["requires_recipient"], bool)
        assert isinstance(t["score"], int | float) and -10 <= t["score"] <= 10
        names = [m["name"] for m in t["modes"]]
        assert len(names) == len(set(names)), t["name"]
        for m in t["modes"]:
            assert m["description"]
            if "score" in m:
                assert -10 <= m["score"] <= 10


def test_quads_and_recipients_follow_the_manual_sections() -> None:
    by_name = {t["name"]: t for t in ontology()["types"]}
    quads = Counter(t["quad"] for t in by_name.values())
    assert quads == {
        "verbal_cooperation": 4,
        "material_cooperation": 3,
        "verbal_conflict": 4,
        "material_conflict": 5,
    }
    assert {n for n, t in by_name.items() if t["requires_recipient"]} == {
        "COOPERATE",
        "AID",
        "SANCTION",
    }
    assert by_name["AID"]["score"] == 10
    assert by_name["ASSAULT"]["score"] == -9


def test_contexts_and_auxiliary_modes() -> None:
    names = [c["name"] for c in ontology()["contexts"]]
    assert len(names) == len(set(names))
    assert {"military", "economic", "diplomatic", "technology", "cbrn", "cyber"} <= set(names)
    aux = {m["name"] for m in ontology()["auxiliary_modes"]["modes"]}
    assert aux == {"historical", "future", "hypothetical", "negation"}
    assert ontology()["attribution"] and ontology()["version"]


# --- every table ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", TSV_FILES, ids=lambda p: p.name)
def test_tsv_has_attribution_header(path: Path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[:15]
    comments = " ".join(ln for ln in head if ln.startswith("#"))
    assert "Open Event Data Alliance" in comments or "OEDA" in comments
    assert "scripts/build_" in comments


@pytest.mark.parametrize("path", TSV_FILES, ids=lambda p: p.name)
def test_types_modes_contexts_are_declared(path: Path) -> None:
    modes = modes_by_type()
    for r in rows(path):
        t = r.get("type") or r.get("chosen_type") or ""
        if not t and path.name == "plover_legacy.tsv":
            continue  # legacy names with no PLOVER event (e.g. CAMEO 01, CRIME)
        assert t in PLOVER_TYPES, r
        mode = r.get("mode") or r.get("chosen_mode") or ""
        assert not mode or mode in modes[t], r
        for c in split_contexts(r.get("contexts", "")):
            assert c in context_names(), r


# --- cameo2plover.tsv -----------------------------------------------------------------------


def test_cameo2plover_keys_and_scores() -> None:
    header, table = read_tsv(ONTO / "cameo2plover.tsv")
    assert header[:5] == ("cameo", "type", "mode", "contexts", "description")
    codes = [r["cameo"] for r in table]
    assert len(codes) == len(set(codes))
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in codes)
    assert len(codes) > 250
    for r in table:
        assert r["description"], r
        if r.get("goldstein"):
            assert -10 <= float(r["goldstein"]) <= 10


def test_cameo2plover_spot_checks() -> None:
    by_code = {r["cameo"]: r for r in rows(ONTO / "cameo2plover.tsv")}
    assert by_code["0311"]["type"] == "AGREE"
    assert split_contexts(by_code["0311"]["contexts"]) == ["economic"]
    assert by_code["057"]["type"] == "SUPPORT"  # sign formal agreement
    assert (by_code["163"]["type"], by_code["163"]["mode"]) == ("SANCTION", "discontinue")
    assert (by_code["129"]["type"]) == "REJECT"  # veto
    assert (by_code["042"]["type"], by_code["042"]["mode"]) == ("CONSULT", "visit")
    assert by_code["072"]["type"] == "AID" and "military" in by_code["072"]["contexts"]
    assert by_code["0874"]["type"] == "RETREAT"
    assert by_code["191"]["type"] == "COERCE"  # blockade
    assert by_code["057"]["goldstein"] == "8.0"


# --- plover_legacy.tsv ----------------------------------------------------------------------


def test_legacy_names() -> None:
    legacy = {
        (r["kind"], r["legacy_type"], r["legacy_value"]): r
        for r in rows(ONTO / "plover_legacy.tsv")
    }
    assert legacy[("type", "DEMAND", "")]["type"] == "REQUEST"
    assert (
        legacy[("type", "DISAPPROVE", "")]["type"],
        legacy[("type", "DISAPPROVE", "")]["mode"],
    ) == ("ACCUSE", "disapprove")
    assert (
        legacy[("type", "INVESTIGATE", "")]["type"],
        legacy[("type", "INVESTIGATE", "")]["mode"],
    ) == ("ACCUSE", "investigate")
    assert legacy[("type", "FIGHT", "")]["type"] == "ASSAULT"
    for t in PLOVER_TYPES - {"REQUEST", "ACCUSE"}:
        assert legacy[("type", t, "")]["type"] == t
    assert all(r["note"] for r in legacy.values())


# --- lexicon --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["verbs.tsv", "triggers_manual.tsv"])
def test_lexicon_columns_and_unique_keys(name: str) -> None:
    header, table = read_tsv(LEX / name)
    assert list(header) == LEX_COLUMNS
    keys = Counter((r["lemma"], r["particle"], r["object"]) for r in table)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups[:10]
    origin = "cameo2" if name == "verbs.tsv" else "manual"
    for r in table:
        assert r["origin"] == origin, r
        lemma, obj = r["lemma"], r["object"]
        assert lemma and lemma == lemma.lower() and " " not in lemma, r
        assert obj == obj.lower() and " " not in obj, r
        if r["particle"] != "NOUN":
            assert r["particle"] == r["particle"].lower() and " " not in r["particle"], r
        else:
            assert name == "triggers_manual.tsv" and not obj, r


def test_lexicon_cameo_codes_agree_with_cameo2plover() -> None:
    by_code = {r["cameo"]: r for r in rows(ONTO / "cameo2plover.tsv")}
    for name in ("verbs.tsv", "triggers_manual.tsv"):
        for r in rows(LEX / name):
            if r["cameo"]:
                assert by_code[r["cameo"]]["type"] == r["type"], (name, r)


def test_lexicon_sizes() -> None:
    manual = rows(LEX / "triggers_manual.tsv")
    assert len(manual) >= 300
    assert {r["type"] for r in manual} == PLOVER_TYPES
    assert sum(r["particle"] == "NOUN" for r in manual) >= 50
    assert len(rows(LEX / "verbs.tsv")) > 1000


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (("veto", "", ""), ("REJECT", "")),
        # The PLOVER manual codes actually signing/ratifying an agreement as SUPPORT (CAMEO 057);
        # only a promise to sign is AGREE.
        (("sign", "", "treaty"), ("SUPPORT", "")),
        (("ratify", "", ""), ("SUPPORT", "")),
        (("agree", "to", ""), ("AGREE", "")),
        (("summon", "", "ambassador"), ("ACCUSE", "disapprove")),
        (("condemn", "", ""), ("ACCUSE", "disapprove")),
        (("warn", "", ""), ("THREATEN", "")),
        (("impose", "", "sanction"), ("SANCTION", "discontinue")),
        (("supply", "", "weapon"), ("AID", "")),
        (("deploy", "", "troop"), ("MOBILIZE", "troops")),
        (("call", "on", ""), ("REQUEST", "")),
        (("release", "", "prisoner"), ("RETREAT", "release")),
        (("lift", "", "curfew"), ("CONCEDE", "")),
        (("withdraw", "", "troop"), ("RETREAT", "withdraw")),
        (("expel", "", "diplomat"), ("SANCTION", "expel")),
        (("arrest", "", ""), ("COERCE", "arrest")),
        (("shell", "", ""), ("ASSAULT", "heavy-weapons")),
        (("talk", "NOUN", ""), ("CONSULT", "")),
        (("visit", "", ""), ("CONSULT", "visit")),
    ],
)
def test_lexicon_spot_checks(key: tuple[str, str, str], expected: tuple[str, str]) -> None:
    row = lookup(*key)
    assert row is not None, key
    assert (row["type"], row["mode"]) == expected, row


def test_arms_supply_has_military_context() -> None:
    row = lookup("supply", "", "weapon")
    assert row is not None and "military" in split_contexts(row["contexts"])
