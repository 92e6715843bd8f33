"""Normalise date expressions from news text to :class:`~redline.models.EventDate` records.

``resolve_date(expression, published, anchor=..., tense=...)`` reads one expression at a time.
What it counts from, in order of precedence:

1. A complete calendar date ("19 June 2024", "June 2024", "in 1961", "the 1990s") is taken as
   written; neither the anchor nor the tense changes it.
2. Deictic expressions ("today", "yesterday", "last week", "two days ago", "in two weeks",
   "next month") count from the publication date, never from the anchor: they are written from
   the reporter's "now".
3. Anaphoric expressions ("the day before", "the next day", "that day", "two days later") count
   from the anchor, the last resolved event date in the text; without an anchor, from the
   publication date.
4. Partial dates ("on 4 December", "mid-June", "the 17th", "on Tuesday") take their missing parts
   from the publication date, and the tense of the clause picks the occurrence: PAST takes the
   latest one on or before publication, FUTURE the earliest on or after it, PRESENT the nearest.
   Weekday names are strict: in the past tense "on Monday" is the last Monday *before*
   publication, in the future the next one *after*; only PRESENT lets it be publication day.
5. A length of time is not a date: ``resolve_date("two days", ...)`` is None; read it with
   :func:`resolve_duration` and place its start with :func:`duration_origin`.

Leading prepositions and hedges ("on", "from", "likely", "earlier") are dropped, and "early",
"mid-", "late", "end of" keep the precision of what they modify ("late October" is a month).
A value at MONTH or YEAR precision is the first day of that month or year; "last week" is the
day seven days before publication at DAY precision. Regular expressions cover the common forms;
only the remainder reaches dateparser, whose answers are cached.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from redline.models import DatePrecision, EventDate
from redline.nlp.dates_calendar import (
    MONTH_RE,
    NUMBER_RE,
    UNIT_RE,
    WEEKDAY_RE,
    DateContext,
    Resolved,
    Tense,
    normalise,
)
from redline.nlp.dates_durations import Duration, duration_origin, resolve_duration
from redline.nlp.dates_explicit import resolve_explicit
from redline.nlp.dates_relative import resolve_relative
from redline.nlp.dates_spans import find_date_expressions

__all__ = [
    "Duration",
    "Tense",
    "dateparser_fallback",
    "duration_origin",
    "find_date_expressions",
    "resolve_date",
    "resolve_duration",
]

_FILLER = re.compile(
    r"^(?:(?:on|at|from|since|until|till|through|by|during|before|after|around|about|circa"
    r"|approximately|likely|possibly|probably|perhaps|reportedly|expected|scheduled|sometime"
    r"|some\stime|as\sof|as\searly\sas|as\slate\sas|no\slater\sthan|no\searlier\sthan|starting"
    r"|effective|earlier|later|beginning(?!\sof)"
    rf"|in(?!\s{NUMBER_RE}\s{UNIT_RE}))\s)+"
)
_MODIFIER = re.compile(
    r"(?:the\s)?(?:(?:early|mid|late)[-\s]"
    r"|(?:start|beginning|end|middle|turn|close)\sof\s(?:the\s)?)(?P<rest>.+)"
)
_BARE_PERIOD = {"week": "this week", "month": "this month", "year": "this year"}
_CUE = re.compile(
    rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|today|tonight|yesterday|tomorrow|ago|noon|midnight"
    r"|morning|afternoon|evening|night|weekend|fortnight)\b|\d[/.-]\d|\d\s?[ap]m\b"
)
_MALFORMED = re.compile(r"\d{4}[-/]\d{1,2}(?:[-/]\d{1,2})?")  # "2024-13-01": no second guess
_PREFER = {Tense.PAST: "past", Tense.PRESENT: "current_period", Tense.FUTURE: "future"}


def resolve_date(
    expression: str,
    published: date,
    *,
    anchor: date | None = None,
    tense: Tense = Tense.PAST,
) -> EventDate | None:
    """Resolve one date expression, or None when it does not name a point in time."""
    text = _FILLER.sub("", normalise(expression), count=1)
    if not text:
        return None
    resolved = _resolve_text(text, DateContext(published, anchor, Tense(tense)))
    if resolved is None:
        return None
    return EventDate(resolved[0], resolved[1], expression)


def _resolve_text(text: str, ctx: DateContext) -> Resolved | None:
    resolved = resolve_relative(text, ctx) or resolve_explicit(text, ctx)
    if resolved is not None:
        return resolved
    modified = _MODIFIER.fullmatch(text)
    if modified:
        rest = modified["rest"]
        return _resolve_text(_BARE_PERIOD.get(rest, rest), ctx)
    if (
        not _CUE.search(text)
        or _MALFORMED.fullmatch(text)
        or resolve_duration(text, ctx.published) is not None
    ):
        return None
    return dateparser_fallback(text, ctx.published, ctx.tense)


@lru_cache(maxsize=8192)
def dateparser_fallback(text: str, published: date, tense: Tense) -> Resolved | None:
    """Ask dateparser about a form the regular expressions do not cover (cached, ~1 ms a call)."""
    from dateparser.date import DateDataParser  # imported late: it is slow to load

    settings = {
        "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": _PREFER[tense],
        "PREFER_DAY_OF_MONTH": "first",
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    parsed: datetime | None = data.date_obj
    if parsed is None:
        return None
    if data.period == "year":
        return date(parsed.year, 1, 1), DatePrecision.YEAR
    if data.period == "month":
        return date(parsed.year, parsed.month, 1), DatePrecision.MONTH
    return parsed.date(), DatePrecision.DAY
