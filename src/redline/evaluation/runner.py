"""Run the pipeline over gold cases and score it."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redline.evaluation.bridge import Bridge, packaged_bridge
from redline.evaluation.classify import (
    ClassifyScore,
    choose_type,
    classify_report,
)
from redline.evaluation.gold import GoldCase
from redline.evaluation.modality_pair import given_pair_modality
from redline.evaluation.pair_type import pair_type
from redline.evaluation.score import ExtractScore, extract_report, gold_view, score_case
from redline.models import Document, Event
from redline.pipeline import (
    REGISTRY,
    EventStage,
    Pipeline,
    PipelineConfig,
    Resources,
    validate_stages,
)
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


def dictionary_pipeline(
    directory: Path,
    workdir: Path,
    own_lexicon: bool = False,
    config: PipelineConfig | None = None,
) -> tuple[Pipeline, tuple[str, ...], dict[str, int]]:
    """A pipeline that also knows the actors, agents and verbs of a PETRARCH dictionary folder.

    The folder's actors are put ahead of redline's own (the suite's world wins); its verbs
    replace redline's lexicon unless `own_lexicon`, because the suite's expected codes come
    from those verbs alone and redline's other triggers would code events it does not expect.
    Returns the pipeline, the sentence-level discard phrases and what was converted."""
    from redline.actors.tables import load_into, packaged_tables
    from redline.evaluation.petrarch_dicts import convert
    from redline.events.lexicon import Lexicon, load_lexicon, read_lexicon_file
    from redline.nlp.model import load_model

    config = config or PipelineConfig()
    nlp = load_model(config.model)

    def lemma(word: str) -> str:
        return str(nlp(f"They {word} it")[1].lemma_).lower()

    converted = convert(directory, workdir, lemma)
    tables = load_into(copy.deepcopy(packaged_tables()), converted.actors, first=True)
    resources = Resources(config, nlp, tables)
    stages = [REGISTRY[name](resources) for name in validate_stages(config.stages)]
    lexicon = Lexicon()
    if own_lexicon:
        lexicon = load_lexicon((converted.lexicon,))
    else:
        read_lexicon_file(converted.lexicon, lexicon)
    for stage in stages:
        if isinstance(stage, EventStage):
            stage.lexicon = lexicon
    return Pipeline(stages, config), converted.discards, converted.counts


def evaluate(
    cases: Sequence[GoldCase],
    pipeline: Pipeline,
    mode: str = "extract",
    bridge: Bridge | None = None,
    on_case: Callable[[], None] = lambda: None,
    discards: Sequence[str] = (),
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures for `mode` and one prediction record per case (a sentence holding one of the
    `discards` phrases codes no event, as the dictionaries that list them intend)."""
    bridge = bridge or packaged_bridge()
    extract, classify = ExtractScore(), ClassifyScore()
    lexicon = next((s.lexicon for s in pipeline.stages if isinstance(s, EventStage)), None)
    predictions = []
    docs = [case_document(c) for c in cases]
    for case, item in zip(cases, pipeline.process(docs), strict=True):
        events: list[Event] = item.events
        if discards and any(d in " ".join(case.text.lower().split()) for d in discards):
            events = []
        chosen = choose_type(case, gold_view(case, events), bridge)
        if mode == "classify":
            chosen = pair_type(case, events, bridge, item.parsed, lexicon)
            gold_label = bridge.event_type(case.label, case.mode) or "NONE"
            classify.pairs.append((gold_label, chosen))
            if case.modality is not None:
                found = given_pair_modality(case, events, bridge, item.parsed, lexicon)
                classify.modality.add_found(case, found)
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
