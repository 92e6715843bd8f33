"""notebooks/russia_dprk.ipynb runs top to bottom in a real kernel on a demo database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "russia_dprk.ipynb"
DEMO = ROOT / "src" / "redline" / "data" / "demo"
# The demo articles from the pre-visit report to the published treaty text (June 2024).
JUNE = [f"{n:02d}-" for n in range(9, 21)]

pytestmark = pytest.mark.model


def outputs(cell: Any) -> str:
    """The text a cell printed or displayed."""
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append(out["text"])
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_the_notebook_runs_on_the_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: Any
) -> None:
    import nbformat
    from nbclient import NotebookClient

    from redline.runner import ingest
    from redline.store import open_store

    # The notebook opens the demo database where `redline demo` puts it: in data_dir.
    monkeypatch.setenv("REDLINE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REDLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    store = open_store(f"sqlite:///{tmp_path / 'demo.db'}")
    ingest(sorted(str(p) for p in DEMO.glob("*.md") if p.name[:3] in JUNE), store, pipeline)
    store.engine.dispose()

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # The venv's own Python runs the kernel (jupyter_client puts sys.executable in for the
    # native "python3" spec), so nothing is installed or fetched for this.
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()

    text = "\n".join(outputs(cell) for cell in notebook.cells)
    assert "mutual-defence" in text and "confirmed" in text
    assert "reached L6 mutual defence commitment" in text
    assert "2024-06-19  L6 ######" in text
    assert "Article 4" in text
    # No cell raised: nbclient would have, but the outputs say so too.
    assert not any(
        o.get("output_type") == "error" for c in notebook.cells for o in c.get("outputs", [])
    )
