"""Where the cues of each category occur in one sentence (scanned lazily, cached per sentence)."""

from __future__ import annotations

import re

from redline.treaties.cues import CueBook

Hit = tuple[int, int]  # character offsets relative to the sentence

_WORD = re.compile(r"\S+")
_CLAUSE_START = re.compile(r"[,;:(]\s*|^")
# A cue followed by "provided for in Article III" names a provision made elsewhere; only
# provision cues are masked (a condition such as "the region set out in Article 4" still holds).
REFERENCE = "reference"
MASKED = frozenset(
    {
        "assistance", "defence_strong", "defence_nominal", "neutral", "alignment", "consult",
        "consult_institution", "economic", "sci_tech", "military_aid", "tech_transfer",
        "basing", "integrated_command", "recognition",
    }
)  # fmt: skip


class SentenceCues:
    """The cue hits of one sentence; categories are scanned on first use."""

    def __init__(self, text: str, book: CueBook) -> None:
        self.text = text
        self.book = book
        self._hits: dict[str, list[Hit]] = {}
        self._masked: list[Hit] | None = None

    def find(self, category: str) -> list[Hit]:
        """Hits of a category, left to right, outside cross-references."""
        if category not in self._hits:
            hits = [m.span() for m in self.book.regex(category).finditer(self.text)]
            if category in MASKED:
                masked = self.masked()
                hits = [h for h in hits if not any(a <= h[0] < b for a, b in masked)]
            self._hits[category] = hits
        return self._hits[category]

    def has(self, category: str) -> bool:
        """True when the category occurs in the sentence."""
        return bool(self.find(category))

    def first(self, category: str) -> Hit | None:
        """The leftmost hit of a category, if any."""
        hits = self.find(category)
        return hits[0] if hits else None

    def masked(self) -> list[Hit]:
        """Spans that only restate another article ("the measures provided for in Article III")."""
        if self._masked is None:
            self._masked = []
            for start, end in (m.span() for m in self.book.regex(REFERENCE).finditer(self.text)):
                starts = [m.end() for m in _CLAUSE_START.finditer(self.text[:start])]
                self._masked.append((starts[-1] if starts else 0, end))
        return self._masked

    def words_between(self, left: int, right: int) -> int:
        """How many words lie between two offsets (0 when adjacent or overlapping)."""
        if right <= left:
            return 0
        return len(_WORD.findall(self.text[left:right]))

    def preceded(self, category: str, hit: Hit, max_words: int) -> bool:
        """True when a hit of `category` ends before `hit` within `max_words` words."""
        return self.preceded_by(self.find(category), hit, max_words)

    def preceded_by(self, hits: list[Hit], hit: Hit, max_words: int) -> bool:
        """True when one of `hits` ends before `hit` within `max_words` words."""
        return any(
            end <= hit[0] and self.words_between(end, hit[0]) <= max_words for _, end in hits
        )

    def any_after(self, category: str, position: int) -> bool:
        """True when the category occurs at or after `position`."""
        return any(start >= position for start, _ in self.find(category))

    def overlaps(self, category: str, hit: Hit) -> bool:
        """True when a hit of `category` overlaps `hit`."""
        return any(start < hit[1] and hit[0] < end for start, end in self.find(category))

    def previous_word(self, position: int) -> str:
        """The word just before `position`, lower-cased ('' at the start)."""
        words = _WORD.findall(self.text[:position])
        return words[-1].lower().strip(",;:()") if words else ""
