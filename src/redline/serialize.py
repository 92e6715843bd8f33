"""The stable JSON form of events (other tools read these names: keep them)."""

from __future__ import annotations

from typing import Any

from redline.models import Actor, Event


def actor_json(actor: Actor | None) -> dict[str, Any] | None:
    """An actor as `{code, country, sector, person, text}`."""
    if actor is None:
        return None
    return {
        "code": actor.code,
        "country": actor.country,
        "sector": actor.sector,
        "person": actor.person,
        "text": actor.text,
    }


def event_json(event: Event) -> dict[str, Any]:
    """An event as the stable JSON object of `redline events --format jsonl`."""
    ev = event.evidence
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "source": actor_json(event.source),
        "target": actor_json(event.target),
        "date": event.date.value.isoformat() if event.date.value else None,
        "date_precision": event.date.precision.value if event.date.precision else None,
        "date_expression": event.date.expression,
        "modality": event.modality.value,
        "attribution": event.attribution,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "evidence": {
            "doc_id": ev.doc_id,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "text": ev.text,
            "trigger_start": ev.trigger_start,
            "trigger_end": ev.trigger_end,
        },
    }
