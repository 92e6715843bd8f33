"""Evidence items: what the cooperation ladder is computed from.

Anything that can say "on this date, this pair reached (or signalled, or lost) this rung, and
here is the sentence" is an evidence item. Coded events produce them today (through the rungs
of ladder.yaml); treaty provisions will produce them too, by implementing `LadderEvidence`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from redline.analysis.reports import Report
from redline.models import Evidence, Modality


class Status(StrEnum):
    """How an item bears on its rung."""

    ASSERTED = "asserted"  # reported as fact (historical background included, at its own date)
    SIGNALLED = "signalled"  # scheduled or speculated
    DENIED = "denied"  # a party denies it: shown as counter-evidence, never counted


class ItemKind(StrEnum):
    """Whether an item raises the level or lowers it."""

    REACH = "reach"
    LAPSE = "lapse"  # a treaty or commitment lapses, expires or is terminated


class Basis(StrEnum):
    """What an item rests on: only commitments can lapse; activities stay done."""

    COMMITMENT = "commitment"
    ACTIVITY = "activity"


class LadderEvidence(Protocol):
    """The protocol the ladder reads: an event, and later a treaty provision, provide it."""

    @property
    def date(self) -> date:
        """The day the item counts from."""

    @property
    def level(self) -> int:
        """The rung, 0-7 (for a lapse: the lowest rung whose commitments it ends)."""

    @property
    def modality(self) -> Modality:
        """How the source presents it."""

    @property
    def status(self) -> Status:
        """Asserted, signalled or denied (derived from the modality and the rung)."""

    @property
    def kind(self) -> ItemKind:
        """Reach or lapse."""

    @property
    def basis(self) -> Basis:
        """Commitment or activity."""

    @property
    def description(self) -> str:
        """One line saying what the item is."""

    @property
    def evidence(self) -> Evidence:
        """The sentence and span it rests on."""

    @property
    def agreement(self) -> str | None:
        """The agreement a commitment belongs to (a treaty id; for events, the year it was made)."""

    @property
    def lapses(self) -> tuple[str, ...]:
        """For a lapse: the agreements it may end (empty: every earlier commitment)."""


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """An evidence item produced from one reported event by one rung of the ladder."""

    date: date
    level: int
    modality: Modality
    status: Status
    kind: ItemKind
    basis: Basis
    description: str
    evidence: Evidence
    rung: str
    agreement: str | None = None
    lapses: tuple[str, ...] = ()
    report: Report | None = None

    @property
    def event_id(self) -> str | None:
        """The id of the event the item comes from."""
        return self.report.event.id if self.report else None


def status_of(modality: Modality) -> Status | None:
    """The ladder status of a modality; None for those that never count (if, not)."""
    if modality in (Modality.ASSERTED, Modality.HISTORICAL):
        return Status.ASSERTED
    if modality in (Modality.SCHEDULED, Modality.SPECULATED):
        return Status.SIGNALLED
    if modality is Modality.DENIED:
        return Status.DENIED
    return None
