"""Options and helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from redline.errors import RedlineError

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "Database URL (SQLAlchemy form, e.g. sqlite:///events.db or "
    "postgresql+psycopg://user@host/db). Default: $REDLINE_DB, else redline.db in your "
    "user data directory."
)


def db_option(func: F) -> F:
    """Add `--db URL` to a command."""
    return click.option("--db", "db_url", metavar="URL", envvar="REDLINE_DB", help=DB_HELP)(func)


def fail(error: RedlineError) -> click.ClickException:
    """A click error carrying a redline error's message and code."""
    return click.ClickException(str(error))
