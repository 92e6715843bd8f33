"""Attributes of a DEFENSE (or OFFENSE) obligation: its conditions and whether it is automatic.

`automatic` follows ATOP's notion of an unconditional pledge: help owed at once / without
delay / with every means, with no clause leaving the ally discretion over whether and how to
act ("such action as it deems necessary", "in accordance with its constitutional processes").
A reference to the parties' laws or to UN Charter Art. 51 is a condition, not discretion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from redline.treaties.models import Condition
from redline.treaties.scan import SentenceCues

CONDITION_CATEGORIES = {
    Condition.ARMED_ATTACK: "attack",
    Condition.UN_CHARTER_51: "cond_un_charter_51",
    Condition.DOMESTIC_LAW: "cond_domestic_law",
    Condition.CONSTITUTIONAL_PROCESS: "cond_constitutional_process",
    Condition.TERRITORY_LIMITED: "cond_territory_limited",
    Condition.NON_PROVOCATION: "cond_non_provocation",
}
# Conditions that restrict an offensive obligation too (the others describe an attack on a party).
OFFENSE_CONDITIONS = frozenset({Condition.NAMED_THREAT, Condition.TERRITORY_LIMITED})


def conditions(sentences: Iterable[SentenceCues]) -> tuple[Condition, ...]:
    """The conditions stated in the sentences, in canonical order.

    War with a named enemy ("at war with Germany") is recorded as a named threat rather than as
    a state of war: what triggers the obligation is that adversary, not any war.
    """
    found: set[Condition] = set()
    for s in sentences:
        found.update(c for c, category in CONDITION_CATEGORIES.items() if s.has(category))
        named_war = s.find("cond_named_war")
        if named_war or s.has("cond_named_threat"):
            found.add(Condition.NAMED_THREAT)
        if any(not s.overlaps("cond_named_war", hit) for hit in s.find("war")):
            found.add(Condition.STATE_OF_WAR)
    return canonical(found)


def canonical(found: Iterable[Condition]) -> tuple[Condition, ...]:
    """Conditions in the order the scheme lists them."""
    present = set(found)
    return tuple(c for c in Condition if c in present)


def automatic(
    own: Sequence[SentenceCues], context: Sequence[SentenceCues], report: bool
) -> bool | None:
    """Whether the assistance is owed without discretion.

    `own` are the sentences of the obligation, `context` other sentences of the same article
    that may limit it. In a news report that says nothing either way the answer is None.
    """
    if any(s.has("discretion") for s in (*own, *context)):
        return False
    if any(s.has(c) for s in own for c in ("immediacy", "all_means", "automatic_word")):
        return True
    return None if report else False


def crisis(own: SentenceCues, paragraph: Iterable[SentenceCues]) -> bool:
    """A consultation is crisis-specific when its sentence or paragraph names a threat."""
    return own.has("threat") or any(s.has("threat") for s in paragraph)
