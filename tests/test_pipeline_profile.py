"""Pipeline.profile() says where the time went, step by step, and the config keeps its defaults."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from redline.cli.demo import demo_corpus
from redline.ingest import iter_sources
from redline.models import Document
from redline.nlp.staged import ENTITIES, TOKENIZE
from redline.pipeline import PipelineConfig, build_pipeline

pytestmark = pytest.mark.model


def _docs() -> list[Document]:
    docs = [d for d in iter_sources([str(demo_corpus())]) if isinstance(d, Document)][:3]
    quiet = "The committee met on Tuesday to review the budget for the new library."
    return [*docs, replace(docs[0], body=quiet, id=Document.content_id(quiet))]


def test_profile_breaks_the_parse_down() -> None:
    pipeline = build_pipeline(PipelineConfig(batch_size=2))
    items = list(pipeline.process(_docs()))
    assert [i.prefiltered for i in items] == [False, False, False, True]
    profile = pipeline.profile()
    steps = [k for k in profile if k.startswith("parse: ")]
    assert steps[0] == f"parse: {TOKENIZE}" and steps[-1] == f"parse: {ENTITIES}"
    assert "parse: parser" in steps and "parse: ner" not in steps
    assert all(profile[k] > 0 for k in ("parse", "actors", "events"))
    assert sum(profile[k] for k in steps) <= profile["parse"]


def test_without_prefilter_every_document_is_parsed(pipeline: Any) -> None:
    assert PipelineConfig().prefilter and pipeline.config.prefilter
    unfiltered = build_pipeline(PipelineConfig(prefilter=False))
    items = list(unfiltered.process(_docs()))
    assert not any(i.prefiltered for i in items)
    assert all(i.parsed.has_annotation("DEP") for i in items)
    assert set(unfiltered.profile()) == {"parse", "actors", "events"}
