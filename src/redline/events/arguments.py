"""Find the source and target phrases of a trigger in the dependency tree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"to", "with", "against", "on", "for", "toward", "towards", "into", "at", "upon"}
PAIR_PREPS = {"between"}
# Clause links through which a verb without a subject inherits its head's subject.
INHERIT = {"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "acomp"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


@dataclass(frozen=True, slots=True)
class Arguments:
    """Head tokens of the phrases that name the source(s) and target(s) of a trigger."""

    sources: tuple[Any, ...]
    targets: tuple[Any, ...]


def conjuncts(token: Any) -> list[Any]:
    """A token and the tokens coordinated with it ("Putin and Kim")."""
    return [token, *token.conjuncts]


def subject_of(verb: Any, depth: int = 0) -> list[Any]:
    """The subject heads of `verb`, inherited from governing verbs when it has none."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return conjuncts(verb.head)
            return conjuncts(child)
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for g in child.children if g.dep_ == "pobj" for t in conjuncts(g)]
        if child.dep_ in PASSIVE_SUBJECTS and verb.pos_ == "ADJ":
            return conjuncts(child)  # "the government was concerned": the one concerned
    if verb.pos_ == "VERB" and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        return []  # "if North Korea were attacked": a passive with no agent names no doer
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "Putin is expected to visit": the raised subject of a passive governor.
        for child in verb.head.children:
            if child.dep_ in PASSIVE_SUBJECTS:
                return conjuncts(child)
    if depth < 4 and verb.dep_ in INHERIT and verb.head.i != verb.i:
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "units fighting in Ukraine": a present participle after its noun names the
            # doer ("an occupying army" is an adjective, not an event).
            doer = verb.dep_ == "relcl" or (
                verb.tag_ == "VBG" and verb.i > verb.head.i and depth == 0
            )
            return conjuncts(verb.head) if doer else []
        return subject_of(verb.head, depth + 1)
    return []


def prep_objects(token: Any, preps: set[str]) -> Iterator[Any]:
    """Objects of the token's prepositions named in `preps` (with their conjuncts)."""
    yield from _prep_objects(token, preps)


def _prep_objects(token: Any, preps: set[str]) -> Iterator[Any]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from conjuncts(obj)


def object_phrases(verb: Any) -> list[Any]:
    """Object heads of a verb: direct/dative objects, then prepositional objects."""
    found: list[Any] = []
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    for child in verb.children:
        if child.dep_ in OBJECTS:
            found.extend(conjuncts(child))
    found.extend(t for p in passive for t in conjuncts(p))
    found.extend(_prep_objects(verb, TARGET_PREPS))
    for child in verb.children:
        if child.dep_ == "prt":
            found.extend(_prep_objects(child, TARGET_PREPS))
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        found.extend(_prep_objects(obj, TARGET_PREPS | PAIR_PREPS))
        # "welcomed a resumption of ties between A and B": one noun further down.
        for inner in _prep_objects(obj, {"of"}):
            found.extend(_prep_objects(inner, TARGET_PREPS | PAIR_PREPS))
    return found


def of_conjuncts(head: Any) -> list[Any]:
    """ "the ambassadors of A, B and C": the coordinated names after the first one."""
    return [
        c
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
        for obj in prep.children
        if obj.dep_ == "pobj"
        for c in obj.conjuncts
    ]


# Verbs that report an accusation in a "that" clause.
ALLEGING = {"allege", "claim", "charge", "assert", "insist"}
CAUSATIVES = {"let", "allow", "make", "have", "help"}
# "Moscow received weapons from Pyongyang": the giver is the source.
DANGERS = {"threat", "danger", "risk", "challenge"}
# Verbs of sending: the owner of what is sent is the sender when no agent is named.
SENDING = {"send", "deploy", "dispatch", "deliver", "supply", "ship", "transfer", "move"}
RECEIVING = {"receive", "obtain", "acquire", "import", "buy", "purchase", "get", "accept"}


