"""Checks on HTML and feed bytes before lxml, feedparser or trafilatura sees them.

Each refuses, with an :class:`IngestError` meant for the user, input that would cost a parser
unbounded memory or time: entity declarations (billion laughs), deep nesting, oversized pages,
encodings that could hide markup from these checks, and an XML declaration that would send
feedparser's encoding regex into cubic time.
"""

from __future__ import annotations

import re
from collections import Counter

from redline.errors import IngestError
from redline.ingest.content import UTF8_BOM
from redline.ingest.limits import IngestLimits, human_size

DECLARATION_BYTES = 1024
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC; feedparser then decodes as cp037
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
# Printable ASCII plus the shift sequences of UTF-7, HZ and the escape codecs: an encoding
# decodes this to itself only if every ASCII character in its output is that same byte.
_MARKUP_PROBE = bytes(range(0x20, 0x7F)) + b"\t\n\r +ADw- \\u003c \\x3c ~{ ~} &#60;"

# One markup token: a comment or CDATA opening (skipped to its end), or a start or end tag.
_TOKEN = re.compile(rb"<(?:(!--)|(!\[CDATA\[)|(/?)([A-Za-z][^\s/<>]*)([^<>]*)>)")
_SKIP_TO = {1: b"-->", 2: b"]]>"}
# HTML elements that never hold children, or whose end tag a parser adds when a sibling opens.
_HTML_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"basefont bgsound frame keygen".split()
)
_HTML_OPTIONAL_END = frozenset(
    b"html head body p li dt dd option optgroup tr td th thead tbody tfoot colgroup "
    b"caption rb rt rtc rp".split()
)
_HTML_UNCOUNTED = _HTML_VOID | _HTML_OPTIONAL_END
_HTML_RAW_TEXT = frozenset(b"script style textarea title xmp iframe noembed noframes".split())


def check_html(data: bytes, limits: IngestLimits, charset: str | None = None) -> None:
    """Refuse a page too large for trafilatura, nested too deeply, or in a markup-hiding charset."""
    if len(data) > limits.max_html_bytes:
        raise IngestError(
            f"HTML too large to extract ({human_size(len(data))} > "
            f"{human_size(limits.max_html_bytes)} max_html_bytes)"
        )
    _check_encoding(charset, "page")
    check_nesting(data, limits.max_nesting_depth, html=True)


def prepare_feed(data: bytes, limits: IngestLimits, charset: str | None = None) -> bytes:
    """The feed bytes after every check, with the XML declaration on a line of its own."""
    body = data.removeprefix(UTF8_BOM)
    if body.startswith(_EBCDIC_XML):
        raise IngestError("feed is in EBCDIC (cp037), which can hide markup; convert it to UTF-8")
    declaration = b""
    if body.startswith(b"<?"):
        end = body.find(b"?>", 0, DECLARATION_BYTES)
        if end < 0:
            raise IngestError(
                f"malformed XML declaration (no '?>' in its first {DECLARATION_BYTES} bytes)"
            )
        declaration = body[: end + 2]
        if not body[end + 2 :].startswith((b"\n", b"\r")):
            # feedparser matches a backtracking regex against the first line: keep it short.
            body = declaration + b"\n" + body[end + 2 :]
    _check_encoding(charset, "feed")
    for match in _DECLARED_ENCODING.finditer(declaration):
        _check_encoding(match.group(1).decode("latin-1"), "feed")
    if _DOCTYPE.search(body) and _ENTITY.search(body):
        raise IngestError(
            "feed DOCTYPE declares entities (<!ENTITY>); refused, as entity expansion "
            "can exhaust memory (billion laughs)"
        )
    check_nesting(body, limits.max_nesting_depth, html=False)
    return UTF8_BOM + body if data.startswith(UTF8_BOM) else body


def check_nesting(data: bytes, limit: int, *, html: bool) -> None:
    """Refuse markup whose elements nest deeper than ``limit``, by one linear scan of the tags.

    End tags close back to the matching open element, as parsers recover; in HTML, void
    elements and elements with optional end tags are not counted.
    """
    if data.count(b"<") <= limit:
        return
    stack: list[bytes] = []
    open_count: Counter[bytes] = Counter()
    resume_at = 0
    for match in _TOKEN.finditer(data):
        if match.start() < resume_at:
            continue
        skipped = match.lastindex if match.lastindex in _SKIP_TO else None
        if skipped is not None:
            end = data.find(_SKIP_TO[skipped], match.end())
            if end < 0:
                return
            resume_at = end + len(_SKIP_TO[skipped])
            continue
        closing, name, rest = match.group(3), match.group(4).lower(), match.group(5)
        if closing:
            if open_count[name]:
                while (popped := stack.pop()) != name:
                    open_count[popped] -= 1
                open_count[name] -= 1
            continue
        if rest.endswith(b"/") or (html and name in _HTML_UNCOUNTED):
            continue
        if html and name in _HTML_RAW_TEXT:
            end_tag = re.compile(rb"</" + re.escape(name) + rb"[\s/>]", re.IGNORECASE)
            found = end_tag.search(data, match.end())
            if found is None:
                return
            resume_at = found.end()
            continue
        stack.append(name)
        open_count[name] += 1
        if len(stack) > limit:
            raise IngestError(
                f"markup nested more than {limit} levels deep (max_nesting_depth); "
                "refused before parsing"
            )


def _check_encoding(encoding: str | None, noun: str) -> None:
    """Refuse an encoding in which markup could hide from the byte-level checks here."""
    if not encoding:
        return
    try:
        visible = _MARKUP_PROBE.decode(encoding) == _MARKUP_PROBE.decode("ascii")
    except LookupError:
        return  # unknown, or not a text encoding: no parser can decode with it either
    except (UnicodeError, ValueError):
        visible = False
    if not visible:
        raise IngestError(
            f"{noun} declares encoding {encoding!r}, which can hide markup; convert it to UTF-8"
        )
