"""Alerts: one per (red line, pair), with its lifecycle and the evidence of every transition."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class AlertState(StrEnum):
    """signalled -> crossed -> confirmed; an alert only moves forward."""

    SIGNALLED = "signalled"
    CROSSED = "crossed"
    CONFIRMED = "confirmed"


class Role(StrEnum):
    """What a piece of evidence does for its alert."""

    SIGNALLED = "signalled"  # the report that first signalled the line
    CROSSED = "crossed"  # the asserted report that crossed it
    CONFIRMED = "confirmed"  # the text, or the further independent report, that confirmed it
    SUPPORT = "support"  # any other report matching the rule
    COUNTER = "counter"  # a denial: shown beside the alert, it changes nothing


@dataclass(frozen=True, slots=True)
class AlertEvidence:
    """One sentence behind an alert."""

    role: Role
    doc_id: str
    text: str
    modality: str
    date: dt.date | None  # the event date
    event_id: str | None = None
    sentence: int = -1
    published: dt.date | None = None
    outlets: tuple[str, ...] = ()
    attribution: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form (`doc_id`, `text`, `modality`, `date` and more)."""
        return {
            "doc_id": self.doc_id,
            "text": self.text,
            "modality": self.modality,
            "date": _iso(self.date),
            "role": self.role.value,
            "event_id": self.event_id,
            "sentence": self.sentence,
            "published": _iso(self.published),
            "outlets": list(self.outlets),
            "attribution": self.attribution,
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """A red line touched by a pair: its state, the dates of each transition, the evidence."""

    rule: str
    title: str
    pair: tuple[str, str]
    state: AlertState
    severity: str
    tier: int
    signalled_on: dt.date | None
    crossed_on: dt.date | None
    confirmed_on: dt.date | None
    sources: int
    mentions: int
    events: int
    outlets: tuple[str, ...]
    evidence: tuple[AlertEvidence, ...]
    ordered: bool = False

    @property
    def id(self) -> str:
        """Stable for a (rule, pair): new reports update the alert, they do not add one."""
        return alert_id(self.rule, self.pair)

    def state_on(self, day: dt.date) -> AlertState | None:
        """The state the alert had reached by `day` (None: not yet signalled)."""
        for state, since in (
            (AlertState.CONFIRMED, self.confirmed_on),
            (AlertState.CROSSED, self.crossed_on),
            (AlertState.SIGNALLED, self.signalled_on),
        ):
            if since is not None and since <= day:
                return state
        return None

    @property
    def counter_evidence(self) -> tuple[AlertEvidence, ...]:
        """The denials kept beside the alert."""
        return tuple(e for e in self.evidence if e.role is Role.COUNTER)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form of `redline alerts --format jsonl` (keep these names)."""
        return {
            "id": self.id,
            "rule": self.rule,
            "title": self.title,
            "pair": list(self.pair),
            "ordered": self.ordered,
            "state": self.state.value,
            "severity": self.severity,
            "tier": self.tier,
            "signalled_on": _iso(self.signalled_on),
            "crossed_on": _iso(self.crossed_on),
            "confirmed_on": _iso(self.confirmed_on),
            "sources": self.sources,
            "outlets": list(self.outlets),
            "mentions": self.mentions,
            "events": self.events,
            "evidence": [e.to_json() for e in self.evidence if e.role is not Role.COUNTER],
            "counter_evidence": [e.to_json() for e in self.counter_evidence],
        }


def alert_id(rule: str, pair: tuple[str, str]) -> str:
    """The key of the alert of a rule for a pair."""
    return hashlib.sha256(f"alert|{rule}|{pair[0]}|{pair[1]}".encode()).hexdigest()[:24]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
