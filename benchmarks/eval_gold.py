"""Score the coder on every gold set at hand and write the figures to one file.

    python benchmarks/eval_gold.py --out benchmarks/results/eval.json

Sets from ../shared/eval are used when that folder exists; the project's own golden sets
(tests/golden) always.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from redline.evaluation.gold import load_gold
from redline.evaluation.runner import evaluate
from redline.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SETS = {
    "plover-gsr": (SHARED / "plover-gsr" / "cases.jsonl", ("extract", "classify")),
    "ud-petrarch-gold": (
        SHARED / "ud-petrarch-validation" / "petr2_gsr_cases.jsonl",
        ("extract",),
    ),
    "modality-gold": (ROOT / "tests" / "golden" / "modality.jsonl", ("extract",)),
}
HEADLINE = ("n", "type_accuracy", "type_macro_f1", "pair_f1", "triple_f1", "exact_match",
            "modality_accuracy")  # fmt: skip


def main() -> None:
    """Run every available set and mode; print and write the headline figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/eval.json")
    args = parser.parse_args()
    pipeline = build_pipeline()
    results: dict[str, dict[str, object]] = {}
    for name, (path, modes) in SETS.items():
        if not path.exists():
            continue
        cases = load_gold(path)
        for mode in modes:
            report, _ = evaluate(cases, pipeline, mode)
            results[f"{name}/{mode}"] = {k: report.get(k) for k in HEADLINE}
            print(name, mode, json.dumps(results[f"{name}/{mode}"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
