"""Modality constructions read from the parse (events.modality.read_modality).

Every sentence is written for this test, not taken from the modality gold set, and checks one
general construction on the real spaCy model: inverted and coordinated conditions, denial by
a verdict or by a rebuttal, refusal that is not denial, gerunds that did not happen, litotes,
appearance hedges, "ago" dating and predicates that schedule a visit.
"""

from __future__ import annotations

from typing import Any

import pytest
from event_sentences import modality
from spacy.tokens import Doc

from redline.events.modality import is_denial, read_modality

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Were Moscow to invade Finland, Sweden would send troops to help it.", "send"),
        ("Should talks collapse, Egypt would close the crossing.", "close"),
        ("Japan will lift the sanctions if and when Russia withdraws its forces.", "lift"),
        ("Kenya would send police officers to Haiti, but only if the council approves.", "send"),
        ("Brazil would cut arms sales to Peru if the junta stays in power.", "sales"),
    ],
)
def test_conditions(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "conditional"


def test_a_condition_hung_on_the_closing_attribution_is_the_reports(nlp: Any) -> None:
    """The small parser sometimes attaches "if ..." to the closing "an official suggested";
    the parse is built as it comes out, so the rule is checked on the real structure."""
    words = (
        "Egypt would halt gas exports to Israel if the siege continued , an official suggested ."
    )
    doc = Doc(
        nlp.vocab,
        words=words.split(),
        heads=[2, 2, 2, 4, 2, 2, 5, 10, 9, 10, 14, 2, 13, 14, 2, 2],
        deps=["nsubj", "aux", "ROOT", "compound", "dobj", "prep", "pobj", "mark", "det", "nsubj",
              "advcl", "punct", "det", "nsubj", "advcl", "punct"],
        lemmas=["Egypt", "would", "halt", "gas", "export", "to", "Israel", "if", "the", "siege",
                "continue", ",", "an", "official", "suggest", "."],
        pos=["PROPN", "AUX", "VERB", "NOUN", "NOUN", "ADP", "PROPN", "SCONJ", "DET", "NOUN",
             "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
    )  # fmt: skip
    assert read_modality(doc[2]).modality.value == "conditional"
    assert read_modality(doc[4]).modality.value == "conditional"  # the exports halted


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tokyo dismissed as baseless Chinese reports that Japan had sent warships.", "sent"),
        (
            "The ministry called claims that Serbian troops had crossed into Kosovo 'false'.",
            "crossed",
        ),
        (
            "Pakistan's army said its jets had not struck Afghan territory, rejecting claims "
            "by the Taliban.",
            "struck",
        ),
        ("Chile insisted its navy had not fired on the Peruvian vessel.", "fired"),
        ("Ghana denied that it had expelled the Togolese delegation.", "expelled"),
    ],
)
def test_denials(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "denied"


def test_a_plain_statement_of_non_occurrence_is_negated_not_denied(nlp: Any) -> None:
    text = "Chile said its navy had not fired on the Peruvian vessel."
    assert modality(nlp, text, "fired") == "negated"


def test_contradicting_a_claim_by_acting_is_no_denial_of_the_act(nlp: Any) -> None:
    text = "India sent troops to the border, contradicting claims that it had withdrawn."
    assert modality(nlp, text, "sent") == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Norway denied the Russian request to land at Svalbard.",
        "Ghana denied entry to the Togolese delegation.",
    ],
)
def test_refusing_what_is_asked_is_not_a_denial(nlp: Any, text: str) -> None:
    token = next(t for t in nlp(text) if t.lemma_ == "deny")
    assert not is_denial(token)


def test_denying_a_claim_is_a_denial(nlp: Any) -> None:
    token = next(
        t
        for t in nlp("Ghana denied the claim that it had closed the border.")
        if t.lemma_ == "deny"
    )
    assert is_denial(token)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kosovo and Serbia parted without signing the agreement.", "signing"),
        ("Washington stopped short of recognising the new government in Niamey.", "recognising"),
        ("Ankara refrained from criticising Moscow over the strike.", "criticising"),
    ],
)
def test_gerunds_that_did_not_happen_are_negated(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "negated"


def test_not_hesitating_asserts(nlp: Any) -> None:
    assert modality(nlp, "Paris did not hesitate to recall its envoy from Algiers.", "recall") == (
        "asserted"
    )
    assert modality(nlp, "Paris hesitated to recall its envoy from Algiers.", "recall") == (
        "speculated"
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Armenia and Azerbaijan seem close to signing a peace deal.", "signing"),
        ("Iran appears to have supplied drones to Russia.", "supplied"),
        ("The Saudi foreign minister is expected in Tehran next week.", "expected"),
    ],
)
def test_appearance_and_expectation_hedge(nlp: Any, text: str, word: str) -> None:
    assert modality(nlp, text, word) == "speculated"


