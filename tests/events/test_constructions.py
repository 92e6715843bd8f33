"""Constructions the coder learned while its accuracy was measured (docs/evaluation.md).

Each sentence is written for this test (not taken from a gold set) and checks one general
construction: who the event is attributed to, what a lapse looks like, whose troops "its
troops" are, which date a year belongs to, what hedges a nominal event.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from event_sentences import code

from redline.models import Event

pytestmark = pytest.mark.model


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.type) for e in events}


def test_a_closing_speaker_is_the_attribution(pipeline: Any) -> None:
    events = code(
        pipeline,
        "Iran has shipped hundreds of drones to Russia, White House spokesman John Kirby said.",
        country="USA",
    )
    assert [(e.type, e.attribution) for e in events] == [("AID", "USAGOV")]


def test_a_treaty_that_no_longer_applies_has_lapsed_now(pipeline: Any) -> None:
    events = code(
        pipeline,
        "The new treaty between Russia and Belarus entered into force on Monday. "
        "The 1999 treaty is no longer in force.",
    )
    lapse = [e for e in events if e.type == "SANCTION"]
    assert len(lapse) == 1 and lapse[0].modality.value == "asserted"
    assert lapse[0].date.value is not None and lapse[0].date.value.year == 2024


def test_plain_apply_is_no_event(pipeline: Any) -> None:
    assert code(pipeline, "The rules apply to Russia and Belarus alike.") == []


def test_its_troops_belong_to_the_clause_above(pipeline: Any) -> None:
    events = code(
        pipeline, "Armenia denied that its troops had crossed into Azerbaijani territory."
    )
    assert [(e.source.country, e.target.country if e.target else None, e.modality.value)
            for e in events] == [("ARM", "AZE", "denied")]  # fmt: skip


def test_seeking_shells_is_a_request_from_the_holder(pipeline: Any) -> None:
    events = code(pipeline, "Russia will seek more artillery shells from Iran.")
    assert triples(events) == {("RUS", "IRN", "REQUEST")}


def test_wanting_help_takes_the_state_named_before(pipeline: Any) -> None:
    events = code(
        pipeline, "Russia wants drones from Iran, while Tehran is likely to want help with jets."
    )
    assert ("IRN", "RUS", "REQUEST") in triples(events)


def test_a_likely_meeting_is_speculated(pipeline: Any) -> None:
    events = code(pipeline, "A meeting between Putin and Erdogan next week is likely.")
    assert events and all(e.modality.value == "speculated" for e in events)


def test_a_pledge_to_help_each_other_is_not_an_event_inside_one_state(pipeline: Any) -> None:
    events = code(
        pipeline,
        "Vladimir Putin and Kim Jong Un signed a treaty in Pyongyang on Wednesday, "
        "pledging to help each other if either is attacked.",
        "2024-06-20",
    )
    assert events and all(e.target is None or e.source.country != e.target.country for e in events)
    assert date(2024, 6, 19) in {e.date.value for e in events}


def test_a_protest_staged_by_two_nationalities_is_not_against_one_of_them(pipeline: Any) -> None:
    # "staged" is lemmatised "stag" by the small model; the nationality beside the source's
    # head is the source's own side, so the protest goes to the state where it is held.
    events = code(pipeline, "Canadian and Danish activists staged a protest in Moscow on Friday.")
    assert ("CAN", "RUS", "PROTEST") in triples(events)
    assert not any(e.target and e.target.country == "DNK" for e in events)


def test_troops_of_two_states_clashing_are_each_others_counterpart(pipeline: Any) -> None:
    events = code(pipeline, "Indian and Chinese troops clashed along the border last week.")
    assert ("IND", "CHN", "ASSAULT") in triples(events)


def test_a_claim_that_a_state_attacked_accuses_that_state(pipeline: Any) -> None:
    events = code(pipeline, "Ukraine claimed that Poland had been attacked by Belarus.")
    assert ("UKR", "BLR", "ACCUSE") in triples(events)
    assert ("UKR", "POL", "ACCUSE") not in triples(events)


def test_drills_in_a_place_are_aimed_at_the_state_it_belongs_to(pipeline: Any) -> None:
    events = code(pipeline, "Russia is conducting military exercises on Monday in Hokkaido.")
    assert ("RUS", "JPN", "MOBILIZE") in triples(events)
