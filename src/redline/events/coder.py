"""Code the events of a parsed document: triggers, actors, modality, date, evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from redline.actors.mentions import Mention
from redline.actors.resolve import resolve_mentions
from redline.actors.tables import ActorTables
from redline.events.arguments import noun_arguments, phrase_tokens, verb_arguments
from redline.events.contexts import ContextKeywords
from redline.events.dating import date_phrases, event_date, is_historical
from redline.events.lexicon import Lexicon
from redline.events.modality import _clause_path, read_modality
from redline.events.triggers import Match, find_triggers
from redline.models import Actor, Document, Event, Evidence, Modality
from redline.ontology.plover import Ontology


@dataclass
class CodingContext:
    """What the coder needs besides the parse: tables, lexicon, ontology, the document."""

    tables: ActorTables
    lexicon: Lexicon
    ontology: Ontology
    contexts: ContextKeywords
    document: Document


class SentenceCoder:
    """Codes the events of one sentence given the document's actor mentions."""

    def __init__(self, ctx: CodingContext, mentions: Sequence[Mention]) -> None:
        self.ctx = ctx
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self.by_token[i] = mention
        self.published = ctx.document.published_at.date()
        self.anchor: date | None = None

    def actor(self, heads: Sequence[Any], day: date) -> list[Actor]:
        """Actors named by the phrases headed by `heads` (one per phrase)."""
        actors = []
        for head in heads:
            tokens = phrase_tokens(head)
            found: list[Mention] = []
            for token in tokens:
                mention = self.by_token.get(token.i)
                if mention is not None and mention not in found:
                    found.append(mention)
            text = head.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text
            resolved = resolve_mentions(
                found, self.ctx.tables, day, self.ctx.document.source_country, text
            )
            if resolved is not None:
                actors.append(resolved)
        return actors

    def code(self, sentence: Any, index: int) -> list[Event]:
        """All events of `sentence` (index = its position in the document)."""
        matches = find_triggers(sentence, self.ctx.lexicon)
        trigger_ids = {m.token.i for m in matches}
        phrases = date_phrases(sentence, trigger_ids)
        events: list[Event] = []
        covered: set[int] = set()
        for match in matches:
            if match.nominal and match.token.i in covered:
                continue
            events.extend(self._code_match(match, sentence, index, phrases))
            if not match.nominal:
                args = verb_arguments(match.token)
                for head in (*args.sources, *args.targets):
                    covered.update(t.i for t in phrase_tokens(head))
                if match.object_token is not None:
                    covered.add(match.object_token.i)
                covered.update(c.i for c in match.token.children if c.dep_ == "dobj")
        return events

    def _code_match(self, match: Match, sentence: Any, index: int, phrases: Any) -> list[Event]:
        token = match.token
        args = noun_arguments(token) if match.nominal else verb_arguments(token)
        reading = read_modality(token)
        when = event_date(
            token, _clause_path(token), phrases, self.published, reading.modality, self.anchor
        )
        day = when.value or self.published
        sources = self.actor(args.sources, day)
        targets = self.actor(args.targets, day)
        if not sources:
            return []
        if not targets and len(sources) > 1:
            sources, targets = sources[:1], sources[1:2]
        modality = reading.modality
        if modality is Modality.ASSERTED and is_historical(when, self.published):
            modality = Modality.HISTORICAL
        if when.expression:
            self.anchor = when.value
        speaker = self.actor([reading.speaker], day) if reading.speaker is not None else []
        attribution = (
            (speaker[0].code if speaker else reading.speaker.text)
            if (reading.speaker is not None)
            else None
        )
        entry = match.entry
        contexts = self.ctx.contexts.for_sentence(sentence, entry.contexts)
        evidence = Evidence(
            doc_id=self.ctx.document.id,
            sentence=index,
            start=sentence.start_char,
            end=sentence.end_char,
            text=sentence.text,
            trigger_start=token.idx,
            trigger_end=token.idx + len(token.text),
        )
        events = []
        recipients: list[Actor | None] = list(targets) or [None]
        for source in sources:
            for target in recipients:
                if target is not None and target.code == source.code:
                    continue
                events.append(
                    Event(
                        type=entry.type,
                        mode=entry.mode,
                        contexts=contexts,
                        source=source,
                        target=target,
                        modality=modality,
                        evidence=evidence,
                        date=when,
                        attribution=attribution,
                        intensity=self.ctx.ontology.score(entry.type, entry.mode),
                        cameo=entry.cameo,
                        confidence=0.8 if match.nominal else 0.9,
                        trigger=token.text,
                    )
                )
        return events


def code_document(ctx: CodingContext, parsed: Any, mentions: Sequence[Mention]) -> list[Event]:
    """Every event in a parsed document, sentence by sentence."""
    coder = SentenceCoder(ctx, mentions)
    events: list[Event] = []
    for index, sentence in enumerate(parsed.sents):
        events.extend(coder.code(sentence, index))
    return events
