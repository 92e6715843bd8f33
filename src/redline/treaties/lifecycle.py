"""Treaty facts and lifecycle.

Front matter gives a treaty text's title, parties, and the dates signed, in force and ended;
`build_treaties` merges texts and news events into treaties with a lifecycle (`Treaty`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from redline.errors import IngestError
from redline.models import DatePrecision, Event, Modality
from redline.treaties.models import Provision
from redline.treaties.models import Treaty as TreatyText

DATE_KEYS = ("signed", "in_force", "ended")


def as_date(value: Any, key: str) -> date | None:
    """A front-matter date (YAML date or ISO text) as a date; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise IngestError(f"front matter {key!r}: {value!r} is not an ISO date") from exc


def treaty_facts(fields: Mapping[str, Any], fallback_title: str = "") -> TreatyText:
    """A provision-less treaty text holding the facts of the front matter."""
    parties = fields.get("parties") or ()
    if isinstance(parties, str):
        parties = [p.strip() for p in parties.split(",")]
    supersedes = fields.get("supersedes")
    dates = {key: as_date(fields.get(key), key) for key in DATE_KEYS}
    return TreatyText(
        title=str(fields.get("title") or fallback_title),
        provisions=(),
        parties=tuple(str(p) for p in parties),
        signed=dates["signed"],
        in_force=dates["in_force"],
        ended=dates["ended"],
        supersedes=str(supersedes) if supersedes else None,
    )


# --- Treaties as entities with a lifecycle (DESIGN §3 Treaty/Agreement) -----------------------


class Stage(StrEnum):
    """A treaty's lifecycle stage, in lifecycle order; the last three are terminal."""

    RUMOURED = "rumoured"
    NEGOTIATED = "negotiated"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    LAPSED = "lapsed"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"

    @property
    def rank(self) -> int:
        """Position in lifecycle order; the terminal stages share the highest rank."""
        return min(list(Stage).index(self), list(Stage).index(Stage.LAPSED))

    @property
    def terminal(self) -> bool:
        """True for lapsed, terminated and superseded."""
        return self.rank == Stage.LAPSED.rank


@dataclass(frozen=True, slots=True)
class StageEvidence:
    """One source for a stage: a document (or treaty text key) and its sentence."""

    doc_id: str
    text: str
    date: date


@dataclass(frozen=True, slots=True)
class StageRecord:
    """When a stage was reached and every source that reports it."""

    date: date
    evidence: tuple[StageEvidence, ...]


@dataclass(frozen=True, slots=True)
class Treaty:
    """One treaty of a pair, merged from its text and every news report of it.

    `key` is `<year>-<A>-<B>` (year signed, else first reported; parties sorted).
    """

    key: str
    parties: tuple[str, ...]
    title: str
    stages: Mapping[Stage, StageRecord]
    provisions: tuple[Provision, ...] = ()
    supersedes: str | None = None

    def stage_on(self, day: date) -> Stage | None:
        """The stage the treaty had on `day` (None before its first stage)."""
        reached = [(s, r) for s, r in self.stages.items() if r.date <= day]
        if not reached:
            return None
        ended = sorted((r.date, s.rank, s) for s, r in reached if s.terminal)
        if ended:
            return ended[0][2]
        return max(reached, key=lambda item: item[0].rank)[0]

    def date_of(self, stage: Stage) -> date | None:
        """The date a stage was reached, if it was."""
        record = self.stages.get(stage)
        return record.date if record else None


_TREATY_WORD = re.compile(r"\b(?:treaty|treaties|pact|agreement)\b", re.I)
_YEAR_REF = re.compile(
    r"\b(1[6-9]\d\d|20\d\d)(?:[\s-]+[A-Za-z-]+){0,2}?\s+(?:treaty|pact|agreement)\b", re.I
)
_IN_FORCE = re.compile(r"\binto\s+force\b|\b(?:took|take|takes|taking)\s+effect\b", re.I)
_LAPSE = re.compile(r"\b(?:laps|expir)\w*", re.I)
_TERMINATE = re.compile(r"\b(?:terminat|denounc|abrogat)\w*", re.I)
_RATIFY = re.compile(r"\b(?:ratif\w*|approv\w*)", re.I)
_SIGN = re.compile(r"\b(?:sign|signs|signed|signing|signature|signatures)\b", re.I)
_NEGOTIATE = re.compile(r"\b(?:negotiat\w*|draft\w*)", re.I)
_PAST = (Modality.ASSERTED, Modality.HISTORICAL)
_RECALL_DAYS = 730  # a vaguely dated signing report this soon after a signing recalls it


@dataclass(frozen=True, slots=True)
class _Report:
    pair: tuple[str, str]
    stage: Stage
    day: date
    year: int | None
    vague: bool
    evidence: StageEvidence


