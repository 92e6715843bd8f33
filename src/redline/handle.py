"""The Python API for notebooks: `redline.open(db_url)` and the handle it returns.

The handle reads a store the CLI (or the API, or a batch run) wrote, and gives each kind of
result twice: as the typed records the rest of redline uses (`events()`, `alerts()`, `pair()`,
`provisions()`), and as a pandas DataFrame with one flat row per record (`events_df()`, ...).
pandas is optional (`pip install 'redline[pandas]'`): only the `*_df` methods need it, and they
say so when it is missing. Every query goes through the same code as the matching command, so a
notebook and `redline dyad` never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from redline.handle_records import (  # re-exported: redline.handle.X keeps working
    ALERT_COLUMNS,
    EVENT_COLUMNS,
    HISTORY_COLUMNS,
    PAIR_COLUMNS,
    PROVISION_COLUMNS,
    LevelStep,
    MissingExtraError,
    PairLevel,
    StoredProvision,
    _frame,
    alert_row,
    event_row,
    pair_level,
    provision_row,
)
from redline.models import Event
from redline.redlines.alerts import Alert

if TYPE_CHECKING:
    import pandas as pd

    from redline.analysis.reports import Report
    from redline.store import Store


__all__ = [
    "ALERT_COLUMNS",
    "EVENT_COLUMNS",
    "HISTORY_COLUMNS",
    "PAIR_COLUMNS",
    "PROVISION_COLUMNS",
    "LevelStep",
    "MissingExtraError",
    "PairLevel",
    "Redline",
    "StoredProvision",
    "open",
]


class Redline:
    """An open store: events, alerts, pairs and provisions as records and DataFrames.

    Use it as a context manager, or call `close()`, to release the database connections.
    """

    def __init__(self, store: Store, url: str) -> None:
        self.store = store
        self.url = url

    def __repr__(self) -> str:
        return f"<redline store {self.url}>"

    def __enter__(self) -> Redline:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.store.engine.dispose()

    def counts(self) -> dict[str, int]:
        """How many documents, copies and events are stored."""
        return self.store.counts()

    # --- events -----------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        pair: tuple[str, str] | None = None,
        types: Iterable[str] = (),
        modalities: Iterable[str] = (),
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events in date order, filtered as `redline events` filters them."""
        from redline.store import EventFilter

        where = EventFilter(
            actor=actor,
            pair=pair,
            types=tuple(types),
            modalities=tuple(modalities),
            since=since,
            until=until,
            limit=limit,
        )
        return self.store.events(where)

    def events_df(self, **filters: Any) -> pd.DataFrame:
        """`events(**filters)` as a DataFrame (columns: EVENT_COLUMNS)."""
        return _frame([event_row(e) for e in self.events(**filters)], EVENT_COLUMNS)

    # --- alerts -----------------------------------------------------------------------------

    def alerts(self, *, rule: str | None = None, state: str | None = None) -> list[Alert]:
        """The stored red-line alerts, each with its evidence and counter-evidence."""
        from redline.redlines.repository import AlertRepository

        return AlertRepository(self.store.engine).alerts(rule=rule, state=state)

    def alerts_df(self, **filters: Any) -> pd.DataFrame:
        """`alerts(**filters)` as a DataFrame (columns: ALERT_COLUMNS)."""
        return _frame([alert_row(a) for a in self.alerts(**filters)], ALERT_COLUMNS)

    # --- pairs and their cooperation ladder --------------------------------------------------

    def pair(self, a: str, b: str, at: date | None = None) -> PairLevel:
        """The ladder of A-B on `at` (default today) and its history, as `redline dyad` shows."""
        from redline.analysis.dyad import dyad_view
        from redline.analysis.ladder_rules import packaged_ladder
        from redline.redlines.service import stored_reports, successors

        key = (a.upper(), b.upper())
        ladder = packaged_ladder()
        reports = stored_reports(self.store, [key])
        return pair_level(dyad_view(reports, key, at or date.today(), ladder, successors()), ladder)

    def pairs(self, at: date | None = None) -> list[PairLevel]:
        """Every pair of states with a stored event between them, highest level first."""
        from redline.analysis.dyad import dyad_view
        from redline.analysis.ladder_rules import packaged_ladder
        from redline.redlines.service import stored_reports, successors

        ladder, mapping = packaged_ladder(), successors()
        reports = stored_reports(self.store)
        day = at or date.today()
        found = [
            pair_level(dyad_view(reports, key, day, ladder, mapping), ladder)
            for key in sorted(_state_pairs(reports, mapping))
        ]
        return sorted(found, key=lambda p: (-p.level_asserted, -p.level_signalled, p.pair))

    def pairs_df(self, at: date | None = None) -> pd.DataFrame:
        """`pairs(at)` as a DataFrame, one row per pair (columns: PAIR_COLUMNS)."""
        rows = [
            {
                "a": p.pair[0],
                "b": p.pair[1],
                "at": p.at,
                "level_asserted": p.level_asserted,
                "level_signalled": p.level_signalled,
                "asserted": p.asserted_name,
                "signalled": p.signalled_name,
            }
            for p in self.pairs(at)
        ]
        return _frame(rows, PAIR_COLUMNS)

    def history_df(self, a: str, b: str, at: date | None = None) -> pd.DataFrame:
        """Every change of A-B's ladder up to `at`, one row per date (columns: HISTORY_COLUMNS)."""
        level = self.pair(a, b, at)
        rows = [
            {
                "a": level.pair[0],
                "b": level.pair[1],
                "date": step.date,
                "level_asserted": step.level_asserted,
                "level_signalled": step.level_signalled,
                "moved_by": "; ".join(step.moved_by),
            }
            for step in level.history
        ]
        return _frame(rows, HISTORY_COLUMNS)

    # --- treaty provisions -------------------------------------------------------------------

    def provisions(self, *, reports: bool = True) -> list[StoredProvision]:
        """The treaty provisions of the stored documents, coded as `redline provisions` does.

        A document with "Article N" headings is coded as a treaty text; with `reports` (the
        default) the others are coded as news reports of treaties, which needs the language
        model and takes about as long as parsing them again.
        """
        return list(self._provisions(reports))

    def provisions_df(self, *, reports: bool = True) -> pd.DataFrame:
        """`provisions(reports=...)` as a DataFrame (columns: PROVISION_COLUMNS)."""
        found = self.provisions(reports=reports)
        return _frame([provision_row(p) for p in found], PROVISION_COLUMNS)

    def _provisions(self, reports: bool) -> Iterator[StoredProvision]:
        from redline.treaties.coder import code_treaty
        from redline.treaties.reports import code_report
        from redline.treaties.text import has_articles

        documents = sorted(self.store.documents(), key=lambda d: (d.published_at, d.id))
        for doc in documents:
            day = doc.published_at.date()
            if has_articles(doc.body):
                kind: Literal["treaty", "report"] = "treaty"
                found = list(code_treaty(doc.body, as_of=day, title=doc.title).provisions)
            elif reports:
                kind, found = "report", code_report(doc.body, day)
            else:
                continue
            for provision in found:
                yield StoredProvision(doc.id, doc.title, doc.source, day, kind, provision)


def _state_pairs(reports: Iterable[Report], successors: Mapping[str, str]) -> set[tuple[str, str]]:
    """The sorted pairs of distinct states that have an event between them."""
    pairs = set()
    for report in reports:
        source, target = report.event.source.country, report.event.target
        other = target.country if target else None
        if source and other:
            a, b = successors.get(source, source), successors.get(other, other)
            if a != b:
                pairs.add((min(a, b), max(a, b)))
    return pairs


def open(db_url: str | None = None) -> Redline:  # noqa: A001 - redline.open reads naturally
    """Open the store at `db_url`, else the configured one (`db` setting, `REDLINE_DB`, or
    redline.db in the data directory), migrating it to the current schema if needed."""
    from redline.settings import load_settings
    from redline.store import open_store

    url = db_url or load_settings().database_url()
    return Redline(open_store(url), url)
