"""The coverage-guided fuzzer (benchmarks/fuzz_ingest.py): no crash, no hang.

A short bounded run (5 s of fuzzing) in every test run, a longer one behind the slow marker
(``-m slow``); both skip only when atheris is not installed (it is in requirements/dev.txt).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FUZZER = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_ingest.py"


def fuzz(tmp_path: Path, seconds: int) -> tuple[dict[str, Any], str]:
    """Run the fuzzer for ``seconds`` in a child process; its summary and stderr."""
    pytest.importorskip("atheris")
    out = tmp_path / "fuzz_ingest.json"
    finished = subprocess.run(
        [sys.executable, str(FUZZER), "--seconds", str(seconds), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=seconds + 300,
        check=False,
    )
    assert out.exists(), finished.stderr[-2000:]
    summary: dict[str, Any] = json.loads(out.read_text("utf-8"))
    assert finished.returncode == 0, finished.stderr[-2000:]
    return summary, finished.stderr


def check(summary: dict[str, Any], min_inputs: int) -> None:
    assert summary["crashes_found"] == 0, summary["crashes"] or summary["hangs"]
    assert summary["inputs_tried"] > min_inputs
    assert summary["slowest_input_seconds"] < summary["slow_threshold_seconds"] * 5


def test_a_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    summary, _ = fuzz(tmp_path, 5)
    check(summary, 100)


@pytest.mark.slow
def test_atheris_finds_no_crash(tmp_path: Path) -> None:
    summary, _ = fuzz(tmp_path, 20)
    check(summary, 1_000)
