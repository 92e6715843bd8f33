"""Clause-level marks the modality reader tests token by token: conditions, negation, denial.

Each function looks at one token of the path from a trigger to the sentence root and its
children; `modality.read_modality` decides which mark wins.
"""

from __future__ import annotations

from typing import Any

from redline.events.modality_cues import (
    CONDITION_MARKS,
    DENIAL_OBJECTS,
    DENIAL_VERBS,
    FALSE_WORDS,
    LITOTES,
    NAMING_VERBS,
    NEGATING_NOUNS,
    OBJECT_DENIALS,
    REBUTTING_SPEECH,
    REFRAINING,
    REFUSABLE_OBJECTS,
    SPEECH_VERBS,
)

INVERTED_CONDITIONS = {"were", "should", "had"}
PROVISOS = {"provided", "providing", "assuming"}
NEGATIVE_PRONOUNS = {"none", "nobody", "nothing", "neither"}


def conceded(token: Any) -> bool:
    """ "Even if Washington objects, ...": the conceded clause is a supposition, not a fact."""
    return any(
        c.dep_ == "mark"
        and c.lower_ == "if"
        and any(g.lower_ == "even" and g.i < c.i for g in token.children)
        for c in token.children
    )


def has_condition(token: Any) -> bool:
    """True when `token` carries a condition ("if", "unless", "in case of", "as long as",
    "if and when", "should X ...", "were X to ...")."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
            # "even if" concedes rather than conditions
            return not any(g.lower_ == "even" for g in token.children if g.i < child.i)
        if (
            child.dep_ in ("prep", "advmod")
            and child.lower_ in CONDITION_MARKS
            and any(g.pos_ in ("VERB", "AUX") for g in child.subtree if g.i != child.i)
        ):
            return True  # "if and when a ceasefire is agreed": the parser makes "if" a prep
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.lower_ in ("case", "event") for g in child.children)
        ):
            return True  # "in case of", "in the event of/that"
        if (
            child.dep_ == "prep"
            and child.lower_ == "on"
            and any(g.lemma_ == "condition" for g in child.children)
        ):
            return True  # "on condition that"
        if child.lower_ in PROVISOS and any(g.dep_ == "ccomp" for g in child.children):
            return True  # "provided that the ceasefire holds, ..."
        if (
            child.dep_ == "mark"
            and child.lower_ == "as"
            and any(g.lower_ == "long" for g in token.children)
        ):
            return True  # "as long as"
    # "Should talks fail, ...": the parser makes the clause an advcl, or a ccomp when it
    # leads the sentence; a question ("Should Iran close it?") is the root, not either.
    if (
        token.dep_ in ("advcl", "ccomp")
        and (token.dep_ == "advcl" or token.i < token.head.i)
        and any(
            c.dep_ == "aux"
            and c.lower_ in ("should", "were")
            and c.i < token.i
            and c.i == token.left_edge.i
            for c in token.children
        )
    ):
        return True
    # "Were Beijing to blockade Taiwan, ...": the inverted auxiliary heads the clause.
    return (
        token.dep_ == "advcl"
        and token.lower_ in INVERTED_CONDITIONS
        and token.i == token.left_edge.i
        and token.i < token.head.i
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in token.children)
    )


def _negative_determiner(token: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def negated(token: Any) -> bool:
    """True when `token` itself is negated ("did not send", "no agreement was signed",
    "the absence of any strike", "without signing", "stopped short of imposing")."""
    if (
        token.pos_ == "NOUN"
        and token.head.dep_ == "prep"
        and token.head.lower_ == "of"
        and (token.head.head.lemma_ in NEGATING_NOUNS)
    ):
        return True  # "the absence of any strike"
    if refrained(token) or (
        token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "without"
    ):
        return True  # "ended without an agreement"
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            any(g.lower_ == "neither" for g in child.children)
            or child.lower_ in NEGATIVE_PRONOUNS
            or (child.lower_ == "one" and _negative_determiner(child))
        ):
            return True  # "Neither Athens nor Ankara sent warships", "none of them came"
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and _negative_determiner(g) for g in child.children
        ):
            return True  # "at no point did ..."
        if (
            child.dep_ in ("nsubjpass", "dobj", "nsubj")
            and _negative_determiner(child)
            and token.pos_ in ("VERB", "AUX")
        ):
            return True
        if child.dep_ == "advmod" and child.lower_ == "yet" and token.lemma_ in ("have", "be"):
            return True  # "has yet to deliver"
    return token.pos_ == "NOUN" and _negative_determiner(token)


def refrained(token: Any) -> bool:
    """A gerund the sentence says did not happen: "without signing", "stopped short of
    imposing", "refrained from recognising"."""
    if token.dep_ != "pcomp" or token.head.dep_ != "prep":
        return False
    prep = token.head
    if prep.lower_ == "without":
        return True
    if prep.lower_ == "of" and prep.head.lower_ == "short":
        return True  # "stopped / fell short of"
    return prep.lower_ == "from" and prep.head.lemma_ in REFRAINING


