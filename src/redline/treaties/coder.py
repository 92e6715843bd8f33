"""Code a treaty text article by article: sentences -> findings -> one provision per obligation.

Within an article: every DEFENSE sentence makes one DEFENSE provision whose conditions and
discretion are read from those sentences and from the article's sentences that create nothing
else (NATO Art. 5's reporting paragraph, Rio Art. 3's scope paragraph). A general consultation
in the same paragraph as a crisis consultation is part of it. A reservation that limits another
article's undertaking ("its undertaking under Article IV ... to extend to communist aggression
only") repeats that article's DEFENSE with the added conditions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from redline.models import Modality
from redline.treaties.attributes import (
    OFFENSE_CONDITIONS,
    automatic,
    canonical,
    conditions,
    crisis,
)
from redline.treaties.cues import CueBook, packaged_cue_book
from redline.treaties.lifecycle import treaty_facts
from redline.treaties.models import Article, Provision, ProvisionType, Span, Treaty
from redline.treaties.rules import Finding, detect
from redline.treaties.scan import SentenceCues
from redline.treaties.text import Section, Sentence, front_matter, split_sections

_ARTICLE_REF = re.compile(
    r"\bArticle\s+([0-9]+|[IVXLC]+)\b(?!\s+of\s+the\s+(?:UN\b|United|Charter))"
)


@dataclass(frozen=True, slots=True)
class Analysed:
    """A sentence with its cues and findings."""

    sentence: Sentence
    cues: SentenceCues
    findings: tuple[Finding, ...]


def code_treaty(
    text: str, *, as_of: date | None = None, book: CueBook | None = None, title: str = ""
) -> Treaty:
    """Code every article of a treaty text (front matter optional).

    Provisions are asserted by the text itself; with `as_of` after the treaty's end date they
    are historical.
    """
    book = book or packaged_cue_book()
    fields, body_start = front_matter(text)
    sections = split_sections(text, body_start)
    headed = [s for s in sections if s.heading] or sections
    provisions: list[Provision] = []
    by_article: dict[str | None, list[Provision]] = {}
    for section in headed:
        coded = code_section(text, section, book)
        by_article[section.number] = coded
        provisions.extend(coded)
    provisions.extend(_reservations(text, headed, by_article, book))
    facts = treaty_facts(fields, title)
    if as_of is not None and facts.ended is not None and as_of > facts.ended:
        provisions = [replace(p, modality=Modality.HISTORICAL) for p in provisions]
    articles = tuple(Article(s.number, s.heading, s.start, s.end) for s in headed)
    return replace(facts, provisions=tuple(_ordered(provisions, headed)), articles=articles)


def code_section(text: str, section: Section, book: CueBook) -> list[Provision]:
    """The provisions of one article."""
    analysed = [
        Analysed(s, cues, tuple(detect(cues)))
        for s in section.sentences
        for cues in [SentenceCues(s.text, book)]
    ]
    quiet = [a.cues for a in analysed if not a.findings]
    provisions: list[Provision] = []
    defence = [a for a in analysed if _has(a, ProvisionType.DEFENSE)]
    if defence:
        provisions.append(_defense(text, section.number, defence, quiet))
    for item in analysed:
        for finding in item.findings:
            provision = _provision(text, section.number, item, finding, analysed)
            if provision is not None:
                provisions.append(provision)
    return _merged(provisions, analysed)


def _has(item: Analysed, kind: ProvisionType) -> bool:
    return any(f.type is kind for f in item.findings)


def _span(text: str, first: Sentence, last: Sentence | None = None) -> Span:
    end = (last or first).end
    return Span(first.start, end, text[first.start : end])


def _defense(
    text: str, number: str | None, own: list[Analysed], quiet: list[SentenceCues]
) -> Provision:
    cues = [a.cues for a in own]
    return Provision(
        type=ProvisionType.DEFENSE,
        article=number,
        evidence=_span(text, own[0].sentence, own[-1].sentence),
        automatic=automatic(cues, quiet, report=False),
        conditions=conditions([*cues, *quiet]),
    )


def _provision(
    text: str, number: str | None, item: Analysed, finding: Finding, analysed: list[Analysed]
) -> Provision | None:
    kind = finding.type
    if kind is ProvisionType.DEFENSE:
        return None  # one per article, built from all its sentences
    evidence = _span(text, item.sentence)
    if kind is ProvisionType.CONSULTATION:
        paragraph = [a.cues for a in analysed if a.sentence.paragraph == item.sentence.paragraph]
        is_crisis = crisis(item.cues, paragraph)
        if finding.precondition and not is_crisis:
            return None  # "after consulting" as a step of another act
        return Provision(kind, number, evidence, crisis=is_crisis)
    if kind is ProvisionType.OFFENSE:
        kept = tuple(c for c in conditions([item.cues]) if c in OFFENSE_CONDITIONS)
        return Provision(kind, number, evidence, conditions=kept)
    return Provision(kind, number, evidence, domain=finding.domain)


def _merged(provisions: list[Provision], analysed: list[Analysed]) -> list[Provision]:
    """One provision per (type, domain, crisis); general consultation folds into crisis."""
    paragraph_of = {a.sentence.start: a.sentence.paragraph for a in analysed}
    crisis_paragraphs = {
        paragraph_of.get(p.evidence.start)
        for p in provisions
        if p.type is ProvisionType.CONSULTATION and p.crisis
    }
    kept: dict[tuple[ProvisionType, object, object], Provision] = {}
    for p in provisions:
        general = p.type is ProvisionType.CONSULTATION and not p.crisis
        if general and paragraph_of.get(p.evidence.start) in crisis_paragraphs:
            continue
        kept.setdefault((p.type, p.domain, p.crisis), p)
    return list(kept.values())


def _reservations(
    text: str,
    sections: Sequence[Section],
    by_article: dict[str | None, list[Provision]],
    book: CueBook,
) -> list[Provision]:
    """DEFENSE restated by a section that limits another article's undertaking."""
    added = []
    for section in sections:
        if any(p.type is ProvisionType.DEFENSE for p in by_article.get(section.number, [])):
            continue
        for sentence in section.sentences:
            cues = SentenceCues(sentence.text, book)
            refs = [m.group(1) for m in _ARTICLE_REF.finditer(sentence.text)]
            if not cues.has("reservation") or not refs:
                continue
            for ref in refs:
                base = [p for p in by_article.get(ref, []) if p.type is ProvisionType.DEFENSE]
                if base and ref != section.number:
                    merged = canonical({*base[0].conditions, *conditions([cues])})
                    added.append(
                        replace(base[0], article=section.number, conditions=merged,
                                evidence=_span(text, sentence))
                    )  # fmt: skip
                    break
    return added


def _ordered(provisions: list[Provision], sections: Sequence[Section]) -> list[Provision]:
    order = {s.number: i for i, s in enumerate(sections)}
    return sorted(provisions, key=lambda p: (order.get(p.article, 0), p.evidence.start))
