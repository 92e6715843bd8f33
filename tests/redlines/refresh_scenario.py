"""A store filled in steps with reports of several pairs, for the incremental refresh tests.

No model: events are written by hand. The steps mix what an incremental refresh must get right:
reports dated before earlier steps' (back-filled archives), copies of stored documents under
other outlets (a report's outlets change without a new event), a historic state (SUN) whose
reports count on its successor's ladder, a denial, a lapse, an organisation without a country,
and pairs no default rule looks at.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from redline.models import Actor, DatePrecision, Document, Event, EventDate, Evidence, Modality
from redline.redlines.rules import RuleSet, load_rules
from redline.store import Store

A, S, D, H = Modality.ASSERTED, Modality.SCHEDULED, Modality.DENIED, Modality.HISTORICAL

# (text, type, source, target, modality, event date)
Spec = tuple[str, str, str, str | None, Modality, str]

STEPS: list[list[tuple[str, str, list[Spec]]]] = [
    [  # (outlet, published, events)
        (
            "Wire One",
            "2024-06-10",
            [
                (
                    "Moscow will sign a pact on mutual assistance with Pyongyang next week.",
                    "AGREE",
                    "RUS",
                    "PRK",
                    S,
                    "2024-06-19",
                ),
                (
                    "Seoul imposed sanctions on Russian shipping firms.",
                    "SANCTION",
                    "KOR",
                    "RUS",
                    A,
                    "2024-06-09",
                ),
            ],
        ),
        (
            "Wire Two",
            "2024-06-20",
            [
                (
                    "Russia and North Korea signed a treaty pledging mutual military assistance.",
                    "AGREE",
                    "RUS",
                    "PRK",
                    A,
                    "2024-06-19",
                ),
            ],
        ),
    ],
    [
        (
            "Wire Three",
            "2024-03-02",
            [  # older than everything stored so far
                (
                    "Russia transferred satellite technology to North Korea, officials said.",
                    "AID",
                    "RUS",
                    "PRK",
                    A,
                    "2024-03-01",
                ),
                (
                    "The 1961 treaty bound the Soviet Union to defend each other with Pyongyang.",
                    "AGREE",
                    "SUN",
                    "PRK",
                    H,
                    "1961-07-06",
                ),
            ],
        ),
        (
            "Wire One",
            "2024-06-20",
            [  # a copy of Wire Two's story: its outlets change
                (
                    "Russia and North Korea signed a treaty pledging mutual military assistance.",
                    "AGREE",
                    "RUS",
                    "PRK",
                    A,
                    "2024-06-19",
                ),
            ],
        ),
    ],
    [
        (
            "Wire Four",
            "2024-10-20",
            [
                (
                    "North Korea sent troops to the front to fight in Russia's war.",
                    "MOBILIZE",
                    "PRK",
                    "RUS",
                    A,
                    "2024-10-18",
                ),
                (
                    "The alliance sent air-defence technology to Russia, it was claimed.",
                    "AID",
                    "NATO",
                    "RUS",
                    A,
                    "2024-10-19",
                ),
                (
                    "Washington gave Pyongyang no nuclear technology, officials said.",
                    "AID",
                    "USA",
                    "PRK",
                    A,
                    "2024-10-19",
                ),
            ],
        ),
        (
            "Wire Five",
            "2024-06-25",
            [
                (
                    "Moscow denied it had promised mutual military assistance to the North.",
                    "AGREE",
                    "RUS",
                    "PRK",
                    D,
                    "2024-06-24",
                ),
            ],
        ),
    ],
    [
        (
            "Wire Five",
            "2024-11-05",
            [
                (
                    "North Korean soldiers were fighting in battle near Kursk.",
                    "ASSAULT",
                    "PRK",
                    "UKR",
                    A,
                    "2024-11-04",
                ),
                (
                    "North Korean troops were fighting in combat against Ukraine for Russia.",
                    "ASSAULT",
                    "PRK",
                    "RUS",
                    A,
                    "2024-11-04",
                ),
                (
                    "The Soviet-era pact had lapsed and was terminated in 1996.",
                    "REJECT",
                    "SUN",
                    "PRK",
                    A,
                    "1996-09-10",
                ),
            ],
        ),
        (  # a second source, back-filled: advanced-tech is confirmed
            "Wire Six",
            "2024-03-06",
            [
                (
                    "Moscow handed North Korea submarine technology, the ministry said.",
                    "AID",
                    "RUS",
                    "PRK",
                    A,
                    "2024-03-05",
                ),
            ],
        ),
        (
            "Wire Two",
            "2024-10-20",
            [  # a copy of Wire Four's story
                (
                    "North Korea sent troops to the front to fight in Russia's war.",
                    "MOBILIZE",
                    "PRK",
                    "RUS",
                    A,
                    "2024-10-18",
                ),
                (
                    "The alliance sent air-defence technology to Russia, it was claimed.",
                    "AID",
                    "NATO",
                    "RUS",
                    A,
                    "2024-10-19",
                ),
                (
                    "Washington gave Pyongyang no nuclear technology, officials said.",
                    "AID",
                    "USA",
                    "PRK",
                    A,
                    "2024-10-19",
                ),
            ],
        ),
    ],
]

PAIRLESS_RULE = """
redlines:
  - id: any-technology
    title: Military technology handed to anyone
    when:
      event:
        types: [AID]
        keywords: ['\\btechnolog']
"""


def actor(code: str) -> Actor:
    """A state's actor (country = code), or an organisation's (no country) for longer codes."""
    return Actor(code=code, country=code if len(code) == 3 else None, text=code)


def document(outlet: str, published: str, specs: list[Spec]) -> tuple[Document, list[Event]]:
    """One article of the scenario and its events (the body is its sentences)."""
    body = " ".join(text for text, *_ in specs)
    doc = Document(
        id=Document.content_id(body),
        body=body,
        title=body[:40],
        source=outlet,
        published_at=datetime.fromisoformat(f"{published}T08:00:00+00:00"),
        origin=f"{outlet}/{published}",
    )
    coded = [
        Event(
            type=kind,
            source=actor(source),
            target=actor(target) if target else None,
            modality=modality,
            evidence=Evidence(doc.id, number, 0, len(text), text),
            date=EventDate(date.fromisoformat(day), DatePrecision.DAY),
        )
        for number, (text, kind, source, target, modality, day) in enumerate(specs)
    ]
    return doc, coded


def load_step(store: Store, step: int) -> None:
    """Save the documents of one step (a copy of a stored text is linked as a copy)."""
    for outlet, published, specs in STEPS[step]:
        store.save(*document(outlet, published, specs))


def rule_sets(tmp_path: Path) -> dict[str, RuleSet]:
    """The default rules, and the default rules with a rule that has no pair."""
    path = tmp_path / "pairless.yaml"
    path.write_text(PAIRLESS_RULE, "utf-8")
    return {"default": load_rules(), "with-pairless": load_rules([path])}
