"""Rule and playbook files: the defaults load; mistakes are reported with their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.analysis.ladder_rules import PROVISION_TYPES
from redline.errors import DataFileError
from redline.redlines.conditions import AllOf, AnyOf, EventLeaf, LevelLeaf, ProvisionLeaf
from redline.redlines.playbook import load_playbook, packaged_playbook
from redline.redlines.rules import DOMAINS, load_rules

DEMO_RULES = {"mutual-defence", "nuclear-acceptance", "advanced-tech", "joint-combat"}


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def errors_of(path: Path) -> str:
    with pytest.raises(DataFileError) as caught:
        load_rules([path], defaults=False)
    return str(caught.value)


def test_the_default_rules_are_the_four_demo_lines() -> None:
    rules = {r.id: r for r in load_rules().rules}
    assert set(rules) == DEMO_RULES
    for rule in rules.values():
        assert rule.pair == ("RUS", "PRK") and not rule.ordered
        assert rule.severity == "critical" and rule.tier >= 3
    defence = rules["mutual-defence"]
    assert isinstance(defence.condition, AnyOf)
    kinds = {type(c) for c in defence.condition.children}
    assert kinds == {ProvisionLeaf, EventLeaf}
    assert defence.confirm.sources is None and defence.confirm.text
    assert rules["advanced-tech"].confirm.sources == 2
    assert rules["advanced-tech"].confirm.text_markers  # inherited from the file's settings


def test_user_rules_add_to_and_replace_the_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
redlines:
  - id: joint-combat
    title: my own joint-combat line
    pair: [RUS, PRK]
    when: {level: {at_least: 7, status: asserted}}
  - id: china-arms
    title: China arms Russia
    pair: [CHN, RUS]
    ordered: true
    severity: high
    tier: 2
    when:
      all:
        - event: {types: [AID], contexts: [military], keywords: [weapons, 'drones?']}
        - not: {event: {modalities: [denied]}}
""",
    )
    rules = {r.id: r for r in load_rules([path]).rules}
    assert set(rules) == DEMO_RULES | {"china-arms"}
    assert rules["joint-combat"].title == "my own joint-combat line"
    assert isinstance(rules["joint-combat"].condition, LevelLeaf)
    assert rules["china-arms"].ordered and rules["china-arms"].pair == ("CHN", "RUS")
    assert isinstance(rules["china-arms"].condition, AllOf)
    assert rules["china-arms"].origin.endswith("rules.yaml:7")
    assert [r.id for r in load_rules([path], defaults=False).rules] == [
        "joint-combat",
        "china-arms",
    ]


def test_schema_errors_name_their_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """redlines:
  - id: bad-rule
    title: a rule with mistakes
    pair: [RUS]
    severity: catastrophic
    colour: red
    when:
      any:
        - event:
            tpyes: [AGREE]
            contexts: [militery]
            keywords: ['(unclosed']
        - level: {at_least: 9}
        - provision: {types: [DEFENCE], domains: [cyber]}
        - sometimes: {}
""",
    )
    message = errors_of(path)
    expected = [
        "rules.yaml:4: pair must be two three-letter country codes",
        "rules.yaml:5: unknown severity 'catastrophic'",
        "rules.yaml:6: unknown field 'colour' in a red line",
        "rules.yaml:10: unknown field 'tpyes' in an event condition (did you mean 'types'?)",
        "rules.yaml:11: unknown context 'militery' (did you mean 'military'?)",
        "rules.yaml:12: keyword '(unclosed' is not a valid regular expression",
        "rules.yaml:13: at_least must be a whole number from 0 to 7",
        "rules.yaml:14: unknown provision type 'DEFENCE' (did you mean 'DEFENSE'?)",
        "rules.yaml:14: unknown domain 'cyber'",
        "rules.yaml:15: unknown condition 'sometimes'",
    ]
    for line in expected:
        assert line in message, f"{line!r} not in:\n{message}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("redlines: [\n  {id: a, title: b\n", "rules.yaml:3: YAML syntax error"),
        (
            "rules:\n  - id: a\n",
            "rules.yaml:1: unknown field 'rules' in the rules file (did you mean 'redlines'?)",
        ),
        ("redlines:\n  - id: x\n    title: t\n    when: {}\n", "rules.yaml:4: a condition needs"),
        (
            "redlines:\n  - title: t\n    when: {event: {}}\n",
            "rules.yaml:2: a red line needs the field 'id'",
        ),
        (
            "redlines:\n  - {id: a, title: t, when: {event: {}}}\n"
            "  - {id: a, title: t, when: {event: {}}}\n",
            "rules.yaml:3: duplicate rule id 'a'",
        ),
        ("redlines:\n  - id: a\n    id: b\n", "rules.yaml:3: duplicate field 'id'"),
        ("", "the file is empty"),
    ],
)
def test_more_schema_errors(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in errors_of(write(tmp_path, text))


def test_provision_vocabulary_follows_the_treaty_coder() -> None:
    models = pytest.importorskip("redline.treaties.models")
    assert set(PROVISION_TYPES) == {t.value for t in models.ProvisionType}
    assert set(DOMAINS) == {d.value for d in models.Domain}


def test_the_packaged_playbook_maps_every_level_and_rule() -> None:
    playbook = packaged_playbook()
    assert [playbook.for_level(level) is not None for level in range(8)] == [True] * 8
    assert playbook.for_level(6).at_least == 6  # type: ignore[union-attr]
    assert {p.rule for p in playbook.alerts} <= DEMO_RULES


def test_playbook_errors_name_their_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "levels:\n  - at_least: 12\n    responses: [a]\nalerts:\n  - rule: x\n    state: done\n"
        "    responses:\n      - key: value\n",
        "playbook.yaml",
    )
    with pytest.raises(DataFileError) as caught:
        load_playbook(path)
    message = str(caught.value)
    assert "playbook.yaml:2: at_least must be a whole number from 0 to 7" in message
    assert "playbook.yaml:6: unknown state 'done'" in message
    assert "playbook.yaml:8: response must be text, not a mapping" in message
