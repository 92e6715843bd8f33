"""Fetching safely: refused addresses, pinned DNS, checked redirects, types, sizes and time.

Only 127.0.0.0/8 and ::1 are ever contacted. Every other address in these tests is refused
before a connection, which the audit log (socket.connect, socket.getaddrinfo) shows; host
names are resolved by resolvers injected into iter_sources, never by DNS.
"""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from redline.ingest import IngestLimits, IngestProblem
from redline.ingest.addresses import address_kind, parse_address
from redline.models import Document

Collect = Callable[..., tuple[list[Document], list[IngestProblem]]]
Serve = Callable[[Callable[..., http.server.BaseHTTPRequestHandler]], str]
WebRoot = tuple[Path, str]
LOCAL = IngestLimits(allow_private=True)
TEXT = "Envoys from both countries met in the port city on Tuesday to prepare the summit.\n"
NOT_READ = "is not read; expected HTML, XHTML, RSS/Atom/XML, plain text or JSON Lines"


def numeric_only(host: str, port: int) -> list[str]:
    """The system's parsing of numeric host forms (127.1, 2130706433), with no DNS query."""
    infos = socket.getaddrinfo(host, port, flags=socket.AI_NUMERICHOST, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def resolver_for(table: Mapping[str, Sequence[str]]) -> Callable[[str, int], Sequence[str]]:
    """A resolver answering from a table: host names we control, with no DNS query."""

    def resolve(host: str, port: int) -> Sequence[str]:
        return table[host]

    return resolve


def connections(audit_log: Any) -> list[str]:
    """The addresses sockets connected to during the test."""
    return [str(args[1][0]) for event, args in audit_log.events if event == "socket.connect"]


def lookups(audit_log: Any) -> list[str]:
    return [str(args[0]) for event, args in audit_log.events if event == "socket.getaddrinfo"]


class _Scripted(http.server.BaseHTTPRequestHandler):
    """Answers by path; records Host headers and how many body bytes it managed to send."""

    protocol_version = "HTTP/1.0"
    hosts: ClassVar[list[str]] = []
    sent: ClassVar[list[int]] = []
    bomb: ClassVar[bytes] = b""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        type(self).hosts.append(self.headers.get("Host", ""))
        path = self.path
        if path.startswith("/hop/"):
            number = int(path.removeprefix("/hop/"))
            self._answer(302, b"", Location=f"/hop/{number + 1}" if number < 99 else "/text")
        elif path == "/text":
            self._answer(200, TEXT.encode(), **{"Content-Type": "text/plain; charset=utf-8"})
        elif path == "/octet":
            self._answer(200, b"\x00" * 1_000_000, **{"Content-Type": "application/octet-stream"})
        elif path == "/declared-big":
            self._answer(200, b"", **{"Content-Type": "text/plain", "Content-Length": "64000000"})
        elif path == "/stream":
            self._stream()
        elif path == "/bomb":
            headers = {"Content-Type": "text/plain", "Content-Encoding": "gzip"}
            self._answer(200, type(self).bomb, **headers)
        elif path == "/brotli":
            self._answer(200, b"\x0b", **{"Content-Type": "text/plain", "Content-Encoding": "br"})
        else:
            self._answer(404, b"")

    def _answer(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def _stream(self) -> None:
        """A body with no length, up to 64 MB, until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        sent = 0
        chunk = b"word " * 13_107
        try:
            while sent < 64_000_000:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        type(self).sent.append(sent)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def scripted(serve: Serve) -> Iterator[tuple[str, type[_Scripted]]]:
    """A _Scripted server (fresh records); yields (base URL, handler class)."""
    handler = type("Scripted", (_Scripted,), {"hosts": [], "sent": [], "bomb": b""})
    yield serve(handler), handler


# (a) A loopback URL is refused by default, before any connection.


def test_loopback_refused_by_default(web_root: WebRoot, collect: Collect, audit_log: Any) -> None:
    root, base = web_root
    (root / "news.txt").write_text(TEXT, encoding="utf-8")
    port = base.rsplit(":", 1)[1]
    urls = [
        f"{base}/news.txt",
        f"http://[::1]:{port}/news.txt",
        f"http://2130706433:{port}/news.txt",
        f"http://127.1:{port}/news.txt",
        f"http://0.0.0.0:{port}/news.txt",
    ]
    documents, problems = collect(urls, resolver=numeric_only)
    assert documents == []
    assert [(p.origin, p.reason) for p in problems] == [
        (urls[0], "127.0.0.1 is a loopback address (allow_private is off)"),
        (urls[1], "::1 is a loopback address (allow_private is off)"),
        (urls[2], "2130706433 resolves to 127.0.0.1, a loopback address (allow_private is off)"),
        (urls[3], "127.1 resolves to 127.0.0.1, a loopback address (allow_private is off)"),
        (urls[4], "0.0.0.0 is an unspecified address (never fetched)"),
    ]
    assert connections(audit_log) == []
    [document], _ = collect([urls[0]], LOCAL)  # allowed when asked for
    assert document.body == TEXT.strip()


# (b) A public-looking name that resolves to a private address is refused.


def test_names_resolving_to_private_addresses_refused(collect: Collect, audit_log: Any) -> None:
    table = {
        "news.example.com": ["10.20.30.40"],
        "mixed.example.com": ["93.184.215.14", "192.168.1.7"],  # every address is checked
        "meta.example.com": ["169.254.169.254"],
        "mapped.example.com": ["::ffff:172.16.0.9"],
        "nat64.example.com": ["64:ff9b::a9fe:a9fe"],
        "cgnat.example.com": ["100.100.100.200"],
        "ula.example.com": ["fd00:ec2::254"],
        "multicast.example.com": ["224.0.0.251"],
        "docs.example.com": ["192.0.2.10"],
    }
    urls = [f"http://{host}/news" for host in table]
    documents, problems = collect(urls, resolver=resolver_for(table))
    assert documents == []
    assert [p.reason for p in problems] == [
        "news.example.com resolves to 10.20.30.40, a private address (allow_private is off)",
        "mixed.example.com resolves to 192.168.1.7, a private address (allow_private is off)",
        "meta.example.com resolves to 169.254.169.254, a cloud metadata address (never fetched)",
        "mapped.example.com resolves to ::ffff:172.16.0.9, a private address "
        "(allow_private is off)",
        "nat64.example.com resolves to 64:ff9b::a9fe:a9fe, a cloud metadata address "
        "(never fetched)",
        "cgnat.example.com resolves to 100.100.100.200, a cloud metadata address (never fetched)",
        "ula.example.com resolves to fd00:ec2::254, a cloud metadata address (never fetched)",
        "multicast.example.com resolves to 224.0.0.251, a multicast address (never fetched)",
        "docs.example.com resolves to 192.0.2.10, a reserved address (never fetched)",
    ]
    # allow_private opens private ranges, never metadata, link-local or reserved ones.
    _, [meta] = collect(["http://meta.example.com/"], LOCAL, resolver=resolver_for(table))
    assert meta.reason.endswith("a cloud metadata address (never fetched)")
    _, [named] = collect(["http://metadata.google.internal/computeMetadata/v1/"], LOCAL)
    assert named.reason == "metadata.google.internal is a cloud metadata host (never fetched)"
    assert connections(audit_log) == [] and lookups(audit_log) == []


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.215.14", "public"),
        ("2606:4700::1111", "public"),
        ("127.0.0.53", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("10.0.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.0.1", "private"),
        ("100.64.0.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("168.63.129.16", "cloud metadata"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("198.18.0.1", "reserved"),
        ("2001:db8::1", "reserved"),
    ],
)
def test_address_kinds(address: str, kind: str) -> None:
    parsed = parse_address(address)
    assert parsed is not None and address_kind(parsed) == kind


# Pinning: the checked address is the one connected to; the host name stays in Host.


def test_connects_to_the_checked_address_with_the_host_name(
    scripted: tuple[str, type[_Scripted]], collect: Collect, audit_log: Any
) -> None:
    base, handler = scripted
    port = base.rsplit(":", 1)[1]
    calls: list[str] = []
    # A rebinding resolver: the first answer passes the check, later ones would not.
    answers = iter([["127.0.0.1"], ["10.0.0.1"], ["169.254.169.254"]])

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    url = f"http://news.example.test:{port}/hop/98"  # two same-host redirects, then /text
    [document], _ = collect([url], LOCAL, resolver=rebinding)
    assert document.body == TEXT.strip()
    assert calls == ["news.example.test"]  # resolved once; redirects reuse the checked answer
    assert handler.hosts == [f"news.example.test:{port}"] * 3
    assert connections(audit_log) == ["127.0.0.1"] * 3
    assert "news.example.test" not in lookups(audit_log)


# (c) A redirect from the allowed local server to metadata or private space is refused.


def test_redirects_into_private_space_refused_before_connecting(
    redirector: str, collect: Collect, audit_log: Any
) -> None:
    why = "allow_private covers only the host you named, not redirects to others"
    cases = {
        "http://169.254.169.254/latest/meta-data/": "169.254.169.254 is a cloud metadata "
        "address (never fetched)",
        "http://10.0.0.1/": f"10.0.0.1 is a private address ({why})",
        "http://[::ffff:10.0.0.1]:8080/": f"::ffff:10.0.0.1 is a private address ({why})",
        "http://127.0.0.2/": f"127.0.0.2 is a loopback address ({why})",
        "http://[fe80::1]/": "fe80::1 is a link-local address (never fetched)",
        "http://metadata.google.internal/": "metadata.google.internal is a cloud metadata "
        "host (never fetched)",
    }
    urls = [f"{redirector}/to/{target}" for target in cases]
    documents, problems = collect(urls, LOCAL)
    assert documents == []
    assert [(p.origin, p.reason) for p in problems] == [
        (url, f"redirect to {target} refused: {reason}")
        for url, (target, reason) in zip(urls, cases.items(), strict=True)
    ]
    # One connection per URL, each to the redirector; nothing else was contacted or resolved.
    assert connections(audit_log) == ["127.0.0.1"] * len(cases)
    assert lookups(audit_log) == ["127.0.0.1"] * len(cases)


def test_redirects_capped(scripted: tuple[str, type[_Scripted]], collect: Collect) -> None:
    base, handler = scripted
    _, [problem] = collect([f"{base}/hop/0"], LOCAL)
    assert problem.reason == "too many redirects (more than 5)"
    assert len(handler.hosts) == 6  # the first request and five redirects
    [_], _ = collect([f"{base}/hop/95"], LOCAL)  # exactly five redirects are followed


# (d) A wrong content type is refused; (e) an oversized body is cut and refused.


def test_wrong_content_type_refused(
    scripted: tuple[str, type[_Scripted]], collect: Collect
) -> None:
    base, _ = scripted
    _, [problem] = collect([f"{base}/octet"], LOCAL)
    assert problem.reason == f"content type 'application/octet-stream' {NOT_READ}"


def test_oversized_body_cut_and_refused(
    scripted: tuple[str, type[_Scripted]], collect: Collect
) -> None:
    base, handler = scripted
    limits = IngestLimits(max_bytes=1_000_000, allow_private=True)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        _, [streamed] = collect([f"{base}/stream"], limits)
        _, [declared] = collect([f"{base}/declared-big"], limits)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (
        streamed.reason == "response too large (over the 1.0 MB limit; raise it with --max-bytes)"
    )
    assert declared.reason == (
        "response too large (64.0 MB > 1.0 MB limit; raise it with --max-bytes)"
    )
    assert elapsed < 10
    assert peak < 8_000_000
    _wait_for(lambda: bool(handler.sent))
    assert handler.sent[0] < 32_000_000  # the client hung up long before the 64 MB end


def test_gzip_bomb_response_refused(
    scripted: tuple[str, type[_Scripted]], collect: Collect
) -> None:
    base, handler = scripted
    member = gzip.compress(b"\x00" * 1_048_576)
    handler.bomb = member * 1024  # 1 GiB once decompressed, about 1 MB on the wire
    tracemalloc.start()
    try:
        started = time.perf_counter()
        _, [problem] = collect([f"{base}/bomb"], LOCAL)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problem.reason == (
        "response decompresses to more than 20.0 MB (max_decompressed_bytes); "
        "refused as a possible compression bomb"
    )
    assert elapsed < 10
    assert peak < 64_000_000
    _, [brotli] = collect([f"{base}/brotli"], LOCAL)
    assert brotli.reason == "unsupported Content-Encoding 'br'; only gzip"


def test_slow_headers_stopped_at_the_deadline(collect: Collect) -> None:
    """A server dribbling one header byte every 50 ms never trips a socket timeout."""
    stop = threading.Event()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
        thread = threading.Thread(target=_dribble, args=(listener, stop), daemon=True)
        thread.start()
        started = time.perf_counter()
        _, [problem] = collect([url], IngestLimits(fetch_timeout=0.5, allow_private=True))
        elapsed = time.perf_counter() - started
        stop.set()
        thread.join(timeout=5)
    assert problem.reason == "timed out after 0.5 s"
    assert elapsed < 10  # without the watchdog it would last the whole 20 s dribble


def _dribble(listener: socket.socket, stop: threading.Event) -> None:
    connection, _ = listener.accept()
    with connection:
        connection.recv(4096)
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"z" * 400:  # at most ~21 s
            if stop.is_set():
                return
            try:
                connection.send(bytes([byte]))
            except OSError:
                return
            time.sleep(0.05)


def _wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
