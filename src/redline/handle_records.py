"""The records and flat rows of the Python API (`redline.handle`): typed results, the column
lists of each DataFrame, and how one record becomes one row. Kept apart from the handle so the
handle holds only the queries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from redline.errors import RedlineError
from redline.models import Event
from redline.redlines.alerts import Alert
from redline.treaties.models import Provision

if TYPE_CHECKING:
    import pandas as pd

    from redline.analysis.dyad import DyadView
    from redline.analysis.ladder_rules import Ladder


class MissingExtraError(RedlineError, ImportError):
    """An optional dependency the call needs is not installed (an ImportError too, so code
    that already catches ImportError for optional packages keeps working)."""

    code = "E020"


@dataclass(frozen=True, slots=True)
class LevelStep:
    """A date on which a pair's ladder moved, and what moved it (one line per evidence item)."""

    date: date
    level_asserted: int
    level_signalled: int
    moved_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PairLevel:
    """How far cooperation between two states had gone on `at`, and every step on the way."""

    pair: tuple[str, str]
    at: date
    level_asserted: int
    level_signalled: int
    asserted_name: str
    signalled_name: str
    evidence: tuple[str, ...]
    history: tuple[LevelStep, ...]


@dataclass(frozen=True, slots=True)
class StoredProvision:
    """A treaty provision coded from a stored document: a treaty text or a news report of one."""

    doc_id: str
    title: str
    source: str
    published: date
    document: Literal["treaty", "report"]
    provision: Provision


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError(
            "this needs pandas, which is not installed: pip install 'redline[pandas]' "
            "(the typed records, e.g. events() instead of events_df(), need nothing extra)"
        ) from exc
    return pandas


def _frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame with these columns in this order, even when there are no rows."""
    pandas = _pandas()
    frame: pd.DataFrame = pandas.DataFrame(list(rows), columns=list(columns))
    for column in columns:
        if column in ("date", "published", "at", "signalled_on", "crossed_on", "confirmed_on"):
            frame[column] = pandas.to_datetime(frame[column])
    return frame


EVENT_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "type",
    "mode",
    "contexts",
    "source",
    "source_country",
    "source_sector",
    "source_person",
    "target",
    "target_country",
    "target_sector",
    "target_person",
    "modality",
    "attribution",
    "intensity",
    "cameo",
    "confidence",
    "trigger",
    "doc_id",
    "sentence",
    "text",
)


def event_row(event: Event) -> dict[str, Any]:
    """An event as one flat row: actor and evidence fields spelled out, contexts joined by ','."""
    row: dict[str, Any] = {
        "id": event.id,
        "date": event.date.value,
        "date_precision": event.date.precision.value if event.date.precision else None,
        "type": event.type,
        "mode": event.mode,
        "contexts": ",".join(event.contexts),
        "modality": event.modality.value,
        "attribution": event.attribution,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "doc_id": event.evidence.doc_id,
        "sentence": event.evidence.sentence,
        "text": event.evidence.text,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        row[role] = actor.code if actor else None
        row[f"{role}_country"] = actor.country if actor else None
        row[f"{role}_sector"] = actor.sector if actor else None
        row[f"{role}_person"] = actor.person if actor else None
    return row


ALERT_COLUMNS = (
    "id",
    "rule",
    "title",
    "a",
    "b",
    "state",
    "severity",
    "tier",
    "signalled_on",
    "crossed_on",
    "confirmed_on",
    "sources",
    "mentions",
    "events",
    "outlets",
    "counter_evidence",
)


def alert_row(alert: Alert) -> dict[str, Any]:
    """An alert as one flat row; the evidence sentences stay on the typed record."""
    return {
        "id": alert.id,
        "rule": alert.rule,
        "title": alert.title,
        "a": alert.pair[0],
        "b": alert.pair[1],
        "state": alert.state.value,
        "severity": alert.severity,
        "tier": alert.tier,
        "signalled_on": alert.signalled_on,
        "crossed_on": alert.crossed_on,
        "confirmed_on": alert.confirmed_on,
        "sources": alert.sources,
        "mentions": alert.mentions,
        "events": alert.events,
        "outlets": ",".join(alert.outlets),
        "counter_evidence": len(alert.counter_evidence),
    }


PAIR_COLUMNS = ("a", "b", "at", "level_asserted", "level_signalled", "asserted", "signalled")
HISTORY_COLUMNS = ("a", "b", "date", "level_asserted", "level_signalled", "moved_by")
PROVISION_COLUMNS = (
    "doc_id",
    "title",
    "source",
    "published",
    "document",
    "type",
    "article",
    "modality",
    "automatic",
    "conditions",
    "domain",
    "crisis",
    "text",
)


def provision_row(found: StoredProvision) -> dict[str, Any]:
    """A stored provision as one flat row."""
    p = found.provision
    return {
        "doc_id": found.doc_id,
        "title": found.title,
        "source": found.source,
        "published": found.published,
        "document": found.document,
        "type": p.type.value,
        "article": p.article,
        "modality": p.modality.value,
        "automatic": p.automatic,
        "conditions": ",".join(c.value for c in p.conditions),
        "domain": p.domain.value if p.domain else None,
        "crisis": p.crisis,
        "text": " ".join(p.evidence.text.split()),
    }


def pair_level(view: DyadView, ladder: Ladder) -> PairLevel:
    """The typed record of a dyad view."""
    state = view.state
    return PairLevel(
        pair=view.pair,
        at=view.at,
        level_asserted=state.asserted,
        level_signalled=state.signalled,
        asserted_name=ladder.name(state.asserted),
        signalled_name=ladder.name(state.signalled),
        evidence=tuple(i.description for i in (*state.asserted_by, *state.signalled_by)),
        history=tuple(
            LevelStep(c.date, c.asserted, c.signalled, tuple(i.description for i in c.items))
            for c in view.history
        ),
    )
