"""Load the golden YAML files and compare them with what the pipeline codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from redline.ingest import iter_sources
from redline.models import Document, Event

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
DEMO = Path(__file__).resolve().parents[2] / "src" / "redline" / "data" / "demo"
# A head of state is part of the government: "GOV" in a golden case accepts HOS.
SECTOR_FAMILY = {"GOV": {"GOV", "HOS", "HOG", "DIP"}, "MIL": {"MIL"}}


@dataclass(frozen=True)
class GoldenCase:
    document: str
    sentence: str
    events: list[dict[str, Any]]
    reason: str
    scope: str = "sentence"
    # Why the coder still gets this case wrong (which construction it lacks); None = passes.
    known_gap: str | None = None


def load_cases(name: str) -> list[GoldenCase]:
    """Cases of one golden file (`document` at the top or on each case)."""
    data = yaml.safe_load((GOLDEN / name).read_text("utf-8"))
    default = data.get("document")
    return [
        GoldenCase(
            c.get("document", default),
            c["sentence"],
            c["events"] or [],
            c["reason"],
            c.get("scope", "sentence"),
            c.get("known_gap"),
        )
        for c in data["cases"]
    ]


def demo_documents() -> dict[str, Document]:
    """The demo corpus by file name."""
    docs = {}
    for item in iter_sources([str(DEMO)]):
        if isinstance(item, Document):
            docs[Path(item.origin).name] = item
    return docs


def _date_matches(expected: Any, event: Event) -> bool:
    text = str(expected)
    value = event.date.value
    if value is None:
        return False
    if len(text) == 4:
        return value.year == int(text)
    if len(text) == 7:
        return (value.year, value.month) == (int(text[:4]), int(text[5:7]))
    return value == date.fromisoformat(text)


def _sector_ok(expected: str | None, actual: str | None) -> bool:
    return expected is None or (actual or "") in SECTOR_FAMILY.get(expected, {expected})


def event_matches(exp: dict[str, Any], event: Event) -> list[str]:
    """The fields where `event` differs from the expected coding (empty when it matches)."""
    target = event.target.country or event.target.code if event.target else None
    checks = {
        "type": exp["type"] == event.type,
        "source": exp["source"] == (event.source.country or event.source.code),
        "target": exp.get("target") == target,
        "modality": exp["modality"] == event.modality.value,
        "date": "date" not in exp or _date_matches(exp["date"], event),
        "date_precision": "date_precision" not in exp
        or exp["date_precision"] == (event.date.precision.value if event.date.precision else None),
        "source_sector": _sector_ok(exp.get("source_sector"), event.source.sector),
    }
    return [name for name, ok in checks.items() if not ok]


def compare(case: GoldenCase, events: list[Event]) -> list[str]:
    """Problems with the coding of one golden sentence (empty when it is right)."""
    problems = []
    for exp in case.events:
        diffs = [event_matches(exp, e) for e in events]
        if not any(not d for d in diffs):
            closest = min(diffs, key=len) if diffs else ["no event"]
            problems.append(
                f"missing {exp['type']} {exp['source']}->{exp.get('target')} "
                f"{exp['modality']} (closest differs in {closest})"
            )
    for event in events:
        if not any(not event_matches(exp, event) for exp in case.events):
            target = event.target.code if event.target else None
            problems.append(
                f"unexpected {event.type} {event.source.code}->{target} "
                f"{event.modality.value} {event.date.value}"
            )
    return problems


def sentence_events(events: list[Event], sentence: str) -> list[Event]:
    """Events whose evidence is the given sentence."""
    return [e for e in events if e.evidence.text.strip() == sentence.strip()]
