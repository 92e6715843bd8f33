"""Golden codings of the demo corpus: the pre-visit report in full, and 120+ other sentences.

Each case in tests/golden/*.yaml pairs a sentence with its expected events and the reason.
Every demo-corpus case is its own test. A case the coder still gets wrong carries a
`known_gap` (why, and which construction is missing) and is a strict xfail: fixing it makes
the test fail until the mark is removed, so a case that passes stays required to pass.
"""

from __future__ import annotations

from typing import Any

import pytest
from golden_cases import GoldenCase, compare, demo_documents, load_cases, sentence_events

from redline.models import Event

pytestmark = pytest.mark.model

MODALITIES = {
    "asserted", "scheduled", "speculated", "conditional", "negated", "denied", "historical",
}  # fmt: skip
# Issue #2: golden cases for at least 40 sentences of the demo corpus, covering every modality.
MIN_PASSING_SENTENCES = 40


@pytest.fixture(scope="module")
def coded(pipeline: Any) -> dict[str, list[Event]]:
    docs = demo_documents()
    return {name: pipeline.code(doc) for name, doc in docs.items()}


PREVISIT = load_cases("previsit.yaml")
DEMO = load_cases("demo_sentences.yaml")


def _param(case: GoldenCase) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case.known_gap)] if case.known_gap else []
    return pytest.param(
        case, id=f"{case.scope}:{case.document[:2]}:{case.sentence[:50]}", marks=marks
    )


@pytest.mark.parametrize("case", PREVISIT, ids=[c.sentence[:40] for c in PREVISIT])
def test_previsit_report(case: Any, coded: dict[str, list[Event]]) -> None:
    events = sentence_events(coded[case.document], case.sentence)
    assert compare(case, events) == [], case.reason


def test_previsit_never_asserts_the_speculated_pact(coded: dict[str, list[Event]]) -> None:
    doc = PREVISIT[0].document
    agreements = [
        e for e in coded[doc] if e.type == "AGREE" and e.date.value and e.date.value.year == 2024
    ]
    assert agreements and all(e.modality.value != "asserted" for e in agreements)


@pytest.mark.parametrize("case", [_param(c) for c in DEMO])
def test_demo_sentence(case: GoldenCase, coded: dict[str, list[Event]]) -> None:
    events = sentence_events(coded[case.document], case.sentence)
    assert compare(case, events) == [], case.reason


def test_demo_cases_are_well_formed() -> None:
    assert len(DEMO) >= MIN_PASSING_SENTENCES
    for case in DEMO:
        assert case.scope in ("sentence", "discourse", "world"), case.sentence
        assert all(e["modality"] in MODALITIES for e in case.events), case.sentence
        assert case.known_gap is None or case.known_gap.strip(), case.sentence


def test_passing_sentence_cases_cover_every_modality(coded: dict[str, list[Event]]) -> None:
    passing = [
        case
        for case in DEMO
        if case.scope == "sentence"
        and not compare(case, sentence_events(coded[case.document], case.sentence))
    ]
    assert len(passing) >= MIN_PASSING_SENTENCES
    covered = {e["modality"] for case in passing for e in case.events}
    assert covered == MODALITIES, MODALITIES - covered
