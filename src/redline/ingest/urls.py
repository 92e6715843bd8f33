"""Fetching http(s) sources: checked addresses, pinned connections, and bounds on everything.

:func:`check_url` vets every URL before a request is made, each redirect target included: the
scheme, the host, and every address the host resolves to (see :mod:`.addresses`). The
connection then goes to a checked address, not to a second DNS answer, while the Host header,
TLS server name and certificate check keep the URL's host name. Redirects are followed by hand
(at most ``max_redirects``), one overall deadline covers every hop and the body, the body is
cut at ``max_bytes``, and only text media types are read. Proxy settings are ignored: a proxy
would resolve the host itself, out of reach of these checks.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Sequence
from urllib.parse import quote, urljoin, urlsplit

from redline import __version__
from redline.errors import IngestError
from redline.ingest.addresses import (
    METADATA_HOSTS,
    Resolver,
    parse_address,
    refusal,
    resolve_host,
)
from redline.ingest.compression import GZIP_ENCODINGS, gunzip_capped
from redline.ingest.connections import CheckedURL, Watchdog, open_connection
from redline.ingest.content import parse_content_type
from redline.ingest.limits import DEFAULT_LIMITS, IngestLimits, too_large_reason

ALLOWED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = f"redline/{__version__} (news ingest)"
#: Media types read from a response; one without a Content-Type is sniffed.
ALLOWED_MEDIA_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "application/rss+xml", "application/x-rss+xml",
     "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
     "text/plain", "text/markdown", "application/json", "application/jsonl",
     "application/x-ndjson", "application/x-jsonlines"}
)  # fmt: skip
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECT_PRIVATE = "allow_private covers only the host you named, not redirects to others"
_CHUNK_BYTES = 64 * 1024
# The request target is sent as written, except spaces, controls and non-ASCII (percent-encoded).
_PRINTABLE_ASCII = "".join(chr(code) for code in range(0x21, 0x7F))
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, application/json;q=0.5"
)


def check_url(
    url: str,
    *,
    allow_private: bool = False,
    resolver: Resolver = resolve_host,
    why_private: str = "allow_private is off",
) -> CheckedURL:
    """Vet a URL before any request; raise IngestError saying why it must not be fetched.

    Every address the host resolves to must be public (or, with ``allow_private``, loopback
    or private); ``why_private`` is the reason given when one is not.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"invalid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise IngestError(f"unsupported URL scheme {parts.scheme!r}; only http and https")
    host = _ascii_host(parts.hostname or "")
    if host.rstrip(".") in METADATA_HOSTS:
        raise IngestError(f"{host} is a cloud metadata host (never fetched)")
    port = port or _DEFAULT_PORTS[scheme]
    addresses = [host] if parse_address(host) else list(resolver(host, port))
    if not addresses:
        raise IngestError(f"cannot resolve host {host!r}: no addresses")
    for answer in addresses:
        reason = refusal(host, answer, allow_private, why_private)
        if reason:
            raise IngestError(reason)
    target = quote(parts.path or "/", safe=_PRINTABLE_ASCII)
    if parts.query:
        target += "?" + quote(parts.query, safe=_PRINTABLE_ASCII)
    return CheckedURL(url, scheme, host, port, target, tuple(addresses))


def fetch(
    url: str, limits: IngestLimits = DEFAULT_LIMITS, *, resolver: Resolver = resolve_host
) -> tuple[bytes, str]:
    """GET a URL; return its body (gzip undone) and Content-Type. Raises IngestError."""
    deadline = time.monotonic() + limits.fetch_timeout
    resolve = _resolving_once(resolver)
    named_host = _host_of(url)
    current = url
    for hop in range(limits.max_redirects + 1):
        # allow_private covers the host the user named, not hosts a server redirects to.
        same_host = _host_of(current) == named_host
        why_private = (
            _REDIRECT_PRIVATE if limits.allow_private and not same_host else "allow_private is off"
        )
        try:
            checked = check_url(
                current,
                allow_private=limits.allow_private and same_host,
                resolver=resolve,
                why_private=why_private,
            )
        except IngestError as exc:
            if hop == 0:
                raise
            raise IngestError(f"redirect to {current} refused: {exc.message}") from exc
        location, body, content_type = _exchange(checked, limits, deadline)
        if location is None:
            return body, content_type
        try:
            current = urljoin(current, location)
        except ValueError as exc:  # e.g. "http://[::1" (found by the fuzz test)
            raise IngestError(f"redirect to an invalid URL {location[:100]!r}: {exc}") from exc
    raise IngestError(f"too many redirects (more than {limits.max_redirects})")


