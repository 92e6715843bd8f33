"""Problems met while reading sources, reported alongside documents instead of raised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class IngestProblem:
    """Something wrong with one input: an error drops it, a warning keeps it with a fallback."""

    origin: str
    reason: str
    severity: Severity

    @classmethod
    def error(cls, origin: str, reason: str) -> IngestProblem:
        """An input that produced no document."""
        return cls(origin, reason, "error")

    @classmethod
    def warning(cls, origin: str, reason: str) -> IngestProblem:
        """An input that was read, but with a fallback or a part skipped."""
        return cls(origin, reason, "warning")

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
