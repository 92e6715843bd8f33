"""Treaty facts from front matter: title, parties, and the dates signed, in force and ended."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from redline.errors import IngestError
from redline.treaties.models import Treaty

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


def treaty_facts(fields: Mapping[str, Any], fallback_title: str = "") -> Treaty:
    """A provision-less Treaty holding the facts of the front matter."""
    parties = fields.get("parties") or ()
    if isinstance(parties, str):
        parties = [p.strip() for p in parties.split(",")]
    supersedes = fields.get("supersedes")
    dates = {key: as_date(fields.get(key), key) for key in DATE_KEYS}
    return Treaty(
        title=str(fields.get("title") or fallback_title),
        provisions=(),
        parties=tuple(str(p) for p in parties),
        signed=dates["signed"],
        in_force=dates["in_force"],
        ended=dates["ended"],
        supersedes=str(supersedes) if supersedes else None,
    )
