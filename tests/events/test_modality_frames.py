"""Frames that change the modality of the event below them (events.modality_frames).

Every sentence is written for this test and checks one general construction on the real spaCy
model: negated perception and verification, evaluative "should", letting something lapse,
reconsidering a refusal, a hypothetical act judged with "would", and graded hedge adverbs.
"""

from __future__ import annotations

from typing import Any

import pytest
from event_sentences import modality

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials have not observed any Russian troops crossing the border.", "crossing"),
        ("Monitors have not detected Syrian forces shelling the town.", "shelling"),
        ("The army has not seen Russian troops attacking Kyiv.", "attacking"),
        (
            "Analysts said the ministry had not yet seen Iranian drones striking Kharkiv.",
            "striking",
        ),
    ],
)
def test_a_negated_perception_verb_negates_what_it_governs(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "negated"


def test_what_was_seen_stays_asserted(nlp: Any) -> None:
    assert modality(nlp, "Officials saw Russian troops attacking Kyiv.", "attacking") == "asserted"


def test_an_unconfirmed_report_is_speculated_not_negated(nlp: Any) -> None:
    text = "The ministry could not confirm that Israeli jets struck the convoy."
    assert modality(nlp, text, "struck") == "speculated"


def test_a_negated_speech_verb_above_does_not_negate(nlp: Any) -> None:
    text = "Officials did not say whether Russian troops attacked Kyiv."
    assert modality(nlp, text, "attacked") != "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The missile tests should concern every government in the region.", "concern"),
        ("Beijing's naval drills should alarm its neighbours, the admiral said.", "alarm"),
        ("The attack on the embassy should be condemned by everyone.", "condemned"),
    ],
)
def test_evaluative_should_is_not_a_hedge(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "asserted"


def test_prescriptive_should_stays_a_hedge(nlp: Any) -> None:
    text = "Russia should withdraw its troops from Moldova."
    assert modality(nlp, text, "withdraw") == "speculated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Washington allowed the arms control pact to expire last year.", "expire"),
        ("The accord, which Moscow allowed to lapse in 2002, covered missile tests.", "lapse"),
        ("Berlin let the agreement lapse in 2019.", "lapse"),
    ],
)
def test_letting_something_lapse_reports_the_lapse(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "asserted"


def test_a_lapse_takes_the_modality_of_the_letting(nlp: Any) -> None:
    assert modality(nlp, "Russia may let the accord lapse.", "lapse") == "speculated"
    assert modality(nlp, "Moscow did not allow the treaty to expire.", "expire") == "negated"


def test_permission_to_act_is_not_a_report_of_the_act(nlp: Any) -> None:
    assert modality(nlp, "Kyiv allowed Britain to open a base.", "open") == "speculated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tokyo said it would review its policy of not exporting weapons to Ukraine.", "exporting"),
        ("Berlin is reconsidering its decision not to send tanks to Ukraine.", "send"),
        ("Seoul has reversed its policy of not supplying arms to Kyiv.", "supplying"),
    ],
)
def test_reconsidering_a_refusal_makes_the_act_possible(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "speculated"


def test_a_refusal_kept_stays_negated(nlp: Any) -> None:
    text = "Seoul kept its policy of not supplying arms to Kyiv."
    assert modality(nlp, text, "supplying") == "negated"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The minister warned that arming the rebels would be a grave error.", "arming"),
        ("Attacking Iran would be catastrophic for the region.", "Attacking"),
        ("It would be a mistake to send troops to Mali, the minister said.", "send"),
    ],
)
def test_a_hypothetical_act_judged_is_conditional(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "conditional"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iran has almost certainly supplied drones to Russia.", "supplied"),
        ("Russian troops have most likely crossed the border.", "crossed"),
        ("Iran very probably supplied drones to Russia.", "supplied"),
        ("The battalion has nearly certainly been moved to Belgorod, officials said.", "moved"),
    ],
)
def test_graded_hedge_adverbs_hedge(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "speculated"


def test_certainty_alone_asserts(nlp: Any) -> None:
    assert modality(nlp, "Iran certainly supplied drones to Russia.", "supplied") == "asserted"
