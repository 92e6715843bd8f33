"""Split a treaty text into front matter, articles, paragraphs and sentences, keeping offsets.

Articles start at a heading line: ``## Article 4``, ``Article IV`` alone on a line, or any
Markdown heading (``## Understanding of the United States`` becomes article "Understanding").
Text before the first heading is the preamble. Every offset indexes the text as given, front
matter included, so ``text[start:end]`` is always the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from redline.errors import IngestError
from redline.ingest.frontmatter import split_front_matter

_ARTICLE_WORD = r"(?:ARTICLE|Article|Art\.)[ \t]+[0-9IVXLC]+[A-Za-z]?"
_HEADING = re.compile(
    rf"^(?:(?:#{{1,6}}[ \t]+(?P<md>[^\n]+?)|(?P<plain>{_ARTICLE_WORD})\.?)[ \t]*$"
    rf"|(?P<inline>{_ARTICLE_WORD})[ \t]*[.:\u2013\u2014-][ \t]+)",
    re.MULTILINE,
)
_ARTICLE = re.compile(r"^(?:Article|ARTICLE|Art\.)\s+([0-9]+[A-Za-z]?|[IVXLC]+)\b")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"“'(]?[A-Z0-9])")
_NO_BREAK = re.compile(
    r"(?:\b(?:Art|No|Nos|Mr|Mrs|Dr|St|para|paras|cf|e\.g|i\.e|U\.S|U\.K|U\.N)|^\s*\d+|\b[A-Z])\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with its paragraph number inside the article."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Section:
    """An article (number set) or another headed section, or the preamble (heading '')."""

    number: str | None
    heading: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The YAML header as a mapping and the offset where the body starts."""
    try:
        header, body = split_front_matter(text)
    except IngestError:
        return {}, 0
    if header is None:
        return {}, 0
    try:
        loaded = yaml.safe_load(header.text)
    except yaml.YAMLError as exc:
        raise IngestError(f"invalid YAML front matter: {exc}") from exc
    fields = {str(k): v for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    return fields, len(text) - len(body)


def has_articles(text: str) -> bool:
    """True when the text has at least one "Article N" heading (a treaty, not a report)."""
    return any(_ARTICLE.match(_heading(m).strip()) for m in _HEADING.finditer(text))


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end], paragraph by paragraph."""
    sentences: list[Sentence] = []
    cursor, number = start, 0
    for para_end in [*_paragraph_breaks(text, start, end), end]:
        found = _sentences_of(text, cursor, para_end, number)
        sentences.extend(found)
        number += bool(found)
        cursor = para_end
    return sentences


def _paragraph_breaks(text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in _PARAGRAPH.finditer(text, start, end)]


def _sentences_of(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    found = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.start() + 1
        if _NO_BREAK.search(text[cursor:stop]):
            continue
        found.append(_trimmed(text, cursor, match.end(), paragraph))
        cursor = match.end()
    found.append(_trimmed(text, cursor, end, paragraph))
    return [s for s in found if s.text]


def _trimmed(text: str, start: int, end: int, paragraph: int) -> Sentence:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return Sentence(start + left, start + right, chunk.strip(), paragraph)


def split_sections(text: str, start: int = 0) -> list[Section]:
    """The preamble (if any text precedes the first heading) and every headed section."""
    headings = list(_HEADING.finditer(text, start))
    sections = []
    bounds = [("", start)] + [(_heading(h), h.end()) for h in headings]
    for index, (heading, body_start) in enumerate(bounds):
        body_end = headings[index].start() if index < len(headings) else len(text)
        sentences = tuple(split_sentences(text, body_start, body_end))
        if heading == "" and not sentences:
            continue
        sections.append(Section(_number(heading), heading, body_start, body_end, sentences))
    return sections


def _heading(match: re.Match[str]) -> str:
    return match.group("md") or match.group("plain") or match.group("inline") or ""


def _number(heading: str) -> str | None:
    """ "Article IV" -> "IV"; another heading -> its first word; the preamble -> None."""
    if not heading:
        return None
    match = _ARTICLE.match(heading.strip())
    if match:
        return match.group(1)
    return heading.split()[0].strip(".:") or None
