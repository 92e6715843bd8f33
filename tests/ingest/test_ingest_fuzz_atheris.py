"""The coverage-guided fuzzer (benchmarks/fuzz_ingest.py) for ~20 s: no crash, no hang.

Slow (run with ``-m slow``); skipped when atheris is not installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FUZZER = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_ingest.py"


@pytest.mark.slow
def test_atheris_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    out = tmp_path / "fuzz_ingest.json"
    finished = subprocess.run(
        [sys.executable, str(FUZZER), "--seconds", "20", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    summary = json.loads(out.read_text("utf-8"))
    assert summary["crashes_found"] == 0, summary["crashes"] or summary["hangs"]
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert summary["inputs_tried"] > 1_000
    assert summary["slowest_input_seconds"] < summary["slow_threshold_seconds"] * 5
