"""Gold cases in the JSONL format of the evaluation sets (id, text, date, expected...)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from redline.errors import DataFileError


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected (source, target, code) triple."""

    source: str | None
    target: str | None
    code: str | None
    mode: str | None = None  # the gold's own mode of `code` (PLOVER 0.5 sets), for the bridge


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One gold sentence with its expected events and optional labels."""

    id: str
    text: str
    date: date
    expected: tuple[GoldEvent, ...]
    label: str | None = None
    modality: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    split: str | None = None
    mode: str | None = None  # the gold's mode of `label` (PLOVER 0.5 sets), for the bridge


def _date(value: object) -> date:
    text = str(value or "2000-01-01").strip()
    if len(text) == 6 and text.isdigit():  # yymmdd, as in PETRARCH records
        century = "20" if int(text[:2]) < 50 else "19"
        text = f"{century}{text}"
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return date.fromisoformat(text[:10])


def _actor_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return str(value[0].get("actorText") or "") or None
    return None


def parse_case(data: dict[str, object], where: str) -> GoldCase:
    """A gold case from one parsed JSON object."""
    try:
        raw_expected = data.get("expected") or []
        assert isinstance(raw_expected, list)
        mode = str(data["mode"]) if isinstance(data.get("mode"), str) else None
        expected = tuple(
            GoldEvent(e.get("source"), e.get("target"), e.get("code"), e.get("mode") or mode)
            for e in raw_expected
        )
        if not expected and data.get("type") and isinstance(data.get("source"), str):
            # One-event sets (e.g. the modality set): source/target/type at the top level.
            target = data.get("target")
            expected = (
                GoldEvent(str(data["source"]), str(target) if target else None, str(data["type"])),
            )
        label = data.get("label") or data.get("event") or data.get("type")
        return GoldCase(
            id=str(data.get("id") or where),
            text=str(data["text"]),
            date=_date(data.get("date")),
            expected=expected,
            label=str(label) if label else None,
            modality=str(data["modality"]) if data.get("modality") else None,
            source_text=_actor_text(data.get("source_actors") or data.get("source")),
            target_text=_actor_text(data.get("target_actors") or data.get("target")),
            split=str(data["split"]) if data.get("split") else None,
            mode=mode,
        )
    except (KeyError, ValueError, AssertionError, AttributeError) as exc:
        raise DataFileError(f"{where}: not a gold case ({exc})") from exc


def scorable(data: dict[str, object]) -> bool:
    """False for records the set itself marks as not to be scored: those expected to raise a
    coding error, and those flagged `sentence="false"` or `evaluate="false"`."""
    if data.get("expected_error"):
        return False
    flags = data.get("record_flag")
    if isinstance(flags, dict):
        return all(str(flags.get(k, "true")).lower() != "false" for k in ("sentence", "evaluate"))
    return True


def load_gold(path: Path) -> list[GoldCase]:
    """Every case of a gold JSONL file; a malformed line is an error naming the line."""
    cases = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
        if data.get("skip") or not scorable(data):
            continue
        cases.append(parse_case(data, f"{path.name}:{number}"))
    return cases
