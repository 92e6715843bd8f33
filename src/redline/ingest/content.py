"""Checks on raw bytes before any parser sees them: binary, encoding, emptiness, format.

Every check raises :class:`IngestError` with a message meant for the user; callers turn it into
an :class:`~redline.ingest.problems.IngestProblem` naming the input.
"""

from __future__ import annotations

import codecs
from enum import StrEnum

from redline.errors import IngestError

SNIFF_BYTES = 8192
UTF8_BOM = codecs.BOM_UTF8

# Signatures of common binary formats whose first bytes are not NUL.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls
    b"SQLite format 3\x00",
    b"wOFF",
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C0 controls that do not occur in text (tab, newlines, form feed and ESC do).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | (frozenset(range(0x0E, 0x20)) - {0x1B})
_MAX_CONTROL_SHARE = 0.1


class Format(StrEnum):
    """How a source is parsed."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    FEED = "feed"


EXTENSION_FORMATS = {
    ".txt": Format.TEXT,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}

_CONTENT_TYPE_FORMATS = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/x-rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
    "application/json": Format.JSONL,  # JSON Lines is often served as plain JSON
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/x-jsonlines": Format.JSONL,
    "text/markdown": Format.TEXT,
}


def check_not_binary(data: bytes, noun: str = "file") -> None:
    """Refuse data that is not text: NUL bytes, a known binary signature, or many controls."""
    head = data[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        raise IngestError("not UTF-8 text (UTF-16 byte order mark); convert it to UTF-8")
    if b"\x00" in head or head.startswith(_BINARY_MAGIC):
        raise IngestError(f"binary {noun}, not text")
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise IngestError(f"binary {noun}, not text")


def check_not_empty(data: bytes, noun: str = "file") -> None:
    """Refuse data with nothing but whitespace (and perhaps a byte order mark)."""
    if not data.removeprefix(UTF8_BOM).strip():
        raise IngestError(f"empty {noun}")


def decode_text(data: bytes, noun: str = "file", charset: str | None = None) -> str:
    """Decode UTF-8 (a BOM is accepted) or a charset declared by the server; refuse empty text."""
    check_not_empty(data, noun)
    charset = _known_charset(charset)
    if charset and codecs.lookup(charset).name != "utf-8":
        try:
            return data.decode(charset)
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"not {charset} text as declared (invalid byte at offset {exc.start})"
            ) from exc
    offset = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        position = offset + exc.start
        raise IngestError(
            f"not UTF-8 text (invalid byte 0x{data[position]:02X} at offset {position}); "
            "convert it to UTF-8"
        ) from exc


def _known_charset(charset: str | None) -> str | None:
    """The charset if Python knows it, else None (then UTF-8 is assumed)."""
    if not charset:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    return charset


def sniff_format(data: bytes) -> Format:
    """Guess the format from the first bytes: feed and HTML markers, else plain text."""
    head = data[:1024].removeprefix(UTF8_BOM).lstrip().lower()
    if head.startswith(b"<?xml"):
        return Format.HTML if b"<html" in head and b"<rss" not in head else Format.FEED
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return Format.FEED
    if head.startswith((b"<html", b"<!doctype html")):
        return Format.HTML
    return Format.TEXT


def parse_content_type(value: str) -> tuple[str, str | None]:
    """Split a Content-Type header into its lower-cased media type and its charset, if any."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip('"') or None
    return media_type.strip().lower(), charset


def format_for_content_type(media_type: str) -> Format | None:
    """The format a specific media type names; None for generic ones (text/plain, octet-stream)."""
    return _CONTENT_TYPE_FORMATS.get(media_type)