def report_stage(event: Event) -> Stage | None:
    """The lifecycle stage a news event reports, or None when it reports none."""
    text = event.evidence.text
    if event.type not in ("AGREE", "SUPPORT", "SANCTION", "CONSULT"):
        return None
    if not _TREATY_WORD.search(text):
        return None
    if event.modality in _PAST:
        if event.type in ("AGREE", "SUPPORT") and _IN_FORCE.search(text):
            return Stage.IN_FORCE
        if _LAPSE.search(text):
            return Stage.LAPSED
        if _TERMINATE.search(text):
            return Stage.TERMINATED
        if event.type == "SUPPORT" and _RATIFY.search(text):
            return Stage.RATIFIED
        if event.type in ("AGREE", "SUPPORT") and (
            _SIGN.search(text) or event.trigger.lower().startswith("sign")
        ):
            return Stage.SIGNED
        if event.type in ("AGREE", "CONSULT") and _NEGOTIATE.search(text):
            return Stage.NEGOTIATED
        return None
    if event.type == "AGREE" and event.modality in (Modality.SPECULATED, Modality.SCHEDULED):
        return Stage.RUMOURED
    return None


def build_treaties(
    texts: Sequence[TreatyText],
    events: Sequence[Event],
    successors: Mapping[str, str] | None = None,
) -> list[Treaty]:
    """Treaties with their lifecycle, from coded treaty texts and news events.

    Texts give the front-matter dates (signed, in force, ended). A news event gives a stage
    (`report_stage`); a report naming a year ("the 2000 treaty") belongs to that pair's treaty of
    that year, other reports to the pair's most recent treaty by date (a pre-signature report to
    a treaty not yet signed then; a signing report to one signed that year or not yet signed,
    or, when only month/year dated and within two years of the last signing, to that one;
    otherwise a new treaty). Per stage a day-precise date wins over a month/year one, then the
    earliest. When a newer treaty of the pair enters into force, an older one still in force
    is superseded then.
    `successors` maps historic states to their continuing state (SUN -> RUS) to match pairs;
    by default the packaged actor tables.
    """
    if successors is None:
        from redline.redlines.service import successors as packaged

        successors = packaged()
    builders: list[_Builder] = []
    for text in texts:
        builders.append(_Builder.from_text(text, successors))
    reports = [r for e in events if (r := _report(e, successors)) is not None]
    for item in sorted(reports, key=lambda r: (r.day, r.stage.rank)):
        target = _attach(item, builders)
        if target is None:
            if item.stage.rank > Stage.SIGNED.rank and not item.year:
                continue  # a ratification or lapse of a treaty nobody reported: nothing to hang on
            target = _Builder.new(item)
            builders.append(target)
        target.add(item.stage, item.evidence, item.vague)
    _supersede(builders)
    built = [b.build(builders) for b in builders]
    return sorted(built, key=lambda t: (_first(t), t.key))


def _first(treaty: Treaty) -> date:
    return min((r.date for r in treaty.stages.values()), default=date.max)


def _norm_pair(parties: Sequence[str], successors: Mapping[str, str]) -> tuple[str, str] | None:
    codes = sorted({successors.get(p, p) for p in parties})
    return (codes[0], codes[1]) if len(codes) == 2 else None


def _report(event: Event, successors: Mapping[str, str]) -> _Report | None:
    stage = report_stage(event)
    day = event.date.value
    if stage is None or day is None or event.target is None:
        return None
    source = event.source.country or event.source.code
    target = event.target.country or event.target.code
    pair = _norm_pair((source, target), successors)
    if pair is None:
        return None
    found = _YEAR_REF.search(event.evidence.text)
    evidence = StageEvidence(event.evidence.doc_id, event.evidence.text, day)
    vague = event.date.precision is not DatePrecision.DAY
    return _Report(pair, stage, day, int(found.group(1)) if found else None, vague, evidence)


