"""The alert lifecycle on hand-built reports: signalled -> crossed -> confirmed, and its traps."""

from __future__ import annotations

import random
from datetime import date

import pytest

from event_records import event, report
from redline.analysis.ladder_rules import packaged_ladder
from redline.analysis.reports import Report
from redline.models import DatePrecision, Modality
from redline.redlines.alerts import Alert, AlertState, Role
from redline.redlines.lifecycle import evaluate_rules
from redline.redlines.rules import RuleSet, load_rules

SUCCESSORS = {"SUN": "RUS"}


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def alerts_of(rules: RuleSet, reports: list[Report]) -> dict[str, Alert]:
    found = evaluate_rules(rules, reports, packaged_ladder(), SUCCESSORS)
    assert len({a.id for a in found}) == len(found), "one alert per (rule, pair)"
    return {a.rule: a for a in found}


SPECULATION = report(
    event(
        "There is speculation that the two leaders may sign a treaty possibly including "
        "automatic military intervention.",
        modality=Modality.SPECULATED,
        day="2024-06-18",
        doc="seoul-0617",
    ),
    published="2024-06-17",
    outlets=["Seoul Daily Monitor"],
)
WIRE = report(
    event(
        "Putin and Kim signed a treaty pledging to help each other if either is attacked.",
        doc="wire-0619",
    ),
    outlets=["Pacific Wire Service", "Lakeside Tribune"],  # one story, syndicated
)
HERALD = report(
    event(
        "North Korea and Russia have agreed to provide mutual assistance if attacked.",
        source="PRK",
        target="RUS",
        doc="herald-0619",
    ),
    outlets=["Han River Herald"],
)
TEXT = report(
    event(
        "Under Article 4 of the treaty, the other shall provide military and other assistance "
        "with all means at its disposal without delay.",
        type="SUPPORT",
        doc="kcna-0620",
    ),
    published="2024-06-20",
    outlets=["Seoul Daily Monitor"],
)
DENIAL = report(
    event(
        "The Kremlin denied that the treaty obliges Russia to give military assistance to the "
        "North.",
        modality=Modality.DENIED,
        day="2024-06-20",
        doc="kremlin-0620",
    ),
    outlets=["Moscow Evening Courier"],
)


def test_speculation_only_signals(rules: RuleSet) -> None:
    alert = alerts_of(rules, [SPECULATION])["mutual-defence"]
    assert alert.state is AlertState.SIGNALLED
    assert alert.signalled_on == date(2024, 6, 17)  # the day it was reported, not the visit
    assert alert.crossed_on is None and alert.confirmed_on is None
    assert [e.role for e in alert.evidence] == [Role.SIGNALLED]


@pytest.mark.parametrize(
    "modality", [Modality.CONDITIONAL, Modality.NEGATED, Modality.HISTORICAL, Modality.SCHEDULED]
)
def test_never_crossed_without_an_assertion(rules: RuleSet, modality: Modality) -> None:
    hedged = report(
        event(
            "If attacked, each would come to the other's aid under a treaty.",
            modality=modality,
            doc="h",
        )
    )
    found = alerts_of(rules, [hedged])
    assert "mutual-defence" not in found or found["mutual-defence"].state is AlertState.SIGNALLED


def test_full_lifecycle_with_its_dates_and_evidence(rules: RuleSet) -> None:
    alert = alerts_of(rules, [SPECULATION, WIRE, HERALD, TEXT])["mutual-defence"]
    assert alert.state is AlertState.CONFIRMED
    assert (alert.signalled_on, alert.crossed_on, alert.confirmed_on) == (
        date(2024, 6, 17),
        date(2024, 6, 19),
        date(2024, 6, 20),
    )
    by_role = {e.role: e for e in alert.evidence}
    assert by_role[Role.SIGNALLED].doc_id == "seoul-0617"
    assert by_role[Role.CROSSED].doc_id == "herald-0619"  # first in the store-independent order
    assert by_role[Role.CONFIRMED].doc_id == "kcna-0620"  # the text itself
    assert alert.sources == 3  # the wire story's two mastheads count once
    assert alert.mentions == 4 and alert.events == 3


