"""Attach a date to each trigger: the date phrases it owns, resolved against the article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from redline.models import DatePrecision, EventDate, Modality
from redline.nlp.dates import Tense, find_date_expressions, resolve_date

HISTORICAL_AFTER_DAYS = 365
# "in the coming days", "over the next few weeks": soon, but no day: the publication month.
# "in the coming months": the publication year.
# "a year after X signed": X is dated back from the report (forward for "before").
INTERVAL = re.compile(
    r"\b(an?|one|two|three|four|five|six|\d+)\s+(day|week|month|year)s?\s+(after|before)\b",
    re.IGNORECASE,
)
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
SIDES = {"after": -1, "before": 1}
SOON = re.compile(r"\b(?:coming|next(?: few)?)\s+(days|weeks|months)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """A date expression in a sentence and the verb or noun it belongs to."""

    text: str
    owner: int  # token index of the owning verb (or nominal trigger)
    start: int


PRESENT_TAGS = {"VBZ", "VBP"}
# A "verb" in a noun's place is a mistagged noun ("travelled by train the following year").
NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "compound"}


def _owner(token: Any, triggers: set[int]) -> int:
    """The verb a date phrase modifies (nominal triggers read dates in their subtree).

    A year that names the subject of a present-tense verb ("the 1961 treaty is no longer in
    force") belongs to the noun: the verb reports what holds now. In the past tense ("the
    1961 treaty promised ...") the thing named and the event share the date."""
    if token.dep_ == "npadvmod" and token.head.pos_ == "NOUN":
        return int(token.head.i)  # "after two failed attempts this year": the attempts' date
    node = token
    while node.head.i != node.i:
        child, node = node, node.head
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in NOMINAL_DEPS:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and child.pos_ in ("NOUN", "PROPN")
                and token.dep_ in ("nummod", "compound", "amod")
                and node.tag_ in PRESENT_TAGS
            ):
                return int(child.i)
            return int(node.i)
    return int(node.i)


def date_phrases(sentence: Any, triggers: set[int]) -> list[DatePhrase]:
    """Date expressions of the sentence (NER dates plus the pattern finder's), with owners."""
    base = sentence.start_char
    spans = [(base + s, base + e, text) for s, e, text in find_date_expressions(sentence.text)]
    for ent in sentence.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ == "DATE" and not any(a < e and s < b for a, b, _ in spans):
            spans.append((s, e, ent.text))
    phrases = []
    doc = sentence.doc
    for start, end, text in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            phrases.append(DatePhrase(text, _owner(span.root, triggers), start))
    return sorted(phrases, key=lambda p: p.start)


def tense_of(trigger: Any, modality: Modality) -> Tense:
    """The tense a date phrase should be read in for this trigger."""
    if modality in (Modality.SCHEDULED, Modality.SPECULATED, Modality.CONDITIONAL):
        return Tense.FUTURE
    if trigger.tag_ in ("VBD", "VBN"):
        return Tense.PAST
    return Tense.PRESENT if trigger.tag_ in ("VBZ", "VBP", "VBG") else Tense.PAST


def event_date(
    trigger: Any,
    path: list[Any],
    phrases: list[DatePhrase],
    published: date,
    modality: Modality,
    anchor: date | None,
    year_anchor: date | None = None,
) -> EventDate:
    """The trigger's own date, else an asserted event's reporting date, else publication."""
    tense = tense_of(trigger, modality)
    if trigger.pos_ == "NOUN":
        inside = {t.i for t in trigger.subtree}
        for phrase in phrases:
            span = trigger.doc.char_span(
                phrase.start, phrase.start + len(phrase.text), alignment_mode="expand"
            )
            if span is not None and span.root.i in inside:
                resolved = resolve_date(phrase.text, published, anchor=anchor, tense=tense)
                if resolved is not None and resolved.value is not None:
                    return resolved
    interval = _interval(trigger, phrases, published)
    if interval is not None:
        return interval
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    reported = modality in (Modality.ASSERTED, Modality.DENIED, Modality.NEGATED)
    owners = path if reported else path[: 2 if infinitive else 1]
    for owner in owners:
        for phrase in phrases:
            if phrase.owner == owner.i:
                base = year_anchor if "year" in phrase.text.lower() else anchor
                resolved = resolve_date(phrase.text, published, anchor=base, tense=tense)
                if resolved is not None and resolved.value is not None:
                    return resolved
                soon = _soon(phrase.text, published)
                if soon is not None:
                    return soon
    return EventDate(published, DatePrecision.DAY, "")


def subject_date(
    subjects: list[Any], phrases: list[DatePhrase], published: date, anchor: date | None
) -> EventDate | None:
    """The date a subject phrase gives itself ("the treaty signed on Wednesday", "the 2000
    treaty"): a phrase owned by the subject noun or by a participle modifying it."""
    owners = {s.i for s in subjects} | {
        c.i for s in subjects for c in s.children if c.dep_ == "acl"
    }
    for phrase in phrases:
        if phrase.owner in owners:
            resolved = resolve_date(phrase.text, published, anchor=anchor, tense=Tense.PAST)
            if resolved is not None and resolved.value is not None:
                return resolved
    return None


def _interval(trigger: Any, phrases: list[DatePhrase], published: date) -> EventDate | None:
    """ "The announcement comes a year after Putin and Kim signed the treaty": the signing is
    a year before the report (after) or a year after it (before), not a year from now."""
    marks = [c.lower_ for c in trigger.children if c.dep_ == "mark" and c.lower_ in SIDES]
    for phrase in phrases if marks else []:
        found = INTERVAL.search(phrase.text)
        if phrase.owner != trigger.i or found is None or found.group(3).lower() != marks[0]:
            continue
        count = NUMBERS.get(found.group(1).lower()) or int(found.group(1))
        unit = found.group(2).lower()
        sign = SIDES[marks[0]]
        if unit in ("day", "week"):
            value = published + timedelta(days=sign * count * (7 if unit == "week" else 1))
            return EventDate(value, DatePrecision.DAY, phrase.text)
        months = (
            published.year * 12 + published.month - 1 + sign * count * (12 if unit == "year" else 1)
        )
        value = date(months // 12, months % 12 + 1, 1)
        return EventDate(value, DatePrecision.MONTH, phrase.text)
    return None


def _soon(text: str, published: date) -> EventDate | None:
    """A vague near future ("in the coming days") dated to the publication month or year."""
    found = SOON.search(text)
    if found is None:
        return None
    if found.group(1).lower() == "months":
        return EventDate(published.replace(month=1, day=1), DatePrecision.YEAR, text)
    return EventDate(published.replace(day=1), DatePrecision.MONTH, text)


def is_historical(when: EventDate, published: date) -> bool:
    """True when an event dates from well before the article."""
    if when.value is None or not when.expression:
        return False
    if when.expression.lower().startswith("since"):
        return False  # "has sent ... since September 2023": ongoing, not background
    return (published - when.value).days > HISTORICAL_AFTER_DAYS
