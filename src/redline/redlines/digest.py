"""A digest of what an evaluation depends on besides the stored events: rules, ladder, actors.

An incremental refresh re-evaluates only the pairs new sightings touch, which is right only if
the rules are the ones the stored alerts came from. The mark keeps this digest; any change to a
rule, the ladder, the successor states or `EVALUATION` (bumped when the evaluation itself
changes its results) makes the next refresh a full one. The digest is computed from a canonical
form (sets sorted, patterns as their source), so it is the same in every process.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from redline.analysis.ladder_rules import Ladder
from redline.redlines.rules import RuleSet

EVALUATION = "redlines-evaluation-1"


def evaluation_digest(rules: RuleSet, ladder: Ladder, successors: Mapping[str, str]) -> str:
    """The hex SHA-256 of the canonical form of the rules, the ladder and the successors."""
    form = [EVALUATION, canonical(rules), canonical(ladder), canonical(dict(successors))]
    text = json.dumps(form, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def canonical(value: Any) -> Any:
    """A JSON value standing for `value`, equal for equal values in any process."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return [type(value).__name__, fields]
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if isinstance(value, Mapping):
        return [
            "map",
            sorted(([canonical(k), canonical(v)] for k, v in value.items()), key=json.dumps),
        ]
    if isinstance(value, set | frozenset):
        return ["set", sorted((canonical(v) for v in value), key=json.dumps)]
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, timedelta):
        return ["timedelta", value.total_seconds()]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"no canonical form for {type(value).__name__}")
