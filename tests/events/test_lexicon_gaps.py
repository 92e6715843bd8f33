"""Trigger-lexicon rows added for gaps found on the dev split (triggers_manual.tsv).

One test per group of rows, on sentences written for this test (not taken from a gold set):
each checks that the group's phrasing is coded, with the type the PLOVER manual and the CAMEO
verb dictionary give it, between the right pair of states.
"""

from __future__ import annotations

from typing import Any

import pytest
from event_sentences import code

pytestmark = pytest.mark.model


def coded(pipeline: Any, text: str) -> set[tuple[str | None, str | None, str, str | None]]:
    """(source country, target country, type, mode) of each event of `text`."""
    return {
        (e.source.country, e.target.country if e.target else None, e.type, e.mode)
        for e in code(pipeline, text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian President Abdel Fattah al-Sisi and Turkish President Recep Tayyip Erdogan "
        "spoke by phone on Sunday.",
        "The Saudi foreign minister talked over the telephone with his Iranian counterpart.",
        "French President Emmanuel Macron had a call with Indian Prime Minister Narendra Modi.",
    ],
)
def test_speaking_by_phone_or_having_a_call_is_phone_consultation(pipeline: Any, text: str) -> None:
    found = coded(pipeline, text)
    assert any(t == "CONSULT" and m == "phone" for _, _, t, m in found), found


def test_taking_part_in_a_summit_is_consulting(pipeline: Any) -> None:
    found = coded(
        pipeline,
        "Ukrainian President Volodymyr Zelensky took part in the summit with European Union "
        "leaders in Brussels on Thursday.",
    )
    assert ("UKR", "EU", "CONSULT", None) in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("China held joint naval drills with Russia in the Sea of Japan.", ("CHN", "RUS")),
        ("Indian warships took part in a naval exercise hosted by Vietnam.", ("IND", "VNM")),
        ("Serbian troops will participate in a military parade in Moscow.", ("SRB", "RUS")),
    ],
)
def test_joint_exercises_are_military_cooperation(
    pipeline: Any, text: str, pair: tuple[str, str]
) -> None:
    found = coded(pipeline, text)
    assert (*pair, "COOPERATE", None) in found, found


def test_a_single_side_beginning_an_exercise_is_posture(pipeline: Any) -> None:
    found = coded(
        pipeline, "Russian forces will begin large-scale exercises near the Finnish border."
    )
    assert ("RUS", "FIN", "MOBILIZE", "troops") in found


def test_military_aircraft_entering_airspace_is_posture(pipeline: Any) -> None:
    found = coded(pipeline, "Taiwan said Chinese fighter jets entered its airspace on Friday.")
    assert ("CHN", "TWN", "MOBILIZE", "weapons") in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Belarus received Russian tanks on Monday.", ("RUS", "BLR")),
        ("Armenia obtained drones from India last year.", ("IND", "ARM")),
    ],
)
def test_receiving_arms_is_the_givers_aid(pipeline: Any, text: str, pair: tuple[str, str]) -> None:
    assert (*pair, "AID", None) in coded(pipeline, text)


def test_handing_over_aircraft_is_military_aid(pipeline: Any) -> None:
    found = coded(pipeline, "Poland handed over its remaining MiG-29 aircraft to Ukraine.")
    assert ("POL", "UKR", "AID", None) in found


def test_handing_over_people_follows_who_they_are(pipeline: Any) -> None:
    prisoners = coded(pipeline, "Lebanon handed over the prisoners to Syria on Thursday.")
    assert ("LBN", "SYR", "RETREAT", "release") in prisoners
    suspect = coded(pipeline, "Spain handed over the suspect to France on Thursday.")
    assert ("ESP", "FRA", "COOPERATE", None) in suspect


@pytest.mark.parametrize(
    "text",
    [
        "Britain denied a request by France to open a processing centre in Calais.",
        "Turkey denied Sweden's application to extradite the journalist.",
    ],
)
def test_denying_a_request_rejects_it(pipeline: Any, text: str) -> None:
    events = code(pipeline, text)
    assert [(e.type, e.modality.value) for e in events if e.type == "REJECT"] == [
        ("REJECT", "asserted")
    ]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia suspended visa-free travel for Polish citizens.", ("RUS", "POL")),
        ("Japan has closed its airspace to Russian aircraft.", ("JPN", "RUS")),
    ],
)
def test_visa_and_airspace_closures_reduce_relations(
    pipeline: Any, text: str, pair: tuple[str, str]
) -> None:
    assert (*pair, "SANCTION", None) in coded(pipeline, text)


def test_trading_fire_and_joining_an_attack_are_assaults(pipeline: Any) -> None:
    fire = coded(pipeline, "Indian and Chinese soldiers traded fire along the disputed border.")
    assert ("IND", "CHN", "ASSAULT", "firearms") in fire
    attack = coded(pipeline, "Belarusian units took part in the attack on Ukrainian positions.")
    assert ("BLR", "UKR", "ASSAULT", None) in attack
    combat = coded(pipeline, "Eritrean troops took part in the fighting against Ethiopian forces.")
    assert ("ERI", "ETH", "ASSAULT", None) in combat


def test_taking_part_in_a_protest_is_protesting(pipeline: Any) -> None:
    found = coded(pipeline, "Kenyan students took part in a protest against the French embassy.")
    assert ("KEN", "FRA", "PROTEST", "demo") in found
