"""Classify mode: the type redline gives the gold actor pair.

Classify mode judges the type apart from actor finding. The event coded for the gold pair
that fits the gold pair best gives the type; when no event was coded (the coder missed an
actor, or the pair lies inside one state, which redline does not code) the sentence's main trigger
gives it, read with the same conventions as the coded events are (`score.gold_convention`:
a refusal of help is REJECT, an announced act of force is a THREATEN in PLOVER-coded gold),
so that the fallback and the coded events speak the gold's language alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from redline.evaluation.bridge import Bridge
from redline.evaluation.classify import NONE, choose_type
from redline.evaluation.gold import GoldCase
from redline.evaluation.score import gold_convention, gold_view, plover_coded
from redline.events.lexicon import Lexicon
from redline.events.modality import is_content, is_denial, read_modality
from redline.events.triggers import Match, find_triggers
from redline.models import Event


def coded_triggers(sentence: Any, lexicon: Lexicon) -> list[Match]:
    """The triggers of `sentence` the coder would code on their own: not the reported content
    of another event, not a denial."""
    return [
        m
        for m in find_triggers(sentence, lexicon)
        if not is_content(m.token) and not is_denial(m.token)
    ]


def fallback_type(parsed: Any, lexicon: Lexicon, promises: bool) -> str:
    """The type of the sentence's main trigger as the gold would code it.

    Verbal triggers come first, the sentence root before the others; triggers that report
    another event's content or deny it are passed over, as the coder passes them over, and so
    is a trigger the gold would not code (a negated act that is not a refusal)."""
    for sentence in parsed.sents:
        matches = coded_triggers(sentence, lexicon)
        verbal = [m for m in matches if not m.nominal]
        ordered = sorted(verbal, key=lambda m: (m.token.dep_ != "ROOT", m.token.i)) or matches
        for match in ordered:
            modality = read_modality(match.token).modality
            type_ = gold_convention(match.entry.type, modality, promises, match.entry.cameo)
            if type_ is not None:
                return type_
    return NONE


def pair_type(
    case: GoldCase,
    events: Sequence[Event],
    bridge: Bridge,
    parsed: Any | None,
    lexicon: Lexicon | None,
) -> str:
    """The type chosen for the gold pair: the best-fitting coded event's, else (no event
    coded) the main trigger's.

    Measured and not kept: taking the main trigger also when coded events name neither gold
    actor lost more cases on the tune split than it won (a reversed pair, a trigger that is
    not the event)."""
    viewed = gold_view(case, events)
    if viewed:
        return choose_type(case, viewed, bridge)
    if parsed is not None and lexicon is not None:
        return fallback_type(parsed, lexicon, plover_coded(case))
    return NONE
