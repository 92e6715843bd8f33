"""Per-provision precision and recall against the answer key (expected.yaml).

The bar (>= 0.9) is asserted on the fixture set of other agreements (the 17 non-scenario
treaties) and on the part the rules were tuned on; the held-out part (see conftest) is
measured and must not regress below the floor recorded in docs/treaties.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from redline.treaties.models import Provision, ProvisionType
from redline.treaties.scoring import Score, score_treaties

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
BAR = 0.9
HELD_OUT_FLOOR = 0.8  # measured P 0.90 / R 0.86 at first evaluation (see docs/treaties.md)


def _score(coded: dict[str, list[Provision]], gold: dict[str, Any]) -> tuple[Score, Score]:
    return score_treaties(coded, gold)


def _summary(score: Score) -> str:
    return f"P={score.precision:.3f} R={score.recall:.3f}; " + "; ".join(score.errors)


def test_other_agreements_reach_the_bar(
    coded: dict[str, list[Provision]], treaty_splits: dict[str, dict[str, Any]]
) -> None:
    provisions, conditions = _score(coded, treaty_splits["others"])
    assert provisions.precision >= BAR and provisions.recall >= BAR, _summary(provisions)
    assert conditions.precision >= BAR and conditions.recall >= BAR, _summary(conditions)


def test_tuning_part_reaches_the_bar(
    coded: dict[str, list[Provision]], treaty_splits: dict[str, dict[str, Any]]
) -> None:
    provisions, _ = _score(coded, treaty_splits["dev"])
    assert provisions.precision >= BAR and provisions.recall >= BAR, _summary(provisions)


def test_held_out_part_does_not_regress(
    coded: dict[str, list[Provision]], treaty_splits: dict[str, dict[str, Any]]
) -> None:
    provisions, _ = _score(coded, treaty_splits["held_out"])
    summary = f"P={provisions.precision:.3f} R={provisions.recall:.3f}"
    assert provisions.precision >= HELD_OUT_FLOOR, summary
    assert provisions.recall >= HELD_OUT_FLOOR, summary


def test_scenario_treaties_match_the_key_exactly(
    coded: dict[str, list[Provision]], treaty_splits: dict[str, dict[str, Any]]
) -> None:
    provisions, conditions = _score(coded, treaty_splits["scenario"])
    assert provisions.errors == [] and conditions.errors == []


def atop_dummies(found: list[Provision]) -> dict[str, int]:
    """ATOP's five obligations as implied by coded provisions."""
    kinds = {p.type for p in found}
    return {
        "defense": int(ProvisionType.DEFENSE in kinds),
        "offense": int(ProvisionType.OFFENSE in kinds),
        "neutral": int(ProvisionType.NEUTRALITY in kinds),
        "nonagg": int(ProvisionType.NONAGGRESSION in kinds),
        "consul": int(any(p.type is ProvisionType.CONSULTATION and p.crisis for p in found)),
    }


def test_atop_obligations_of_the_tuning_part_and_scenario(
    coded: dict[str, list[Provision]], treaty_splits: dict[str, dict[str, Any]]
) -> None:
    """The key's consistency rule: defense=1 iff some DEFENSE, consul=1 iff crisis consultation."""
    entries = yaml.safe_load((FIXTURES / "expected.yaml").read_text("utf-8"))
    expected = {e["file"]: e["atop"] for e in entries}
    names = [*treaty_splits["dev"], *treaty_splits["scenario"]]
    wrong = {n: atop_dummies(coded[n]) for n in names if atop_dummies(coded[n]) != expected[n]}
    assert wrong == {}
