"""Per-rule alert hygiene: where a rule applies (scope), when it is quiet (mute), how often
it may notify (throttle).

A rule that cries wolf gets ignored. `scope` narrows what a rule evaluates: only some pairs,
only reports from some outlets, and no alert until enough independent sources agree.
`mute_until` and `throttle` do not change alerts, only notifications (see `redline.notify`).

```yaml
scope: {pairs: [[RUS, PRK]], sources: [Yonhap, KCNA], min_sources: 2}
mute_until: 2026-12-31
throttle: 6h        # 30m, 6h, 2d; state changes are always sent
```
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redline.analysis.located import Node, Problems, fields, integer, text, text_list

HYGIENE_FIELDS = ("scope", "mute_until", "throttle")
DURATION = re.compile(r"\s*(\d+)\s*(s|m|h|d)\s*")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class Scope:
    """What a rule looks at: pairs (unordered unless the rule is ordered), outlets, sources."""

    pairs: frozenset[tuple[str, str]] | None = None
    sources: frozenset[str] | None = None  # outlet names, compared case-insensitively
    min_sources: int = 1

    def allows_pair(self, pair: tuple[str, str], ordered: bool) -> bool:
        """Whether the rule evaluates this pair."""
        if self.pairs is None:
            return True
        return pair in self.pairs or (not ordered and (pair[1], pair[0]) in self.pairs)

    def allows_outlets(self, outlets: Sequence[str]) -> bool:
        """Whether a report carried by these outlets counts for the rule."""
        if self.sources is None:
            return True
        return any(o.casefold() in self.sources for o in outlets)


@dataclass(frozen=True, slots=True)
class Hygiene:
    """A rule's scope, mute and throttle."""

    scope: Scope = Scope()
    mute_until: dt.date | None = None
    throttle: dt.timedelta | None = None


def parse_duration(value: str) -> dt.timedelta:
    """'30m', '6h', '2d' (or a number of seconds) as a timedelta; ValueError when unreadable."""
    if value.strip().isdigit():
        return dt.timedelta(seconds=int(value))
    found = DURATION.fullmatch(value)
    if not found:
        raise ValueError(f"{value!r} is not a duration such as 30m, 6h or 2d")
    return dt.timedelta(seconds=int(found[1]) * UNITS[found[2]])


def parse_hygiene(found: dict[str, Node], problems: Problems) -> Hygiene:
    """The hygiene fields of one rule (those of `HYGIENE_FIELDS` it has)."""
    scope = _scope(found["scope"], problems) if "scope" in found else Scope()
    mute_until = _date(found["mute_until"], problems) if "mute_until" in found else None
    throttle = None
    if "throttle" in found:
        raw = found["throttle"].value
        try:
            if isinstance(raw, bool) or not isinstance(raw, str | int):
                raise ValueError(f"{raw!r} is not a duration such as 30m, 6h or 2d")
            throttle = parse_duration(str(raw))
        except ValueError as exc:
            problems.add(found["throttle"], f"throttle: {exc}")
    return Hygiene(scope, mute_until, throttle)


def _scope(node: Node, problems: Problems) -> Scope:
    found = fields(node, problems, "scope", ("pairs", "sources", "min_sources"))
    pairs: frozenset[tuple[str, str]] | None = None
    if "pairs" in found:
        items = found["pairs"].value
        if not isinstance(items, list) or not items:
            problems.add(found["pairs"], "scope pairs must be a list of pairs, e.g. [[RUS, PRK]]")
        else:
            pairs = frozenset(p for p in (_pair(item, problems) for item in items) if p)
    sources = None
    if "sources" in found:
        names = text_list(found["sources"], problems, "scope source")
        sources = frozenset(n.casefold() for n in names) or None
    minimum = 1
    if "min_sources" in found:
        minimum = integer(found["min_sources"], problems, "min_sources", 1, 99) or 1
    return Scope(pairs, sources, minimum)


def _pair(node: Node, problems: Problems) -> tuple[str, str] | None:
    codes = [c.upper() for c in text_list(node, problems, "pair")]
    if len(codes) != 2 or any(not re.fullmatch(r"[A-Z]{3}", c) for c in codes):
        problems.add(node, "each scope pair must be two three-letter codes, e.g. [RUS, PRK]")
        return None
    return codes[0], codes[1]


def _date(node: Node, problems: Problems) -> dt.date | None:
    value = node.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(text(node, problems, "mute_until") or "")
    except ValueError:
        problems.add(node, f"mute_until must be a date such as 2026-12-31, not {value!r}")
        return None
