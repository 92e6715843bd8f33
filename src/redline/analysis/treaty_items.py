"""Treaty provisions as ladder evidence: the second producer of `LadderEvidence`.

A coded treaty (redline.treaties) gives one item per provision, at the rung ladder.yaml maps
its type to (`provisions:`), from the day it was signed (else entered into force). All are
commitments of that treaty; when the treaty ends, a lapse item ends exactly them. The text of a
treaty is the primary source: its items are asserted unless the provision's own modality (a
news report of a treaty) says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from redline.analysis.evidence import Basis, ItemKind, Status, status_of
from redline.analysis.ladder_rules import Ladder
from redline.models import Evidence, Modality
from redline.treaties.models import Provision, Treaty


@dataclass(frozen=True, slots=True)
class ProvisionItem:
    """One provision (or the end of its treaty) as a ladder evidence item."""

    date: date
    level: int
    modality: Modality
    status: Status
    kind: ItemKind
    description: str
    evidence: Evidence
    agreement: str | None
    lapses: tuple[str, ...] = ()
    provision: Provision | None = None
    basis: Basis = Basis.COMMITMENT


def treaty_items(
    treaty: Treaty,
    ladder: Ladder,
    doc_id: str = "",
    successors: Mapping[str, str] | None = None,
) -> list[ProvisionItem]:
    """The ladder items of a treaty's provisions, and its lapse when it has ended."""
    start = treaty.signed or treaty.in_force
    if start is None:
        return []
    key = f"treaty:{treaty.title}"
    parties = "-".join((successors or {}).get(p, p) for p in treaty.parties) or "?"
    items: list[ProvisionItem] = []
    for provision in treaty.provisions:
        level = ladder.provisions.get(provision.type.value)
        status = status_of(provision.modality)
        if level is None or status is None:
            continue
        automatic = " (automatic)" if provision.automatic else ""
        article = f" Art. {provision.article}" if provision.article else ""
        items.append(
            ProvisionItem(
                date=start,
                level=level,
                modality=provision.modality,
                status=status,
                kind=ItemKind.REACH,
                description=f"{provision.type.value}{automatic}{article} of {treaty.title} "
                f"({parties})",
                evidence=_evidence(doc_id or key, provision),
                agreement=key,
                provision=provision,
            )
        )
    if treaty.ended:
        items.append(
            ProvisionItem(
                date=treaty.ended,
                level=0,
                modality=Modality.ASSERTED,
                status=Status.ASSERTED,
                kind=ItemKind.LAPSE,
                description=f"{treaty.title} ended",
                evidence=Evidence(doc_id or key, -1, 0, 0, f"{treaty.title} ended {treaty.ended}"),
                agreement=key,
                lapses=(key,),
            )
        )
    return items


def _evidence(doc_id: str, provision: Provision) -> Evidence:
    span = provision.evidence
    return Evidence(doc_id=doc_id, sentence=-1, start=span.start, end=span.end, text=span.text)
