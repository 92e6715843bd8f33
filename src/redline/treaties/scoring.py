"""Score provision coding against a gold file (treaty articles, or news sentences).

Treaties: a provision is right when (article, type, qualifier) matches a gold one, the
qualifier being `automatic` for DEFENSE, `crisis` for CONSULTATION and `domain` for
TECH_TRANSFER. Conditions are scored apart, over the matched DEFENSE/OFFENSE provisions.
Reports: per sentence, (type, modality) pairs; attributes the gold states are checked apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from redline.errors import DataFileError
from redline.models import Modality
from redline.treaties.lifecycle import as_date
from redline.treaties.models import Condition, Domain, Provision, ProvisionType


@dataclass(frozen=True, slots=True)
class GoldProvision:
    """An expected provision; None attributes are not stated by the gold."""

    type: ProvisionType
    article: str | None = None
    automatic: bool | None = None
    conditions: tuple[Condition, ...] | None = None
    crisis: bool | None = None
    domain: Domain | None = None
    modality: Modality = Modality.ASSERTED


@dataclass(frozen=True, slots=True)
class GoldReport:
    """A news sentence with the provisions it reports."""

    id: str
    text: str
    published: date | None
    group: str | None
    provisions: tuple[GoldProvision, ...]


@dataclass
class Score:
    """Counts of a precision/recall measurement and the misses behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, predicted: Counter[Any], gold: Counter[Any], where: str) -> None:
        """Add one item's predicted and gold multisets."""
        self.tp += sum((predicted & gold).values())
        for key in predicted - gold:
            self.fp += (predicted - gold)[key]
            self.errors.append(f"{where}: extra {key}")
        for key in gold - predicted:
            self.fn += (gold - predicted)[key]
            self.errors.append(f"{where}: missed {key}")


def _gold(entry: Mapping[str, Any]) -> GoldProvision:
    try:
        conditions = entry.get("conditions")
        return GoldProvision(
            type=ProvisionType(entry["type"]),
            article=str(entry["article"]) if entry.get("article") is not None else None,
            automatic=entry.get("automatic"),
            conditions=tuple(Condition(c) for c in conditions) if conditions is not None else None,
            crisis=entry.get("crisis"),
            domain=Domain(entry["domain"]) if entry.get("domain") else None,
            modality=Modality(entry.get("modality", "asserted")),
        )
    except (KeyError, ValueError) as exc:
        raise DataFileError(f"bad gold provision {dict(entry)!r}: {exc}") from exc


def load_treaty_gold(path: Path) -> dict[str, list[GoldProvision]]:
    """The expected provisions of each treaty file, keyed by file name."""
    entries = yaml.safe_load(path.read_text("utf-8")) or []
    return {str(e["file"]): [_gold(p) for p in e.get("provisions") or []] for e in entries}


def load_report_gold(path: Path) -> list[GoldReport]:
    """The news sentences of a report gold file."""
    entries = yaml.safe_load(path.read_text("utf-8")) or []
    return [
        GoldReport(
            id=str(e["id"]),
            text=str(e["text"]),
            published=as_date(e.get("date"), "date"),
            group=e.get("group"),
            provisions=tuple(_gold(p) for p in e.get("provisions") or []),
        )
        for e in entries
    ]


def _qualifier(kind: ProvisionType, automatic: Any, crisis: Any, domain: Any) -> Any:
    if kind is ProvisionType.DEFENSE:
        return bool(automatic)
    if kind is ProvisionType.CONSULTATION:
        return bool(crisis)
    return domain.value if kind is ProvisionType.TECH_TRANSFER and domain else None


def treaty_key(p: Provision | GoldProvision) -> tuple[str | None, str, Any]:
    """(article, type, qualifier): what must match for a treaty provision to count."""
    return (p.article, p.type.value, _qualifier(p.type, p.automatic, p.crisis, p.domain))


def score_treaties(
    predicted: Mapping[str, Sequence[Provision]], gold: Mapping[str, Sequence[GoldProvision]]
) -> tuple[Score, Score]:
    """Provision and condition scores over the files of `gold`."""
    provisions, conds = Score(), Score()
    for name, expected in gold.items():
        found = predicted.get(name, [])
        provisions.add(Counter(map(treaty_key, found)), Counter(map(treaty_key, expected)), name)
        wanted = {treaty_key(g): g for g in expected if g.conditions is not None}
        for p in found:
            g = wanted.pop(treaty_key(p), None)
            if g is not None and g.conditions is not None:
                where = f"{name} art. {p.article} {p.type.value}"
                conds.add(Counter(p.conditions), Counter(g.conditions), where)
    return provisions, conds


def report_key(p: Provision | GoldProvision) -> tuple[str, str]:
    """(type, modality): what must match for a reported provision to count."""
    return (p.type.value, p.modality.value)


def score_reports(
    predicted: Mapping[str, Sequence[Provision]], gold: Iterable[GoldReport]
) -> tuple[Score, Score]:
    """Provision score, and agreement on the attributes the gold states (as tp/fn counts)."""
    provisions, attributes = Score(), Score()
    for report in gold:
        found = list(predicted.get(report.id, []))
        provisions.add(
            Counter(map(report_key, found)), Counter(map(report_key, report.provisions)), report.id
        )
        for g in report.provisions:
            match = next((p for p in found if report_key(p) == report_key(g)), None)
            if match is None:
                continue
            found.remove(match)
            for name in ("automatic", "conditions", "domain"):
                want = getattr(g, name)
                if want is None:
                    continue
                got = getattr(match, name)
                if got == want or (name == "conditions" and set(got) == set(want)):
                    attributes.tp += 1
                else:
                    attributes.fn += 1
                    attributes.errors.append(f"{report.id}: {g.type.value} {name} {got} != {want}")
    return provisions, attributes
