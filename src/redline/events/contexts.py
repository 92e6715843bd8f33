"""PLOVER contexts suggested by words in the sentence ("missile" -> military)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass
class ContextKeywords:
    """Lemma -> contexts, read from data/lexicon/contexts.tsv."""

    by_lemma: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def for_sentence(self, sentence: Any, base: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The trigger's own contexts followed by those the sentence's words add."""
        found = list(base)
        for token in sentence:
            for context in self.by_lemma.get(token.lemma_.lower(), ()):
                if context not in found:
                    found.append(context)
        return tuple(found)


def load_contexts(path: Path | None = None) -> ContextKeywords:
    """Read a contexts keyword table (lemma, contexts separated by |)."""
    path = path or Path(str(resources.files("redline").joinpath("data/lexicon/contexts.tsv")))
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    table = ContextKeywords()
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        table.by_lemma[row["lemma"].strip().lower()] = tuple(
            c.strip() for c in row["contexts"].split("|") if c.strip()
        )
    return table


@lru_cache(maxsize=1)
def packaged_contexts() -> ContextKeywords:
    """The packaged context keywords, loaded once per process."""
    return load_contexts()
