"""Ingest-to-store throughput on one core: the demo corpus repeated to N articles.

Measures, in one run and side by side, the whole path (parse, actors, events, SQLite write)
and plain `nlp.pipe` of stock spaCy (the same model loaded with `spacy.load`, without redline's
additions) over the same texts, so the ratio stays meaningful on a noisy machine. For the coding
pipeline alone on ~400-word articles see benchmarks/pipeline_throughput.py.

    python benchmarks/ingest_throughput.py --articles 1000 --out benchmarks/results/ingest.json
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from redline.cli.demo import demo_corpus  # noqa: E402
from redline.ingest import iter_sources  # noqa: E402
from redline.models import Document  # noqa: E402
from redline.nlp.model import DISABLED, verify_model  # noqa: E402
from redline.pipeline import build_pipeline  # noqa: E402
from redline.store import open_store  # noqa: E402


def corpus(n: int) -> list[Document]:
    """`n` documents: the demo articles repeated, each copy with its own content hash."""
    base = [d for d in iter_sources([str(demo_corpus())]) if isinstance(d, Document)]
    docs = []
    for i in range(n):
        doc = base[i % len(base)]
        body = f"{doc.body}\n\n(Copy {i}.)"
        docs.append(replace(doc, body=body, id=Document.content_id(body), origin=f"copy-{i}"))
    return docs


def run_once(docs: list[Document]) -> dict[str, float]:
    """One side-by-side measurement."""
    import spacy

    pipeline = build_pipeline()
    nlp = spacy.load(verify_model(), exclude=list(DISABLED))  # stock spaCy, as plain as it gets
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        start = time.perf_counter()
        for item in pipeline.process(docs):
            store.save(item.document, item.events)
        full = time.perf_counter() - start
        store.engine.dispose()
    start = time.perf_counter()
    for _ in nlp.pipe((d.body for d in docs), batch_size=64):
        pass
    plain = time.perf_counter() - start
    return {"redline_seconds": full, "nlp_pipe_seconds": plain}


def main() -> None:
    """Run the benchmark and write its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/ingest.json"))
    args = parser.parse_args()
    docs = corpus(args.articles)
    words = sum(len(d.body.split()) for d in docs)
    runs = [run_once(docs) for _ in range(args.repeats)]
    full = statistics.median(r["redline_seconds"] for r in runs)
    plain = statistics.median(r["nlp_pipe_seconds"] for r in runs)
    result = {
        "articles": args.articles,
        "mean_words_per_article": round(words / len(docs), 1),
        "repeats": args.repeats,
        "redline_articles_per_second": round(args.articles / full, 1),
        "nlp_pipe_articles_per_second": round(args.articles / plain, 1),
        "ratio_redline_to_nlp_pipe": round(plain / full, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


if __name__ == "__main__":
    main()
