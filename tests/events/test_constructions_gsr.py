"""Three general constructions measured on the tune split of the PLOVER GSR gold.

Every sentence is written for this test (none is taken from a gold set):
- a deontic clause reported by a speaker or a statement ("X said Y must V", "a declaration
  calling on Y to V") is X's REQUEST to Y, not Y's act, and never turns a hedge into an
  asserted event;
- an attempt ("tried to seize", "attempted to arrest") is the act itself, asserted;
- dismissing an appeal or a proposal rejects it; dismissing reports as false denies them.
"""

from __future__ import annotations

from typing import Any

import pytest
from event_sentences import code, modality

from redline.models import Event

pytestmark = pytest.mark.model


def coded(events: list[Event]) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (
            e.type,
            e.source.country,
            e.target.country if e.target else None,
            e.modality.value,
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia said that Ukraine must withdraw its troops from the border.", "RUS", "UKR"),
        ("The United States reiterated that Iran must release the detained sailors.", "USA", "IRN"),
        ("Iran declared that Israel needs to end its attacks on Lebanon.", "IRN", "ISR"),
        ("Egypt said the United States has to mediate between Israel and Syria.", "EGY", "USA"),
        ("China insisted that Japan should halt its naval drills.", "CHN", "JPN"),
        (
            "France released a declaration calling on Russia to withdraw from Ukraine.",
            "FRA",
            "RUS",
        ),
        (
            "French President Jacques Chirac issued a stern reminder to Iraq that it must "
            "cooperate with the inspectors.",
            "FRA",
            "IRQ",
        ),
    ],
)
def test_a_reported_obligation_is_a_request_of_the_speaker(
    pipeline: Any, text: str, source: str, target: str
) -> None:
    events = code(pipeline, text)
    assert ("REQUEST", source, target, "asserted") in coded(events)
    # The act demanded is not coded as an asserted act of the one asked.
    assert not any(
        e.source.country == target and e.type != "REQUEST" and e.modality.value == "asserted"
        for e in events
    )


def test_a_demanded_act_is_not_an_act_of_the_one_asked(pipeline: Any) -> None:
    events = code(pipeline, "Turkey demanded that Greece withdraw its forces from the islands.")
    assert not any(e.type == "RETREAT" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Russia said Ukraine should perhaps withdraw its troops.",
        "Russia said Ukraine must withdraw its troops if the talks fail.",
        "Russia said that Ukraine may withdraw its troops.",
    ],
)
def test_a_hedged_clause_is_no_demand_and_stays_hedged(pipeline: Any, text: str) -> None:
    events = code(pipeline, text)
    assert not any(e.type == "REQUEST" for e in events)
    assert all(e.modality.value != "asserted" for e in events)


def test_a_demand_in_a_hedged_statement_stays_hedged(pipeline: Any) -> None:
    events = code(pipeline, "Russia may say that Ukraine must withdraw its troops.")
    assert coded(events) == {("REQUEST", "RUS", "UKR", "speculated")}


def test_what_a_speaker_says_it_must_do_itself_is_no_request(pipeline: Any) -> None:
    events = code(pipeline, "Russia said it must defend itself against Ukraine.")
    assert not any(e.type == "REQUEST" for e in events)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russian troops tried to seize the Ukrainian town of Bakhmut.", "seize"),
        ("Rebels attempted to assassinate the president.", "assassinate"),
        ("Chinese police attempted to arrest the Japanese journalist.", "arrest"),
        ("North Korea has tried to hack into the computers of army officers.", "hack"),
        ("An attempt to assassinate the governor was thwarted.", "assassinate"),
    ],
)
def test_an_attempt_is_the_act(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russian troops may try to seize the town.", "seize"),
        ("Russia wants to seize the town.", "seize"),
        ("Russia said it would try to seize the town if talks failed.", "seize"),
        ("Russia did not try to seize the town.", "seize"),
    ],
)
def test_a_hedged_or_wanted_attempt_is_not_asserted(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) != "asserted"


def test_an_attempted_seizure_is_coded_as_the_seizure(pipeline: Any) -> None:
    events = code(pipeline, "Russian troops tried to seize the Ukrainian town of Bakhmut.")
    assert ("COERCE", "RUS", "UKR", "asserted") in coded(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Supreme Court of India dismissed an appeal by Pakistan.", "IND", "PAK"),
        ("Germany dismissed the Russian proposal for a ceasefire.", "DEU", "RUS"),
        ("Israel dismissed the Egyptian plan for Gaza.", "ISR", "EGY"),
    ],
)
def test_dismissing_an_appeal_or_proposal_rejects_it(
    pipeline: Any, text: str, source: str, target: str
) -> None:
    assert ("REJECT", source, target, "asserted") in coded(code(pipeline, text))


def test_dismissing_reports_as_false_denies_them(pipeline: Any) -> None:
    text = "Russia dismissed reports that its troops attacked Georgia as false."
    events = code(pipeline, text)
    assert not any(e.type == "REJECT" for e in events)
    assert all(e.modality.value == "denied" for e in events)


def test_trying_to_receive_only_seeks(nlp: Any) -> None:
    # Seeking to acquire something is no acquisition: it stays a hedged request.
    assert modality(nlp, "Moscow tried to acquire missiles from Iran.", "acquire") == "speculated"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine rejected the Russian demand that Ukraine withdraw its troops.",
        "The demand that Russia withdraw its forces was issued by France.",
        "France repeated its call that Russia withdraw its forces from Ukraine.",
    ],
)
def test_what_a_demand_asks_for_is_not_done(pipeline: Any, text: str) -> None:
    assert not any(e.type == "RETREAT" for e in code(pipeline, text))


def test_an_act_described_as_demanded_is_still_done(pipeline: Any) -> None:
    text = "Russia withdrew its troops from Ukraine, a demand that France had made."
    assert ("RETREAT", "RUS", "UKR", "asserted") in coded(code(pipeline, text))


def test_releasing_a_statement_releases_no_one(pipeline: Any) -> None:
    events = code(pipeline, "France released a declaration calling on Russia to leave Ukraine.")
    assert not any(e.type == "RETREAT" for e in events)
    released = code(pipeline, "Russia released the Ukrainian journalist.")
    assert ("RETREAT", "RUS", "UKR", "asserted") in coded(released)
    warned = code(pipeline, "Russia issued a warning to Ukraine.")
    assert ("THREATEN", "RUS", "UKR", "asserted") in coded(warned)