def test_the_default_rule_wants_the_text_but_others_accept_two_outlets(rules: RuleSet) -> None:
    crossed = alerts_of(rules, [WIRE, HERALD])["mutual-defence"]
    assert crossed.state is AlertState.CROSSED  # reports of "mutual assistance" are not the text
    # advanced-tech uses the default confirmation: two independent outlets
    supplied = [
        report(
            event(
                "Russia has supplied North Korea with anti-aircraft missiles.",
                type="AID",
                doc=f"d{i}",
                day=day,
            ),
            outlets=[outlet],
        )
        for i, (day, outlet) in enumerate(
            [("2024-11-22", "Han River Herald"), ("2024-11-25", "Pacific Wire Service")]
        )
    ]
    syndicated = report(supplied[0].event, outlets=["Han River Herald", "Lakeside Tribune"])
    assert alerts_of(rules, [syndicated])["advanced-tech"].state is AlertState.CROSSED
    alert = alerts_of(rules, supplied)["advanced-tech"]
    assert alert.state is AlertState.CONFIRMED and alert.confirmed_on == date(2024, 11, 25)


def test_a_denial_is_kept_beside_the_alert_and_erases_nothing(rules: RuleSet) -> None:
    alert = alerts_of(rules, [WIRE, TEXT, DENIAL])["mutual-defence"]
    assert alert.state is AlertState.CONFIRMED
    assert [e.doc_id for e in alert.counter_evidence] == ["kremlin-0620"]
    out = alert.to_json()
    assert [e["doc_id"] for e in out["counter_evidence"]] == ["kremlin-0620"]
    assert "kremlin-0620" not in {e["doc_id"] for e in out["evidence"]}
    alone = alerts_of(rules, [DENIAL])
    assert "mutual-defence" not in alone  # a denial alone raises nothing


def test_history_is_not_a_new_commitment(rules: RuleSet) -> None:
    pact_1961 = report(
        event(
            "The 1961 treaty promised automatic military intervention if either side came "
            "under attack.",
            source="SUN",
            modality=Modality.HISTORICAL,
            day="1961-01-01",
            precision=DatePrecision.YEAR,
            doc="bg",
        ),
        published="2024-06-17",
    )
    assert alerts_of(rules, [pact_1961]) == {}


def test_a_warning_by_a_third_country_is_not_the_pair(rules: RuleSet) -> None:
    warning = report(
        event(
            "Seoul warned Moscow not to agree automatic military intervention with the North.",
            type="THREATEN",
            source="KOR",
            target="RUS",
        )
    )
    assert alerts_of(rules, [warning]) == {}


def test_same_alerts_whatever_the_order(rules: RuleSet) -> None:
    reports = [
        SPECULATION,
        WIRE,
        HERALD,
        TEXT,
        DENIAL,
        report(
            event(
                "North Korea decided to send troops to help Russia in its war.",
                type="AID",
                source="PRK",
                target="RUS",
                day="2024-10-18",
                doc="t",
            ),
            outlets=["Han River Herald"],
        ),
        report(
            event(
                "North Korean soldiers are fighting in Russia, the NIS said.",
                type="ASSAULT",
                source="PRKMIL",
                target="RUS",
                day="2024-11-13",
                doc="f",
            ),
            outlets=["Seoul Daily Monitor"],
        ),
    ]
    expected = [a.to_json() for a in evaluate_rules(rules, reports, packaged_ladder(), SUCCESSORS)]
    assert {a["rule"] for a in expected} == {"mutual-defence", "joint-combat"}
    for seed in range(6):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        again = evaluate_rules(rules, shuffled, packaged_ladder(), SUCCESSORS)
        assert [a.to_json() for a in again] == expected


def test_joint_combat_needs_the_deployment_before_fighting_counts(rules: RuleSet) -> None:
    fighting = report(
        event(
            "North Korean soldiers are fighting in Russia, the NIS said.",
            type="ASSAULT",
            source="PRKMIL",
            target="RUS",
            day="2024-11-13",
            doc="f",
        )
    )
    assert "joint-combat" not in alerts_of(rules, [fighting])
    deployed = report(
        event(
            "North Korea decided to send troops to help Russia in its war.",
            type="AID",
            source="PRK",
            target="RUS",
            day="2024-10-18",
            doc="t",
            modality=Modality.SCHEDULED,
        )
    )
    alert = alerts_of(rules, [deployed, fighting])["joint-combat"]
    assert (alert.state, alert.signalled_on, alert.crossed_on) == (
        AlertState.CROSSED,
        date(2024, 10, 18),
        date(2024, 11, 13),
    )
