"""Treaty diffs: 1961 -> 2000 -> 2024, most important provision first."""

from __future__ import annotations

from pathlib import Path

from redline.treaties import DiffStatus, ProvisionType, code_treaty, diff_treaties
from redline.treaties.models import Condition

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
D = ProvisionType


def _text(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_2000_to_2024_lists_the_automatic_defence_clause_as_added_first() -> None:
    diff = diff_treaties(_text("2000-russia-dprk.md"), _text("2024-russia-dprk.md"))
    first = diff.rows[0]
    assert (first.type, first.status) == (D.DEFENSE, DiffStatus.ADDED)
    (added,) = first.after
    assert (added.article, added.automatic) == ("4", True)
    assert [r.type for r in diff.with_status(DiffStatus.ADDED)] == [D.DEFENSE, D.MILITARY_AID]
    assert diff.with_status(DiffStatus.REMOVED) == []


def test_1961_to_2000_removes_defence_and_adds_crisis_consultation() -> None:
    diff = diff_treaties(code_treaty(_text("1961-ussr-dprk.md")), _text("2000-russia-dprk.md"))
    assert (diff.rows[0].type, diff.rows[0].status) == (D.DEFENSE, DiffStatus.REMOVED)
    added = diff.with_status(DiffStatus.ADDED)
    assert [(r.type, r.after[0].crisis) for r in added] == [(D.CONSULTATION, True)]
    nonagg = [r for r in diff.rows if r.type is D.NONAGGRESSION]
    assert [(r.status, r.before[0].article, r.after[0].article) for r in nonagg] == [
        (DiffStatus.SAME, "2", "3")  # moved article, same commitment
    ]


def test_1961_to_2024_reports_the_changed_conditions() -> None:
    diff = diff_treaties(_text("1961-ussr-dprk.md"), _text("2024-russia-dprk.md"))
    first = diff.rows[0]
    assert (first.type, first.status) == (D.DEFENSE, DiffStatus.CHANGED)
    (change,) = first.changes
    assert change.name == "conditions"
    assert set(change.after) - set(change.before) == {
        Condition.UN_CHARTER_51.value,
        Condition.DOMESTIC_LAW.value,
    }


def test_rows_follow_importance_order() -> None:
    diff = diff_treaties(_text("1949-north-atlantic.md"), _text("1955-warsaw-pact.md"))
    ranks = [r.type.rank for r in diff.rows]
    assert ranks == sorted(ranks)
