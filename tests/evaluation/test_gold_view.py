"""How redline's events are read against gold sets without modality labels."""

from __future__ import annotations

from datetime import date

from redline.evaluation.gold import GoldCase, GoldEvent
from redline.evaluation.score import gold_view
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality


def event(type_: str, modality: Modality) -> Event:
    return Event(
        type=type_,
        source=Actor("FIN", "FIN"),
        target=Actor("TZA", "TZA"),
        modality=modality,
        evidence=Evidence("d", 0, 0, 1, "x"),
        date=EventDate(date(2000, 1, 1), DatePrecision.DAY),
    )


def case(code: str, modality: str | None = None) -> GoldCase:
    return GoldCase("c", "t", date(2000, 1, 1), (GoldEvent("FIN", "TZA", code),), modality=modality)


def test_plover_gold_reads_announced_help_as_a_promise_and_announced_force_as_a_threat() -> None:
    events = [
        event("AID", Modality.SCHEDULED),
        event("SANCTION", Modality.CONDITIONAL),
        event("AID", Modality.ASSERTED),
        event("ASSAULT", Modality.NEGATED),
    ]
    assert [e.type for e in gold_view(case("AGREE"), events)] == ["AGREE", "THREATEN", "AID"]


def test_cameo_gold_keeps_the_verb_and_labelled_gold_keeps_everything() -> None:
    events = [event("AID", Modality.SCHEDULED), event("ASSAULT", Modality.NEGATED)]
    assert [e.type for e in gold_view(case("073"), events)] == ["AID"]
    assert [e.type for e in gold_view(case("AID", "scheduled"), events)] == ["AID", "ASSAULT"]


def test_a_refused_act_of_help_is_a_rejection_and_other_negated_events_are_dropped() -> None:
    events = [
        event("SUPPORT", Modality.NEGATED),
        event("AID", Modality.NEGATED),
        event("ASSAULT", Modality.NEGATED),
        event("ACCUSE", Modality.NEGATED),
    ]
    assert [e.type for e in gold_view(case("121"), events)] == ["REJECT", "REJECT"]
    assert [e.type for e in gold_view(case("REJECT"), events)] == ["REJECT", "REJECT"]
    labelled = gold_view(case("REJECT", "negated"), events)
    assert [e.type for e in labelled] == ["SUPPORT", "AID", "ASSAULT", "ACCUSE"]


def test_a_signing_done_is_support_against_unlabelled_gold() -> None:
    from dataclasses import replace

    signed = replace(event("AGREE", Modality.ASSERTED), cameo="057")
    promised = replace(event("AGREE", Modality.SCHEDULED), cameo="057")
    agreed = event("AGREE", Modality.ASSERTED)  # agreeing to something is not a signing
    events = [signed, promised, agreed]
    assert [e.type for e in gold_view(case("SUPPORT"), events)] == ["SUPPORT", "AGREE", "AGREE"]
    assert [e.type for e in gold_view(case("057"), [signed])] == ["SUPPORT"]
    # redline's own convention (signing is AGREE) holds for the labelled set.
    assert [e.type for e in gold_view(case("AGREE", "asserted"), [signed])] == ["AGREE"]
