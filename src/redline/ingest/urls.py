"""Fetching http(s) sources with urllib: a timeout, a size cap, and one place for URL checks.

:func:`check_url` vets every URL before a request is made, including each redirect target;
network-level hardening (refusing private and loopback addresses) belongs there.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from typing import IO
from urllib.parse import urlsplit

from redline import __version__
from redline.errors import IngestError
from redline.ingest.limits import IngestLimits, too_large_reason

ALLOWED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = f"redline/{__version__} (news ingest)"
_CHUNK_BYTES = 64 * 1024
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)


def check_url(url: str) -> None:
    """Refuse a URL that must not be fetched; raise IngestError saying why."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise IngestError(f"unsupported URL scheme {parts.scheme!r}; only http and https")
    if not parts.hostname:
        raise IngestError("URL has no host")


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to URLs that pass :func:`check_url`."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limits: IngestLimits) -> tuple[bytes, str]:
    """GET a URL; return its body and Content-Type. Raises IngestError for any failure."""
    check_url(url)
    opener = urllib.request.build_opener(_CheckedRedirectHandler)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + limits.fetch_timeout
    try:
        with opener.open(request, timeout=limits.fetch_timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                raise IngestError(too_large_reason("response", int(declared), limits.max_bytes))
            body = _read_capped(response, limits.max_bytes, deadline, limits.fetch_timeout)
            return body, str(response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        exc.close()
        raise IngestError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise IngestError(f"cannot fetch: {exc.reason}") from exc
    except TimeoutError as exc:
        raise IngestError(f"timed out after {limits.fetch_timeout:g} s") from exc
    except (http.client.HTTPException, OSError) as exc:
        raise IngestError(f"cannot fetch: {exc}") from exc


def _read_capped(
    response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    """Read in chunks, stopping past ``max_bytes`` or the overall deadline."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(too_large_reason("response", None, max_bytes))
        if time.monotonic() > deadline:
            raise IngestError(f"timed out after {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
