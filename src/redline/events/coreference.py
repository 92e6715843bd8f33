"""Coreference for the event coder: pronouns, "the two sides", "the treaty", "the visit",
"the veto" or "the statement", the date "during the visit", a treaty's other party, and the
counterpart of an event whose clause names none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from redline.actors.mentions import Mention
from redline.actors.resolve import successor
from redline.events.arguments import possessor_subject
from redline.events.clauses import TREATY_NOUNS
from redline.events.modality import clause_path
from redline.models import Actor, Event, EventDate, Modality

if TYPE_CHECKING:
    from redline.events.coder import CodingContext

VISIT_NOUNS = {"visit", "trip", "tour", "summit"}
# Definite nouns that name an act reported earlier in the article ("regretted the veto",
# "condemned the move"): they refer to the doer of the latest act of these types (None: the
# latest act reported as having happened).
ACT_NOUNS: dict[str, tuple[str, ...] | None] = {
    "veto": ("REJECT",),
    "refusal": ("REJECT",),
    "rejection": ("REJECT",),
    "deployment": ("MOBILIZE", "AID"),
    "dispatch": ("AID", "MOBILIZE"),
    "signing": ("AGREE",),
    "move": None,
    "step": None,
    "decision": None,
}
RATIFYING = {"ratification"}
# "condemned the statement": the one whose statement the article last reported.
SPEECH_NOUNS = {"statement", "remarks", "announcement", "comments", "declaration"}
DEFINITE = {"the", "this", "that", "these", "those"}
HAPPENED = {Modality.ASSERTED, Modality.HISTORICAL}


class Coreference:
    """Mixin of the sentence coder that resolves what a phrase refers back to.

    It relies on the coder's mentions, their token index, the treaty pairs and event history
    of the document so far, and on its `actor`, `_resolve` and `_last` methods."""

    ctx: CodingContext
    mentions: list[Mention]
    by_token: dict[int, Mention]
    treaty_pairs: list[tuple[Actor, Actor]]
    history: list[Event]

    def actor(self, heads: Sequence[Any], day: date) -> list[Actor]:
        raise NotImplementedError

    def _resolve(self, found: Sequence[Mention], day: date, text: str = "") -> Actor | None:
        raise NotImplementedError

    def _during_visit(self, token: Any) -> EventDate | None:
        """ "during the visit" dates an event to the visit reported earlier."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "during"):
            if any(g.lemma_.lower() in VISIT_NOUNS for g in prep.children):
                visit = self._last(("CONSULT",))
                if visit is not None and visit.date.expression:
                    return EventDate(visit.date.value, visit.date.precision, "during the visit")
        return None

    def _treaty_partner(self, party: Actor, day: date) -> Actor | None:
        """The other party of the latest treaty reported with `party`."""
        for pair in reversed(self.treaty_pairs):
            sides = [successor(a, self.ctx.tables, day) for a in pair]
            countries = [a.country for a in sides]
            if party.country in countries:
                return sides[1 - countries.index(party.country)]
        return None

    def _last(self, types: tuple[str, ...]) -> Event | None:
        """The latest event of the document so far with one of `types`."""
        return next((e for e in reversed(self.history) if e.type in types), None)

    def _governing_subject(self, token: Any, other: Actor, day: date) -> Actor | None:
        """The actor of the nearest clause above `token` whose subject names another state."""
        for governor in clause_path(token)[1:]:
            subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
            for actor in self.actor(subjects[:1], day):
                if actor.country and actor.country != other.country:
                    return actor
        return None

    def _treaty_side(self, token: Any, sources: list[Actor], day: date) -> list[Actor]:
        """ "Rudenko rejected suggestions that the document threatened South Korea": a treaty
        acting in a clause someone speaks about stands for the speaker's side of it."""
        speaker = self._governing_subject(token, Actor(code="", country=None), day)
        side = [s for s in sources if speaker is not None and s.country == speaker.country]
        return side or sources

    def _fallback_target(
        self,
        token: Any,
        sentence: Any,
        source: Actor,
        day: date,
        skip: set[int],
        placed: bool = False,
    ) -> list[Actor]:
        """No recipient in the clause: the nearest other state named in the trigger's
        clause, else later in the sentence ("dismissed reports of troops in Russia"), else
        earlier in it; never a name inside the source's own phrase (`skip`: in "US and
        British activists staged a protest" the British are a source, not the target). With
        `placed`, a place names its state too ("exercises in Alaska" are aimed at the USA)."""
        subtree = sorted(t.i for t in token.subtree if t.i not in skip)
        later = [i for i in range(token.i + 1, sentence.end) if i not in subtree and i not in skip]
        # Last, the states named earlier in the sentence, nearest first ("Russia will seek
        # shells from the North, while Pyongyang will want help").
        earlier = [
            i
            for i in range(token.i - 1, sentence.start - 1, -1)
            if i not in subtree and i not in skip
        ]
        for i in subtree + later + earlier:
            mention = self.by_token.get(i)
            kinds = {"country", "person", "institution"} | ({"place"} if placed else set())
            if mention is None or not mention.kinds() & kinds:
                continue
            actor = self._resolve([mention], day, mention.text)
            if actor is not None and actor.country and actor.country != source.country:
                return [actor]
        return []

    def _refer_back(self, head: Any, day: date) -> list[Actor]:
        """Resolve "he"/"she" and "the two leaders/sides" to the latest mentions before."""
        lemma = head.lemma_.lower()
        if lemma in VISIT_NOUNS:
            visit = self._last(("CONSULT",))
            return [visit.source] if visit else []
        if lemma in RATIFYING and self.treaty_pairs:
            # "due to vote on ratification": of the treaty the article reported last.
            return [successor(a, self.ctx.tables, day) for a in self.treaty_pairs[-1]]
        if lemma in TREATY_NOUNS:
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
            if not self.treaty_pairs or indefinite:
                return []
            return [successor(a, self.ctx.tables, day) for a in self.treaty_pairs[-1]]
        if lemma in ACT_NOUNS or lemma in SPEECH_NOUNS:
            return self._act_referent(head)
        owner = possessor_subject(head)
        if owner is not None:
            return self.actor([owner], day)
        earlier = [
            m for m in self.mentions if m.end <= head.i and m.kinds() & {"person", "country"}
        ]
        if head.lower_ in ("it", "they") and head.dep_ in ("nsubj", "nsubjpass"):
            # "Iran rejected claims that it had shipped...": the subject of the clause above.
            node = head.head
            for _ in range(4):
                if node.head.i == node.i:
                    break
                node = node.head
                subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects and subjects[0].i != head.i:
                    return self.actor(subjects[:1], day)
            return []
        if head.lower_ in ("he", "she"):
            people = [m for m in earlier if "person" in m.kinds()]
            resolved = self._resolve(people[-1:], day, head.text) if people else None
            return [resolved] if resolved else []
        pair = any(c.lower_ in ("two", "both") for c in head.children) or head.lower_ == "both"
        if not pair or head.tag_ not in ("NNS", "NNPS", "DT"):
            return []
        distinct: list[Actor] = []
        if head.lower_ in ("leaders", "presidents"):
            earlier = [m for m in earlier if "person" in m.kinds()] or earlier
        for mention in reversed(earlier):
            resolved = self._resolve([mention], day)
            if resolved is not None and resolved.country not in {a.country for a in distinct}:
                distinct.append(resolved)
            if len(distinct) == 2:
                return distinct[::-1]
        return []

    def _act_referent(self, head: Any) -> list[Actor]:
        """ "the veto", "the move", "the statement": whoever did or said it, earlier in the
        article (nothing for an indefinite "a statement", which is new)."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return []
        lemma = head.lemma_.lower()
        if lemma in SPEECH_NOUNS:
            return self._last_speaker()
        types = ACT_NOUNS[lemma]
        for event in reversed(self.history):
            if (event.type in types) if types else (event.modality in HAPPENED):
                return [event.source]
        return []

    def _last_speaker(self) -> list[Actor]:
        """The actor the latest attributed event of the article was attributed to; when the
        speaker is no actor ("the commission said"), the doer of what it reported."""
        actors = [a for e in reversed(self.history) for a in (e.source, e.target) if a]
        for event in reversed(self.history):
            said = event.attribution
            if not said:
                continue
            if not said.isupper():  # an unresolved speaker reports its own side's act
                return [event.source]
            same = [a for a in actors if a.code == said]
            kin = [a for a in actors if a.country and said.startswith(a.country)]
            return (same or kin)[:1]
        return []
