"""Find actor mentions in a parsed document with one phrase matcher over every alias."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from redline.actors.tables import ActorTables, AliasTarget

# Proper-name aliases must be written with a capital in the text ("US", not "us").
_LEADING_ARTICLES = {"the", "a", "an"}
# Lowercase particles that may open a proper name in running text.
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "da", "di", "du"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of tokens naming one or more alias targets."""

    start: int
    end: int
    text: str
    targets: tuple[AliasTarget, ...]

    def kinds(self) -> set[str]:
        """The kinds of target this mention may name."""
        return {t.kind for t in self.targets}


def _case_variants(nlp: Any, alias: str, pattern: Any) -> list[Any]:
    """The alias tokenised as it is written in text, when that differs from its lowercase form.

    The tokenizer keeps abbreviations such as "U.S.", "U.N." or "St." whole only in their
    usual case: lowercase "u.n." splits into "u.n" and ".", which never matches the one token
    "U.N." of a text. The upper- and title-case spellings give the text's tokens."""
    if "." not in alias:
        return []
    seen = {tuple(t.lower_ for t in pattern)}
    variants = []
    for spelling in (alias.upper(), alias.title()):
        doc = nlp.tokenizer(spelling)
        key = tuple(t.lower_ for t in doc)
        if key not in seen:
            seen.add(key)
            variants.append(doc)
    return variants


class MentionFinder:
    """Matches every alias of the actor tables (case-insensitively) in a spaCy Doc."""

    def __init__(self, nlp: Any, tables: ActorTables) -> None:
        self.tables = tables
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        aliases = list(tables.aliases)
        self._labels: dict[int, str] = {}
        for alias, pattern in zip(aliases, nlp.tokenizer.pipe(aliases), strict=True):
            self.matcher.add(alias, [pattern, *_case_variants(nlp, alias, pattern)])
            self._labels[nlp.vocab.strings[alias]] = alias

    def find(self, doc: Any) -> list[Mention]:
        """Longest non-overlapping mentions, in document order."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self._labels[match_id]
            spans.append(span)
        mentions = []
        for span in filter_spans(spans):
            targets = tuple(self._plausible(span, self.tables.aliases[span.label_]))
            if targets:
                mentions.append(Mention(span.start, span.end, span.text, targets))
        return self._surnames(doc, mentions)

    @staticmethod
    def _surnames(doc: Any, mentions: list[Mention]) -> list[Mention]:
        """Later "Kim" or "Putin" alone refers to the person named in full earlier."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        people: dict[str, tuple[AliasTarget, ...]] = {}
        added: list[Mention] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            if "person" in mention.kinds() and mention.end - mention.start > 1:
                people.setdefault(doc[mention.start].text, mention.targets)
                people.setdefault(doc[mention.end - 1].text, mention.targets)
        if not people:
            return mentions
        first_seen: dict[str, int] = {}
        for mention in mentions:
            if "person" in mention.kinds():
                for token in doc[mention.start : mention.end]:
                    first_seen.setdefault(token.text, mention.start)
        for token in doc:
            targets = people.get(token.text)
            if (
                targets is not None
                and token.i not in covered
                and token.pos_ == "PROPN"
                and token.i > first_seen.get(token.text, token.i)
            ):
                added.append(Mention(token.i, token.i + 1, token.text, targets))
        return sorted(mentions + added, key=lambda m: m.start)

    @staticmethod
    def _plausible(span: Any, targets: list[AliasTarget]) -> list[AliasTarget]:
        words = [t for t in span if t.lower_ not in _LEADING_ARTICLES] or list(span)
        if len(words) > 1 and words[0].text in _NAME_PARTICLES:
            words = words[1:]  # "al-Qaeda", "bin Laden": a lowercase particle opens the name
        words = [w for w in words if w.text != "-"] or words
        capitalised = words[0].text[:1].isupper() or words[0].text[:1].isdigit()
        return [t for t in targets if t.kind == "agent" or capitalised]
