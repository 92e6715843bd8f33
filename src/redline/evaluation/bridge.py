"""Map gold codes to what redline produces: PLOVER 0.5 names and CAMEO codes to the 16
current types, and CAMEO actor codes to the country level redline compares on."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    path = Path(str(resources.files("redline").joinpath(f"data/{name}")))
    if not path.exists():
        return []
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Bridge:
    """Type and actor-code conversions for scoring."""

    legacy: dict[str, str] = field(default_factory=dict)
    legacy_modes: dict[tuple[str, str], str] = field(default_factory=dict)
    cameo: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    org_classes: dict[str, str] = field(default_factory=dict)

    def event_type(self, code: str | None, mode: str | None = None) -> str | None:
        """The current PLOVER type for a gold code (type name, legacy name or CAMEO code).

        A legacy name with its legacy mode may have moved: PLOVER 0.5 COERCE `destroy` is
        ASSAULT `destroy` now, FIGHT `deport` is COERCE `deport` (`plover_legacy.tsv`)."""
        if not code:
            return None
        name = code.strip().upper()
        if mode and (name, mode.strip().lower()) in self.legacy_modes:
            return self.legacy_modes[(name, mode.strip().lower())] or None
        if name in PLOVER_TYPES:
            return name
        if name in self.legacy:
            return self.legacy[name] or None
        if name.isdigit():
            for length in range(len(name), 1, -1):
                if name[:length] in self.cameo:
                    return self.cameo[name[:length]] or None
        return None

    def actor(self, code: str | None) -> str | None:
        """The comparison key of an actor code: its country (ISO3) or organisation class."""
        if not code:
            return None
        code = code.strip().upper()
        if code.startswith("---"):
            return None  # CAMEO's unknown actor ("---", "---GOV"): redline leaves it uncoded
        if code.startswith(ORG_CLASSES):
            return code[:3]
        head = code[:3]
        return self.countries.get(head, GOLD_VARIANTS.get(head, head))

    def event_actor(self, country: str | None, code: str | None) -> str | None:
        """The comparison key of a coded actor: its country, else the class of its
        organisation (`organisations.tsv` gives it: the Red Cross is NGO, the UN IGO; a
        non-state armed group without a country is IMG), IGO when the code is unknown."""
        if country and country.strip().upper() in self.org_classes:
            return self.org_classes[country.strip().upper()]  # an official of the UN, EU, ...
        if country:
            return self.actor(country)
        if not code:
            return None
        code = code.strip().upper()
        if code in self.org_classes:
            return self.org_classes[code]
        return code[:3] if code.startswith(ORG_CLASSES) else "IGO"


ORG_CLASSES = ("IGO", "NGO", "IMG", "MNC")
# Country codes of the PLOVER GSR that are neither ISO nor CAMEO (its README lists them):
# Japan written JAP, Italy ITL, Vietnam VTN.
GOLD_VARIANTS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@lru_cache(maxsize=1)
def packaged_bridge() -> Bridge:
    """The bridge built from the packaged ontology and actor tables."""
    bridge = Bridge()
    for row in _rows("ontology/plover_legacy.tsv"):
        if row.get("kind") == "type":
            bridge.legacy[row["legacy_type"].strip().upper()] = row["type"].strip().upper()
        elif row.get("kind") == "mode":
            key = (row["legacy_type"].strip().upper(), row["legacy_value"].strip().lower())
            bridge.legacy_modes[key] = row["type"].strip().upper()
    for row in _rows("ontology/cameo2plover.tsv"):
        bridge.cameo[row["cameo"].strip()] = row["type"].strip().upper()
    for row in _rows("actors/organisations.tsv"):
        head = row["cameo"].strip().upper()[:3]
        bridge.org_classes[row["code"].strip().upper()] = head if head in ORG_CLASSES else "IGO"
    for row in _rows("actors/cameo_countries.tsv"):
        bridge.countries[row["cameo"].strip().upper()] = row["iso3"].strip().upper()
    return bridge
