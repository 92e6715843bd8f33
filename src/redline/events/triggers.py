"""Find the tokens that carry an event and the lexicon entry that codes each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.events.lexicon import Lexicon, Trigger

# Verbs that take their meaning from their object: "sent a warning", "held talks".
LIGHT_VERBS = {
    "send",
    "issue",
    "give",
    "hold",
    "make",
    "express",
    "voice",
    "launch",
    "conduct",
    "stage",
    "have",
    "take",
    "lodge",
    "file",
    "extend",
    "pay",
    "deliver",
    "receive",
    "reach",
    # Verbs that carry on the event their object names: "developing cooperation with X".
    "develop",
    "broaden",
    "pursue",
}


# Adjectives that carry an event as predicates ("was gravely concerned about ..."); their
# lexicon rows name the preposition, so only "concerned about X" is read, not "concerned that".
PREDICATIVE = {"acomp", "ccomp", "ROOT", "conj"}


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token, the lexicon entry for it, and the noun that decided it, if any."""

    token: Any
    entry: Trigger
    nominal: bool
    object_token: Any | None = None


def misparsed_gerund(verb: Any) -> bool:
    """ "denied supplying weapons": the small parser often makes the gerund an amod."""
    return bool(verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN")


def _objects(verb: Any) -> list[Any]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    # "share missile or submarine technology": every coordinated object counts.
    found.extend(g for c in list(found) if c.dep_ == "dobj" for g in c.conjuncts)
    if verb.dep_ == "relcl" and not found and verb.head.pos_ == "NOUN":
        found.append(verb.head)  # "the weapons Seoul might provide": the noun is the object
    if misparsed_gerund(verb):
        found.append(verb.head)
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
        found.extend(g for g in prep.children if g.dep_ == "pobj")
    # "shipped 1,000 containers of munitions": the "of" object says what was shipped.
    for obj in list(found):
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for g in prep.children:
                if g.dep_ == "pobj":
                    found.extend([g, *g.conjuncts])
    return found


def _particles(verb: Any) -> set[str]:
    """Particles and prepositions of the verb, and its adverbs: a lexicon row may ask for
    "longer" so that "the treaty no longer applies" is a lapse and plain "applies" is not."""
    return {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}


def verb_match(verb: Any, lexicon: Lexicon) -> Match | None:
    """The most specific lexicon entry for a verb token, if any."""
    objects = _objects(verb)
    particles = _particles(verb)
    object_lemmas = {o.lemma_.lower() for o in objects}
    # "fired two artillery shells": a noun compound may decide the reading as well.
    modifiers = {c.lemma_.lower() for o in objects for c in o.children if c.dep_ == "compound"}
    for entry in lexicon.verb_entries(verb.lemma_.lower()):
        # An explicit verb + object row ("lodge" + "protest") beats the light-verb reading.
        if (
            entry.object
            and entry.origin != "cameo2"
            and entry.object in object_lemmas
            and (not entry.particle or entry.particle in particles)
        ):
            return None if entry.type == "-" else Match(verb, entry, nominal=False)
    if verb.lemma_ in LIGHT_VERBS:
        for obj in objects:
            noun = lexicon.noun_entry(obj.lemma_.lower())
            if noun is not None and obj.dep_ in ("dobj", "nsubjpass"):
                return Match(verb, noun, nominal=False, object_token=obj)
    for entry in lexicon.verb_entries(verb.lemma_.lower()):
        if entry.particle and entry.particle not in particles:
            continue
        if entry.object and entry.object not in object_lemmas | modifiers:
            continue
        if entry.type == "-":  # listed as not an event ("did not rule out")
            return None
        return Match(verb, entry, nominal=False)
    return None


def find_triggers(sentence: Any, lexicon: Lexicon) -> list[Match]:
    """Verbal triggers, then nominal ones not already used as a verb's object."""
    verbal: list[Match] = []
    for token in sentence:
        if (
            token.pos_ == "VERB"
            or (token.pos_ == "AUX" and token.dep_ == "ROOT")
            or (token.pos_ == "ADJ" and token.dep_ in PREDICATIVE)
        ):
            found = verb_match(token, lexicon)
            if found is not None and (token.pos_ != "ADJ" or found.entry.particle):
                verbal.append(found)
    used = {m.object_token.i for m in verbal if m.object_token is not None}
    nominal = [
        Match(token, entry, nominal=True)
        for token in sentence
        if token.pos_ == "NOUN"
        and token.i not in used
        and (entry := lexicon.noun_entry(token.lemma_.lower())) is not None
    ]
    return verbal + nominal
