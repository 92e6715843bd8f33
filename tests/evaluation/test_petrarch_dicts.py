"""PETRARCH-style dictionaries as an extra actor/verb source for `redline eval`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.actors.tables import ActorTables, load_into
from redline.cli.main import cli
from redline.errors import DataFileError
from redline.evaluation.bridge import packaged_bridge
from redline.evaluation.gold import load_gold
from redline.evaluation.petrarch_dicts import (
    convert,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)

ACTORS = """<!-- a test actor dictionary -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
ENT
\t[ENT]
GOLLUM  # dated codes
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
THE_DARK_TOWER [MORTOR]
"""

AGENTS = """!PERSON! = MAN, MEN
AMBASSADOR [~GOV] # note
SOLDIER {}  [~MIL]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
"""

VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064] ---
RESTORE
- * DIPLOMATIC TIES [064]
- * &TIETYPES [0311]
- NOT * [---]

--- HELD  [---] ---
HELD
- * TALKS  [040]
- % * TALKS  [031]

--- ACCORD [---] ---
ACCORD
- TO * [073]
"""


def write(tmp_path: Path) -> Path:
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "T.Validate.actors.txt").write_text(ACTORS, "utf-8")
    (folder / "T.Validate.agents.txt").write_text(AGENTS, "utf-8")
    (folder / "T.Validate.verbs.txt").write_text(VERBS, "utf-8")
    (folder / "T.Validate.discards.txt").write_text("YEARS LATER\n+TYPHOON\n", "utf-8")
    return folder


def test_actors_keep_synonyms_codes_on_later_lines_and_dated_periods(tmp_path: Path) -> None:
    entries = {e.names[0]: e for e in read_actors(write(tmp_path) / "T.Validate.actors.txt")}
    assert entries["arnor"].codes == [("ARN", None, None)]
    assert entries["gondor"].names == ["gondor", "minas tirith"]
    assert entries["ent"].codes == [("ENT", None, None)]
    assert entries["gollum"].codes == [
        ("HOB", None, date(1995, 6, 1)),
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("HOBREB", date(1999, 8, 16), None),
    ]


def test_agents_expand_plurals_and_substitutions_and_skip_prefix_codes(tmp_path: Path) -> None:
    agents = dict(read_agents(write(tmp_path) / "T.Validate.agents.txt"))
    assert agents["ambassador"] == "GOV"
    assert agents["soldier"] == agents["soldiers"] == "MIL"  # `{}`: the regular plural
    assert agents["congressman"] == agents["congressmen"] == "LEG"
    assert "human rights body" not in agents


def test_verbs_become_lexicon_rows_through_the_bridge(tmp_path: Path) -> None:
    rows = read_verbs(
        write(tmp_path) / "T.Validate.verbs.txt",
        packaged_bridge(),
        lambda w: {"held": "hold"}.get(w, w),
    )
    keyed: dict[tuple[str, str, str], tuple[str, str]] = {}
    for verb, particle, obj, code, kind in rows:
        keyed.setdefault((verb, particle, obj), (code, kind))  # the first pattern wins
    assert keyed[("restore", "", "")] == ("064", "COOPERATE")
    assert keyed[("restore", "", "tie")] == ("064", "COOPERATE")
    assert keyed[("restore", "", "military")][1] == "AGREE"  # synset member, CAMEO 0311
    assert keyed[("hold", "", "")][1] == "-"  # "---": the verb alone is no event
    assert keyed[("hold", "", "talk")] == ("040", "CONSULT")
    assert ("accord", "to", "") not in keyed  # words before the verb: not expressible


def test_discards_are_sentence_level_only(tmp_path: Path) -> None:
    assert read_discards(write(tmp_path) / "T.Validate.discards.txt") == ("years later",)


def test_converted_tables_load_and_put_the_suite_first(tmp_path: Path) -> None:
    converted = convert(write(tmp_path), tmp_path / "out")
    tables = load_into(ActorTables(), None)
    tables = load_into(tables, converted.actors, first=True)
    assert tables.aliases["arnor"][0].key == "ARN"
    gollum = tables.roles["gollum"]
    assert {(r.country, r.sector) for r in gollum} == {("HOB", ""), ("HOB", "GOV"), ("HOB", "REB")}
    assert converted.counts["actors"] == 5


def test_a_folder_without_dictionaries_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no PETRARCH actors or verbs dictionary"):
        convert(tmp_path, tmp_path / "out")


@pytest.mark.shared
def test_unit_suite_with_its_dictionaries_beats_the_bar(shared_dir: Path, tmp_path: Path) -> None:
    gold = shared_dir / "eval" / "petrarch2-validation" / "cases.jsonl"
    assert len(load_gold(gold)) == 272  # the error and sentence="false" records are left out
    out = tmp_path / "p2.json"
    result = CliRunner().invoke(cli, ["eval", str(gold), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "Dictionaries from" in result.output  # picked up from the gold's own folder
    figures = json.loads(out.read_text("utf-8"))
    assert figures["n"] == 272
    assert figures["triple_f1"] >= 0.60  # PETRARCH2 itself: 0.41 on the same records
