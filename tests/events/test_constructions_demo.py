"""Constructions the coder learned from the demo-corpus golden sentences (issue #2).

Each sentence is written for this test, not taken from the demo corpus, so that a rule is
only kept when it holds on other news: nominal events carried on by a verb ("developing
cooperation"), coordinated objects, relative clauses, predicative concern, participles,
lapses without a causer, conditional threats, talks as an occasion, vague near futures,
dates of a noun's own modifier, attempts to acquire, suspended agreements.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from event_sentences import code
from test_constructions import triples

pytestmark = pytest.mark.model


def coded(pipeline: Any, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (e.type, e.source.country, e.target.country if e.target else None, e.modality.value)
        for e in code(pipeline, text)
    ]


def test_a_verb_carries_on_the_event_its_object_names(pipeline: Any) -> None:
    events = coded(
        pipeline, "Japan did not rule out developing defence cooperation with Australia."
    )
    assert events == [("COOPERATE", "JPN", "AUS", "speculated")]


def test_every_coordinated_object_can_decide_the_reading(pipeline: Any) -> None:
    events = coded(pipeline, "India may share missile or radar technology with Vietnam.")
    assert events == [("AID", "IND", "VNM", "speculated")]


def test_giving_technology_is_a_transfer(pipeline: Any) -> None:
    assert coded(pipeline, "China could give Pakistan missile technology.") == [
        ("AID", "CHN", "PAK", "speculated")
    ]


def test_a_relative_clause_takes_its_noun_as_object(pipeline: Any) -> None:
    events = code(pipeline, "The weapons Iran supplied to Russia were used in Kharkiv.")
    assert triples(events) == {("IRN", "RUS", "AID")}


def test_concern_about_a_relation_is_disapproval_of_both_sides(pipeline: Any) -> None:
    events = code(
        pipeline,
        "Canada is deeply concerned about the military cooperation between Iran and Russia.",
    )
    assert triples(events) == {("CAN", "IRN", "ACCUSE"), ("CAN", "RUS", "ACCUSE")}


def test_concern_that_something_may_happen_reports_only_the_possibility(pipeline: Any) -> None:
    events = coded(pipeline, "Canada is concerned that Iran might send drones to Russia.")
    assert events == [("AID", "IRN", "RUS", "speculated")]


def test_a_participle_after_its_noun_names_the_doer(pipeline: Any) -> None:
    events = code(pipeline, "Reporters filmed Turkish soldiers fighting in Syria.")
    assert triples(events) == {("TUR", "SYR", "ASSAULT")}


def test_a_treaty_expiring_by_itself_is_no_act(pipeline: Any) -> None:
    text = "The 1987 treaty between the United States and Russia expired in 2019."
    assert code(pipeline, text) == []


def test_letting_a_treaty_expire_is_a_sanction(pipeline: Any) -> None:
    events = coded(pipeline, "The United States let its arms treaty with Russia expire on Monday.")
    assert events == [("SANCTION", "USA", "RUS", "asserted")]


def test_a_conditional_response_is_a_threat_made_now(pipeline: Any) -> None:
    events = coded(pipeline, "If China seized the islands, Japan would respond.")
    assert ("THREATEN", "JPN", "CHN", "asserted") in events
    assert code(pipeline, "Japan would respond to the letter next week.") == []


def test_talks_that_frame_a_statement_are_the_speakers(pipeline: Any) -> None:
    events = code(
        pipeline, "Lavrov said after talks with Chinese officials that the sanctions had failed."
    )
    assert triples(events) == {("RUS", "CHN", "CONSULT")}


def test_talks_without_a_counterpart_frame_nothing(pipeline: Any) -> None:
    text = "Lavrov told reporters after the meeting that Russia would help Serbia."
    assert "CONSULT" not in {e.type for e in code(pipeline, text)}


def test_the_coming_days_are_the_publication_month(pipeline: Any) -> None:
    events = code(pipeline, "Erdogan is expected to visit Iraq in the coming days.")
    assert [
        (e.type, e.date.value, e.date.precision and e.date.precision.value) for e in events
    ] == [("CONSULT", date(2024, 3, 1), "month")]


def test_a_date_modifying_a_noun_dates_the_noun(pipeline: Any) -> None:
    events = code(
        pipeline, "Iran may help Russia build drones after two failed attempts this year."
    )
    assert [(e.type, e.date.value) for e in events] == [("AID", date(2024, 3, 5))]


def test_trying_to_acquire_arms_is_a_request_to_the_holder(pipeline: Any) -> None:
    events = coded(pipeline, "Russia is trying to acquire missiles from Iran.")
    assert events == [("REQUEST", "RUS", "IRN", "speculated")]
    assert triples(code(pipeline, "Russia acquired drones from Iran.")) == {("IRN", "RUS", "AID")}


def test_suspending_an_agreement_is_a_sanction(pipeline: Any) -> None:
    events = coded(pipeline, "Turkey suspended its agreement with Greece on Monday.")
    assert events == [("SANCTION", "TUR", "GRC", "asserted")]


def test_an_announced_refusal_to_renew_is_a_rejection(pipeline: Any) -> None:
    events = coded(pipeline, "Russia said on Monday it would not extend the grain deal.")
    assert events == [("REJECT", "RUS", None, "asserted")]
    assert code(pipeline, "Russia may not renew the treaty.") == []


def test_a_passive_without_agent_names_no_doer(pipeline: Any) -> None:
    text = "Norway said it would defend Denmark if Denmark were attacked."
    assert "ASSAULT" not in {e.type for e in code(pipeline, text)}


def test_the_veto_refers_to_who_vetoed(pipeline: Any) -> None:
    text = "Russia vetoed the resolution on Thursday. Japan said it regretted the veto."
    assert ("JPN", "RUS", "ACCUSE") in triples(code(pipeline, text))


def test_the_statement_refers_to_who_made_it(pipeline: Any) -> None:
    text = (
        "Iran's defence ministry said Tehran had shipped drones to Russia. "
        "Ukraine condemned the statement."
    )
    assert ("UKR", "IRN", "ACCUSE") in triples(code(pipeline, text))


def test_the_move_refers_to_the_latest_act(pipeline: Any) -> None:
    text = "Iran shipped drones to Russia. Ukraine condemned the move."
    assert triples(code(pipeline, text)) == {("IRN", "RUS", "AID"), ("UKR", "IRN", "ACCUSE")}
    assert triples(code(pipeline, "Ukraine condemned a move.")) == {("UKR", None, "ACCUSE")}


def test_a_year_after_dates_the_clause_back_from_the_report(pipeline: Any) -> None:
    text = "The announcement comes a year after Iran and Russia signed the drone agreement."
    events = code(pipeline, text, day="2025-06-17")
    assert [
        (e.type, e.date.value, e.date.precision and e.date.precision.value) for e in events
    ] == [("AGREE", date(2024, 6, 1), "month")]


def test_a_mistagged_noun_does_not_own_the_date_after_it(pipeline: Any) -> None:
    text = "Kim Jong Il visited China in 2000. He travelled to Moscow by train the following year."
    events = code(pipeline, text, day="2024-06-14")
    assert [(e.type, e.date.value) for e in events][-1] == ("CONSULT", date(2001, 1, 1))


def test_troops_sent_with_no_agent_were_sent_by_their_state(pipeline: Any) -> None:
    assert coded(pipeline, "Belarusian troops were sent to Russia.") == [
        ("AID", "BLR", "RUS", "asserted")
    ]
    events = code(pipeline, "Iranian diplomats were expelled from France.")
    assert "IRN" not in {e.source.country for e in events}


def test_troops_sent_into_combat_against_a_state_fight_it(pipeline: Any) -> None:
    events = coded(pipeline, "Chadian troops were sent into combat against Sudan.")
    assert events == [("ASSAULT", "TCD", "SDN", "asserted")]


def test_a_treaty_obliging_states_is_their_agreement(pipeline: Any) -> None:
    text = "The pact signed on Friday commits Armenia and Iran to consult each other."
    events = code(pipeline, text, day="2024-03-05")
    assert [(e.type, e.source.country, e.target and e.target.country, e.date.value)
            for e in events] == [("AGREE", "ARM", "IRN", date(2024, 3, 1))]  # fmt: skip


def test_a_treaty_that_did_not_commit_its_parties_is_a_negated_agreement(pipeline: Any) -> None:
    text = (
        "Armenia and Iran signed a friendship treaty in 2001. "
        "Unlike the Soviet-era pact, the 2001 treaty did not commit either side "
        "to defend the other."
    )
    events = [e for e in code(pipeline, text) if e.evidence.sentence == 1]
    assert [(e.type, e.source.country, e.target and e.target.country, e.modality.value)
            for e in events] == [("AGREE", "ARM", "IRN", "negated")]  # fmt: skip


def test_a_treaty_containing_no_pledge_is_a_negated_agreement(pipeline: Any) -> None:
    text = (
        "Armenia and Iran signed a friendship treaty in 2001. "
        "The 2001 treaty contained no such pledge."
    )
    events = [e for e in code(pipeline, text) if e.evidence.sentence == 1]
    assert [(e.type, e.source.country, e.target and e.target.country, e.modality.value)
            for e in events] == [("AGREE", "ARM", "IRN", "negated")]  # fmt: skip


def test_a_treaty_spoken_about_stands_for_the_speakers_side(pipeline: Any) -> None:
    text = (
        "Armenia and Iran signed a defence treaty on Monday. "
        "Armenia's foreign minister rejected suggestions that the treaty threatened Turkey "
        "or anyone else in the region."
    )
    events = [e for e in code(pipeline, text) if e.evidence.sentence == 1]
    assert [(e.type, e.source.country, e.target and e.target.country, e.modality.value)
            for e in events] == [("THREATEN", "ARM", "TUR", "denied")]  # fmt: skip


def test_a_threat_posed_to_a_state_is_its_complaint(pipeline: Any) -> None:
    events = coded(pipeline, "Iran's drone programme poses a threat to Israel.")
    assert events == [("ACCUSE", "ISR", "IRN", "asserted")]
    assert code(pipeline, "The storm poses a risk to Cuba.") == []


def test_whoever_says_a_threat_is_posed_complains_of_it(pipeline: Any) -> None:
    text = (
        "Iran shipped drones to Russia. Zelensky met his generals on Friday, "
        "and his office said the move posed a grave threat to Europe."
    )
    events = [e for e in code(pipeline, text) if e.evidence.sentence == 1]
    assert [(e.type, e.source.country, e.target and e.target.country) for e in events] == [
        ("ACCUSE", "UKR", "IRN")
    ]


def test_a_vote_on_ratification_ratifies_the_treaty_reported_last(pipeline: Any) -> None:
    text = (
        "Armenia and Iran signed a defence treaty on Monday. "
        "The Armenian parliament is due to vote on ratification next month."
    )
    events = [e for e in code(pipeline, text) if e.evidence.sentence == 1]
    assert [(e.type, e.source.country, e.target and e.target.country, e.modality.value)
            for e in events] == [("SUPPORT", "ARM", "IRN", "scheduled")]  # fmt: skip
