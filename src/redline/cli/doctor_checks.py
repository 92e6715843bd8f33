"""The checks `redline doctor` runs: each returns what it found and how to fix a problem."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from redline.errors import ConfigError, DataFileError, ModelError
from redline.redlines.playbook import load_playbook
from redline.redlines.rules import load_rules
from redline.settings import (
    BY_NAME,
    Settings,
    Value,
    combine,
    config_location,
    values_from_environment,
    values_from_file,
)

MINIMUM_PYTHON = (3, 11)
MIGRATE_FIX = (
    "run any redline command once, e.g. `redline events --db URL`: it migrates the database "
    "to the newest schema"
)
URL_FIX = "use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname"
MODEL_FIX = (
    "reinstall the pinned model: `make setup` in a source checkout, or "
    "`pip install --require-hashes --no-deps -r requirements/lock.txt`"
)


class Status(StrEnum):
    """How a check went; any ERROR makes `redline doctor` exit 1."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report."""

    name: str
    status: Status
    detail: str
    fix: str = ""


@dataclass(frozen=True)
class Extra:
    """An optional feature: the modules it needs and the pip extra that installs them."""

    name: str
    modules: tuple[str, ...]
    purpose: str


EXTRAS = (
    Extra("postgres", ("psycopg",), "a PostgreSQL store"),
    Extra("dask", ("dask", "distributed", "pyarrow"), "`redline batch` on a Dask cluster"),
    Extra("pandas", ("pandas",), "DataFrames from the Python API (`redline.open`)"),
    Extra("web", ("fastapi", "uvicorn", "jinja2"), "`redline serve` (API and dashboard)"),
)


