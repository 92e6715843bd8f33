"""Provisions and treaty diffs as JSON-ready dicts (the stable field names of the CLI)."""

from __future__ import annotations

from typing import Any

from redline.treaties.diff import AttributeChange, DiffRow
from redline.treaties.models import Provision


def provision_json(provision: Provision) -> dict[str, Any]:
    """type, automatic, conditions, domain, crisis, article, modality, evidence{start,end,text}."""
    return {
        "type": provision.type.value,
        "automatic": provision.automatic,
        "conditions": [c.value for c in provision.conditions],
        "domain": provision.domain.value if provision.domain else None,
        "crisis": provision.crisis,
        "article": provision.article,
        "modality": provision.modality.value,
        "evidence": {
            "start": provision.evidence.start,
            "end": provision.evidence.end,
            "text": provision.evidence.text,
        },
    }


def _value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def diff_row_json(row: DiffRow) -> dict[str, Any]:
    """type, status, before and after (provision lists), changes [{attribute, before, after}]."""
    return {
        "type": row.type.value,
        "status": row.status.value,
        "before": [provision_json(p) for p in row.before],
        "after": [provision_json(p) for p in row.after],
        "changes": [
            {"attribute": c.name, "before": _value(c.before), "after": _value(c.after)}
            for c in row.changes
        ],
    }


def describe(provision: Provision) -> str:
    """A short reading of the attributes: "automatic; armed_attack, state_of_war"."""
    parts = []
    if provision.automatic is not None:
        parts.append("automatic" if provision.automatic else "not automatic")
    if provision.crisis is not None:
        parts.append("crisis" if provision.crisis else "general")
    if provision.domain is not None:
        parts.append(provision.domain.value)
    if provision.conditions:
        parts.append(", ".join(c.value for c in provision.conditions))
    return "; ".join(parts)


def change_text(change: AttributeChange) -> str:
    """A change in words: "conditions +un_charter_51 +domestic_law", "automatic: True -> False"."""
    if change.name == "conditions" and isinstance(change.before, tuple):
        after = change.after if isinstance(change.after, tuple) else ()
        added = [f"+{c}" for c in after if c not in change.before]
        removed = [f"-{c}" for c in change.before if c not in after]
        return "conditions " + " ".join(added + removed)
    return f"{change.name}: {change.before} -> {change.after}"
