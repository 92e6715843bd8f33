"""The fast attribute-ruler matcher finds exactly the matches of spaCy's own Matcher."""

from __future__ import annotations

import pytest

from redline.cli.demo import demo_corpus
from redline.ingest import iter_sources
from redline.models import Document
from redline.nlp.attributes import FastAttributeMatcher, Unsupported, install
from redline.nlp.model import load_model

pytestmark = pytest.mark.model


def test_same_matches_as_the_matcher_on_the_demo_corpus() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeMatcher(ruler)
    bodies = [d.body for d in iter_sources([str(demo_corpus())]) if isinstance(d, Document)]
    bodies.append("Let's say there is a deal, gon na happen, I'd think. 3 p.m.\n\n  Done!")
    docs = list(nlp.pipe(bodies, disable=["attribute_ruler", "lemmatizer", "ner"]))
    spacy_match = type(ruler).match  # the class's own method, not the installed fast one
    total = 0
    for doc in docs:
        expected = spacy_match(ruler, doc)
        assert fast.match(doc) == expected
        total += len(expected)
    assert total > len(docs) * 50


def test_the_loaded_model_uses_it_with_the_same_annotations() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    assert getattr(ruler.match, "__self__", None).__class__ is FastAttributeMatcher
    text = "There were talks. He didn't say whether Seoul's envoy was summoned."
    doc = nlp(text)
    plain = nlp(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    type(ruler).__call__(ruler, plain)  # spaCy's path: its Matcher, then the same setter
    nlp.get_pipe("lemmatizer")(plain)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in doc] == [
        (t.pos_, str(t.morph), t.lemma_) for t in plain
    ]


def test_unparsed_documents_fall_back_to_the_matcher() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    doc = nlp.make_doc("Talks were held.")
    assert FastAttributeMatcher(ruler).match(doc) == type(ruler).match(ruler, doc)


def test_unknown_pattern_features_leave_the_ruler_alone() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"LEMMA": "x"})
    with pytest.raises(Unsupported):
        FastAttributeMatcher(ruler)
    assert not install(nlp)
    assert "match" not in vars(ruler)
