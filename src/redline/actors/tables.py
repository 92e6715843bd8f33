"""Actor alias and role tables, loaded from the project's data files (see their headers)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from redline.errors import DataFileError

AliasKind = Literal["country", "org", "person", "agent", "institution", "place"]


@dataclass(frozen=True, slots=True)
class Country:
    """A state or a historic state, with its successor when it has one."""

    code: str
    name: str
    historic: bool
    successor: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    """An international or non-state organisation."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Role:
    """One period in which a person held a role for a country."""

    name: str
    country: str
    role: str
    sector: str
    valid_from: date | None
    valid_to: date | None

    def holds_on(self, day: date) -> bool:
        """True when the role was held on `day`."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Institution:
    """A named body of a state (ministry, agency, state media) or a non-state group."""

    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class AliasTarget:
    """What an alias may name: a country, an organisation, a person, or a generic agent."""

    kind: AliasKind
    key: str


@dataclass
class ActorTables:
    """Every alias with what it names, plus the entities behind the keys."""

    aliases: dict[str, list[AliasTarget]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    roles: dict[str, list[Role]] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)

    def add_alias(self, alias: str, target: AliasTarget, first: bool = False) -> None:
        """Register `alias` (case-insensitive) for `target`, once; `first` gives it priority."""
        key = " ".join(alias.lower().split())
        if not key:
            return
        bucket = self.aliases.setdefault(key, [])
        if target not in bucket:
            bucket.insert(0, target) if first else bucket.append(target)


def _rows(path: Path | Iterable[str], name: str) -> Iterator[dict[str, str]]:
    lines = path.read_text("utf-8").splitlines() if isinstance(path, Path) else list(path)
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"{name}: row {number} has the wrong number of columns")
        yield {k: v.strip() for k, v in row.items()}


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _split(text: str) -> list[str]:
    return [part for part in text.split("|") if part.strip()]


def load_into(
    tables: ActorTables, directory: Path | None = None, first: bool = False
) -> ActorTables:
    """Add the actor files in `directory` (default: the packaged tables) to `tables`.

    `first` puts the new aliases ahead of those already loaded, for a gold set whose own
    dictionaries define the world it is coded in (the PETRARCH suite's "Egypt" is UAR)."""
    base = directory or Path(str(resources.files("redline").joinpath("data/actors")))
    files = {
        name: base / name
        for name in (
            "countries.tsv",
            "organisations.tsv",
            "people.tsv",
            "agents.tsv",
            "institutions.tsv",
            "institutions_extra.tsv",
            "metonyms.tsv",
            "aliases_extra.tsv",
        )
    }
    try:
        if files["countries.tsv"].exists():
            for row in _rows(files["countries.tsv"], "countries.tsv"):
                code = row["code"].upper()
                tables.countries[code] = Country(
                    code, row["name"], row["kind"] == "historic", row["successor"] or None
                )
                for alias in [row["name"], *_split(row["aliases"])]:
                    tables.add_alias(alias, AliasTarget("country", code), first)
        if files["organisations.tsv"].exists():
            for row in _rows(files["organisations.tsv"], "organisations.tsv"):
                code = row["code"].upper()
                tables.organisations[code] = Organisation(code, row["name"])
                for alias in [row["name"], *_split(row["aliases"])]:
                    tables.add_alias(alias, AliasTarget("org", code), first)
        if files["people.tsv"].exists():
            for row in _rows(files["people.tsv"], "people.tsv"):
                role = Role(
                    row["name"],
                    row["country"].upper(),
                    row["role"],
                    row["sector"],
                    _date(row["valid_from"]),
                    _date(row["valid_to"]),
                )
                tables.roles.setdefault(row["name"], []).append(role)
                for alias in [row["name"], *_split(row["aliases"])]:
                    tables.add_alias(alias, AliasTarget("person", row["name"]), first)
        if files["agents.tsv"].exists():
            for row in _rows(files["agents.tsv"], "agents.tsv"):
                tables.agents[" ".join(row["alias"].lower().split())] = row["sector"].upper()
                tables.add_alias(row["alias"], AliasTarget("agent", row["sector"].upper()), first)
        for name in ("institutions.tsv", "institutions_extra.tsv", "metonyms.tsv"):
            if files[name].exists():
                for row in _rows(files[name], name):
                    body = Institution(
                        row["name"], row["country"].upper() or None, row["sector"].upper() or None
                    )
                    tables.institutions[body.name] = body
                    for alias in [row["name"], *_split(row["aliases"])]:
                        target = AliasTarget("institution", body.name)
                        tables.add_alias(alias, target, first=first or name == "metonyms.tsv")
        if files["aliases_extra.tsv"].exists():
            _extra_aliases(tables, files["aliases_extra.tsv"], first)
        places = base / "places.tsv"
        if places.exists():
            for row in _rows(places, "places.tsv"):
                key = " ".join(row["alias"].lower().split())
                tables.places[key] = row["country"].upper()
                tables.add_alias(key, AliasTarget("place", key))
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"actor tables in {base} are invalid: {exc}") from exc
    return tables


def _extra_aliases(tables: ActorTables, path: Path, first: bool) -> None:
    """Add further spellings of entities already loaded (an unknown key is an error)."""
    known: dict[str, Iterable[str]] = {
        "country": tables.countries,
        "org": tables.organisations,
        "person": tables.roles,
        "institution": tables.institutions,
    }
    for row in _rows(path, path.name):
        kind, key = row["kind"], row["key"]
        if kind not in known or key not in known[kind]:
            raise ValueError(f"{path.name}: {kind} {key!r} is not in the tables")
        target = AliasTarget(cast(AliasKind, kind), key)
        tables.add_alias(row["alias"], target, first=first or kind == "institution")


@lru_cache(maxsize=1)
def packaged_tables() -> ActorTables:
    """The packaged actor tables, loaded once per process."""
    return load_into(ActorTables())
