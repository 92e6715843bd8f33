"""The cue lexicon: the project's own data file, validated at load; the pattern language."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from redline.errors import DataFileError
from redline.treaties.cues import (
    CUE_FILE,
    compile_cue,
    load_cue_book,
    packaged_cue_book,
    parse_cue_book,
)
from redline.treaties.rules import REQUIRED_CATEGORIES


def _matches(cue: str, text: str) -> list[str]:
    book = parse_cue_book({"source": "own work", "cues": {"c": [cue]}})
    return [m.group(0) for m in book.regex("c").finditer(text)]


def test_packaged_lexicon_loads_with_every_category_the_rules_need() -> None:
    book = packaged_cue_book()
    assert REQUIRED_CATEGORIES <= set(book.patterns) | set(book.words)


def test_header_says_the_lexicon_is_the_projects_own() -> None:
    text = resources.files("redline").joinpath(CUE_FILE).read_text("utf-8")
    header = text.split("\n\n")[0]
    assert "redline project's own work" in header
    assert "no" in header and "copied" in header


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        ("attack*", "if either is attacked", ["attacked"]),
        ("co-operat*", "cooperation and co-operation", ["cooperation", "co-operation"]),
        ("(keep|stay) in (constant|close)? touch", "keep in touch; stay in close touch", 2),
        ("act against ...3 danger", "act against the common danger", 1),
        ("the other's", "the other’s aid", 1),
        ("help", "self-help and mutual help", ["help"]),
        ("re:(?-i:[A-Z])\\w+ attacks", "France attacks; france attacks", ["France attacks"]),
    ],
)
def test_pattern_language(cue: str, text: str, found: list[str] | int) -> None:
    hits = _matches(cue, text)
    assert (len(hits) if isinstance(found, int) else hits) == found


def test_phrase_cues_compile_to_plain_regular_expressions() -> None:
    assert re.fullmatch(compile_cue("without (any)? delay"), "without any delay")
    assert re.fullmatch(compile_cue("without (any)? delay"), "without delay")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cues": {"c": ["x"]}}, "own work"),
        ({"source": "own work"}, "'cues' section"),
        ({"source": "own work", "cues": {"c": []}}, "non-empty list"),
        ({"source": "own work", "cues": {"c": ["re:(unclosed"]}}, "bad cue"),
        ({"source": "own work", "cues": {"c": ["word? first"]}}, "bad cue"),
        ({"source": "own work", "cues": {"c": ["x"]}, "words": {"w": "x"}}, "word list"),
    ],
)
def test_invalid_lexicons_are_refused(data: object, message: str) -> None:
    with pytest.raises(DataFileError, match=re.escape(message)):
        parse_cue_book(data)


def test_missing_category_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("source: own work\ncues:\n  attack: [attack*]\n", "utf-8")
    with pytest.raises(DataFileError, match="missing categories: war"):
        load_cue_book(path, required=frozenset({"attack", "war"}))


def test_unreadable_yaml_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("cues: [unclosed\n", "utf-8")
    with pytest.raises(DataFileError, match="could not be read"):
        load_cue_book(path)
