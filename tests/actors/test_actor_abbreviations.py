"""Dotted abbreviations are found as written, and ethnic groups take their state of residence."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from redline.actors.resolve import resolve_mentions
from redline.actors.tables import packaged_tables
from redline.models import Document

pytestmark = pytest.mark.model


def mentions(pipeline: Any, text: str) -> list[Any]:
    doc = Document(
        id="t", body=text, title="t", source="s", published_at=datetime(2024, 6, 18, tzinfo=UTC)
    )
    return list(next(iter(pipeline.process([doc]))).mentions)


@pytest.mark.parametrize(
    ("text", "written", "key"),
    [
        ("U.S. envoys arrived in Cairo.", "U.S.", "USA"),
        ("The U.N. sent food.", "U.N.", "UN"),
        ("Talks with the U.K. resumed.", "U.K.", "GBR"),
        ("A ship docked in St. Lucia.", "St. Lucia", "LCA"),
    ],
)
def test_dotted_abbreviations_are_found(pipeline: Any, text: str, written: str, key: str) -> None:
    found = {m.text: {t.key for t in m.targets} for m in mentions(pipeline, text)}
    keys = [keys for seen, keys in found.items() if written in seen]  # "The U.N." is one alias
    assert keys, found
    assert key in keys[0]


def test_ethnic_group_takes_the_state_it_lives_in(pipeline: Any) -> None:
    text = "Ethnic Albanians in south Serbia protested."
    found = mentions(pipeline, text)
    actor = resolve_mentions(found, packaged_tables(), date(2001, 1, 1), text=text)
    assert actor is not None and actor.country == "SRB"
    # Without a state of residence in the phrase the nationality still counts.
    alone = "Ethnic Albanians protested."
    actor = resolve_mentions(
        mentions(pipeline, alone), packaged_tables(), date(2001, 1, 1), text=alone
    )
    assert actor is not None and actor.country == "ALB"
    # A nationality that is not qualified as ethnic keeps its place first.
    plain = "Albanian troops in Serbia withdrew."
    actor = resolve_mentions(
        mentions(pipeline, plain), packaged_tables(), date(2001, 1, 1), text=plain
    )
    assert actor is not None and actor.country == "ALB"


def test_pro_adjective_names_an_affinity_not_the_group(pipeline: Any) -> None:
    text = "The pro-Iranian Party of God declared a truce."
    actor = resolve_mentions(
        mentions(pipeline, text), packaged_tables(), date(1990, 1, 1), text=text
    )
    assert actor is not None and actor.country == "LBN"


def test_named_body_beats_a_role_held_at_another_time(pipeline: Any) -> None:
    # Diego Cordovez's only listed role (Ecuador's foreign minister) came years later.
    text = "U.N. mediator Diego Cordovez arrived."
    found = mentions(pipeline, text)
    actor = resolve_mentions(found, packaged_tables(), date(1988, 1, 1), text=text)
    assert actor is not None and actor.country is None and actor.code.startswith("UN")
    later = resolve_mentions(found, packaged_tables(), date(2006, 6, 1), text=text)
    assert later is not None and later.country == "ECU"  # the role he held then
