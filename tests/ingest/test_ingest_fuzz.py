"""Property tests: whatever the bytes, iter_sources yields documents and problems, never raises.

For arbitrary bytes and for structured-but-broken inputs (front matter, HTML, RSS/Atom, JSON
Lines, gzip, HTTP response headers), every item is a Document or an IngestProblem, every
problem names its input, and every document has a storable, non-empty body. The example count
is bounded (FUZZ below) so the default run stays fast; benchmarks/fuzz_ingest.py runs the
coverage-guided fuzzer for longer.
"""

from __future__ import annotations

import gzip
import html
import json
import socket
import threading
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.ingest import IngestLimits, IngestProblem, iter_sources
from redline.models import Document

FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=5),
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = ("", ".txt", ".md", ".html", ".htm", ".jsonl", ".rss", ".xml", ".atom", ".gz")
SENTENCES = (
    "Envoys from both countries met in the port city on Tuesday to prepare the summit. ",
    "Die beiden Staatschefs unterzeichneten am Mittwoch einen umfassenden Vertrag. ",
    "양국 정상은 포괄적 전략적 동반자 관계 조약에 서명했다. ",
)
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(SENTENCES),
    st.sampled_from(["\ud800", "\ufeff", "\u2028", "\r", "\x1b", "é", "😀", "0" * 40]),
)


def ingest(path: Path | str, limits: IngestLimits | None = None, **options: Any) -> list[object]:
    """Every item iter_sources yields for one target; raising fails the property."""
    return list(iter_sources([str(path)], limits or IngestLimits(), **options))


def check(target: str, results: Sequence[object]) -> None:
    """The properties every result must have."""
    for item in results:
        assert isinstance(item, Document | IngestProblem), item
        assert item.origin == target or item.origin.startswith((f"{target}#", f"{target}:"))
        if isinstance(item, IngestProblem):
            assert item.reason and item.severity in ("error", "warning")
        else:
            assert item.body.strip()
            item.body.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in item.body


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(workdir: Path, data: bytes, suffix: str) -> Path:
    path = workdir / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if suffix == ".gz" else data)
    return path


# Arbitrary bytes, and text in arbitrary encodings.

ENCODED = st.tuples(
    st.text(max_size=300),
    st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "shift_jis", "utf-7", "cp037"]),
).map(lambda pair: pair[0].encode(pair[1], "replace"))


