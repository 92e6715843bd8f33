"""Evaluate red lines over reported events: the alert lifecycle as a pure function.

For each rule and pair the reports are taken in date order (`report_order`, which does not
depend on the order they were ingested in) and each is evaluated as a moment:

- signalled: the first report whose match is only SIGNALLED (scheduled, speculated), on the
  day it was reported;
- crossed: the first report whose match is ASSERTED, on the day the event happened (never
  later than the report);
- confirmed: the first day on which, after the crossing, an asserted report quoting the
  primary text was published, or the asserted reports published so far come from enough
  independent outlets (`Confirmation`; syndicated copies count once).

Historical background never moves an alert (the 1961 clause is history, not a new commitment);
conditional and negated reports never match; denials are kept beside the alert from a year
before it opened and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache

from redline.analysis.clustering import cluster_events
from redline.analysis.evidence import EvidenceItem, LadderEvidence
from redline.analysis.ladder import LevelState, ladder_items, level_at
from redline.analysis.ladder_rules import Ladder
from redline.analysis.reports import Report, in_pair, pair_key, report_order, reports_sources
from redline.models import Modality
from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.redlines.conditions import Match, Strength, evaluate
from redline.redlines.rules import RedLine, RuleSet

COUNTER_LOOKBACK = timedelta(days=365)
LadderOn = Callable[[date], LevelState]


def evaluate_rules(
    rules: RuleSet,
    reports: Sequence[Report],
    ladder: Ladder,
    successors: Mapping[str, str] | None = None,
) -> list[Alert]:
    """Every alert the rules raise over the reports (reports of all pairs may be passed).

    A rule's `scope` (`redline.redlines.hygiene`) narrows what it sees: reports from outlets out
    of scope are left out, pairs out of scope are skipped, and an alert with fewer independent
    sources than `min_sources` is not raised.
    """
    items: dict[tuple[str, str], list[EvidenceItem]] = {}

    def ladder_for(pair: tuple[str, str]) -> LadderOn:
        """The pair's ladder by date, computed on first use (most rules never ask)."""

        @cache
        def on(day: date) -> LevelState:
            if pair not in items:
                items[pair] = ladder_items(reports, ladder, pair, successors)
            return level_at(items[pair], day)

        return on

    alerts: list[Alert] = []
    for rule in rules.rules:
        scope = rule.hygiene.scope
        in_scope = [r for r in reports if scope.allows_outlets(r.outlets)]
        for pair, group in _groups(rule, in_scope).items():
            if not scope.allows_pair(pair, rule.ordered):
                continue
            alert = evaluate_rule(rule, pair, group, ladder_for(pair))
            if alert is not None and alert.sources >= scope.min_sources:
                alerts.append(alert)
    return alerts


def _groups(rule: RedLine, reports: Iterable[Report]) -> dict[tuple[str, str], list[Report]]:
    if rule.pair is not None:
        pair = rule.pair
        return {pair: [r for r in reports if in_pair(r.event, pair, rule.ordered)]}
    groups: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        key = pair_key(report.event, rule.ordered)
        if key is not None:
            groups.setdefault(key, []).append(report)
    return dict(sorted(groups.items()))


def evaluate_rule(
    rule: RedLine, pair: tuple[str, str], reports: Iterable[Report], ladder_on: LadderOn
) -> Alert | None:
    """The alert of one rule for one pair, or None when nothing matches."""
    signals, assertions, denials = _matches(rule, reports, ladder_on)
    if not signals and not assertions:
        return None
    crossed_on = _moment(assertions[0]) if assertions else None
    first_signal = _moment(signals[0]) if signals else None
    signalled_on = (
        first_signal if crossed_on is None or (first_signal or date.max) <= crossed_on else None
    )
    confirmation = _confirmation(rule, assertions, crossed_on) if crossed_on else None
    opened = min(d for d in (signalled_on, crossed_on) if d is not None)
    kept_denials = [d for d in denials if (d.known_on or date.min) >= opened - COUNTER_LOOKBACK]
    asserted = [r for r in _reports(assertions) if r.event.modality is Modality.ASSERTED]
    backing = asserted or _reports(signals)
    matched = _reports([*signals, *assertions])
    state = AlertState.SIGNALLED
    if confirmation:
        state = AlertState.CONFIRMED
    elif crossed_on:
        state = AlertState.CROSSED
    return Alert(
        rule=rule.id,
        title=rule.title,
        pair=pair,
        ordered=rule.ordered,
        state=state,
        severity=rule.severity,
        tier=rule.tier,
        signalled_on=signalled_on,
        crossed_on=crossed_on,
        confirmed_on=confirmation[0] if confirmation else None,
        sources=reports_sources(backing),
        mentions=len(matched),
        events=len(cluster_events([r.event for r in matched], _outlets_of(matched))),
        outlets=tuple(sorted({o for r in backing for o in r.outlets})),
        evidence=_evidence(signals, assertions, signalled_on, confirmation, kept_denials),
    )


