"""Classify mode: the type redline chooses for a given actor pair, scored by accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from redline.evaluation.bridge import Bridge
from redline.evaluation.gold import GoldCase
from redline.evaluation.modality import ModalityScore, overall_accuracy
from redline.events.lexicon import Lexicon
from redline.events.modality import is_content, is_denial
from redline.events.triggers import find_triggers
from redline.models import Event

NONE = "NONE"


@dataclass
class ClassifyScore:
    """Gold label versus chosen type, per case."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    modality: ModalityScore = field(default_factory=ModalityScore)


def _matches(
    actor_text: str | None,
    code: str | None,
    event_text: str,
    bridge: Bridge,
    event_code: str | None,
) -> bool:
    if actor_text and actor_text.lower() in event_text.lower():
        return True
    return bool(code and bridge.actor(code) == event_code)


def choose_type(case: GoldCase, events: Sequence[Event], bridge: Bridge) -> str:
    """The type of the event that best fits the gold pair, else the most confident event."""
    if not events:
        return NONE
    return max(events, key=lambda e: pair_fit(case, e, bridge)).type


def pair_fit(case: GoldCase, event: Event, bridge: Bridge) -> tuple[int, float]:
    """How many of the gold pair's actors the event names (0-2), then its confidence."""
    gold = case.expected[0] if case.expected else None
    source_code = bridge.event_actor(event.source.country, event.source.code)
    target_code = (
        bridge.event_actor(event.target.country, event.target.code) if event.target else None
    )
    s = _matches(
        case.source_text, gold.source if gold else None, event.source.text, bridge, source_code
    )
    t = event.target is not None and _matches(
        case.target_text, gold.target if gold else None, event.target.text, bridge, target_code
    )
    return (int(s) + int(t), event.confidence)


def classify_report(score: ClassifyScore) -> dict[str, Any]:
    """Accuracy and macro-F1 over gold labels."""
    n = len(score.pairs)
    hits = sum(g == p for g, p in score.pairs)
    labels = sorted({g for g, _ in score.pairs})
    per_type: dict[str, dict[str, float]] = {}
    f1s = []
    predicted = Counter(p for _, p in score.pairs)
    for label in labels:
        tp = sum(g == p == label for g, p in score.pairs)
        support = sum(g == label for g, _ in score.pairs)
        prec = tp / predicted[label] if predicted[label] else 0.0
        rec = tp / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        per_type[label] = {
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    return {
        "mode": "classify",
        "n": n,
        "type_accuracy": round(hits / n, 4) if n else 0.0,
        "type_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "pair_f1": None,
        "triple_f1": None,
        "exact_match": round(hits / n, 4) if n else 0.0,
        "modality_accuracy": None,
        "modality_given_pair_accuracy": overall_accuracy(score.modality),
        "modality_given_pair": score.modality.report(),
        "per_type": per_type,
        "confusion": [
            {"gold": g, "predicted": p, "count": c}
            for (g, p), c in Counter(score.pairs).most_common()
            if g != p
        ],
    }


def trigger_type(parsed: Any, lexicon: Lexicon) -> str:
    """The type of the sentence's main trigger, for a case where no event was coded.

    Classify mode judges the type chosen for the pair the gold gives, apart from actor
    finding; when the coder found no actors it could code (an unknown group, a domestic pair),
    the trigger that would have carried the event still says the type. Verbal triggers that
    report another event's content or deny it are passed over, as the coder does."""
    for sentence in parsed.sents:
        matches = [
            m
            for m in find_triggers(sentence, lexicon)
            if not is_content(m.token) and not is_denial(m.token)
        ]
        verbal = [m for m in matches if not m.nominal]
        for match in sorted(verbal, key=lambda m: (m.token.dep_ != "ROOT", m.token.i)) or matches:
            return match.entry.type
    return NONE
