"""A fixed tune / held-out split of a gold set, decided by a hash of each case id.

Accuracy work on a gold set reads the failures of the `tune` cases only; the `heldout`
cases are scored, never read, so their figure says whether a lexicon or rule change is
general. The rule is stable across runs and machines: the first 8 hex digits of the SHA-256
of the case id, read as an integer, modulo 100; below 70 is `tune`, the rest `heldout`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from redline.evaluation.gold import GoldCase

TUNE = "tune"
HELDOUT = "heldout"
TUNE_PERCENT = 70


def own_split(case_id: str) -> str:
    """`tune` or `heldout` for one case id."""
    bucket = int(hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return TUNE if bucket < TUNE_PERCENT else HELDOUT


def split_cases(cases: Iterable[GoldCase], split: str) -> list[GoldCase]:
    """The cases of one split (`tune` or `heldout`), in their order."""
    if split not in (TUNE, HELDOUT):
        raise ValueError(f"unknown split {split!r}")
    return [case for case in cases if own_split(case.id) == split]
