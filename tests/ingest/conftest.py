"""Fixtures for ingest tests: collecting results, a local web server, audit-event capture."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from redline.ingest import IngestLimits, IngestProblem, iter_sources
from redline.models import Document

Collected = tuple[list[Document], list[IngestProblem]]


def _collect(
    targets: Iterable[str | Path], limits: IngestLimits | None = None, **options: Any
) -> Collected:
    names = [str(target) for target in targets]
    if limits is not None:
        options["limits"] = limits
    results = list(iter_sources(names, **options))
    documents = [item for item in results if isinstance(item, Document)]
    problems = [item for item in results if isinstance(item, IngestProblem)]
    assert len(documents) + len(problems) == len(results)
    return documents, problems


@pytest.fixture
def collect() -> Callable[..., Collected]:
    """Run iter_sources and split its output into documents and problems."""
    return _collect


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Files without an extension are served as text/plain (then sniffed), like many servers.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        "": "text/plain",
        ".jsonl": "application/jsonl",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _RedirectHandler(http.server.BaseHTTPRequestHandler):
    """Redirects every request to the URL given in its path after "/to/"."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self.send_response(302)
        self.send_header("Location", self.path.removeprefix("/to/"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def _serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve on 127.0.0.1 from a thread; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def web_root(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A directory served over HTTP on 127.0.0.1 by a thread; yields (directory, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    with _serving(functools.partial(_QuietHandler, directory=str(root))) as base:
        yield root, base


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[..., http.server.BaseHTTPRequestHandler]], str]]:
    """Start a server on 127.0.0.1 for a handler class; returns its base URL. Stopped after."""
    with contextlib.ExitStack() as stack:

        def start(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> str:
            return stack.enter_context(_serving(handler))

        yield start


@pytest.fixture
def redirector() -> Iterator[str]:
    """A server whose ``/to/<url>`` answers 302 to ``<url>``; yields its base URL."""
    with _serving(_RedirectHandler) as base:
        yield base


class _AuditLog:
    """Records audit events (sys.addaudithook) while a test listens; hooks cannot be removed."""

    def __init__(self) -> None:
        self.listening = False
        self.events: list[tuple[str, tuple[Any, ...]]] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if self.listening and event in ("open", "socket.connect", "socket.getaddrinfo"):
            self.events.append((event, args))


_AUDIT_LOG = _AuditLog()
sys.addaudithook(_AUDIT_LOG)


@pytest.fixture
def audit_log() -> Iterator[_AuditLog]:
    """File opens and network connections made during the test."""
    _AUDIT_LOG.events.clear()
    _AUDIT_LOG.listening = True
    try:
        yield _AUDIT_LOG
    finally:
        _AUDIT_LOG.listening = False
        _AUDIT_LOG.events.clear()
