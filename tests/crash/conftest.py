"""The reference every kill test compares with: the demo corpus ingested without a kill."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from kill_support import store_state

from redline.cli.demo import demo_corpus

# Demo articles in the archive (13 and 14 carry one text under two outlets: a copy).
ARTICLES = ("01", "02", "03", "05", "06", "07", "09", "12", "13", "14", "16", "17", "21", "22")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The archive the kill tests read: 14 demo articles, small so that a round is short."""
    archive = tmp_path_factory.mktemp("archive")
    for path in demo_corpus().iterdir():
        if path.name[:2] in ARTICLES:
            shutil.copy(path, archive / path.name)
    return str(archive)


def ingested(tmp_path_factory: pytest.TempPathFactory, pipeline: Any, corpus: str) -> Any:
    """What an uninterrupted ingest of `corpus` stores, with red lines evaluated."""
    from redline.runner import ingest
    from redline.store import open_store

    path = tmp_path_factory.mktemp("reference") / "reference.db"
    store = open_store(f"sqlite:///{path}")
    ingest([corpus], store, pipeline)
    store.engine.dispose()
    return store_state(path)


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory, pipeline: Any, corpus: str) -> Any:
    """The store after one uninterrupted ingest of `corpus`."""
    return ingested(tmp_path_factory, pipeline, corpus)


@pytest.fixture(scope="session")
def full_corpus() -> str:
    """The whole demo corpus (37 files): more kill points for the long (slow) kill tests."""
    return str(demo_corpus())


@pytest.fixture(scope="session")
def full_reference(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Any, full_corpus: str
) -> Any:
    """The store after one uninterrupted ingest of the whole demo corpus."""
    return ingested(tmp_path_factory, pipeline, full_corpus)
