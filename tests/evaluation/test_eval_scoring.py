"""Scoring and the ontology bridges of `redline eval`, on hand-built records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli.main import cli
from redline.evaluation.bridge import packaged_bridge
from redline.evaluation.gold import GoldCase, GoldEvent, load_gold
from redline.evaluation.score import ExtractScore, extract_report, score_case
from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality


def event(type_: str, source: str, target: str | None) -> Event:
    return Event(
        type=type_,
        source=Actor(source + "GOV", source, "GOV"),
        target=Actor(target, target) if target else None,
        modality=Modality.ASSERTED,
        evidence=Evidence("d", 0, 0, 1, "x"),
        date=EventDate(date(2000, 1, 1), DatePrecision.DAY),
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AGREE", "AGREE"),
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("YIELD", "CONCEDE"),
        ("0311", "AGREE"),
        ("042", "CONSULT"),
        ("1721", "COERCE"),
        ("010", None),  # CAMEO 01 "make statement" is no PLOVER event
        ("nonsense", None),
    ],
)
def test_type_bridge(code: str, expected: str | None) -> None:
    assert packaged_bridge().event_type(code) == expected


def test_actor_bridge_compares_countries_and_igos() -> None:
    bridge = packaged_bridge()
    assert bridge.actor("HUNGOV") == "HUN"
    assert bridge.actor("USR") == "SUN"  # CAMEO's Soviet Union code
    assert bridge.actor("IGOUNO") == "IGO"
    assert bridge.actor(None) is None


def test_scores_count_types_pairs_and_triples() -> None:
    bridge = packaged_bridge()
    score = ExtractScore()
    gold = GoldCase("a", "t", date(2000, 1, 1), (GoldEvent("RUSGOV", "PRKGOV", "AGREE"),))
    score_case(score, gold, [event("AGREE", "RUS", "PRK")], bridge)
    gold = GoldCase("b", "t", date(2000, 1, 1), (GoldEvent("KOR", "RUS", "THREATEN"),))
    score_case(score, gold, [event("ACCUSE", "KOR", "RUS"), event("AID", "USA", None)], bridge)
    report = extract_report(score)
    assert report["n"] == 2
    assert report["triple"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4}
    assert report["pair"]["recall"] == 1.0
    assert report["exact_match"] == 0.5
    assert report["per_type"]["THREATEN"]["recall"] == 0.0
    assert report["per_type"]["AGREE"]["f1"] == 1.0


def test_gold_lines_with_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "date": "121108"}\n{not json}\n', "utf-8")
    with pytest.raises(Exception, match="gold.jsonl:2"):
        load_gold(path)


@pytest.mark.model
@pytest.mark.shared
def test_eval_command_writes_stable_figures(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    preds = tmp_path / "predictions.jsonl"
    gold = shared_dir / "eval" / "plover-gsr" / "cases.jsonl"
    result = CliRunner().invoke(
        cli, ["eval", str(gold), "--json", str(out), "--predictions", str(preds)]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text("utf-8"))
    for key in (
        "n",
        "type_accuracy",
        "type_macro_f1",
        "pair_f1",
        "triple_f1",
        "exact_match",
        "modality_accuracy",
        "per_type",
    ):
        assert key in figures
    assert figures["n"] == 322
    assert 0.0 < figures["triple_f1"] <= 1.0
    lines = preds.read_text("utf-8").splitlines()
    assert len(lines) == 322 and {"id", "type", "modality", "events"} <= set(json.loads(lines[0]))
