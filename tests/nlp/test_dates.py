"""Date normalisation: explicit, ordinal, relative and anaphoric dates, durations and spans."""

from __future__ import annotations

from datetime import date

import pytest

from redline.models import DatePrecision, EventDate
from redline.nlp import dates
from redline.nlp.dates import (
    Duration,
    Tense,
    duration_origin,
    find_date_expressions,
    resolve_date,
    resolve_duration,
)

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
PAST, PRESENT, FUTURE = Tense.PAST, Tense.PRESENT, Tense.FUTURE
MON = date(2024, 6, 17)  # a Monday: the default publication date below
THU = date(2024, 6, 20)
JAN = date(2025, 1, 10)
ANCHOR = date(2024, 6, 10)


def case(
    expression: str,
    expected: date,
    precision: DatePrecision,
    *,
    published: date = MON,
    anchor: date | None = None,
    tense: Tense = PAST,
    id: str,
) -> object:
    """One row of the resolution table."""
    return pytest.param(expression, published, anchor, tense, expected, precision, id=id)


EXPLICIT = [
    case("19 June 2024", date(2024, 6, 19), DAY, id="day-month-year"),
    case("June 19, 2024", date(2024, 6, 19), DAY, id="month-day-comma-year"),
    case("2024-06-19", date(2024, 6, 19), DAY, id="iso"),
    case("Monday, June 17, 2024", MON, DAY, id="weekday-and-full-date"),
    case("the 17th of June", MON, DAY, id="ordinal-of-month"),
    case("Dec. 4, 2023", date(2023, 12, 4), DAY, id="abbreviated-month"),
    case("19/06/2024", date(2024, 6, 19), DAY, id="numeric-unambiguous-dmy"),
    case("on 4 December", date(2023, 12, 4), DAY, id="day-month-past-last-year"),
    case("on 4 December", date(2024, 12, 4), DAY, tense=FUTURE, id="day-month-future"),
    case("4 December", date(2024, 12, 4), DAY, published=JAN, id="day-month-past-across-new-year"),
    case(
        "4 December", date(2024, 12, 4), DAY, published=JAN, tense=PRESENT, id="day-month-nearest"
    ),
    case("June 18", date(2024, 6, 18), DAY, tense=FUTURE, id="month-day-future"),
    case("4-6 June", date(2024, 6, 4), DAY, id="day-range-takes-first-day"),
    case("29 February", date(2024, 2, 29), DAY, id="leap-day"),
    case("June 2024", date(2024, 6, 1), MONTH, id="month-year"),
    case("in September 1996", date(1996, 9, 1), MONTH, id="in-month-year"),
    case("Sept. 2023", date(2023, 9, 1), MONTH, id="abbreviated-month-year"),
    case("in March last year", date(2023, 3, 1), MONTH, id="month-last-year"),
    case("in May", date(2024, 5, 1), MONTH, id="bare-month-past"),
    case("in September", date(2023, 9, 1), MONTH, id="bare-month-past-last-year"),
    case("in September", date(2024, 9, 1), MONTH, tense=FUTURE, id="bare-month-future"),
    case("in 1961", date(1961, 1, 1), YEAR, id="in-year"),
    case("in 1996", date(1996, 1, 1), YEAR, id="in-year-1996"),
    case("1961", date(1961, 1, 1), YEAR, id="bare-year"),
    case("the 1961 alliance", date(1961, 1, 1), YEAR, id="year-as-modifier"),
    case("the 1990s", date(1990, 1, 1), YEAR, id="decade"),
    case("the '90s", date(1990, 1, 1), YEAR, id="short-decade"),
    case("mid-June", date(2024, 6, 1), MONTH, id="mid-month"),
    case("late October", date(2023, 10, 1), MONTH, id="late-month-past"),
    case("late October", date(2024, 10, 1), MONTH, tense=FUTURE, id="late-month-future"),
    case("early 2024", date(2024, 1, 1), YEAR, id="early-year"),
    case("the end of the year", date(2024, 1, 1), YEAR, id="end-of-the-year"),
    case("late last year", date(2023, 1, 1), YEAR, id="late-last-year"),
    case("the early 1990s", date(1990, 1, 1), YEAR, id="early-decade"),
]

ORDINALS = [
    case("on the 17th", MON, DAY, id="ordinal-publication-day"),
    case("the 5th", date(2024, 6, 5), DAY, id="ordinal-not-may"),
    case("the 5th", date(2024, 7, 5), DAY, tense=FUTURE, id="ordinal-future-next-month"),
    case("the 18th", date(2024, 5, 18), DAY, id="ordinal-past-previous-month"),
    case("likely from the 18th", date(2024, 6, 18), DAY, tense=FUTURE, id="ordinal-hedged-future"),
    case("the 31st", date(2024, 5, 31), DAY, id="ordinal-skips-short-month"),
    case("the 17th of last month", date(2024, 5, 17), DAY, id="ordinal-of-last-month"),
]

