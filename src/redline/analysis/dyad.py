"""A pair's cooperation ladder on a date with its history: what `redline dyad` shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from redline.analysis.evidence import EvidenceItem, LadderEvidence
from redline.analysis.ladder import LevelChange, LevelState, ladder_items, level_at, level_history
from redline.analysis.ladder_rules import Ladder
from redline.analysis.reports import Report


@dataclass(frozen=True, slots=True)
class DyadView:
    """The ladder of a pair on `at`, and how it got there."""

    pair: tuple[str, str]
    at: date
    state: LevelState
    history: tuple[LevelChange, ...]
    items: tuple[LadderEvidence, ...]


def dyad_view(
    reports: Sequence[Report],
    pair: tuple[str, str],
    at: date,
    ladder: Ladder,
    successors: Mapping[str, str] | None = None,
    extra: Sequence[LadderEvidence] = (),
) -> DyadView:
    """The view of a pair on a date; `extra` items (e.g. treaty provisions) join the events'."""
    items: list[LadderEvidence] = [*ladder_items(reports, ladder, pair, successors), *extra]
    items.sort(key=lambda i: (i.date, i.level))
    history = tuple(c for c in level_history(items) if c.date <= at)
    return DyadView(pair, at, level_at(items, at), history, tuple(items))


def item_json(item: LadderEvidence) -> dict[str, Any]:
    """An evidence item as JSON."""
    out: dict[str, Any] = {
        "level": item.level,
        "status": item.status.value,
        "kind": item.kind.value,
        "basis": item.basis.value,
        "date": item.date.isoformat(),
        "description": item.description,
        "modality": item.modality.value,
        "doc_id": item.evidence.doc_id,
        "text": item.evidence.text.strip(),
    }
    if isinstance(item, EvidenceItem):
        out["rung"] = item.rung
        out["event_id"] = item.event_id
        if item.report:
            out["attribution"] = item.report.event.attribution
            out["outlets"] = list(item.report.outlets)
            if item.report.published:
                out["published"] = item.report.published.isoformat()
    return out


def dyad_json(view: DyadView, ladder: Ladder) -> dict[str, Any]:
    """The stable JSON of `redline dyad --format json`."""
    state = view.state
    return {
        "pair": list(view.pair),
        "at": view.at.isoformat(),
        "level_asserted": state.asserted,
        "level_signalled": state.signalled,
        "level_asserted_name": ladder.name(state.asserted),
        "level_signalled_name": ladder.name(state.signalled),
        "evidence": [item_json(i) for i in (*state.asserted_by, *state.signalled_by)],
        "lapsed": [item_json(i) for i in state.ended],
        "lapses": [item_json(i) for i in state.lapses],
        "counter_evidence": [item_json(i) for i in state.denied],
        "history": [
            {
                "date": change.date.isoformat(),
                "level_asserted": change.asserted,
                "level_signalled": change.signalled,
                "evidence": [item_json(i) for i in change.items],
            }
            for change in view.history
        ],
    }