@FUZZ
@given(data=st.one_of(st.binary(max_size=4096), ENCODED), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = write(workdir, data, suffix)
    check(str(path), ingest(path))


# Plain text with YAML front matter.

YAML_VALUES = st.one_of(
    ODD_TEXT,
    st.sampled_from(
        ["2024-06-17", "2024-13-45", "2024-06-17T08:30:00+09:00", "kor", "K0R", "[a, [b]]",
         "{a: 1}", "*anchor", "&anchor x", "!!binary aGk=", "!!python/object:os.system", "|",
         ">", "'unclosed", '"\\ud800"', '"\\x00"', "null", "~", "1e999", "0x1F", "yes", "- x",
         "[" * 80, "[" * 2_000, "? key"]
    ),
)  # fmt: skip
YAML_LINES = st.lists(
    st.tuples(
        st.sampled_from(["title", "date", "source", "source_country", "url", "other", "", "  x"]),
        YAML_VALUES,
    ).map(lambda pair: f"{pair[0]}: {pair[1]}"),
    max_size=6,
)


@FUZZ
@given(
    opening=st.sampled_from(["---", "--- ", "---\r", "----", "\ufeff---", ""]),
    lines=YAML_LINES,
    closing=st.sampled_from(["---", "...", "--", ""]),
    body=st.lists(ODD_TEXT, max_size=5).map("".join),
    suffix=st.sampled_from([".md", ".txt", "", ".gz"]),
)
def test_front_matter(
    workdir: Path, opening: str, lines: list[str], closing: str, body: str, suffix: str
) -> None:
    text = "\n".join([opening, *lines, closing, body])
    path = write(workdir, text.encode("utf-8", "surrogatepass"), suffix)
    check(str(path), ingest(path))


# HTML tag soup.

HTML_PIECES = st.one_of(
    ODD_TEXT,
    st.sampled_from(
        ["<html>", "<head>", "<title>", "</title>", "<body>", "<article>", "</article>", "<p>",
         "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<![",
         "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "&amp;", "&#0;",
         "&#xD800;", "&lol;", "<br/>", "<svg>", "<math>", "<table><tr><td>", "<a href='",
         "'>", "<meta charset='utf-7'>", "<base href='javascript:x'>", "<div/>" * 30,
         "<meta property='article:published_time' content='2024-06-17'>", "<" * 20,
         '<!DOCTYPE html [<!ENTITY a "b">]>']
    ),
)  # fmt: skip


@FUZZ
@given(pieces=st.lists(HTML_PIECES, max_size=60), suffix=st.sampled_from([".html", "", ".gz"]))
def test_html(workdir: Path, pieces: list[str], suffix: str) -> None:
    prefix = "<!doctype html>" if suffix == "" else ""  # sniffed as HTML without an extension
    path = write(workdir, (prefix + "".join(pieces)).encode("utf-8", "surrogatepass"), suffix)
    check(str(path), ingest(path))


# RSS and Atom feeds, broken in the ways feeds are.

FEED_PIECES = st.one_of(
    ODD_TEXT,
    st.sampled_from(
        ["<item>", "</item>", "<entry>", "</entry>", "<title>", "</title>", "<description>",
         "</description>", "<summary type='html'>", "</summary>", "<content type='xhtml'>",
         "</content>", "<link>", "</link>", "<link href='/a'/>", "<pubDate>", "</pubDate>",
         "Mon, 17 Jun 2024 09:00:00 GMT", "Feb 30 2024", "<updated>2024-06-17T10:00:00Z",
         "</updated>", "<![CDATA[", "]]>", "&lt;p&gt;", "&lt;![", "&lt;!--", "&amp;", "&lol;",
         "&#xD800;", "&#0;", "<x>" * 20, "<", "&", "<?xml-stylesheet href='x'?>"]
    ),
)  # fmt: skip
FEED_DATES = st.sampled_from(
    ["Mon, 17 Jun 2024 09:00:00 GMT", "2024-06-17T10:00:00Z", "Feb 30 2024", "", "99999"]
)
FEED_ITEMS = st.builds(
    "<item><title>{}</title><description>{}</description><pubDate>{}</pubDate></item>".format,
    ODD_TEXT.map(html.escape),
    st.lists(st.one_of(ODD_TEXT, FEED_PIECES), max_size=6).map("".join).map(html.escape),
    FEED_DATES,
) | st.builds(
    "<entry><title type='html'>{}</title><content type='{}'>{}</content><updated>{}</updated>"
    "</entry>".format,
    ODD_TEXT.map(html.escape),
    st.sampled_from(["html", "xhtml", "text", "application/octet-stream"]),
    st.lists(st.one_of(ODD_TEXT, FEED_PIECES), max_size=6).map("".join).map(html.escape),
    FEED_DATES,
)
FEED_PROLOGS = st.sampled_from(
    ['<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0' encoding='latin-1'?>",
     "<?xml version='1.0' encoding='utf-7'?>", "<?xml version='1.0' encoding='nonsense'?>",
     "<?xml version='1.0' encoding='a' encoding='b'", "", "\ufeff<?xml version='1.0'?>",
     '<!DOCTYPE rss [<!ENTITY lol "lol">]>', '<!DOCTYPE rss PUBLIC "-//Netscape//DTD">']
)  # fmt: skip
FEED_ROOTS = st.sampled_from(
    [('<rss version="2.0"><channel><title>Wire</title>', "</channel></rss>"),
     ('<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>', "</feed>"),
     ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "</rdf:RDF>"),
     ("<rss>", "")]
)  # fmt: skip


@FUZZ
@given(
    prolog=FEED_PROLOGS,
    root=FEED_ROOTS,
    pieces=st.lists(st.one_of(FEED_PIECES, FEED_ITEMS), max_size=30),
    suffix=st.sampled_from([".rss", ".xml", ".atom", "", ".gz"]),
    encoding=st.sampled_from(["utf-8", "latin-1"]),
)
def test_feeds(
    workdir: Path, prolog: str, root: tuple[str, str], pieces: list[str], suffix: str, encoding: str
) -> None:
    text = prolog + root[0] + "".join(pieces) + root[1]
    path = write(
        workdir,
        text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace"),
        suffix,
    )
    check(str(path), ingest(path))


# JSON Lines.

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ODD_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
RECORDS = st.dictionaries(
    st.sampled_from(
        ["text", "body", "title", "date", "published_at", "source", "source_country", "url", "x"]
    ),
    JSON_VALUES,
    max_size=6,
).map(json.dumps)
STORIES = st.fixed_dictionaries(
    {"text": st.one_of(st.sampled_from(SENTENCES), ODD_TEXT)},
    optional={
        "title": ODD_TEXT,
        "date": st.sampled_from(["2024-06-17", "2024-06-17T08:30:00+09:00", "17/06/2024", ""]),
        "source_country": st.sampled_from(["KOR", "kor", "K0R", "Korea", ""]),
        "url": ODD_TEXT,
        "source": JSON_VALUES,
    },
).map(json.dumps)
BROKEN_LINES = st.sampled_from(
    ['{"text": ', "[1, 2]", "nul", '{"text": "a"} trailing', "[" * 5000, "1" * 5000, ""]
)


