"""Modality of the labelled event, per split, with the hedged-coded-asserted count."""

from __future__ import annotations

from datetime import date

from redline.evaluation.bridge import packaged_bridge
from redline.evaluation.gold import GoldCase, GoldEvent
from redline.evaluation.modality import ModalityScore, labelled_event
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality


def event(type_: str, source: str, target: str, modality: Modality) -> Event:
    return Event(
        type=type_,
        source=Actor(source, source),
        target=Actor(target, target),
        modality=modality,
        evidence=Evidence("d", 0, 0, 1, "x"),
        date=EventDate(date(2024, 1, 1), DatePrecision.DAY),
    )


def case(modality: str, split: str) -> GoldCase:
    gold = (GoldEvent("RUS", "PRK", "AID"),)
    return GoldCase("c", "text", date(2024, 1, 1), gold, modality=modality, split=split)


def test_the_event_fitting_the_gold_pair_and_type_is_the_labelled_one() -> None:
    other = event("ACCUSE", "USA", "RUS", Modality.ASSERTED)
    labelled = event("AID", "RUS", "PRK", Modality.SPECULATED)
    assert (
        labelled_event(case("speculated", "dev"), [other, labelled], packaged_bridge()) is labelled
    )


def test_scores_per_split_and_counts_hedged_events_coded_asserted() -> None:
    score = ModalityScore()
    bridge = packaged_bridge()
    score.add(case("speculated", "dev"), [event("AID", "RUS", "PRK", Modality.ASSERTED)], bridge)
    score.add(
        case("conditional", "dev"), [event("AID", "RUS", "PRK", Modality.CONDITIONAL)], bridge
    )
    score.add(case("denied", "heldout"), [], bridge)  # no event counts as wrong
    report = score.report()
    assert report is not None
    dev, held = report["splits"]["dev"], report["splits"]["heldout"]
    assert (dev["n"], dev["accuracy"], dev["hedged_as_asserted"], dev["hedged_n"]) == (2, 0.5, 1, 2)
    assert (held["n"], held["accuracy"], held["hedged_n"]) == (1, 0.0, 0)
    assert {"gold": "denied", "predicted": "no event", "count": 1} in report["confusion"]
