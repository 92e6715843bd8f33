"""Historical readings of reported provisions: clauses tied to an old or lapsed treaty.

"The 1961 treaty, which bound each side to enter the other's war at once, lapsed" reports a
historical clause; "revives the automatic intervention clause of the 1961 Soviet-era treaty"
reports the new clause (asserted) and the old one (historical); so does "Unlike the Soviet-era
pact, the new treaty leaves out ..." (negated, and historical for the old pact).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from redline.models import Modality
from redline.treaties.cues import CueBook
from redline.treaties.modality import base_modality, words
from redline.treaties.models import ProvisionType

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _phrase_top(anchor: Any, pred: Any) -> Any | None:
    """The head of the noun phrase naming the provision (the child of `pred` above anchor)."""
    token = anchor
    while token.head.i != token.i and token.head.i != pred.i:
        token = token.head
    return token if token.head.i == pred.i and token.i != pred.i else None


def _past(pred: Any) -> bool:
    """A past-tense statement ("were bound", "bound"), as opposed to "still obliges"."""
    return bool(
        pred.tag_ == "VBD"
        or any(c.tag_ == "VBD" for c in pred.children if c.dep_.startswith("aux"))
    )


def _old(tokens: list[Any], published: date, book: CueBook, past: bool) -> bool:
    """True when a phrase puts what it names well before the report: an "old" word, or (in a
    past-tense statement) a year long before it; a treaty of 1953 may still be in force."""
    text = " ".join(t.text for t in tokens).lower().replace(" - ", "-")
    old_words = words(book, "historical_words")
    if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in old_words):
        return True
    return past and any(_YEAR.match(t.text) and int(t.text) < published.year - 1 for t in tokens)


def _treaty_phrases(pred: Any, book: CueBook) -> list[list[Any]]:
    """Treaties the statement is made under or about: heads above it, subjects, "under X"."""
    nouns = words(book, "treaty_nouns")
    found: list[list[Any]] = []
    token = pred
    for _ in range(8):
        for child in token.children:
            heads = [child] if child.dep_ in ("nsubj", "nsubjpass") else []
            if child.dep_ == "prep" and child.lower_ in ("under", "in", "by"):
                heads = [g for g in child.children if g.dep_ == "pobj"]
            found.extend(list(h.subtree) for h in heads if h.lemma_.lower() in nouns)
        if token.head.i == token.i:
            break
        below, token = token, token.head
        if token.lemma_.lower() in nouns:
            found.append([t for t in token.subtree if t not in set(below.subtree)])
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in words(
                book, "historical_verbs"
            ):
                found.append([token.head])
    return found


def provision_modalities(
    anchor: Any, kind: ProvisionType, published: date, book: CueBook
) -> list[Modality]:
    """The modalities the sentence reports the provision with (two when an old clause is
    revived or contrasted; none when it is only a hypothesis)."""
    modality, pred = base_modality(anchor, kind, book)
    if modality is None:
        return []
    top = _phrase_top(anchor, pred)
    past = _past(pred)
    if top is not None and _old(list(top.subtree), published, book, past):
        revived = pred.lemma_.lower() in words(book, "revival_verbs") or any(
            c.dep_ in ("prt", "advmod") and c.lower_ in words(book, "revival_particles")
            for c in pred.children
        )
        if revived:
            return [modality, Modality.HISTORICAL]
        return [Modality.HISTORICAL if modality is Modality.ASSERTED else modality]
    contrast = [
        list(g.subtree)
        for c in pred.children
        if c.dep_ == "prep" and c.lower_ in words(book, "contrast_words")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(_old(phrase, published, book, True) for phrase in contrast):
        return [modality, Modality.HISTORICAL]
    if modality is Modality.ASSERTED and any(
        _old(phrase, published, book, past) for phrase in _treaty_phrases(pred, book)
    ):
        return [Modality.HISTORICAL]
    return [modality]