def verb_arguments(verb: Any) -> Arguments:
    """Source and target heads for a verbal trigger."""
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN":
        governor = verb.head.head
        targets = list(_prep_objects(governor, TARGET_PREPS)) + list(
            _prep_objects(verb.head, TARGET_PREPS)
        )
        # The governor's subject only ("calling them an occupying army" is no act by the
        # noun "calling" modifies): depth 1 keeps the participle rule of subject_of out.
        return Arguments(tuple(subject_of(governor, 1)), tuple(dict.fromkeys(targets)))
    sources = subject_of(verb)
    targets = object_phrases(verb)
    if verb.lemma_ in RECEIVING:
        givers = list(_prep_objects(verb, {"from"}))
        if not givers:
            # "denied receiving Iranian drones": the giver names the goods.
            givers = [
                m
                for o in verb.children
                if o.dep_ == "dobj"
                for m in o.children
                if m.dep_ in ("amod", "compound") and m.pos_ in ("ADJ", "PROPN")
            ]
        if givers:
            return Arguments(tuple(givers), tuple(sources))
    if not sources and verb.lemma_ in SENDING:
        # "North Korean troops were sent to Russia": with no agent, the state the sent troops
        # or goods belong to sent them.
        sources = [
            m
            for o in verb.children
            if o.dep_ in PASSIVE_SUBJECTS
            for m in o.children
            if m.dep_ in ("amod", "compound") and m.pos_ in ("ADJ", "PROPN")
        ]
    dangers = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DANGERS]
    if verb.lemma_ == "pose" and dangers:
        # "the deployment posed a grave threat to South Korea": the threatened complain of
        # whoever poses the threat.
        return Arguments(tuple(_prep_objects(dangers[0], {"to", "for"})), tuple(sources))
    if verb.lemma_ in ALLEGING and not targets:
        # "The US claimed that ISIL had attacked Iraq": the accused is the doer of the
        # reported act, not the state named after it.
        targets = [s for c in verb.children if c.dep_ == "ccomp" for s in subject_of(c)]
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in CAUSATIVES:
        # "Russia let the treaty lapse": the causer acts on the clause's subject.
        targets = sources + targets
        sources = subject_of(verb.head)
    # "The treaty between the Soviet Union and North Korea promised ...": the pair is
    # inside the subject phrase.
    for subject in list(sources):
        between = list(_prep_objects(subject, PAIR_PREPS))
        if between:
            sources.remove(subject)
            sources.extend(between[:1])
            targets = between[1:] + targets
    return Arguments(tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(targets)))


def noun_arguments(noun: Any) -> Arguments:
    """Source and target heads for a nominal trigger ("Putin's visit to Pyongyang")."""
    sources = [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c)]
    sources += [t for c in noun.children if c.dep_ in ("compound", "amod") for t in [c]]
    sources += list(_prep_objects(noun, {"by", "from", "of"}))
    between = list(_prep_objects(noun, PAIR_PREPS))
    targets = list(_prep_objects(noun, TARGET_PREPS))
    if between:
        sources, targets = sources or between[:1], targets or between[1:]
    return Arguments(tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(targets)))


def phrase_tokens(head: Any) -> list[Any]:
    """The tokens of the noun phrase headed by `head`, without its clauses."""
    tokens = [head]
    stack = [c for c in head.children if c.dep_ not in ("relcl", "acl", "appos", "conj", "cc")]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "conj", "cc"))
    return sorted(tokens, key=lambda t: t.i)


# "its troops", "his office": the owner is the subject of the clause above.
OWNERS = {"its", "their", "his", "her"}


def possessor_subject(head: Any) -> Any | None:
    """ "Venezuela denied that its troops had crossed ...": for a subject phrase owned by
    "its"/"their" (or "his"/"her"), the subject of the nearest clause above, which the
    pronoun refers to."""
    owned = any(c.dep_ == "poss" and c.lower_ in OWNERS for c in head.children)
    if not owned or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    node = head.head
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].i != head.i:
            return subjects[0]
    return None
