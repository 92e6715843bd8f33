"""The coding rules on hand-written articles (our own wording, none taken from the fixtures)."""

from __future__ import annotations

import pytest

from redline.treaties.coder import code_treaty
from redline.treaties.models import Condition, Domain, Provision, ProvisionType

D = ProvisionType


def code(*articles: str) -> list[Provision]:
    text = "\n\n".join(f"## Article {i}\n\n{body}" for i, body in enumerate(articles, start=1))
    return list(code_treaty(text).provisions)


def one(body: str, kind: ProvisionType) -> Provision:
    found = [p for p in code(body) if p.type is kind]
    assert len(found) == 1, code(body)
    return found[0]


def test_immediate_all_means_assistance_is_automatic_defence() -> None:
    p = one(
        "Should one Party be invaded by another State and so drawn into war, the other Party "
        "shall forthwith render it armed assistance with all the forces at its disposal.",
        D.DEFENSE,
    )
    assert p.automatic is True
    assert set(p.conditions) == {Condition.ARMED_ATTACK, Condition.STATE_OF_WAR}


@pytest.mark.parametrize(
    "discretion",
    [
        "by whatever means it deems necessary",
        "in accordance with its constitutional procedures",
        "as far as it judges appropriate",
    ],
)
def test_discretion_makes_defence_not_automatic(discretion: str) -> None:
    p = one(
        f"If a Party is attacked, the other Party shall at once come to its aid {discretion}.",
        D.DEFENSE,
    )
    assert p.automatic is False


def test_laws_and_charter_are_conditions_not_discretion() -> None:
    p = one(
        "If either Party suffers an armed attack, the other shall immediately give it every "
        "means of military help, in line with Article 51 of the Charter and its national laws.",
        D.DEFENSE,
    )
    assert p.automatic is True
    assert {Condition.UN_CHARTER_51, Condition.DOMESTIC_LAW} <= set(p.conditions)


def test_condition_paragraphs_of_the_same_article_count() -> None:
    p = one(
        "Each Party regards an armed attack in the Baltic region on the other as a danger to "
        "itself. It will, in that event, act against the common danger.\n\nAny such attack shall "
        "be reported to the Security Council at once.",
        D.DEFENSE,
    )
    assert set(p.conditions) == {
        Condition.ARMED_ATTACK,
        Condition.UN_CHARTER_51,
        Condition.TERRITORY_LIMITED,
    }


def test_building_capacity_against_attack_is_military_aid_not_defence() -> None:
    kinds = {p.type for p in code(
        "The Parties shall by self-help and mutual assistance strengthen their capacity to "
        "resist armed attack."
    )}  # fmt: skip
    assert kinds == {D.MILITARY_AID}


def test_help_agreed_through_consultation_is_consultation_not_defence() -> None:
    found = code(
        "If aggression against either Party is threatened, the Parties shall at once consult "
        "each other to co-ordinate their positions and agree on measures of mutual help."
    )
    assert [(p.type, p.crisis) for p in found] == [(D.CONSULTATION, True)]


def test_general_and_crisis_consultation() -> None:
    found = code(
        "The Parties shall exchange views on international questions of common interest.",
        "Whenever the security of either Party is endangered, they shall consult together.",
    )
    assert [(p.article, p.crisis) for p in found] == [("1", False), ("2", True)]


def test_consultation_on_economic_matters_is_economic() -> None:
    kinds = {p.type for p in code(
        "Through regular consultation on their trade relations the Parties shall promote "
        "investment."
    )}  # fmt: skip
    assert kinds == {D.ECONOMIC}


def test_dispute_settlement_and_permissions_create_no_provision() -> None:
    assert (
        code(
            "Any dispute about this Treaty shall be settled by consultation.",
            "The Parties may agree on further economic measures.",
        )
        == []
    )


def test_refusing_help_to_a_third_state_at_war_is_neutrality() -> None:
    found = code(
        "If a third State wages war on one Party, the other Party shall give that State no "
        "assistance of any kind."
    )
    assert [p.type for p in found] == [D.NEUTRALITY]


@pytest.mark.parametrize(
    "body",
    [
        "Neither Party shall join any bloc aimed at the other Party.",
        "Each Party undertakes to refrain from any use of force against the other.",
        "Neither Party shall permit a third State to use its territory to harm the other.",
        "Neither Party shall enter any military alliance directed against the other.",
    ],
)
def test_nonaggression_forms(body: str) -> None:
    assert [p.type for p in code(body)] == [D.NONAGGRESSION]


def test_force_ban_without_the_partner_as_target_is_no_provision() -> None:
    assert code("The Parties shall not use force in any manner contrary to the Charter.") == []


def test_military_technology_transfer_has_a_domain_and_civil_research_stays_sci_tech() -> None:
    found = code(
        "Each Party shall transfer to the other the design of ballistic missiles and of "
        "reconnaissance satellites.",
        "The Parties shall support joint research on the peaceful use of space.",
    )
    assert {(p.article, p.type, p.domain) for p in found} == {
        ("1", D.TECH_TRANSFER, Domain.MISSILE),
        ("1", D.TECH_TRANSFER, Domain.SPACE),
        ("2", D.SCI_TECH, None),
    }


def test_basing_command_and_recognition() -> None:
    found = code(
        "Each Party grants the other the right to station its naval forces in its ports.",
        "The Parties shall place their forces under a unified command.",
        "Each Party recognises the other as a sovereign State.",
    )
    assert [p.type for p in found] == [D.BASING, D.INTEGRATED_COMMAND, D.RECOGNITION]


def test_a_cross_reference_is_not_a_new_provision() -> None:
    assert code("The Parties agree that the territory may benefit from the economic measures "
                "provided for in Article 2.") == []  # fmt: skip


def test_a_reservation_limits_the_referenced_defence() -> None:
    found = code(
        "If either Party is attacked, the other shall come to its aid.",
        "The undertaking in Article 1 applies to aggression by Ruritania only.",
    )
    defence = [p for p in found if p.type is D.DEFENSE]
    assert [p.article for p in defence] == ["1", "2"]
    assert Condition.NAMED_THREAT in defence[1].conditions
    assert Condition.NAMED_THREAT not in defence[0].conditions


def test_evidence_is_the_exact_text() -> None:
    text = (
        "---\ntitle: T\n---\n\n## Article 1\n\n"
        "Neither Party shall join any alliance aimed at the other.\n"
    )
    (p,) = code_treaty(text).provisions
    assert text[p.evidence.start : p.evidence.end] == p.evidence.text
    assert p.evidence.text.startswith("Neither Party")
