"""`redline dyad`, `redline redlines check|validate` and `redline alerts` on a hand-built store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from event_records import event
from redline.cli.main import cli
from redline.models import Document, Modality
from redline.store import open_store

PLAYBOOK = Path(__file__).resolve().parents[2] / "src/redline/data/redlines/playbook.yaml"
ALERT_KEYS = {
    "id",
    "rule",
    "pair",
    "state",
    "signalled_on",
    "crossed_on",
    "confirmed_on",
    "sources",
    "evidence",
}
EVIDENCE_KEYS = {"doc_id", "text", "modality", "date"}
ARTICLES = [
    (
        "2024-06-17",
        "Seoul Daily Monitor",
        "There is speculation that the two leaders may sign a "
        "treaty including automatic military intervention.",
        Modality.SPECULATED,
        "2024-06-18",
    ),
    (
        "2024-06-19",
        "Pacific Wire Service",
        "Putin and Kim signed a treaty pledging to help each other if either is attacked.",
        Modality.ASSERTED,
        "2024-06-19",
    ),
    (
        "2024-06-20",
        "Seoul Daily Monitor",
        "Under Article 4 of the treaty, the other shall provide "
        "military and other assistance with all means at its disposal.",
        Modality.ASSERTED,
        "2024-06-19",
    ),
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(url)
    for published, outlet, text, modality, day in ARTICLES:
        doc = Document(
            id=Document.content_id(text),
            body=text,
            title=text[:30],
            source=outlet,
            published_at=datetime.fromisoformat(f"{published}T08:00:00+00:00"),
            origin=f"{outlet}.md",
        )
        store.save(doc, [event(text, doc=doc.id, modality=modality, day=day)])
    store.engine.dispose()
    return url


def test_help_lists_the_new_commands() -> None:
    code, out = run("--help")
    assert code == 0
    for name in ("dyad", "redlines", "alerts"):
        assert name in out
        assert run(name, "--help")[0] == 0
    assert run("redlines", "check", "--help")[0] == 0


def test_check_then_alerts_as_jsonl(db: str) -> None:
    code, out = run(
        "redlines", "check", "--db", db, "--format", "jsonl", "--playbook", str(PLAYBOOK)
    )
    assert code == 0, out
    checked = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    code, out = run("alerts", "--db", db, "--format", "jsonl", "--playbook", str(PLAYBOOK))
    assert code == 0, out
    listed = [json.loads(line) for line in out.splitlines()]
    assert [a["id"] for a in listed] == [a["id"] for a in checked]
    (alert,) = listed
    assert ALERT_KEYS <= set(alert)
    assert (alert["rule"], alert["pair"], alert["state"]) == (
        "mutual-defence",
        ["RUS", "PRK"],
        "confirmed",
    )
    assert (alert["signalled_on"], alert["crossed_on"], alert["confirmed_on"]) == (
        "2024-06-17",
        "2024-06-19",
        "2024-06-20",
    )
    assert all(EVIDENCE_KEYS <= set(e) for e in alert["evidence"])
    assert alert["responses"]  # from the playbook


def test_alerts_table_shows_evidence_and_playbook(db: str) -> None:
    run("redlines", "check", "--db", db, "--playbook", str(PLAYBOOK))
    code, out = run("alerts", "--db", db, "--playbook", str(PLAYBOOK))
    assert code == 0, out
    assert "CONFIRMED" in out and "Article 4" in out and "Playbook" in out


def test_dyad_json_and_table(db: str) -> None:
    code, out = run(
        "dyad",
        "RUS",
        "PRK",
        "--at",
        "2024-06-18",
        "--format",
        "json",
        "--db",
        db,
        "--playbook",
        str(PLAYBOOK),
    )
    assert code == 0, out
    before = json.loads(out)
    assert (before["level_asserted"], before["level_signalled"]) == (0, 6)
    code, out = run(
        "dyad",
        "prk",
        "rus",
        "--at",
        "2024-06-20",
        "--format",
        "json",
        "--series",
        "month",
        "--db",
        db,
        "--playbook",
        str(PLAYBOOK),
    )
    after = json.loads(out)
    assert (after["level_asserted"], after["level_signalled"]) == (6, 6)
    assert {"evidence", "history", "series", "responses"} <= set(after)
    assert [h["level_asserted"] for h in after["history"]] == [0, 6]
    assert all({"level", "status", "date", "text", "doc_id"} <= set(e) for e in after["evidence"])
    code, out = run(
        "dyad",
        "RUS",
        "PRK",
        "--at",
        "2024-06-20",
        "--db",
        db,
        "--series",
        "month",
        "--playbook",
        str(PLAYBOOK),
    )
    assert code == 0, out
    assert "L6 mutual defence commitment" in out and "History" in out


def test_validate_reports_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("redlines:\n  - id: a\n    title: t\n    when: {level: {at_least: 5}}\n")
    code, out = run("redlines", "validate", str(good))
    assert code == 0 and "1 rules, valid" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("redlines:\n  - id: a\n    title: t\n    when: {event: {types: [AGRE]}}\n")
    code, out = run("redlines", "validate", str(bad))
    assert code == 1
    assert "bad.yaml:4: unknown PLOVER type 'AGRE' (did you mean 'AGREE'?)" in out


def test_check_with_user_rules_only(db: str, tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text(
        "redlines:\n  - id: any-treaty\n    title: any treaty of any pair\n"
        "    when: {event: {types: [AGREE], keywords: [treaty]}}\n"
    )
    code, out = run(
        "redlines",
        "check",
        "--db",
        db,
        "--rules",
        str(rules),
        "--no-defaults",
        "--format",
        "jsonl",
        "--playbook",
        str(PLAYBOOK),
    )
    assert code == 0, out
    (alert,) = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert alert["rule"] == "any-treaty" and alert["pair"] == ["PRK", "RUS"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("redlines:\n  - &a [*a]\n", "hostile.yaml:2: anchors and aliases"),
        ("redlines: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 32 levels deep"),
        ("redlines:\n  - id: a\x00\n", "hostile.yaml"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
            "hostile.yaml:1: anchors and aliases",
        ),
    ],
    ids=["self-alias", "deep-nesting", "nul-character", "alias-bomb"],
)
def test_hostile_rules_files_are_refused_with_a_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(text, "utf-8")
    code, out = run("redlines", "validate", str(hostile))
    assert code == 1, out
    assert reason in out
    assert "Traceback" not in out
