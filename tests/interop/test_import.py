"""Importing GDELT, Phoenix, PLOVER and POLECAT files: provenance, reported rows, the ladder
and the red lines over imported events, and the export -> import round trip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from redline.analysis.dyad import dyad_view
from redline.analysis.ladder_rules import packaged_ladder
from redline.cli.main import cli
from redline.interop.cameo_formats import read_gdelt, read_phoenix
from redline.interop.export import write_export
from redline.interop.importing import ImportReport, import_files
from redline.interop.plover_read import read_plover
from redline.interop.records import export_records, flat_row
from redline.redlines.alerts import AlertState
from redline.redlines.repository import AlertRepository
from redline.redlines.rules import load_rules
from redline.redlines.service import refresh, stored_reports, successors
from redline.store import Store

PROBE = """\
redlines:
  - id: military-aid
    title: Military aid between Russia and North Korea
    pair: [RUS, PRK]
    confirm: {sources: 2}
    when:
      event: {types: [AID, COOPERATE], contexts: [military]}
"""


def problems(report: ImportReport) -> list[tuple[int, str]]:
    return [(p.line, p.reason) for p in report.problems]


def test_gdelt_rows_become_events_with_provenance(backend_store: Store, fixtures: Path) -> None:
    report = import_files([fixtures / "gdelt-sample.export.CSV"], read_gdelt, backend_store)
    assert (report.rows, report.events) == (4, 4)
    found = problems(report)
    assert [line for line, _ in found] == [4, 5, 6, 7]
    assert "expected 61 tab-separated columns" in found[0][1] and "found 60" in found[0][1]
    assert "EventCode '999'" in found[1][1]
    assert "SQLDATE '20241345'" in found[2][1]
    assert "source actor" in found[3][1]

    aid = [e for e in backend_store.events() if e.cameo == "072"]
    assert {
        (e.type, e.contexts, e.source.country, e.target.country if e.target else None) for e in aid
    } == {("AID", ("military",), "RUS", "PRK")}
    first = next(e for e in aid if e.date.value == date(2024, 6, 19))
    assert first.source.code == "RUSGOV" and first.source.sector == "GOV"
    assert "1180000001" in first.evidence.text and "provide military aid" in first.evidence.text
    doc = backend_store.document(first.evidence.doc_id)
    assert doc is not None
    assert doc.url == "https://www.first-wire.example/2024/06/19/arms"
    assert doc.source == "first-wire.example"
    assert doc.origin == "gdelt:gdelt-sample.export.CSV:1"
    assert "NumSources: 2" in doc.body and "GoldsteinScale: 7.4" in doc.body
    un = next(e for e in backend_store.events() if e.cameo == "042")
    assert un.target is not None and un.target.code == "IGOUNO" and un.target.country is None

    again = import_files([fixtures / "gdelt-sample.export.CSV"], read_gdelt, backend_store)
    assert (again.rows, again.events) == (4, 0)  # the same rows again add nothing


def test_imported_events_feed_the_ladder_and_the_rules(
    backend_store: Store, fixtures: Path, tmp_path: Path
) -> None:
    import_files([fixtures / "gdelt-sample.export.CSV"], read_gdelt, backend_store)
    reports = stored_reports(backend_store, [("RUS", "PRK")])
    ladder = packaged_ladder()
    before = dyad_view(reports, ("RUS", "PRK"), date(2024, 6, 18), ladder, successors())
    after = dyad_view(reports, ("RUS", "PRK"), date(2024, 6, 19), ladder, successors())
    assert before.state.asserted < 4 <= after.state.asserted

    (tmp_path / "probe.yaml").write_text(PROBE, "utf-8")
    rules = load_rules([tmp_path / "probe.yaml"], defaults=False)
    (alert,) = refresh(backend_store, rules)
    # Two outlets (first-wire.example, second-daily.example) report the aid: confirmed.
    assert (alert.crossed_on, alert.confirmed_on) == (date(2024, 6, 19), date(2024, 6, 20))
    assert alert.sources == 2
    assert AlertRepository(backend_store.engine).alerts(rule="military-aid")[0].state is (
        AlertState.CONFIRMED
    )


def test_phoenix_rows_keep_their_outlets(backend_store: Store, fixtures: Path) -> None:
    report = import_files([fixtures / "phoenix-sample.txt"], read_phoenix, backend_store)
    assert report.rows == 2
    assert problems(report)[0][0] == 3 and "expected 26" in problems(report)[0][1]
    assert problems(report)[1][0] == 4 and "'abc'" in problems(report)[1][1]
    troops = next(e for e in backend_store.events() if e.cameo == "062")
    assert (troops.type, troops.source.code, troops.target and troops.target.code) == (
        "COOPERATE",
        "PRKMIL",
        "RUS",
    )
    assert backend_store.copies(troops.evidence.doc_id) == ["first_wire", "second_daily"]


def test_plover_and_polecat_records(backend_store: Store, fixtures: Path) -> None:
    report = import_files(
        [fixtures / "plover-sample.jsonl", fixtures / "polecat-sample.tsv"],
        read_plover,
        backend_store,
    )
    assert report.rows == 5
    found = [(p.file.rsplit("/", 1)[-1], p.line) for p in report.problems]
    assert found == [
        ("plover-sample.jsonl", 3),
        ("plover-sample.jsonl", 4),
        ("plover-sample.jsonl", 5),
        ("polecat-sample.tsv", 4),
        ("polecat-sample.tsv", 5),
    ]
    by_cite = {e.evidence.text: e for e in backend_store.events()}
    pact = by_cite["Russia and North Korea signed a treaty pledging mutual military assistance."]
    assert pact.source.code == "RUSGOV" and pact.modality.value == "asserted"
    assert backend_store.document(pact.evidence.doc_id).url == "https://www.first-wire.example/pact"  # type: ignore[union-attr]
    kpa = next(e for e in backend_store.events() if e.type == "MOBILIZE")
    assert (kpa.source.code, kpa.source.sector, kpa.contexts) == ("PRKMIL", "MIL", ("military",))
    # The default mutual-defence rule reads the PLOVER text: crossed, not confirmed (text only).
    alerts = {a.rule: a for a in refresh(backend_store)}
    assert alerts["mutual-defence"].state is AlertState.CROSSED
    assert alerts["mutual-defence"].crossed_on == date(2024, 6, 19)


def test_export_then_import_keeps_every_field(sample_store: Store, tmp_path: Path) -> None:
    from redline.store import open_store

    original = {r.event.id: flat_row(r) for r in export_records(sample_store)}
    path = tmp_path / "events.plover.jsonl"
    write_export(export_records(sample_store), "plover", path)
    copy = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    report = import_files([path], read_plover, copy)
    assert (report.rows, report.events, report.problems) == (4, 4, [])
    again = {r.event.id: flat_row(r) for r in export_records(copy)}
    assert again == original
    rules = load_rules()
    assert [a.to_json() for a in refresh(copy, rules)] == [
        a.to_json() for a in refresh(sample_store, rules)
    ]
    for fmt in ("parquet", "csv", "jsonl", "plover"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        write_export(export_records(sample_store), fmt, first)
        write_export(export_records(copy), fmt, second)
        if fmt == "parquet":
            a, b = pq.read_table(first), pq.read_table(second)
            assert a.sort_by("event_id").equals(b.sort_by("event_id"))
        else:
            assert sorted(first.read_text("utf-8").splitlines()) == sorted(
                second.read_text("utf-8").splitlines()
            )
    copy.engine.dispose()


def test_the_import_command_reports_rows_and_refreshes_alerts(
    fixtures: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(
        cli,
        ["import", "--format", "plover", str(fixtures / "plover-sample.jsonl"), "--db", url]
        + ["--no-progress"],
    )
    assert result.exit_code == 0, result.output
    assert "plover-sample.jsonl:3: invalid JSON" in result.output
    assert "3 rows read, 3 new events, 3 rows skipped." in result.output
    alerts = CliRunner().invoke(cli, ["alerts", "--format", "jsonl", "--db", url])
    states = {
        json.loads(line)["rule"]: json.loads(line)["state"] for line in alerts.output.splitlines()
    }
    assert states["mutual-defence"] == "crossed"


def test_a_file_of_another_layout_is_reported_not_imported(fixtures: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wrong.db'}"
    result = CliRunner().invoke(
        cli,
        ["import", "--format", "gdelt", str(fixtures / "phoenix-sample.txt"), "--db", url]
        + ["--no-progress"],
    )
    assert result.exit_code == 1
    assert "phoenix-sample.txt:1: expected 61 tab-separated columns" in result.output
    assert "0 rows read" in result.output


@pytest.mark.parametrize("reader", [read_gdelt, read_phoenix, read_plover])
def test_a_file_that_is_not_text_is_reported(reader: object, tmp_path: Path, store: Store) -> None:
    path = tmp_path / "binary.dat"
    path.write_bytes(b"\xff\xfe\x00\x81" * 10)
    report = import_files([path], reader, store)  # type: ignore[arg-type]
    assert report.rows == 0 and "not UTF-8" in report.problems[0].reason


def test_a_bad_byte_costs_only_its_line(fixtures: Path, tmp_path: Path, store: Store) -> None:
    lines = (fixtures / "gdelt-sample.export.CSV").read_bytes().splitlines(keepends=True)
    broken = lines[1].replace(b"MOSCOW", b"MOSC\xffW")
    path = tmp_path / "broken.export.CSV"
    path.write_bytes(b"".join([lines[0], broken, lines[2]]))
    report = import_files([path], read_gdelt, store)
    assert (report.rows, report.documents, report.events) == (2, 2, 2)
    assert problems(report) == [(2, "not UTF-8 text (invalid start byte at column 51)")]


def test_hostile_plover_records_are_reported_and_nul_is_dropped(
    backend_store: Store, tmp_path: Path
) -> None:
    good = {"id": "x1", "date": "2024-06-19", "actor": [{"code": "RUS"}], "event": ["CONSULT"]}
    lines = [
        json.dumps(good | {"text": "Talks\u0000 held \ud800 in Moscow."}),
        json.dumps(good | {"text_info": [1]}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps(good | {"text_info": {"sequence": 2**40}}),
        json.dumps(good | {"actor": "RUS"}),
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8", errors="surrogatepass")
    report = import_files([path], read_plover, backend_store)
    assert report.rows == 1 and [line for line, _ in problems(report)] == [2, 3, 4, 5]
    (stored,) = backend_store.events()
    assert stored.evidence.text == "Talks held \ufffd in Moscow."
    assert "wrong type" in problems(report)[0][1]
    assert "2^31" in problems(report)[2][1]
    assert "'actor' must be a list of objects" in problems(report)[3][1]


def test_a_json_array_reports_records_by_their_line(store: Store, tmp_path: Path) -> None:
    good = {"id": "a1", "date": "2024-06-19", "actor": [{"code": "RUS"}], "event": ["CONSULT"]}
    bad = {"id": "a2", "date": "2024-06-19", "actor": [{"code": "RUS"}], "event": ["FLY"]}
    text = (
        "[\n"
        + json.dumps(good)
        + ",\n\n"
        + json.dumps(bad, indent=1)
        + ",\n"
        + json.dumps(good | {"id": "a3"})
        + "\n]\n"
    )
    path = tmp_path / "records.json"
    path.write_text(text, "utf-8")
    report = import_files([path], read_plover, store)
    assert report.rows == 2 and problems(report) == [(4, "event 'FLY' is not a PLOVER type")]
    path.write_text(text.rstrip().rstrip("]") + ", {", "utf-8")
    broken = import_files([path], read_plover, store)
    assert broken.rows == 2 and "invalid JSON" in broken.problems[-1].reason
