"""PLOVER event types, modes, contexts and scores from data/ontology/plover.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.errors import DataFileError

# Contexts redline adds to PLOVER's list (PLOVER files nuclear matters under cbrn).
EXTENSION_CONTEXTS = ("nuclear",)


@dataclass(frozen=True, slots=True)
class EventType:
    """One of PLOVER's 16 event types."""

    name: str
    description: str
    quad: str
    requires_recipient: bool
    score: float | None
    modes: dict[str, float | None]


@dataclass
class Ontology:
    """The PLOVER types and contexts."""

    types: dict[str, EventType] = field(default_factory=dict)
    contexts: set[str] = field(default_factory=set)
    attribution: str = ""

    def score(self, type_name: str, mode: str | None = None) -> float | None:
        """The conflict-cooperation score of a type (and mode, where the manual gives one)."""
        event_type = self.types.get(type_name)
        if event_type is None:
            return None
        if mode and event_type.modes.get(mode) is not None:
            return event_type.modes[mode]
        return event_type.score


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def parse_ontology(data: Any, name: str = "plover.yaml") -> Ontology:
    """Validate and convert the parsed YAML of plover.yaml."""
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise DataFileError(f"{name}: expected a mapping with a 'types' list")
    ontology = Ontology(attribution=str(data.get("attribution", "")))
    for item in data["types"]:
        try:
            modes = {str(m["name"]): _number(m.get("score")) for m in item.get("modes") or []}
            ontology.types[str(item["name"])] = EventType(
                name=str(item["name"]),
                description=str(item.get("description", "")),
                quad=str(item.get("quad", "")),
                requires_recipient=bool(item.get("requires_recipient", False)),
                score=_number(item.get("score")),
                modes=modes,
            )
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"{name}: invalid type entry {item!r}: {exc}") from exc
    ontology.contexts = {str(c["name"]) for c in data.get("contexts") or []}
    ontology.contexts.update(EXTENSION_CONTEXTS)
    if len(ontology.types) != 16:
        raise DataFileError(f"{name}: expected 16 PLOVER types, found {len(ontology.types)}")
    return ontology


def load_ontology(path: Path | None = None) -> Ontology:
    """Read plover.yaml (default: the packaged copy)."""
    path = path or Path(str(resources.files("redline").joinpath("data/ontology/plover.yaml")))
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    return parse_ontology(data, path.name)


@lru_cache(maxsize=1)
def packaged_ontology() -> Ontology:
    """The packaged PLOVER ontology, loaded once per process."""
    return load_ontology()
