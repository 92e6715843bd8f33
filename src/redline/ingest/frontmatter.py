"""Plain text and Markdown files, with optional YAML front matter between ``---`` lines.

Keys (all optional): ``title``, ``date`` (ISO 8601; naive is UTC), ``source``,
``source_country`` (ISO 3166 alpha-3) and ``url``. A missing title falls back to the file
name and a missing date to the file's modification time, each with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml

from redline.errors import IngestError
from redline.ingest.document import (
    Provenance,
    build_document,
    clean_text,
    country_code,
    parse_timestamp,
)
from redline.ingest.limits import DEFAULT_LIMITS, IngestLimits, human_size
from redline.ingest.problems import IngestProblem
from redline.models import Document

KNOWN_KEYS = frozenset({"title", "date", "source", "source_country", "url"})
_FENCE = "---"
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# PyYAML composes nested collections recursively (and, traced, very slowly): front matter
# needs none of this depth, so it is refused before parsing. At most 128 + 32 + 64 levels.
_MAX_INDENT = 128
_MAX_BLOCK_INDICATORS = 32
_MAX_FLOW_DEPTH = 64
_DEEP_BLOCK = re.compile(rf"(?:[-?:][ \t]+){{{_MAX_BLOCK_INDICATORS + 1}}}")
_NESTED_TOO_DEEPLY = "invalid YAML front matter: nested too deeply"


class _HeaderLoader(yaml.SafeLoader):
    """A SafeLoader that keeps timestamps as strings, so every date is checked in one place."""


_HeaderLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class _Header:
    """The front matter block: its text and the file line its first line sits on."""

    text: str
    first_line: int


def split_front_matter(
    text: str, max_bytes: int = DEFAULT_LIMITS.max_front_matter_bytes
) -> tuple[_Header | None, str]:
    """Separate a leading ``---`` block from the body.

    Raises IngestError if the block is not closed or is over ``max_bytes`` of UTF-8.
    """
    first, _, rest = text.partition("\n")
    if first.rstrip() != _FENCE:
        return None, text
    closing = _CLOSING_FENCE.search(rest)
    if closing is None:
        raise IngestError("front matter opened with '---' on line 1 is never closed")
    header = rest[: closing.start()].removesuffix("\n")
    size = len(header.encode("utf-8"))
    if size > max_bytes:
        raise IngestError(
            f"front matter too large ({human_size(size)} > {human_size(max_bytes)} "
            "max_front_matter_bytes)"
        )
    return _Header(header, first_line=2), rest[closing.end() + 1 :]


def read_text_document(
    text: str, provenance: Provenance, limits: IngestLimits = DEFAULT_LIMITS
) -> Iterator[Document | IngestProblem]:
    """Yield the document in a text or Markdown file, after any warnings about fallbacks."""
    origin = provenance.origin
    try:
        header, body = split_front_matter(
            text.removeprefix("\ufeff"), limits.max_front_matter_bytes
        )
        fields = _load_header(header) if header else {}
        warnings = [_unknown_key_warning(origin, key) for key in fields if key not in KNOWN_KEYS]
        title = _text_field(fields, "title")
        published_at = _date_field(fields, header)
        source_country = _country_field(fields)
        source = _text_field(fields, "source") or "unknown"
        url = _text_field(fields, "url")
    except IngestError as exc:
        yield IngestProblem.error(origin, exc.message)
        return
    body = clean_text(body).strip()
    if not body:
        yield IngestProblem.error(origin, "no text after the front matter")
        return
    yield from warnings
    if title is None:
        title = provenance.fallback_title
        yield IngestProblem.warning(origin, f"no 'title' given; using the file name {title!r}")
    if published_at is None:
        published_at = provenance.fallback_date
        when = published_at.isoformat(timespec="seconds")
        yield IngestProblem.warning(origin, f"no 'date' given; using the file time {when}")
    yield build_document(
        body,
        provenance,
        title=title,
        source=source,
        published_at=published_at,
        url=url or provenance.url,
        source_country=source_country,
    )


def _load_header(header: _Header) -> Mapping[str, Any]:
    """Parse the YAML block into a mapping, reporting syntax errors with the file line."""
    if _nests_too_deeply(header.text):
        raise IngestError(_NESTED_TOO_DEEPLY)
    try:
        loaded = yaml.load(header.text, Loader=_HeaderLoader)  # _HeaderLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        where = ""
        if exc.problem_mark is not None:
            where = f" at line {exc.problem_mark.line + header.first_line}"
        raise IngestError(f"invalid YAML front matter{where}: {exc.problem}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise IngestError(f"invalid YAML front matter: {exc}") from exc
    except RecursionError as exc:  # a backstop for _nests_too_deeply
        raise IngestError(_NESTED_TOO_DEEPLY) from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise IngestError("front matter must be YAML 'key: value' lines")
    return {str(key): value for key, value in loaded.items()}


def _nests_too_deeply(text: str) -> bool:
    """A cheap bound on YAML nesting: indentation, block indicators per line, open brackets.

    Brackets inside quotes count too; no plain front matter comes near these bounds.
    """
    flow_depth = 0
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if len(line) - len(content) > _MAX_INDENT:
            return True
        if _DEEP_BLOCK.match(content):
            return True
        for char in content:
            if char in "[{":
                flow_depth += 1
                if flow_depth > _MAX_FLOW_DEPTH:
                    return True
            elif char in "]}":
                flow_depth = max(0, flow_depth - 1)
    return False


def _unknown_key_warning(origin: str, key: str) -> IngestProblem:
    known = ", ".join(sorted(KNOWN_KEYS))
    return IngestProblem.warning(origin, f"unknown front matter key {key!r} ignored ({known})")


def _text_field(fields: Mapping[str, Any], key: str) -> str | None:
    """A scalar value as stripped text; None when absent or blank."""
    value = fields.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise IngestError(f"front matter key {key!r} must be a single value")
    return str(value).strip() or None


def _date_field(fields: Mapping[str, Any], header: _Header | None) -> datetime | None:
    value = _text_field(fields, "date")
    if value is None:
        return None
    try:
        return parse_timestamp(value)
    except ValueError as exc:
        line = _key_line(header, "date")
        where = f" at line {line}" if line else ""
        raise IngestError(
            f"bad date {value!r} in front matter{where}; "
            "use ISO 8601 such as 2024-06-19 or 2024-06-19T08:30:00+09:00"
        ) from exc


def _country_field(fields: Mapping[str, Any]) -> str | None:
    value = _text_field(fields, "source_country")
    return country_code(value) if value is not None else None


def _key_line(header: _Header | None, key: str) -> int | None:
    """The file line on which a top-level key is written, if it can be found."""
    if header is None:
        return None
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for offset, line in enumerate(header.text.split("\n")):
        if pattern.match(line):
            return header.first_line + offset
    return None
