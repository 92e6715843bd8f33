"""Red-line rules: the YAML schema, its validation (errors name the line) and loading.

A rules file has optional `settings` (how alerts are confirmed) and a list of `redlines`; the
packaged data/redlines/default.yaml documents every field. User files add rules to the default
ones; a user rule with the id of a default rule replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from redline.analysis.conditions import parse_event_condition
from redline.analysis.evidence import Status
from redline.analysis.ladder_rules import PROVISION_TYPES
from redline.analysis.located import (
    Node,
    Problems,
    boolean,
    choice_list,
    fields,
    integer,
    load_located,
    patterns,
    text,
    text_list,
)
from redline.errors import DataFileError
from redline.ontology.plover import Ontology, packaged_ontology
from redline.redlines.conditions import (
    AllOf,
    AnyOf,
    Condition,
    EventLeaf,
    LevelLeaf,
    NotOf,
    ProvisionLeaf,
    Strength,
)
from redline.redlines.hygiene import HYGIENE_FIELDS, Hygiene, parse_hygiene

SEVERITIES = ("low", "medium", "high", "critical")
DOMAINS = ("missile", "nuclear", "space", "submarine", "aircraft", "air_defence")
CONDITION_KEYS = ("all", "any", "not", "event", "provision", "level")
RULE_FIELDS = (
    "id",
    "title",
    "description",
    "pair",
    "ordered",
    "severity",
    "tier",
    "confirm",
    "when",
    *HYGIENE_FIELDS,
)
RULE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What moves a crossed alert to confirmed."""

    sources: int | None = 2  # independent outlets asserting it; None: outlets never confirm
    text: bool = True  # the primary text itself (a quoted treaty article) confirms
    text_markers: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class RedLine:
    """One user rule."""

    id: str
    title: str
    condition: Condition
    pair: tuple[str, str] | None = None
    ordered: bool = False
    severity: str = "high"
    tier: int = 1
    description: str = ""
    confirm: Confirmation = field(default_factory=Confirmation)
    origin: str = ""
    hygiene: Hygiene = field(default_factory=Hygiene)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force."""

    rules: tuple[RedLine, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule ids, in order."""
        return tuple(r.id for r in self.rules)


def parse_rules(
    root: Node | None, name: str, ontology: Ontology, base: Confirmation = Confirmation()
) -> tuple[list[RedLine], Confirmation]:
    """Validate a parsed rules file: its rules and its confirmation settings."""
    problems = Problems(name)
    if root is None:
        raise DataFileError(f"{name}: the file is empty")
    top = fields(root, problems, "the rules file", ("version", "settings", "redlines"))
    if "version" in top:
        integer(top["version"], problems, "version", 1, 1)
    settings = base
    if "settings" in top:
        found = fields(top["settings"], problems, "settings", ("confirm",))
        if "confirm" in found:
            settings = _confirmation(found["confirm"], problems, base)
    rules: list[RedLine] = []
    node = top.get("redlines")
    if node is None or not isinstance(node.value, list) or not node.value:
        problems.add(node or root, "'redlines' must be a non-empty list of rules")
    else:
        for item in node.value:
            rule = _rule(item, problems, ontology, settings, name)
            if rule and any(r.id == rule.id for r in rules):
                problems.add(item, f"duplicate rule id '{rule.id}'")
            elif rule:
                rules.append(rule)
    problems.check()
    return rules, settings


def _rule(
    node: Node, problems: Problems, ontology: Ontology, settings: Confirmation, name: str
) -> RedLine | None:
    found = fields(node, problems, "a red line", RULE_FIELDS, ("id", "title", "when"))
    rule_id = text(found["id"], problems, "id") if "id" in found else None
    if rule_id and not RULE_ID.fullmatch(rule_id):
        problems.add(found["id"], f"id '{rule_id}' must be lower-case letters, digits and -")
    title = text(found["title"], problems, "title") if "title" in found else None
    condition = _condition(found["when"], problems, ontology) if "when" in found else None
    pair = _pair(found["pair"], problems) if "pair" in found else None
    ordered = boolean(found["ordered"], problems, "ordered") if "ordered" in found else False
    if ordered and pair is None:
        problems.add(found["ordered"], "an ordered rule needs a pair")
    severity = "high"
    if "severity" in found:
        severity = (choice_list(found["severity"], problems, "severity", SEVERITIES) or ["high"])[0]
    tier = integer(found["tier"], problems, "tier", 1, 9) if "tier" in found else 1
    confirm = (
        _confirmation(found["confirm"], problems, settings) if "confirm" in found else settings
    )
    description = found.get("description")
    hygiene = parse_hygiene(found, problems)
    if hygiene.scope.pairs and pair and not all(set(p) == set(pair) for p in hygiene.scope.pairs):
        problems.add(found["scope"], "scope pairs of a rule with a pair must be that pair")
    if rule_id is None or title is None or condition is None:
        return None
    return RedLine(
        id=rule_id,
        title=title,
        condition=condition,
        pair=pair,
        ordered=bool(ordered),
        severity=severity,
        tier=tier or 1,
        description=(text(description, problems, "description") or "") if description else "",
        confirm=confirm,
        origin=f"{name}:{node.line}",
        hygiene=hygiene,
    )


def _pair(node: Node, problems: Problems) -> tuple[str, str] | None:
    codes = [c.upper() for c in text_list(node, problems, "pair")]
    if len(codes) != 2 or any(not re.fullmatch(r"[A-Z]{3}", c) for c in codes):
        problems.add(node, "pair must be two three-letter country codes, e.g. [RUS, PRK]")
        return None
    return codes[0], codes[1]


