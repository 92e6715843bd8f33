"""The ingest entry point: files, directories and URLs in, documents and problems out."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from redline.errors import IngestError
from redline.ingest.addresses import Resolver, resolve_host
from redline.ingest.compression import GZIP_SUFFIX, gunzip_capped
from redline.ingest.content import (
    EXTENSION_FORMATS,
    Format,
    check_not_binary,
    check_not_empty,
    decode_text,
    format_for_content_type,
    parse_content_type,
    sniff_format,
)
from redline.ingest.document import Provenance
from redline.ingest.feeds import read_feed
from redline.ingest.files import fallback_title, iter_files, read_file
from redline.ingest.frontmatter import read_text_document
from redline.ingest.html import read_html
from redline.ingest.jsonl import read_jsonl
from redline.ingest.limits import DEFAULT_LIMITS, IngestLimits
from redline.ingest.markup_checks import check_html, prepare_feed
from redline.ingest.problems import IngestProblem
from redline.ingest.urls import fetch
from redline.models import Document

logger = logging.getLogger(__name__)

_URL_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_TEXT_READERS = {
    Format.HTML: read_html,
    Format.JSONL: read_jsonl,
}


def iter_sources(
    targets: Iterable[str],
    limits: IngestLimits = DEFAULT_LIMITS,
    *,
    resolver: Resolver = resolve_host,
) -> Iterator[Document | IngestProblem]:
    """Read each target (a file, a directory walked recursively, or an http(s) URL).

    Yields documents and, for bad input, problems naming the input; never raises for bad input.
    ``resolver`` turns a URL's host name into the addresses that are checked and connected to.
    """
    for target in targets:
        if not target.strip():
            yield IngestProblem.error(repr(target), "empty path or URL")
        elif _URL_PREFIX.match(target):
            yield from _read_url(target, limits, resolver)
        elif Path(target).is_dir():
            for item in iter_files(Path(target)):
                if isinstance(item, IngestProblem):
                    yield item
                else:
                    yield from _read_path(item, limits)
        else:
            yield from _read_path(Path(target), limits)


def _read_path(path: Path, limits: IngestLimits) -> Iterator[Document | IngestProblem]:
    origin = str(path)
    try:
        data, modified = read_file(path, limits.max_bytes)
    except IngestError as exc:
        yield IngestProblem.error(origin, exc.message)
        return
    name = path.name
    if path.suffix.lower() == GZIP_SUFFIX:
        try:
            data = gunzip_capped(data, limits.max_decompressed_bytes)
        except IngestError as exc:
            yield IngestProblem.error(origin, exc.message)
            return
        name = path.stem  # "wire.rss.gz" is read as "wire.rss"
    provenance = Provenance(
        origin=origin,
        fetched_at=datetime.now(UTC),
        fallback_date=modified,
        fallback_title=fallback_title(name),
    )
    chosen = EXTENSION_FORMATS.get(PurePosixPath(name).suffix.lower())
    yield from _read_data(data, chosen, provenance, limits, noun="file")


def _read_url(
    url: str, limits: IngestLimits, resolver: Resolver
) -> Iterator[Document | IngestProblem]:
    fetched_at = datetime.now(UTC)
    try:
        data, content_type = fetch(url, limits, resolver=resolver)
    except IngestError as exc:
        yield IngestProblem.error(url, exc.message)
        return
    yield from read_fetched(url, data, content_type, limits, fetched_at)


def read_fetched(
    url: str,
    data: bytes,
    content_type: str,
    limits: IngestLimits = DEFAULT_LIMITS,
    fetched_at: datetime | None = None,
) -> Iterator[Document | IngestProblem]:
    """The documents in a body fetched from ``url``, read as its Content-Type says."""
    fetched_at = fetched_at or datetime.now(UTC)
    media_type, charset = parse_content_type(content_type)
    url_path = PurePosixPath(urlsplit(url).path)
    declared = format_for_content_type(media_type)
    chosen = declared or EXTENSION_FORMATS.get(url_path.suffix.lower())
    provenance = Provenance(
        origin=url,
        fetched_at=fetched_at,
        fallback_date=fetched_at,
        fallback_title=fallback_title(url_path.name) if url_path.name else url,
        url=url,
    )
    yield from _read_data(
        data,
        chosen,
        provenance,
        limits,
        noun="response",
        charset=charset,
        # feedparser trusts the header's media type, so pass it only when it names a feed.
        content_type=content_type if declared is Format.FEED else None,
    )


def _read_data(
    data: bytes,
    chosen: Format | None,
    provenance: Provenance,
    limits: IngestLimits,
    *,
    noun: str,
    charset: str | None = None,
    content_type: str | None = None,
) -> Iterator[Document | IngestProblem]:
    """Check the bytes, pick a format (given, else sniffed) and hand them to its reader."""
    try:
        check_not_binary(data, noun)
        kind = chosen or sniff_format(data)
        logger.debug("reading %s as %s", provenance.origin, kind)
        if kind is Format.FEED:
            # XML declares its own encoding, so feedparser gets the bytes undecoded.
            check_not_empty(data, noun)
            data = prepare_feed(data, limits, charset)
            yield from read_feed(data, provenance, limits, content_type)
            return
        if kind is Format.HTML:
            check_html(data, limits, charset)
        text = decode_text(data, noun, charset)
    except IngestError as exc:
        yield IngestProblem.error(provenance.origin, exc.message)
        return
    if kind is Format.TEXT:
        yield from read_text_document(text, provenance, limits)
    else:
        yield from _TEXT_READERS[kind](text, provenance)
