"""RSS and Atom feeds, parsed by feedparser from bytes already read (it never fetches).

The bytes have passed :func:`~redline.ingest.markup_checks.prepare_feed`. feedparser's own
HTML sanitizing and relative-URI passes are off: they take quadratic time on unclosed comments,
and only text is kept here (:func:`~redline.ingest.markup.html_to_text` drops scripts).
"""

from __future__ import annotations

import calendar
import io
import logging
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped, unused-ignore]

from redline.ingest.document import Provenance, build_document, clean_text, headline_from_body
from redline.ingest.limits import IngestLimits
from redline.ingest.markup import html_to_text
from redline.ingest.problems import IngestProblem
from redline.models import Document

logger = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_feed(
    data: bytes,
    provenance: Provenance,
    limits: IngestLimits,
    content_type: str | None = None,
) -> Iterator[Document | IngestProblem]:
    """Yield one document per feed entry (origin ``feed#entryN``), or an error for the feed."""
    origin = provenance.origin
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=_headers(provenance, content_type),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # a third-party parser failing on hostile input is bad input
        logger.debug("feedparser failed on %s", origin, exc_info=True)
        yield IngestProblem.error(origin, f"feed could not be parsed: {exc}")
        return
    feed = _plain(parsed.get("feed"))
    entries = [_plain(entry) for entry in parsed.get("entries") or []]
    reason = str(parsed.get("bozo_exception") or "not well-formed")
    results = [
        result
        for number, entry in enumerate(entries[: limits.max_feed_entries], start=1)
        for result in _read_entry(entry, number, feed, provenance)
    ]
    if not any(isinstance(result, Document) for result in results):
        if parsed.get("bozo"):
            yield IngestProblem.error(origin, f"not a readable feed: {reason}")
            return
        if not parsed.get("version"):
            yield IngestProblem.error(origin, "not an RSS or Atom feed")
            return
    if parsed.get("bozo"):
        yield IngestProblem.warning(origin, f"feed is not well-formed ({reason}); read what parsed")
    if not entries:
        yield IngestProblem.warning(origin, "feed has no entries")
    if len(entries) > limits.max_feed_entries:
        yield IngestProblem.warning(
            origin,
            f"feed has {len(entries)} entries; read the first {limits.max_feed_entries} "
            "(max_feed_entries)",
        )
    yield from results


def _headers(provenance: Provenance, content_type: str | None) -> dict[str, str]:
    """Response headers for feedparser: the location resolves relative links.

    Without a declared feed type, application/xml lets the XML declaration set the encoding.
    """
    headers = {"content-type": content_type or "application/xml"}
    if provenance.url:
        headers["content-location"] = provenance.url
    return headers


def _read_entry(
    entry: Mapping[str, Any], number: int, feed: Mapping[str, Any], provenance: Provenance
) -> Iterator[Document | IngestProblem]:
    origin = f"{provenance.origin}#entry{number}"
    body = _entry_body(entry)
    if not body:
        yield IngestProblem.warning(origin, "feed entry has no text (no content or summary)")
        return
    published_at = _entry_date(entry)
    if published_at is None:
        published_at = provenance.fallback_date
        when = published_at.isoformat(timespec="seconds")
        yield IngestProblem.warning(origin, f"no published or updated date; using {when}")
    link = entry.get("link")
    yield build_document(
        body,
        provenance,
        title=_detail_text(entry, "title") or headline_from_body(body),
        source=_detail_text(feed, "title") or _host(provenance.url) or "unknown",
        published_at=published_at,
        origin=origin,
        url=link if isinstance(link, str) and link else None,
    )


def _plain(value: Any) -> dict[str, Any]:
    """A feedparser dict as a plain dict, avoiding its deprecated key aliases and warnings."""
    return dict(value) if isinstance(value, dict) else {}


def _entry_body(entry: Mapping[str, Any]) -> str:
    """Text of the first non-empty content block, else the summary; HTML stripped."""
    for block in entry.get("content") or []:
        if isinstance(block, dict):
            text = _as_text(block.get("value"), block.get("type"))
            if text:
                return text
    detail = entry.get("summary_detail")
    kind = detail.get("type") if isinstance(detail, dict) else "text/html"
    return _as_text(entry.get("summary"), kind)


def _detail_text(item: Mapping[str, Any], key: str) -> str:
    """A text construct (title, summary) as plain text, whatever type the feed declared."""
    detail = item.get(f"{key}_detail")
    kind = detail.get("type") if isinstance(detail, dict) else "text/plain"
    return _as_text(item.get(key), kind)


def _as_text(value: Any, kind: Any) -> str:
    if not isinstance(value, str):
        return ""
    if kind in _HTML_TYPES:
        return html_to_text(clean_text(value))
    return clean_text(value).strip()


def _entry_date(entry: Mapping[str, Any]) -> datetime | None:
    """Published, else updated; feedparser has already normalised both to UTC."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed is not None:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
