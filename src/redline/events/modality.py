"""Modality and attribution of a trigger, read from its clause and the clauses above it.

Precedence: denied > conditional > negated > speculated > scheduled > historical > asserted.
A costly error is calling speculation fact, so any hedge on the path from the trigger to
the sentence root makes the event at least speculated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.events.modality_cues import (
    COMMISSIVE,
    CONDITION_MARKS,
    DENIAL_OBJECTS,
    DENIAL_VERBS,
    FALSE_WORDS,
    FUTURE_AUX,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_GOVERNORS,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    IMPLICATIVE,
    NEGATING_GOVERNORS,
    SCHEDULE_GOVERNORS,
    SPEECH_VERBS,
)
from redline.models import Modality


@dataclass(frozen=True, slots=True)
class ModalityReading:
    """The modality of a trigger and the phrase it was attributed to, if any."""

    modality: Modality
    cue: str
    speaker: Any | None  # head token of the attributed speaker's phrase


def _aux_words(token: Any) -> list[Any]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")]


def _clause_path(trigger: Any) -> list[Any]:
    """The trigger and the heads above it, up to the root of the sentence."""
    path = [trigger]
    token = trigger
    while token.head.i != token.i and len(path) < 12:
        token = token.head
        path.append(token)
    return path


def _has_condition(token: Any) -> bool:
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
            # "even if" concedes rather than conditions
            return not any(g.lower_ == "even" for g in token.children if g.i < child.i)
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.lower_ in ("case", "event") for g in child.children)
        ):
            return True  # "in case of", "in the event of/that"
        if (
            child.dep_ == "mark"
            and child.lower_ == "as"
            and any(g.lower_ == "long" for g in token.children)
        ):
            return True  # "as long as"
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux"
        and c.lower_ in ("should", "were")
        and c.i < token.i
        and c.i == token.left_edge.i
        for c in token.children
    )


NEGATING_NOUNS = {"absence", "lack"}


def _negated(token: Any) -> bool:
    if (
        token.pos_ == "NOUN"
        and token.head.dep_ == "prep"
        and token.head.lower_ == "of"
        and (token.head.head.lemma_ in NEGATING_NOUNS)
    ):
        return True  # "the absence of any strike"
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            g.lower_ == "neither" for g in child.children
        ):
            return True  # "Neither Athens nor Ankara sent warships"
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children)
            for g in child.children
        ):
            return True  # "at no point did ..."
        if (
            child.dep_ in ("nsubjpass", "dobj", "nsubj")
            and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            and token.pos_ in ("VERB", "AUX")
        ):
            return True
        if child.dep_ == "advmod" and child.lower_ == "yet" and token.lemma_ in ("have", "be"):
            return True  # "has yet to deliver"
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


# Verbs whose complement is the content of a commitment or a request, not a separate event:
# "agreed to provide assistance", "urged Moscow to halt", "pledging to help if attacked".
CONTENT_GOVERNORS = {
    "promise", "pledge", "vow", "agree", "commit", "oblige", "obligate", "guarantee",
    "undertake", "bind", "require", "urge", "ask", "call", "press", "demand", "appeal",
    "request", "invite", "encourage", "order", "warn", "threaten",
}  # fmt: skip


COMMITMENTS = {
    "promise", "pledge", "vow", "agree", "commit", "oblige", "obligate", "guarantee",
    "undertake", "bind",
}  # fmt: skip


def is_content(trigger: Any) -> bool:
    """True when the trigger is what another verb commits to or asks for, or a purpose clause."""
    if trigger.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ):
        return True
    token = trigger
    for _ in range(4):
        if token.head.i == token.i or token.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            return False
        link = token.dep_
        token = token.head
        if token.pos_ != "VERB" or token.lemma_ not in CONTENT_GOVERNORS:
            continue
        if link == "xcomp" or (link == "ccomp" and token.lemma_ in COMMITMENTS):
            return True
        if (
            link == "ccomp"
            and token.lemma_ in ("warn", "threaten")
            and any(c.dep_ in ("dobj", "dative") for c in token.children)
        ):
            return True  # "warned Moscow it would respond": what is threatened
    return False


def _ruled_out(token: Any) -> bool:
    """ "did not rule out supplying": a negated "rule out" is a hedge, not a negation."""
    phrasal = token.lemma_ == "exclude" or (
        token.lemma_ == "rule"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )
    return phrasal and any(c.dep_ == "neg" for c in token.children)


def _infinitive(token: Any) -> bool:
    """An infinitive complement or purpose clause ("to discuss", "agreed to send")."""
    return token.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _false_report(token: Any) -> bool:
    """A report or claim called false ("dismissed as groundless", "reports were false")."""
    if token.lemma_ not in DENIAL_OBJECTS:
        return False
    governor = token.head
    predicates = [c for c in governor.children if c.dep_ in ("acomp", "oprd", "attr", "ccomp")]
    predicates += [
        g for c in governor.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
    ]
    return any(p.lemma_.lower() in FALSE_WORDS or p.lower_ in FALSE_WORDS for p in predicates)


def is_denial(token: Any) -> bool:
    """True for a verb that denies a reported event ("denied that", "rejected reports")."""
    return _is_denial(token) and any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in token.children)


def _is_denial(token: Any) -> bool:
    if _false_report(token):
        return True
    if token.lemma_ not in DENIAL_VERBS:
        return False
    if token.lemma_ == "reject":
        return any(c.dep_ == "dobj" and c.lemma_ in DENIAL_OBJECTS for c in token.children)
    return True


def read_modality(trigger: Any) -> ModalityReading:
    """Classify how the sentence presents the event whose trigger is `trigger`."""
    path = _clause_path(trigger)
    speaker = attribution_head(path)
    found: dict[Modality, str] = {}
    for depth, token in enumerate(path):
        own = (
            depth == 0
            or token.pos_ not in ("VERB", "AUX")
            or path[depth - 1].dep_ in ("xcomp", "aux", "auxpass", "conj")
        )
        if depth > 0 and _is_denial(token):
            found.setdefault(Modality.DENIED, token.text)
        if _has_condition(token) or (
            depth == 0
            and token.lemma_ not in COMMISSIVE
            and any(_has_condition(c) for c in token.children if c.dep_ == "advcl")
        ):
            found.setdefault(Modality.CONDITIONAL, token.text)
        if depth == 0 and _infinitive(token) and token.head.lemma_ not in IMPLICATIVE:
            governor = read_modality(token.head).modality if token.head.i != token.i else None
            if governor is Modality.SCHEDULED or (
                governor is Modality.ASSERTED and token.head.lemma_ in SCHEDULE_GOVERNORS | {"be"}
            ):
                found.setdefault(Modality.SCHEDULED, "to")
            elif governor is not None and governor is not Modality.ASSERTED:
                found.setdefault(governor, "to")
            else:
                found.setdefault(Modality.SPECULATED, "to")
        if depth > 0 and _ruled_out(token):
            found.setdefault(Modality.SPECULATED, token.text)
            continue
        if own and _negated(token):
            found.setdefault(Modality.NEGATED, token.text)
        if depth > 0 and token.lemma_ in NEGATING_GOVERNORS and path[depth - 1].dep_ == "xcomp":
            found.setdefault(Modality.NEGATED, token.text)
        _hedges(token, depth, path, found)
    for modality in (
        Modality.DENIED,
        Modality.CONDITIONAL,
        Modality.NEGATED,
        Modality.SPECULATED,
        Modality.SCHEDULED,
    ):
        if modality in found:
            return ModalityReading(modality, found[modality], speaker)
    return ModalityReading(Modality.ASSERTED, "", speaker)


def _hedges(token: Any, depth: int, path: list[Any], found: dict[Modality, str]) -> None:
    """Record speculation and scheduling cues on one token of the clause path."""
    link = path[depth - 1].dep_ if depth > 0 else ""
    local = depth == 0 or link in ("xcomp", "conj") or token.pos_ not in ("VERB", "AUX")
    if local:
        for word in _aux_words(token):
            if word.lower_ in HEDGE_MODALS:
                found.setdefault(Modality.SPECULATED, word.text)
            elif word.lower_ in HEDGE_ADVERBS and not list(word.children):
                found.setdefault(Modality.SPECULATED, word.text)
            elif word.lower_ in FUTURE_AUX:
                found.setdefault(Modality.SCHEDULED, word.text)
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
        found.setdefault(Modality.SPECULATED, "whether")
    if depth == 0:
        return
    nominal_object = link == "dobj" and path[depth - 1].pos_ == "NOUN"
    if depth == 1 and link in ("nsubj", "nsubjpass") and path[0].pos_ == "NOUN":
        # "A meeting ... is scheduled for Friday", "talks are expected next week"
        if token.lemma_ in SCHEDULE_GOVERNORS:
            found.setdefault(Modality.SCHEDULED, token.text)
        elif token.lemma_ in HEDGE_GOVERNORS:
            found.setdefault(Modality.SPECULATED, token.text)
        elif any(
            c.dep_ in ("acomp", "attr", "oprd") and c.lemma_ in HEDGE_ADJECTIVES | HEDGE_NOUNS
            for c in token.children
        ):  # "a meeting ... was likely", "the deployment ... remains a possibility"
            found.setdefault(Modality.SPECULATED, token.text)
    if (
        link in ("xcomp", "ccomp", "acl", "relcl", "advcl")
        or token.pos_ == "NOUN"
        or (nominal_object)
    ):
        if token.lemma_ in HEDGE_GOVERNORS and (link in ("xcomp", "ccomp") or nominal_object):
            found.setdefault(Modality.SPECULATED, token.text)
        elif token.lemma_ in HEDGE_ADJECTIVES and link in ("xcomp", "ccomp"):
            found.setdefault(Modality.SPECULATED, token.text)
        elif token.pos_ == "NOUN" and token.lemma_ in HEDGE_NOUNS and link in ("acl", "ccomp"):
            found.setdefault(Modality.SPECULATED, token.text)
        elif token.lemma_ in SCHEDULE_GOVERNORS and link == "xcomp":
            found.setdefault(Modality.SCHEDULED, token.text)
        elif (
            token.lemma_ == "be"
            and link == "xcomp"
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            found.setdefault(Modality.SCHEDULED, token.text)


def attribution_head(path: list[Any]) -> Any | None:
    """The subject of the nearest speech verb above the trigger, or "according to" X."""
    for depth, token in enumerate(path[1:], start=1):
        if token.lemma_ in SPEECH_VERBS and path[depth - 1].dep_ in ("ccomp", "parataxis", "advcl"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    root = path[-1]
    for child in root.children:
        # "X has shipped ..., spokesman John Kirby said": the small parser often attaches a
        # closing attribution as a conjunct (or parataxis) of the reported clause.
        if (
            child.lemma_ in SPEECH_VERBS
            and child.dep_ in ("conj", "parataxis")
            and child.i > path[0].i
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in child.children)
        ):
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0]
    for token in root.subtree:
        if token.lower_ == "according" and token.dep_ == "prep":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None
