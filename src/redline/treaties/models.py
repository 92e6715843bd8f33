"""Typed records of treaty coding: provision types, conditions, provisions and treaties.

The scheme follows ATOP's obligations (defense, offense, neutrality, non-aggression,
consultation) plus the cooperation provisions the project tracks (DESIGN §3). Enum order is
importance order: a treaty diff lists DEFENSE changes before OFFENSE, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from redline.models import Modality


class ProvisionType(StrEnum):
    """The kind of obligation a clause creates, most consequential first."""

    DEFENSE = "DEFENSE"
    OFFENSE = "OFFENSE"
    NEUTRALITY = "NEUTRALITY"
    NONAGGRESSION = "NONAGGRESSION"
    CONSULTATION = "CONSULTATION"
    MILITARY_AID = "MILITARY_AID"
    TECH_TRANSFER = "TECH_TRANSFER"
    BASING = "BASING"
    INTEGRATED_COMMAND = "INTEGRATED_COMMAND"
    RECOGNITION = "RECOGNITION"
    ECONOMIC = "ECONOMIC"
    SCI_TECH = "SCI_TECH"

    @property
    def rank(self) -> int:
        """Position in importance order (0 = DEFENSE)."""
        return list(ProvisionType).index(self)


class Condition(StrEnum):
    """A limit on when an assistance obligation applies."""

    ARMED_ATTACK = "armed_attack"
    STATE_OF_WAR = "state_of_war"
    NAMED_THREAT = "named_threat"
    UN_CHARTER_51 = "un_charter_51"
    DOMESTIC_LAW = "domestic_law"
    CONSTITUTIONAL_PROCESS = "constitutional_process"
    TERRITORY_LIMITED = "territory_limited"
    NON_PROVOCATION = "non_provocation"


class Domain(StrEnum):
    """The weapons domain of a military technology transfer."""

    MISSILE = "missile"
    NUCLEAR = "nuclear"
    SPACE = "space"
    SUBMARINE = "submarine"
    AIRCRAFT = "aircraft"
    AIR_DEFENCE = "air_defence"


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: character offsets into the coded text, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Provision:
    """One clause-level obligation, with the article and the text it was read from.

    `automatic` is set for DEFENSE only (None in a news report that does not say);
    `crisis` for CONSULTATION only; `domain` for TECH_TRANSFER only.
    """

    type: ProvisionType
    article: str | None
    evidence: Span
    modality: Modality = Modality.ASSERTED
    automatic: bool | None = None
    conditions: tuple[Condition, ...] = ()
    domain: Domain | None = None
    crisis: bool | None = None

    @property
    def signature(self) -> tuple[str, bool | None, tuple[str, ...], str | None, bool | None]:
        """What the provision commits to, without where it was found."""
        return (
            self.type.value,
            self.automatic,
            tuple(c.value for c in self.conditions),
            self.domain.value if self.domain else None,
            self.crisis,
        )


@dataclass(frozen=True, slots=True)
class Article:
    """A numbered article (or other headed section) of a treaty text."""

    number: str | None
    heading: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Treaty:
    """A treaty text with its front-matter facts and its coded provisions."""

    title: str
    provisions: tuple[Provision, ...]
    articles: tuple[Article, ...] = ()
    parties: tuple[str, ...] = ()
    signed: date | None = None
    in_force: date | None = None
    ended: date | None = None
    supersedes: str | None = None

    def of_type(self, kind: ProvisionType) -> list[Provision]:
        """The provisions of one type, in article order."""
        return [p for p in self.provisions if p.type is kind]