RELATIVE = [
    case("today", MON, DAY, id="today"),
    case("yesterday", date(2024, 6, 16), DAY, id="yesterday"),
    case("yesterday morning", date(2024, 6, 16), DAY, id="yesterday-morning"),
    case("tomorrow", date(2024, 6, 18), DAY, tense=FUTURE, id="tomorrow"),
    case("last night", date(2024, 6, 16), DAY, id="last-night"),
    case("the day before yesterday", date(2024, 6, 15), DAY, id="day-before-yesterday"),
    case("on Monday", MON, DAY, id="weekday-past-same-day-as-publication"),
    case("on Sunday", date(2024, 6, 16), DAY, id="weekday-past-before-publication"),
    case("on Monday", MON, DAY, tense=PRESENT, id="weekday-present-same-day"),
    case("on Monday", MON, DAY, tense=FUTURE, id="weekday-future-same-day"),
    case("next Monday", date(2024, 6, 24), DAY, tense=FUTURE, id="next-weekday-strictly-after"),
    case("on Tuesday", date(2024, 6, 18), DAY, tense=FUTURE, id="tuesday-future"),
    case("on Wednesday", date(2024, 6, 19), DAY, published=THU, id="wednesday-past"),
    case("Monday's", MON, DAY, id="weekday-possessive"),
    case("last Monday", ANCHOR, DAY, tense=FUTURE, id="last-weekday-overrides-tense"),
    case("next Friday", date(2024, 6, 21), DAY, id="next-weekday-overrides-tense"),
    case("last weekend", date(2024, 6, 15), DAY, id="last-weekend-saturday"),
    case("last week", ANCHOR, DAY, id="last-week"),
    case("this week", MON, DAY, id="this-week"),
    case("next month", date(2024, 7, 1), MONTH, tense=FUTURE, id="next-month"),
    case("earlier this month", date(2024, 6, 1), MONTH, id="earlier-this-month"),
    case("last year", date(2023, 1, 1), YEAR, id="last-year"),
    case("two days ago", date(2024, 6, 15), DAY, id="days-ago"),
    case("a fortnight ago", date(2024, 6, 3), DAY, id="fortnight-ago"),
    case("three years ago", date(2021, 1, 1), YEAR, id="years-ago"),
    case("in two weeks", date(2024, 7, 1), DAY, tense=FUTURE, id="in-weeks"),
    case("the coming week", date(2024, 6, 24), DAY, tense=FUTURE, id="coming-week"),
    case("earlier on Monday", MON, DAY, id="earlier-on-weekday"),
    case("by the end of the month", date(2024, 6, 1), MONTH, id="end-of-the-month"),
    case("yesterday", date(2024, 6, 16), DAY, anchor=ANCHOR, id="deictic-ignores-anchor"),
]

ANAPHORA = [
    case("the day before", date(2024, 6, 16), DAY, id="day-before-no-anchor"),
    case("the day before", date(2024, 6, 9), DAY, anchor=ANCHOR, id="day-before-anchor"),
    case("the previous day", date(2024, 6, 9), DAY, anchor=ANCHOR, id="previous-day"),
    case("a day earlier", date(2024, 6, 16), DAY, id="day-earlier-no-anchor"),
    case("the next day", date(2024, 6, 11), DAY, anchor=ANCHOR, id="next-day"),
    case("the following day", date(2024, 6, 11), DAY, anchor=ANCHOR, id="following-day"),
    case("a day later", date(2024, 6, 11), DAY, anchor=ANCHOR, id="day-later"),
    case("that day", ANCHOR, DAY, anchor=ANCHOR, id="that-day"),
    case("the same day", MON, DAY, id="same-day-no-anchor"),
    case("later that day", ANCHOR, DAY, anchor=ANCHOR, id="later-that-day"),
    case("two days later", date(2024, 6, 12), DAY, anchor=ANCHOR, id="days-later"),
    case("the week before", date(2024, 6, 3), DAY, anchor=ANCHOR, id="week-before"),
    case("a year later", date(2021, 1, 1), YEAR, anchor=date(2020, 3, 3), id="year-later"),
    case("the following month", date(2024, 7, 1), MONTH, anchor=ANCHOR, id="following-month"),
    case("the following Tuesday", date(2024, 6, 11), DAY, anchor=ANCHOR, id="following-weekday"),
    case("the previous Friday", date(2024, 6, 7), DAY, anchor=ANCHOR, id="previous-weekday"),
]


@pytest.mark.parametrize(
    ("expression", "published", "anchor", "tense", "expected", "precision"),
    EXPLICIT + ORDINALS + RELATIVE + ANAPHORA,
)
def test_resolve_date(
    expression: str,
    published: date,
    anchor: date | None,
    tense: Tense,
    expected: date,
    precision: DatePrecision,
) -> None:
    assert resolve_date(expression, published, anchor=anchor, tense=tense) == EventDate(
        expected, precision, expression
    )


NON_DATES = {
    "days-length": "two days",
    "years-length": "24 years",
    "after-years": "after 24 years",
    "for-decades": "for two decades",
    "vague": "recently",
    "bare-number": "24",
    "empty": "",
    "article": "the",
    "unit-not-day": "the 5th Fleet",
    "impossible-day": "on 31 June",
    "impossible-iso": "2024-13-01",
}


