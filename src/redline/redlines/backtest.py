"""Backtest red-line rules over the stored history without raising a single alert.

A rule is tuned before it pages anyone: `backtest` replays the stored reports in the order
they became readable (each report's publication), evaluates the rules over what was known on
the days an alert could change, with the same code the live path uses
(`lifecycle.evaluate_rules`, rule scopes included), and records every change of an alert's
state on the day it would have been noticed. Nothing is written: the alerts table is not
touched, and mutes and throttles (which hold back notifications, not detections) are not
applied.

Two dates are kept for each transition: `on`, the date the alert itself records (a crossing
dates from the event, which may be before anyone reported it), and `noticed_on`, the first
day of the replay on which the alert showed that state (what a notifier would have sent).
`per_month` counts the notifications by month of `noticed_on`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from redline.analysis.ladder_rules import Ladder, packaged_ladder
from redline.analysis.reports import Report
from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.redlines.lifecycle import evaluate_rules
from redline.redlines.rules import RedLine, RuleSet
from redline.redlines.service import stored_reports, successors
from redline.store import Store

STATE_ROLE = {
    AlertState.SIGNALLED: Role.SIGNALLED,
    AlertState.CROSSED: Role.CROSSED,
    AlertState.CONFIRMED: Role.CONFIRMED,
}


@dataclass(frozen=True, slots=True)
class Transition:
    """An alert reaching a state during the replay."""

    rule: str
    pair: tuple[str, str]
    state: AlertState
    on: date | None  # the transition date the alert records
    noticed_on: date  # the replay day the state first showed
    evidence: tuple[AlertEvidence, ...]

    def to_json(self) -> dict[str, Any]:
        """Stable JSON form."""
        return {
            "rule": self.rule,
            "pair": list(self.pair),
            "state": self.state.value,
            "on": self.on.isoformat() if self.on else None,
            "noticed_on": self.noticed_on.isoformat(),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass
class Backtest:
    """What the rules would have done between `start` and `end`."""

    start: date
    end: date
    rules: tuple[str, ...]
    titles: dict[str, str]
    transitions: list[Transition] = field(default_factory=list)
    before: list[Alert] = field(default_factory=list)  # alerts already open on `start`
    final: list[Alert] = field(default_factory=list)  # the alerts as of `end`

    def state_on(self, rule: str, pair: tuple[str, str], day: date) -> AlertState | None:
        """The state the replay had shown for a rule and pair by `day`."""
        found = None
        for alert in self.before:
            if (alert.rule, alert.pair) == (rule, pair):
                found = alert.state
        for step in self.transitions:
            if (step.rule, step.pair) == (rule, pair) and step.noticed_on <= day:
                found = step.state
        return found

    def per_month(self) -> dict[str, dict[str, int]]:
        """Notifications per month (YYYY-MM, every month of the range) and rule."""
        months: dict[str, dict[str, int]] = {}
        day = self.start.replace(day=1)
        while day <= self.end:
            months[f"{day:%Y-%m}"] = dict.fromkeys(self.rules, 0)
            day = (day + timedelta(days=32)).replace(day=1)
        # One notification per alert and day, however many states it passed that day.
        for rule, _, day in {(t.rule, t.pair, t.noticed_on) for t in self.transitions}:
            months[f"{day:%Y-%m}"][rule] += 1
        return months

    def to_json(self) -> dict[str, Any]:
        """Stable JSON form of `redline redlines backtest --format json`."""
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "rules": [
                {
                    "rule": rule,
                    "title": self.titles[rule],
                    "open_at_start": [_brief(a) for a in self.before if a.rule == rule],
                    "transitions": [t.to_json() for t in self.transitions if t.rule == rule],
                    "alerts_at_end": [_brief(a) for a in self.final if a.rule == rule],
                }
                for rule in self.rules
            ],
            "per_month": self.per_month(),
        }


def _brief(alert: Alert) -> dict[str, Any]:
    out = alert.to_json()
    return {k: out[k] for k in ("pair", "state", "signalled_on", "crossed_on", "confirmed_on")}


def _moment(alert: Alert, state: AlertState) -> date | None:
    return {
        AlertState.SIGNALLED: alert.signalled_on,
        AlertState.CROSSED: alert.crossed_on,
        AlertState.CONFIRMED: alert.confirmed_on,
    }[state]


ORDER = (AlertState.SIGNALLED, AlertState.CROSSED, AlertState.CONFIRMED)


def _steps(alert: Alert, previous: AlertState | None, day: date) -> list[Transition]:
    """The states an alert passed through on one replay day (a jump passes several)."""
    first = ORDER.index(previous) + 1 if previous in ORDER else 0
    out = []
    for state in ORDER[first : ORDER.index(alert.state) + 1]:
        on = _moment(alert, state)
        if on is None and state is not alert.state:
            continue  # skipped: e.g. crossed without ever being signalled
        role = STATE_ROLE[state]
        evidence = tuple(e for e in alert.evidence if e.role is role)
        out.append(Transition(alert.rule, alert.pair, state, on, day, evidence))
    return out


def replay(
    rules: RuleSet,
    reports: Sequence[Report],
    start: date,
    end: date,
    ladder: Ladder | None = None,
    successor_map: Mapping[str, str] | None = None,
    every_day: bool = False,
) -> Backtest:
    """Evaluate `rules` on the days between `start` and `end` on which an alert can change.

    An alert changes only on a day a report matching its rule becomes readable, so by default
    the replay evaluates on the publication days of the reports that the rules match by
    `end` (the evidence of the final alerts). Matching only grows as reports arrive, with one
    exception: a later report that ends a commitment can lower a pair's ladder and undo a
    match that depended on a level. `every_day` evaluates on every day a report of any kind
    became readable instead, which is exact and slower (days x reports).
    """
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    ladder = ladder or packaged_ladder()
    readable = sorted(
        (r for r in reports if r.available_on is not None), key=lambda r: r.available_on or start
    )
    titles = {r.id: r.title for r in rules.rules}
    result = Backtest(start, end, rules.ids, titles)

    def known_by(day: date) -> list[Report]:
        return [r for r in readable if (r.available_on or date.max) <= day]

    def evaluate(day: date, only: Sequence[RedLine] | None = None) -> list[Alert]:
        chosen = rules if only is None else RuleSet(tuple(only))
        return evaluate_rules(chosen, known_by(day), ladder, successor_map)

    result.before = evaluate(start - timedelta(days=1))
    states = {(a.rule, a.pair): a.state for a in result.before}
    in_range = [r for r in readable if start <= (r.available_on or date.max) <= end]
    result.final = evaluate(end)
    if every_day:
        days = {r.available_on: list(rules.rules) for r in in_range if r.available_on}
    else:
        days = _match_days(rules, result.final, in_range)
    settled = {(a.rule, a.pair): a.state for a in result.final}
    for day in sorted(days):
        active = days[day]
        if not every_day:  # a rule whose alerts all reached their final state is done
            active = [r for r in active if not _done(r.id, states, settled)]
        if not active:
            continue
        for alert in evaluate(day, active):
            key = (alert.rule, alert.pair)
            previous = states.get(key)
            if previous is alert.state:
                continue
            states[key] = alert.state
            result.transitions += _steps(alert, previous, day)
    return result


def _match_days(
    rules: RuleSet, final: Sequence[Alert], reports: Sequence[Report]
) -> dict[date, list[RedLine]]:
    """For each day, the rules that a report readable from that day matches by the end."""
    by_event: dict[str, set[str]] = {}
    for alert in final:
        for item in alert.evidence:
            if item.event_id and item.role is not Role.COUNTER:
                by_event.setdefault(item.event_id, set()).add(alert.rule)
    days: dict[date, set[str]] = {}
    for report in reports:
        if report.available_on and report.event.id in by_event:
            days.setdefault(report.available_on, set()).update(by_event[report.event.id])
    return {day: [r for r in rules.rules if r.id in ids] for day, ids in days.items()}


def _done(
    rule: str,
    states: Mapping[tuple[str, tuple[str, str]], AlertState],
    settled: Mapping[tuple[str, tuple[str, str]], AlertState],
) -> bool:
    keys = [k for k in settled if k[0] == rule]
    return bool(keys) and all(states.get(k) is settled[k] for k in keys)


def backtest(
    store: Store, rules: RuleSet, start: date, end: date, every_day: bool = False
) -> Backtest:
    """Replay the store's history for `rules` between `start` and `end`; nothing is saved."""
    pairs = [r.pair for r in rules.rules]
    reports = stored_reports(store, None if any(p is None for p in pairs) else pairs)
    return replay(rules, reports, start, end, packaged_ladder(), successors(), every_day)


