"""`redline provisions` and `redline treaty diff` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli.main import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
FIELDS = {"type", "automatic", "conditions", "domain", "crisis", "article", "modality", "evidence"}


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_help_lists_the_new_commands() -> None:
    code, out = run("--help")
    assert code == 0 and "provisions" in out and "treaty" in out
    code, out = run("treaty", "diff", "--help")
    assert code == 0 and "DEFENSE" in out


def test_provisions_jsonl_of_a_treaty_file() -> None:
    path = FIXTURES / "2024-russia-dprk.md"
    code, out = run("provisions", str(path), "--format", "jsonl")
    assert code == 0, out
    found = rows(out)
    assert all(set(r) == FIELDS for r in found)
    defence = [r for r in found if r["type"] == "DEFENSE"]
    assert defence == [
        {
            "type": "DEFENSE",
            "automatic": True,
            "conditions": ["armed_attack", "state_of_war", "un_charter_51", "domestic_law"],
            "domain": None,
            "crisis": None,
            "article": "4",
            "modality": "asserted",
            "evidence": defence[0]["evidence"],
        }
    ]
    evidence = defence[0]["evidence"]
    assert isinstance(evidence, dict)
    text = path.read_text("utf-8")
    assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert all(r["automatic"] is None for r in found if r["type"] != "DEFENSE")


def test_provisions_from_stdin_as_of_a_date_after_the_treaty_ended() -> None:
    text = (FIXTURES / "1961-ussr-dprk.md").read_text("utf-8")
    code, out = run("provisions", "-", "--date", "2024-06-20", "--format", "jsonl", stdin=text)
    assert code == 0, out
    assert {r["modality"] for r in rows(out)} == {"historical"}


def test_provisions_table_and_unreadable_file(tmp_path: Path) -> None:
    code, out = run("provisions", str(FIXTURES / "2000-russia-dprk.md"))
    assert code == 0 and "CONSULTATION" in out and "crisis" in out
    code, out = run("provisions", str(tmp_path / "missing.md"))
    assert code != 0 and "E002" in out


@pytest.mark.model
def test_provisions_of_a_news_report(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(
        "---\ntitle: t\ndate: 2000-02-10\n---\n\nUnlike the Soviet-era pact, the new treaty "
        "leaves out any obligation to intervene militarily.\n",
        "utf-8",
    )
    code, out = run("provisions", str(path), "--format", "jsonl")
    assert code == 0, out
    assert [(r["type"], r["modality"]) for r in rows(out)] == [
        ("DEFENSE", "negated"),
        ("DEFENSE", "historical"),
    ]


def test_treaty_diff_jsonl_and_table() -> None:
    a, b = FIXTURES / "2000-russia-dprk.md", FIXTURES / "2024-russia-dprk.md"
    code, out = run("treaty", "diff", str(a), str(b), "--format", "jsonl", "--changes-only")
    assert code == 0, out
    found = rows(out)
    assert found[0]["type"] == "DEFENSE" and found[0]["status"] == "added"
    assert {r["status"] for r in found} == {"added"}
    assert set(found[0]) == {"type", "status", "before", "after", "changes"}
    code, out = run("treaty", "diff", str(a), str(b))
    assert code == 0 and out.index("DEFENSE") < out.index("NONAGGRESSION")