@pytest.mark.parametrize("expression", NON_DATES.values(), ids=NON_DATES.keys())
def test_non_dates_resolve_to_none(expression: str) -> None:
    assert resolve_date(expression, MON) is None


@pytest.mark.parametrize(
    ("expression", "duration", "origin", "precision"),
    [
        pytest.param("after 24 years", Duration(24), date(2000, 1, 1), YEAR, id="after-years"),
        pytest.param("the first in 24 years", Duration(24), date(2000, 1, 1), YEAR, id="first-in"),
        pytest.param(
            "for the first time in more than a decade",
            Duration(10, approximate=True),
            date(2014, 1, 1),
            YEAR,
            id="first-time-in-more-than",
        ),
        pytest.param(
            "more than two years", Duration(2, approximate=True), date(2022, 1, 1), YEAR, id="more"
        ),
        pytest.param(
            "nearly three decades",
            Duration(30, approximate=True),
            date(1994, 1, 1),
            YEAR,
            id="nearly",
        ),
        pytest.param("for 28 years", Duration(28), date(1996, 1, 1), YEAR, id="for-years"),
        pytest.param("for two decades", Duration(20), date(2004, 1, 1), YEAR, id="for-decades"),
        pytest.param(
            "over the past decade", Duration(10), date(2014, 1, 1), YEAR, id="past-decade"
        ),
        pytest.param("half a century", Duration(50), date(1974, 1, 1), YEAR, id="half-century"),
        pytest.param("18 months", Duration(1, 6), date(2022, 12, 1), MONTH, id="months-carry"),
        pytest.param("two and a half years", Duration(2, 6), date(2021, 12, 1), MONTH, id="half"),
        pytest.param("two days", Duration(days=2), date(2024, 6, 1), MONTH, id="days"),
        pytest.param("since 2000", Duration(24), date(2000, 1, 1), YEAR, id="since-year"),
        pytest.param("since March 2022", Duration(2, 3), date(2022, 3, 1), MONTH, id="since-month"),
    ],
)
def test_resolve_duration(
    expression: str, duration: Duration, origin: date, precision: DatePrecision
) -> None:
    resolved = resolve_duration(expression, MON)
    assert resolved == duration
    assert resolved is not None
    assert duration_origin(resolved, MON) == EventDate(origin, precision, expression)


@pytest.mark.parametrize(
    "expression",
    ["two days ago", "last year", "for years", "a 24-year-old", "yesterday", "since 2030"],
    ids=["ago", "last-year", "vague", "age", "deictic", "since-future"],
)
def test_non_durations_resolve_to_none(expression: str) -> None:
    assert resolve_duration(expression, MON) is None


SPAN_TEXT = (
    "On Monday, June 17, 2024, officials said talks would resume on the 17th. The day before, "
    "troops crossed the border for the first time in 24 years. In 1961 the alliance was signed "
    "and in September 1996 renewed; the 5th Fleet arrived two days later. He may visit in May. "
    "Turnout was 2,000 in the 17th century, and 24 years old. The deadline is 2024-06-19."
)


def test_find_date_expressions() -> None:
    spans = find_date_expressions(SPAN_TEXT)
    assert [text for _, _, text in spans] == [
        "On Monday, June 17, 2024",
        "on the 17th",
        "The day before",
        "for the first time in 24 years",
        "In 1961",
        "in September 1996",
        "two days later",
        "in May",
        "2024-06-19",
    ]
    assert all(SPAN_TEXT[start:end] == text for start, end, text in spans)


COMMON = [
    "on the 17th",
    "the day before",
    "in 1961",
    "on Monday",
    "yesterday",
    "last week",
    "19 June 2024",
    "June 19, 2024",
    "2024-06-19",
    "on 4 December",
    "June 2024",
    "the 1990s",
    "mid-June",
    "late October",
    "early 2024",
    "two days ago",
    "next month",
    "the next day",
    "that day",
    "two days later",
    "earlier this month",
    "this week",
    "today",
]


def test_in_n_units_is_a_date_only_in_future_tense() -> None:
    assert resolve_date("in two weeks", MON, tense=Tense.FUTURE) is not None
    assert resolve_date("in 24 years", MON, tense=Tense.PAST) is None


def test_common_forms_avoid_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError(f"dateparser called for {args[0]!r}")

    monkeypatch.setattr(dates, "dateparser_fallback", refuse)
    for expression in COMMON:
        assert resolve_date(expression, MON) is not None, expression


def test_dateparser_fallback_handles_the_rest() -> None:
    pytest.importorskip("dateparser")
    assert resolve_date("noon on Tuesday", MON) == EventDate(
        date(2024, 6, 11), DAY, "noon on Tuesday"
    )


def test_thousand_common_expressions_resolve() -> None:
    resolved = [
        resolve_date(COMMON[i % len(COMMON)], date(2024, 1 + i % 12, 1 + i % 28))
        for i in range(1000)
    ]
    assert all(item is not None for item in resolved)
