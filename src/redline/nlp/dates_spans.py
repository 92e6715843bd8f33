"""Find candidate date expressions in running text, as a fallback for spans NER misses.

Month and weekday names must be capitalised ("May" the month, not "may" the verb); a bare month
counts only after a preposition or a modifier ("in May", "mid-June"). Spans keep their leading
preposition ("on the 17th", "in 1961") so that ``resolve_date`` sees the whole expression.
"""

from __future__ import annotations

import calendar
import re

from redline.nlp.dates_calendar import NUMBER_RE, UNIT_RE

_MONTH = f"(?-i:{'|'.join(name for name in calendar.month_name if name)})"
_MONTH_ABBREVIATION = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ANY_MONTH = rf"(?:{_MONTH}|{_MONTH_ABBREVIATION})"
_WEEKDAY = f"(?-i:{'|'.join(calendar.day_name)})"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_ORDINAL = r"[0-3]?\d(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
_PREPOSITION = (
    r"(?:(?:on|in|at|since|from|until|till|by|during|before|after|through|as\s+of"
    r"|as\s+early\s+as|no\s+later\s+than|starting|earlier|later)\s+)"
)
_YEAR_TAIL = rf"(?:,?\s+{_YEAR}|\s+(?:of\s+)?(?:last|this|next)\s+year)"
_NOT_A_DAY = (  # "the 5th Fleet", "the 17th century": ordinals that are not days of a month
    r"(?!\s+(?:(?-i:[A-Z])|century|centuries|anniversary|round|time|floor|place|session|term"
    r"|straight|consecutive|annual|edition|amendment|birthday|largest|biggest|division|fleet"
    r"|army|brigade|party|congress|conference|summit|meeting|seed|minute|hour|day|week|month"
    r"|year)\b)"
)
_APPROXIMATE = (
    r"(?:(?:just|well)\s+)?(?:more|less|fewer)\s+than|(?:just\s+|well\s+)?(?:over|under)|nearly"
    r"|almost|about|around|some|roughly|approximately|close\s+to|at\s+least|upwards\s+of"
)
_DURATION_CONTEXT = (
    r"(?:for|after|within|during|lasting|in)(?:\s+the\s+(?:past|last|next|coming))?"
    r"|(?:for\s+)?the\s+first(?:\s+[a-z]+){0,3}?\s+in|over\s+the\s+(?:past|last)"
    r"|the\s+(?:past|last|previous|next|coming)"
)
_ALTERNATIVES = (
    r"\d{4}-\d{2}-\d{2}",
    r"[0-3]?\d[/.][01]?\d[/.]\d{4}",
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_ORDINAL}(?:\s*[-\u2013]\s*{_ORDINAL})?\s+(?:of\s+)?"
    rf"{_ANY_MONTH}{_YEAR_TAIL}?",
    rf"(?:{_WEEKDAY},?\s+)?{_ANY_MONTH}\s+(?:the\s+)?{_ORDINAL}(?!\d)"
    rf"(?:\s*[-\u2013]\s*{_ORDINAL})?{_YEAR_TAIL}?",
    rf"(?:the\s+)?(?:(?:early|mid|late)[-\s]|(?:start|beginning|end|middle)\s+of\s+(?:the\s+)?)"
    rf"(?:{_MONTH}{_YEAR_TAIL}?|(?:{_YEAR}|\d{{3}}0)s?|(?:last|this|next)\s+(?:week|month|year)"
    rf"|month|year|{_WEEKDAY})",
    rf"{_ANY_MONTH}{_YEAR_TAIL}",
    rf"(?:in|since|from|until|till|by|during|before|after|through|of|last|next|this)\s+{_MONTH}",
    r"(?:the\s+)?(?:\d{3}0|'\d0)'?s",
    rf"the\s+[0-3]?\d(?:st|nd|rd|th)(?:\s+of\s+(?:the|this|last|next)\s+month)?{_NOT_A_DAY}",
    rf"(?:the\s+year\s+)?(?<![\d,.$\u20ac\u00a3#/])(?<!\d-){_YEAR}(?![\d%/-]|[.,]\d)",
    rf"the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|(?:yesterday|tomorrow)(?:\s+{_PART})?"
    r"|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening)",
    rf"(?:(?:last|next|this|coming|the\s+(?:following|next|previous|preceding))\s+)?"
    rf"{_WEEKDAY}(?:\s+{_PART})?",
    rf"(?:(?:earlier|later)\s+)?(?:(?:the|a)\s+)?(?:previous|preceding|prior|next|following"
    rf"|subsequent|same|that|last|this|coming)\s+(?:day|{_PART}|week|month|year|weekend)",
    rf"(?:the|a)\s+(?:day|{_PART}|week|month|year)\s+(?:before|after|earlier|later)",
    rf"{NUMBER_RE}\s+{UNIT_RE}\s+(?:ago|later|earlier|before|after|afterwards|on|from\s+now)",
    rf"in\s+{NUMBER_RE}\s+{UNIT_RE}(?:'?\s+time)?",
    rf"(?:(?:{_DURATION_CONTEXT})\s+(?:(?:{_APPROXIMATE})\s+)?|(?:{_APPROXIMATE})\s+)"
    rf"(?:(?:{NUMBER_RE}|half\s+an?)[\s-]+)?{UNIT_RE}(?:\s+and\s+a\s+half)?",
    r"the\s+(?:same\s+)?weekend",
)
_CANDIDATE = re.compile(
    rf"(?<![\w'-]){_PREPOSITION}?(?:{'|'.join(_ALTERNATIVES)})(?![\w])", re.IGNORECASE
)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Candidate date and duration expressions as (start, end, text), in reading order."""
    return [(match.start(), match.end(), match.group(0)) for match in _CANDIDATE.finditer(text)]
