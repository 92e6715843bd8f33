"""Fixtures of the treaty tests: the fixture treaties, their answer keys, the held-out split.

Held-out split (fixed before any rule tuning on failures; the rules were tuned on the rest):
- treaties: among the 17 non-scenario agreements sorted by file name, every 4th one
  (positions 3, 7, 11, 15): 1941 USSR-Japan, 1951 ANZUS, 1955 Warsaw Pact, 1971 USSR-India;
- news sentences: the `n` ids whose number is a multiple of 5 (n005, n010, ..., n055).
Paraphrase groups (p001-p027) are a separate requirement (same coding for every wording) and
were used in development.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from redline.treaties.coder import code_treaty
from redline.treaties.models import Provision
from redline.treaties.scoring import (
    GoldProvision,
    GoldReport,
    load_report_gold,
    load_treaty_gold,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "treaties"
SCENARIO = ("1961-ussr-dprk.md", "2000-russia-dprk.md", "2024-russia-dprk.md")
HELD_OUT_TREATIES = frozenset(
    {"1941-ussr-japan-neutrality.md", "1951-anzus.md", "1955-warsaw-pact.md", "1971-ussr-india.md"}
)


def held_out_report(report_id: str) -> bool:
    """News sentences kept out of rule tuning: n-ids divisible by 5."""
    return report_id.startswith("n") and int(re.sub(r"\D", "", report_id)) % 5 == 0


@pytest.fixture(scope="session")
def treaty_gold() -> dict[str, list[GoldProvision]]:
    """expected.yaml: the answer key per treaty file."""
    return load_treaty_gold(FIXTURES / "expected.yaml")


@pytest.fixture(scope="session")
def report_gold() -> list[GoldReport]:
    """news_reports.yaml: news sentences with the provisions they report."""
    return load_report_gold(FIXTURES / "news_reports.yaml")


@pytest.fixture(scope="session")
def coded() -> dict[str, list[Provision]]:
    """Every fixture treaty coded once per session."""
    return {
        path.name: list(code_treaty(path.read_text("utf-8")).provisions)
        for path in sorted(FIXTURES.glob("*.md"))
    }


@pytest.fixture(scope="session")
def coded_reports(report_gold: list[GoldReport]) -> dict[str, list[Provision]]:
    """Every news fixture sentence coded once per session (needs the spaCy model)."""
    from redline.nlp.model import load_model
    from redline.treaties.reports import code_report

    nlp: Any = load_model()
    return {r.id: code_report(r.text, r.published, nlp=nlp) for r in report_gold}


@pytest.fixture(scope="session")
def treaty_splits(treaty_gold: dict[str, list[GoldProvision]]) -> dict[str, dict[str, Any]]:
    """The answer key split into scenario, dev (tuned on) and held-out treaties."""
    others = {k: v for k, v in treaty_gold.items() if k not in SCENARIO}
    return {
        "scenario": {k: treaty_gold[k] for k in SCENARIO},
        "dev": {k: v for k, v in others.items() if k not in HELD_OUT_TREATIES},
        "held_out": {k: v for k, v in others.items() if k in HELD_OUT_TREATIES},
        "others": others,
    }


@pytest.fixture(scope="session")
def report_splits(report_gold: list[GoldReport]) -> dict[str, list[GoldReport]]:
    """The news sentences split into dev (tuned on) and held-out."""
    return {
        "dev": [r for r in report_gold if not held_out_report(r.id)],
        "held_out": [r for r in report_gold if held_out_report(r.id)],
    }
