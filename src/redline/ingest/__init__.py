"""Ingest: files, directories, pages, JSON Lines and feeds in; Documents and problems out.

``iter_sources`` is the entry point; bad input is reported as an :class:`IngestProblem` and the
rest goes on.
"""

from __future__ import annotations

from redline.ingest.limits import IngestLimits
from redline.ingest.problems import IngestProblem
from redline.ingest.sources import iter_sources

__all__ = ["IngestLimits", "IngestProblem", "iter_sources"]
