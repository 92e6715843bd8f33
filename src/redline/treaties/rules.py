"""Which provisions one sentence creates, from the cue categories it contains.

Each rule combines cue categories by position in the sentence (see docs/treaties.md):
DEFENSE needs an assistance cue and an attack/war/self-defence trigger (or a cue that names the
obligation by itself), NEUTRALITY a neutrality cue or refused help to a third party,
NONAGGRESSION a negated hostile alignment, use of force or use of territory aimed at the partner,
and so on. In treaty text a sentence must also carry an obligation ("shall", "undertakes").
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.treaties.models import Domain, ProvisionType
from redline.treaties.scan import Hit, SentenceCues

DOMAINS = {
    Domain.MISSILE: ("domain_missile", None),
    Domain.NUCLEAR: ("domain_nuclear", "ambiguous_nuclear"),
    Domain.SPACE: ("domain_space", "ambiguous_space"),
    Domain.SUBMARINE: ("domain_submarine", None),
    Domain.AIRCRAFT: ("domain_aircraft", "ambiguous_aircraft"),
    Domain.AIR_DEFENCE: ("domain_air_defence", None),
}
SIMPLE = {
    ProvisionType.BASING: "basing",
    ProvisionType.INTEGRATED_COMMAND: "integrated_command",
    ProvisionType.RECOGNITION: "recognition",
    ProvisionType.ECONOMIC: "economic",
    ProvisionType.SCI_TECH: "sci_tech",
    ProvisionType.MILITARY_AID: "military_aid",
}
NEGATION_REACH = 12  # words between a negation and the thing it forbids
REQUIRED_CATEGORIES = frozenset(
    {
        "obligation", "negation", "reference", "reservation", "attack", "war", "self_defence",
        "assistance", "defence_strong", "defence_nominal", "capacity", "offense", "neutral",
        "third_party", "alignment", "hostile_direction", "partner", "force", "partner_target",
        "territory_use", "nonaggression_nominal", "consult", "consult_institution",
        "consult_precondition", "consult_procedural", "dispute", "threat", "political_topic",
        "economic", "sci_tech", "military_aid", "tech_transfer", "weapons_tech", "immediacy",
        "all_means", "automatic_word", "discretion", "cond_named_war", "cond_named_threat",
        "cond_non_provocation", "cond_un_charter_51", "cond_domestic_law",
        "cond_constitutional_process", "cond_territory_limited", "basing", "integrated_command",
        "recognition", "civil", "content_governors", "negating_verbs", "revival_verbs",
        "treaty_nouns",
    }
    | {c for pair in DOMAINS.values() for c in pair if c}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """A provision found in a sentence, anchored on the cue that carries it."""

    type: ProvisionType
    anchor: Hit
    domain: Domain | None = None
    crisis: bool | None = None
    precondition: bool = False  # a consultation that is only a step ("after consulting")


def obliged(s: SentenceCues) -> bool:
    """True when the sentence commits someone ("may agree" only permits)."""
    return any(s.previous_word(start) != "may" for start, _ in s.find("obligation"))


def detect(s: SentenceCues, report: bool = False) -> list[Finding]:
    """The provisions of one sentence; `report` relaxes the obligation test for news."""
    if not report and not obliged(s):
        return [Finding(ProvisionType.RECOGNITION, h) for h in s.find("recognition")[:1]]
    tech = tech_transfer(s)
    refused = refused_help(s)
    nonagg = nonaggression(s)
    found = [*tech, *nonagg, *neutrality(s, refused), *consultation(s)]
    defence = defense(s, refused, nonagg, report)
    found += defence
    if defence and s.has("offense"):
        found.append(Finding(ProvisionType.OFFENSE, s.find("offense")[0]))
    for kind, category in SIMPLE.items():
        if tech and kind is ProvisionType.MILITARY_AID:
            continue
        if tech and kind is ProvisionType.SCI_TECH and not s.has("civil"):
            continue  # "research on military reactors" is part of the transfer
        hit = s.first(category)
        if hit is not None:
            found.append(Finding(kind, hit))
    return sorted(found, key=lambda f: f.anchor)


def refused_help(s: SentenceCues) -> list[Hit]:
    """Assistance cues under a negation ("shall lend that Power no support")."""
    negations = [n for n in s.find("negation") if not s.overlaps("immediacy", n)]
    return [h for h in s.find("assistance") if s.preceded_by(negations, h, 4)]


def neutrality(s: SentenceCues, refused: list[Hit]) -> list[Finding]:
    """Staying neutral, or refusing help to a third party at war with the partner."""
    hostilities = s.has("attack") or s.has("war")
    hits = s.find("neutral") or (refused if s.has("third_party") and hostilities else [])
    return [Finding(ProvisionType.NEUTRALITY, hits[0])] if hits else []


def defense(
    s: SentenceCues, refused: list[Hit], nonagg: list[Finding], report: bool
) -> list[Finding]:
    """Assistance owed when a party is attacked or at war."""
    strong = s.find("defence_strong")
    if strong:
        return [Finding(ProvisionType.DEFENSE, strong[0])]
    trigger = s.has("attack") or s.has("war") or s.has("self_defence")
    consult = [*s.find("consult"), *s.find("consult_institution")]
    assist = [
        h
        for h in s.find("assistance")
        if not any(end <= h[0] for _, end in consult)
        and (report or h not in refused)
        and not (h in refused and s.has("third_party"))
    ]
    if assist and trigger and not s.has("capacity"):
        return [Finding(ProvisionType.DEFENSE, assist[0])]
    aligned = [f.anchor for f in nonagg]
    # "any military alliance directed against the other" is the non-aggression clause itself
    nominal = [
        h
        for h in s.find("defence_nominal")
        if not any(h[0] < a[1] and a[0] < h[1] for a in aligned)
    ]
    return [Finding(ProvisionType.DEFENSE, nominal[0])] if nominal else []


def nonaggression(s: SentenceCues) -> list[Finding]:
    """No hostile alignment, force or use of territory against the partner."""
    found = []
    for hit in s.find("alignment"):
        hostile = [h for h in s.find("hostile_direction") if h[0] >= hit[1]]
        if (
            hostile
            and s.preceded("negation", hit, NEGATION_REACH)
            and s.any_after("partner", hostile[0][0])
        ):
            found.append(hit)
            break
    for hit in s.find("force"):
        if s.preceded("negation", hit, NEGATION_REACH) and s.any_after("partner_target", hit[0]):
            found.append(hit)
            break
    for hit in s.find("territory_use"):
        if s.preceded("negation", hit, NEGATION_REACH):
            found.append(hit)
            break
    found += s.find("nonaggression_nominal")[:1]
    return [Finding(ProvisionType.NONAGGRESSION, min(found))] if found else []


def consultation(s: SentenceCues) -> list[Finding]:
    """A promise to consult; crisis-specific when the sentence names a threat."""
    hits = sorted([*s.find("consult"), *s.find("consult_institution")])
    if not hits or s.has("dispute") or s.has("consult_procedural"):
        return []
    crisis = s.has("threat")
    if s.has("economic") and not s.has("political_topic") and not crisis:
        return []  # consultation on economic relations is economic co-operation
    step = all(s.overlaps("consult_precondition", h) for h in hits)
    return [Finding(ProvisionType.CONSULTATION, hits[0], crisis=crisis, precondition=step)]


def tech_transfer(s: SentenceCues) -> list[Finding]:
    """A transfer of military technology of a named domain, one finding per domain."""
    transfers = s.find("tech_transfer")
    if not transfers:
        return []
    found = []
    for domain, (specific, ambiguous) in DOMAINS.items():
        hits = s.find(specific)
        if not hits and ambiguous and s.has("weapons_tech"):
            hits = s.find(ambiguous)
        if hits:
            nearest = min(transfers, key=lambda t: abs(t[0] - hits[0][0]))
            found.append(Finding(ProvisionType.TECH_TRANSFER, nearest, domain=domain))
    return found
