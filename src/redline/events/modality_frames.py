"""Frames that change how an event below them is presented, beyond plain negation and hedges.

- a negated perception or finding verb: "had not seen troops fighting" (negated), "could not
  confirm that jets struck" (unverified: speculated);
- an evaluative "should": "the ties should worry anyone" judges, it does not hedge;
- letting something lapse: "allowed the treaty to expire" reports that it expired;
- reversing a refusal: "reconsider its policy of not supplying" makes supplying possible;
- a hypothetical act judged: "sending weapons would be a mistake" (conditional);
- hedge adverbs with degree words: "most likely", "almost certainly";
- how a nominal event is presented: "the planned visit", "the talks were called off".
"""

from __future__ import annotations

from typing import Any

from redline.events.modality_cues import (
    CANCELLED_MODIFIERS,
    CANCELLING,
    CERTAINTY_ADVERBS,
    EVALUATIVE_PASSIVES,
    EXPERIENCER,
    HEDGE_ADVERBS,
    HEDGE_DEGREES,
    HYPOTHETICAL_AUX,
    LAPSING,
    PERCEPTION,
    PERMITTING,
    REVERSAL,
    SCHEDULED_MODIFIERS,
    SPECULATIVE_MODIFIERS,
    VERIFYING,
    WEAKENERS,
)
from redline.events.modality_marks import negated
from redline.models import Modality

# Links a trigger may climb to reach the perception verb that governs it without crossing
# another clause: "units fighting" (acl), "evidence of strikes" (pobj, prep).
_INSIDE_OBJECT = {"acl", "ccomp", "dobj", "pobj", "prep", "nsubj", "xcomp", "oprd"}


def unwitnessed(path: list[Any]) -> tuple[Modality, str] | None:
    """The modality a negated perception or verification verb above the trigger gives it."""
    for depth, token in enumerate(path[1:5], start=1):
        link = path[depth - 1].dep_
        if link not in _INSIDE_OBJECT:
            return None
        if token.pos_ == "VERB" and token.lemma_ in PERCEPTION | VERIFYING:
            if link not in ("ccomp", "dobj", "xcomp", "oprd") or not negated(token):
                return None
            if token.lemma_ in PERCEPTION:
                return Modality.NEGATED, token.text
            return Modality.SPECULATED, token.text
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def evaluative_should(token: Any) -> bool:
    """ "X should worry anyone", "X should be condemned": a judgement of X, not a hedge."""
    if token.lemma_ in EXPERIENCER:
        return not any(c.dep_ == "auxpass" for c in token.children)
    return token.lemma_ in EVALUATIVE_PASSIVES and any(c.dep_ == "auxpass" for c in token.children)


def lapsed(token: Any) -> bool:
    """ "allowed the treaty to expire", "let the deal lapse": the lapse took place."""
    return token.head.lemma_ in PERMITTING and token.lemma_ in LAPSING


def reversed_refusal(path: list[Any]) -> Any | None:
    """The verb that puts a refusal in question ("reconsider its policy of not supplying",
    "rethink its decision not to send"), when the trigger is what was refused."""
    trigger = path[0]
    if not any(c.dep_ == "neg" for c in trigger.children):
        return None
    if trigger.dep_ == "pcomp" and len(path) > 3 and path[1].lower_ == "of":
        noun, verb = path[2], path[3]
    elif trigger.dep_ == "acl" and len(path) > 2:
        noun, verb = path[1], path[2]
    else:
        return None
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and verb.lemma_ in REVERSAL:
        return verb
    return None


def _would(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in token.children)


def hypothetical_act(token: Any) -> bool:
    """An act offered for judgement: "sending weapons would be a serious mistake", "it
    would be a mistake to send troops". What would follow depends on the act: conditional."""
    head = token.head
    if token.dep_ == "csubj" or (token.dep_ == "nsubj" and token.tag_ == "VBG"):
        return _would(head)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if head.dep_ in ("attr", "acomp"):
        head = head.head  # "it would be a mistake to send": the infinitive hangs on "mistake"
    return (
        head.lemma_ == "be"
        and _would(head)
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
    )


def hedge_adverb(word: Any) -> bool:
    """ "probably", "most likely", "almost certainly": an adverb that hedges its clause."""
    degrees = [c.lower_ for c in word.children]
    if word.lower_ in HEDGE_ADVERBS:
        return all(d in HEDGE_DEGREES | WEAKENERS for d in degrees)
    if word.i > 0:
        degrees.append(word.doc[word.i - 1].lower_)  # the parser may hang "nearly" on the verb
    return word.lower_ in CERTAINTY_ADVERBS and any(d in WEAKENERS for d in degrees)


def noun_modifiers(token: Any, found: dict[Modality, str]) -> None:
    """ "the planned visit", "an alleged attack", "the cancelled summit"."""
    for child in token.children:
        if child.dep_ not in ("amod", "compound"):
            continue
        word = child.lower_
        if word in CANCELLED_MODIFIERS:
            found.setdefault(Modality.NEGATED, child.text)
        elif word in SPECULATIVE_MODIFIERS:
            found.setdefault(Modality.SPECULATED, child.text)
        elif word in SCHEDULED_MODIFIERS:
            found.setdefault(Modality.SCHEDULED, child.text)


def called_off(token: Any) -> bool:
    """ "was cancelled", "were called off", "was scrapped": the event will not take place."""
    if token.lemma_ in CANCELLING:
        return True
    return token.lemma_ == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    )


def went_ahead(token: Any) -> bool:
    """ "The visit ... went ahead": "go" with "ahead" reports the event took place."""
    return token.lemma_ == "go" and any(c.lower_ == "ahead" for c in token.children)
