"""The command line end to end: real files, the real model, a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli.main import cli

pytestmark = pytest.mark.model

ARTICLE = """---
title: Putin and Kim sign pact
date: 2024-06-19
source: Test Wire
source_country: USA
---

Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty in
Pyongyang on Wednesday.
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_help_lists_every_command() -> None:
    code, out = run("--help")
    assert code == 0
    for name in ("demo", "ingest", "events", "eval"):
        assert name in out
    for name in ("demo", "ingest", "events", "eval"):
        code, out = run(name, "--help")
        assert code == 0 and "Usage" in out


def test_ingest_then_events_jsonl(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    (tmp_path / "a.md").write_text(ARTICLE, "utf-8")
    code, out = run("ingest", str(tmp_path / "a.md"), "--db", db)
    assert code == 0, out
    assert "1 new documents" in out
    code, out = run("events", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    signing = [r for r in rows if r["type"] == "AGREE"]
    assert signing, rows
    row = signing[0]
    for key in (
        "id",
        "type",
        "mode",
        "contexts",
        "source",
        "target",
        "date",
        "date_precision",
        "modality",
        "attribution",
        "intensity",
        "evidence",
    ):
        assert key in row
    assert {"code", "country", "sector", "text"} <= set(row["source"])
    assert {"doc_id", "sentence", "start", "end", "text"} <= set(row["evidence"])
    assert row["source"]["country"] == "RUS" and row["target"]["country"] == "PRK"
    assert row["date"] == "2024-06-19" and row["modality"] == "asserted"
    body = ARTICLE.split("---", 2)[2].strip()
    assert body[row["evidence"]["start"] : row["evidence"]["end"]] == row["evidence"]["text"]


def test_ingesting_twice_stores_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, "utf-8")
    run("ingest", str(folder), "--db", db)
    code, out = run("ingest", str(folder), "--db", db)
    assert code == 0 and "0 new documents" in out and "1 already stored" in out


def _malformed(folder: Path) -> None:
    folder.mkdir()
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "empty.md").write_text("", "utf-8")
    (folder / "broken.html").write_text("<html><body><div><p>", "utf-8")
    (folder / "bad.rss").write_text("<?xml version='1.0'?><rss><channel><item>", "utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 au lait in S\xe9oul".encode("latin-1"))
    (folder / "huge.txt").write_text("word " * 400, "utf-8")


def test_malformed_inputs_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    folder = tmp_path / "in"
    _malformed(folder)
    (folder / "good.md").write_text(ARTICLE, "utf-8")
    code, out = run("ingest", str(folder), "--db", db, "--max-bytes", "1500")
    assert code == 0, out
    assert "1 new documents" in out
    for name, reason in [
        ("image.txt", "binary"),
        ("empty.md", "empty"),
        ("broken.html", "no article text"),
        ("bad.rss", "feed"),
        ("latin1.txt", "not UTF-8"),
        ("huge.txt", "too large"),
    ]:
        line = next((ln for ln in out.splitlines() if name in ln), "")
        assert reason in line, (name, out)


def test_nothing_ingested_exits_non_zero_and_stores_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    folder = tmp_path / "in"
    _malformed(folder)
    code, out = run("ingest", str(folder), "--db", db, "--max-bytes", "1500")
    assert code == 1, out
    code, out = run("events", "--format", "jsonl", "--db", db)
    assert code == 0 and out.strip() == ""


def test_demo_summarises_the_corpus(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out = run("demo", "--db", db)
    assert code == 0, out
    assert "new documents" in out and "Try next" in out
    code, out = run("events", "--pair", "RUS", "PRK", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    june = [
        r
        for r in rows
        if r["type"] == "AGREE"
        and r["date"]
        and r["date"][:7] == "2024-06"
        and ("treaty" in r["evidence"]["text"] or "pact" in r["evidence"]["text"])
    ]
    assert {"speculated", "asserted"} <= {r["modality"] for r in june}
    # The pact: reported as signed on the 19th, only speculated before it. A later report
    # ("10 months after Putin and Kim signed the treaty") dates the signing to its month only.
    asserted = sorted(
        r["date"] for r in june if r["modality"] == "asserted" and r["date_precision"] == "day"
    )
    assert asserted[0] == "2024-06-19"
    months = {r["date"] for r in june if r["date_precision"] == "month"}
    assert months <= {"2024-06-01"}
    days = [r for r in june if r["date_precision"] == "day"]
    assert all(r["modality"] != "asserted" for r in days if r["date"] < "2024-06-19")
