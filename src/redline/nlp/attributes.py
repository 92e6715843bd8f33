"""A faster matcher for the model's attribute ruler, with the same matches.

The small English model maps fine-grained tags to POS, morphology and a few lemmas with an
`AttributeRuler` of about 180 short patterns. spaCy runs them through its general `Matcher`,
which costs about as much as the parser on this model. Every pattern is one or two tokens
tested on TAG, LOWER, DEP or IS_SPACE, so the candidates of a token can be looked up by its
tag and lower-case form instead. The ruler keeps applying the matches itself; only `match` is
replaced, and any pattern feature not understood here leaves the ruler as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

# A token is seen through these four attributes only; its matches are a function of them.
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]


class Unsupported(ValueError):
    """A pattern uses a feature this matcher does not implement."""


def _test(attr: str, spec: object) -> Test:
    """One predicate of a token pattern, as a function of the token's features."""
    if attr not in _FIELDS:
        raise Unsupported(f"attribute {attr}")
    field = _FIELDS.index(attr)
    if isinstance(spec, dict):
        if len(spec) != 1:
            raise Unsupported(f"{attr}: {spec}")
        ((op, value),) = spec.items()
        if op == "IN":
            allowed = frozenset(value)
            return lambda f: f[field] in allowed
        if op == "NOT_IN":
            banned = frozenset(value)
            return lambda f: f[field] not in banned
        if op == "REGEX":
            pattern = re.compile(value)
            return lambda f: bool(pattern.search(str(f[field])))
        raise Unsupported(f"{attr}: operator {op}")
    if isinstance(spec, (str, bool)):
        return lambda f: f[field] == spec
    raise Unsupported(f"{attr}: {spec!r}")


@dataclass(frozen=True)
class _Pattern:
    """One alternative of one ruler entry: a test per consecutive token."""

    key: int  # the entry's position in the ruler: later entries win
    match_id: int
    tokens: tuple[Test, ...]


def _all(tests: list[Test]) -> Test:
    return lambda f: all(test(f) for test in tests)


class FastAttributeMatcher:
    """Finds the attribute ruler's matches; a token's single-token matches are cached by its
    (tag, lower, dep, is_space), so most tokens cost one dictionary look-up."""

    def __init__(self, ruler: Any) -> None:
        self.original: Callable[[Any], list[tuple[int, int, int, int]]] = ruler.match
        self.strings = ruler.vocab.strings
        self.by_tag: dict[str, list[_Pattern]] = {}
        self.by_lower: dict[str, list[_Pattern]] = {}
        self.anywhere: list[_Pattern] = []
        for key, entry in enumerate(ruler.patterns):
            match_id = self.strings[str(key)]
            for alternative in entry["patterns"]:
                if not alternative:
                    raise Unsupported("empty pattern")
                tests = tuple(
                    _all([_test(attr, spec) for attr, spec in token.items()])
                    for token in alternative
                )
                self._index(alternative[0], _Pattern(key, match_id, tests))
        self._cache: dict[tuple[int, ...], tuple[list[_Pattern], list[_Pattern]]] = {}

    def _index(self, first: dict[str, Any], pattern: _Pattern) -> None:
        """File a pattern under the tag or form its first token requires, if any."""
        tag, lower = first.get("TAG"), first.get("LOWER")
        if isinstance(tag, str):
            self.by_tag.setdefault(tag, []).append(pattern)
        elif isinstance(tag, dict) and set(tag) == {"IN"}:
            for value in tag["IN"]:
                self.by_tag.setdefault(value, []).append(pattern)
        elif isinstance(lower, str):
            self.by_lower.setdefault(lower, []).append(pattern)
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            for value in lower["IN"]:
                self.by_lower.setdefault(value, []).append(pattern)
        else:
            self.anywhere.append(pattern)

    def _first(self, row: tuple[int, ...]) -> tuple[list[_Pattern], list[_Pattern]]:
        """Patterns whose first token accepts these features: (one-token, longer)."""
        found = self._cache.get(row)
        if found is None:
            features = self._features(row)
            candidates = (
                self.by_tag.get(features[0], [])
                + self.by_lower.get(features[1], [])
                + self.anywhere
            )
            hits = [p for p in candidates if p.tokens[0](features)]
            found = (
                [p for p in hits if len(p.tokens) == 1],
                [p for p in hits if len(p.tokens) > 1],
            )
            self._cache[row] = found
        return found

    def _features(self, row: tuple[int, ...]) -> Features:
        tag, lower, dep, space = row
        return (self.strings[tag], self.strings[lower], self.strings[dep], bool(space))

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler's matches as `(entry, match id, start, end)`, in the order it applies them."""
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return self.original(doc)  # missing annotation: the Matcher's own rules apply
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        found: set[tuple[int, int, int, int]] = set()
        n = len(rows)
        for start, row in enumerate(rows):
            single, longer = self._first(row)
            for pattern in single:
                found.add((pattern.key, pattern.match_id, start, start + 1))
            for pattern in longer:
                end = start + len(pattern.tokens)
                if end <= n and all(
                    test(self._features(rows[i]))
                    for i, test in zip(range(start + 1, end), pattern.tokens[1:], strict=True)
                ):
                    found.add((pattern.key, pattern.match_id, start, end))
        return sorted(found)


def install(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the fast matcher; False if it has none or cannot."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        fast = FastAttributeMatcher(ruler)
    except Unsupported:
        return False
    ruler.match = fast.match
    return True
