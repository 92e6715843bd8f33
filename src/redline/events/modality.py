"""Modality and attribution of a trigger, read from its clause and the clauses above it.

Precedence: denied > conditional > negated > speculated > scheduled > historical > asserted.
A costly error is calling speculation fact, so any hedge on the path from the trigger to
the sentence root makes the event at least speculated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.events.arguments import RECEIVING
from redline.events.dating import date_phrases
from redline.events.modality_cues import (
    APPEARANCE,
    ATTEMPTING,
    COMMISSIVE,
    FUTURE_AUX,
    HEDGE_ADJECTIVES,
    HEDGE_GOVERNORS,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    IMPLICATIVE,
    NEGATING_GOVERNORS,
    ORDINALS,
    PAST_SPANS,
    POSTPONING,
    PROSPECT_PHRASES,
    SCHEDULE_GOVERNORS,
    SPEECH_VERBS,
)
from redline.events.modality_frames import (
    called_off,
    evaluative_should,
    hedge_adverb,
    hypothetical_act,
    lapsed,
    noun_modifiers,
    reversed_refusal,
    unwitnessed,
    went_ahead,
)
from redline.events.modality_marks import (
    attributed_condition,
    conceded,
    denies,
    has_condition,
    is_denial,
    litotes,
    negated,
    rebutted,
    ruled_out,
    rules_out,
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


def clause_path(trigger: Any) -> list[Any]:
    """The trigger and the heads above it, up to the root of the sentence."""
    path = [trigger]
    token = trigger
    while token.head.i != token.i and len(path) < 12:
        token = token.head
        path.append(token)
    return path


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


# "demanded that the US cancel the sale": what is asked for is not yet done.
PETITIONS = {"demand", "urge", "request"}


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
        if link == "xcomp" or (link == "ccomp" and token.lemma_ in COMMITMENTS | PETITIONS):
            return True
        if (
            link == "ccomp"
            and token.lemma_ in ("warn", "threaten")
            and any(c.dep_ in ("dobj", "dative") for c in token.children)
        ):
            return True  # "warned Moscow it would respond": what is threatened
    return False


__all__ = ["ModalityReading", "attribution_head", "is_content", "is_denial", "read_modality"]


def _infinitive(token: Any) -> bool:
    """An infinitive complement or purpose clause ("to discuss", "agreed to send")."""
    return token.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _factive_infinitive(token: Any) -> bool:
    """An infinitive that reports what happened: "managed to sign", "did not hesitate to
    condemn", "became the first Arab country to recognise Israel"."""
    head = token.head
    if head.lemma_ in ATTEMPTING and token.lemma_ not in RECEIVING:
        return True  # "tried to seize" seizes; "tried to acquire from Iran" only seeks
    if head.lemma_ in IMPLICATIVE or litotes(head) or lapsed(token):
        return True  # "did not hesitate to condemn", "allowed the treaty to expire"
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else []
    if head.lemma_ in ("be", "become"):
        nouns += [c for c in head.children if c.dep_ == "attr"]  # "became the first ... to"
    return any(c.dep_ == "amod" and c.lower_ in ORDINALS for noun in nouns for c in noun.children)


