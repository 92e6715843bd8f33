"""Modality of the labelled event, per split, with the hedged-coded-asserted count."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.evaluation.bridge import packaged_bridge
from redline.evaluation.gold import GoldCase, GoldEvent
from redline.evaluation.modality import NO_EVENT, ModalityScore, labelled_event, overall_accuracy
from redline.evaluation.modality_pair import given_pair_modality, governing_modality, pair_event
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality
from redline.nlp.model import load_model
from redline.pipeline import EventStage


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


def test_the_confusion_between_speculated_and_asserted_is_counted_both_ways() -> None:
    score = ModalityScore()
    score.add_found(case("speculated", "dev"), "asserted")
    score.add_found(case("asserted", "dev"), "speculated")
    score.add_found(case("asserted", "dev"), "asserted")
    report = score.report()
    assert report is not None
    dev = report["splits"]["dev"]
    assert (dev["speculated_as_asserted"], dev["asserted_as_speculated"]) == (1, 1)
    assert dev["accuracy"] == round(1 / 3, 4)
    assert overall_accuracy(score) == round(1 / 3, 4)


def test_given_the_pair_only_an_event_of_that_pair_counts() -> None:
    bridge = packaged_bridge()
    other = event("AID", "USA", "RUS", Modality.ASSERTED)
    mine = event("ACCUSE", "RUS", "PRK", Modality.DENIED)
    assert pair_event(case("denied", "dev"), [other, mine], bridge) is mine
    assert pair_event(case("denied", "dev"), [other], bridge) is None


@pytest.mark.model
def test_without_the_pair_the_governing_trigger_gives_the_modality(pipeline: Any) -> None:
    """No coded event carries the pair: the trigger nearest the root is read."""
    lexicon = next(s.lexicon for s in pipeline.stages if isinstance(s, EventStage))
    nlp = load_model()
    bridge = packaged_bridge()
    hedged = nlp("Officials said the rebels could attack the capital if talks fail.")
    old = nlp("Two decades ago, the rebels attacked the capital.")
    none = nlp("The weather was mild.")
    assert given_pair_modality(case("conditional", "dev"), [], bridge, hedged, lexicon) == (
        "conditional"
    )
    assert given_pair_modality(case("historical", "dev"), [], bridge, old, lexicon) == (
        "historical"
    )
    assert given_pair_modality(case("asserted", "dev"), [], bridge, none, lexicon) == NO_EVENT
    assert governing_modality(old, lexicon, date(2024, 1, 1)) == "historical"
