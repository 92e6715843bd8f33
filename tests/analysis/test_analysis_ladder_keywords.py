"""A condition's keywords searched as one pattern find exactly what they find one by one.

`EventCondition.keyword_found` searches the keywords joined into one alternation
(`joined_keywords`), so a sentence is scanned once per rung or rule instead of once per
keyword. Checked here on every rung of the packaged ladder, over the sentences of the demo
corpus and over seeded random sentences made of the keywords' own words, with the events'
triggers; and patterns that cannot be joined safely are left alone.
"""

from __future__ import annotations

import random
import re

import pytest

from event_records import event
from redline.analysis.conditions import EventCondition, joined_keywords
from redline.analysis.ladder_rules import packaged_ladder
from redline.cli.demo import demo_corpus

RUNGS = [r for r in packaged_ladder().rungs if len(r.condition.keywords) > 1]


def demo_sentences() -> list[str]:
    """Every sentence-like piece of the demo articles."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.md")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def keyword_sentences(seed: int, n: int) -> list[str]:
    """Random sentences of the words the keywords are made of, demo words and punctuation."""
    rng = random.Random(seed)
    words = sorted(
        {w for r in RUNGS for k in r.condition.keywords for w in re.findall(r"[a-z']+", k.pattern)}
    )
    words += ["the", "of", "North", "Korea", "war", "troops", "each", "other", ",", "-", "'s"]
    sentences = []
    for _ in range(n):
        picked = [rng.choice(words) for _ in range(rng.randint(1, 12))]
        glue = rng.choice([" ", " ", "", "-"])
        sentences.append(glue.join(w.upper() if rng.random() < 0.1 else w for w in picked))
    return sentences


def test_the_packaged_rungs_are_joined() -> None:
    assert len(RUNGS) >= 8
    for rung in RUNGS:
        assert joined_keywords(rung.condition.keywords) is not None, rung.id


@pytest.mark.parametrize("rung", RUNGS, ids=lambda r: r.id)
def test_joined_keywords_match_as_the_separate_ones(rung: object) -> None:
    condition = rung.condition  # type: ignore[attr-defined]
    one_by_one = [EventCondition(types=condition.types, keywords=(k,)) for k in condition.keywords]
    sentences = demo_sentences() + keyword_sentences(sum(map(ord, rung.id)), 3000)  # type: ignore[attr-defined]
    found = 0
    for k, text in enumerate(sentences):
        trigger = "" if k % 3 else text.split(" ")[0]
        item = event(text, type=sorted(condition.types)[0], trigger=trigger)
        separately = any(single.matches(item) for single in one_by_one)
        assert condition.matches(item) == separately, text
        found += separately
    assert 0 < found < len(sentences)


def test_patterns_that_cannot_be_joined_are_kept() -> None:
    backreference = (re.compile(r"(\w+) \1"), re.compile(r"pact"))
    flags = (re.compile("pact", re.I), re.compile("treaty"))
    verbose = (re.compile("(?x) pact"), re.compile("treaty"))
    for keywords in (backreference, flags, verbose):
        assert joined_keywords(keywords) is None
