"""Constructions that change what a trigger codes, or add a trigger the lexicon cannot name:
an agentless lapse, a threat made as a conditional response, the states a concern is about,
and talks that frame a verb ("said after talks with X")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.events.arguments import (
    CAUSATIVES,
    DANGERS,
    RECEIVING,
    Arguments,
    conjuncts,
    prep_objects,
)
from redline.events.clauses import TREATY_NOUNS
from redline.events.lexicon import Trigger
from redline.events.triggers import Match
from redline.models import Modality

# Verbs for a treaty ending by its own terms: a state's act only when a state lets it happen.
LAPSE_VERBS = {"lapse", "expire"}
# "the government would respond strongly if X ...": a conditional response is a threat.
RESPONSE_VERBS = {"respond", "retaliate", "react", "hit"}
FUTURE_MODALS = {"will", "would", "'ll", "shall", "wo"}
CONDITION_MARKS = {"if", "unless"}
# Prepositions that make a nominal event the occasion of the verb they attach to.
FRAME_PREPS = {"after", "during", "before", "following"}

THREAT = Trigger(
    lemma="respond",
    particle="",
    object="",
    type="THREATEN",
    mode=None,
    contexts=(),
    cameo="130",
    origin="construction",
)


REFUSAL = replace(THREAT, lemma="renew", type="REJECT", cameo="120")
# "said it would not renew the treaty": a refusal announced now.
RENEWALS = {"renew", "extend", "prolong"}
TREATY_TERMS = replace(THREAT, lemma="oblige", type="AGREE", cameo="057")
# "the treaty obliges Russia and North Korea to ...": what a treaty commits its parties to.
COMMITTING = {"commit", "oblige", "obligate", "bind", "require"}
CONTAINING = {"contain", "include"}
TERMS = {"pledge", "commitment", "clause", "provision", "guarantee", "obligation", "promise"}
# The modality a construction's own act absorbs: the threat is made whatever the condition,
# the refusal is made by saying what will not happen.
ABSORBED = {"THREATEN": Modality.CONDITIONAL, "REJECT": Modality.NEGATED}


def absorbed(match: Match, modality: Modality) -> Modality:
    """The modality of a construction's act, given the one read from its clause."""
    if match.entry.origin == "construction" and ABSORBED.get(match.entry.type) is modality:
        return Modality.ASSERTED
    return modality


def agentless_lapse(token: Any) -> bool:
    """ "when the treaty lapsed", "which expired the following year": a treaty ending with
    no state named as letting it end (unlike "Russia let the treaty lapse")."""
    if token.lemma_.lower() not in LAPSE_VERBS:
        return False
    caused = token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in CAUSATIVES
    return not caused


def _condition_subject(token: Any) -> Any | None:
    """The subject of the if-clause attached to `token`, if it has one."""
    for clause in (c for c in token.children if c.dep_ == "advcl"):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & CONDITION_MARKS:
            return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def conditional_threat(token: Any) -> Match | None:
    """ "If Russia supplied the North with weapons, the government would respond strongly":
    a response promised for another state's act is a threat against that state. The threat
    is made now, whatever happens to the condition."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in RESPONSE_VERBS:
        return None
    if token.lemma_.lower() == "hit" and not any(
        c.dep_ == "prt" and c.lower_ == "back" for c in token.children
    ):
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if not auxiliaries & FUTURE_MODALS or any(c.dep_ == "neg" for c in token.children):
        return None
    if _condition_subject(token) is None:
        return None
    return Match(token, THREAT, nominal=False)


def announced_refusal(token: Any) -> Match | None:
    """ "Moscow told Pyongyang that it would not renew the treaty": a state saying it will not
    renew or extend an agreement refuses it (REJECT), whatever the agreement's fate."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in RENEWALS:
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in token.children)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not (negated and auxiliaries & FUTURE_MODALS):
        return None
    if not any(o.lemma_.lower() in TREATY_NOUNS | {"deal"} for o in objects):
        return None
    return Match(token, REFUSAL, nominal=False)


def particle_targets(token: Any, particle: str) -> list[Any]:
    """The objects of the trigger's own preposition; "concerned about the cooperation between
    A and B" is about both A and B."""
    heads: list[Any] = []
    for obj in prep_objects(token, {particle}):
        pair = list(prep_objects(obj, {"between"}))
        heads.extend(pair or [obj])
    return heads


def framing_verb(noun: Any) -> Any | None:
    """ "Shoigu said after talks with Kim": the verb a nominal meeting is the occasion of."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in FRAME_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


ATTEMPTS = {"try", "seek", "attempt", "want", "look"}


def sought_receipt(match: Match) -> Match | None:
    """ "Moscow may be trying to acquire missiles from Iran": seeking to receive something
    from a state is a request to it (the receiver asks, the holder is asked)."""
    token = match.token
    if match.nominal or match.entry.type != "AID" or token.lemma_.lower() not in RECEIVING:
        return None
    if token.dep_ != "xcomp" or token.head.lemma_.lower() not in ATTEMPTS:
        return None
    entry = replace(match.entry, type="REQUEST", mode="assist", cameo="1032")
    return replace(match, entry=entry)


def as_request(args: Arguments) -> Arguments:
    """The receiving verb's giver and receiver, turned into the asked and the asker."""
    return Arguments(args.targets, args.sources)


def treaty_subject(token: Any) -> Any | None:
    """The treaty that is the subject of a commitment verb ("the treaty obliges ...") or of a
    verb saying it holds a commitment ("the treaty contained no such pledge")."""
    lemma = token.lemma_.lower()
    held = lemma in CONTAINING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TERMS for c in token.children
    )
    if token.pos_ != "VERB" or not (lemma in COMMITTING or held):
        return None
    return next(
        (c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in TREATY_NOUNS),
        None,
    )


def treaty_commitment(token: Any) -> Match | None:
    """ "The treaty obliges Russia and North Korea to give each other assistance", "the 2000
    treaty did not commit either side to ...": a treaty's terms are an AGREE of its parties
    (what they commit to is its content, not a separate event)."""
    return Match(token, TREATY_TERMS, nominal=False) if treaty_subject(token) is not None else None


def treaty_parties(token: Any) -> Arguments:
    """The parties of a treaty's commitment: the states it binds, and the treaty itself (whose
    parties the article may have named before)."""
    bound = [
        t
        for c in token.children
        if c.dep_ == "dobj" and c.lemma_.lower() not in TERMS
        for t in conjuncts(c)
    ]
    treaty = treaty_subject(token)
    return Arguments(tuple(bound + ([treaty] if treaty is not None else [])), ())


def compared_only(match: Match) -> bool:
    """ "Unlike the Soviet-era pact, ...": a nominal event named only for comparison."""
    token = match.token
    return bool(
        match.nominal
        and token.dep_ == "pobj"
        and token.head.lower_ in ("unlike", "like")
        and token.head.dep_ == "prep"
    )


def posed_danger(token: Any) -> bool:
    """ "his office said the deployment posed a grave threat to South Korea": whoever says a
    threat is posed is the one complaining of it."""
    return token.lemma_ == "pose" and any(
        c.dep_ == "dobj" and c.lemma_ in DANGERS for c in token.children
    )
