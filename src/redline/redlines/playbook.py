"""The playbook: what the user planned to do at each cooperation level and for each alert.

A YAML file (default data/redlines/playbook.yaml, see its header) with three lists:
`levels` (responses from a cooperation level up), `alerts` (responses for a rule from a state
up) and `tiers` (responses for a rule's response tier). Shown beside alerts and dyad levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redline.analysis.located import (
    Node,
    Problems,
    choice_list,
    fields,
    integer,
    load_located,
    text,
    text_list,
)
from redline.errors import DataFileError
from redline.redlines.alerts import Alert, AlertState

STATES = [s.value for s in AlertState]
STATE_RANK = {s: i for i, s in enumerate(AlertState)}


@dataclass(frozen=True, slots=True)
class Play:
    """Response options that apply from a threshold on."""

    responses: tuple[str, ...]
    label: str = ""
    at_least: int = 0  # for levels: the lowest level it applies to
    rule: str = ""  # for alerts: the rule id
    state: AlertState = AlertState.SIGNALLED  # for alerts: the lowest state it applies to
    tier: int = 0  # for tiers


@dataclass(frozen=True, slots=True)
class Playbook:
    """The user's planned responses."""

    levels: tuple[Play, ...] = ()
    alerts: tuple[Play, ...] = ()
    tiers: tuple[Play, ...] = ()

    def for_level(self, level: int) -> Play | None:
        """The play of the highest threshold at or below `level`."""
        fitting = [p for p in self.levels if p.at_least <= level]
        return max(fitting, key=lambda p: p.at_least) if fitting else None

    def for_alert(self, alert: Alert) -> list[Play]:
        """The plays for an alert: its rule's (the furthest state reached), then its tier's."""
        rank = STATE_RANK[alert.state]
        own = [p for p in self.alerts if p.rule == alert.rule and STATE_RANK[p.state] <= rank]
        best = max(own, key=lambda p: STATE_RANK[p.state]) if own else None
        tier = [p for p in self.tiers if p.tier == alert.tier]
        return ([best] if best else []) + tier


def parse_playbook(root: Node | None, name: str) -> Playbook:
    """Validate a parsed playbook."""
    problems = Problems(name)
    if root is None:
        raise DataFileError(f"{name}: the file is empty")
    top = fields(root, problems, "the playbook", ("levels", "alerts", "tiers"))
    levels = _plays(top.get("levels"), problems, "level", ("at_least",))
    alerts = _plays(top.get("alerts"), problems, "alert", ("rule", "state"))
    tiers = _plays(top.get("tiers"), problems, "tier", ("tier",))
    problems.check()
    return Playbook(tuple(levels), tuple(alerts), tuple(tiers))


def _plays(node: Node | None, problems: Problems, what: str, keys: tuple[str, ...]) -> list[Play]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        problems.add(node, f"'{what}s' must be a list")
        return []
    out: list[Play] = []
    for item in node.value:
        found = fields(
            item, problems, f"a {what} entry", (*keys, "label", "responses"), (keys[0], "responses")
        )
        at_least = (
            integer(found["at_least"], problems, "at_least", 0, 7) if "at_least" in found else 0
        )
        rule = text(found["rule"], problems, "rule") if "rule" in found else ""
        states = choice_list(found["state"], problems, "state", STATES) if "state" in found else []
        tier = integer(found["tier"], problems, "tier", 1, 9) if "tier" in found else 0
        label = text(found["label"], problems, "label") if "label" in found else ""
        responses = (
            text_list(found["responses"], problems, "response") if "responses" in found else []
        )
        out.append(
            Play(
                responses=tuple(responses),
                label=label or "",
                at_least=at_least or 0,
                rule=rule or "",
                state=AlertState(states[0]) if states else AlertState.SIGNALLED,
                tier=tier or 0,
            )
        )
    return out


def load_playbook(path: Path | None = None) -> Playbook:
    """Read a playbook (default: the packaged one)."""
    path = path or Path(str(resources.files("redline").joinpath("data/redlines/playbook.yaml")))
    try:
        content = path.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read playbook {path}: {exc}") from exc
    return parse_playbook(load_located(content, path.name), path.name)


def configured_playbook(path: Path | None = None) -> Playbook:
    """`path`, else the `playbook` setting (config.toml or `REDLINE_PLAYBOOK`), else the packaged
    example."""
    if path is None:
        from redline.settings import load_settings

        path = load_settings().playbook
    return load_playbook(path) if path else packaged_playbook()


@lru_cache(maxsize=1)
def packaged_playbook() -> Playbook:
    """The packaged playbook, loaded once per process."""
    return load_playbook()
