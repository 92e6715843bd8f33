"""Score the coder on every gold set at hand and write the figures to one file.

    python benchmarks/eval_gold.py --out benchmarks/results/eval.json

Sets from ../shared/eval are used when that folder exists; the project's own golden sets
(tests/golden) always. The PETRARCH unit suite is coded as `redline eval` codes it: with its
own fictional-world dictionaries (evaluation.runner.dictionary_pipeline), since Arnor and
Gondor are not real states. Each entry gives the command that prints the same figures.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from redline.evaluation.gold import load_gold
from redline.evaluation.runner import dictionary_pipeline, evaluate
from redline.pipeline import Pipeline, build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SUITE = SHARED / "petrarch2-validation" / "cases.jsonl"
SETS = {
    "petrarch2-suite": (SUITE, ("extract",)),
    "plover-gsr": (SHARED / "plover-gsr" / "cases.jsonl", ("extract", "classify")),
    "ud-petrarch-gold": (
        SHARED / "ud-petrarch-validation" / "petr2_gsr_cases.jsonl",
        ("extract",),
    ),
    "modality-gold": (ROOT / "tests" / "golden" / "modality.jsonl", ("extract", "classify")),
}
HEADLINE = ("n", "type_accuracy", "type_macro_f1", "pair_f1", "triple_f1", "exact_match",
            "modality_accuracy", "modality_labelled", "modality_given_pair")  # fmt: skip


def command(path: Path, mode: str) -> str:
    """The `redline eval` command that prints the same figures."""
    if path.is_relative_to(ROOT):
        shown = str(path.relative_to(ROOT))
    else:
        shown = "../" + str(path.relative_to(ROOT.parent))
    return f"redline eval {shown}" + (f" --mode {mode}" if mode != "extract" else "")


def score(path: Path, mode: str, pipeline: Pipeline, discards: tuple[str, ...]) -> dict[str, Any]:
    """The headline figures of one set and mode."""
    report, _ = evaluate(load_gold(path), pipeline, mode, discards=discards)
    figures: dict[str, Any] = {k: report.get(k) for k in HEADLINE}
    for key in ("modality_labelled", "modality_given_pair"):
        modality = figures.pop(key)
        if isinstance(modality, dict):
            figures[key] = modality.get("splits")
    figures["command"] = command(path, mode)
    return figures


def main() -> None:
    """Run every available set and mode; print and write the headline figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/eval.json")
    args = parser.parse_args()
    pipeline = build_pipeline()
    results: dict[str, dict[str, Any]] = {}
    for name, (path, modes) in SETS.items():
        if not path.exists():
            continue
        for mode in modes:
            if path == SUITE:
                with tempfile.TemporaryDirectory(prefix="redline-dicts-") as scratch:
                    suite, discards, _ = dictionary_pipeline(path.parent, Path(scratch))
                    results[f"{name}/{mode}"] = score(path, mode, suite, discards)
            else:
                results[f"{name}/{mode}"] = score(path, mode, pipeline, ())
            print(name, mode, json.dumps(results[f"{name}/{mode}"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
