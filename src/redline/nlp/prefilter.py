"""Decide, cheaply, which text the expensive model components must see.

Two facts of the event coder let most of spaCy's work be skipped without changing what it codes:

* Every actor the coder resolves comes from an alias of the actor tables found in the text (a
  pronoun or "the two sides" refers back to one, a treaty or a visit to an earlier event whose
  actors were). A document without any alias match codes no event, so it is only tokenised.
* Named entities are read for one purpose: DATE entities that date a trigger. The entity
  recogniser, the costliest component of the small English model, therefore runs only on
  sentences that hold a trigger lemma, follow an alias match, and contain a word a date
  expression needs (a digit, a month or weekday, a unit such as "week", "yesterday"...) that
  the regular-expression date finder has not already covered: without such a word
  `resolve_date` reads nothing from an entity, and the coder drops any entity that overlaps
  a span of the finder (events/dating.py `date_phrases`).

Tokenisation, tagging, the dependency parse and lemmas still cover every sentence of a
document that may hold an event, so sentence numbers, offsets and argument structure stay those
of the unfiltered parse. The recogniser sees each chosen sentence with `NER_MARGIN` tokens of
context on either side, more than the reach of its convolutional encoder (four tokens), so the
token vectors of the sentence are those it gets inside the whole document; that its greedy
decoder then labels the sentence the same way is checked, not proven, by comparing filtered and
unfiltered coding (tests/nlp/test_prefilter.py).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from redline.events.lexicon import Lexicon
from redline.nlp.dates_spans import find_date_expressions

NER_MARGIN = 8
_UNITS = (
    "day days week weeks fortnight fortnights month months year years decade decades century "
    "centuries weekend weekends today tonight overnight yesterday tomorrow ago noon midnight "
    "morning mornings afternoon afternoons evening evenings night nights"
)
DATE_WORDS = frozenset(
    _UNITS.split()
    + [m.lower() for m in calendar.month_name if m]
    + [m.lower() for m in calendar.month_abbr if m]
    + ["sept"]
    + [d.lower() for d in calendar.day_name]
)


def _date_word(token: Any) -> bool:
    lower: str = token.lower_
    if lower == "may":
        return bool(token.text == "May")  # the modal verb is never a date
    return lower in DATE_WORDS or lower.rstrip(".") in DATE_WORDS or _has_digit(token.text)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def has_date_word(tokens: Iterable[Any]) -> bool:
    """True when some token could belong to a date expression that resolves."""
    return any(_date_word(t) for t in tokens)


def has_uncovered_date_word(sentence: Any) -> bool:
    """True when a date word lies outside every span the pattern finder reports.

    The coder keeps an entity only if it overlaps none of those spans, so an entity that could
    resolve (it holds a date word) and survive (it overlaps no span) holds such a word.
    """
    words = [t for t in sentence if _date_word(t)]
    if not words:
        return False
    base = sentence.start_char
    spans = [(base + s, base + e) for s, e, _ in find_date_expressions(sentence.text)]
    return any(not any(a < t.idx + len(t.text) and t.idx < b for a, b in spans) for t in words)


def has_trigger_lemma(tokens: Iterable[Any], lexicon: Lexicon) -> bool:
    """True when some token is a verb or noun whose lemma the trigger lexicon lists."""
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
            return True
        if token.pos_ == "NOUN" and lemma in lexicon.nouns:
            return True
    return False


def needs_entities(sentence: Any, lexicon: Lexicon, first_alias: int) -> bool:
    """Whether the DATE entities of `sentence` can change what the coder makes of it."""
    return (
        first_alias < sentence.end
        and has_trigger_lemma(sentence, lexicon)
        and has_uncovered_date_word(sentence)
    )


@dataclass(frozen=True, slots=True)
class Window:
    """Tokens `start:end` of a document given to the recogniser; entities overlapping one of
    the `cores` (the chosen sentences) are kept."""

    start: int
    end: int
    cores: tuple[tuple[int, int], ...]


def entity_windows(
    doc: Any, lexicon: Lexicon, first_alias: int, margin: int = NER_MARGIN
) -> list[Window]:
    """The chosen sentences of a parsed document, padded with context and merged."""
    windows: list[Window] = []
    for sentence in doc.sents:
        if not needs_entities(sentence, lexicon, first_alias):
            continue
        start = max(0, sentence.start - margin)
        end = min(len(doc), sentence.end + margin)
        core = (sentence.start, sentence.end)
        if windows and start <= windows[-1].end:
            last = windows.pop()
            windows.append(Window(last.start, end, (*last.cores, core)))
        else:
            windows.append(Window(start, end, (core,)))
    return windows


def run_entities(ner: Any, docs: list[Any], plans: list[list[Window]], batch_size: int) -> None:
    """Run the recogniser on the windows of every document and copy their entities back."""
    pieces = [(d, w) for d, windows in zip(docs, plans, strict=True) for w in windows]
    parts = (doc[w.start : w.end].as_doc() for doc, w in pieces)
    found: dict[int, list[Any]] = {}
    for (doc, window), part in zip(pieces, ner.pipe(parts, batch_size=batch_size), strict=True):
        kept = found.setdefault(id(doc), [])
        for ent in part.ents:
            start, end = ent.start + window.start, ent.end + window.start
            if any(start < b and a < end for a, b in window.cores):
                kept.append(Span(doc, start, end, label=ent.label_))
    for doc in docs:
        doc.set_ents(_disjoint(found.get(id(doc), [])), default="missing")


def _disjoint(spans: list[Any]) -> list[Any]:
    """Entities in order without overlaps (merged windows can report one twice)."""
    out: list[Any] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not out or span.start >= out[-1].end:
            out.append(span)
    return out
