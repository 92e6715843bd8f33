"""Lengths of time ("for 28 years", "the first in 24 years") and the start points they imply.

A duration is not a date: "two days" as the length of a visit resolves here, never in
``resolve_date``. ``duration_origin`` turns "after 24 years" in a 2024 article into the year 2000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from redline.models import DatePrecision, EventDate
from redline.nlp.dates_calendar import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    UNIT_RE,
    YEAR_RE,
    add_months,
    normalise,
    parse_number,
)


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time; `approximate` when hedged ("more than", "nearly", "some")."""

    years: int = 0
    months: int = 0
    days: int = 0
    approximate: bool = False
    expression: str = field(default="", compare=False)


_CONTEXT = (
    r"(?:(?:for|after|in|within|during|lasting|of)\s)?"
    r"(?:(?:the\s)?first\b(?:\s[a-z]+){0,3}?\sin\s"
    r"|(?P<implied>(?:over\s)?the\s(?:past|last|previous|next|coming)\s))?"
)
_APPROXIMATE = (
    r"(?P<approx>(?:(?:just|well|a\slittle|slightly)\s)?(?:more|less|fewer)\sthan|(?:just\s|well\s)?"
    r"(?:over|under)|nearly|almost|about|around|some|roughly|approximately|close\sto|at\sleast"
    r"|upwards\sof|up\sto|barely|not\squite|the\sbetter\spart\sof)\s"
)
_AMOUNT = rf"(?:(?P<half>half\s(?:a|an))|(?P<n>{NUMBER_RE})(?P<and_half>\sand\sa\shalf)?)"
_LENGTH = re.compile(
    rf"{_CONTEXT}(?:{_APPROXIMATE})?(?:{_AMOUNT}[\s-])?(?P<unit>{UNIT_RE})"
    rf"(?P<unit_half>\sand\sa\shalf)?"
    rf"(?:\s(?:and\s)?(?P<n2>{NUMBER_RE})\s(?P<unit2>{UNIT_RE}))?"
    r"(?:\s?-?long|\sstraight|\srunning|\sof\s[a-z ]+|\snow)?"
)
_SINCE = re.compile(rf"(?:ever\s)?since\s(?:(?P<month>{MONTH_RE})\s)?(?P<year>{YEAR_RE})")

_MONTHS_PER = {"year": 12, "decade": 120, "century": 1200}
_DAYS_PER = {"day": 1, "week": 7, "fortnight": 14}


def _unit_name(unit: str) -> str:
    return "century" if unit.startswith("centur") else unit.rstrip("s")


def _length(amount: float, unit: str) -> tuple[int, int, int]:
    """Years, months and days in `amount` units; halves round to whole days or months."""
    name = _unit_name(unit)
    if name in _DAYS_PER:
        return 0, 0, round(amount * _DAYS_PER[name])
    if name == "month":
        whole = int(amount)
        return 0, whole, round((amount - whole) * 30)
    years, months = divmod(round(amount * _MONTHS_PER[name]), 12)
    return years, months, 0


def _amount(match: re.Match[str]) -> float | None:
    if match["half"]:
        return 0.5
    if match["n"] is None:  # "the past decade" implies one unit; a bare "years" says nothing
        return 1.0 if match["implied"] else None
    number = parse_number(match["n"])
    if number is None:
        return None
    return number + (0.5 if match["and_half"] or match["unit_half"] else 0.0)


def resolve_duration(expression: str, published: date) -> Duration | None:
    """Read a length of time, or None when the expression is not one ("two days ago")."""
    text = normalise(expression)
    since = _SINCE.fullmatch(text)
    if since:
        start = date(int(since["year"]), MONTHS[since["month"]] if since["month"] else 1, 1)
        if start > published:
            return None
        months = (published.year - start.year) * 12 + published.month - start.month
        if not since["month"]:
            months -= published.month - 1
        years, months = divmod(months, 12)
        return Duration(years, months, 0, False, expression)
    match = _LENGTH.fullmatch(text)
    if match is None:
        return None
    amount = _amount(match)
    if amount is None:
        return None
    years, months, days = _length(amount, match["unit"])
    if match["n2"]:
        extra = parse_number(match["n2"])
        if extra is None:
            return None
        more = _length(extra, match["unit2"])
        years, months, days = years + more[0], months + more[1], days + more[2]
    extra_years, months = divmod(months, 12)  # "18 months" is a year and six months
    return Duration(years + extra_years, months, days, bool(match["approx"]), expression)


def duration_origin(duration: Duration, published: date) -> EventDate:
    """The start a duration implies when it runs up to publication, at year or month precision."""
    if duration.years and not duration.months and not duration.days:
        value, precision = date(published.year - duration.years, 1, 1), DatePrecision.YEAR
    else:
        months = duration.years * 12 + duration.months + (duration.days + 15) // 30
        value, precision = add_months(published, -months).replace(day=1), DatePrecision.MONTH
    return EventDate(value, precision, duration.expression)
