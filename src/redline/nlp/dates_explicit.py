"""Calendar dates written out in the text: "19 June 2024", "June 2024", "the 17th", "the 1990s".

Missing parts are taken from the publication date and then moved by tense (see ``dates``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from redline.models import DatePrecision
from redline.nlp.dates_calendar import (
    MONTH_RE,
    MONTHS,
    ORDINAL_SUFFIX_RE,
    WEEKDAY_RE,
    YEAR_RE,
    DateContext,
    Resolved,
    add_months,
    choose,
    safe_date,
)

_DAY = rf"(?P<day>[0-3]?\d){ORDINAL_SUFFIX_RE}?"
_RANGE_END = rf"(?:\s?-\s?[0-3]?\d{ORDINAL_SUFFIX_RE}?)?"  # "4-6 June": the first day counts
_MONTH = rf"(?P<month>{MONTH_RE})"
_YEAR = rf"(?P<year>{YEAR_RE})"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY_RE}\s)?"
_RELATIVE_YEAR = re.compile(r"(?<=[a-z0-9])\s(?:of\s)?(?P<which>last|this|next)\syear$")

_ISO = re.compile(r"(?P<year>\d{4})[-/](?P<month>\d{1,2})(?:[-/](?P<day>\d{1,2}))?")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")
_DAY_MONTH = re.compile(
    rf"{_WEEKDAY_PREFIX}(?:the\s)?{_DAY}{_RANGE_END}\s(?:of\s)?{_MONTH}(?:\s{_YEAR})?"
)
_MONTH_DAY = re.compile(rf"{_WEEKDAY_PREFIX}{_MONTH}\s(?:the\s)?{_DAY}{_RANGE_END}(?:\s{_YEAR})?")
_MONTH_YEAR = re.compile(rf"(?:the\smonth\sof\s)?{_MONTH}(?:\s(?:of\s)?{_YEAR})?")
_ORDINAL = re.compile(
    rf"(?:the\s)?(?P<day>[0-3]?\d){ORDINAL_SUFFIX_RE}"
    r"(?:\sof\s(?:the\s)?(?P<which>last|this|next|the)?\s?month)?"
)
_YEAR_ONLY = re.compile(rf"(?:the\s)?(?:year\s)?{_YEAR}(?:\s[a-z][a-z -]*)?")
_DECADE = re.compile(r"(?:the\s)?(?P<digits>\d{3}0|'?\d0)'?s")

_MONTH_SHIFT = {"last": -1, "this": 0, "the": 0, "next": 1, None: 0}


def _day_month(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    month, day = MONTHS[match["month"]], int(match["day"])
    if match["year"]:
        value = safe_date(int(match["year"]), month, day)
        return (value, DatePrecision.DAY) if value else None
    years = range(ctx.published.year - 4, ctx.published.year + 5)  # 4 reaches a 29 February
    candidates = [d for d in (safe_date(y, month, day) for y in years) if d]
    if not candidates:
        return None
    return choose(candidates, ctx.published, ctx.tense), DatePrecision.DAY


def _month_year(match: re.Match[str], ctx: DateContext) -> Resolved:
    month = MONTHS[match["month"]]
    if match["year"]:
        return date(int(match["year"]), month, 1), DatePrecision.MONTH
    pivot = ctx.published.replace(day=1)
    years = range(pivot.year - 1, pivot.year + 2)
    return choose((date(y, month, 1) for y in years), pivot, ctx.tense), DatePrecision.MONTH


def _ordinal(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    day = int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match.group(0).endswith("month"):
        month = add_months(ctx.published.replace(day=1), _MONTH_SHIFT[match["which"]])
        value = safe_date(month.year, month.month, day)
        return (value, DatePrecision.DAY) if value else None
    months = (add_months(ctx.published.replace(day=1), offset) for offset in range(-2, 3))
    candidates = [d for d in (safe_date(m.year, m.month, day) for m in months) if d]
    return choose(candidates, ctx.published, ctx.tense), DatePrecision.DAY


def _iso(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    year, month = int(match["year"]), int(match["month"])
    if match["day"] is None:
        value = safe_date(year, month, 1)
        return (value, DatePrecision.MONTH) if value else None
    value = safe_date(year, month, int(match["day"]))
    return (value, DatePrecision.DAY) if value else None


def _numeric(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if first <= 12 and second <= 12 and first != second:
        return None  # 06/07/2024 is June or July depending on the writer: left to dateparser
    value = safe_date(year, second, first) if first > 12 else safe_date(year, first, second)
    return (value, DatePrecision.DAY) if value else None


def _year(match: re.Match[str], ctx: DateContext) -> Resolved:
    return date(int(match["year"]), 1, 1), DatePrecision.YEAR


def _decade(match: re.Match[str], ctx: DateContext) -> Resolved:
    digits = match["digits"].lstrip("'")
    if len(digits) == 2:  # "the '90s": the latest such decade not after publication
        century = ctx.published.year // 100 * 100
        start = century + int(digits)
        digits = str(start if start <= ctx.published.year else start - 100)
    return date(int(digits), 1, 1), DatePrecision.YEAR


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], DateContext], Resolved | None]], ...]
_RULES = (
    (_ISO, _iso),
    (_NUMERIC, _numeric),
    (_DAY_MONTH, _day_month),
    (_MONTH_DAY, _day_month),
    (_MONTH_YEAR, _month_year),
    (_ORDINAL, _ordinal),
    (_DECADE, _decade),
    (_YEAR_ONLY, _year),
)


def resolve_explicit(text: str, ctx: DateContext) -> Resolved | None:
    """Resolve a normalised calendar expression, or None when none of the forms fits."""
    relative_year = _RELATIVE_YEAR.search(text)
    if relative_year:  # "in March last year" reads as "in March 2023"
        offset = _MONTH_SHIFT[relative_year["which"]]
        text = f"{text[: relative_year.start()]} {ctx.published.year + offset}"
    for pattern, rule in _RULES:
        match = pattern.fullmatch(text)
        if match:
            return rule(match, ctx)
    return None
