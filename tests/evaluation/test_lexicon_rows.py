"""Lexicon rows added from the PLOVER manual and CAMEO codes, checked on sentences of our
own (not gold sentences): the verb and its object give the type."""

from __future__ import annotations

from typing import Any

import pytest

from redline.events.lexicon import packaged_lexicon
from redline.events.triggers import verb_match

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Any:
    from redline.nlp.model import load_model

    return load_model()


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The government eased the emergency measures in the north.", "eased", "CONCEDE"),
        ("The junta cancelled the restrictions on foreign newspapers.", "cancelled", "CONCEDE"),
        ("The army shortened the curfew in the capital.", "shortened", "CONCEDE"),
        ("Iran received a team of inspectors from the agency.", "received", "RETREAT"),
        ("The UN withdrew its observers from the border zone.", "withdrew", "SANCTION"),
        ("Pyongyang expelled the inspectors on Monday.", "expelled", "SANCTION"),
        ("Donors reduced food aid to the region.", "reduced", "SANCTION"),
        ("Unions organized a strike at the port.", "organized", "PROTEST"),
        ("Prisoners began a hunger strike on Sunday.", "began", "PROTEST"),
        ("The army strengthened its forces along the border.", "strengthened", "MOBILIZE"),
        ("Police prevented a demonstration outside the ministry.", "prevented", "COERCE"),
        ("The navy tightened its blockade of the port.", "tightened", "COERCE"),
        ("Rebels violated the ban on public meetings.", "violated", "REJECT"),
        ("The minister accepted the compromise on fishing quotas.", "accepted", "AGREE"),
        ("Jordan accepted thousands of refugees last year.", "accepted", "AID"),
        ("Volunteers handed over tons of food to the villagers.", "handed", "AID"),
        ("The president gave a warm welcome to the visiting premier.", "gave", "CONSULT"),
        ("The cabinet opposed any mediation by the league.", "opposed", "REJECT"),
        ("Norway launched a mediation effort between the two sides.", "launched", "CONSULT"),
        ("The envoy undertook a mediation mission to the region.", "undertook", "CONSULT"),
    ],
)
def test_verb_and_object_give_the_type(nlp: Any, text: str, verb: str, expected: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    match = verb_match(token, packaged_lexicon())
    assert match is not None, text
    assert match.entry.type == expected, (text, match.entry)


def test_withdrawing_troops_stays_a_retreat(nlp: Any) -> None:
    doc = nlp("The army withdrew its troops from the border zone.")
    match = verb_match(next(t for t in doc if t.text == "withdrew"), packaged_lexicon())
    assert match is not None and match.entry.type == "RETREAT"