def _matches(
    rule: RedLine, reports: Iterable[Report], ladder_on: LadderOn
) -> tuple[list[Match], list[Match], list[Report]]:
    """The signalling matches, the asserting matches and the denials, in date order.

    Each match's evidence starts with the report it was evaluated on (its moment).
    """
    signals: list[Match] = []
    assertions: list[Match] = []
    denials: list[Report] = []
    moments = [
        r for r in reports if r.known_on is not None and r.event.modality is not Modality.HISTORICAL
    ]
    for report in sorted(moments, key=report_order):
        if report.event.modality is Modality.DENIED:
            if evaluate(rule.condition, report, ladder_on, as_asserted=True).strength:
                denials.append(report)
            continue
        match = evaluate(rule.condition, report, ladder_on)
        if match.strength is Strength.SIGNALLED:
            signals.append(Match(match.strength, (report, *match.evidence)))
        elif match.strength is Strength.ASSERTED:
            assertions.append(Match(match.strength, (report, *match.evidence)))
    return signals, assertions, denials


def _moment(match: Match) -> date:
    first = match.evidence[0]
    assert isinstance(first, Report) and first.known_on is not None
    return first.known_on


def _confirmation(
    rule: RedLine, assertions: Sequence[Match], crossed_on: date
) -> tuple[date, tuple[Report, ...]] | None:
    asserted = [r for r in _reports(assertions) if r.event.modality is Modality.ASSERTED]
    seen: list[Report] = []
    for report in sorted(asserted, key=lambda r: (r.available_on or date.min, report_order(r))):
        seen.append(report)
        when = max(crossed_on, report.available_on or crossed_on)
        if rule.confirm.text and any(
            m.search(report.event.evidence.text) for m in rule.confirm.text_markers
        ):
            return when, (report,)
        if rule.confirm.sources and reports_sources(seen) >= rule.confirm.sources:
            return when, _one_per_source(seen)
    return None


def _one_per_source(reports: Sequence[Report]) -> tuple[Report, ...]:
    out: list[Report] = []
    for report in reports:
        if reports_sources([*out, report]) > reports_sources(out):
            out.append(report)
    return tuple(out)


def _reports(matches: Iterable[Match]) -> list[Report]:
    out: dict[str, Report] = {}
    for match in matches:
        for item in match.evidence:
            report = item if isinstance(item, Report) else _item_report(item)
            if report is not None:
                out.setdefault(report.event.id, report)
    return list(out.values())


def _item_report(item: LadderEvidence) -> Report | None:
    return item.report if isinstance(item, EvidenceItem) else None


def _outlets_of(reports: Sequence[Report]) -> Callable[[str], Sequence[str]]:
    outlets = {r.event.evidence.doc_id: r.outlets for r in reports}
    return lambda doc_id: outlets.get(doc_id, ())


def _evidence(
    signals: Sequence[Match],
    assertions: Sequence[Match],
    signalled_on: date | None,
    confirmation: tuple[date, tuple[Report, ...]] | None,
    denials: Sequence[Report],
) -> tuple[AlertEvidence, ...]:
    out: list[AlertEvidence] = []
    placed: set[tuple[str, Role]] = set()

    def add(items: Iterable[Report | LadderEvidence], role: Role) -> None:
        for item in items:
            entry = _entry(item, role)
            key = (entry.event_id or f"{entry.doc_id}:{entry.sentence}:{entry.text}", role)
            if key not in placed:
                placed.add(key)
                out.append(entry)

    if signals and signalled_on is not None:
        add(signals[0].evidence, Role.SIGNALLED)
    if assertions:
        add(assertions[0].evidence, Role.CROSSED)
    if confirmation:
        add(confirmation[1], Role.CONFIRMED)
    shown = {k for k, _ in placed}
    for match in [*signals, *assertions]:
        add([e for e in match.evidence if _key(e) not in shown], Role.SUPPORT)
    add(denials, Role.COUNTER)
    return tuple(out)


def _key(item: Report | LadderEvidence) -> str:
    entry = _entry(item, Role.SUPPORT)
    return entry.event_id or f"{entry.doc_id}:{entry.sentence}:{entry.text}"


def _entry(item: Report | LadderEvidence, role: Role) -> AlertEvidence:
    report = item if isinstance(item, Report) else _item_report(item)
    if report is not None:
        event = report.event
        return AlertEvidence(
            role=role,
            doc_id=event.evidence.doc_id,
            text=event.evidence.text.strip(),
            modality=event.modality.value,
            date=event.date.value,
            event_id=event.id,
            sentence=event.evidence.sentence,
            published=report.published,
            outlets=report.outlets,
            attribution=event.attribution,
        )
    assert not isinstance(item, Report)
    return AlertEvidence(
        role=role,
        doc_id=item.evidence.doc_id,
        text=item.evidence.text.strip(),
        modality=item.modality.value,
        date=item.date,
        sentence=item.evidence.sentence,
    )
