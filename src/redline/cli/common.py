"""Options and helpers shared by the commands.

Every command that touches the store or the coder takes its defaults from the settings
(`redline.settings`: built-in default, then config.toml, then `REDLINE_*`), so a user who
sets `db = ...` once in config.toml never has to repeat `--db`. An option given on the
command line wins over all three.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from redline.errors import RedlineError

if TYPE_CHECKING:
    from redline.pipeline import PipelineConfig
    from redline.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "Database URL (SQLAlchemy form, e.g. sqlite:///events.db or "
    "postgresql+psycopg://user@host/db). Default: the `db` setting ($REDLINE_DB or config.toml), "
    "else redline.db in the `data_dir` setting or your user data directory."
)


def fail(error: RedlineError) -> click.ClickException:
    """A click error carrying a redline error's message and code."""
    return click.ClickException(str(error))


def settings() -> Settings:
    """The settings in force (config.toml and `REDLINE_*`); a broken config is a clear error."""
    from redline.settings import load_settings

    try:
        return load_settings()
    except RedlineError as exc:
        raise fail(exc) from exc


def database_url(given: str | None) -> str:
    """`--db` when given, else the configured database (see DB_HELP)."""
    return given or settings().database_url()


def pipeline_config() -> PipelineConfig:
    """The coder's configuration from the settings (`model`, `batch_size`)."""
    from redline.pipeline import PipelineConfig

    found = settings()
    return PipelineConfig(model=found.model, batch_size=found.batch_size)


def _resolve_db(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # Resolved after parsing, so `--help` and usage errors never read the config file.
    return database_url(value)


def db_option(func: F) -> F:
    """Add `--db URL` to a command; the command receives the configured URL when it is absent."""
    return click.option(
        "--db", "db_url", metavar="URL", callback=_resolve_db, help=DB_HELP, expose_value=True
    )(func)


def db_option_as_given(func: F) -> F:
    """`--db URL` without the configured default (`redline doctor` reads its own --config)."""
    return click.option("--db", "db_url", metavar="URL", envvar="REDLINE_DB", help=DB_HELP)(func)


def event_filter_options(func: F) -> F:
    """The event filters of `redline events`, shared by every command that selects events
    (`events`, `export`), so they keep one spelling and one meaning."""
    from redline.models import Modality

    options = [
        click.option(
            "--actor", help="Events with this actor as source or target (code, e.g. RUS)."
        ),
        click.option(
            "--pair", nargs=2, metavar="A B", help="Events between A and B, either direction."
        ),
        click.option(
            "--type", "types", multiple=True, help="PLOVER type (repeatable), e.g. AGREE."
        ),
        click.option(
            "--modality",
            "modalities",
            multiple=True,
            type=click.Choice([m.value for m in Modality]),
            help="Modality (repeatable).",
        ),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Event date on or after."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Event date on or before."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
