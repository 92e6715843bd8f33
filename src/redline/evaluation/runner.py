"""Run the pipeline over gold cases and score it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from redline.evaluation.bridge import Bridge, packaged_bridge
from redline.evaluation.classify import ClassifyScore, choose_type, classify_report
from redline.evaluation.gold import GoldCase
from redline.evaluation.score import ExtractScore, extract_report, score_case
from redline.models import Document, Event
from redline.pipeline import Pipeline
from redline.serialize import event_json


def case_document(case: GoldCase) -> Document:
    """A document holding one gold sentence, published on the case's date."""
    return Document(
        id=Document.content_id(f"{case.id}\n{case.text}"),
        body=case.text,
        title=case.id,
        source="gold",
        published_at=datetime(case.date.year, case.date.month, case.date.day, tzinfo=UTC),
        origin=case.id,
    )


def evaluate(
    cases: Sequence[GoldCase],
    pipeline: Pipeline,
    mode: str = "extract",
    bridge: Bridge | None = None,
    on_case: Callable[[], None] = lambda: None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures for `mode` and one prediction record per case."""
    bridge = bridge or packaged_bridge()
    extract, classify = ExtractScore(), ClassifyScore()
    predictions = []
    docs = [case_document(c) for c in cases]
    for case, item in zip(cases, pipeline.process(docs), strict=True):
        events: list[Event] = item.events
        chosen = choose_type(case, events, bridge)
        if mode == "classify":
            gold_label = bridge.event_type(case.label) or "NONE"
            classify.pairs.append((gold_label, chosen))
        else:
            score_case(extract, case, events, bridge)
        predictions.append(
            {
                "id": case.id,
                "type": chosen,
                "modality": events[0].modality.value if events else None,
                "events": [event_json(e) for e in events],
            }
        )
        on_case()
    report = classify_report(classify) if mode == "classify" else extract_report(extract)
    return report, predictions