def text_report(result: Backtest, width: int = 110) -> list[str]:
    """A readable report: per rule its transitions with evidence, then alerts per month."""
    lines = [f"Backtest {result.start} to {result.end} (nothing is saved)", ""]
    for rule in result.rules:
        lines.append(f"{rule}: {result.titles[rule]}")
        for alert in (a for a in result.before if a.rule == rule):
            lines.append(
                f"  already {alert.state.value} on {result.start} ({'-'.join(alert.pair)})"
            )
        steps = [t for t in result.transitions if t.rule == rule]
        if not steps and not any(a.rule == rule for a in result.before):
            lines.append("  no alert in this period")
        for step in steps:
            late = f", noticed {step.noticed_on}" if step.on != step.noticed_on else ""
            lines.append(
                f"  {step.on or step.noticed_on} {step.state.value:<9} {'-'.join(step.pair)}{late}"
            )
            for item in step.evidence:
                text = " ".join(item.text.split())
                text = text if len(text) <= width else text[: width - 3] + "..."
                where = ", ".join(item.outlets) or item.doc_id[:12]
                lines.append(f"      {item.modality} ({where}): {text}")
        lines.append("")
    months = {m: c for m, c in result.per_month().items() if any(c.values())}
    lines.append("Alert notifications per month (months without any left out):")
    if not months:
        lines.append("  none")
    name_width = max((len(r) for r in result.rules), default=4)
    lines.append("  month    " + "  ".join(f"{r:>{name_width}}" for r in result.rules))
    for month, counts in months.items():
        lines.append(f"  {month}  " + "  ".join(f"{counts[r]:>{name_width}}" for r in result.rules))
    total = sum(sum(c.values()) for c in result.per_month().values())
    lines.append(f"  total {total}")
    return lines
