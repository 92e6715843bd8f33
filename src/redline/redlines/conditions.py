"""Red-line conditions: leaves over events, provisions and ladder levels, joined by all/any/not.

A condition is evaluated on one reported event (a "moment") and gives a `Match`: how strongly
the red line is touched (`Strength`) and the evidence. An event leaf's strength comes from the
report's modality (asserted -> ASSERTED, scheduled or speculated -> SIGNALLED, anything else
-> NONE), capped by `at_most`. `all` takes the weakest child, `any` the strongest, `not` is
ASSERTED when its child does not match at all and NONE otherwise, so it only ever excludes.

Provision leaves are validated but match nothing until the treaty coder produces provisions:
a rule can name them now and will start using them without a change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TypeAlias

from redline.analysis.conditions import EventCondition
from redline.analysis.evidence import LadderEvidence, Status
from redline.analysis.ladder import LevelState
from redline.analysis.reports import Report
from redline.models import Modality


class Strength(IntEnum):
    """How far a report takes a red line."""

    NONE = 0
    SIGNALLED = 1
    ASSERTED = 2


@dataclass(frozen=True, slots=True)
class EventLeaf:
    """The report's event meets an event condition."""

    condition: EventCondition
    at_most: Strength = Strength.ASSERTED


@dataclass(frozen=True, slots=True)
class ProvisionLeaf:
    """A treaty provision of the pair (ATOP-typed); no provisions are coded yet."""

    types: frozenset[str] = frozenset()
    automatic: bool | None = None
    domains: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class LevelLeaf:
    """The pair's cooperation level on the report's date.

    Without `status` the leaf is graded like an event: ASSERTED when the asserted level
    reaches `at_least`, SIGNALLED when only the signalled level does. With `status` it is a
    plain test (ASSERTED or NONE) of that level, for use as a precondition beside an event
    leaf: `status: signalled` holds once the level has at least been signalled.
    """

    at_least: int
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every child matches."""

    children: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one child matches."""

    children: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class NotOf:
    """The child does not match."""

    child: Condition


Condition: TypeAlias = EventLeaf | ProvisionLeaf | LevelLeaf | AllOf | AnyOf | NotOf
Evidence: TypeAlias = Report | LadderEvidence


@dataclass(frozen=True, slots=True)
class Match:
    """How strongly a condition holds on a moment, and on which evidence.

    The evidence is kept as the parts it was put together from (the report; the items behind
    a ladder level, one tuple shared by every report of that date) and read as one sequence,
    each object once, in order. A level reached on one date backs every matching report from
    then on: copying its items into each match would cost matches times items.
    """

    strength: Strength
    parts: tuple[tuple[Evidence, ...], ...] = ()

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The evidence, each object once, in order of first appearance."""
        return distinct_items(self.parts)


def distinct_items(parts: Iterable[tuple[Evidence, ...]]) -> tuple[Evidence, ...]:
    """The items of `parts` in order, each object once; a part seen before is skipped whole."""
    seen: set[int] = set()
    out: dict[int, Evidence] = {}
    for part in parts:
        if id(part) not in seen:
            seen.add(id(part))
            out.update(zip(map(id, part), part, strict=True))  # keeps first positions
    return tuple(out.values())


NO_MATCH = Match(Strength.NONE)
MODALITY_STRENGTH = {
    Modality.ASSERTED: Strength.ASSERTED,
    Modality.SCHEDULED: Strength.SIGNALLED,
    Modality.SPECULATED: Strength.SIGNALLED,
}


def evaluate(
    condition: Condition,
    report: Report,
    ladder_on: Callable[[date], LevelState],
    as_asserted: bool = False,
) -> Match:
    """Evaluate on one report; `as_asserted` reads it as if asserted (to test a denial)."""
    if isinstance(condition, EventLeaf):
        if not condition.condition.matches(report.event):
            return NO_MATCH
        strength = (
            Strength.ASSERTED
            if as_asserted
            else MODALITY_STRENGTH.get(report.event.modality, Strength.NONE)
        )
        strength = min(strength, condition.at_most)
        return Match(strength, ((report,),)) if strength else NO_MATCH
    if isinstance(condition, ProvisionLeaf):
        return NO_MATCH
    if isinstance(condition, LevelLeaf):
        return _level(condition, report, ladder_on)
    if isinstance(condition, NotOf):
        inner = evaluate(condition.child, report, ladder_on, as_asserted)
        return NO_MATCH if inner.strength else Match(Strength.ASSERTED)
    if isinstance(condition, AllOf):
        # One child that does not match settles it: the rest (a ladder level, say) is not read.
        matches: list[Match] = []
        for child in condition.children:
            match = evaluate(child, report, ladder_on, as_asserted)
            if not match.strength:
                return NO_MATCH
            matches.append(match)
        weakest = min((m.strength for m in matches), default=Strength.NONE)
        return Match(weakest, _parts(matches)) if weakest else NO_MATCH
    matches = [evaluate(c, report, ladder_on, as_asserted) for c in condition.children]
    strongest = max((m.strength for m in matches), default=Strength.NONE)
    return (
        Match(strongest, _parts([m for m in matches if m.strength == strongest]))
        if strongest
        else NO_MATCH
    )


def _level(leaf: LevelLeaf, report: Report, ladder_on: Callable[[date], LevelState]) -> Match:
    if report.known_on is None:
        return NO_MATCH
    state = ladder_on(report.known_on)
    if leaf.status is Status.SIGNALLED:
        holds = state.signalled >= leaf.at_least
        return Match(Strength.ASSERTED, (_reached(state, leaf.at_least),)) if holds else NO_MATCH
    if state.asserted >= leaf.at_least:
        return Match(Strength.ASSERTED, (state.asserted_by,))
    if leaf.status is None and state.signalled >= leaf.at_least:
        return Match(Strength.SIGNALLED, (state.signalled_by,))
    return NO_MATCH


def _reached(state: LevelState, level: int) -> tuple[LadderEvidence, ...]:
    return state.asserted_by if state.asserted >= level else state.signalled_by


def _parts(matches: Sequence[Match]) -> tuple[tuple[Evidence, ...], ...]:
    return tuple(part for match in matches for part in match.parts)


def possible_types(condition: Condition) -> frozenset[str] | None:
    """The event types a report must have for the condition to match it; None: any type.

    A report of another type gets `NO_MATCH` whatever else it says, so an evaluation may skip
    it unread. Event leaves name types; a level leaf or a `not` can match a report of any
    type; a provision leaf matches none.
    """
    if isinstance(condition, EventLeaf):
        return condition.condition.types or None
    if isinstance(condition, ProvisionLeaf):
        return frozenset()
    if isinstance(condition, LevelLeaf | NotOf):
        return None
    found = [possible_types(c) for c in condition.children]
    if isinstance(condition, AllOf):
        narrowing = [t for t in found if t is not None]
        return frozenset.intersection(*narrowing) if narrowing else None
    if any(t is None for t in found):
        return None
    return frozenset().union(*(t for t in found if t is not None))


def uses_levels(condition: Condition) -> bool:
    """True when the condition has a level leaf (so the pair's ladder must be computed)."""
    if isinstance(condition, LevelLeaf):
        return True
    if isinstance(condition, AllOf | AnyOf):
        return any(uses_levels(c) for c in condition.children)
    if isinstance(condition, NotOf):
        return uses_levels(condition.child)
    return False
