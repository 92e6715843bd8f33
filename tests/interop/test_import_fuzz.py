"""Whatever a file holds, an import reports or stores each line and never fails as a whole."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.interop.cameo_formats import GDELT_COLUMNS, read_gdelt
from redline.interop.importing import import_files
from redline.interop.plover_read import read_plover
from redline.store import Store, open_store

FIELDS = ["id", "date", "actor", "recipient", "event", "mode", "context", "text", "text_info"]
FIELDS += ["cite_info", "published", "modality", "date_precision", "outlets", "event_scale"]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
RECORD = st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=len(FIELDS)) | JSON
PLAUSIBLE = st.fixed_dictionaries(
    {"actor": st.just([{"code": "RUS"}]), "event": st.just(["CONSULT"])},
    optional={f: JSON for f in FIELDS if f not in ("actor", "event")},
)
CELL = st.sampled_from(
    ["", "RUSGOV", "PRK", "072", "20240619", "20240619120000", "x\x00y"]
) | st.text(alphabet=st.characters(blacklist_characters="\t\n\r"), max_size=6)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for every example: migrating a new one each time would dominate the run."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    yield store
    store.engine.dispose()


def _import(store: Store, folder: Path, name: str, lines: list[str], reader: object) -> None:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", "utf-8", errors="surrogatepass")
    before = store.counts()["events"]
    report = import_files([path], reader, store)  # type: ignore[arg-type]
    blank = sum(1 for ln in lines if not ln.strip())
    assert report.rows + len(report.problems) == len(lines) - blank
    assert all(p.line >= 1 and p.reason for p in report.problems)
    assert store.counts()["events"] - before == report.events <= report.rows


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(RECORD | PLAUSIBLE, min_size=1, max_size=5))
def test_any_json_records(fuzz_store: Store, tmp_path: Path, records: list[object]) -> None:
    lines = [json.dumps(r) if isinstance(r, dict) else json.dumps({"id": r}) for r in records]
    _import(fuzz_store, tmp_path, "fuzz.jsonl", lines, read_plover)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(CELL, min_size=59, max_size=62), min_size=1, max_size=4))
def test_any_tab_separated_rows(fuzz_store: Store, tmp_path: Path, rows: list[list[str]]) -> None:
    lines = ["\t".join(r) for r in rows]
    assert len(GDELT_COLUMNS) == 61
    _import(
        fuzz_store,
        tmp_path,
        "fuzz.export.CSV",
        [ln for ln in lines if ln.strip()] or ["x"],
        read_gdelt,
    )
