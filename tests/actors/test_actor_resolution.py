"""Date-aware actor resolution on real parses."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from redline.actors.resolve import predecessor, resolve_mentions, role_on, successor
from redline.actors.tables import packaged_tables
from redline.models import Actor, Document

pytestmark = pytest.mark.model


def mentions(pipeline: Any, text: str) -> list[Any]:
    doc = Document(
        id="t", body=text, title="t", source="s", published_at=datetime(2024, 6, 18, tzinfo=UTC)
    )
    item = next(iter(pipeline.process([doc])))
    return list(item.mentions)


def test_putin_is_head_of_state_in_2024_and_prime_minister_in_2010(pipeline: Any) -> None:
    found = mentions(pipeline, "Putin arrived.")
    tables = packaged_tables()
    now = resolve_mentions(found, tables, date(2024, 6, 18))
    assert now is not None and (now.country, now.sector) == ("RUS", "HOS")
    roles = tables.roles["Vladimir Putin"]
    assert role_on(roles, date(2010, 1, 1)).role == "HOG"  # type: ignore[union-attr]


def test_soviet_union_is_historic_with_russia_as_successor(pipeline: Any) -> None:
    found = mentions(pipeline, "The Soviet Union signed it.")
    tables = packaged_tables()
    actor = resolve_mentions(found, tables, date(1961, 7, 6))
    assert actor is not None and actor.country == "SUN"
    assert successor(actor, tables, date(2000, 1, 1)).country == "RUS"
    assert successor(actor, tables, date(1970, 1, 1)).country == "SUN"
    moscow = Actor("RUSGOV", "RUS", "GOV")
    assert predecessor(moscow, date(1961, 1, 1)).country == "SUN"
    assert predecessor(moscow, date(1995, 1, 1)).country == "RUS"


def test_government_resolves_through_the_outlets_country(pipeline: Any) -> None:
    found = mentions(pipeline, "The presidential office said so.")
    tables = packaged_tables()
    seoul = resolve_mentions(found, tables, date(2024, 6, 17), home_country="KOR")
    assert seoul is not None and (seoul.country, seoul.sector) == ("KOR", "GOV")
    assert resolve_mentions(found, tables, date(2024, 6, 17), home_country=None) is None


def test_named_country_beats_the_outlets_country(pipeline: Any) -> None:
    found = mentions(pipeline, "The North Korean government said so.")
    actor = resolve_mentions(found, packaged_tables(), date(2024, 6, 17), home_country="KOR")
    assert actor is not None and actor.country == "PRK"


def test_lowercase_us_is_not_the_united_states(pipeline: Any) -> None:
    found = mentions(pipeline, "He told us about the US position.")
    tables = packaged_tables()
    resolved = [resolve_mentions([m], tables, date(2024, 6, 18)) for m in found]
    assert [a.country for a in resolved if a is not None] == ["USA"]
    assert all(m.text != "us" for m in found)
