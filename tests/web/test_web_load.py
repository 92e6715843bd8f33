"""A short, bounded run of benchmarks/api_load.py: concurrent reads and ingest, zero errors.

The full run (50 clients for 60 s) is `python benchmarks/api_load.py`; this bounded one runs in
every test run (#8: every reliability test runs in CI).
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from web_helpers import ROOT, TOKEN

from redline.store import open_store

pytestmark = [pytest.mark.model]


def load_module() -> ModuleType:
    path = ROOT / "benchmarks" / "api_load.py"
    spec = importlib.util.spec_from_file_location("api_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_load"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_concurrent_reads_and_ingest_without_errors(demo_copy: Path, live_server: Any) -> None:
    api_load = load_module()
    before = open_store(f"sqlite:///{demo_copy}").counts()["documents"]
    with live_server(demo_copy) as server:
        result = asyncio.run(api_load.run_load(server.url, TOKEN, clients=10, seconds=8))
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] > 20
    ingested = result["per_kind"].get("ingest", {}).get("requests", 0)
    assert ingested > 0
    assert open_store(f"sqlite:///{demo_copy}").counts()["documents"] == before + ingested
