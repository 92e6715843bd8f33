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
from itertools import chain

from redline.analysis.clustering import cluster_events
from redline.analysis.evidence import EvidenceItem, LadderEvidence
from redline.analysis.ladder import LevelState, ladder_items
from redline.analysis.ladder_rules import Ladder
from redline.analysis.reports import (
    Report,
    country,
    in_pair,
    pair_key,
    report_order,
    reports_sources,
)
from redline.models import Modality
from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.redlines.conditions import (
    Match,
    Strength,
    distinct_items,
    evaluate,
    possible_types,
)
from redline.redlines.rules import RedLine, RuleSet
from redline.redlines.timeline import Timeline

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
    timelines: dict[tuple[str, str], Timeline] = {}
    by_pair: dict[tuple[str, str], list[Report]] | None = None

    def ladder_for(pair: tuple[str, str]) -> LadderOn:
        """The pair's ladder by date, computed on first use (most rules never ask)."""

        def on(day: date) -> LevelState:
            nonlocal by_pair
            if pair not in timelines:
                if by_pair is None:
                    by_pair = _by_ladder_pair(reports, successors or {})
                own = by_pair.get((min(pair), max(pair)), [])
                timelines[pair] = Timeline(ladder_items(own, ladder, pair, successors))
            return timelines[pair].on(day)

        return on

    alerts: list[Alert] = []
    for rule in rules.rules:
        scope = rule.hygiene.scope
        types = possible_types(rule.condition)  # reports of other types cannot match
        in_scope = [
            r
            for r in reports
            if (types is None or r.event.type in types) and scope.allows_outlets(r.outlets)
        ]
        for pair, group in _groups(rule, in_scope).items():
            if not scope.allows_pair(pair, rule.ordered):
                continue
            alert = evaluate_rule(rule, pair, group, ladder_for(pair))
            if alert is not None and alert.sources >= scope.min_sources:
                alerts.append(alert)
    return alerts


def _by_ladder_pair(
    reports: Sequence[Report], successors: Mapping[str, str]
) -> dict[tuple[str, str], list[Report]]:
    """The reports by the pair whose ladder they may count on (`ladder_items` keeps a report
    for a pair only when its countries, historic ones mapped to their successors, are it)."""
    out: dict[tuple[str, str], list[Report]] = {}
    for report in reports:
        source, target = country(report.event.source), country(report.event.target)
        if source is None or target is None:
            continue
        a, b = successors.get(source, source), successors.get(target, target)
        out.setdefault((min(a, b), max(a, b)), []).append(report)
    return out


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
            signals.append(Match(match.strength, ((report,), *match.parts)))
        elif match.strength is Strength.ASSERTED:
            assertions.append(Match(match.strength, ((report,), *match.parts)))
    return signals, assertions, denials


def _moment(match: Match) -> date:
    first = match.parts[0][0]  # the report it was evaluated on
    assert isinstance(first, Report) and first.known_on is not None
    return first.known_on


def _confirmation(
    rule: RedLine, assertions: Sequence[Match], crossed_on: date
) -> tuple[date, tuple[Report, ...]] | None:
    asserted = [r for r in _reports(assertions) if r.event.modality is Modality.ASSERTED]
    seen: list[Report] = []
    sources = _Sources()
    for report in sorted(asserted, key=lambda r: (r.available_on or date.min, report_order(r))):
        seen.append(report)
        sources.add(report)
        when = max(crossed_on, report.available_on or crossed_on)
        if rule.confirm.text and any(
            m.search(report.event.evidence.text) for m in rule.confirm.text_markers
        ):
            return when, (report,)
        if rule.confirm.sources and sources.count >= rule.confirm.sources:
            return when, _one_per_source(seen)
    return None


class _Sources:
    """`reports_sources` of a growing list of reports, kept up to date as each is added.

    Documents sharing an outlet are one source: a new document is a source of its own unless
    its outlets join it to sources already counted, which then become one with it.
    """

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.docs: set[str] = set()
        self.count = 0

    def _find(self, key: str) -> str:
        while self.parent.setdefault(key, key) != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def add(self, report: Report) -> None:
        doc_id = report.event.evidence.doc_id
        if doc_id in self.docs:  # a document counts with the outlets of its first report
            return
        self.docs.add(doc_id)
        self.count += 1
        for outlet in report.outlets:
            name = f"outlet:{outlet}"
            known = name in self.parent
            here, there = self._find(f"doc:{doc_id}"), self._find(name)
            if here != there:
                self.parent[there] = here
                if known:  # the outlet belonged to a counted source: the two are one now
                    self.count -= 1


def _one_per_source(reports: Sequence[Report]) -> tuple[Report, ...]:
    """The reports that each add a source to those before them (a new document whose outlets
    none of the kept ones share)."""
    out: list[Report] = []
    docs: set[str] = set()
    outlets: set[str] = set()
    for report in reports:
        doc_id = report.event.evidence.doc_id
        if doc_id not in docs and outlets.isdisjoint(report.outlets):
            out.append(report)
            docs.add(doc_id)
            outlets.update(report.outlets)
    return tuple(out)


def _distinct(matches: Iterable[Match]) -> list[Report | LadderEvidence]:
    """The evidence of the matches, each object once, in order of first appearance.

    The ladder items behind a level recur in the evidence of every match from its date on
    (the same tuple): each such tuple is read once.
    """
    return list(distinct_items(chain.from_iterable(m.parts for m in matches)))


def _reports(matches: Iterable[Match]) -> list[Report]:
    out: dict[str, Report] = {}
    for item in _distinct(matches):
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
    keys: dict[int, str] = {}  # by identity: ladder items recur in the evidence of every match

    def key_of(item: Report | LadderEvidence) -> str:
        found = keys.get(id(item))
        if found is None:
            found = keys[id(item)] = _key(item)
        return found

    def add(items: Iterable[Report | LadderEvidence], role: Role) -> None:
        for item in items:
            key = (key_of(item), role)
            if key not in placed:
                placed.add(key)
                out.append(_entry(item, role))

    if signals and signalled_on is not None:
        add(signals[0].evidence, Role.SIGNALLED)
    if assertions:
        add(assertions[0].evidence, Role.CROSSED)
    if confirmation:
        add(confirmation[1], Role.CONFIRMED)
    shown = {k for k, _ in placed}
    add([e for e in _distinct([*signals, *assertions]) if key_of(e) not in shown], Role.SUPPORT)
    add(denials, Role.COUNTER)
    return tuple(out)


def _key(item: Report | LadderEvidence) -> str:
    """What makes two pieces of evidence one: the event, else the sentence (as `_entry` has it)."""
    report = item if isinstance(item, Report) else _item_report(item)
    if report is not None and report.event.id:
        return report.event.id
    if report is not None:
        evidence = report.event.evidence
    else:
        assert not isinstance(item, Report)
        evidence = item.evidence
    return f"{evidence.doc_id}:{evidence.sentence}:{evidence.text.strip()}"


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
