"""Conditions over one coded event, shared by the cooperation ladder and the red-line rules.

Every field is optional and the fields combine with AND; inside a list any value will do (OR).
Keywords are case-insensitive regular expressions searched in the evidence sentence and the
trigger; a plain word matches wherever it occurs ("missile" also finds "missiles").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from redline.analysis.located import Node, Problems, choice_list, fields, patterns, text_list
from redline.models import Actor, Event, Modality
from redline.ontology.plover import Ontology

EVENT_FIELDS = (
    "types",
    "modes",
    "contexts",
    "modalities",
    "source",
    "target",
    "actors",
    "keywords",
)


@dataclass(frozen=True, slots=True)
class EventCondition:
    """What an event must be for a ladder rung or a red-line rule to apply to it."""

    types: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()
    contexts: frozenset[str] = frozenset()
    modalities: frozenset[Modality] = frozenset()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    keywords: tuple[re.Pattern[str], ...] = ()

    def matches(self, event: Event) -> bool:
        """True when the event meets every field that is set."""
        if self.types and event.type not in self.types:
            return False
        if self.modes and event.mode not in self.modes:
            return False
        if self.contexts and not self.contexts.intersection(event.contexts):
            return False
        if self.modalities and event.modality not in self.modalities:
            return False
        if self.source and not actor_matches(event.source, self.source):
            return False
        if self.target and not actor_matches(event.target, self.target):
            return False
        if self.actors and not (
            actor_matches(event.source, self.actors) or actor_matches(event.target, self.actors)
        ):
            return False
        return not self.keywords or self.keyword_found(event)

    def keyword_found(self, event: Event) -> bool:
        """True when one of the keywords occurs in the evidence sentence or the trigger."""
        haystack = f"{event.evidence.text}\n{event.trigger}"
        joined = joined_keywords(self.keywords)
        if joined is not None:
            return joined.search(haystack) is not None
        return any(k.search(haystack) for k in self.keywords)


BACKREFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)yes|no)


@lru_cache(maxsize=1024)
def joined_keywords(keywords: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """The keywords as one alternation: one scan of a sentence, not one per keyword (a rung
    has up to 15), and the same matches, since an alternation is found wherever one of its
    branches is. None when joining could change a pattern (different flags, back-references,
    whose group numbers would shift, or a join that does not compile) or there is one keyword.
    """
    if len(keywords) < 2 or len({k.flags for k in keywords}) > 1:
        return None
    if any(BACKREFERENCE.search(k.pattern) for k in keywords):
        return None
    try:
        return re.compile("|".join(f"(?:{k.pattern})" for k in keywords), keywords[0].flags)
    except re.error:
        return None


def actor_matches(actor: Actor | None, codes: Sequence[str]) -> bool:
    """A three-letter code names a country; a longer one an actor code or its prefix (PRKMIL)."""
    if actor is None:
        return False
    for code in codes:
        if len(code) == 3 and code in (actor.country, actor.code):
            return True
        if len(code) > 3 and actor.code.startswith(code):
            return True
    return False


def parse_event_condition(
    node: Node,
    problems: Problems,
    ontology: Ontology,
    what: str = "event condition",
    extra: Sequence[str] = (),
) -> tuple[EventCondition, dict[str, Node]]:
    """An `EventCondition` from a mapping; fields named in `extra` are returned for the caller."""
    found = fields(node, problems, what, (*EVENT_FIELDS, *extra))
    modes = {m for t in ontology.types.values() for m in t.modes}
    condition = EventCondition(
        types=frozenset(_choices(found, "types", problems, "PLOVER type", ontology.types)),
        modes=frozenset(_choices(found, "modes", problems, "PLOVER mode", modes)),
        contexts=frozenset(_choices(found, "contexts", problems, "context", ontology.contexts)),
        modalities=frozenset(
            Modality(m)
            for m in _choices(
                found, "modalities", problems, "modality", [m.value for m in Modality]
            )
        ),
        source=_codes(found, "source", problems),
        target=_codes(found, "target", problems),
        actors=_codes(found, "actors", problems),
        keywords=tuple(patterns(found["keywords"], problems, "keyword"))
        if "keywords" in found
        else (),
    )
    return condition, {k: v for k, v in found.items() if k in extra}


def _choices(
    found: dict[str, Node], key: str, problems: Problems, what: str, choices: Iterable[str]
) -> list[str]:
    if key not in found:
        return []
    return choice_list(found[key], problems, what, sorted(choices))


def _codes(found: dict[str, Node], key: str, problems: Problems) -> tuple[str, ...]:
    if key not in found:
        return ()
    codes = tuple(c.upper() for c in text_list(found[key], problems, f"{key} actor code"))
    for code in codes:
        if not re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", code):
            problems.add(found[key], f"'{code}' is not an actor code (e.g. RUS, PRKMIL)")
    return codes
