"""Problems met while reading sources, reported alongside documents instead of raised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# Reasons quote hostile input (HTTP reason phrases, parser messages): control characters are
# escaped so that a reason stays one line and cannot drive a terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class IngestProblem:
    """Something wrong with one input: an error drops it, a warning keeps it with a fallback."""

    origin: str
    reason: str
    severity: Severity

    def __post_init__(self) -> None:
        if _CONTROL.search(self.reason):
            escaped = _CONTROL.sub(lambda match: repr(match.group())[1:-1], self.reason)
            object.__setattr__(self, "reason", escaped)

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
