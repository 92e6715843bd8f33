"""The rule editor and backtest: `/redlines` in the dashboard, `POST /api/redlines/backtest`.

A rule is tuned before it pages anyone, so the dashboard lets an analyst edit rules YAML,
validate it (errors name the line) and replay the stored history with it. Nothing is saved:
the edited text is parsed in memory, the backtest only reads the store, and the page says to
copy the YAML into a rules file. The JSON endpoint is read-only like the other reads, but it
runs work on a caller's text, so the text and the date range are bounded and every problem is
a 4xx that says what to send.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from redline.analysis.located import load_located
from redline.analysis.located import screen as screen_yaml
from redline.errors import RedlineError
from redline.ontology.plover import packaged_ontology
from redline.redlines.backtest import Backtest, backtest
from redline.redlines.rules import (
    Confirmation,
    RuleSet,
    configured_rules,
    default_rules_path,
    parse_rules,
    read_rules,
)
from redline.web.security import check_csrf, context, require_read

MAX_RULES_BYTES = 64 * 1024
MAX_YEARS = 50
EARLIEST, LATEST = date(1800, 1, 1), date(2200, 12, 31)
EDITED = "edited rules"

api_router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
page_router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


class RulesTooLarge(ValueError):
    """The rules text is over the limit."""


def parse_edited(text: str) -> RuleSet:
    """The rules of an edited YAML text, with the default file's confirmation settings.

    Raises `RulesTooLarge` over 64 KB and `RedlineError` (naming the line) when invalid.
    """
    if len(text.encode("utf-8")) > MAX_RULES_BYTES:
        raise RulesTooLarge(
            f"the rules text is {len(text.encode('utf-8')):,} bytes; at most "
            f"{MAX_RULES_BYTES:,} are accepted"
        )
    screen(text)
    ontology = packaged_ontology()
    _, base = read_rules(default_rules_path(), ontology, Confirmation())
    rules, _ = parse_rules(load_located(text, EDITED), EDITED, ontology, base)
    return RuleSet(tuple(rules))


def screen(text: str) -> None:
    """The checks every data file gets (`analysis.located.screen`), named for the edited text."""
    screen_yaml(text, EDITED)


def range_problem(start: date, end: date) -> str | None:
    """Why a replay range is refused, or None when it is fine."""
    if end < start:
        return f"'to' ({end}) is before 'from' ({start})"
    if start < EARLIEST or end > LATEST:
        return f"dates must lie between {EARLIEST} and {LATEST}"
    if end.year - start.year > MAX_YEARS:
        return f"the range spans more than {MAX_YEARS} years; choose a shorter one"
    return None


def rule_yaml(rule_id: str) -> str | None:
    """The YAML of one configured rule (from the default file or the user's), or None."""
    from redline.settings import load_settings

    paths = [default_rules_path()]
    user = load_settings().rules
    if user is not None:
        paths += sorted([*user.glob("*.yaml"), *user.glob("*.yml")]) if user.is_dir() else [user]
    found = None
    for path in paths:
        try:
            data = yaml.safe_load(Path(path).read_text("utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        for item in (data or {}).get("redlines") or []:
            if isinstance(item, dict) and item.get("id") == rule_id:
                found = item  # later files win, as when loading
    if found is None:
        return None
    return yaml.safe_dump({"redlines": [found]}, sort_keys=False, allow_unicode=True, width=90)


def default_yaml() -> str:
    """The packaged default rules, as the editor starts."""
    return default_rules_path().read_text("utf-8")


def result_view(result: Backtest) -> list[dict[str, Any]]:
    """Per rule: its title, the alerts already open, the transitions with evidence."""
    rules = []
    for rule in result.rules:
        rules.append(
            {
                "id": rule,
                "title": result.titles[rule],
                "before": [a for a in result.before if a.rule == rule],
                "steps": [t for t in result.transitions if t.rule == rule],
            }
        )
    return rules


# --- JSON API ---------------------------------------------------------------------------


class BacktestIn(BaseModel):
    """Rules YAML text and the replay range."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: str = Field(description="Rules YAML (the format of data/redlines/default.yaml).")
    start: date = Field(alias="from", description="First day of the replay, YYYY-MM-DD.")
    end: date = Field(alias="to", description="Last day of the replay, YYYY-MM-DD.")


@api_router.post(
    "/redlines/backtest",
    summary="Backtest rules YAML over the stored history (nothing is saved)",
    responses={
        413: {"description": "Rules text over 64 KB"},
        422: {"description": "Invalid rules (with the line) or date range"},
    },
)
def post_backtest(request: Request, body: BacktestIn) -> dict[str, Any]:
    """`redline redlines backtest --format json` for the rules in the body: per rule when it
    would have signalled, crossed and confirmed, with evidence, and alerts per month."""
    problem = range_problem(body.start, body.end)
    if problem:
        raise HTTPException(422, problem)
    try:
        rules = parse_edited(body.rules)
    except RulesTooLarge as exc:
        raise HTTPException(413, str(exc)) from exc
    except RedlineError as exc:
        raise HTTPException(422, str(exc)) from exc
    try:
        result: dict[str, Any] = backtest(
            context(request).store, rules, body.start, body.end
        ).to_json()
    except ValueError as exc:  # a range the replay refuses
        raise HTTPException(422, str(exc)) from exc
    return result


# --- dashboard --------------------------------------------------------------------------


def _defaults() -> tuple[date, date]:
    today = date.today()
    return date(today.year - 3, 1, 1), today


@page_router.get("/redlines", response_class=HTMLResponse)
def redlines_page(
    request: Request, rule: Annotated[str | None, Query(max_length=200)] = None
) -> Response:
    """The configured rules and the editor, preloaded with the defaults or one rule."""
    from redline.web.views import page

    text = default_yaml()
    problem = None
    if rule:
        chosen = rule_yaml(rule)
        if chosen is None:
            problem = f"no configured rule {rule!r}; the editor shows the default rules"
        else:
            text = chosen
    try:
        configured = list(configured_rules().rules)
    except RedlineError as exc:
        configured, problem = [], f"the configured rules are invalid: {exc}"
    start, end = _defaults()
    return page(
        request,
        "redlines.html",
        configured=configured,
        text=text,
        chosen=rule,
        problem=problem,
        start=start.isoformat(),
        end=end.isoformat(),
    )


RulesField = Annotated[str, Form(max_length=4 * MAX_RULES_BYTES)]
Csrf = Annotated[str, Form(alias="csrf_token", max_length=200)]


@page_router.post("/redlines/validate", response_class=HTMLResponse)
def validate_form(request: Request, rules: RulesField, csrf_token_field: Csrf = "") -> Response:
    """The validation result fragment: the rules found, or the errors with their lines."""
    from redline.web.views import page

    check_csrf(request, csrf_token_field)
    try:
        found = parse_edited(rules)
    except (RulesTooLarge, RedlineError) as exc:
        return page(request, "_rules_check.html", errors=str(exc).splitlines(), found=None)
    return page(request, "_rules_check.html", errors=None, found=list(found.rules))


@page_router.post("/redlines/backtest", response_class=HTMLResponse)
def backtest_form(
    request: Request,
    rules: RulesField,
    csrf_token_field: Csrf = "",
    start: Annotated[str, Form(alias="from", max_length=32)] = "",
    end: Annotated[str, Form(alias="to", max_length=32)] = "",
) -> Response:
    """The backtest fragment of the edited rules; nothing is written anywhere."""
    from redline.web.views import page

    check_csrf(request, csrf_token_field)

    def refuse(message: str) -> Response:
        return page(request, "_rules_check.html", errors=message.splitlines(), found=None)

    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return refuse(f"'from' and 'to' must be dates (YYYY-MM-DD), not {start!r} and {end!r}")
    problem = range_problem(first, last)
    if problem:
        return refuse(problem)
    try:
        edited = parse_edited(rules)
    except (RulesTooLarge, RedlineError) as exc:
        return refuse(str(exc))
    result = backtest(context(request).store, edited, first, last)
    months = {m: c for m, c in result.per_month().items() if any(c.values())}
    return page(
        request,
        "_backtest.html",
        result=result,
        rules=result_view(result),
        months=months,
        total=sum(sum(c.values()) for c in months.values()),
    )
