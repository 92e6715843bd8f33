"""Alert hygiene: rule scope in evaluation, hygiene fields validated with line numbers, and
`redline alerts ack|close|reopen|mute|unmute|mutes` on a hand-built store."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from event_records import event
from redline.cli.main import cli
from redline.errors import DataFileError
from redline.models import Document, Event
from redline.redlines.rules import load_rules
from redline.redlines.service import refresh
from redline.store import Store, open_store

PAIR_RULE = """redlines:
  - id: pact
    title: A pact of mutual assistance
    pair: [RUS, PRK]
    confirm: {sources: null}
    scope: {sources: [Pacific Wire Service, Han River Daily], min_sources: 2}
    when: {event: {types: [AGREE], keywords: ['mutual assistance']}}
  - id: any-pact
    title: Any pact of mutual assistance
    scope: {pairs: [[CHN, RUS]]}
    when: {event: {types: [AGREE], keywords: ['mutual assistance']}}
"""


def add(store: Store, text: str, outlet: str, source: str = "RUS", target: str = "PRK") -> None:
    doc = Document(
        id=Document.content_id(text),
        body=text,
        title=text[:40],
        source=outlet,
        published_at=datetime.fromisoformat("2024-06-19T09:00:00+00:00"),
        origin=f"{outlet}/{text[:10]}",
    )
    coded = event(text, doc=doc.id, source=source, target=target, trigger="signed")
    fields = {name: getattr(coded, name) for name in coded.__dataclass_fields__}
    store.save(doc, [Event(**{**fields, "id": ""})])


def test_scope_limits_pairs_outlets_and_needs_enough_sources(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(PAIR_RULE, "utf-8")
    rules = load_rules([rules_file], defaults=False)
    store = open_store(f"sqlite:///{tmp_path / 'scope.db'}")
    add(store, "Russia and North Korea signed a mutual assistance pact.", "Pacific Wire Service")
    add(store, "The two signed a pact of mutual assistance, officials said.", "Outside Gazette")
    assert refresh(store, rules) == []  # one in-scope source; the other outlet is out of scope
    add(store, "Moscow and Pyongyang agreed on mutual assistance.", "Han River Daily")
    add(store, "China and Russia signed a mutual assistance accord.", "Han River Daily",
        source="CHN", target="RUS")  # fmt: skip
    add(store, "Russia and Iran signed a mutual assistance accord.", "Han River Daily",
        source="RUS", target="IRN")  # fmt: skip
    found = {(a.rule, a.pair): a for a in refresh(store, rules)}
    assert set(found) == {("pact", ("RUS", "PRK")), ("any-pact", ("CHN", "RUS"))}
    pact = found[("pact", ("RUS", "PRK"))]
    assert pact.sources == 2 and "Outside Gazette" not in pact.outlets
    store.engine.dispose()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("scope: {pairs: [[RUS]]}", "each scope pair must be two three-letter codes"),
        ("scope: {min_sources: 0}", "min_sources must be a whole number from 1 to 99"),
        ("scope: {outlets: [A]}", "unknown field 'outlets' in scope"),
        ("scope: {pairs: [[CHN, RUS]]}", "scope pairs of a rule with a pair must be that pair"),
        ("mute_until: next week", "mute_until must be a date such as 2026-12-31"),
        ("throttle: soon", "throttle: 'soon' is not a duration"),
    ],
)
def test_hygiene_fields_are_validated_with_line_numbers(
    field: str, message: str, tmp_path: Path
) -> None:
    rules_file = tmp_path / "rules.yaml"
    lines = PAIR_RULE.splitlines()[:5] + [f"    {field}", lines_when()]
    rules_file.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataFileError, match=f"rules.yaml:6: {message}"):
        load_rules([rules_file], defaults=False)


def lines_when() -> str:
    return "    when: {event: {types: [AGREE], keywords: ['mutual assistance']}}"


def test_valid_hygiene_fields_are_read(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.yaml"
    lines = PAIR_RULE.splitlines()[:5] + ["    mute_until: 2026-12-31", "    throttle: 6h",
                                          lines_when()]  # fmt: skip
    rules_file.write_text("\n".join(lines) + "\n", "utf-8")
    (rule,) = load_rules([rules_file], defaults=False).rules
    assert rule.hygiene.mute_until == date(2026, 12, 31)
    assert rule.hygiene.throttle is not None and rule.hygiene.throttle.total_seconds() == 21600


def test_alerts_subcommands_keep_notes_and_mutes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(db)
    add(store, "Russia and North Korea signed a treaty of mutual assistance.", "Pacific Wire")
    refresh(store, load_rules())
    store.engine.dispose()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.output

    (line,) = run("alerts", "--format", "jsonl").splitlines()
    alert = json.loads(line)
    assert alert["status"] == "open" and [h["kind"] for h in alert["history"]] == ["raised"]
    assert "acknowledged" in run("alerts", "ack", alert["id"][:8], "--note", "desk has it")
    assert "closed" in run("alerts", "close", alert["id"], "--note", "no action needed")
    closed = json.loads(run("alerts", "--format", "jsonl", "--status", "closed"))
    assert closed["id"] == alert["id"] and closed["status"] == "closed"
    assert [(h["kind"], h["note"]) for h in closed["history"][1:]] == [
        ("acknowledged", "desk has it"),
        ("closed", "no action needed"),
    ]
    assert run("alerts", "--format", "jsonl", "--status", "open") == ""
    table = run("alerts")
    assert "Status: closed" in table and "no action needed" in table
    assert "muted until 2030-01-01" in run("alerts", "mute", "mutual-defence", "--until",
                                          "2030-01-01", "--note", "noisy")  # fmt: skip
    assert "mutual-defence: until 2030-01-01 (noisy)" in run("alerts", "mutes")
    assert "mute lifted" in run("alerts", "unmute", "mutual-defence")
    assert "No rule is muted." in run("alerts", "mutes")
    missing = runner.invoke(cli, ["alerts", "ack", "ffff", "--db", db])
    assert missing.exit_code != 0 and "no alert with id 'ffff'" in missing.output


def test_watch_refuses_email_without_a_server(tmp_path: Path) -> None:
    (tmp_path / "none.toml").write_text("", "utf-8")
    result = CliRunner().invoke(
        cli,
        ["watch", str(tmp_path), "--once", "--db", f"sqlite:///{tmp_path / 'w.db'}",
         "--email-to", "desk@example.org"],
        env={"REDLINE_SMTP_HOST": "", "REDLINE_CONFIG": str(tmp_path / "none.toml")},
    )  # fmt: skip
    assert result.exit_code != 0 and "no SMTP server" in result.output
