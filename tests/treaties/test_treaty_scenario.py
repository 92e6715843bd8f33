"""The three Russia/USSR-DPRK treaties code as shared/scenario/treaties.md describes them."""

from __future__ import annotations

from pathlib import Path

from redline.treaties.models import Condition, Provision, ProvisionType

D = ProvisionType


def _types(provisions: list[Provision]) -> set[ProvisionType]:
    return {p.type for p in provisions}


def _only(provisions: list[Provision], kind: ProvisionType) -> Provision:
    found = [p for p in provisions if p.type is kind]
    assert len(found) == 1, found
    return found[0]


def test_1961_automatic_defence_and_nonaggression(coded: dict[str, list[Provision]]) -> None:
    found = coded["1961-ussr-dprk.md"]
    defence = _only(found, D.DEFENSE)
    assert (defence.article, defence.automatic) == ("1", True)
    assert set(defence.conditions) == {Condition.ARMED_ATTACK, Condition.STATE_OF_WAR}
    assert _only(found, D.NONAGGRESSION).article == "2"
    consultation = _only(found, D.CONSULTATION)
    assert (consultation.article, consultation.crisis) == ("3", False)  # general, not ATOP consul


def test_2000_consultation_and_nonaggression_without_defence(
    coded: dict[str, list[Provision]],
) -> None:
    found = coded["2000-russia-dprk.md"]
    assert D.DEFENSE not in _types(found)
    crisis = [p for p in found if p.type is D.CONSULTATION and p.crisis]
    assert [p.article for p in crisis] == ["2"]
    assert _only(found, D.NONAGGRESSION).article == "3"


def test_2024_restores_automatic_defence_with_conditions(
    coded: dict[str, list[Provision]],
) -> None:
    found = coded["2024-russia-dprk.md"]
    defence = _only(found, D.DEFENSE)
    assert (defence.article, defence.automatic) == ("4", True)
    assert set(defence.conditions) == {
        Condition.ARMED_ATTACK,
        Condition.STATE_OF_WAR,
        Condition.UN_CHARTER_51,
        Condition.DOMESTIC_LAW,
    }
    crisis = [p for p in found if p.type is D.CONSULTATION and p.crisis]
    assert [p.article for p in crisis] == ["3"]
    assert _only(found, D.NONAGGRESSION).article == "5"
    assert _only(found, D.MILITARY_AID).article == "8"  # defence-cooperation mechanisms
    assert D.TECH_TRANSFER not in _types(found)  # space and atomic energy are civil S&T here


def test_atop_obligations_follow_from_the_provisions(coded: dict[str, list[Provision]]) -> None:
    def atop(found: list[Provision]) -> dict[str, int]:
        kinds = _types(found)
        return {
            "defense": int(D.DEFENSE in kinds),
            "nonagg": int(D.NONAGGRESSION in kinds),
            "consul": int(any(p.type is D.CONSULTATION and p.crisis for p in found)),
        }

    assert atop(coded["1961-ussr-dprk.md"]) == {"defense": 1, "nonagg": 1, "consul": 0}
    assert atop(coded["2000-russia-dprk.md"]) == {"defense": 0, "nonagg": 1, "consul": 1}
    assert atop(coded["2024-russia-dprk.md"]) == {"defense": 1, "nonagg": 1, "consul": 1}


def test_evidence_spans_index_the_file(coded: dict[str, list[Provision]]) -> None:
    folder = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
    for name, found in coded.items():
        text = (folder / name).read_text("utf-8")
        for p in found:
            assert text[p.evidence.start : p.evidence.end] == p.evidence.text, (name, p)
