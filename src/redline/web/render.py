"""Turning domain records into what the templates show: words for modalities, evidence marked
in its article, the level chart's data. No HTML is built here: the templates escape everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redline.analysis.dyad import DyadView
from redline.analysis.ladder_rules import Ladder
from redline.redlines.alerts import Alert, AlertState

MODALITY_WORDS = {
    "asserted": "reported as fact",
    "scheduled": "announced as planned, not yet happened",
    "speculated": "speculation, not confirmed",
    "conditional": "would happen only if something else does",
    "negated": "reported as not happening",
    "denied": "denied by a party",
    "historical": "background: something that happened earlier",
}
STATE_WORDS = {
    "signalled": "signalled: the line has been talked about as coming",
    "crossed": "crossed: a report states it as fact",
    "confirmed": "confirmed: the primary text or further independent reports bear it out",
}


def modality_words(modality: str) -> str:
    """How a report presents an event, in words an analyst reads at a glance."""
    return MODALITY_WORDS.get(modality, modality)


@dataclass(frozen=True)
class Segment:
    """A run of article text, marked when it is the evidence."""

    text: str
    marked: bool = False


def marked_paragraphs(body: str, sentences: list[str]) -> list[list[Segment]]:
    """The article's paragraphs with every evidence sentence found in it marked."""
    spans: list[tuple[int, int]] = []
    for sentence in sentences:
        needle = sentence.strip()
        start = body.find(needle) if needle else -1
        if start >= 0:
            spans.append((start, start + len(needle)))
    spans.sort()
    out: list[list[Segment]] = []
    offset = 0
    for paragraph in body.split("\n\n"):
        begin, end = offset, offset + len(paragraph)
        offset = end + 2
        if not paragraph.strip():
            continue
        segments: list[Segment] = []
        cursor = begin
        for s, e in spans:
            s, e = max(s, cursor), min(e, end)
            if s >= e:
                continue
            if s > cursor:
                segments.append(Segment(body[cursor:s]))
            segments.append(Segment(body[s:e], True))
            cursor = e
        if cursor < end:
            segments.append(Segment(body[cursor:end]))
        out.append(segments)
    return out


def lifecycle(alert: Alert) -> list[dict[str, Any]]:
    """The three states with their dates, and which one the alert is in."""
    dates = {
        AlertState.SIGNALLED: alert.signalled_on,
        AlertState.CROSSED: alert.crossed_on,
        AlertState.CONFIRMED: alert.confirmed_on,
    }
    return [
        {
            "state": state.value,
            "date": day.isoformat() if day else None,
            "words": STATE_WORDS[state.value],
            "current": state is alert.state,
        }
        for state, day in dates.items()
    ]


def alerts_on(alerts: list[Alert], day: Any) -> list[tuple[Alert, str]]:
    """The alerts of a pair that changed state on `day`, with the state they reached."""
    out = []
    for alert in alerts:
        for state, when in (
            ("signalled", alert.signalled_on),
            ("crossed", alert.crossed_on),
            ("confirmed", alert.confirmed_on),
        ):
            if when == day:
                out.append((alert, state))
    return out


def level_chart(view: DyadView, ladder: Ladder) -> dict[str, Any]:
    """Plotly traces and layout of the level over time: steps, with the movers on hover."""
    dates = [c.date.isoformat() for c in view.history]
    hover = []
    for change in view.history:
        lines = [i.description for i in change.items[:6]]
        if len(change.items) > 6:
            lines.append(f"... {len(change.items) - 6} more")
        hover.append("<br>".join(_plain(t) for t in lines) or "level changed")
    end = view.at.isoformat()
    last = view.history[-1] if view.history else None
    asserted = [c.asserted for c in view.history]
    signalled = [c.signalled for c in view.history]
    if last is not None and dates[-1] < end:
        dates, asserted, signalled = (
            dates + [end],
            asserted + [last.asserted],
            signalled + [last.signalled],
        )
        hover.append("today")
    ticks = sorted(ladder.names)
    # Open on the last three years (a pair's history may reach back to 1961); zoom out freely.
    start = view.at.replace(year=view.at.year - 3, day=1)
    shown = [c for c in view.history if c.date >= start]
    notes = [
        {
            "x": c.date.isoformat(),
            "y": c.asserted,
            "text": f"L{c.asserted} {c.date.isoformat()}",
            "showarrow": True,
            "arrowhead": 0,
            "ax": 0,
            "ay": -22,
            "font": {"size": 10},
        }
        for c in shown
    ]
    return {
        "data": [
            {
                "x": dates,
                "y": signalled,
                "name": "signalled",
                "mode": "lines+markers",
                "line": {"shape": "hv", "dash": "dot", "color": "#d08c00"},
                "text": hover,
                "hovertemplate": "%{x}: L%{y} signalled<br>%{text}<extra></extra>",
            },
            {
                "x": dates,
                "y": asserted,
                "name": "asserted (fact)",
                "mode": "lines+markers",
                "line": {"shape": "hv", "color": "#b22222"},
                "text": hover,
                "hovertemplate": "%{x}: L%{y} asserted<br>%{text}<extra></extra>",
            },
        ],
        "layout": {
            "height": 360,
            "margin": {"l": 290, "r": 20, "t": 20, "b": 40},
            "annotations": notes,
            "yaxis": {
                "range": [-0.3, max(ticks, default=7) + 0.3],
                "tickvals": ticks,
                "ticktext": [ladder.name(level) for level in ticks],
            },
            "xaxis": {
                "type": "date",
                "range": [start.isoformat(), (view.at + timedelta(days=45)).isoformat()],
            },
            "legend": {"orientation": "h", "y": -0.15},
        },
    }


def _plain(text: str) -> str:
    """Plotly renders a few HTML tags in hover text: keep article text as plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
