"""Treaty provision coding: treaty articles and news reports -> ATOP-style provisions; diffs.

from redline.treaties import code_treaty, code_report, diff_treaties
"""

from __future__ import annotations

from redline.treaties.coder import code_treaty
from redline.treaties.diff import DiffRow, DiffStatus, TreatyDiff, diff_treaties
from redline.treaties.models import Condition, Domain, Provision, ProvisionType, Span, Treaty
from redline.treaties.reports import code_report

__all__ = [
    "Condition",
    "DiffRow",
    "DiffStatus",
    "Domain",
    "Provision",
    "ProvisionType",
    "Span",
    "Treaty",
    "TreatyDiff",
    "code_report",
    "code_treaty",
    "diff_treaties",
]
