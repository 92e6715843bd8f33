"""Code the events of a parsed document: triggers, actors, modality, date, evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from redline.actors.mentions import Mention
from redline.actors.resolve import actor_code, predecessor, resolve_mentions
from redline.actors.tables import ActorTables
from redline.events.arguments import (
    noun_arguments,
    of_conjuncts,
    phrase_tokens,
    possessor_subject,
    prep_objects,
    subject_of,
    verb_arguments,
)
from redline.events.clauses import (
    TREATY_NOUNS,
    embedded_question,
    governs_trigger,
    mentions_treaty,
    pair_key,
)
from redline.events.constructions import (
    TREATY_TERMS,
    absorbed,
    agentless_lapse,
    announced_refusal,
    as_request,
    compared_only,
    conditional_threat,
    framing_verb,
    particle_targets,
    posed_danger,
    sought_receipt,
    treaty_commitment,
    treaty_parties,
)
from redline.events.contexts import ContextKeywords
from redline.events.coreference import Coreference
from redline.events.dating import date_phrases, event_date, is_historical, subject_date
from redline.events.demands import (
    DEMAND,
    demand_frame,
    demand_parties,
    issued_by,
    issues_statement,
    petitioned,
    reported_demand,
)
from redline.events.lexicon import Lexicon
from redline.events.modality import (
    clause_path,
    is_content,
    is_denial,
    read_modality,
)
from redline.events.triggers import Match, find_triggers
from redline.models import (
    Actor,
    DatePrecision,
    Document,
    Event,
    Evidence,
    Modality,
)
from redline.ontology.plover import Ontology


@dataclass
class CodingContext:
    """What the coder needs besides the parse: tables, lexicon, ontology, the document."""

    tables: ActorTables
    lexicon: Lexicon
    ontology: Ontology
    contexts: ContextKeywords
    document: Document


# Types whose coordinated source modifiers name co-agents rather than the counterpart.
ONE_SIDED = {"PROTEST", "ACCUSE", "REQUEST"}
# Types whose place ("drills in Alaska") says which state they are aimed at.
PLACED = {"MOBILIZE"}


class SentenceCoder(Coreference):
    """Codes the events of one sentence given the document's actor mentions."""

    def __init__(self, ctx: CodingContext, mentions: Sequence[Mention]) -> None:
        self.ctx = ctx
        self.mentions = list(mentions)
        self.event_nouns = set(ctx.lexicon.nouns) | TREATY_NOUNS
        self.history: list[Event] = []
        self.treaty_pairs: list[tuple[Actor, Actor]] = []
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self.by_token[i] = mention
        self.published = ctx.document.published_at.date()
        self.anchor: date | None = None  # last day-precise date of an asserted event
        self.year_anchor: date | None = None  # last dated event of any kind

    def actor(self, heads: Sequence[Any], day: date) -> list[Actor]:
        """Actors named by the phrases headed by `heads` (one per phrase, two for "the two
        leaders"; pronouns and "the two sides" refer back to earlier mentions)."""
        actors: list[Actor] = []
        for head in heads:
            tokens = phrase_tokens(head)
            if head.i not in self.by_token and head.lemma_.lower() in self.event_nouns:
                # "signed the Soviet-North Korean treaty": the adjectives name the treaty.
                modifiers = {
                    t.i for c in head.children if c.dep_ in ("amod", "compound") for t in c.subtree
                }
                tokens = [t for t in tokens if t.i not in modifiers]
            found: list[Mention] = []
            for token in tokens:
                mention = self.by_token.get(token.i)
                if mention is not None and mention not in found:
                    found.append(mention)
            text = head.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text
            if not found:
                treaty = next((t for t in tokens if t.lemma_.lower() in TREATY_NOUNS), None)
                actors.extend(self._refer_back(treaty or head, day))
                continue
            resolved = self._resolve(found, day, text)
            owner = possessor_subject(head) if resolved is None else None
            if owner is not None:  # "its troops": the owner's state, the agent's sector
                sector = next((t.key for m in found for t in m.targets if t.kind == "agent"), None)
                resolved = next(
                    (
                        Actor(actor_code(o.country, sector, None), o.country, sector, None, text)
                        for o in self.actor([owner], day)
                        if o.country
                    ),
                    None,
                )
            if resolved is not None and head.lemma_.lower() in TREATY_NOUNS:
                # "the new treaty with North Korea": the pact's other party comes along.
                partner = self._treaty_partner(resolved, day)
                if partner is not None and partner not in actors:
                    actors.append(partner)
            if resolved is not None and resolved not in actors:
                actors.append(resolved)
            own = [self.by_token[head.i]] if head.i in self.by_token else []
            for conj in of_conjuncts(head) if head.i not in self.by_token or own else []:
                more = [self.by_token[t.i] for t in phrase_tokens(conj) if t.i in self.by_token]
                extra = self._resolve(list(dict.fromkeys(more)) + own, day, conj.text)
                if more and extra is not None and extra not in actors:
                    actors.append(extra)
        return actors

    def _resolve(self, found: Sequence[Mention], day: date, text: str = "") -> Actor | None:
        actor = resolve_mentions(
            found, self.ctx.tables, day, self.ctx.document.source_country, text
        )
        return predecessor(actor, day) if actor is not None else None

    def code(self, sentence: Any, index: int) -> list[Event]:
        """All events of `sentence` (index = its position in the document)."""
        matches = find_triggers(sentence, self.ctx.lexicon)
        threats = {
            t.token.i: t
            for token in sentence
            if (
                t := conditional_threat(token)
                or announced_refusal(token)
                or treaty_commitment(token)
                or reported_demand(token)
            )
            is not None
        }
        matches = [threats.pop(m.token.i, m) for m in matches] + list(threats.values())
        trigger_ids = {m.token.i for m in matches}
        phrases = date_phrases(sentence, trigger_ids)
        events: list[Event] = []
        covered: set[int] = set()
        for match in matches:
            if (match.nominal and match.token.i in covered) or compared_only(match):
                continue
            if (
                is_content(match.token)
                or governs_trigger(match.token, trigger_ids)
                or is_denial(match.token)
                or embedded_question(match.token)
                or petitioned(match.token)
                or issues_statement(match)
            ):
                continue  # content of another event, or a denial (it sets a modality instead)
            coded = [
                e
                for e in self._code_match(match, sentence, index, phrases)
                if pair_key(e) not in {pair_key(x) for x in events}
            ]
            events.extend(coded)
            self.history.extend(coded)
            if not match.nominal:
                args = verb_arguments(match.token)
                for head in (*args.sources, *args.targets):
                    covered.update(t.i for t in phrase_tokens(head))
                if match.object_token is not None:
                    covered.add(match.object_token.i)
                if match.entry.particle:  # "concerned about the cooperation": its topic
                    for obj in prep_objects(match.token, {match.entry.particle}):
                        covered.update(t.i for t in obj.subtree)
                for child in match.token.children:
                    if child.dep_ in ("dobj", "nsubj", "nsubjpass", "dative"):
                        covered.update(t.i for t in child.subtree)
        return events

    def _code_match(self, match: Match, sentence: Any, index: int, phrases: Any) -> list[Event]:
        token = match.token
        if match.entry.type == "SANCTION" and agentless_lapse(token):
            return []
        args = noun_arguments(token) if match.nominal else verb_arguments(token)
        if match.entry is TREATY_TERMS:
            args = treaty_parties(token)
        request = sought_receipt(match)
        if request is not None:
            match, args = request, as_request(args)
        demanded = demand_frame(token) if match.entry is DEMAND else None
        if demanded is not None:  # "X said Y must V": X's demand, as hedged as X's saying
            args = demand_parties(token)
        reading = read_modality(demanded if demanded is not None else token)
        reading = replace(reading, modality=absorbed(match, reading.modality))
        when = event_date(
            token,
            clause_path(token),
            phrases,
            self.published,
            reading.modality,
            self.anchor,
            self.year_anchor,
        )
        if not when.expression and match.entry is TREATY_TERMS:
            # "the treaty signed on Wednesday obliges ...": the treaty's own date.
            subject = [c for c in token.children if c.dep_ == "nsubj"]
            when = subject_date(subject, phrases, self.published, self.anchor) or when
        if not when.expression:
            when = self._during_visit(token) or when
        day = when.value or self.published
        sources = self.actor(args.sources, day) or self.actor(issued_by(token), day)
        if reading.speaker is not None and posed_danger(token):
            sources = self.actor([reading.speaker], day) or sources
        frame = framing_verb(token) if match.nominal and match.entry.type == "CONSULT" else None
        if not sources and frame is not None and args.targets:
            sources = self.actor(subject_of(frame), day)  # "said after talks with Kim"
        target_heads = list(args.targets)
        if match.entry.particle and not match.nominal:
            target_heads += particle_targets(token, match.entry.particle)
        named = [t for t in self.actor(target_heads, day) if t not in sources]
        if demanded is not None and not named:
            return []  # "Russia said it must defend itself": no one else is asked
        if len(sources) > 1 and named and any(h.lemma_ in TREATY_NOUNS for h in args.sources):
            sources = self._treaty_side(token, sources, day)
        # Events inside one state ("Seoul convened its security council") are not coded.
        targets = (
            [t for t in named if t.country is None or t.country != sources[0].country]
            if (sources)
            else named
        )
        if named and not targets:
            return []
        if not targets and len(sources) > 1:
            sources, targets = sources[:1], sources[1:2]  # "Putin and Kim signed"
        if (
            not targets
            and len(sources) == 1
            and any(h.lemma_.lower() in TREATY_NOUNS for h in args.sources)
        ):
            # "Peskov denied that the new treaty with North Korea created ...": the party
            # speaking about the treaty is its other side.
            party = self._governing_subject(token, sources[0], day)
            if party is not None:
                sources, targets = [party], sources
        if not targets and sources:
            # In a one-sided act (a protest, an accusation, a request) the names modifying
            # the source's head ("US and British activists") are the source's own side, not
            # a counterpart; in a clash or joint drills ("Indian and Chinese troops") they are.
            own = {
                t.i
                for head in args.sources
                for c in head.children
                if c.dep_ in ("nmod", "amod", "compound", "poss") and match.entry.type in ONE_SIDED
                for t in c.subtree
            }
            placed = match.entry.type in PLACED
            targets = self._fallback_target(token, sentence, sources[0], day, own, placed)
        if not targets and match.entry.type == "CONSULT":
            return []  # a meeting with no counterpart ("held a security meeting")
        if (
            match.entry.type == "CONSULT"
            and sources
            and sources[0].sector == "MIL"
            and (sources[0].person is None)
        ):
            entry = replace(match.entry, type="AID", mode=None, contexts=("military",))
            match = replace(match, entry=entry)  # troops "arriving in" a country are sent there
        if not sources:
            # "The clause was not included in the 2000 treaty": the treaty names the parties.
            candidates = [c for c in token.children if c.dep_ == "nsubjpass"] + [
                g
                for c in token.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            treaty = [h for h in candidates if h.lemma_.lower() in TREATY_NOUNS]
            between = [t for h in treaty[:1] for t in prep_objects(h, {"between"})]
            sources = self.actor(between or treaty[:1], day)
            targets = sources[1:]
            sources = sources[:1]
        if not sources:
            return []
        if not targets and len(sources) > 1:
            sources, targets = sources[:1], sources[1:2]
        modality = reading.modality
        if modality is Modality.ASSERTED and is_historical(when, self.published):
            modality = Modality.HISTORICAL
        if (
            when.expression
            and when.precision is DatePrecision.DAY
            and modality in (Modality.ASSERTED,)
        ):
            self.anchor = when.value
        if when.expression and when.value is not None:
            self.year_anchor = when.value
        speaker = self.actor([reading.speaker], day) if reading.speaker is not None else []
        attribution = (
            (speaker[0].code if speaker else reading.speaker.text)
            if (reading.speaker is not None)
            else None
        )
        entry = match.entry
        contexts = self.ctx.contexts.for_sentence(sentence, entry.contexts)
        raw = sentence.text
        start = sentence.start_char + len(raw) - len(raw.lstrip())
        text = raw.strip()
        evidence = Evidence(
            doc_id=self.ctx.document.id,
            sentence=index,
            start=start,
            end=start + len(text),
            text=text,
            trigger_start=token.idx,
            trigger_end=token.idx + len(token.text),
        )
        other = [t for t in targets if t.country != sources[0].country]
        if other and mentions_treaty(token, args.sources + args.targets):
            self.treaty_pairs.append((sources[0], other[0]))
        events = []
        recipients: list[Actor | None] = list(targets) or [None]
        seen: set[tuple[str, str | None]] = set()  # one event per country pair
        for source in sources:
            for target in recipients:
                key = (source.country or source.code, target.country if target else None)
                if key in seen or (
                    target is not None
                    and (
                        target.code == source.code
                        or (target.country is not None and target.country == source.country)
                    )
                ):
                    continue  # redline codes relations between states, not within one
                seen.add(key)
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
