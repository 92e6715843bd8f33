"""Archive-scale coding on Dask: shards coded by workers into Parquet, then loaded idempotently.

`run_batch` is the entry point (the `redline batch` command). Finished shards are recorded by
done-markers next to their Parquet files and loads by a ledger in the output directory, so a
run killed at any point resumes where it stopped, without duplicates. See docs/scale.md.
"""

from __future__ import annotations

from redline.batch.load import LoadCounts
from redline.batch.run import BatchOptions, BatchReport, Progress, run_batch

__all__ = ["BatchOptions", "BatchReport", "LoadCounts", "Progress", "run_batch"]
