"""The cooperation ladder: rungs from events and provisions, asserted vs signalled, lapses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from event_records import event, report
from redline.analysis.dyad import dyad_json, dyad_view
from redline.analysis.evidence import Status
from redline.analysis.ladder import ladder_items, level_at, level_history
from redline.analysis.ladder_rules import load_ladder, packaged_ladder
from redline.analysis.treaty_items import treaty_items
from redline.errors import DataFileError
from redline.models import DatePrecision, Modality

PAIR = ("RUS", "PRK")
SUCCESSORS = {"SUN": "RUS"}
TREATIES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"


def history_reports() -> list:
    """A condensed RUS-PRK record: 1961 pact, its lapse, the 2000 treaty, 2023-24 events."""
    year = DatePrecision.YEAR
    return [
        report(
            event(
                "In 1961 the Soviet Union and North Korea signed a treaty under which each "
                "promised to come to the other's aid if attacked.",
                source="SUN",
                modality=Modality.HISTORICAL,
                day="1961-01-01",
                precision=year,
                doc="h1",
            ),
            published="2024-06-17",
        ),
        report(
            event(
                "Russia let that treaty lapse in 1996.",
                type="SANCTION",
                modality=Modality.HISTORICAL,
                day="1996-01-01",
                precision=year,
                doc="h1",
                sentence=2,
            ),
            published="2024-06-17",
        ),
        report(
            event(
                "Moscow and Pyongyang signed the current friendship treaty in February 2000.",
                modality=Modality.HISTORICAL,
                day="2000-02-01",
                precision=DatePrecision.MONTH,
                doc="h2",
            ),
            published="2024-06-17",
        ),
        report(
            event(
                "Western officials suspect the North may be seeking Russian satellite know-how.",
                source="PRK",
                target="RUS",
                modality=Modality.SPECULATED,
                day="2023-09-13",
                doc="e1",
                contexts=["military"],
            )
        ),
        report(
            event(
                "North Korea has shipped containers of munitions to Russia.",
                type="AID",
                source="PRK",
                target="RUS",
                day="2023-10-13",
                doc="e2",
                contexts=["military"],
            )
        ),
        report(
            event(
                "There is speculation that the two leaders may sign a treaty possibly "
                "including automatic military intervention.",
                modality=Modality.SPECULATED,
                day="2024-06-18",
                doc="e3",
            ),
            published="2024-06-17",
        ),
        report(
            event(
                "Putin and Kim signed a treaty pledging to help each other if attacked.",
                day="2024-06-19",
                doc="e4",
            )
        ),
        report(
            event(
                "North Korea has decided to send 12,000 troops to help Russia in its war.",
                source="PRK",
                target="RUS",
                day="2024-10-18",
                doc="e5",
            )
        ),
        report(
            event(
                "North Korean soldiers are fighting in Russia, the NIS said.",
                type="ASSAULT",
                source="PRKMIL",
                target="RUS",
                day="2024-11-13",
                doc="e6",
            )
        ),
    ]


@pytest.fixture(scope="module")
def items() -> list:
    return ladder_items(history_reports(), packaged_ladder(), PAIR, SUCCESSORS)


@pytest.mark.parametrize(
    ("day", "asserted", "signalled"),
    [
        ("1962-01-01", 6, 6),  # the 1961 pact, through the predecessor state
        ("2023-08-31", 2, 2),  # the pact lapsed in 1996; the 2000 treaty remains
        ("2023-09-13", 2, 5),  # satellite know-how sought: only signalled
        ("2023-10-13", 4, 5),  # munitions shipped
        ("2024-06-17", 4, 6),  # a defence pact speculated, the day it was reported
        ("2024-06-19", 6, 6),  # signed
        ("2024-10-31", 6, 7),  # troops sent to the war: joint combat signalled, not proven
        ("2024-11-13", 7, 7),  # fighting where the troops are deployed
    ],
)
def test_levels_over_time(items: list, day: str, asserted: int, signalled: int) -> None:
    state = level_at(items, date.fromisoformat(day))
    assert (state.asserted, state.signalled) == (asserted, signalled)


def test_each_level_names_the_items_that_reached_it(items: list) -> None:
    state = level_at(items, date(2024, 6, 19))
    assert {i.evidence.doc_id for i in state.asserted_by} == {"e4"}
    assert all(i.status is Status.ASSERTED for i in state.asserted_by)
    earlier = level_at(items, date(2024, 6, 17))
    assert [i.evidence.doc_id for i in earlier.signalled_by] == ["e3"]


def test_a_lapse_ends_the_commitments_before_it_not_after(items: list) -> None:
    state = level_at(items, date(2023, 8, 31))
    assert {i.evidence.doc_id for i in state.ended} == {"h1"}
    assert [i.evidence.text for i in state.lapses] == ["Russia let that treaty lapse in 1996."]


def test_history_lists_each_change_with_its_cause(items: list) -> None:
    changes = [(c.date.isoformat(), c.asserted, c.signalled) for c in level_history(items)]
    assert changes[:3] == [("1961-12-31", 6, 6), ("1996-12-31", 0, 0), ("2000-02-29", 2, 2)]
    assert changes[-1] == ("2024-11-13", 7, 7)


def test_negated_conditional_and_other_pairs_do_not_count() -> None:
    reports = [
        report(
            event("The clause was not included in the treaty.", modality=Modality.NEGATED, doc="n")
        ),
        report(
            event(
                "If Russia supplied missile technology, Seoul would respond.",
                type="AID",
                modality=Modality.CONDITIONAL,
                doc="c",
            )
        ),
        report(
            event(
                "Seoul warned Moscow over military help to the North.",
                type="THREATEN",
                source="KOR",
                target="RUS",
                doc="k",
            )
        ),
    ]
    items = ladder_items(reports, packaged_ladder(), PAIR)
    assert level_at(items, date(2025, 1, 1)).signalled == 0


def test_denials_are_counter_evidence_not_levels() -> None:
    denied = report(
        event(
            "Moscow denied receiving any weapons from Pyongyang.",
            type="AID",
            source="PRK",
            target="RUS",
            modality=Modality.DENIED,
            contexts=["military"],
            doc="d",
        )
    )
    state = level_at(ladder_items([denied], packaged_ladder(), PAIR), date(2025, 1, 1))
    assert (state.asserted, state.signalled) == (0, 0)
    assert [i.evidence.doc_id for i in state.denied] == ["d"]


def test_treaty_provisions_feed_the_same_ladder() -> None:
    pytest.importorskip("redline.treaties")
    from redline.treaties import code_treaty

    ladder = packaged_ladder()
    provisions = [
        item
        for name in ("1961-ussr-dprk", "2000-russia-dprk", "2024-russia-dprk")
        for item in treaty_items(
            code_treaty((TREATIES / f"{name}.md").read_text("utf-8")),
            ladder,
            doc_id=name,
            successors=SUCCESSORS,
        )
    ]
    view = dyad_view([], PAIR, date(2023, 8, 31), ladder, SUCCESSORS, extra=provisions)
    assert view.state.asserted == 2  # the 2000 treaty's economic and sci-tech articles
    assert {i.evidence.doc_id for i in view.state.asserted_by} == {"2000-russia-dprk"}
    assert any("DEFENSE (automatic) Art. 1" in i.description for i in view.state.ended)
    after = dyad_view([], PAIR, date(2024, 6, 19), ladder, SUCCESSORS, extra=provisions)
    assert after.state.asserted == 6
    out = dyad_json(after, ladder)
    assert out["level_asserted"] == 6 and out["history"][0]["level_asserted"] == 6


def test_ladder_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ladder.yaml"
    path.write_text(
        "rungs:\n  - id: contact\n    level: 9\n    types: [CONSULTS]\n",
        "utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_ladder(path)
    message = str(caught.value)
    assert "ladder.yaml:3: level must be a whole number from 0 to 7" in message
    assert "ladder.yaml:4: unknown PLOVER type 'CONSULTS' (did you mean 'CONSULT'?)" in message


def test_the_strongest_reading_of_an_event_wins_on_a_rung() -> None:
    # "troops ... fighting" signals joint combat (troops-for-war), "alongside" proves it
    alongside = report(
        event(
            "North Korean troops are fighting alongside Russian forces in the war.",
            type="AID",
            source="PRK",
            target="RUS",
            doc="a",
        )
    )
    (item,) = [i for i in ladder_items([alongside], packaged_ladder(), PAIR) if i.level == 7]
    assert (item.status, item.rung) == (Status.ASSERTED, "combat-alongside")
