"""The cue lexicon (data/treaties/cues.yaml): loaded, validated and compiled once.

A cue is a phrase in a small pattern language, documented at the top of the YAML file:
words match case-insensitively, ``attack*`` is a word prefix, ``co-operat*`` lets the hyphen
be a space or nothing, ``(a|b c)`` is a choice, ``word?`` is optional, ``...`` (``...N``)
skips up to 4 (N) words, and ``re:`` starts a raw regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.errors import DataFileError

CUE_FILE = "data/treaties/cues.yaml"
_GAP = re.compile(r"\.\.\.(\d*)")


@dataclass(frozen=True, slots=True)
class CueBook:
    """Compiled cue categories (one regex each) and the report-modality word lists."""

    patterns: dict[str, re.Pattern[str]]
    words: dict[str, frozenset[str]]

    def regex(self, category: str) -> re.Pattern[str]:
        """The compiled pattern of a category."""
        return self.patterns[category]


def _split(pattern: str) -> list[str]:
    """Split on spaces outside parentheses."""
    tokens, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == " " and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if depth != 0:
        raise ValueError("unbalanced parentheses")
    return tokens + [current] if current else tokens


def _word(token: str) -> str:
    out = []
    for char in token:
        if char == "*":
            out.append(r"\w*")
        elif char == "-":
            out.append(r"[-\s]?")
        elif char in "'’":
            out.append("['’]")
        elif char == "(":
            out.append("(?:")
        elif char in ")|":
            out.append(char)
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def compile_cue(pattern: str) -> str:
    """Translate one cue phrase into a regular expression (raw ``re:`` cues pass through).

    Phrase cues come back without word boundaries; the category regex adds them."""
    if pattern.startswith("re:"):
        return pattern[3:].strip()
    tokens = _split(pattern.strip())
    if not tokens or _GAP.fullmatch(tokens[0]) or tokens[0].endswith("?"):
        raise ValueError("a cue must start with a required word")
    body = _word(tokens[0])
    for token in tokens[1:]:
        gap = _GAP.fullmatch(token)
        if gap:
            body += rf"(?:\s+\S+){{0,{int(gap.group(1) or 4)}}}?"
        elif token.endswith("?"):
            body += rf"(?:\s+{_word(token[:-1])})?"
        else:
            body += rf"\s+{_word(token)}"
    return body


def _category_regex(phrases: list[str], raws: list[str]) -> str:
    """One alternation per category; the word boundaries are factored out of the phrases,
    which keeps scanning fast (one look-behind per position, not one per cue)."""
    parts = []
    if phrases:
        parts.append(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w])")
    parts.extend(f"(?:{raw})" for raw in raws)
    return "|".join(parts)


def _compile(name: str, cues: Any) -> re.Pattern[str]:
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) for c in cues):
        raise DataFileError(f"cues.yaml: category {name!r} must be a non-empty list of strings")
    phrases: list[str] = []
    raws: list[str] = []
    for cue in cues:
        try:
            compiled = compile_cue(cue)
            re.compile(compiled)
        except (ValueError, re.error) as exc:
            raise DataFileError(f"cues.yaml: category {name!r}: bad cue {cue!r} ({exc})") from exc
        (raws if cue.startswith("re:") else phrases).append(compiled)
    return re.compile(_category_regex(phrases, raws), re.IGNORECASE)


def _words(name: str, values: Any) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise DataFileError(f"cues.yaml: word list {name!r} must be a list of strings")
    return frozenset(v.lower() for v in values)


def parse_cue_book(data: Any, required: frozenset[str] = frozenset()) -> CueBook:
    """Validate the loaded YAML mapping and compile it."""
    if not isinstance(data, dict) or not isinstance(data.get("cues"), dict):
        raise DataFileError("cues.yaml: expected a mapping with a 'cues' section")
    if "own work" not in str(data.get("source", "")).lower():
        raise DataFileError(
            "cues.yaml: 'source' must state that the lexicon is the project's own work"
        )
    patterns = {str(k): _compile(str(k), v) for k, v in data["cues"].items()}
    words = {str(k): _words(str(k), v) for k, v in (data.get("words") or {}).items()}
    missing = sorted(required - set(patterns) - set(words))
    if missing:
        raise DataFileError(f"cues.yaml: missing categories: {', '.join(missing)}")
    return CueBook(patterns, words)


def load_cue_book(path: Path | None = None, required: frozenset[str] = frozenset()) -> CueBook:
    """Load a cue file (the packaged one by default)."""
    try:
        if path is None:
            text = resources.files("redline").joinpath(CUE_FILE).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cues.yaml could not be read: {exc}") from exc
    return parse_cue_book(data, required)


@lru_cache(maxsize=1)
def packaged_cue_book() -> CueBook:
    """The packaged cue lexicon, loaded once per process and checked against the rules' needs."""
    from redline.treaties.rules import REQUIRED_CATEGORIES

    return load_cue_book(required=REQUIRED_CATEGORIES)
