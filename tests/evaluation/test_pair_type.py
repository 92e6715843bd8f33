"""Classify mode's type for the gold pair, the legacy-mode bridge and the own split."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from redline.evaluation.bridge import packaged_bridge
from redline.evaluation.gold import GoldCase, GoldEvent, parse_case
from redline.evaluation.pair_type import fallback_type, pair_type
from redline.evaluation.score import gold_triples
from redline.evaluation.splits import HELDOUT, TUNE, own_split, split_cases
from redline.events.lexicon import packaged_lexicon


@pytest.mark.parametrize(
    ("code", "mode", "expected"),
    [
        ("COERCE", "destroy", "ASSAULT"),  # 0.5 property destruction is ASSAULT destroy now
        ("COERCE", "firearms", "ASSAULT"),  # shooting at people
        ("FIGHT", "deport", "COERCE"),  # forced removal of people
        ("FIGHT", "heavy-weapons", "ASSAULT"),
        ("COERCE", "arrest", "COERCE"),
        ("COERCE", None, "COERCE"),
        ("DEMAND", "unknown-mode", "REQUEST"),  # an unlisted mode leaves the type rule
    ],
)
def test_legacy_mode_moves_the_type(code: str, mode: str | None, expected: str) -> None:
    assert packaged_bridge().event_type(code, mode) == expected


def test_gold_case_carries_its_mode_to_the_triples() -> None:
    record: dict[str, object] = {
        "id": "x",
        "text": "Settlers set fire to the offices.",
        "event": "COERCE",
        "mode": "destroy",
        "expected": [{"source": "ISR", "target": "PSE", "code": "COERCE"}],
    }
    case = parse_case(record, "test")
    assert case.mode == "destroy"
    assert gold_triples(case, packaged_bridge()) == [("ISR", "PSE", "ASSAULT")]


def test_own_split_is_stable_and_near_seventy_percent() -> None:
    ids = [f"CASE-{n:04d}" for n in range(2000)]
    splits = [own_split(i) for i in ids]
    assert splits == [own_split(i) for i in ids]
    assert set(splits) == {TUNE, HELDOUT}
    assert 0.65 < splits.count(TUNE) / len(ids) < 0.75
    cases = [GoldCase(i, "t", date(2000, 1, 1), ()) for i in ids[:50]]
    tune, held = split_cases(cases, TUNE), split_cases(cases, HELDOUT)
    assert len(tune) + len(held) == 50 and not {c.id for c in tune} & {c.id for c in held}
    with pytest.raises(ValueError):
        split_cases(cases, "dev")


@pytest.fixture(scope="module")
def nlp() -> Any:
    from redline.nlp.model import load_model

    return load_model()


def case(text: str, label: str) -> GoldCase:
    return GoldCase("c", text, date(2000, 1, 1), (GoldEvent("USA", None, label),), label=label)


@pytest.mark.model
def test_fallback_reads_the_trigger_as_the_gold_would(nlp: Any) -> None:
    lexicon = packaged_lexicon()
    # An announced blockade is a threat in PLOVER-coded gold, the act itself otherwise.
    threat = nlp("Farmers said they would blockade the capital from Monday.")
    assert fallback_type(threat, lexicon, promises=True) == "THREATEN"
    assert fallback_type(threat, lexicon, promises=False) == "COERCE"
    # Not meeting demands is a refusal.
    refusal = nlp("The government said it would not meet the demands of the strikers.")
    assert fallback_type(refusal, lexicon, promises=True) == "REJECT"


@pytest.mark.model
def test_pair_type_takes_the_fallback_only_when_nothing_was_coded(nlp: Any) -> None:
    lexicon = packaged_lexicon()
    parsed = nlp("Farmers said they would blockade the capital from Monday.")
    gold = case(parsed.text, "THREATEN")
    assert pair_type(gold, [], packaged_bridge(), parsed, lexicon) == "THREATEN"
    assert pair_type(gold, [], packaged_bridge(), None, None) == "NONE"


@pytest.mark.shared
def test_plover_gsr_split_holds_about_seventy_percent(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "plover-gsr" / "cases.jsonl"
    ids = [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()]
    share = sum(own_split(i) == TUNE for i in ids) / len(ids)
    assert 0.65 < share < 0.75


def test_gold_country_variants_and_organisation_classes() -> None:
    bridge = packaged_bridge()
    assert bridge.actor("JAPGOV") == "JPN"  # the GSR's non-ISO spelling of Japan
    assert bridge.actor("ITL") == "ITA"
    assert bridge.event_actor("JPN", "JPNGOV") == "JPN"
    assert bridge.event_actor(None, "ICRC") == "NGO"  # the Red Cross is an NGO
    assert bridge.event_actor(None, "UN") == "IGO"
    assert bridge.event_actor(None, "IMG") == "IMG"  # an armed group without a state
    assert bridge.event_actor(None, "SOMEBODY") == "IGO"  # an unknown organisation code
    assert bridge.event_actor(None, "") is None


def test_an_officials_organisation_country_is_compared_as_its_class() -> None:
    # People tables give UN and EU officials the organisation as their "country".
    assert packaged_bridge().event_actor("UN", "UNIGO") == "IGO"
    assert packaged_bridge().event_actor("EU", "EUGOV") == "IGO"


def test_cameo_unknown_actor_is_no_actor() -> None:
    bridge = packaged_bridge()
    assert bridge.actor("---") is None
    assert bridge.actor("---GOV") is None
    case = parse_case(
        {"id": "u", "text": "t", "expected": [{"source": "RWA", "target": "---", "code": "141"}]},
        "test",
    )
    assert gold_triples(case, bridge) == [("RWA", None, "PROTEST")]
