"""The hand-written extra actor tables: al-Qaeda and further spellings of known actors."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from redline.actors.resolve import resolve_mentions
from redline.actors.tables import ActorTables, load_into, packaged_tables
from redline.errors import DataFileError
from redline.models import Document


def mentions(pipeline: Any, text: str) -> list[Any]:
    doc = Document(
        id="t", body=text, title="t", source="s", published_at=datetime(2024, 6, 18, tzinfo=UTC)
    )
    return list(next(iter(pipeline.process([doc]))).mentions)


def resolve(pipeline: Any, text: str, day: date = date(2004, 1, 1)) -> Any:
    return resolve_mentions(mentions(pipeline, text), packaged_tables(), day, text=text)


@pytest.mark.model
def test_al_qaeda_is_a_stateless_armed_group(pipeline: Any) -> None:
    actor = resolve(pipeline, "al-Qaeda")
    assert actor is not None and (actor.code, actor.country) == ("IMG", None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [("Hizbollah", "LBN"), ("al-Shabab", "SOM"), ("President Bush", "USA"), ("Kampuchean", "KHM")],
)
def test_further_spellings_reach_known_actors(pipeline: Any, text: str, country: str) -> None:
    actor = resolve(pipeline, text)
    assert actor is not None and actor.country == country


@pytest.mark.model
def test_lowercase_words_do_not_make_a_name(pipeline: Any) -> None:
    # "an armed Islamic group" is a description, not the Algerian Armed Islamic Group.
    found = mentions(pipeline, "They joined an armed Islamic group in Lebanon.")
    assert all("Armed Islamic Group" not in {t.key for t in m.targets} for m in found)
    named = mentions(pipeline, "The Armed Islamic Group claimed it.")
    assert any("Armed Islamic Group" in {t.key for t in m.targets} for m in named)


@pytest.mark.model
def test_a_backer_yields_to_the_group_it_backs(pipeline: Any) -> None:
    actor = resolve(pipeline, "The Syrian-backed Party of God fired rockets.", date(1990, 1, 1))
    assert actor is not None and actor.country == "LBN"


def test_an_extra_alias_for_an_unknown_actor_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "aliases_extra.tsv").write_text(
        "alias\tkind\tkey\nsomeone\tperson\tNobody Known\n", "utf-8"
    )
    with pytest.raises(DataFileError):
        load_into(ActorTables(), tmp_path)


@pytest.mark.model
def test_an_alias_of_two_people_takes_the_one_in_office(pipeline: Any) -> None:
    earlier = resolve(pipeline, "President Bush", date(1990, 6, 1))
    later = resolve(pipeline, "President Bush", date(2004, 6, 1))
    assert earlier is not None and earlier.person == "George Bush"
    assert later is not None and later.person == "George W. Bush"