class _Builder:
    """A treaty being assembled: stages with dates, precision and evidence."""

    def __init__(
        self,
        pair: tuple[str, str] | None,
        parties: tuple[str, ...],
        title: str,
        year: int | None,
        text: TreatyText | None = None,
    ) -> None:
        self.pair = pair
        self.parties = parties
        self.title = title
        self.year = year
        self.text = text
        self.stages: dict[Stage, tuple[bool, date]] = {}
        self.evidence: dict[Stage, list[StageEvidence]] = {}
        self.ended: date | None = None
        self.superseded_by: str | None = None
        self.replaces: str | None = None

    @classmethod
    def from_text(cls, text: TreatyText, successors: Mapping[str, str]) -> _Builder:
        first = text.signed or text.in_force or text.ended
        builder = cls(
            _norm_pair(text.parties, successors),
            tuple(sorted(text.parties)),
            text.title,
            first.year if first else None,
            text,
        )
        source = f"text:{builder.key}"
        for stage, day in ((Stage.SIGNED, text.signed), (Stage.IN_FORCE, text.in_force)):
            if day is not None:
                builder.add(stage, StageEvidence(source, f"{stage.value} {day}", day), False)
        builder.ended = text.ended
        return builder

    @classmethod
    def new(cls, item: _Report) -> _Builder:
        year = item.year or item.day.year
        return cls(item.pair, item.pair, f"{'-'.join(item.pair)} treaty of {year}", year)

    @property
    def key(self) -> str:
        return f"{self.year or '?'}-{'-'.join(self.parties)}"

    def date_of(self, stage: Stage) -> date | None:
        found = self.stages.get(stage)
        return found[1] if found else None

    def first(self) -> date | None:
        return min((d for _, d in self.stages.values()), default=None)

    def add(self, stage: Stage, evidence: StageEvidence, vague: bool) -> None:
        self.evidence.setdefault(stage, []).append(evidence)
        current = self.stages.get(stage)
        candidate = (vague, evidence.date)
        if current is None or candidate < current:  # precise before vague, then earliest
            self.stages[stage] = candidate

    def signed_by(self, day: date) -> bool:
        return any(d <= day for s, (_, d) in self.stages.items() if s.rank >= Stage.SIGNED.rank)

    def build(self, everyone: Sequence[_Builder]) -> Treaty:
        stages = {
            stage: StageRecord(day, tuple(self.evidence.get(stage, ())))
            for stage, (_, day) in sorted(self.stages.items(), key=lambda kv: kv[0].rank)
        }
        supersedes = self.replaces
        if supersedes is None and self.text is not None and self.text.supersedes:
            supersedes = _resolve(self.text.supersedes, self.pair, everyone) or self.text.supersedes
        return Treaty(
            key=self.key,
            parties=self.parties,
            title=self.title,
            stages=stages,
            provisions=self.text.provisions if self.text else (),
            supersedes=supersedes,
        )


def _resolve(reference: str, pair: tuple[str, str] | None, everyone: Sequence[_Builder]) -> str:
    """The key of the treaty a front-matter `supersedes: 1961-ussr-dprk` names ('' if none)."""
    found = re.match(r"(\d{4})", reference)
    if not found or pair is None:
        return ""
    year = int(found.group(1))
    return next((b.key for b in everyone if b.pair == pair and b.year == year), "")


def _attach(item: _Report, builders: Sequence[_Builder]) -> _Builder | None:
    """The treaty a report is about, or None when a new one must be made."""
    mine = [b for b in builders if b.pair == item.pair]
    if item.year is not None:
        return next((b for b in mine if b.year == item.year), None)
    if item.stage.rank < Stage.SIGNED.rank:
        pending = [b for b in mine if not b.signed_by(item.day)]
        return _latest(pending)
    if item.stage is Stage.SIGNED:
        same_year = [b for b in mine if b.year == item.day.year]
        pending = [b for b in mine if not b.signed_by(item.day) and b.first() is not None]
        if same_year or pending:
            return _latest(same_year or pending)
        latest = _latest([b for b in mine if (b.first() or date.max) <= item.day])
        signed = latest.date_of(Stage.SIGNED) if latest else None
        if item.vague and signed is not None and (item.day - signed).days <= _RECALL_DAYS:
            return latest  # "a year after they signed the treaty": a recollection
        return None  # a signing with no unsigned treaty to take it: a new treaty
    earlier = [b for b in mine if (b.first() or date.max) <= item.day]
    return _latest(earlier)


def _latest(candidates: Sequence[_Builder]) -> _Builder | None:
    return max(candidates, key=lambda b: (b.first() or date.min, b.year or 0), default=None)


def _supersede(builders: Sequence[_Builder]) -> None:
    """Mark supersession, then the text end dates that are not supersession as lapses."""
    for newer in builders:
        start = newer.date_of(Stage.IN_FORCE)
        if start is None or newer.pair is None:
            continue
        for older in builders:
            first = older.first()
            if older is newer or older.pair != newer.pair or first is None or first >= start:
                continue
            ended = [d for s, (_, d) in older.stages.items() if s.terminal and d < start] + (
                [older.ended] if older.ended and older.ended < start else []
            )
            if ended or not older.signed_by(start):
                continue
            older.add(
                Stage.SUPERSEDED,
                StageEvidence(f"text:{newer.key}", f"{newer.title} in force {start}", start),
                False,
            )
            older.superseded_by = newer.key
            if newer.replaces is None:
                newer.replaces = older.key
    for builder in builders:
        if builder.ended is not None and Stage.SUPERSEDED not in builder.stages:
            day = builder.ended
            note = StageEvidence(f"text:{builder.key}", f"ended {day}", day)
            builder.add(Stage.LAPSED, note, False)
