"""The commands take their defaults from config.toml and REDLINE_* (the option still wins)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli.main import COMMANDS, cli
from redline.settings import SETTINGS

ARTICLE = """---
title: Joint drills announced
date: 2024-09-02
source: Harbour Times
source_country: JPN
---

Russia and North Korea held joint military exercises off Vladivostok on Monday, the Russian
defence ministry said.
"""

RULE = """\
version: 1
redlines:
  - id: joint-drills
    title: Russia and North Korea exercise together
    pair: [RUS, PRK]
    when:
      event:
        contexts: [military]
        keywords: ['\\bjoint (military )?exercises\\b']
"""


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No REDLINE_* variable from the caller's shell; user folders inside tmp_path."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("REDLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path


def configure(monkeypatch: pytest.MonkeyPatch, folder: Path, text: str) -> Path:
    """Write config.toml into `folder` and point REDLINE_CONFIG at it."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    config.write_text(text, "utf-8")
    monkeypatch.setenv("REDLINE_CONFIG", str(config))
    return config


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_broken_config_is_a_clear_error_for_every_store_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = configure(monkeypatch, tmp_path / "conf", "db = 5\n")
    for command in (["events"], ["alerts"], ["dyad", "RUS", "PRK"], ["redlines", "check"]):
        code, _, err = run(*command)
        assert code == 1, command
        assert f"config file {config}, setting 'db': expected a string" in err, (command, err)


def test_help_never_reads_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    configure(monkeypatch, tmp_path / "conf", "not toml at all [\n")
    for name in ("events", "ingest", "alerts", "dyad", "demo"):
        code, out, _ = run(name, "--help")
        assert code == 0, (name, out)
        assert name == "demo" or "the `db` setting" in " ".join(out.split()), (name, out)


def test_the_data_dir_setting_places_the_default_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    configure(monkeypatch, tmp_path / "conf", 'data_dir = "../data"\n')
    code, _, err = run("events", "--format", "jsonl")
    assert code == 0, err
    assert (tmp_path / "data" / "redline.db").is_file()


@pytest.mark.model
def test_ingest_events_alerts_and_rules_follow_the_config(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """One config.toml names the database and a rules file; no command is given --db."""
    conf = tmp_path / "conf"
    configure(monkeypatch, conf, 'db = "sqlite:///' + str(tmp_path / "cfg.db") + '"\n')
    (conf / "mine.yaml").write_text(RULE, "utf-8")
    with (conf / "config.toml").open("a", encoding="utf-8") as out:
        out.write('rules = "mine.yaml"\n')
    news = tmp_path / "news"
    news.mkdir()
    (news / "drills.md").write_text(ARTICLE, "utf-8")

    code, out, err = run("ingest", str(news))
    assert code == 0, out + err
    assert (tmp_path / "cfg.db").is_file()

    code, out, _ = run("events", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and {r["evidence"]["doc_id"] for r in rows}

    # The rule of the `rules` setting was evaluated by the ingest itself.
    code, out, _ = run("alerts", "--format", "jsonl", "--rule", "joint-drills")
    alerts = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [a["rule"] for a in alerts] == ["joint-drills"], out
    assert alerts[0]["pair"] == ["PRK", "RUS"] or sorted(alerts[0]["pair"]) == ["PRK", "RUS"]

    code, _, err = run("redlines", "check", "--format", "jsonl")
    assert code == 0 and re.search(r"from 5 rules", err), err

    code, out, _ = run("dyad", "RUS", "PRK", "--at", "2024-09-03", "--format", "json")
    assert code == 0 and json.loads(out)["pair"] == ["RUS", "PRK"]

    # The environment wins over the file, and --db over both.
    monkeypatch.setenv("REDLINE_DB", f"sqlite:///{tmp_path / 'env.db'}")
    code, out, _ = run("events", "--format", "jsonl")
    assert code == 0 and out == ""
    code, out, _ = run("events", "--format", "jsonl", "--db", f"sqlite:///{tmp_path / 'cfg.db'}")
    assert len(out.splitlines()) == len(rows)


@pytest.mark.model
def test_max_bytes_comes_from_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    configure(monkeypatch, tmp_path / "conf", "max_bytes = 100\n")
    (tmp_path / "a.md").write_text(ARTICLE, "utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    code, out, _ = run("ingest", str(tmp_path / "a.md"), "--db", db)
    assert code == 1 and "a.md" in out and "100" in out, out
    code, out, _ = run("ingest", str(tmp_path / "a.md"), "--db", db, "--max-bytes", "100000")
    assert code == 0 and "1 new documents" in out, out


def test_eval_uses_the_model_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    configure(monkeypatch, tmp_path / "conf", 'model = "no_such_model_package"\n')
    gold = tmp_path / "gold.jsonl"
    case = {"id": "1", "text": "Russia met North Korea.", "date": "2024-06-19", "expected": []}
    gold.write_text(json.dumps(case) + "\n", "utf-8")
    code, out, err = run("eval", str(gold))
    assert code == 1 and "no_such_model_package" in err, out + err


def test_the_demo_points_only_at_commands_that_exist() -> None:
    from redline.cli.demo import explanation

    text = explanation("sqlite:///demo.db")
    named = re.findall(r"\bredline ([a-z]+)", text)
    assert {"alerts", "dyad", "events", "init", "ingest", "redlines"} <= set(named)
    assert set(named) <= set(COMMANDS), set(named) - set(COMMANDS)
    assert ("serve" in named) == ("serve" in COMMANDS)
    assert "sqlite:///demo.db" in text and "What you are looking at" in text
