"""Exports are read back by pandas and DuckDB without redline code, every field intact."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from redline.cli.main import cli
from redline.interop.export import dictionary_path, write_export
from redline.interop.records import COLUMN_NAMES, COLUMNS, export_records
from redline.store import EventFilter, Store

SENTENCE = "Putin and Kim signed a treaty pledging mutual military assistance on Wednesday."


def _export(store: Store, fmt: str, path: Path) -> Path:
    assert write_export(export_records(store), fmt, path) == 4
    return path


def test_parquet_is_typed_and_read_by_pandas_and_duckdb(
    sample_store: Store, tmp_path: Path
) -> None:
    path = _export(sample_store, "parquet", tmp_path / "events.parquet")
    schema = pq.read_schema(path)
    assert schema.names == list(COLUMN_NAMES)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert schema.field("contexts").type == pa.list_(pa.string())
    assert schema.field("sentence").type == pa.int32()
    assert schema.field("intensity").type == pa.float64()
    assert schema.field("modality").metadata[b"description"].startswith(b"asserted, scheduled")

    frame = pd.read_parquet(path)
    signing = frame[frame.evidence_text == SENTENCE].iloc[0]
    assert signing.modality == "asserted" and signing.date_precision == "day"
    assert signing.event_date == date(2024, 6, 19) and signing.date_expression == "on Wednesday"
    assert list(signing.contexts) == ["military", "diplomatic"]
    assert list(signing.outlets) == ["Lakeside Tribune", "Pacific Wire Service"]
    assert signing.source_person == "Vladimir Putin" and signing.trigger == "signed"
    assert str(signing.published) == "2024-06-19 09:30:00+00:00"

    rows = duckdb.sql(
        f"SELECT modality, date_precision, event_date, len(outlets) AS n FROM '{path}' "
        "WHERE event_date IS NOT NULL ORDER BY event_date"
    ).fetchall()
    assert rows == [
        ("historical", "year", date(1991, 1, 1), 1),
        ("speculated", "month", date(2024, 6, 1), 1),
        ("asserted", "day", date(2024, 6, 19), 2),
    ]


def test_csv_has_a_header_and_a_column_dictionary(sample_store: Store, tmp_path: Path) -> None:
    path = _export(sample_store, "csv", tmp_path / "events.csv")
    with dictionary_path(path).open(encoding="utf-8") as handle:
        described = list(csv.DictReader(handle))
    assert [d["column"] for d in described] == list(COLUMN_NAMES)
    assert all(d["type"] and d["description"] for d in described)
    assert {d["column"]: d["type"] for d in described}["event_date"] == "date (YYYY-MM-DD)"

    frame = pd.read_csv(path, parse_dates=["published"])
    assert list(frame.columns) == list(COLUMN_NAMES)
    signing = frame[frame.evidence_text == SENTENCE].iloc[0]
    assert signing.contexts == "military|diplomatic"
    assert signing.outlets == "Lakeside Tribune|Pacific Wire Service"
    assert signing.event_date == "2024-06-19"
    undated = frame[frame.modality == "speculated"]
    assert undated.event_date.isna().sum() == 1  # the undated report stays undated

    found = duckdb.sql(
        f"SELECT count(*), count(event_date), min(event_date) FROM read_csv('{path}')"
    ).fetchall()
    assert found == [(4, 3, date(1991, 1, 1))]


def test_jsonl_carries_the_stable_event_json_and_the_document(
    sample_store: Store, tmp_path: Path
) -> None:
    path = _export(sample_store, "jsonl", tmp_path / "events.jsonl")
    frame = pd.read_json(path, lines=True)
    assert len(frame) == 4
    first = json.loads(path.read_text("utf-8").splitlines()[-1])
    assert set(first) >= {"id", "type", "modality", "date", "date_precision", "evidence"}
    assert set(first["document"]) >= {"id", "title", "url", "published", "outlets", "origin"}
    texts = duckdb.sql(
        f"SELECT evidence.text, document.outlets FROM read_json_auto('{path}') "
        "WHERE modality = 'asserted'"
    ).fetchall()
    assert texts == [(SENTENCE, ["Lakeside Tribune", "Pacific Wire Service"])]


def test_plover_records_use_the_manual_field_names(sample_store: Store, tmp_path: Path) -> None:
    path = _export(sample_store, "plover", tmp_path / "events.plover.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    signing = next(r for r in records if r["text"] == SENTENCE)
    assert signing["event"] == ["AGREE"] and signing["context"] == ["military", "diplomatic"]
    assert signing["actor"][0]["code"] == "RUS" and signing["actor"][0]["sector"] == "HOS"
    assert signing["recipient"][0]["identifier_text"] == "Kim Jong Un"
    assert signing["quad_code"] == 1 and signing["event_scale"] == 2.5
    assert signing["cite_info"]["url"] == "https://wire.example/signing"
    assert signing["text_info"]["sequence"] == 0
    assert signing["modality"] == "asserted" and signing["date_precision"] == "day"
    un = next(r for r in records if r["event"] == ["CONSULT"])
    assert un["recipient"] == [] and un["actor"][0]["code"] == "IGO"
    frame = duckdb.sql(f"SELECT id, date, event FROM read_json_auto('{path}')").df()
    assert len(frame) == 4 and frame.date.isna().sum() == 1


def test_every_column_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "interop.md").read_text("utf-8")
    missing = [c.name for c in COLUMNS if f"`{c.name}`" not in doc]
    assert not missing, f"docs/interop.md does not describe {missing}"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "plover"])
def test_the_command_filters_like_redline_events(
    sample_store: Store, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"pair.{fmt}"
    url = str(sample_store.engine.url)
    result = CliRunner().invoke(
        cli, ["export", "--format", fmt, "--out", str(out), "--pair", "RUS", "PRK", "--db", url]
    )
    assert result.exit_code == 0, result.output
    expected = len(sample_store.events(EventFilter(pair=("RUS", "PRK"))))
    assert f"{expected} events written" in result.output
    assert out.stat().st_size > 0


def test_the_command_says_when_the_folder_is_missing(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "events.csv"
    result = CliRunner().invoke(
        cli, ["export", "--format", "csv", "--out", str(out), "--db", str(sample_store.engine.url)]
    )
    assert result.exit_code != 0 and "does not exist" in result.output


@pytest.mark.parametrize(("page", "limit"), [(1, None), (3, None), (2, 3), (100, 2)])
def test_exports_are_read_page_by_page(sample_store: Store, page: int, limit: int | None) -> None:
    whole = [r.event.id for r in export_records(sample_store, EventFilter(limit=limit))]
    paged = [r.event.id for r in export_records(sample_store, EventFilter(limit=limit), page)]
    assert paged == whole and len(whole) == (limit or 4)
