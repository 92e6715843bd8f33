"""Reading PLOVER files: JSON arrays, JSON Lines and POLECAT's tab-separated layout.

Each record goes through `interop.plover.record_row`; a record that cannot be read is
reported with the line it starts on, and the rest of the file goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from redline.interop.importing import (
    ImportedItem,
    ImportProblem,
    RowError,
    decoded_lines,
)
from redline.interop.plover import record_row

# POLECAT's sector names -> the sector codes redline's actors use.
SECTORS = {
    "government": "GOV",
    "executive": "GOV",
    "military": "MIL",
    "legislature": "LEG",
    "legislative": "LEG",
    "judiciary": "JUD",
    "police": "COP",
    "diplomatic": "DIP",
    "media": "MED",
    "business": "BUS",
    "rebel": "REB",
    "opposition": "OPP",
    "intelligence": "SPY",
    "civilian": "CVL",
}


def read_plover(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """PLOVER records from JSON (an array), JSONL (one per line) or POLECAT's TSV."""
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        yield from _read_array(path)
    elif head == b"{":
        for number, line in decoded_lines(path):
            if isinstance(line, ImportProblem):
                yield line
            else:
                yield _one(path, number, lambda ln=line, n=number: _json_line(ln, path, n))
    else:
        yield from read_polecat(path)


def _read_array(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """The records of a JSON array, each numbered by the line it starts on."""
    try:
        text = path.read_text("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield ImportProblem(str(path), 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    decoder = json.JSONDecoder()
    at = text.index("[") + 1
    while True:
        at = _skip(text, at)
        if at >= len(text):
            yield ImportProblem(str(path), _line(text, at), "invalid JSON: the array is not closed")
            return
        if text[at] == "]":
            return
        number = _line(text, at)
        try:
            record, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            yield ImportProblem(str(path), exc.lineno, f"invalid JSON: {exc.msg}")
            return
        except RecursionError:
            yield ImportProblem(str(path), number, "the record is nested too deeply")
            return
        origin = f"plover:{path.name}:{number}"
        yield _one(path, number, lambda r=record, o=origin: record_row(r, o))
        at = _skip(text, at)
        if at < len(text) and text[at] == ",":
            at += 1
        elif at < len(text) and text[at] != "]":
            yield ImportProblem(str(path), _line(text, at), "invalid JSON: expected ',' or ']'")
            return


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _json_line(line: str, path: Path, number: int) -> ImportedItem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RowError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    return record_row(record, f"plover:{path.name}:{number}")


def _one(path: Path, number: int, read: Any) -> ImportedItem | ImportProblem:
    try:
        item = read()
    except RowError as exc:
        return ImportProblem(str(path), number, str(exc))
    except RecursionError:
        return ImportProblem(str(path), number, "the record is nested too deeply")
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        # A field of the wrong JSON type (a list where an object belongs, ...).
        return ImportProblem(str(path), number, f"a field has the wrong type: {exc}")
    assert isinstance(item, ImportedItem)
    return ImportedItem(item.document, item.events, item.outlets, number)


def _split(value: str) -> list[str]:
    return [v.strip().lower() for v in re.split(r"[;,|]", value or "") if v.strip()]


def polecat_record(row: dict[str, str]) -> dict[str, Any]:
    """A POLECAT TSV row as a PLOVER record (the manual's names)."""

    def entity(prefix: str) -> list[dict[str, Any]]:
        country = row.get(f"{prefix} Country") or ""
        name = row.get(f"{prefix} Name") or row.get(f"{prefix} Name Raw") or ""
        if not country and not name:
            return []
        sector = SECTORS.get((row.get(f"Primary {prefix} Sector") or "").strip().lower())
        return [{"code": country.upper() or "UNK", "sector": sector, "entity_text": name}]

    return {
        "id": row.get("Event ID"),
        "date": row.get("Event Date"),
        "event": [(row.get("Event Type") or "").upper()],
        "mode": _split(row.get("Event Mode") or "")[:1],
        "context": _split(row.get("Contexts") or ""),
        "actor": entity("Actor"),
        "recipient": entity("Recipient"),
        "published": row.get("Publication Date") or None,
        "cite_info": {"publication": row.get("Source") or None, "language": row.get("Language")},
        "coder": f"POLECAT {row.get('Version') or ''}".strip(),
    }


def read_polecat(path: Path) -> Iterator[ImportedItem | ImportProblem]:
    """POLECAT's tab-separated rows (a header of column names first)."""
    header: list[str] | None = None
    for number, line in decoded_lines(path):
        if isinstance(line, ImportProblem):
            yield line
            continue
        values = line.split("\t")
        if header is None:
            if "Event ID" not in values:
                reason = "not PLOVER JSON/JSONL, nor a POLECAT TSV with its header row"
                yield ImportProblem(str(path), number, reason)
                return
            header = values
            continue
        if len(values) != len(header):
            reason = f"expected {len(header)} tab-separated columns, found {len(values)}"
            yield ImportProblem(str(path), number, reason)
            continue
        row = dict(zip(header, values, strict=True))
        origin = f"polecat:{path.name}:{number}"
        yield _one(path, number, lambda r=row, o=origin: record_row(polecat_record(r), o))
