"""Provisions reported in news: types, modality (asserted, negated, denied, speculated,
historical) and paraphrases that must code the same."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.models import Modality
from redline.treaties.models import Condition, Domain, Provision, ProvisionType
from redline.treaties.reports import code_report
from redline.treaties.scoring import GoldReport, score_reports

pytestmark = pytest.mark.model

D = ProvisionType
M = Modality
DEV_BAR = 0.95  # measured 0.987 / 0.974
HELD_OUT_FLOOR = 0.8  # measured 0.833 / 0.833 on first (and only) evaluation


@pytest.fixture(scope="module")
def nlp() -> Any:
    from redline.nlp.model import load_model

    return load_model()


def code(text: str, nlp: Any, published: date = date(2024, 6, 21)) -> list[tuple[Any, ...]]:
    from redline.treaties.reports import code_report

    return [(p.type, p.modality) for p in code_report(text, published, nlp=nlp)]


def test_news_dev_sentences(
    coded_reports: dict[str, list[Provision]], report_splits: dict[str, list[GoldReport]]
) -> None:
    provisions, attributes = score_reports(coded_reports, report_splits["dev"])
    summary = f"P={provisions.precision:.3f} R={provisions.recall:.3f} {provisions.errors}"
    assert provisions.precision >= DEV_BAR and provisions.recall >= DEV_BAR, summary
    assert attributes.recall >= 0.9, attributes.errors


def test_news_held_out_sentences_do_not_regress(
    coded_reports: dict[str, list[Provision]], report_splits: dict[str, list[GoldReport]]
) -> None:
    provisions, _ = score_reports(coded_reports, report_splits["held_out"])
    summary = f"P={provisions.precision:.3f} R={provisions.recall:.3f}"
    assert provisions.precision >= HELD_OUT_FLOOR, summary
    assert provisions.recall >= HELD_OUT_FLOOR, summary


def test_paraphrases_of_one_article_code_the_same(
    coded_reports: dict[str, list[Provision]], report_gold: list[GoldReport]
) -> None:
    groups: dict[str, list[GoldReport]] = {}
    for report in report_gold:
        if report.group:
            groups.setdefault(report.group, []).append(report)
    assert len(groups) == 13
    for name, members in groups.items():
        codings = {r.id: sorted(p.signature for p in coded_reports[r.id]) for r in members}
        assert len({str(c) for c in codings.values()}) == 1, (name, codings)
        expected = members[0].provisions
        coded = codings[members[0].id]
        assert [s[0] for s in coded] == [g.type.value for g in expected], name
        for got, want in zip(coded, expected, strict=True):
            if want.automatic is not None:
                assert got[1] == want.automatic, name
            if want.conditions is not None:
                assert set(got[2]) == {c.value for c in want.conditions}, name


def test_the_pact_obliges_help_without_delay(nlp: Any) -> None:
    from redline.treaties.reports import code_report

    (p,) = code_report(
        "The pact obliges each side to come to the other's aid without delay if attacked.",
        date(2024, 6, 20),
        nlp=nlp,
    )
    assert (p.type, p.modality, p.automatic) == (D.DEFENSE, M.ASSERTED, True)
    assert p.conditions == (Condition.ARMED_ATTACK,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2000 treaty dropped the mutual-defence clause.", [(D.DEFENSE, M.NEGATED)]),
        ("Nothing in the new accord commits Russia to defend North Korea.",
         [(D.DEFENSE, M.NEGATED)]),
        ("Officials denied that the agreement creates a joint command.",
         [(D.INTEGRATED_COMMAND, M.DENIED)]),
        ("Seoul fears the deal could let Moscow transfer submarine technology to Pyongyang.",
         [(D.TECH_TRANSFER, M.SPECULATED)]),
        ("The 1961 treaty bound Moscow to help Pyongyang at once if it was attacked.",
         [(D.DEFENSE, M.HISTORICAL)]),
        ("The new pact restores the automatic assistance pledge of the old Soviet treaty.",
         [(D.DEFENSE, M.ASSERTED), (D.DEFENSE, M.HISTORICAL)]),
        ("Seoul said it would protest if Moscow handed missile technology to Pyongyang.", []),
    ],
)  # fmt: skip
def test_modalities_of_reported_provisions(
    text: str, expected: list[tuple[Any, ...]], nlp: Any
) -> None:
    assert code(text, nlp) == expected


def test_report_with_front_matter_keeps_offsets(nlp: Any) -> None:
    from redline.treaties.reports import code_report

    text = (
        "---\ntitle: Pact text\ndate: 2024-06-20\n---\n\nThe visit was short. The partners "
        "will share missile know-how under the new agreement.\n"
    )
    (p,) = code_report(text, nlp=nlp)
    assert (p.type, p.domain, p.modality) == (D.TECH_TRANSFER, Domain.MISSILE, M.ASSERTED)
    assert text[p.evidence.start : p.evidence.end] == p.evidence.text
    assert p.evidence.text.startswith("The partners")


@pytest.mark.model
def test_the_clause_refers_back_to_the_provision_named_before() -> None:
    text = (
        "The pact obliges each side to come to the other's aid without delay if attacked. "
        "The 2000 treaty dropped the clause."
    )
    found = code_report(text, date(2024, 6, 20))
    assert [(p.type.value, p.modality.value) for p in found] == [
        ("DEFENSE", "asserted"),
        ("DEFENSE", "negated"),
    ]
    assert found[1].evidence.text.startswith("The 2000 treaty dropped the clause.")
