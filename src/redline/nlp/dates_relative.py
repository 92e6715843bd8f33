"""Dates relative to the publication ("yesterday", "last week") or to an anchor ("the day before").

Deictic expressions always count from the publication date; anaphoric ones count from the anchor
(the last resolved event date) and fall back to the publication date when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from redline.models import DatePrecision
from redline.nlp.dates_calendar import (
    NUMBER_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    DateContext,
    Resolved,
    Tense,
    choose,
    parse_number,
    shift,
)

_PART = r"(?:day|morning|afternoon|evening|night)"
_PART_SUFFIX = r"(?:\s(?:morning|afternoon|evening|night))?"
_DIRECTION: dict[str, int] = (
    dict.fromkeys(("ago", "earlier", "before", "prior", "previous", "preceding", "last"), -1)
    | dict.fromkeys(("later", "after", "afterwards", "on", "next", "coming", "following"), 1)
    | {"subsequent": 1, "this": 0, "that": 0, "same": 0}
)

_DAY_OFFSETS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "overnight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_DEICTIC_DAY = re.compile(
    r"(?P<word>today|tonight|overnight|this (?:morning|afternoon|evening)|last night"
    r"|(?:the day (?:before|after) )?(?:yesterday|tomorrow))" + _PART_SUFFIX
)
_ANAPHORIC_DAY = re.compile(
    rf"(?:(?:the\s)?{_PART}\s(?P<after>before|after|earlier|later)"
    rf"|(?:the\s)?(?P<which>previous|preceding|prior|next|following|subsequent|same)\s{_PART}"
    rf"|(?P<that>that)\s{_PART}|a\s{_PART}\s(?P<by_one>earlier|later|before|after))"
)
_COUNT_FROM_ANCHOR = re.compile(
    rf"(?P<n>{NUMBER_RE})\s(?P<unit>{UNIT_RE})\s(?P<dir>later|after|afterwards|on|earlier"
    r"|before|prior)"
)
_COUNT_FROM_PUBLICATION = re.compile(
    rf"(?:(?P<pre>in|within)\s)?(?P<n>{NUMBER_RE})\s(?P<unit>{UNIT_RE})"
    r"(?:\s(?P<post>ago|from now|time|hence))?"
)
_PERIOD_FROM_PUBLICATION = re.compile(
    r"(?P<dir>last|this|next|(?:the\s)?coming)\s(?P<unit>week|month|year)"
)
_PERIOD_FROM_ANCHOR = re.compile(
    r"(?:(?:the|a)\s)?(?P<dir>previous|preceding|prior|next|following|subsequent|same|that)"
    r"\s(?P<unit>week|month|year)"
    r"|(?:the|a)\s(?P<unit2>week|month|year)\s(?P<dir2>before|after|earlier|later)"
)
_WEEKDAY = re.compile(
    r"(?:(?P<dir>last|next|this|past|coming|the\s(?:following|next|previous|preceding))\s)?"
    rf"(?P<day>{WEEKDAY_RE})" + _PART_SUFFIX
)
_WEEKDAY_TENSE = {
    "last": Tense.PAST,
    "past": Tense.PAST,
    "next": Tense.FUTURE,
    "coming": Tense.FUTURE,
    "this": Tense.PRESENT,
    "the following": Tense.FUTURE,
    "the next": Tense.FUTURE,
    "the previous": Tense.PAST,
    "the preceding": Tense.PAST,
}
_WEEKEND = re.compile(r"(?:(?P<dir>last|next|this|past|coming|the)\s)?weekend")


def _deictic_day(match: re.Match[str], ctx: DateContext) -> Resolved:
    offset = _DAY_OFFSETS[match["word"]]
    return ctx.published + timedelta(days=offset), DatePrecision.DAY


def _anaphoric_day(match: re.Match[str], ctx: DateContext) -> Resolved:
    word = match["after"] or match["which"] or match["that"] or match["by_one"]
    return ctx.base + timedelta(days=_DIRECTION[word]), DatePrecision.DAY


def _count_from_anchor(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    amount = parse_number(match["n"])
    if amount is None:
        return None
    return shift(ctx.base, _DIRECTION[match["dir"]] * amount, match["unit"])


def _count_from_publication(match: re.Match[str], ctx: DateContext) -> Resolved | None:
    amount = parse_number(match["n"])
    ago = match["post"] == "ago"
    if (
        amount is None
        or (match["pre"] is None and match["post"] in (None, "time"))
        or (ago and match["pre"])
    ):
        return None  # a bare "two days" is a length of time, not a point in it
    if not ago and ctx.tense is Tense.PAST:
        return None  # "his first visit in 24 years": in past tense a span, not a future date
    return shift(ctx.published, -amount if ago else amount, match["unit"])


def _period_from_publication(match: re.Match[str], ctx: DateContext) -> Resolved:
    direction = match["dir"].removeprefix("the ")
    return shift(ctx.published, _DIRECTION[direction], match["unit"])


def _period_from_anchor(match: re.Match[str], ctx: DateContext) -> Resolved:
    direction = match["dir"] or match["dir2"]
    return shift(ctx.base, _DIRECTION[direction], match["unit"] or match["unit2"])


def _weekday(match: re.Match[str], ctx: DateContext) -> Resolved:
    return _nearest_weekday(WEEKDAYS[match["day"]], match["dir"], ctx), DatePrecision.DAY


def _weekend(match: re.Match[str], ctx: DateContext) -> Resolved:
    return _nearest_weekday(5, match["dir"], ctx), DatePrecision.DAY  # a weekend is its Saturday


def _nearest_weekday(weekday: int, direction: str | None, ctx: DateContext) -> date:
    """Past tense: on or before publication; future: on or after. "last"/"next" exclude the
    publication day itself; "the following Tuesday" counts from the anchor instead.

    Wire copy names the day of publication by its weekday ("signed the treaty on Wednesday"
    in a Wednesday report), so without "last"/"next" the publication day itself qualifies.
    """
    tense = _WEEKDAY_TENSE.get(direction or "", ctx.tense)
    pivot = ctx.base if direction and direction.startswith("the ") else ctx.published
    days = (pivot + timedelta(days=offset) for offset in range(-7, 8))
    candidates = [d for d in days if d.weekday() == weekday]
    return choose(candidates, pivot, tense, strict=bool(direction))


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], DateContext], Resolved | None]], ...]
_RULES = (
    (_DEICTIC_DAY, _deictic_day),
    (_ANAPHORIC_DAY, _anaphoric_day),
    (_COUNT_FROM_ANCHOR, _count_from_anchor),
    (_COUNT_FROM_PUBLICATION, _count_from_publication),
    (_PERIOD_FROM_PUBLICATION, _period_from_publication),
    (_PERIOD_FROM_ANCHOR, _period_from_anchor),
    (_WEEKDAY, _weekday),
    (_WEEKEND, _weekend),
)


def resolve_relative(text: str, ctx: DateContext) -> Resolved | None:
    """Resolve a normalised relative or anaphoric expression, or None when none fits."""
    for pattern, rule in _RULES:
        match = pattern.fullmatch(text)
        if match:
            return rule(match, ctx)
    return None
