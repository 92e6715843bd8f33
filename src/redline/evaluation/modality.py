"""Modality of the labelled event: the figure the modality gold set exists for.

A modality gold case names one event (source, target, type) and its modality. Scoring "any
event of the sentence has that modality" flatters the coder when a sentence yields several
events, so the event that best fits the gold pair and type is taken as the labelled one, and a
sentence with no event counts as wrong. The costly error is a speculated or conditional event
coded as asserted: it is counted apart. Figures are given per split (`dev`, `heldout`) so the
split kept out of tuning is reported on its own.

Two figures are kept apart:

* extract (`modality_labelled`): the whole pipeline; a sentence where the coder found no event
  for the gold pair's actors still counts, as "no event".
* classify (`modality_given_pair`): the modality judged apart from actor finding, as the
  classify mode judges the type. It is the modality of the coded event for the gold
  source/target pair; when no coded event carries that pair, the modality the coder's reader
  gives the sentence's governing trigger (`evaluation.modality_pair`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.evaluation.bridge import Bridge
from redline.evaluation.gold import GoldCase
from redline.models import Event

HEDGED = ("speculated", "conditional")
NO_EVENT = "no event"


def labelled_event(case: GoldCase, events: Sequence[Event], bridge: Bridge) -> Event | None:
    """The event that best fits the case's gold source, target and type (None: no event)."""
    if not events:
        return None
    gold = case.expected[0] if case.expected else None
    if gold is None:
        return events[0]
    gold_source, gold_target = bridge.actor(gold.source), bridge.actor(gold.target)
    gold_type = bridge.event_type(gold.code)

    def fit(event: Event) -> tuple[int, int, int]:
        source = bridge.actor(event.source.country or event.source.code)
        target = bridge.actor(event.target.country or event.target.code) if event.target else None
        return (
            int(source == gold_source) + int(target == gold_target),
            int(event.type == gold_type),
            -events.index(event),
        )

    return max(events, key=fit)


@dataclass
class ModalityScore:
    """Modality tallies per split: accuracy, the hedged-coded-asserted count, and the
    confusion between speculated and asserted in both directions."""

    hits: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    hedged: Counter[str] = field(default_factory=Counter)
    hedged_asserted: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_split: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def add(self, case: GoldCase, events: Sequence[Event], bridge: Bridge) -> None:
        """Score one case by its labelled event (cases without a modality label are skipped)."""
        event = labelled_event(case, events, bridge)
        self.add_found(case, event.modality.value if event is not None else NO_EVENT)

    def add_found(self, case: GoldCase, found: str) -> None:
        """Score one case given the modality found for it ("no event" when none)."""
        if case.modality is None:
            return
        split = case.split or "all"
        self.total[split] += 1
        self.hits[split] += int(found == case.modality)
        self.confusion[(case.modality, found)] += 1
        self.by_split[(split, case.modality, found)] += 1
        if case.modality in HEDGED:
            self.hedged[split] += 1
            self.hedged_asserted[split] += int(found == "asserted")

    def report(self) -> dict[str, Any] | None:
        """Per split: accuracy, the hedged-coded-asserted rate and the speculated/asserted
        confusion; and the overall confusion. None when nothing was scored."""
        if not self.total:
            return None
        splits = {}
        for split in sorted(self.total):
            hedged = self.hedged[split]
            splits[split] = {
                "n": self.total[split],
                "accuracy": round(self.hits[split] / self.total[split], 4),
                "hedged_n": hedged,
                "hedged_as_asserted": self.hedged_asserted[split],
                "hedged_as_asserted_rate": (
                    round(self.hedged_asserted[split] / hedged, 4) if hedged else None
                ),
                "speculated_as_asserted": self.by_split[(split, "speculated", "asserted")],
                "asserted_as_speculated": self.by_split[(split, "asserted", "speculated")],
            }
        return {
            "splits": splits,
            "confusion": [
                {"gold": g, "predicted": p, "count": c}
                for (g, p), c in sorted(self.confusion.items())
            ],
        }


def overall_accuracy(score: ModalityScore) -> float | None:
    """Accuracy over every split together (None when nothing was scored)."""
    total = sum(score.total.values())
    return round(sum(score.hits.values()) / total, 4) if total else None
