"""Compare two treaties clause by clause: what was added, removed or changed.

Provisions are grouped by what they commit to (type and attributes; the article number does
not matter, so a clause that moved from Art. 2 to Art. 3 is "same"). Within a type, identical
commitments pair up as SAME, the rest pair by the most shared attributes as CHANGED, and what
is left is ADDED or REMOVED. Rows come in importance order of the type (DEFENSE first), and
within a type added, removed, changed, same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from redline.treaties.coder import code_treaty
from redline.treaties.models import Provision, ProvisionType, Treaty

Signature = tuple[str, bool | None, tuple[str, ...], str | None, bool | None]
ATTRIBUTES = ("automatic", "conditions", "domain", "crisis")  # signature positions 1-4


class DiffStatus(StrEnum):
    """How a commitment differs between the earlier and the later treaty."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


_STATUS_ORDER = list(DiffStatus)


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """One attribute of a commitment, before and after."""

    name: str
    before: object
    after: object


@dataclass(frozen=True, slots=True)
class DiffRow:
    """A commitment in one or both treaties, with the articles that carry it."""

    type: ProvisionType
    status: DiffStatus
    before: tuple[Provision, ...]
    after: tuple[Provision, ...]
    changes: tuple[AttributeChange, ...] = ()


@dataclass(frozen=True, slots=True)
class TreatyDiff:
    """The rows comparing treaty `before` with treaty `after`, most important first."""

    before: Treaty
    after: Treaty
    rows: tuple[DiffRow, ...]

    def with_status(self, status: DiffStatus) -> list[DiffRow]:
        """The rows of one status, in diff order."""
        return [r for r in self.rows if r.status is status]


def _grouped(treaty: Treaty) -> dict[Signature, list[Provision]]:
    groups: dict[Signature, list[Provision]] = {}
    for provision in treaty.provisions:
        groups.setdefault(provision.signature, []).append(provision)
    return groups


def _shared(a: Signature, b: Signature) -> int:
    return sum(x == y for x, y in zip(a[1:], b[1:], strict=True))


def _changes(a: Signature, b: Signature) -> tuple[AttributeChange, ...]:
    return tuple(
        AttributeChange(name, x, y)
        for name, x, y in zip(ATTRIBUTES, a[1:], b[1:], strict=True)
        if x != y
    )


def _rows_of_type(
    kind: ProvisionType,
    old: dict[Signature, list[Provision]],
    new: dict[Signature, list[Provision]],
) -> list[DiffRow]:
    left = [s for s in old if s[0] == kind.value]
    right = [s for s in new if s[0] == kind.value]
    rows = [DiffRow(kind, DiffStatus.SAME, tuple(old[s]), tuple(new[s])) for s in left if s in new]
    left = [s for s in left if s not in new]
    right = [s for s in right if s not in old]
    while left and right:
        a, b = max(((a, b) for a in left for b in right), key=lambda pair: _shared(*pair))
        rows.append(DiffRow(kind, DiffStatus.CHANGED, tuple(old[a]), tuple(new[b]), _changes(a, b)))
        left.remove(a)
        right.remove(b)
    rows += [DiffRow(kind, DiffStatus.ADDED, (), tuple(new[s])) for s in right]
    rows += [DiffRow(kind, DiffStatus.REMOVED, tuple(old[s]), ()) for s in left]
    return sorted(rows, key=lambda r: _STATUS_ORDER.index(r.status))


def diff_treaties(before: Treaty | str, after: Treaty | str) -> TreatyDiff:
    """Compare two treaties (coded Treaty records, or treaty texts to code first)."""
    old = before if isinstance(before, Treaty) else code_treaty(before)
    new = after if isinstance(after, Treaty) else code_treaty(after)
    old_groups, new_groups = _grouped(old), _grouped(new)
    rows: list[DiffRow] = []
    for kind in ProvisionType:
        rows.extend(_rows_of_type(kind, old_groups, new_groups))
    return TreatyDiff(old, new, tuple(rows))
