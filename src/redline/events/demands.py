"""Demands made by saying what another party must do.

"Britain reiterated that Libya must hand over the suspects", "Egypt said the US needs to
mediate", "the party issued a declaration demanding that the government release him": the
speaker asks the other party to act (PLOVER REQUEST, CAMEO 10); the act demanded is not an
event of that party. Only a deontic clause ("must", "should", "need to", "have to") under a
speech verb or a statement is a demand, and only when nothing else hedges it ("should perhaps",
"if ..."); the demand takes the modality of the saying, so a hedged statement stays hedged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.events.arguments import Arguments, conjuncts, subject_of
from redline.events.constructions import THREAT
from redline.events.modality_cues import (
    CONDITION_MARKS,
    HEDGE_ADVERBS,
    SPEECH_VERBS,
)
from redline.events.triggers import Match

DEMAND = replace(THREAT, lemma="demand", type="REQUEST", cameo="100")
DEONTIC_AUX = {"must", "should"}
# "needs to mediate", "has to withdraw": the verb whose infinitive is what must be done.
DEONTIC_VERBS = {"need", "have"}
# Verbs that state a position; what they report with "must" is demanded of its subject.
STATING = SPEECH_VERBS | {
    "reiterate", "repeat", "stress", "emphasise", "emphasize", "underline", "maintain",
    "argue", "demand", "remind", "tell",
}  # fmt: skip
# Statements a party issues; a clause they carry ("a declaration demanding that", "a reminder
# that it must") is the party's own.
STATEMENTS = {
    "statement", "declaration", "communique", "communiqué", "resolution", "reminder",
    "letter", "message", "appeal", "note",
}  # fmt: skip
ISSUING = {"issue", "release", "publish", "adopt", "send", "deliver", "make", "sign", "put"}
SUBJECTS = ("nsubj", "nsubjpass")


def _deontic_clause(token: Any) -> Any | None:
    """The clause head carrying the obligation of `token`: itself for "must V", its governor
    for "needs to V" / "has to V"."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in token.children):
        return token
    head = token.head
    if (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in DEONTIC_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    ):
        return head
    return None


def _hedged(token: Any, clause: Any) -> bool:
    """Something besides the obligation hedges the clause ("should perhaps", "if ...")."""
    for word in {token, clause}:
        for child in word.children:
            if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
                return True
            if child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in child.children
            ):
                return True
    return False


def issuer(statement: Any) -> Any | None:
    """The verb through which a party issues `statement` ("issued a declaration")."""
    if statement.lemma_.lower() not in STATEMENTS or statement.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = statement.head
    return verb if verb.lemma_.lower() in ISSUING else None


def issued_by(token: Any) -> list[Any]:
    """The party behind a verb modifying an issued statement: "Paris released a declaration
    calling on Moscow to withdraw" (Paris calls on Moscow)."""
    if token.dep_ != "acl":
        return []
    verb = issuer(token.head)
    return subject_of(verb) if verb is not None else []


def demand_frame(token: Any) -> Any | None:
    """The verb whose saying makes `token`'s deontic clause a demand, or None."""
    clause = _deontic_clause(token)
    if clause is None or _hedged(token, clause):
        return None
    if not any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    head = clause.head
    if clause.dep_ == "ccomp" and head.lemma_.lower() in STATING and head.i != clause.i:
        return head
    if clause.dep_ in ("acl", "ccomp") and issuer(head) is not None:
        return issuer(head)
    if clause.dep_ == "ccomp" and head.dep_ == "acl" and issuer(head.head) is not None:
        return head  # "a declaration demanding that X must ..."
    return None


def reported_demand(token: Any) -> Match | None:
    """ "X said Y must V": a REQUEST from X to Y, coded on V (which it replaces)."""
    return Match(token, DEMAND, nominal=False) if demand_frame(token) is not None else None


def _addressed(frame: Any) -> list[Any]:
    """Whom the saying is addressed to: "told Iraq", "a reminder to Iraq"."""
    heads: list[Any] = []
    for child in frame.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
            heads.append(child)
        elif child.dep_ in ("dative", "prep") and child.lower_ == "to":
            heads.extend(g for g in child.children if g.dep_ == "pobj")
    return heads


def demand_parties(token: Any) -> Arguments:
    """The one demanding (the speaker or the statement's issuer) and the one asked (the
    subject of the deontic clause)."""
    frame = demand_frame(token)
    clause = _deontic_clause(token)
    if frame is None or clause is None:
        return Arguments((), ())
    speakers = issued_by(frame) if frame.dep_ == "acl" else subject_of(frame)
    asked = [t for c in clause.children if c.dep_ in SUBJECTS for t in conjuncts(c)]
    addressed = _addressed(frame)
    if addressed and all(t.pos_ == "PRON" for t in asked):
        asked = addressed  # "reminded Iraq that it must", "a reminder to Iraq that it must"
    return Arguments(tuple(speakers), tuple(asked))


# Nouns for what one party asks of another; the clause they carry is what is asked.
PETITION_NOUNS = {"demand", "call", "request", "appeal", "ultimatum", "plea"}


def petitioned(token: Any) -> bool:
    """ "insisted on its demands that the government grant more rights", "an appeal that
    Russia withdraw": the act a demand asks for is not done by its being asked."""
    return (
        token.dep_ in ("acl", "ccomp")
        and token.head.lemma_.lower() in PETITION_NOUNS
        and token.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
    )


def issues_statement(match: Match) -> bool:
    """ "France released a declaration calling on Russia to ...": a trigger read without its
    object ("release" a prisoner) whose object is a statement only issues it; what the
    statement says is the event."""
    token = match.token
    return (
        not match.nominal
        and not match.entry.object
        and any(c.dep_ == "dobj" and issuer(c) is not None for c in token.children)
    )