def test_long_ago_is_historical_and_months_ago_is_not(nlp: Any) -> None:
    assert modality(nlp, "Two decades ago, India and Pakistan signed a ceasefire.", "signed") == (
        "historical"
    )
    assert modality(nlp, "Several years ago, Turkey shot down a Russian jet.", "shot") == (
        "historical"
    )
    assert modality(nlp, "Three months ago, Turkey shot down a Russian jet.", "shot") == "asserted"


def test_the_first_state_to_act_reports_the_act(nlp: Any) -> None:
    text = "Morocco became the first African state to recognise Israel this year."
    assert modality(nlp, text, "recognise") == "asserted"
    assert modality(nlp, "Morocco wants to recognise Israel.", "recognise") == "speculated"


def test_visits_due_scheduled_or_gone_ahead(nlp: Any) -> None:
    due = "The French president is due in Rabat on Monday for talks with the king."
    assert modality(nlp, due, "talks") == "scheduled"
    assert modality(nlp, "The state visit is scheduled for Friday.", "visit") == "scheduled"
    assert modality(nlp, "The state visit went ahead on Friday.", "visit") == "asserted"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Provided that the ceasefire holds, Egypt will reopen the crossing.",
            "reopen",
            "conditional",
        ),
        (
            "The sanctions will be lifted on condition that Iran halts enrichment.",
            "lifted",
            "conditional",
        ),
        ("It is possible that Minsk will send troops to the border.", "send", "speculated"),
        ("Germany ruled out sending Taurus missiles to Ukraine.", "sending", "negated"),
        ("None of the Gulf states condemned the strike.", "condemned", "negated"),
        ("Talks collapsed without an agreement on prisoner exchanges.", "agreement", "negated"),
        ("Beijing brushed off reports that it had sent troops to Myanmar.", "sent", "denied"),
        (
            "Japan announced it would send a destroyer to the Red Sea next month.",
            "send",
            "scheduled",
        ),
        ("The Philippines said it would file a protest with China.", "file", "speculated"),
    ],
)
def test_more_constructions(nlp: Any, text: str, word: str, expected: str) -> None:
    assert modality(nlp, text, word) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Officials discussed the planned visit of the Chinese premier to Canberra.",
            "visit",
            "scheduled",
        ),
        ("A suspected Israeli strike hit a base near Damascus.", "strike", "speculated"),
        ("The proposed deal would give Russia access to the port.", "deal", "speculated"),
        ("Reports of a Russian strike on Odesa could not be verified.", "strike", "speculated"),
        ("The cancelled visit of the Indian minister angered Dhaka.", "visit", "negated"),
        ("The strike on the depot killed four soldiers.", "strike", "asserted"),
    ],
)
def test_how_a_noun_presents_its_event(nlp: Any, text: str, word: str, expected: str) -> None:
    assert modality(nlp, text, word) == expected


def test_a_conceded_supposition_is_speculated_and_the_main_clause_stands(nlp: Any) -> None:
    text = "Even if Washington objects, the batteries will be delivered on Friday."
    assert modality(nlp, text, "objects") == "speculated"
    assert modality(nlp, text, "delivered") == "scheduled"
    assert modality(nlp, "Even though Washington objected, Ankara bought them.", "objected") == (
        "asserted"
    )


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Vietnam avoided condemning the invasion.", "condemning", "negated"),
        ("The talks were called off.", "talks", "negated"),
        ("The summit was cancelled after the coup.", "summit", "negated"),
        ("The summit was postponed until next year.", "summit", "scheduled"),
        ("The summit took place in Astana.", "summit", "asserted"),
    ],
)
def test_avoided_cancelled_and_postponed(nlp: Any, text: str, word: str, expected: str) -> None:
    assert modality(nlp, text, word) == expected


def test_an_event_noun_that_would_do_something_is_a_proposal(nlp: Any) -> None:
    text = "A new aid package from Tokyo would see Manila receive six patrol boats."
    assert modality(nlp, text, "aid") == "speculated"
    assert modality(nlp, "The strike could escalate tensions.", "strike") == "asserted"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Should Iran close the strait, the US Navy would intervene.", "intervene", "conditional"),
        ("Should Iran close the strait?", "close", "speculated"),
        ("The minister asked if Turkey would attend the summit.", "asked", "asserted"),
        ("A ceasefire deal between Israel and Hezbollah is within reach.", "deal", "speculated"),
        ("New sanctions on Iran are on the table.", "sanctions", "speculated"),
        ("The talks were in Geneva.", "talks", "asserted"),
    ],
)
def test_leading_should_and_prospects(nlp: Any, text: str, word: str, expected: str) -> None:
    assert modality(nlp, text, word) == expected