def _confirmation(node: Node, problems: Problems, base: Confirmation) -> Confirmation:
    found = fields(node, problems, "confirm", ("sources", "text", "text_markers"))
    out = base
    if "sources" in found:
        value = found["sources"].value
        sources = None if value is None else integer(found["sources"], problems, "sources", 2, 99)
        out = replace(out, sources=sources)
    if "text" in found:
        out = replace(out, text=bool(boolean(found["text"], problems, "text")))
    if "text_markers" in found:
        markers = patterns(found["text_markers"], problems, "text marker")
        out = replace(out, text_markers=tuple(markers))
    return out


def _condition(node: Node, problems: Problems, ontology: Ontology) -> Condition | None:
    if not isinstance(node.value, dict) or len(node.value) != 1:
        problems.add(node, f"a condition needs exactly one of: {', '.join(CONDITION_KEYS)}")
        return None
    ((key, inner),) = node.value.items()
    if key in ("all", "any"):
        if not isinstance(inner.value, list) or not inner.value:
            problems.add(inner, f"'{key}' needs a non-empty list of conditions")
            return None
        children = [_condition(c, problems, ontology) for c in inner.value]
        if any(c is None for c in children):
            return None
        kids = tuple(c for c in children if c is not None)
        return AllOf(kids) if key == "all" else AnyOf(kids)
    if key == "not":
        child = _condition(inner, problems, ontology)
        return NotOf(child) if child else None
    if key == "event":
        return _event_leaf(inner, problems, ontology)
    if key == "provision":
        return _provision(inner, problems)
    if key == "level":
        return _level_leaf(inner, problems)
    problems.add(node, f"unknown condition '{key}' (expected one of: {', '.join(CONDITION_KEYS)})")
    return None


def _event_leaf(node: Node, problems: Problems, ontology: Ontology) -> EventLeaf:
    condition, own = parse_event_condition(
        node, problems, ontology, "an event condition", ["at_most"]
    )
    cap = own.get("at_most")
    at_most = choice_list(cap, problems, "at_most", ["signalled", "asserted"]) if cap else []
    return EventLeaf(
        condition, Strength.SIGNALLED if at_most == ["signalled"] else Strength.ASSERTED
    )


def _level_leaf(node: Node, problems: Problems) -> LevelLeaf | None:
    found = fields(node, problems, "a level condition", ("at_least", "status"), ("at_least",))
    status: list[str] = []
    if "status" in found:
        status = choice_list(found["status"], problems, "status", ["asserted", "signalled"])
    if "at_least" not in found:
        return None
    at_least = integer(found["at_least"], problems, "at_least", 0, 7)
    if at_least is None:
        return None
    return LevelLeaf(at_least, Status(status[0]) if status else None)


def _provision(node: Node, problems: Problems) -> ProvisionLeaf:
    found = fields(node, problems, "a provision condition", ("types", "automatic", "domains"))
    types = (
        choice_list(found["types"], problems, "provision type", PROVISION_TYPES)
        if "types" in found
        else []
    )
    domains = (
        choice_list(found["domains"], problems, "domain", DOMAINS) if "domains" in found else []
    )
    automatic = boolean(found["automatic"], problems, "automatic") if "automatic" in found else None
    return ProvisionLeaf(frozenset(types), automatic, frozenset(domains))


def read_rules(
    path: Path, ontology: Ontology, base: Confirmation
) -> tuple[list[RedLine], Confirmation]:
    """Parse one rules file."""
    try:
        content = path.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read rules file {path}: {exc}") from exc
    return parse_rules(load_located(content, path.name), path.name, ontology, base)


_PARSED: dict[tuple[str, str, Confirmation], tuple[tuple[RedLine, ...], Confirmation]] = {}
PARSED_KEPT = 32


def _read_packaged(path: Path, base: Confirmation) -> tuple[list[RedLine], Confirmation]:
    """`read_rules` with the packaged ontology, parsing each distinct file content once.

    Every refresh loads the rules again (the user may have edited them); the content, not the
    file's time, decides whether the earlier parse still holds. Rules are immutable, so the
    parsed ones are shared.
    """
    try:
        content = path.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read rules file {path}: {exc}") from exc
    key = (path.name, content, base)
    if key not in _PARSED:
        if len(_PARSED) >= PARSED_KEPT:
            _PARSED.clear()
        root = load_located(content, path.name)
        parsed, settings = parse_rules(root, path.name, packaged_ontology(), base)
        _PARSED[key] = (tuple(parsed), settings)
    kept, settings = _PARSED[key]
    return list(kept), settings


def default_rules_path() -> Path:
    """The packaged default rules."""
    return Path(str(resources.files("redline").joinpath("data/redlines/default.yaml")))


def load_rules(paths: Sequence[Path] = (), defaults: bool = True) -> RuleSet:
    """The default rules (unless `defaults` is false) plus each user file, later ids winning.

    User files inherit the confirmation settings of the default file unless they set their own.
    """
    default_rules, base = _read_packaged(default_rules_path(), Confirmation())
    merged: dict[str, RedLine] = {r.id: r for r in default_rules} if defaults else {}
    for path in paths:
        rules, _ = _read_packaged(path, base)
        merged.update({r.id: r for r in rules})
    if not merged:
        raise DataFileError("no red-line rules to evaluate")
    return RuleSet(tuple(merged.values()))


def configured_rules() -> RuleSet:
    """The default rules plus the user's: the `rules` setting (a YAML file or a folder of them;
    config.toml or `REDLINE_RULES`)."""
    from redline.settings import load_settings

    path = load_settings().rules
    if path is None:
        return load_rules()
    if path.is_dir():
        return load_rules(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
    return load_rules([path])
