"""One event, many reports: mentions of one event merge; different events stay apart."""

from __future__ import annotations

import random

from event_records import event
from redline.analysis.clustering import cluster_events
from redline.analysis.reports import independent_sources
from redline.models import DatePrecision, Modality

# Ten articles, ten wordings, one crossing: the signing of a mutual-defence treaty.
WORDINGS = [
    "Russia and North Korea signed a treaty pledging mutual military assistance if attacked.",
    "Putin and Kim signed a pact committing each side to mutual assistance against aggression.",
    "The two leaders signed a treaty binding their countries to assist each other if attacked.",
    "Moscow and Pyongyang signed a defence treaty promising mutual military assistance.",
    "Kim and Putin signed an agreement on mutual assistance in case of armed aggression.",
    "The treaty the leaders signed on Wednesday provides for mutual military assistance.",
    "North Korea and Russia have signed a pact of mutual assistance against any attack.",
    "A treaty signed in Pyongyang obliges both sides to give mutual military assistance.",
    "The leaders signed a strategic treaty that includes a mutual assistance clause.",
    "Russia signed a treaty with the North in which both pledge to defend each other.",
]
OUTLETS = {f"doc{i}": [f"Outlet {i}"] for i in range(10)}
OUTLETS["doc0"] = ["Pacific Wire", "Lakeside Tribune"]  # one wire story, two mastheads


def signing_reports() -> list:
    days = ["2024-06-19"] * 8 + ["2024-06-20", "2024-06-19"]  # one outlet dates it a day later
    return [
        event(
            text,
            doc=f"doc{i}",
            sentence=i % 3,
            day=days[i],
            source="RUS" if i % 2 else "PRK",
            target="PRK" if i % 2 else "RUS",
            trigger="signed",
        )
        for i, text in enumerate(WORDINGS)
    ]


def outlets_of(doc_id: str) -> list[str]:
    return OUTLETS.get(doc_id, [])


def test_ten_wordings_of_one_signing_are_one_event() -> None:
    clusters = cluster_events(signing_reports(), outlets_of)
    assert len(clusters) == 1
    (signing,) = clusters
    assert signing.mention_count == 10
    assert signing.pair == ("PRK", "RUS")
    assert len(signing.outlets) == 11
    assert signing.source_count == 10  # the syndicated wire story counts once
    assert signing.date.value.isoformat() == "2024-06-19"


def test_clusters_do_not_depend_on_input_order() -> None:
    events = signing_reports() + [
        event("The two leaders also agreed to expand trade and cooperate in science.", doc="doc0"),
        event(
            "Kim Jong Un met Vladimir Putin at the Vostochny space centre.",
            type="CONSULT",
            day="2023-09-13",
            doc="doc11",
        ),
    ]
    expected = [(c.id, c.mention_count) for c in cluster_events(events, outlets_of)]
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert [(c.id, c.mention_count) for c in cluster_events(shuffled, outlets_of)] == expected


def test_different_events_of_one_type_and_day_stay_apart() -> None:
    signed = event("Putin and Kim signed a treaty pledging mutual military assistance.", doc="a")
    trade = event(
        "The two leaders also agreed to expand trade and to cooperate in science.",
        doc="a",
        sentence=3,
    )
    other_pair = event(
        "Russia and Vietnam signed a dozen cooperation agreements on energy.", target="VNM", doc="b"
    )
    later = event(
        "Putin and Kim signed a treaty pledging mutual military assistance.",
        day="2024-07-30",
        doc="c",
    )
    clusters = cluster_events([signed, trade, other_pair, later], outlets_of)
    assert len(clusters) == 4


def test_modalities_stay_together_as_mentions_of_one_event() -> None:
    shipped = event(
        "North Korea has shipped containers of munitions to Russia, Washington said.",
        type="AID",
        source="PRK",
        target="RUS",
        doc="w",
        day="2023-10-13",
    )
    denied = event(
        "Moscow has denied receiving any munitions shipped from North Korea.",
        type="AID",
        source="PRK",
        target="RUS",
        doc="w",
        sentence=4,
        modality=Modality.DENIED,
        day="2023-10-13",
    )
    (cluster,) = cluster_events([shipped, denied], outlets_of)
    assert cluster.modalities == {Modality.ASSERTED: 1, Modality.DENIED: 1}


def test_a_month_precise_mention_joins_the_day_it_covers() -> None:
    day = event(
        "North Korea sent thousands of troops to Russia to fight in its war.",
        type="AID",
        source="PRK",
        target="RUS",
        day="2024-10-18",
        doc="x",
    )
    month = event(
        "The North sent thousands of troops to Russia in October.",
        type="AID",
        source="PRK",
        target="RUS",
        day="2024-10-01",
        precision=DatePrecision.MONTH,
        doc="y",
    )
    (cluster,) = cluster_events([month, day], outlets_of)
    assert cluster.date.value.isoformat() == "2024-10-18"  # the most precise date


def test_independent_sources_merge_outlets_shared_by_documents() -> None:
    assert independent_sources({"a": ["Wire", "Tribune"], "b": ["Tribune"], "c": ["Herald"]}) == 2
    assert independent_sources({"a": [], "b": []}) == 2


def test_events_of_unrelated_contexts_stay_apart() -> None:
    trade = event(
        "The two sides agreed to expand trade and payment systems in roubles.",
        doc="x",
        contexts=["economic"],
        trigger="agreed",
    )
    defence = event(
        "The two sides agreed to expand mutual assistance in payment of aid.",
        doc="y",
        contexts=["military"],
        trigger="agreed",
    )
    assert len(cluster_events([trade, defence], outlets_of)) == 2
    untagged = event(
        "The two sides agreed to expand trade and payment systems.", doc="z", trigger="agreed"
    )
    assert len(cluster_events([trade, untagged], outlets_of)) == 1
