"""Precision, recall and F1 of coded events against gold cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from redline.evaluation.bridge import Bridge
from redline.evaluation.gold import GoldCase
from redline.evaluation.modality import ModalityScore
from redline.models import Event, Modality

Triple = tuple[str | None, str | None, str | None]


@dataclass
class Tally:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Counter[Any], predicted: Counter[Any]) -> None:
        """Count the overlap of two multisets."""
        hit = sum((gold & predicted).values())
        self.tp += hit
        self.fp += sum(predicted.values()) - hit
        self.fn += sum(gold.values()) - hit

    def prf(self) -> dict[str, float]:
        """Precision, recall and F1 (0 where undefined)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class ExtractScore:
    """Scores of the whole pipeline on gold sentences."""

    n: int = 0
    types: Tally = field(default_factory=Tally)
    pairs: Tally = field(default_factory=Tally)
    triples: Tally = field(default_factory=Tally)
    exact: int = 0
    per_type: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    modality_hits: int = 0
    modality_n: int = 0
    labelled: ModalityScore = field(default_factory=ModalityScore)


def predicted_triples(events: Iterable[Event], bridge: Bridge) -> list[Triple]:
    """(source, target, type) at the comparison level of the gold."""
    found: list[Triple] = []
    for event in events:
        source = bridge.event_actor(event.source.country, event.source.code)
        target = (
            bridge.event_actor(event.target.country, event.target.code) if event.target else None
        )
        found.append((source, target, event.type))
    return found


def gold_triples(case: GoldCase, bridge: Bridge) -> list[Triple]:
    """The case's expected triples with types and actors bridged."""
    return [
        (bridge.actor(e.source), bridge.actor(e.target), bridge.event_type(e.code, e.mode))
        for e in case.expected
        if bridge.event_type(e.code, e.mode) is not None
    ]


# PLOVER files a promise or announcement of cooperation under AGREE and a stated intention of
# coercion or force under THREATEN; redline keeps the type of the act and says "not yet" with
# the modality. For gold coded in PLOVER names the two are joined. CAMEO dictionary coders
# (the PETRARCH sets, numeric codes) code the verb as written, so there nothing is joined:
# measured, joining lowers those sets (unit suite triple F1 0.68 -> 0.49).
# CAMEO and PLOVER file a refusal to give help, support or a concession under REJECT;
# redline keeps the type refused with the modality `negated`. Against unlabelled gold the
# refusal is REJECT; other negated events ("did not clash") are no event there.
REFUSABLE = {"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# redline codes signing or concluding an agreement as AGREE (triggers_redline.tsv says why);
# CAMEO (057, "sign formal agreement") and PLOVER file a signing that took place under
# SUPPORT, so against unlabelled gold such an event is SUPPORT; a promise to sign stays AGREE.
SIGNING = "057"
PROMISED = {Modality.SCHEDULED, Modality.SPECULATED, Modality.CONDITIONAL}
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
HOSTILE = {"COERCE", "SANCTION", "ASSAULT"}


def plover_coded(case: GoldCase) -> bool:
    """True when the gold names PLOVER types (not numeric CAMEO codes)."""
    codes = [e.code for e in case.expected if e.code] + ([case.label] if case.label else [])
    return any(not code.strip().isdigit() for code in codes)


def gold_view(case: GoldCase, events: Sequence[Event]) -> list[Event]:
    """The events as a gold set without modality labels codes them.

    CAMEO-coded sets (PETRARCH, the PLOVER GSR) code what a sentence reports as happening,
    announced or possible; "did not clash" is no event there, so `negated` events are left
    out; in gold coded with PLOVER names an announced act takes the promise or threat type
    (see PROMISED). A gold set
    with modality labels (the modality set) uses redline's own convention: events unchanged."""
    if case.modality is not None:
        return list(events)
    promises = plover_coded(case)
    seen: list[Event] = []
    for event in events:
        type_ = gold_convention(event.type, event.modality, promises, event.cameo)
        if type_ is None:
            continue
        seen.append(event if type_ == event.type else replace(event, type=type_))
    return seen


def gold_convention(
    type_: str, modality: Modality, promises: bool, cameo: str | None = None
) -> str | None:
    """The type a gold set without modality labels gives an event of `type_` presented
    with `modality` (None: no event there); `promises` is true for PLOVER-coded gold, `cameo`
    is the CAMEO code of the lexicon row that coded the event."""
    if type_ == "AGREE" and (cameo or "").startswith(SIGNING) and modality not in PROMISED:
        type_ = "SUPPORT"  # a signing done, as CAMEO 057 and PLOVER code it (see SIGNING)
    if modality is Modality.NEGATED and type_ in REFUSABLE:
        return "REJECT"  # "would not provide support": a refusal
    if modality is Modality.NEGATED:
        return None
    if promises and modality in PROMISED and type_ in COOPERATIVE:
        return "AGREE"
    if promises and modality in PROMISED and type_ in HOSTILE:
        return "THREATEN"
    return type_


def score_case(
    score: ExtractScore, case: GoldCase, events: Sequence[Event], bridge: Bridge
) -> None:
    """Add one case's comparison to the running score."""
    events = gold_view(case, events)
    gold = gold_triples(case, bridge)
    pred = list(dict.fromkeys(predicted_triples(events, bridge)))
    score.n += 1
    score.types.add(Counter(set(t[2] for t in gold)), Counter(set(t[2] for t in pred)))
    score.pairs.add(Counter(set(t[:2] for t in gold)), Counter(set(t[:2] for t in pred)))
    score.triples.add(Counter(gold), Counter(pred))
    score.exact += int(set(gold) == set(pred))
    gold_types, pred_types = {t[2] for t in gold}, {t[2] for t in pred}
    for name in gold_types | pred_types:
        tally = score.per_type.setdefault(str(name), Tally())
        tally.add(Counter({name} & gold_types), Counter({name} & pred_types))
    for g in gold_types:
        score.confusion[(str(g), ",".join(sorted(str(p) for p in pred_types)) or "-")] += 1
    score.labelled.add(case, events, bridge)
    if case.modality:
        score.modality_n += 1
        score.modality_hits += int(any(e.modality.value == case.modality for e in events))


def extract_report(score: ExtractScore) -> dict[str, Any]:
    """The stable JSON figures of an extract run."""
    types = score.types.prf()
    macro = [t.prf()["f1"] for name, t in score.per_type.items() if t.tp + t.fn]
    return {
        "mode": "extract",
        "n": score.n,
        "type_accuracy": types["f1"],
        "type_macro_f1": round(sum(macro) / len(macro), 4) if macro else 0.0,
        "type": types,
        "pair": score.pairs.prf(),
        "triple": score.triples.prf(),
        "pair_f1": score.pairs.prf()["f1"],
        "triple_f1": score.triples.prf()["f1"],
        "exact_match": round(score.exact / score.n, 4) if score.n else 0.0,
        "modality_accuracy": (
            round(score.modality_hits / score.modality_n, 4) if score.modality_n else None
        ),
        "modality_labelled": score.labelled.report(),
        "per_type": {
            name: {**t.prf(), "support": t.tp + t.fn} for name, t in sorted(score.per_type.items())
        },
        "confusion": [
            {"gold": g, "predicted": p, "count": c} for (g, p), c in score.confusion.most_common()
        ],
    }
