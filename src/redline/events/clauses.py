"""Clause-level tests the coder applies to a trigger before and after coding it: whether it
only governs another trigger, asks a question, names a treaty, and the key that keeps one
event per type and country pair in a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from redline.events.arguments import phrase_tokens
from redline.events.modality_cues import IMPLICATIVE
from redline.models import Event

TREATY_NOUNS = {"treaty", "pact", "agreement", "accord", "alliance", "document"}

GOVERNORS = IMPLICATIVE | {
    "decide", "plan", "prepare", "intend", "try", "attempt", "expect", "hope", "want", "seek",
}  # fmt: skip
WH_WORDS = {"when", "how", "why", "where", "whether"}


def governs_trigger(token: Any, triggers: set[int]) -> bool:
    """ "voted to ratify", "decided to send": the governor is not an event of its own."""
    return token.lemma_ in GOVERNORS and any(
        c.dep_ == "xcomp" and c.i in triggers for c in token.children
    )


def embedded_question(token: Any) -> bool:
    """ "did not say when the missiles were delivered": a question, not a report."""
    return (
        token.dep_ in ("ccomp", "advcl")
        and any(
            c.lower_ in WH_WORDS and c.i < token.i and c.dep_ in ("advmod", "mark")
            for c in token.children
        )
        and token.head.lemma_ in ("say", "tell", "know", "ask", "disclose", "reveal", "confirm")
    )


def mentions_treaty(trigger: Any, heads: Sequence[Any]) -> bool:
    """True when the trigger or its argument phrases name a treaty."""
    tokens = [trigger, *trigger.children] + [t for h in heads for t in phrase_tokens(h)]
    return any(t.lemma_.lower() in TREATY_NOUNS for t in tokens)


def pair_key(event: Event) -> tuple[str, str | None, str | None]:
    target = event.target.country or event.target.code if event.target else None
    return (event.type, event.source.country or event.source.code, target)
