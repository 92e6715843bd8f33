"""Classify-mode modality: the modality redline gives the gold pair's event.

Classify mode judges the type apart from actor finding; this judges the modality the same
way. The figure is the modality of the coded event whose source and target are the gold
pair's; when no coded event carries that pair (the coder missed an actor, or the pair sits
inside one state), it is the modality the coder's reader gives the sentence's governing
trigger: the trigger nearest the root of the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from redline.evaluation.bridge import Bridge
from redline.evaluation.gold import GoldCase
from redline.evaluation.modality import NO_EVENT
from redline.evaluation.pair_type import coded_triggers
from redline.events.dating import date_phrases, event_date, is_historical
from redline.events.lexicon import Lexicon
from redline.events.modality import clause_path, read_modality
from redline.events.modality_cues import SPEECH_VERBS
from redline.events.triggers import Match
from redline.models import Event, Modality

# Links by which a reported clause hangs from its speech verb.
REPORTED = ("ccomp", "parataxis", "advcl", "xcomp", "conj")


def pair_event(case: GoldCase, events: Sequence[Event], bridge: Bridge) -> Event | None:
    """The coded event whose source and target are both the gold pair's (its type breaks a
    tie, then the order of coding); None when no event carries that pair."""
    gold = case.expected[0] if case.expected else None
    if gold is None:
        return None
    pair = (bridge.actor(gold.source), bridge.actor(gold.target))
    gold_type = bridge.event_type(gold.code)
    found = [
        e
        for e in events
        if (
            bridge.actor(e.source.country or e.source.code),
            bridge.actor(e.target.country or e.target.code) if e.target else None,
        )
        == pair
    ]
    if not found:
        return None
    return max(found, key=lambda e: (int(e.type == gold_type), -found.index(e)))


def _in_speech_frame(token: Any) -> bool:
    """True for a trigger in the frame of a report rather than its content: "told a
    defence meeting", "said at a news conference" (a speech verb reached other than through
    its reported clause)."""
    path = clause_path(token)
    return any(
        above.lemma_ in SPEECH_VERBS and path[depth - 1].dep_ not in REPORTED
        for depth, above in enumerate(path[1:], start=1)
    )


def governing_trigger(parsed: Any, lexicon: Lexicon) -> Match | None:
    """The trigger nearest the root of the first sentence that has one, passing over those
    the coder passes over (the content of another event, a denial) and, when another is at
    hand, those in the frame of a report; among equals a verb before a noun, then the first."""
    for sentence in parsed.sents:
        matches = coded_triggers(sentence, lexicon)
        if matches:
            return min(
                matches,
                key=lambda m: (
                    _in_speech_frame(m.token),
                    len(clause_path(m.token)),
                    m.nominal,
                    m.token.i,
                ),
            )
    return None


def governing_modality(parsed: Any, lexicon: Lexicon, published: date) -> str:
    """The modality the coder would give the sentence's governing trigger (see
    `governing_trigger`), read as the coder reads it and dated as the coder dates it (an
    asserted event dated over a year before `published` is historical); "no event" when the
    sentence has no trigger."""
    match = governing_trigger(parsed, lexicon)
    if match is None:
        return NO_EVENT
    token = match.token
    modality = read_modality(token).modality
    if modality is Modality.ASSERTED:
        phrases = date_phrases(token.sent, {token.i})
        when = event_date(token, clause_path(token), phrases, published, modality, None)
        if is_historical(when, published):
            modality = Modality.HISTORICAL
    return modality.value


def given_pair_modality(
    case: GoldCase,
    events: Sequence[Event],
    bridge: Bridge,
    parsed: Any | None,
    lexicon: Lexicon | None,
) -> str:
    """The modality scored in classify mode: the gold pair's event, else the governing
    trigger's ("no event" when there is neither)."""
    event = pair_event(case, events, bridge)
    if event is not None:
        return event.modality.value
    if parsed is None or lexicon is None:
        return NO_EVENT
    return governing_modality(parsed, lexicon, case.date)