def _long_ago(token: Any) -> bool:
    """ "More than a decade ago", "two years ago": dated well before the report."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ == "ago":
            spans = [g for g in child.children if g.dep_ == "npadvmod"]
            return any(
                g.lemma_.lower() in PAST_SPANS or (g.lower_ == "years" and g.tag_ == "NNS")
                for g in spans
            )
    return False


def _heads_clause(path: list[Any], depth: int) -> bool:
    """True when path[depth] is the verb of the trigger's own clause: the trigger itself, or
    the verb a nominal trigger is the object of ("would cut fuel shipments if ...")."""
    return depth == 0 or (depth == 1 and path[0].pos_ == "NOUN" and path[0].dep_ == "dobj")


def read_modality(trigger: Any) -> ModalityReading:
    """Classify how the sentence presents the event whose trigger is `trigger`."""
    path = clause_path(trigger)
    speaker = attribution_head(path)
    found: dict[Modality, str] = {}
    reversal = reversed_refusal(path)  # "reconsider its policy of not supplying"
    if reversal is not None:
        found[Modality.SPECULATED] = reversal.text
    if hypothetical_act(trigger):  # "sending weapons would be a mistake"
        found[Modality.CONDITIONAL] = trigger.text
    unseen = unwitnessed(path)  # "had not seen troops fighting"
    if unseen is not None:
        found.setdefault(*unseen)
    for depth, token in enumerate(path):
        own = (
            depth == 0
            or token.pos_ not in ("VERB", "AUX")
            or path[depth - 1].dep_ in ("xcomp", "aux", "auxpass", "conj")
        )
        if depth > 0 and denies(token):
            found.setdefault(Modality.DENIED, token.text)
        if has_condition(token) or (
            _heads_clause(path, depth)
            and token.lemma_ not in COMMISSIVE
            and (
                any(
                    has_condition(c)
                    for c in token.children
                    if c.dep_ in ("advcl", "conj") or (c.dep_ == "ccomp" and c.i < token.i)
                )
                or attributed_condition(token)
            )
        ):
            found.setdefault(Modality.CONDITIONAL, token.text)
        if depth == 0 and lapsed(token):  # "will let the deal lapse": as the letting is
            letting = read_modality(token.head).modality
            if letting is not Modality.ASSERTED:
                found.setdefault(letting, token.head.text)
        elif depth == 0 and _infinitive(token) and not _factive_infinitive(token):
            governor = read_modality(token.head).modality if token.head.i != token.i else None
            if governor is Modality.SCHEDULED or (
                governor is Modality.ASSERTED and token.head.lemma_ in SCHEDULE_GOVERNORS | {"be"}
            ):
                found.setdefault(Modality.SCHEDULED, "to")
            elif governor is not None and governor is not Modality.ASSERTED:
                found.setdefault(governor, "to")
            else:
                found.setdefault(Modality.SPECULATED, "to")
        if depth > 0 and ruled_out(token):
            found.setdefault(Modality.SPECULATED, token.text)
            continue
        if depth > 0 and rules_out(token) and path[depth - 1].dep_ in ("xcomp", "dobj", "pcomp"):
            found.setdefault(Modality.NEGATED, token.text)  # "ruled out sending troops"
        if depth > 0 and litotes(token) and path[depth - 1].dep_ == "xcomp":
            continue  # "did not hesitate to condemn": asserted
        if own and conceded(token):
            found.setdefault(Modality.SPECULATED, "even if")
        if own and negated(token) and not (depth == 0 and reversal is not None):
            found.setdefault(Modality.NEGATED, token.text)
        if depth > 0 and token.lemma_ in NEGATING_GOVERNORS and path[depth - 1].dep_ == "xcomp":
            found.setdefault(Modality.NEGATED, token.text)
        if own and _long_ago(token):
            found.setdefault(Modality.HISTORICAL, token.text)
        _hedges(token, depth, path, found)
    if Modality.NEGATED in found and rebutted(path):
        found.setdefault(Modality.DENIED, found[Modality.NEGATED])
    for modality in (
        Modality.DENIED,
        Modality.CONDITIONAL,
        Modality.NEGATED,
        Modality.SPECULATED,
        Modality.SCHEDULED,
        Modality.HISTORICAL,
    ):
        if modality in found:
            return ModalityReading(modality, found[modality], speaker)
    return ModalityReading(Modality.ASSERTED, "", speaker)


def _hedges(token: Any, depth: int, path: list[Any], found: dict[Modality, str]) -> None:
    """Record speculation and scheduling cues on one token of the clause path."""
    link = path[depth - 1].dep_ if depth > 0 else ""
    local = (
        _heads_clause(path, depth) or link in ("xcomp", "conj") or token.pos_ not in ("VERB", "AUX")
    )
    if local:
        for word in _aux_words(token):
            if word.lower_ == "would" and _future_in_past(token, path):
                found.setdefault(Modality.SCHEDULED, word.text)
            elif word.lower_ in HEDGE_MODALS:
                if not (word.lower_ == "should" and evaluative_should(token)):
                    found.setdefault(Modality.SPECULATED, word.text)
            elif hedge_adverb(word):
                found.setdefault(Modality.SPECULATED, word.text)
            elif word.lower_ in FUTURE_AUX:
                found.setdefault(Modality.SCHEDULED, word.text)
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
        found.setdefault(Modality.SPECULATED, "whether")
    if depth == 0:
        if token.lemma_ in HEDGE_GOVERNORS and any(c.dep_ == "auxpass" for c in token.children):
            found.setdefault(Modality.SPECULATED, token.text)  # "Ruto is expected in Washington"
        if token.pos_ == "NOUN":
            noun_modifiers(token, found)
        return
    if (
        path[depth - 1].dep_ == "prep"
        and path[depth - 1].lower_ == "of"
        and token.pos_ == "NOUN"
        and token.lemma_ in HEDGE_NOUNS
    ):
        found.setdefault(Modality.SPECULATED, token.text)  # "reports of a strike", "prospect of"
    _predicate_hedges(token, depth, path, found)
    if (
        link in ("nsubj", "nsubjpass")
        and path[depth - 1].pos_ == "NOUN"
        and all(p.dep_ == "compound" for p in path[: depth - 1])
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children)
    ):
        found.setdefault(Modality.SPECULATED, "would")  # "the aid package would see ..."
    nominal_object = link == "dobj" and path[depth - 1].pos_ == "NOUN"
    if depth == 1 and link in ("nsubj", "nsubjpass") and path[0].pos_ == "NOUN":
        # "A meeting ... is scheduled for Friday", "talks are expected next week"
        if called_off(token):
            found.setdefault(Modality.NEGATED, token.text)  # "the talks were called off"
        elif token.lemma_ in SCHEDULE_GOVERNORS | POSTPONING and not went_ahead(token):
            found.setdefault(Modality.SCHEDULED, token.text)
        elif token.lemma_ in HEDGE_GOVERNORS:
            found.setdefault(Modality.SPECULATED, token.text)
        elif any(
            c.dep_ in ("acomp", "attr", "oprd") and c.lemma_ in HEDGE_ADJECTIVES | HEDGE_NOUNS
            for c in token.children
        ):  # "a meeting ... was likely", "the deployment ... remains a possibility"
            found.setdefault(Modality.SPECULATED, token.text)
        elif any(
            c.dep_ == "prep" and (c.lower_, g.lemma_) in PROSPECT_PHRASES
            for c in token.children
            for g in c.children
        ):  # "a deal is within reach", "sanctions are on the table"
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


def _future_in_past(token: Any, path: list[Any]) -> bool:
    """ "announced it would send a destroyer next month": reported "would" with a date of its
    own is the future of the report, not a hedge (without a date it stays speculated)."""
    reported = any(
        above.lemma_ in SPEECH_VERBS and path[depth - 1].dep_ == "ccomp"
        for depth, above in enumerate(path[1:], start=1)
    )
    # The date phrases the coder dates events by (not the recogniser's entities alone, which
    # the pre-filter runs on chosen sentences only): one of them must belong to this verb.
    return reported and any(p.owner == token.i for p in date_phrases(token.sent, {token.i}))


def _predicate_hedges(token: Any, depth: int, path: list[Any], found: dict[Modality, str]) -> None:
    """Hedges reached through an adjective or a preposition: "appear close to agreeing",
    "is due in Berlin for talks", "is expected in Washington for a state visit"."""
    link = path[depth - 1].dep_
    if token.lemma_ in APPEARANCE and link in ("xcomp", "oprd", "acomp", "ccomp"):
        found.setdefault(Modality.SPECULATED, token.text)
    if link == "ccomp" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_ in HEDGE_ADJECTIVES | HEDGE_NOUNS
        for c in token.children
    ):
        found.setdefault(Modality.SPECULATED, token.text)  # "it is possible that ..."
    if (
        depth == 2
        and path[0].tag_ == "VBG"
        and path[1].lower_ == "to"
        and token.lemma_ in ("close", "near")
    ):
        found.setdefault(Modality.SPECULATED, token.text)  # "close to agreeing"
    if depth == 2 and path[0].pos_ == "NOUN" and path[1].lower_ == "for" and link == "prep":
        # the predicate itself ("expected ... for"), or its complement ("is due ... for")
        words = [token] + [c for c in token.children if c.dep_ in ("acomp", "oprd")]
        if any(w.lemma_ in SCHEDULE_GOVERNORS for w in words):
            found.setdefault(Modality.SCHEDULED, token.text)
        elif any(w.lemma_ in HEDGE_GOVERNORS | HEDGE_ADJECTIVES for w in words):
            found.setdefault(Modality.SPECULATED, token.text)


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
