"""English date vocabulary and calendar arithmetic shared by the date resolvers.

Resolvers work on text from :func:`normalise` and return a :data:`Resolved` pair; a value at
MONTH or YEAR precision is always the first day of that month or year.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from redline.models import DatePrecision


class Tense(StrEnum):
    """Tense of the clause a date expression modifies; it decides which way ambiguity resolves."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


Resolved = tuple[date, DatePrecision]


@dataclass(frozen=True, slots=True)
class DateContext:
    """What an expression is resolved against: publication date, anaphora anchor, tense."""

    published: date
    anchor: date | None
    tense: Tense

    @property
    def base(self) -> date:
        """The reference for anaphora ("the day before"): the anchor, else the publication."""
        return self.anchor if self.anchor is not None else self.published


_MONTH_NAMES = [name.lower() for name in calendar.month_name]
MONTHS: dict[str, int] = {name[:3]: number for number, name in enumerate(_MONTH_NAMES) if name}
MONTHS |= {name: number for number, name in enumerate(_MONTH_NAMES) if name} | {"sept": 9}
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_ONES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = (
    {word: value for value, word in enumerate(_ONES, start=1)}
    | {word: 10 * value for value, word in enumerate(_TENS, start=2)}
    | {"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "a dozen": 12}
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MONTH_RE = rf"(?:{_alternation(MONTHS)})"
WEEKDAY_RE = rf"(?:{_alternation(WEEKDAYS)})"
NUMBER_RE = (
    rf"(?:\d+|(?:{_alternation(_TENS)})(?:[- ](?:{_alternation(_ONES[:9])}))?"
    rf"|{_alternation(NUMBER_WORDS)})"
)
UNIT_RE = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
ORDINAL_SUFFIX_RE = r"(?:st|nd|rd|th)"
YEAR_RE = r"(?:1\d{3}|2\d{3})"

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
_ABBREVIATION_DOT = re.compile(r"(?<=[a-z])\.(?=\s|$)")
_PUNCTUATION = re.compile(r"[,;:!?()\"\[\]]")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_SPACES = re.compile(r"\s+")


def normalise(expression: str) -> str:
    """Lower-case an expression and drop punctuation that never changes its meaning."""
    text = _DASHES.sub("-", expression.lower())
    text = _APOSTROPHES.sub("'", text)
    text = _ABBREVIATION_DOT.sub("", text)
    text = _PUNCTUATION.sub(" ", text)
    text = _POSSESSIVE.sub("", text)
    return _SPACES.sub(" ", text).strip(" .'-")


def parse_number(word: str) -> int | None:
    """Read a cardinal written in digits or English words ("24", "twenty-four", "a")."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, ones = word.replace("-", " ").partition(" ")
    if tens in _TENS and ones in _ONES[:9]:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not form one (31 June, 29 February 2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """Move by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(base: date, amount: int, unit: str) -> Resolved:
    """Move `base` by `amount` units; coarse units give a coarse precision."""
    unit = unit.rstrip("s").replace("centurie", "century")
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * amount
        return base + timedelta(days=days), DatePrecision.DAY
    if unit == "month":
        return add_months(base, amount).replace(day=1), DatePrecision.MONTH
    years = {"year": 1, "decade": 10, "century": 100}[unit] * amount
    return date(base.year + years, 1, 1), DatePrecision.YEAR


def choose(candidates: Iterable[date], pivot: date, tense: Tense, *, strict: bool = False) -> date:
    """Pick the candidate the tense points to: latest before, earliest after, or nearest.

    `strict` excludes the pivot itself for past and future (weekday names).
    """
    ordered = sorted(candidates)
    if tense == Tense.PAST:
        before = [c for c in ordered if c < pivot or (c == pivot and not strict)]
        return before[-1] if before else ordered[0]
    if tense == Tense.FUTURE:
        after = [c for c in ordered if c > pivot or (c == pivot and not strict)]
        return after[0] if after else ordered[-1]
    return min(ordered, key=lambda c: (abs((c - pivot).days), c > pivot))
