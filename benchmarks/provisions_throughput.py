"""Provision-coding throughput on one core: treaty articles per second (and news sentences).

Treaty texts are coded article by article with the cue rules only (no parser), so the figure
is the whole `code_treaty` path: front matter, article and sentence splitting, cue scanning,
rules and attributes. The fixture treaties (tests/fixtures/treaties) are coded repeatedly
until the target number of articles is reached. News sentences need the spaCy parse for
their modality; that rate is measured separately for reference.

    python benchmarks/provisions_throughput.py --articles 5000 \
        --out benchmarks/results/provisions.json
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from redline.treaties.coder import code_treaty  # noqa: E402
from redline.treaties.cues import packaged_cue_book  # noqa: E402
from redline.treaties.scoring import load_report_gold  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "treaties"


def treaty_texts() -> list[tuple[str, int]]:
    """Each fixture treaty's text and its number of headed articles."""
    texts = []
    for path in sorted(FIXTURES.glob("*.md")):
        text = path.read_text("utf-8")
        texts.append((text, len(code_treaty(text).articles)))
    return texts


def run_treaties(texts: list[tuple[str, int]], target: int) -> dict[str, float]:
    """Code treaties until `target` articles are done; articles and seconds."""
    done, start = 0, time.perf_counter()
    while done < target:
        for text, articles in texts:
            code_treaty(text)
            done += articles
    return {"articles": done, "seconds": time.perf_counter() - start}


def run_reports(repeats: int) -> dict[str, float]:
    """Code the news fixture sentences (spaCy parse + rules + modality)."""
    from redline.nlp.model import load_model
    from redline.treaties.reports import code_report

    nlp = load_model()
    reports = load_report_gold(FIXTURES / "news_reports.yaml")
    start = time.perf_counter()
    for _ in range(repeats):
        for report in reports:
            code_report(report.text, report.published, nlp=nlp)
    return {"sentences": repeats * len(reports), "seconds": time.perf_counter() - start}


def main() -> None:
    """Run the benchmark and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--report-repeats", type=int, default=3, help="0 skips the news run")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/provisions.json"))
    args = parser.parse_args()
    packaged_cue_book()  # loaded once per process; not part of the per-article cost
    texts = treaty_texts()
    runs = [run_treaties(texts, args.articles) for _ in range(args.repeats)]
    rates = [r["articles"] / r["seconds"] for r in runs]
    result: dict[str, object] = {
        "treaties": len(texts),
        "articles_per_run": runs[0]["articles"],
        "repeats": args.repeats,
        "articles_per_second": round(statistics.median(rates), 1),
        "articles_per_second_min": round(min(rates), 1),
        "bar_articles_per_second": 200,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "runs": runs,
    }
    if args.report_repeats:
        news = run_reports(args.report_repeats)
        result["news_sentences_per_second"] = round(news["sentences"] / news["seconds"], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


if __name__ == "__main__":
    main()
