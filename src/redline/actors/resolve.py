"""Date-aware resolution of actor mentions to codes (country + sector, person)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from redline.actors.mentions import Mention
from redline.actors.tables import ActorTables, AliasTarget, Role
from redline.models import Actor

# Which of several concurrent roles names a person's capacity best.
_ROLE_RANK = {"HOS": 0, "HOG": 1, "FM": 2, "DM": 3, "NSA": 4, "INT": 5}
# Generic agents that stand for the outlet's own state when no country is named
# ("the government", "the presidential office" in a Seoul paper mean KOR).
CONTEXTUAL_SECTORS = frozenset({"GOV", "HOS", "DIP", "LEG", "SPY"})
# The CAMEO class of militant groups that belong to no state (al-Qaeda, the Islamic State).
STATELESS = "IMG"


def role_on(roles: Sequence[Role], day: date) -> Role | None:
    """The role a person held on `day`, else the nearest earlier or later one."""
    holding = [r for r in roles if r.holds_on(day)]
    if holding:
        return min(holding, key=lambda r: _ROLE_RANK.get(r.role, 9))
    before = [r for r in roles if r.valid_to is not None and r.valid_to < day]
    if before:
        return max(before, key=lambda r: r.valid_to or day)
    return min(roles, key=lambda r: r.valid_from or day) if roles else None


def actor_code(country: str | None, sector: str | None, org: str | None) -> str:
    """The composite code: organisation, or country followed by sector."""
    if org and not country:
        return org + (sector or "") if sector and sector != "IGO" else org
    return (country or "") + (sector or "")


def resolve_mentions(
    mentions: Sequence[Mention],
    tables: ActorTables,
    day: date,
    home_country: str | None = None,
    text: str = "",
) -> Actor | None:
    """Combine the mentions inside one noun phrase into an actor, or None."""
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    person: str | None = None
    contextual = False
    named_org = any(m.targets and m.targets[0].kind == "org" for m in mentions)
    for mention in _residence_first(mentions, text):
        for target in _in_office_first(mention.targets, tables, day):
            if target.kind == "country" and country is None:
                country = target.key
            elif target.kind == "org" and org is None:
                org = target.key
            elif target.kind == "person" and person is None:
                roles = tables.roles.get(target.key, [])
                role = role_on(roles, day)
                person = target.key
                if named_org and not any(r.holds_on(day) for r in roles):
                    # "U.N. mediator Diego Cordovez": the body named speaks for the capacity
                    # better than a role the person held at another time.
                    role = None
                if role is not None:
                    country = country or role.country
                    sector = sector or role.sector
            elif target.kind == "institution" and (country is None or sector is None):
                body = tables.institutions[target.key]
                country = country or body.country
                sector = sector or body.sector
            elif target.kind == "place" and country is None and org is None:
                country = tables.places[target.key]
            elif target.kind == "agent" and sector is None:
                sector = target.key
                contextual = True
            else:
                continue
            break
    if country is None and org is None and sector == STATELESS:
        # A transnational armed group with no state (al-Qaeda): coded by its class.
        words = text or " ".join(m.text for m in mentions)
        return Actor(code=STATELESS, country=None, sector=STATELESS, person=person, text=words)
    if country is None and org is None:
        if not (contextual and sector in CONTEXTUAL_SECTORS and home_country):
            return None
        country = home_country
    return Actor(
        code=actor_code(country, sector, org),
        country=country,
        sector=sector,
        person=person,
        text=text or " ".join(m.text for m in mentions),
    )


def _in_office_first(
    targets: Sequence[AliasTarget], tables: ActorTables, day: date
) -> list[AliasTarget]:
    """The alias's targets with the people in office on `day` first ("President Bush" in 1990
    and in 2004 are two people); otherwise in the tables' order."""
    people = [t for t in targets if t.kind == "person"]
    if len(people) < 2:
        return list(targets)
    serving = [t for t in people if any(r.holds_on(day) for r in tables.roles.get(t.key, []))]
    return serving + [t for t in targets if t not in serving]


# "Syrian-backed Amal militia", "Qaeda-linked rebels": the first name is a backer or ally.
AFFINITY_SUFFIXES = ("backed", "linked", "allied", "aligned", "sponsored", "supported")


def _residence_first(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The mentions that name an affinity rather than membership put after the others: an
    ethnic nationality ("ethnic Albanians in south Serbia": a group is coded by the state it
    lives in), a "pro-" adjective ("the pro-Iranian Party of God": a Lebanese group) and a
    backer ("the Syrian-backed Amal militia"), when the phrase names something else as well."""
    lowered = " ".join(text.lower().split())
    ethnic = [
        m
        for m in mentions
        if any(f"{cue}{m.text.lower()}" in lowered for cue in ("ethnic ", "pro-", "pro "))
        or any(f"{m.text.lower()}-{cue}" in lowered for cue in AFFINITY_SUFFIXES)
    ]
    if not ethnic or len(ethnic) == len(mentions):
        return list(mentions)
    return [m for m in mentions if m not in ethnic] + ethnic


def successor(actor: Actor, tables: ActorTables, day: date) -> Actor:
    """The actor's state on `day`: a historic state's successor once it has ceased to exist."""
    country = tables.countries.get(actor.country or "")
    if country is None or not country.historic or not country.successor:
        return actor
    ended = HISTORIC_ENDS.get(country.code)
    if ended is not None and day < ended:
        return actor
    return Actor(
        code=actor_code(country.successor, actor.sector, None),
        country=country.successor,
        sector=actor.sector,
        person=actor.person,
        text=actor.text,
    )


# When a historic state ceased to exist (for successor resolution by date).
HISTORIC_ENDS = {
    "SUN": date(1991, 12, 26),
    "YUG": date(1992, 4, 27),
    "CSK": date(1993, 1, 1),
    "DDR": date(1990, 10, 3),
}


PREDECESSORS = {"RUS": "SUN"}


def predecessor(actor: Actor, day: date) -> Actor:
    """The historic state an actor belonged to on `day` ("Moscow" in 1961 is the USSR)."""
    old = PREDECESSORS.get(actor.country or "")
    if old is None or day >= HISTORIC_ENDS[old]:
        return actor
    return Actor(actor_code(old, actor.sector, None), old, actor.sector, actor.person, actor.text)
