"""The modality of a provision reported in news, built on events.modality.read_modality.

(Historical readings are added by treaties.history.)

A provision is not an event, so read_modality's answer is adjusted (here, not in events/):
- the clause a provision sits in is climbed to the verb that states it, and from content to
  commitment ("pledged not to attack" is an asserted pledge, not a negated attack);
- an if-clause that triggers the obligation ("help if attacked") is part of the provision,
  while a provision inside an if-clause ("would respond if Russia handed ...") is hypothetical
  and dropped;
- "will"/"shall" state an obligation, so scheduled reads as asserted;
- absence verbs ("dropped", "leaves out"), "nothing"/"nor" subjects make it negated;
- a clause tied to an old treaty ("of the 1961 treaty", "under the Triple Alliance of 1882")
  is historical, and reviving it ("revives", "bring back") reports both the new and the old.
"""

from __future__ import annotations

from typing import Any

from redline.events.modality import read_modality
from redline.models import Modality
from redline.treaties.cues import CueBook
from redline.treaties.models import ProvisionType

NEGATIVE_OBLIGATIONS = frozenset({ProvisionType.NONAGGRESSION, ProvisionType.NEUTRALITY})
_STOP_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "parataxis", "relcl", "csubj", "advcl"})
_CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})


def _to(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def clause_predicate(anchor: Any) -> Any:
    """The verb whose clause states the provision (noun phrases, gerunds and infinitives
    attached to a noun are climbed: "any obligation to intervene" -> the verb governing it)."""
    token = anchor
    for _ in range(16):
        verbal = token.pos_ in ("VERB", "AUX")
        infinitive = token.dep_ in ("advcl", "relcl") and _to(token)  # "measures to bolster"
        finite = token.dep_ == "acl" and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        )
        if verbal and (token.dep_ in _STOP_DEPS or finite) and not infinitive:
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return token


def commitment(pred: Any, book: CueBook) -> Any | None:
    """The verb committing to `pred`'s content ("agreed that each would stay neutral")."""
    token = pred
    for _ in range(4):
        if token.head.i == token.i or token.dep_ not in _CLIMB_DEPS:
            return None
        if token.dep_ == "advcl" and not _to(token):
            return None  # an adverbial clause is a circumstance, not the content
        head = token.head
        lemma = head.lemma_.lower()
        directive = token.dep_ == "xcomp" and lemma in words(book, "directive_governors")
        if head.pos_ in ("VERB", "AUX") and (
            lemma in words(book, "content_governors") or directive
        ):
            return head
        if token.dep_ == "xcomp" and head.lemma_ == "be" and _to(token):
            return head  # "the other is to give it help"
        token = head
    return None


def words(book: CueBook, name: str) -> frozenset[str]:
    """A word list of the cue book (empty when absent)."""
    return book.words.get(name, frozenset())


def _hypothetical(pred: Any, marks: frozenset[str]) -> bool:
    """True when the provision's clause sits inside an if/unless clause."""
    token = pred
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _absence(pred: Any, book: CueBook) -> bool:
    """Negation that read_modality does not see: absence verbs, "nothing", "nor"."""
    if pred.lemma_.lower() in words(book, "negating_verbs"):
        return True
    for child in pred.children:
        if child.dep_ == "prt" and child.lower_ in words(book, "negating_particles"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in words(
            book, "negative_subjects"
        ):
            return True
        if child.lower_ == "nor" and child.i < pred.i:
            return True
    return bool(pred.sent[0].lower_ == "nor")


def _idiom(pred: Any, book: CueBook) -> bool:
    """ "lose no time in contacting" is not a negation of the contact."""
    pairs = {tuple(p.split()) for p in words(book, "negation_idioms")}
    return any(
        (pred.lemma_.lower(), c.lemma_.lower()) in pairs for c in pred.children if c.dep_ == "dobj"
    )


def _own_modal(pred: Any) -> str | None:
    return next((c.lower_ for c in pred.children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def _backshifted(pred: Any, cue: str, book: CueBook) -> bool:
    """ "states that it would act": a reported commitment's "would" is its "will"."""
    token = pred
    for _ in range(8):
        if cue.lower() == "would" and any(
            c.dep_ == "aux" and c.lower_ == "would" for c in token.children
        ):
            head = token.head
            return token.dep_ == "ccomp" and head.lemma_.lower() in words(book, "content_governors")
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def base_modality(anchor: Any, kind: ProvisionType, book: CueBook) -> tuple[Modality | None, Any]:
    """The modality of the provision's statement (None: hypothetical), and the verb read."""
    first = pred = clause_predicate(anchor)
    if _hypothetical(first, words(book, "hypothetical_marks")):
        return None, first
    for _ in range(4):
        governor = commitment(pred, book)
        if governor is None:
            break
        pred = governor
    reading = read_modality(pred)
    modality = reading.modality
    if modality is Modality.DENIED:
        return modality, pred
    if _hypothetical(pred, words(book, "hypothetical_marks")):
        return None, pred
    own_clause = pred is first
    if _absence(pred, book):
        return Modality.NEGATED, pred
    if modality is Modality.NEGATED:
        if _idiom(pred, book) or (own_clause and kind in NEGATIVE_OBLIGATIONS):
            modality = Modality.ASSERTED  # the negation is the obligation's own content
        else:
            return modality, pred
    if any(
        c.dep_ == "mark" and c.lower_ in words(book, "open_question_marks") for c in pred.children
    ):
        return Modality.SPECULATED, pred
    own = _own_modal(pred)
    if modality is Modality.CONDITIONAL:  # the if-clause is the obligation's trigger
        modality = Modality.SPECULATED if own in ("may", "might", "could") else Modality.ASSERTED
    if modality is Modality.SPECULATED:
        prohibition = own == "may" and kind in NEGATIVE_OBLIGATIONS
        inherited = own in ("will", "shall", "must") and reading.cue.lower() != own
        presupposed = pred.lemma_.lower() in words(book, "presupposing_verbs")
        if prohibition or inherited or presupposed or _backshifted(pred, reading.cue, book):
            modality = Modality.ASSERTED
    if modality is Modality.SCHEDULED:
        modality = Modality.ASSERTED  # "each will come to the other's aid" states the obligation
    return modality, pred
