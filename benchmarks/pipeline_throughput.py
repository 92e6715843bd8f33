"""Coding throughput of the default pipeline on one core, side by side with plain `nlp.pipe`.

The corpus is built from the demo articles only (nothing is fetched): their paragraphs are
rotated and joined into articles of about `--words` words, each with its own text. Every
repetition times, back to back and in alternating order, plain spaCy (`spacy.load` of the same
verified model, stock components, `nlp.pipe` over the bodies) and the whole redline pipeline as
`redline ingest` runs it (parse + actors + events, without the store). The reported figures are
medians over repetitions; the ratio of the two is the figure to compare across machines, since
a busy machine slows both sides of a pair alike.

    python benchmarks/pipeline_throughput.py --articles 300 --repeats 5

Writes benchmarks/results/pipeline_throughput.json.
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
from collections.abc import Callable  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from redline.cli.demo import demo_corpus  # noqa: E402
from redline.ingest import iter_sources  # noqa: E402
from redline.models import Document  # noqa: E402
from redline.nlp.model import DISABLED, verify_model  # noqa: E402
from redline.pipeline import PipelineConfig, build_pipeline  # noqa: E402


def demo_documents() -> list[Document]:
    """The packaged demo articles."""
    return [d for d in iter_sources([str(demo_corpus())]) if isinstance(d, Document)]


def read_corpus(path: Path, n: int) -> list[Document]:
    """Up to `n` documents read from `path` (anything `redline ingest` reads), for a figure on
    your own articles instead of the demo corpus."""
    docs = [d for d in iter_sources([str(path)]) if isinstance(d, Document)]
    if not docs:
        raise SystemExit(f"{path}: no readable documents")
    return docs[:n]


def compose(n: int, words: int) -> list[Document]:
    """`n` articles of about `words` words: demo paragraphs taken in a rotating order.

    Article i starts at paragraph i * 7 of the pooled demo paragraphs and takes consecutive
    paragraphs until it reaches `words`; its metadata (date, outlet) is that of the demo article
    its first paragraph comes from, so dates resolve as they do in the demo.
    """
    base = demo_documents()
    pool = [(doc, p.strip()) for doc in base for p in doc.body.split("\n\n") if p.strip()]
    docs = []
    for i in range(n):
        k = (i * 7) % len(pool)
        owner = pool[k][0]
        paragraphs: list[str] = []
        count = 0
        while count < words:
            text = pool[k % len(pool)][1]
            paragraphs.append(text)
            count += len(text.split())
            k += 1
        body = "\n\n".join(paragraphs) + f"\n\n(Article {i}.)"
        docs.append(replace(owner, body=body, id=Document.content_id(body), origin=f"bench-{i}"))
    return docs


def plain_nlp() -> Any:
    """Stock spaCy: the same verified model, loaded without redline's additions."""
    import spacy

    return spacy.load(verify_model(), exclude=list(DISABLED))


def timed(run: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(docs: list[Document], repeats: int, batch_size: int) -> dict[str, Any]:
    """Alternate the two sides `repeats` times and collect the timings."""
    nlp = plain_nlp()
    pipeline = build_pipeline(PipelineConfig(batch_size=batch_size))
    bodies = [d.body for d in docs]
    events: list[int] = []

    def spacy_side() -> None:
        for _ in nlp.pipe(bodies, batch_size=batch_size):
            pass

    def redline_side() -> None:
        events.append(sum(len(item.events) for item in pipeline.process(docs)))

    # Warm both (dateparser's first call, caches) on a slice before timing.
    list(nlp.pipe(bodies[:20]))
    list(pipeline.process(docs[:20]))
    runs = []
    for i in range(repeats):
        sides = [("nlp_pipe", spacy_side), ("redline", redline_side)]
        if i % 2:
            sides.reverse()
        runs.append({name: timed(run) for name, run in sides})
    return {"runs": runs, "events": events[-1]}


def component_times(nlp: Any, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per step of stock spaCy, each component run over the whole corpus in turn."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    docs = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
    out["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=batch_size))
        out[name] = time.perf_counter() - start
    return out


def profile(docs: list[Document], batch_size: int) -> dict[str, dict[str, float]]:
    """Where the time goes, before (stock spaCy, no pre-filter) and after."""
    before = {
        f"parse: {k}": v
        for k, v in component_times(plain_nlp(), [d.body for d in docs], batch_size).items()
    }
    unfiltered = build_pipeline(PipelineConfig(batch_size=batch_size, prefilter=False))
    list(unfiltered.process(docs[:20]))
    unfiltered.timings = dict.fromkeys(unfiltered.timings, 0.0)
    list(unfiltered.process(docs))
    before |= {k: v for k, v in unfiltered.timings.items() if k != "parse"}
    before["parse"] = sum(v for k, v in before.items() if k.startswith("parse: "))
    filtered = build_pipeline(PipelineConfig(batch_size=batch_size))
    list(filtered.process(docs[:20]))
    filtered = build_pipeline(PipelineConfig(batch_size=batch_size))
    list(filtered.process(docs))
    after = filtered.profile()
    return {
        "before": {k: round(v, 3) for k, v in before.items()},
        "after": {k: round(v, 3) for k, v in after.items()},
    }


def main() -> None:
    """Run the benchmark and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per repetition")
    parser.add_argument("--words", type=int, default=400, help="words per article (about)")
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repetitions")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="measure on these articles (file or directory) instead of the composed demo corpus",
    )
    parser.add_argument("--batch-size", type=int, default=64, help="documents per spaCy batch")
    parser.add_argument(
        "--profile", action="store_true", help="also time each step, before and after"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("benchmarks/results/pipeline_throughput.json")
    )
    args = parser.parse_args()
    docs = (
        read_corpus(args.corpus, args.articles)
        if args.corpus
        else compose(args.articles, args.words)
    )
    words = sum(len(d.body.split()) for d in docs)
    measured = measure(docs, args.repeats, args.batch_size)
    runs = measured["runs"]
    plain = statistics.median(r["nlp_pipe"] for r in runs)
    full = statistics.median(r["redline"] for r in runs)
    ratios = [r["nlp_pipe"] / r["redline"] for r in runs]
    result = {
        "corpus": str(args.corpus) if args.corpus else f"demo paragraphs, ~{args.words} words",
        "articles": len(docs),
        "mean_words_per_article": round(words / len(docs), 1),
        "repeats": args.repeats,
        "batch_size": args.batch_size,
        "events_coded": measured["events"],
        "nlp_pipe_articles_per_second": round(len(docs) / plain, 2),
        "nlp_pipe_words_per_second": round(words / plain),
        "redline_articles_per_second": round(len(docs) / full, 2),
        "redline_words_per_second": round(words / full),
        "ratio_redline_to_nlp_pipe_median": round(statistics.median(ratios), 3),
        "ratio_per_repeat": [round(r, 3) for r in ratios],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "runs": runs,
    }
    if args.profile:
        result["profile_seconds"] = profile(docs, args.batch_size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


if __name__ == "__main__":
    main()