@FUZZ
@given(lines=st.lists(st.one_of(STORIES, RECORDS, BROKEN_LINES, st.text(max_size=40)), max_size=8))
def test_jsonl(workdir: Path, lines: list[str]) -> None:
    path = write(workdir, "\n".join(lines).encode("utf-8", "surrogatepass"), ".jsonl")
    check(str(path), ingest(path))


# HTTP responses: status lines, headers and bodies from a raw server on 127.0.0.1.


class RawServer:
    """Answers every connection on 127.0.0.1 with ``response``, then hangs up."""

    def __init__(self) -> None:
        self.response = b""
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1.0)
                try:
                    connection.recv(65_536)
                    connection.sendall(self.response)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()


@pytest.fixture(scope="module")
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    yield server
    server.close()


STATUS_LINES = st.sampled_from(
    [b"HTTP/1.1 200 OK", b"HTTP/1.0 200 OK", b"HTTP/1.1 302 Found", b"HTTP/1.1 301 Moved",
     b"HTTP/1.1 404 Not Found", b"HTTP/1.1 500 \xff\xfe", b"HTTP/9 200", b"garbage",
     b"HTTP/1.1 200", b"HTTP/1.1 99999 X", b""]
)  # fmt: skip
HEADER_VALUES = {
    b"Content-Type": [b"text/html; charset=utf-8", b"application/rss+xml", b"text/plain",
                      b"application/jsonl", b"text/html; charset=utf-7", b"image/png",
                      b"text/plain; charset=nonsense", b";;;", b"text/xml; charset=\"cp037\""],
    b"Content-Encoding": [b"gzip", b"br", b"gzip, gzip", b"identity", b"x-gzip", b"\xff"],
    b"Content-Length": [b"0", b"5", b"99999999999", b"-1", b"abc", b"\xd9\xa1"],
    b"Transfer-Encoding": [b"chunked", b"gzip"],
    b"Location": [b"/next", b"http://127.0.0.1:1/", b"http://10.0.0.1/", b"ftp://x/",
                  b"http://169.254.169.254/", b"http://news.example.test/", b"", b"http://[::1"],
}  # fmt: skip
HEADERS = st.lists(
    st.one_of(
        st.sampled_from(sorted(HEADER_VALUES)).flatmap(
            lambda name: st.sampled_from(HEADER_VALUES[name]).map(lambda value: (name, value))
        ),
        st.tuples(
            st.sampled_from(
                [b"X-A", b"Set-Cookie", b": ", b"Date", b"Server", b"Vary", b"X" * 70_000]
            ),
            st.binary(max_size=20),
        ),
    ),
    max_size=6,
)
BODIES = st.one_of(
    st.binary(max_size=2_000),
    st.sampled_from(SENTENCES).map(str.encode),
    st.sampled_from(SENTENCES).map(lambda text: gzip.compress(text.encode())),
    st.just(b"5\r\nhello\r\nZZ\r\n"),  # a broken chunked body
)


GOOD_RESPONSES = st.tuples(
    st.sampled_from([b"HTTP/1.1 200 OK", b"HTTP/1.0 200 OK"]),
    st.sampled_from(
        [[(b"Content-Type", b"text/plain; charset=utf-8")], [(b"Content-Type", b"text/html")],
         [(b"Content-Type", b"application/rss+xml")], [(b"Content-Type", b"application/jsonl")],
         [(b"Content-Type", b"text/plain"), (b"Content-Encoding", b"gzip")], []]
    ),
    st.sampled_from(
        [SENTENCES[0].encode(), gzip.compress(SENTENCES[1].encode()),
         f'{{"text": "{SENTENCES[0]}"}}'.encode(),
         f"<html><body><article><p>{SENTENCES[0] * 4}</p></article></body></html>".encode(),
         f"<rss><channel><item><description>{SENTENCES[2]}</description></item></channel></rss>"
         .encode()]
    ),
)  # fmt: skip


def never_resolve(host: str, port: int) -> list[str]:
    """Names in fuzzed redirects resolve to a reserved address: refused, never contacted."""
    return ["192.0.2.1"]


@FUZZ
@given(
    response=st.one_of(st.tuples(STATUS_LINES, HEADERS, BODIES), GOOD_RESPONSES),
    extra=HEADERS,
)
def test_http_responses(
    raw_server: RawServer,
    response: tuple[bytes, list[tuple[bytes, bytes]], bytes],
    extra: list[tuple[bytes, bytes]],
) -> None:
    status, headers, body = response
    headers = [*headers, *extra[:1]]
    lines = [
        status,
        *(name + b": " + value.replace(b"\r", b"").replace(b"\n", b"") for name, value in headers),
    ]
    raw_server.response = b"\r\n".join(lines) + b"\r\n\r\n" + body
    url = f"http://127.0.0.1:{raw_server.port}/page"
    limits = IngestLimits(allow_private=True, fetch_timeout=3.0)
    check(url, ingest(url, limits, resolver=never_resolve))
