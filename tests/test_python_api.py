"""`redline.open()`: the notebook API agrees with the commands, as records and as DataFrames."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import redline
from redline.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "redline" / "data" / "demo"
TREATY_2024 = ROOT / "tests" / "fixtures" / "treaties" / "2024-russia-dprk.md"
# June 2024 in the demo corpus: the visit announced, the pact signed, its text published.
JUNE = [f"{n:02d}-" for n in range(9, 21)]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def june(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[str]:
    """A store holding the demo articles of June 2024, ingested through the real pipeline."""
    from redline.runner import ingest
    from redline.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'june.db'}"
    files = sorted(str(p) for p in DEMO.glob("*.md") if p.name[:3] in JUNE)
    store = open_store(url)
    report = ingest(files, store, pipeline)
    assert report.new >= 10 and not report.problems
    store.engine.dispose()
    yield url


def cli_json(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_importing_redline_loads_nothing_heavy() -> None:
    code = (
        "import sys, redline; "
        "print([m for m in ('spacy', 'sqlalchemy', 'pandas', 'redline.handle') "
        "if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert callable(redline.open) and redline.__version__


def test_events_are_the_events_the_command_lists(june: str) -> None:
    with redline.open(june) as rl:
        events = rl.events(pair=("RUS", "PRK"))
        frame = rl.events_df(pair=("RUS", "PRK"))
        asserted = rl.events_df(
            pair=("RUS", "PRK"), modalities=["asserted"], since=date(2024, 6, 19)
        )
    listed = [
        json.loads(line)
        for line in cli_json(
            "events", "--pair", "RUS", "PRK", "--format", "jsonl", "--db", june
        ).splitlines()
    ]
    assert [e.id for e in events] == [row["id"] for row in listed] == list(frame["id"])
    assert {"date", "type", "source", "target", "modality", "text", "doc_id"} <= set(frame.columns)
    assert len(asserted) > 0 and set(asserted["modality"]) == {"asserted"}
    assert (asserted["date"] >= "2024-06-19").all()
    first = events[0]
    assert (
        frame.iloc[0]["text"] == first.evidence.text
        and frame.iloc[0]["source"] == first.source.code
    )


def test_the_mutual_defence_alert_as_record_and_row(june: str) -> None:
    with redline.open(june) as rl:
        alerts = {a.rule: a for a in rl.alerts()}
        frame = rl.alerts_df(rule="mutual-defence")
    alert = alerts["mutual-defence"]
    assert alert.state.value == "confirmed"
    assert (alert.signalled_on, alert.crossed_on, alert.confirmed_on) == (
        date(2024, 6, 17),
        date(2024, 6, 19),
        date(2024, 6, 20),
    )
    assert alert.evidence and any("Article 4" in e.text for e in alert.evidence)
    assert list(frame["rule"]) == ["mutual-defence"]
    row = frame.iloc[0]
    assert row["state"] == "confirmed" and row["confirmed_on"].date() == date(2024, 6, 20)
    assert row["sources"] == alert.sources and row["counter_evidence"] == len(
        alert.counter_evidence
    )


def test_a_pair_level_and_history_agree_with_redline_dyad(june: str) -> None:
    shown = json.loads(
        cli_json("dyad", "RUS", "PRK", "--at", "2024-06-30", "--format", "json", "--db", june)
    )
    with redline.open(june) as rl:
        level = rl.pair("rus", "prk", date(2024, 6, 30))
        history = rl.history_df("RUS", "PRK", date(2024, 6, 30))
        before = rl.pair("RUS", "PRK", date(2024, 6, 18))
        pairs = rl.pairs(date(2024, 6, 30))
        table = rl.pairs_df(date(2024, 6, 30))
    assert (level.level_asserted, level.level_signalled) == (
        shown["level_asserted"],
        shown["level_signalled"],
    )
    assert level.asserted_name == shown["level_asserted_name"]
    assert level.level_asserted == 6 and before.level_asserted < 6
    assert [s.date.isoformat() for s in level.history] == [h["date"] for h in shown["history"]]
    assert [d.date().isoformat() for d in history["date"]] == [h["date"] for h in shown["history"]]
    assert list(history["level_asserted"]) == [h["level_asserted"] for h in shown["history"]]
    # RUS-PRK is the highest pair; the table holds the same levels as the records.
    assert pairs[0].pair == ("PRK", "RUS") and pairs[0].level_asserted == 6
    assert list(zip(table["a"], table["b"], strict=True)) == [p.pair for p in pairs]
    assert list(table["level_asserted"]) == [p.level_asserted for p in pairs]


def test_provisions_of_news_reports_and_of_a_treaty_text(
    june: str, tmp_path: Path, pipeline: Any
) -> None:
    from redline.runner import ingest
    from redline.store import open_store

    with redline.open(june) as rl:
        found = rl.provisions()
        frame = rl.provisions_df()
        texts_only = rl.provisions(reports=False)
    defence = [p for p in found if p.provision.type.value == "DEFENSE"]
    assert any(p.provision.automatic and p.published == date(2024, 6, 20) for p in defence)
    assert {p.document for p in found} == {"report"} and texts_only == []
    assert len(frame) == len(found) and set(frame["type"]) >= {"DEFENSE"}

    url = f"sqlite:///{tmp_path / 'treaty.db'}"
    store = open_store(url)
    ingest([str(TREATY_2024)], store, pipeline)
    store.engine.dispose()
    with redline.open(url) as rl:
        treaty = rl.provisions(reports=False)
    articles = {p.provision.type.value: p.provision.article for p in treaty}
    assert {p.document for p in treaty} == {"treaty"}
    assert articles["DEFENSE"] == "4" and "MILITARY_AID" in articles


def test_open_without_a_url_uses_the_configured_database(
    june: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDLINE_DB", june)
    with redline.open() as rl:
        assert rl.url == june and rl.counts()["documents"] >= 10


def test_dataframes_without_pandas_say_what_to_install(
    june: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redline.handle import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)  # what Python does for a missing package
    with redline.open(june) as rl:
        assert rl.alerts()  # the records need nothing extra
        with pytest.raises(MissingExtraError, match=r"pip install 'redline\[pandas\]'"):
            rl.alerts_df()
        with pytest.raises(ImportError):
            rl.events_df()


def test_empty_results_keep_their_columns(tmp_path: Path) -> None:
    from redline.handle import ALERT_COLUMNS, EVENT_COLUMNS

    with redline.open(f"sqlite:///{tmp_path / 'empty.db'}") as rl:
        assert list(rl.events_df().columns) == list(EVENT_COLUMNS)
        assert list(rl.alerts_df().columns) == list(ALERT_COLUMNS)
        assert rl.pairs() == [] and rl.pair("RUS", "PRK").history == ()
