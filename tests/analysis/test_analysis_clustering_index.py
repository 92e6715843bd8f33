"""The indexed clustering gives exactly the clusters of the pairwise loop it replaced.

`clustering_reference.py` keeps the old algorithm. Random mentions drawn from a small vocabulary
(so that they share words, days, documents and contexts often), the demo corpus, and settings
at the edges (negative tolerance, thresholds of zero and above one) must all give equal
clusters: same ids, same mentions in the same order, same dates, outlets and source counts.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from clustering_reference import reference_cluster_events
from hypothesis import given, settings
from hypothesis import strategies as st

from event_records import event
from redline.analysis.clustering import cluster_events
from redline.models import DatePrecision, Event

WORDS = "troops shells border talks treaty grain missiles drones envoy sanctions port".split()
PRECISIONS = [DatePrecision.DAY] * 6 + [DatePrecision.MONTH, DatePrecision.YEAR]


def outlets_of(doc_id: str) -> list[str]:
    """Two outlets per document, one of them shared by every third document."""
    return [f"outlet-{doc_id}", f"wire-{int(doc_id[3:]) % 3}"]


def random_events(rng: random.Random, n: int) -> list[Event]:
    """`n` mentions crowded on three pairs, two types, a few days, documents and word sets."""
    events = []
    for k in range(n):
        words = rng.sample(WORDS, rng.randint(0, 4))
        text = " ".join(rng.choice([w, w.title()]) for w in words) or "Moscow."
        when = date(2024, 3, 1) + timedelta(days=rng.randint(0, 40))
        undated = rng.random() < 0.1
        events.append(
            event(
                text,
                type=rng.choice(["AID", "ASSAULT"]),
                source=rng.choice(["RUS", "PRK", "UKR"]),
                target=rng.choice(["RUS", "PRK", None]),
                day=None if undated else when.isoformat(),
                precision=rng.choice(PRECISIONS),
                doc=f"doc{rng.randint(0, n // 4)}",
                sentence=k,
                contexts=rng.sample(["military", "economic", "nuclear"], rng.randint(0, 2)),
                trigger=rng.choice(["", words[0] if words else ""]),
            )
        )
    return events


SETTINGS = [
    {},
    {"tolerance_days": 0},
    {"tolerance_days": 3, "min_similarity": 0.3},
    {"tolerance_days": -1},
    {"min_similarity": 0.0, "same_document_similarity": 0.0},
    {"min_similarity": 0.5, "same_document_similarity": 0.2},
    {"min_similarity": 1.0, "same_document_similarity": 1.0},
    {"min_similarity": 1.5, "same_document_similarity": 0.35},
]


@pytest.mark.parametrize("options", SETTINGS)
@pytest.mark.parametrize("seed", range(6))
def test_seeded_random_mentions_cluster_as_the_pairwise_loop(
    seed: int, options: dict[str, Any]
) -> None:
    events = random_events(random.Random(seed), 300)
    expected = reference_cluster_events(events, outlets_of, **options)
    assert cluster_events(events, outlets_of, **options) == expected
    assert any(c.mention_count > 1 for c in expected) or options.get("min_similarity", 0) > 1


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    n=st.integers(0, 80),
    tolerance=st.integers(-1, 3),
    similar=st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0]),
    same=st.sampled_from([0.0, 0.35, 0.5, 1.0]),
)
def test_any_mentions_cluster_as_the_pairwise_loop(
    seed: int, n: int, tolerance: int, similar: float, same: float
) -> None:
    events = random_events(random.Random(seed), n)
    options = {"tolerance_days": tolerance, "min_similarity": similar}
    options["same_document_similarity"] = same
    expected = reference_cluster_events(events, outlets_of, **options)  # type: ignore[arg-type]
    assert cluster_events(events, outlets_of, **options) == expected  # type: ignore[arg-type]


def test_wire_copy_printed_many_times_is_one_node_with_every_outlet() -> None:
    text = "The envoy said shells hit the grain port overnight."
    copies = [event(text, doc=f"doc{k}", type="ASSAULT") for k in range(50)]
    twin = event(text, doc="doc0", sentence=7, type="ASSAULT")  # the same sentence twice in doc0
    (cluster,) = cluster_events([*copies, twin], outlets_of)
    assert cluster.mention_count == 51
    assert cluster_events([*copies, twin], outlets_of) == reference_cluster_events(
        [*copies, twin], outlets_of
    )


@pytest.mark.model
def test_the_demo_corpus_clusters_as_the_pairwise_loop(pipeline: Any, tmp_path: Path) -> None:
    from redline.cli.demo import demo_corpus
    from redline.runner import ingest
    from redline.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'demo.db'}")
    ingest([str(demo_corpus())], store, pipeline)
    events = store.events()
    store.engine.dispose()
    assert len(events) > 50
    for options in SETTINGS:
        expected = reference_cluster_events(events, outlets_of_demo, **options)
        assert cluster_events(events, outlets_of_demo, **options) == expected
    assert any(c.mention_count > 1 for c in cluster_events(events, outlets_of_demo))


def outlets_of_demo(doc_id: str) -> list[str]:
    """One outlet per demo article."""
    return [doc_id]
