"""The rungs of the cooperation ladder as data: which coded events reach which level.

The mapping lives in data/analysis/ladder.yaml (see its header); a user can load their own
with `load_ladder(path)`. Each rung is an event condition plus what the match means: the level,
whether it is a commitment (can lapse) or an activity, whether a match can only ever signal
the level (`max_status: signalled`), and an optional precondition on the level already
reached (`requires`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redline.analysis.conditions import EventCondition, parse_event_condition
from redline.analysis.evidence import Basis, ItemKind, Status
from redline.analysis.located import (
    Node,
    Problems,
    choice_list,
    fields,
    integer,
    load_located,
    text,
)
from redline.errors import DataFileError
from redline.ontology.plover import Ontology, packaged_ontology

TOP = 7
# ATOP-style provision types of the treaty coder (redline.treaties.models.ProvisionType).
PROVISION_TYPES = (
    "DEFENSE",
    "OFFENSE",
    "NEUTRALITY",
    "NONAGGRESSION",
    "CONSULTATION",
    "MILITARY_AID",
    "TECH_TRANSFER",
    "BASING",
    "INTEGRATED_COMMAND",
    "RECOGNITION",
    "ECONOMIC",
    "SCI_TECH",
)
RUNG_FIELDS = ("id", "level", "kind", "basis", "max_status", "description", "requires")


@dataclass(frozen=True, slots=True)
class LevelGuard:
    """A precondition: the pair has reached `at_least` with this status (signalled includes
    asserted)."""

    at_least: int
    status: Status


@dataclass(frozen=True, slots=True)
class Rung:
    """One mapping from an event condition to a rung of the ladder."""

    id: str
    level: int
    condition: EventCondition
    kind: ItemKind = ItemKind.REACH
    basis: Basis = Basis.ACTIVITY
    max_status: Status = Status.ASSERTED
    description: str = ""
    requires: LevelGuard | None = None


@dataclass(frozen=True, slots=True)
class Ladder:
    """The level names and the rungs."""

    names: dict[int, str]
    rungs: tuple[Rung, ...]
    commitment_types: frozenset[str] = frozenset()
    provisions: dict[str, int] = field(default_factory=dict)

    def name(self, level: int) -> str:
        """`L6 mutual defence commitment`."""
        return f"L{level} {self.names.get(level, '')}".strip()


def parse_ladder(root: Node | None, name: str, ontology: Ontology) -> Ladder:
    """Validate a parsed ladder file; every error is reported with its line."""
    problems = Problems(name)
    if root is None:
        raise DataFileError(f"{name}: the file is empty")
    top = fields(
        root,
        problems,
        "the ladder file",
        ("levels", "commitment_types", "provisions", "rungs"),
        ("rungs",),
    )
    provisions: dict[str, int] = {}
    if "provisions" in top:
        for kind, node in fields(
            top["provisions"], problems, "provisions", PROVISION_TYPES
        ).items():
            level = integer(node, problems, f"the level of {kind}", 0, TOP)
            if level is not None:
                provisions[kind] = level
    promises = (
        choice_list(top["commitment_types"], problems, "PLOVER type", sorted(ontology.types))
        if "commitment_types" in top
        else []
    )
    names: dict[int, str] = {}
    if "levels" in top and not isinstance(top["levels"].value, list):
        problems.add(top["levels"], "levels must be a list of {level, name}")
    elif "levels" in top:
        for node in top["levels"].value:
            found = fields(node, problems, "a level", ("level", "name"), ("level", "name"))
            level = integer(found["level"], problems, "level", 0, TOP) if "level" in found else None
            label = text(found["name"], problems, "level name") if "name" in found else None
            if level is not None and label:
                names[level] = label
    rungs: list[Rung] = []
    if "rungs" in top and not isinstance(top["rungs"].value, list):
        problems.add(top["rungs"], "rungs must be a list")
    elif "rungs" in top:
        seen: set[str] = set()
        for node in top["rungs"].value:
            rung = _parse_rung(node, problems, ontology)
            if rung and rung.id in seen:
                problems.add(node, f"duplicate rung id '{rung.id}'")
            elif rung:
                seen.add(rung.id)
                rungs.append(rung)
    problems.check()
    return Ladder(
        names=names,
        rungs=tuple(rungs),
        commitment_types=frozenset(promises),
        provisions=provisions,
    )


def _parse_rung(node: Node, problems: Problems, ontology: Ontology) -> Rung | None:
    condition, own = parse_event_condition(node, problems, ontology, "a rung", RUNG_FIELDS)
    for key in ("id", "level"):
        if key not in own and isinstance(node.value, dict):
            problems.add(node, f"a rung needs '{key}'")
    rung_id = text(own["id"], problems, "rung id") if "id" in own else None
    level = integer(own["level"], problems, "level", 0, TOP) if "level" in own else None
    if rung_id is None or level is None:
        return None
    return Rung(
        id=rung_id,
        level=level,
        condition=condition,
        kind=ItemKind(_one(own, "kind", problems, [k.value for k in ItemKind], "reach")),
        basis=Basis(_one(own, "basis", problems, [b.value for b in Basis], "activity")),
        max_status=Status(_one(own, "max_status", problems, ["asserted", "signalled"], "asserted")),
        description=(text(own["description"], problems, "description") or "")
        if "description" in own
        else "",
        requires=parse_guard(own["requires"], problems) if "requires" in own else None,
    )


def parse_guard(node: Node, problems: Problems) -> LevelGuard | None:
    """`{at_least: N, status: asserted|signalled}`."""
    found = fields(node, problems, "a level precondition", ("at_least", "status"), ("at_least",))
    at_least = (
        integer(found["at_least"], problems, "at_least", 0, TOP) if "at_least" in found else None
    )
    status = _one(found, "status", problems, ["asserted", "signalled"], "asserted")
    return None if at_least is None else LevelGuard(at_least, Status(status))


def _one(
    found: dict[str, Node], key: str, problems: Problems, choices: list[str], default: str
) -> str:
    if key not in found:
        return default
    values = choice_list(found[key], problems, key, choices)
    if len(values) != 1 or isinstance(found[key].value, list):
        problems.add(found[key], f"{key} must be one of {', '.join(choices)}")
        return default
    return values[0]


def load_ladder(path: Path | None = None, ontology: Ontology | None = None) -> Ladder:
    """Read a ladder file (default: the packaged data/analysis/ladder.yaml)."""
    path = path or Path(str(resources.files("redline").joinpath("data/analysis/ladder.yaml")))
    try:
        content = path.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    return parse_ladder(
        load_located(content, path.name), path.name, ontology or packaged_ontology()
    )


@lru_cache(maxsize=1)
def packaged_ladder() -> Ladder:
    """The packaged ladder, loaded once per process."""
    return load_ladder()
