"""Web pages: the main article text and its metadata, extracted by trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

import trafilatura
from trafilatura.settings import Document as ExtractedPage

from redline.ingest.document import Provenance, build_document, parse_timestamp
from redline.ingest.problems import IngestProblem
from redline.models import Document

logger = logging.getLogger(__name__)

# Only dates the page states in its markup, publication before modification. htmldate's
# extensive search guesses from free text, e.g. "Copyright 2024" -> 2024-01-01, which would
# anchor every relative date in the article to the wrong day; a file/fetch time with a
# warning is the more honest fallback.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(text: str, provenance: Provenance) -> Iterator[Document | IngestProblem]:
    """Yield the article in an HTML page, or an error when it has no article text."""
    origin = provenance.origin
    try:
        page = trafilatura.bare_extraction(
            text,
            url=provenance.url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser failing on hostile input is bad input
        logger.debug("trafilatura failed on %s", origin, exc_info=True)
        yield IngestProblem.error(origin, f"HTML could not be parsed: {exc}")
        return
    if not isinstance(page, ExtractedPage) or not (page.text or "").strip():
        yield IngestProblem.error(origin, "no article text found in HTML")
        return
    body = (page.text or "").strip()
    title = (page.title or "").strip() or provenance.fallback_title
    body = _drop_leading_title(body, title)
    published_at = _page_date(page)
    if published_at is None:
        published_at = provenance.fallback_date
        when = published_at.isoformat(timespec="seconds")
        yield IngestProblem.warning(origin, f"no publication date found; using {when}")
    yield build_document(
        body,
        provenance,
        title=title,
        source=(page.sitename or page.hostname or "unknown").strip(),
        published_at=published_at,
        url=page.url or provenance.url,
    )


def _drop_leading_title(body: str, title: str) -> str:
    """Trafilatura keeps the headline as the first line; the title field already holds it."""
    first, newline, rest = body.partition("\n")
    if newline and first.strip() == title and rest.strip():
        return rest.strip()
    return body


def _page_date(page: ExtractedPage) -> datetime | None:
    if not page.date:
        return None
    try:
        return parse_timestamp(page.date)
    except ValueError:
        logger.debug("unreadable page date %r", page.date)
        return None
