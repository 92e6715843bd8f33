"""Find actor mentions in a parsed document with one phrase matcher over every alias."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from redline.actors.tables import ActorTables, AliasTarget

# Proper-name aliases must be written with a capital in the text ("US", not "us").
_LEADING_ARTICLES = {"the", "a", "an"}


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


class MentionFinder:
    """Matches every alias of the actor tables (case-insensitively) in a spaCy Doc."""

    def __init__(self, nlp: Any, tables: ActorTables) -> None:
        self.tables = tables
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        aliases = list(tables.aliases)
        self._labels: dict[int, str] = {}
        for alias, pattern in zip(aliases, nlp.tokenizer.pipe(aliases), strict=True):
            self.matcher.add(alias, [pattern])
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
        return mentions

    @staticmethod
    def _plausible(span: Any, targets: list[AliasTarget]) -> list[AliasTarget]:
        words = [t for t in span if t.lower_ not in _LEADING_ARTICLES] or list(span)
        capitalised = words[0].text[:1].isupper() or words[0].text[:1].isdigit()
        return [t for t in targets if t.kind == "agent" or capitalised]
