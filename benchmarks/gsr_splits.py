"""Score the PLOVER GSR and UD-PETRARCH gold on the own tune / held-out split.

    python benchmarks/gsr_splits.py [--out FILE] [--predictions DIR]

The split is `redline.evaluation.splits.own_split` (a hash of the case id, 70% tune); only
tune-split failures are read while tuning, and both splits are reported. Prints one JSON line
per set, mode and split with the headline figures and the confusion of the type choice."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from redline.evaluation.gold import load_gold
from redline.evaluation.runner import evaluate
from redline.evaluation.splits import HELDOUT, TUNE, split_cases
from redline.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SETS = {
    "plover-gsr": (SHARED / "plover-gsr" / "cases.jsonl", ("classify", "extract")),
    "ud-petrarch-gold": (SHARED / "ud-petrarch-validation" / "petr2_gsr_cases.jsonl", ("extract",)),
}
KEYS = ("n", "type_accuracy", "type_macro_f1", "pair_f1", "triple_f1", "exact_match")


def main() -> None:
    """Run each set, mode and split; print and optionally write the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--predictions", type=Path, help="folder for per-case predictions")
    args = parser.parse_args()
    pipeline = build_pipeline()
    results: dict[str, Any] = {}
    for name, (path, modes) in SETS.items():
        if not path.exists():
            continue
        cases = load_gold(path)
        for mode in modes:
            for split in (TUNE, HELDOUT, "all"):
                chosen = cases if split == "all" else split_cases(cases, split)
                report, predicted = evaluate(chosen, pipeline, mode)
                key = f"{name}/{mode}/{split}"
                results[key] = {k: report.get(k) for k in KEYS}
                print(key, json.dumps(results[key]), flush=True)
                if args.predictions and split == TUNE:
                    args.predictions.mkdir(parents=True, exist_ok=True)
                    out = args.predictions / f"{name}-{mode}-{split}.jsonl"
                    with out.open("w", encoding="utf-8") as handle:
                        for record in predicted:
                            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    conf = args.predictions / f"{name}-{mode}-{split}-report.json"
                    conf.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