def _exchange(
    checked: CheckedURL, limits: IngestLimits, deadline: float
) -> tuple[str | None, bytes, str]:
    """One request: (redirect location, b"", "") or (None, body, content type)."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise IngestError(f"timed out after {limits.fetch_timeout:g} s")
    connection = open_connection(checked, remaining)
    with Watchdog(connection, remaining) as watchdog:
        try:
            connection.connect()
            connection.putrequest("GET", checked.target, skip_accept_encoding=True)
            for name, value in (
                ("User-Agent", USER_AGENT),
                ("Accept", _ACCEPT),
                ("Accept-Encoding", "gzip"),
                ("Connection", "close"),
            ):
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            result = read_response(response, limits)
        except IngestError:
            raise
        except (TimeoutError, http.client.HTTPException, OSError, ValueError) as exc:
            if watchdog.fired or isinstance(exc, TimeoutError):
                raise IngestError(f"timed out after {limits.fetch_timeout:g} s") from exc
            raise IngestError(f"cannot fetch: {_describe(exc)}") from exc
        finally:
            connection.close()
        if watchdog.fired:
            raise IngestError(f"timed out after {limits.fetch_timeout:g} s")
    return result


def read_response(
    response: http.client.HTTPResponse, limits: IngestLimits
) -> tuple[str | None, bytes, str]:
    """A response's redirect location, or its checked body (gzip undone) and Content-Type.

    Raises IngestError for an error status, a refused media type or encoding, or a body over
    ``max_bytes`` (cut as it arrives) or ``max_decompressed_bytes``.
    """
    status = response.status
    if status in REDIRECT_CODES:
        location = (response.getheader("Location") or "").strip()
        if not location:
            raise IngestError(f"HTTP {status} redirect without a Location header")
        return location, b"", ""
    if not 200 <= status < 300:
        raise IngestError(f"HTTP {status} {response.reason[:100]}".rstrip())
    content_type = response.getheader("Content-Type") or ""
    check_media_type(content_type)
    encoding = (response.getheader("Content-Encoding") or "").strip().lower()
    if encoding not in GZIP_ENCODINGS | {"", "identity"}:
        raise IngestError(f"unsupported Content-Encoding {encoding[:40]!r}; only gzip")
    declared = (response.getheader("Content-Length") or "").strip()
    if declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        raise IngestError(too_large_reason("response", int(declared), limits.max_bytes))
    body = _read_capped(response, limits.max_bytes)
    if encoding in GZIP_ENCODINGS:
        body = gunzip_capped(body, limits.max_decompressed_bytes, "response")
    return None, body, content_type


def check_media_type(content_type: str) -> None:
    """Refuse a declared media type that is not HTML, a feed, plain text or JSON (Lines)."""
    media_type, _ = parse_content_type(content_type)
    if media_type and media_type not in ALLOWED_MEDIA_TYPES:
        raise IngestError(
            f"content type {media_type[:80]!r} is not read; expected HTML, XHTML, "
            "RSS/Atom/XML, plain text or JSON Lines"
        )


def _read_capped(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """Read in chunks as they arrive, stopping (and refusing) past ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(too_large_reason("response", None, max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _resolving_once(resolver: Resolver) -> Resolver:
    """The resolver, asked once per host within one fetch: redirects reuse the checked answer."""
    answers: dict[str, Sequence[str]] = {}

    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in answers:
            answers[host] = tuple(resolver(host, port))
        return answers[host]

    return resolve


def _describe(exc: Exception) -> str:
    """An OS error in its own words; an HTTP protocol error with its name and the bad line."""
    if isinstance(exc, http.client.HTTPException):
        return f"{type(exc).__name__} {str(exc)[:100]!r}"
    return str(exc)[:200] or type(exc).__name__


def _ascii_host(host: str) -> str:
    """The host as sent in DNS, Host and SNI: IDNA-encoded when not ASCII."""
    if not host:
        raise IngestError("URL has no host")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise IngestError(f"invalid host name {host!r}") from exc


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
