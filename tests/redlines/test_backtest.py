"""Backtesting rules: the replay over the demo corpus gives the end-to-end alert dates, and
nothing is written to the store.

The expected dates are those of tests/redlines/test_redlines_demo.py (the table of
../shared/scenario/expected.md as redline reads it).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from event_records import event, report
from redline.cli.main import cli
from redline.models import Modality
from redline.redlines.alerts import AlertState
from redline.redlines.backtest import backtest, replay, text_report
from redline.redlines.rules import load_rules

PAIR = ("RUS", "PRK")
SIGNALLED, CROSSED, CONFIRMED = AlertState.SIGNALLED, AlertState.CROSSED, AlertState.CONFIRMED
# Dates of the end-to-end test: (rule, day) -> state reached by that day.
TABLE = {
    ("advanced-tech", "2023-08-31"): None,
    ("advanced-tech", "2023-09-13"): SIGNALLED,
    ("mutual-defence", "2024-06-16"): None,
    ("mutual-defence", "2024-06-17"): SIGNALLED,
    ("mutual-defence", "2024-06-19"): CROSSED,
    ("mutual-defence", "2024-06-20"): CONFIRMED,
    ("joint-combat", "2024-06-20"): None,
    ("joint-combat", "2024-10-31"): SIGNALLED,
    ("joint-combat", "2024-11-13"): CROSSED,
    ("advanced-tech", "2024-11-13"): SIGNALLED,
    ("advanced-tech", "2024-11-22"): CROSSED,
    ("mutual-defence", "2024-12-04"): CONFIRMED,
}
RULE = """\
redlines:
  - id: backtest-probe
    title: Any military aid between Russia and North Korea
    pair: [RUS, PRK]
    confirm: {sources: 2}
    when:
      event: {types: [AID], contexts: [military]}
"""


@pytest.fixture(scope="module")
def demo_db(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo corpus in a fresh store (ingest also evaluates and saves the default alerts)."""
    from redline.cli.demo import demo_corpus
    from redline.runner import ingest
    from redline.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('backtest') / 'demo.db'}"
    store = open_store(url)
    ingest([str(demo_corpus())], store, pipeline)
    store.engine.dispose()
    return url


def stored_alerts(url: str) -> list[dict[str, Any]]:
    from redline.redlines.repository import AlertRepository
    from redline.store import open_store

    store = open_store(url)
    try:
        return [a.to_json() for a in AlertRepository(store.engine).alerts()]
    finally:
        store.engine.dispose()


@pytest.mark.model
def test_the_demo_backtest_reproduces_the_end_to_end_alert_dates(demo_db: str) -> None:
    from redline.redlines.service import refresh
    from redline.store import open_store

    store = open_store(demo_db)
    rules = load_rules()
    result = backtest(store, rules, date(2023, 1, 1), date(2025, 12, 31))
    exact = backtest(store, rules, date(2023, 1, 1), date(2025, 12, 31), every_day=True)
    live = {a.rule: a for a in refresh(store, rules)}
    store.engine.dispose()
    for (rule, day), expected in TABLE.items():
        assert result.state_on(rule, PAIR, date.fromisoformat(day)) is expected, (rule, day)
    for rule, alert in live.items():
        steps = {t.state: t for t in result.transitions if t.rule == rule}
        if alert.signalled_on:
            assert steps[SIGNALLED].on == alert.signalled_on
        assert steps[CROSSED].on == alert.crossed_on
        if alert.confirmed_on:
            assert steps[CONFIRMED].on == alert.confirmed_on
        for step in steps.values():
            assert step.noticed_on == step.on  # the demo reports each step on its day
            assert step.evidence and all(e.text for e in step.evidence)
    assert "nuclear-acceptance" not in {t.rule for t in result.transitions}
    # Evaluating only on days a matching report appeared misses nothing here.
    assert result.to_json() == exact.to_json()
    assert {a.rule: a.to_json() for a in result.final} == {r: a.to_json() for r, a in live.items()}
    months = result.per_month()
    assert months["2024-06"]["mutual-defence"] == 3  # signalled, crossed, confirmed: 3 days
    assert months["2023-09"]["advanced-tech"] == 1
    assert sum(months["2024-07"].values()) == 0


