"""Treaties as entities with a lifecycle: texts and news reports merged into one treaty each."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from event_records import event
from redline.cli.main import cli
from redline.models import DatePrecision, Event, Modality
from redline.treaties.coder import code_treaty
from redline.treaties.lifecycle import Stage, Treaty, build_treaties, report_stage
from redline.treaties.models import Treaty as TreatyText

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
SCENARIO = ("1961-ussr-dprk", "2000-russia-dprk", "2024-russia-dprk")
SUCCESSORS = {"SUN": "RUS"}
D = date.fromisoformat


def texts() -> list[TreatyText]:
    return [code_treaty((FIXTURES / f"{n}.md").read_text("utf-8"), title=n) for n in SCENARIO]


def by_key(found: list[Treaty]) -> dict[str, Treaty]:
    return {t.key: t for t in found}


SIGNING_REPORTS = [
    event(
        "Putin and Kim Jong Un signed a Treaty on Comprehensive Strategic Partnership.",
        doc="a",
    ),
    event("Kim and Putin on Wednesday signed a new treaty of mutual assistance.", doc="b"),
    event(
        "The leaders put their signatures to a comprehensive strategic partnership treaty.",
        doc="c",
        trigger="put",
    ),
    event("Russia and North Korea agreed to help each other under a treaty signed today.", doc="d"),
    event(
        "The pact signed by the two leaders in Pyongyang binds them to mutual assistance.",
        doc="e",
        source="PRK",
        target="RUS",
        day="2024-06-20",
    ),
]


def test_five_reports_of_one_signing_make_one_treaty() -> None:
    found = build_treaties([], SIGNING_REPORTS, SUCCESSORS)
    assert len(found) == 1
    (treaty,) = found
    assert treaty.key == "2024-PRK-RUS" and treaty.parties == ("PRK", "RUS")
    signed = treaty.stages[Stage.SIGNED]
    assert signed.date == D("2024-06-19")
    assert {e.doc_id for e in signed.evidence} == {"a", "b", "c", "d", "e"}


def test_speculation_gives_only_rumoured() -> None:
    found = build_treaties(
        [],
        [
            event(
                "There is speculation that the two leaders may sign a treaty during the visit.",
                modality=Modality.SPECULATED,
                day="2024-06-18",
            ),
            event(
                "Peskov said Putin and Kim had not signed any agreements during the visit.",
                modality=Modality.NEGATED,
                day="2023-09-13",
            ),
        ],
        SUCCESSORS,
    )
    assert len(found) == 1
    assert list(found[0].stages) == [Stage.RUMOURED]
    assert found[0].stage_on(D("2024-06-18")) is Stage.RUMOURED
    assert found[0].stage_on(D("2024-06-17")) is None


def test_texts_give_the_scenario_lifecycle() -> None:
    found = by_key(build_treaties(texts(), [], SUCCESSORS))
    assert set(found) == {"1961-PRK-SUN", "2000-PRK-RUS", "2024-PRK-RUS"}
    old, mid, new = found["1961-PRK-SUN"], found["2000-PRK-RUS"], found["2024-PRK-RUS"]
    assert old.date_of(Stage.LAPSED) == D("1996-09-10")
    assert old.date_of(Stage.SUPERSEDED) is None
    assert mid.date_of(Stage.SUPERSEDED) == D("2024-12-04")
    assert mid.date_of(Stage.LAPSED) is None
    assert new.date_of(Stage.IN_FORCE) == D("2024-12-04")
    assert new.supersedes == "2000-PRK-RUS" and mid.supersedes == "1961-PRK-SUN"
    assert new.provisions and new.title.startswith("Treaty on Comprehensive")
    assert mid.stage_on(D("2024-12-03")) is Stage.SIGNED
    assert mid.stage_on(D("2024-12-04")) is Stage.SUPERSEDED
    assert old.stage_on(D("1970-01-01")) is Stage.IN_FORCE
    assert old.stage_on(D("1997-01-01")) is Stage.LAPSED


def test_reports_merge_into_texts_and_name_their_year() -> None:
    reports: list[Event] = [
        *SIGNING_REPORTS,
        event(
            "Russia let that treaty lapse in 1996.",
            type="SANCTION",
            modality=Modality.HISTORICAL,
            day="1996-01-01",
            precision=DatePrecision.YEAR,
            doc="f",
        ),
        event(
            "The clause was not included again in the 2000 treaty.",
            modality=Modality.NEGATED,
            day="2000-01-01",
            doc="g",
        ),
        event(
            "The State Duma voted to ratify the partnership treaty with North Korea.",
            type="SUPPORT",
            day="2024-10-24",
            doc="h",
        ),
        event(
            "The partnership treaty entered into force on Wednesday.",
            type="SUPPORT",
            day="2024-12-04",
            doc="i",
        ),
        event(
            "Moscow recalled that the 2000 treaty was signed by Ivanov in Pyongyang.",
            modality=Modality.HISTORICAL,
            day="2024-06-19",
            doc="j",
        ),
    ]
    found = by_key(build_treaties(texts(), reports, SUCCESSORS))
    assert set(found) == {"1961-PRK-SUN", "2000-PRK-RUS", "2024-PRK-RUS"}
    old, mid, new = found["1961-PRK-SUN"], found["2000-PRK-RUS"], found["2024-PRK-RUS"]
    lapsed = old.stages[Stage.LAPSED]
    assert lapsed.date == D("1996-09-10")  # the text's exact day beats a year-precise report
    assert "f" in {e.doc_id for e in lapsed.evidence}
    assert mid.date_of(Stage.SIGNED) == D("2000-02-09")
    assert "j" in {e.doc_id for e in mid.stages[Stage.SIGNED].evidence}
    assert new.date_of(Stage.SIGNED) == D("2024-06-19")
    assert new.date_of(Stage.RATIFIED) == D("2024-10-24")
    assert new.stage_on(D("2024-11-01")) is Stage.RATIFIED
    assert mid.date_of(Stage.SUPERSEDED) == D("2024-12-04")


def test_news_alone_supersedes_the_older_treaty() -> None:
    found = build_treaties(
        [],
        [
            event(
                "Moscow and Pyongyang signed the friendship treaty in February 2000.",
                modality=Modality.HISTORICAL,
                day="2000-02-01",
                precision=DatePrecision.MONTH,
                doc="x",
            ),
            *SIGNING_REPORTS,
            event("The treaty entered into force today.", type="SUPPORT", day="2024-12-04"),
            event(
                "The admission comes 10 months after Putin and Kim signed the treaty.",
                day="2025-04-01",
                precision=DatePrecision.MONTH,
                doc="y",
            ),
        ],
        SUCCESSORS,
    )
    assert [t.key for t in found] == ["2000-PRK-RUS", "2024-PRK-RUS"]
    assert found[0].date_of(Stage.SUPERSEDED) == D("2024-12-04")
    assert found[1].supersedes == "2000-PRK-RUS"
    assert found[1].date_of(Stage.SIGNED) == D("2024-06-19")
    assert "y" in {e.doc_id for e in found[1].stages[Stage.SIGNED].evidence}


@pytest.mark.parametrize(
    ("text", "kind", "modality", "stage"),
    [
        ("They may sign a pact.", "AGREE", Modality.SCHEDULED, Stage.RUMOURED),
        ("They may sign a pact.", "SUPPORT", Modality.SPECULATED, None),
        (
            "Talks to negotiate the draft treaty went on.",
            "AGREE",
            Modality.ASSERTED,
            Stage.NEGOTIATED,
        ),
        ("The Duma approved the treaty.", "SUPPORT", Modality.ASSERTED, Stage.RATIFIED),
        ("The agreement took effect.", "AGREE", Modality.ASSERTED, Stage.IN_FORCE),
        ("The pact expired.", "SANCTION", Modality.ASSERTED, Stage.LAPSED),
        ("Moscow terminated the agreement.", "SANCTION", Modality.ASSERTED, Stage.TERMINATED),
        ("They signed a deal on gas.", "AGREE", Modality.ASSERTED, None),
        ("They did not sign the treaty.", "AGREE", Modality.NEGATED, None),
    ],
)
def test_report_stage(text: str, kind: str, modality: Modality, stage: Stage | None) -> None:
    assert report_stage(event(text, type=kind, modality=modality)) is stage


def test_stage_order() -> None:
    assert Stage.RUMOURED.rank < Stage.NEGOTIATED.rank < Stage.SIGNED.rank
    assert Stage.SIGNED.rank < Stage.RATIFIED.rank < Stage.IN_FORCE.rank < Stage.LAPSED.rank
    assert Stage.LAPSED.rank == Stage.TERMINATED.rank == Stage.SUPERSEDED.rank


def test_cli_lists_texts_json(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    result = CliRunner().invoke(
        cli,
        ["treaty", "list", "--db", db, "--texts", str(FIXTURES), "--pair", "RUS", "PRK"]
        + ["--format", "json"],
    )
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.output)}
    assert set(rows) == {"1961-PRK-SUN", "2000-PRK-RUS", "2024-PRK-RUS"}
    assert rows["2000-PRK-RUS"]["stages"]["superseded"]["date"] == "2024-12-04"


@pytest.mark.model
def test_demo_corpus_gives_the_2024_treaty(tmp_path: Path) -> None:
    from redline.store import EventFilter, open_store

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(cli, ["demo", "--db", url])
    assert result.exit_code == 0, result.output
    events = open_store(url).events(EventFilter(pair=("RUS", "PRK")))
    found = by_key(build_treaties([], events))
    treaty = found["2024-PRK-RUS"]
    assert treaty.date_of(Stage.SIGNED) == D("2024-06-19")
    assert treaty.date_of(Stage.IN_FORCE) == D("2024-12-04")
    assert treaty.stage_on(D("2025-01-01")) is Stage.IN_FORCE
    assert found["2000-PRK-RUS"].date_of(Stage.SUPERSEDED) == D("2024-12-04")
