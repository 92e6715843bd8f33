"""CAMEO codes in imported datasets, read through the project's own mapping tables.

Event codes go to PLOVER type, mode and contexts by data/ontology/cameo2plover.tsv (longest
prefix first, as `evaluation.bridge` does for types); actor codes go to redline's CAMEO-style
actor codes with the country part normalised to the code redline uses (data/actors/
cameo_countries.tsv: CAMEO's own three-letter codes where they differ from ISO).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redline.actors.tables import packaged_tables
from redline.evaluation.bridge import PLOVER_TYPES, packaged_bridge
from redline.models import Actor
from redline.ontology.plover import packaged_ontology

# CAMEO's non-state top-level codes (the rest of the code is the organisation or its type).
NON_STATE = ("IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS")


@dataclass(frozen=True, slots=True)
class Coding:
    """What a CAMEO event code means in PLOVER."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str = ""  # CAMEO's name of the code ("Provide military aid")


@lru_cache(maxsize=1)
def _table() -> dict[str, Coding]:
    path = Path(str(resources.files("redline").joinpath("data/ontology/cameo2plover.tsv")))
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    out: dict[str, Coding] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        kind = (row.get("type") or "").strip().upper()
        if kind:
            contexts = tuple(c for c in (row.get("contexts") or "").split("|") if c)
            mode = (row.get("mode") or "").strip() or None
            name = (row.get("description") or "").strip()
            out[row["cameo"].strip()] = Coding(kind, mode, contexts, name)
    return out


def event_coding(code: str) -> Coding | None:
    """The PLOVER coding of a CAMEO event code ('0312' -> AGREE, military), or None."""
    code = code.strip()
    if not code.isdigit():
        return None
    table = _table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    kind = packaged_bridge().event_type(code)  # codes the table lacks but the bridge knows
    return Coding(kind, None, ()) if kind in PLOVER_TYPES else None


def intensity(kind: str, mode: str | None) -> float | None:
    """The PLOVER score of a type and mode (imports keep CAMEO's Goldstein value apart)."""
    return packaged_ontology().score(kind, mode)


def quad_code(kind: str) -> int | None:
    """PLOVER's quad number (1 verbal cooperation ... 4 material conflict) of a type."""
    names = {
        "verbal_cooperation": 1,
        "material_cooperation": 2,
        "verbal_conflict": 3,
        "material_conflict": 4,
    }
    found = packaged_ontology().types.get(kind)
    return names.get(found.quad) if found else None


def country_code(code: str) -> str | None:
    """The country redline uses for a three-letter CAMEO or ISO code, or None if not a state."""
    head = code.strip().upper()[:3]
    if not head or head in NON_STATE:
        return None
    head = packaged_bridge().countries.get(head, head)
    return head if head in packaged_tables().countries else None


def cameo_actor(code: str, name: str = "", country: str = "") -> Actor | None:
    """A redline actor from a CAMEO actor code ('RUSGOV'), its name, and a country hint.

    The code keeps its CAMEO form with the country part normalised; the sector is the next
    three letters. A code whose head is no state (IGOUNO) keeps its whole code and no country.
    """
    code = code.strip().upper()
    hint = country_code(country) if country else None
    if not code:
        if hint is None:
            return None
        code = hint
    state = country_code(code)
    if state is None:
        return Actor(code=code, country=hint, sector=None, text=name.strip())
    rest = code[3:]
    return Actor(
        code=state + rest,
        country=state,
        sector=rest[:3] or None,
        text=name.strip(),
    )
