"""Code the provisions that a news report says a treaty has (or lacks, or may get).

The same sentence rules as for treaty text find the provisions; the spaCy parse then gives
each its modality (treaties.modality). Attributes are only those the sentence states: a
DEFENSE clause reported without immediacy or discretion wording has `automatic` None.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from redline.nlp.model import load_model
from redline.treaties.attributes import OFFENSE_CONDITIONS, automatic, conditions
from redline.treaties.cues import CueBook, packaged_cue_book
from redline.treaties.history import provision_modalities
from redline.treaties.models import Provision, ProvisionType, Span
from redline.treaties.rules import Finding, detect
from redline.treaties.scan import SentenceCues
from redline.treaties.text import front_matter

_ARTICLE = re.compile(
    r"\bArticle\s+([0-9]+|[IVXLC]+)\b(?!\s+of\s+the\s+(?:UN\b|United\s+Nations|Charter))"
)


def code_report(
    text: str,
    published: date | None = None,
    *,
    nlp: Any = None,
    book: CueBook | None = None,
) -> list[Provision]:
    """Every provision the report's sentences mention, with its modality and evidence.

    `published` dates the report (front matter `date`, else today): a clause of a treaty
    signed well before it is historical.
    """
    book = book or packaged_cue_book()
    fields, start = front_matter(text)
    when = published or _front_date(fields) or date.today()
    # The named-entity recogniser is not needed here; skipping it halves the parse time.
    parsed = (nlp or load_model())(text[start:], disable=["ner"])
    provisions: list[Provision] = []
    for sentence in parsed.sents:
        found = code_sentence(text, sentence, start, when, book)
        if not found and provisions:
            # "The 2000 treaty dropped the clause": the clause named just before.
            found = code_sentence(text, sentence, start, when, book, provisions[-1].type)
        provisions.extend(found)
    return provisions


def _front_date(fields: dict[str, Any]) -> date | None:
    value = fields.get("date")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


_ANAPHOR = re.compile(
    r"\b(?:the|that|this|such an?|its)\s+(?:clause|provision|pledge|commitment)\b"
)


def code_sentence(
    text: str,
    sentence: Any,
    offset: int,
    published: date,
    book: CueBook,
    antecedent: ProvisionType | None = None,
) -> list[Provision]:
    """The provisions of one parsed sentence; offsets index `text` (the body starts at offset).

    With `antecedent`, a sentence with no cue of its own that refers back to "the clause"
    reports on a provision of that type.
    """
    cues = SentenceCues(sentence.text, book)
    base = offset + sentence.start_char
    evidence = Span(base, base + len(sentence.text), text[base : base + len(sentence.text)])
    article = _ARTICLE.search(sentence.text)
    found: list[Provision] = []
    seen: set[tuple[object, ...]] = set()
    findings = list(detect(cues, report=True))
    if antecedent is not None and not findings:
        match = _ANAPHOR.search(sentence.text)
        if match is None:
            return []
        findings = [Finding(antecedent, (match.start(), match.end()))]
    for finding in findings:
        span = sentence.doc.char_span(
            sentence.start_char + finding.anchor[0],
            sentence.start_char + finding.anchor[1],
            alignment_mode="expand",
        )
        if span is None:
            continue
        for modality in provision_modalities(span.root, finding.type, published, book):
            provision = replace(
                _attributes(finding, cues, evidence, article.group(1) if article else None),
                modality=modality,
            )
            key = (provision.type, provision.domain, provision.modality)
            if key not in seen:
                seen.add(key)
                found.append(provision)
    return found


def _attributes(
    finding: Finding, cues: SentenceCues, evidence: Span, article: str | None
) -> Provision:
    kind = finding.type
    if kind is ProvisionType.DEFENSE:
        return Provision(
            kind, article, evidence,
            automatic=automatic([cues], [], report=True), conditions=conditions([cues]),
        )  # fmt: skip
    if kind is ProvisionType.OFFENSE:
        kept = tuple(c for c in conditions([cues]) if c in OFFENSE_CONDITIONS)
        return Provision(kind, article, evidence, conditions=kept)
    if kind is ProvisionType.CONSULTATION:
        return Provision(kind, article, evidence, crisis=cues.has("threat"))
    return Provision(kind, article, evidence, domain=finding.domain)