@pytest.mark.model
def test_a_backtest_writes_no_alert(demo_db: str, tmp_path: Path) -> None:
    rules_file = tmp_path / "probe.yaml"
    rules_file.write_text(RULE, "utf-8")
    before = stored_alerts(demo_db)
    result = CliRunner().invoke(
        cli,
        ["redlines", "backtest", str(rules_file), "--from", "2023-01-01", "--to", "2025-12-31"]
        + ["--db", demo_db, "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    (probe,) = out["rules"]
    assert probe["rule"] == "backtest-probe" and probe["transitions"]
    assert probe["transitions"][0]["evidence"][0]["doc_id"]
    assert stored_alerts(demo_db) == before
    assert "backtest-probe" not in {a["rule"] for a in before}


@pytest.mark.model
def test_the_text_report_names_each_step(demo_db: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["redlines", "backtest", "default", "--from", "2024-06-01", "--to", "2024-06-30"]
        + ["--db", demo_db],
    )
    assert result.exit_code == 0, result.output
    assert "2024-06-17 signalled RUS-PRK" in result.output
    assert "2024-06-20 confirmed RUS-PRK" in result.output
    assert "already signalled on 2024-06-01" in result.output  # advanced-tech, from 2023
    assert "2024-06" in result.output.split("per month")[1]


def test_a_late_report_is_noticed_on_its_publication_day(tmp_path: Path) -> None:
    late = report(
        event(
            "Russia delivered military aid to North Korea.",
            type="AID",
            contexts=["military"],
            day="2024-03-01",
            doc="late",
        ),
        published="2024-05-10",
    )
    hint = report(
        event(
            "Russia may send military aid to North Korea.",
            type="AID",
            contexts=["military"],
            modality=Modality.SPECULATED,
            day="2024-04-01",
            doc="hint",
        ),
        published="2024-04-01",
    )
    (tmp_path / "probe.yaml").write_text(RULE, "utf-8")
    rules = load_rules([tmp_path / "probe.yaml"], defaults=False)
    result = replay(rules, [late, hint], date(2024, 1, 1), date(2024, 12, 31))
    steps = [(t.state, t.on, t.noticed_on) for t in result.transitions]
    # Signalled on 1 April; on 10 May the crossing of 1 March became known.
    assert steps == [
        (SIGNALLED, date(2024, 4, 1), date(2024, 4, 1)),
        (CROSSED, date(2024, 3, 1), date(2024, 5, 10)),
    ]
    assert result.per_month()["2024-05"]["backtest-probe"] == 1
    assert any("noticed 2024-05-10" in line for line in text_report(result))


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        replay(load_rules(), [], date(2024, 2, 1), date(2024, 1, 1))


@pytest.mark.model
def test_a_plover_copy_of_the_demo_backtests_the_same(demo_db: str, tmp_path: Path) -> None:
    """Coded events exported as PLOVER and imported elsewhere keep every field and alert date."""
    from redline.interop.export import write_export
    from redline.interop.importing import import_files
    from redline.interop.plover_read import read_plover
    from redline.interop.records import export_records, flat_row
    from redline.store import open_store

    store = open_store(demo_db)
    path = tmp_path / "demo.plover.jsonl"
    write_export(export_records(store), "plover", path)
    copy = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    report = import_files([path], read_plover, copy)
    assert report.problems == [] and report.events == report.rows > 100
    assert {r.event.id: flat_row(r) for r in export_records(copy)} == {
        r.event.id: flat_row(r) for r in export_records(store)
    }
    span = (date(2023, 1, 1), date(2025, 12, 31))
    rules = load_rules()
    original = backtest(store, rules, *span).to_json()
    assert backtest(copy, rules, *span).to_json() == original
    store.engine.dispose()
    copy.engine.dispose()
