"""The pre-filtered parse codes exactly what the full parse codes, and skips what it says.

Compared on the demo corpus and the modality gold set: every event (type, actors, modality,
date, evidence sentence and offsets, id) must be equal with and without the pre-filter.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from redline.cli.demo import demo_corpus
from redline.evaluation.gold import load_gold
from redline.evaluation.runner import case_document
from redline.events.lexicon import packaged_lexicon
from redline.ingest import iter_sources
from redline.models import Document
from redline.nlp.model import load_model
from redline.nlp.prefilter import DATE_WORDS, entity_windows, has_date_word, run_entities
from redline.pipeline import PipelineConfig, build_pipeline

pytestmark = pytest.mark.model

GOLD = Path(__file__).resolve().parents[1] / "golden" / "modality.jsonl"


@pytest.fixture(scope="module")
def unfiltered() -> Any:
    return build_pipeline(PipelineConfig(prefilter=False))


def _demo() -> list[Document]:
    return [d for d in iter_sources([str(demo_corpus())]) if isinstance(d, Document)]


def _assert_same(docs: list[Document], filtered: Any, unfiltered: Any) -> int:
    full = [item.events for item in unfiltered.process(docs)]
    fast = [item.events for item in filtered.process(docs)]
    for doc, expected, got in zip(docs, full, fast, strict=True):
        assert got == expected, doc.origin
    return sum(len(events) for events in full)


def test_demo_corpus_codes_the_same_events(pipeline: Any, unfiltered: Any) -> None:
    assert pipeline.config.prefilter
    assert _assert_same(_demo(), pipeline, unfiltered) > 150


def test_modality_gold_set_codes_the_same_events(pipeline: Any, unfiltered: Any) -> None:
    docs = [case_document(case) for case in load_gold(GOLD)]
    assert _assert_same(docs, pipeline, unfiltered) > 0


def test_document_naming_no_actor_is_only_tokenised(pipeline: Any) -> None:
    text = "The council met on Tuesday and agreed to send aid to the flooded valley."
    item = next(iter(pipeline.process([_with_body(_demo()[0], text)])))
    assert item.prefiltered
    assert item.events == [] and item.mentions == []
    assert not item.parsed.has_annotation("DEP")
    assert [t.text for t in item.parsed][:3] == ["The", "council", "met"]


def test_document_naming_an_actor_is_parsed(pipeline: Any) -> None:
    text = "Russia sent troops to North Korea on 12 June 2024."
    item = next(iter(pipeline.process([_with_body(_demo()[0], text)])))
    assert not item.prefiltered
    assert item.parsed.has_annotation("DEP")
    assert [e.type for e in item.events]


def _with_body(doc: Document, body: str) -> Document:
    return replace(doc, body=body, id=Document.content_id(body))


def test_entities_of_chosen_sentences_match_the_whole_document() -> None:
    nlp = load_model()
    text = " ".join(
        [
            "Analysts in Seoul wrote a long report about regional shipping lanes.",
            "North Korea sent artillery shells to Russia in the first weeks of the war.",
            "The weather was mild and the markets were calm.",
            "Moscow signed a treaty with Pyongyang in June 2024 during a visit by Vladimir Putin.",
        ]
    )
    full = nlp(text)
    doc = nlp(text, disable=["ner"])
    windows = entity_windows(doc, packaged_lexicon(), first_alias=0)
    chosen = {core for w in windows for core in w.cores}
    sentences = [(s.start, s.end) for s in doc.sents]
    # "weeks" is a date word the pattern finder leaves to the recogniser; "in June 2024" is
    # found by the pattern finder, so no entity there could be kept; the others hold no date.
    assert chosen == {sentences[1]}
    run_entities(nlp.get_pipe("ner"), [doc], [windows], batch_size=8)
    start, end = sentences[1]
    got = [(e.start, e.end, e.label_) for e in doc[start:end].ents]
    assert got == [(e.start, e.end, e.label_) for e in full[start:end].ents]
    assert any(label == "DATE" for _, _, label in got)
    assert not doc[sentences[3][0] : sentences[3][1]].ents


def test_no_sentence_before_the_first_alias_is_chosen() -> None:
    nlp = load_model()
    doc = nlp("Talks were held in the first weeks of the war. Russia sent aid weeks later.")
    sentences = list(doc.sents)
    windows = entity_windows(doc, packaged_lexicon(), first_alias=sentences[1].start)
    assert [w.cores for w in windows] == [((sentences[1].start, sentences[1].end),)]


def test_date_words_cover_what_the_resolver_reads() -> None:
    nlp = load_model()
    for phrase in ("three days later", "last week", "yesterday", "on Tuesday", "in 1961",
                   "mid-June", "Dec. 4", "this weekend", "the next morning"):  # fmt: skip
        assert has_date_word(nlp.make_doc(phrase)), phrase
    assert not has_date_word(nlp.make_doc("the council agreed to send aid"))
    assert {"january", "jan", "monday", "decade"} <= DATE_WORDS