def check_python(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Check:
    """The interpreter is new enough."""
    shown = ".".join(map(str, version))
    if version[:2] >= MINIMUM_PYTHON:
        return Check("python", Status.OK, f"Python {shown} at {sys.executable}")
    wanted = ".".join(map(str, MINIMUM_PYTHON))
    return Check(
        "python",
        Status.ERROR,
        f"Python {shown}; redline needs {wanted} or newer",
        f"install Python {wanted}+ and reinstall redline with it (`make setup`)",
    )


def check_config(
    config_path: Path | None, environ: Mapping[str, str]
) -> tuple[list[Check], Settings]:
    """The config file and `REDLINE_*` variables parse; the settings that are in force."""
    path, required = config_location(config_path, environ)
    checks: list[Check] = []
    from_file: dict[str, Value] = {}
    from_environment: dict[str, Value] = {}
    try:
        from_file = values_from_file(path, required)
        checks.append(_config_ok(path, from_file))
    except ConfigError as exc:
        fix = f"correct it in {path} (docs/configuration.md lists the settings), or move the file "
        checks.append(Check("config", Status.ERROR, exc.message, fix + "aside: `redline init`"))
    try:
        from_environment = values_from_environment(environ)
    except ConfigError as exc:
        fix = "correct or unset that variable"
        checks.append(Check("environment", Status.ERROR, exc.message, fix))
    else:
        if from_environment:
            names = ", ".join(BY_NAME[name].env for name in from_environment)
            checks.append(Check("environment", Status.OK, f"set, overriding the file: {names}"))
    settings = combine(path, from_file, from_environment)
    checks.extend(_secret_readable(path, from_file))
    checks.extend(_user_files(settings))
    return checks, settings


def _config_ok(path: Path, from_file: Mapping[str, Value]) -> Check:
    if path.exists():
        return Check("config", Status.OK, f"{path}: sets {', '.join(from_file) or 'nothing'}")
    return Check(
        "config",
        Status.OK,
        f"no config file at {path}: defaults in use",
        "optional: `redline init` writes a commented starter config",
    )


def _secret_readable(path: Path, from_file: Mapping[str, Value]) -> list[Check]:
    if "api_token" not in from_file or os.name != "posix" or not path.stat().st_mode & 0o077:
        return []
    return [
        Check(
            "config",
            Status.WARNING,
            f"{path} holds api_token and other users can read it",
            f"chmod 600 {path}, or set REDLINE_API_TOKEN instead",
        )
    ]


def _user_files(settings: Settings) -> list[Check]:
    """The rules and playbook files the settings name exist and pass their schemas."""
    checks = []
    for name, path in (("rules", settings.rules), ("playbook", settings.playbook)):
        if path is None:
            continue
        where = f"{path} (set in the {settings.sources[name]})"
        if not path.exists():
            fix = f"create it (`redline init` writes an example), or unset {name}"
            checks.append(Check(name, Status.ERROR, f"{where} does not exist", fix))
            continue
        try:
            if name == "playbook":
                load_playbook(path)
                found = "a valid playbook"
            elif path.is_dir():
                found = _rules_folder(path)
            else:
                found = f"{len(load_rules([path], defaults=False).rules)} valid rules"
        except DataFileError as exc:
            checks.append(Check(name, Status.ERROR, exc.message, f"correct {name} in {path}"))
        else:
            checks.append(Check(name, Status.OK, f"{where}: {found}"))
    return checks


def _rules_folder(folder: Path) -> str:
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    if not files:
        return "a folder with no .yaml files: the packaged rules alone apply"
    return f"{len(load_rules(files, defaults=False).rules)} valid rules in {len(files)} files"


def check_model(package: str) -> Check:
    """The spaCy model package is installed and every file matches its checksum."""
    from redline.nlp.model import DEFAULT_MODEL, read_manifest, verify_model

    try:
        directory = verify_model(package)
        count = len(read_manifest(package))
    except ModelError as exc:
        fix = MODEL_FIX
        if package != DEFAULT_MODEL:
            fix = f"set model to {DEFAULT_MODEL} (redline ships its checksums), or " + fix
        return Check("model", Status.ERROR, exc.message, fix)
    return Check("model", Status.OK, f"{package} at {directory}: {count} files match checksums")


def check_store(url: str) -> list[Check]:
    """The database can be reached and is migrated to this redline's newest schema."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return [Check("database", Status.ERROR, f"{url!r} is not a database URL", URL_FIX)]
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database not in ("", ":memory:") and not Path(database).expanduser().exists():
            return [
                Check(
                    "database",
                    Status.WARNING,
                    f"{shown}: no database yet",
                    "`redline demo` tries redline on its own database; `redline ingest PATH` "
                    "creates this one",
                )
            ]
        return [_schema(shown, create_engine(url))]
    if parsed.get_backend_name() != "postgresql":
        only = f"{shown}: redline stores events in SQLite or PostgreSQL only"
        return [Check("database", Status.ERROR, only, URL_FIX)]
    reached = check_postgres(url, shown)
    if reached.status is Status.ERROR:
        return [reached]
    return [reached, _schema(shown, create_engine(url, connect_args={"connect_timeout": 5}))]


def check_postgres(url: str, shown: str) -> Check:
    """A PostgreSQL URL: its driver is installed and the server answers."""
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 5})
    except (ImportError, ArgumentError) as exc:
        return Check(
            "postgresql",
            Status.ERROR,
            f"{shown}: no driver for this URL ({exc})",
            "use a postgresql+psycopg:// URL and `pip install 'redline[postgres]'`",
        )
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
    except SQLAlchemyError as exc:
        return Check(
            "postgresql",
            Status.ERROR,
            f"cannot reach {shown}: {_first_line(exc)}",
            "start the server, or correct host, port, user, password or database in the URL "
            "(`pg_isready -h HOST -p PORT` tells whether it is up)",
        )
    finally:
        engine.dispose()
    return Check("postgresql", Status.OK, f"{shown}: server {version} answers")


def _schema(shown: str, engine: Engine) -> Check:
    from redline.store.database import current_revision, head_revision

    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        return Check(
            "database",
            Status.ERROR,
            f"cannot read {shown}: {_first_line(exc)}",
            "check that the URL names a redline database you can read",
        )
    finally:
        engine.dispose()
    head = head_revision()
    if current == head:
        return Check("database", Status.OK, f"{shown}: schema at the newest revision ({head})")
    found = f"schema at revision {current}" if current else "no redline schema yet"
    return Check(
        "database",
        Status.WARNING,
        f"{shown}: {found}; this redline's newest is {head}",
        MIGRATE_FIX + "; if that fails, the database was made by a newer redline: upgrade",
    )


def _first_line(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def check_extras() -> list[Check]:
    """Which optional features are installed (absent ones are fine unless configured)."""
    return [_extra(extra) for extra in EXTRAS]


def _extra(extra: Extra) -> Check:
    name = f"extra: {extra.name}"
    install = f"pip install 'redline[{extra.name}]'"
    missing = []
    for module in extra.modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                return Check(name, Status.WARNING, f"{module} fails to import: {exc}", install)
            missing.append(module)
        except Exception as exc:  # a broken install can fail in any way
            return Check(name, Status.WARNING, f"{module} fails to import: {exc}", install)
    if missing:
        detail = f"absent ({', '.join(missing)}); optional, for {extra.purpose}"
        return Check(name, Status.OK, detail, f"to use it: {install}")
    return Check(name, Status.OK, f"present, for {extra.purpose}")