def litotes(token: Any) -> bool:
    """ "did not hesitate to condemn": a negated reluctance asserts what follows."""
    return token.lemma_ in LITOTES and any(
        c.dep_ == "neg" or c.lower_ == "never" for c in token.children
    )


def rules_out(token: Any) -> bool:
    """ "rule out" or "exclude" (negated or not)."""
    return token.lemma_ == "exclude" or (
        token.lemma_ == "rule"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )


def ruled_out(token: Any) -> bool:
    """ "did not rule out supplying": a negated "rule out" is a hedge, not a negation."""
    return rules_out(token) and any(c.dep_ == "neg" for c in token.children)


def false_report(token: Any) -> bool:
    """A report or claim called false ("dismissed as groundless", "reports were false")."""
    if token.lemma_ not in DENIAL_OBJECTS:
        return False
    governor = token.head
    predicates = [c for c in governor.children if c.dep_ in ("acomp", "oprd", "attr", "ccomp")]
    predicates += [
        g for c in governor.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
    ]
    if any(p.lemma_.lower() in FALSE_WORDS or p.lower_ in FALSE_WORDS for p in predicates):
        return True
    # "called reports that ... 'baseless'": the small parser often attaches the quoted
    # judgement to the last noun of the report; with a naming verb any false word in its
    # clause after the report is the verdict.
    return governor.lemma_ in NAMING_VERBS and any(
        t.lower_ in FALSE_WORDS for t in governor.subtree if t.i > token.i
    )


def _denied_objects(token: Any) -> list[Any]:
    objects = [c for c in token.children if c.dep_ in ("dobj", "oprd")]
    objects += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return objects


def denies(token: Any) -> bool:
    """True for a verb that denies what is reported below it ("denied that", "rejected
    claims", "dismissed as groundless reports"); "denied entry" refuses, it does not deny."""
    if false_report(token):
        return True
    objects = _denied_objects(token)
    if token.lemma_ in ("brush", "shrug") and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    ):
        return any(o.lemma_ in DENIAL_OBJECTS for o in objects)  # "brushed off reports"
    if token.lemma_ not in DENIAL_VERBS:
        return False
    if token.lemma_ in OBJECT_DENIALS:
        return any(o.lemma_ in DENIAL_OBJECTS for o in objects)
    return not any(o.lemma_ in REFUSABLE_OBJECTS for o in objects)


def is_denial(token: Any) -> bool:
    """True for a verb that denies a reported event ("denied that", "rejected reports")."""
    return denies(token) and (
        any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in token.children)
        or bool(_denied_objects(token))
    )


def rebutted(path: list[Any]) -> bool:
    """A party's own negation offered against a claim: "said it had not supplied weapons,
    rejecting a report that ...", "insisted the missile was not fired by its forces"."""
    trigger = path[0]
    for child in trigger.children:
        if child.dep_ in ("advcl", "conj", "xcomp") and child.tag_ == "VBG" and denies(child):
            return True
    for depth, token in enumerate(path[1:], start=1):
        if token.lemma_ in SPEECH_VERBS | REBUTTING_SPEECH and path[depth - 1].dep_ == "ccomp":
            if token.lemma_ in REBUTTING_SPEECH:
                return True
            return any(
                c.dep_ in ("advcl", "conj", "xcomp") and c.tag_ == "VBG" and denies(c)
                for c in token.children
            )
    return False


ATTRIBUTING = SPEECH_VERBS | {"suggest", "warn", "indicate", "signal", "hint"}


def attributed_condition(token: Any) -> bool:
    """ "X would cut aid if Y tested again, a diplomat suggested": the small parser hangs the
    if-clause on the closing attribution; a condition that ends before the attribution's
    subject belongs to the reported clause."""
    for child in token.children:
        if child.i < token.i or child.lemma_ not in ATTRIBUTING:
            continue
        if child.dep_ not in ("advcl", "parataxis", "conj", "ccomp"):
            continue
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        start = min(s.left_edge.i for s in subjects)
        if any(
            c.dep_ == "advcl" and c.right_edge.i < start and has_condition(c)
            for c in child.children
        ):
            return True
    return False
