"""`redline doctor` on real files and a real SQLite database (and PostgreSQL when one answers)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from redline.cli import doctor_checks
from redline.cli.doctor_checks import Extra, Status, check_python
from redline.cli.main import cli
from redline.settings import SETTINGS
from redline.store import open_store


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No REDLINE_* variable from the caller's shell; user folders inside tmp_path."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("REDLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


@pytest.fixture()
def migrated(tmp_path: Path) -> str:
    """The URL of a fresh SQLite database migrated to the newest schema."""
    url = f"sqlite:///{tmp_path / 'redline.db'}"
    open_store(url).engine.dispose()
    return url


@pytest.fixture()
def config(tmp_path: Path) -> Path:
    """The starter config, as `redline init` writes it."""
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "desk")])
    assert result.exit_code == 0, result.output
    return tmp_path / "desk" / "config.toml"


def doctor(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(cli, ["doctor", "--json", *args], env=env)
    return result.exit_code, json.loads(result.output)


def rows(checks: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [check for check in checks if check["name"] == name]


@pytest.mark.model
def test_a_fresh_migrated_database_passes(migrated: str, config: Path) -> None:
    code, checks = doctor("--db", migrated, "--config", str(config))
    assert code == 0, checks
    assert all(check["status"] != "error" for check in checks)
    (database,) = rows(checks, "database")
    assert database["status"] == "ok" and "newest revision" in database["detail"]
    (model,) = rows(checks, "model")
    assert model["status"] == "ok" and "match checksums" in model["detail"]
    (settings,) = rows(checks, "config")
    assert settings["status"] == "ok" and str(config) in settings["detail"]
    assert {c["name"] for c in checks} >= {"python", "extra: postgres", "extra: web"}


@pytest.mark.model
def test_the_table_names_each_check_and_counts_them(migrated: str, config: Path) -> None:
    result = CliRunner().invoke(cli, ["doctor", "--db", migrated, "--config", str(config)])
    assert result.exit_code == 0, result.output
    for word in ("check", "status", "detail", "fix", "python", "model", "database"):
        assert word in result.output
    assert result.output.rstrip().endswith("0 errors")


def test_a_tampered_config_fails_with_a_clear_message(migrated: str, config: Path) -> None:
    text = config.read_text("utf-8").replace("# max_bytes = 20_000_000", 'max_bytes = "20MB"')
    config.write_text(text, "utf-8")
    code, checks = doctor("--db", migrated, "--config", str(config))
    assert code == 1
    (problem,) = rows(checks, "config")
    assert problem["status"] == "error"
    assert str(config) in problem["detail"] and "'max_bytes'" in problem["detail"]
    assert "expected an integer, got a string ('20MB')" in problem["detail"]
    assert "docs/configuration.md" in problem["fix"]


@pytest.mark.model
def test_the_table_shows_the_config_error(migrated: str, config: Path) -> None:
    config.write_text("colour = 'red'\n", "utf-8")
    result = CliRunner().invoke(cli, ["doctor", "--db", migrated, "--config", str(config)])
    assert result.exit_code == 1
    assert "unknown setting 'colour'" in result.output
    assert result.output.rstrip().endswith("1 error")


def test_the_database_comes_from_the_config_without_db(migrated: str, config: Path) -> None:
    config.write_text(f'db = "{migrated}"\n', "utf-8")
    _, checks = doctor("--config", str(config))
    (database,) = rows(checks, "database")
    assert database["status"] == "ok" and migrated in database["detail"]


def test_the_config_named_by_redline_config_is_checked(migrated: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("batch_size = [\n", "utf-8")
    code, checks = doctor("--db", migrated, env={"REDLINE_CONFIG": str(broken)})
    assert code == 1
    assert "is not valid TOML" in rows(checks, "config")[0]["detail"]


def test_a_bad_variable_is_an_error_of_its_own(migrated: str, config: Path) -> None:
    code, checks = doctor(
        "--db", migrated, "--config", str(config), env={"REDLINE_BATCH_SIZE": "many"}
    )
    assert code == 1
    (problem,) = rows(checks, "environment")
    assert "REDLINE_BATCH_SIZE" in problem["detail"] and problem["status"] == "error"
    assert rows(checks, "config")[0]["status"] == "ok"


def test_missing_and_invalid_rule_files_are_errors(migrated: str, config: Path) -> None:
    folder = config.parent
    (folder / "bad.yaml").write_text("redlines:\n  - id: Bad Id\n    title: x\n", "utf-8")
    config.write_text('rules = "bad.yaml"\nplaybook = "absent.yaml"\n', "utf-8")
    code, checks = doctor("--db", migrated, "--config", str(config))
    assert code == 1
    (rules,) = rows(checks, "rules")
    assert rules["status"] == "error" and "bad.yaml" in rules["detail"]
    (playbook,) = rows(checks, "playbook")
    assert playbook["status"] == "error" and "does not exist" in playbook["detail"]


def test_the_starter_rules_and_playbook_pass(migrated: str, config: Path) -> None:
    config.write_text('rules = "redlines.yaml"\nplaybook = "playbook.yaml"\n', "utf-8")
    _, checks = doctor("--db", migrated, "--config", str(config))
    assert rows(checks, "rules")[0]["detail"].endswith("2 valid rules")
    assert rows(checks, "playbook")[0]["status"] == "ok"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_token_in_a_readable_file_is_a_warning(migrated: str, config: Path) -> None:
    config.write_text('api_token = "secret"\n', "utf-8")
    config.chmod(0o644)
    _, checks = doctor("--db", migrated, "--config", str(config))
    assert any("chmod 600" in c["fix"] and c["status"] == "warning" for c in checks)
    assert not any("secret" in c["detail"] for c in checks)
    config.chmod(0o600)
    _, checks = doctor("--db", migrated, "--config", str(config))
    assert not any("chmod 600" in c["fix"] for c in checks)


def test_an_unmigrated_database_is_a_warning_with_the_fix(tmp_path: Path, config: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    _, checks = doctor("--db", f"sqlite:///{path}", "--config", str(config))
    (database,) = rows(checks, "database")
    assert database["status"] == "warning" and "no redline schema yet" in database["detail"]
    assert "redline events" in database["fix"]


def test_a_missing_database_is_not_created(tmp_path: Path, config: Path) -> None:
    path = tmp_path / "none" / "redline.db"
    _, checks = doctor("--db", f"sqlite:///{path}", "--config", str(config))
    assert rows(checks, "database")[0]["status"] == "warning"
    assert not path.parent.exists()


def test_a_file_that_is_not_a_database_is_an_error(tmp_path: Path, config: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all " * 100, "utf-8")
    code, checks = doctor("--db", f"sqlite:///{path}", "--config", str(config))
    assert code == 1
    assert rows(checks, "database")[0]["status"] == "error"


def test_an_unreachable_postgresql_server_is_an_error(config: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed (the `postgres` extra)")
    # Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    url = "postgresql+psycopg://redline:hunter2@127.0.0.1:1/redline"
    code, checks = doctor("--db", url, "--config", str(config))
    assert code == 1
    (server,) = rows(checks, "postgresql")
    assert server["status"] == "error" and "cannot reach" in server["detail"]
    assert "hunter2" not in json.dumps(checks)
    assert not rows(checks, "database")


def test_an_unsupported_url_is_an_error(config: Path) -> None:
    code, checks = doctor("--db", "not a url", "--config", str(config))
    assert code == 1 and "not a database URL" in rows(checks, "database")[0]["detail"]


def test_an_old_python_is_an_error() -> None:
    assert check_python((3, 10, 4)).status is Status.ERROR
    assert check_python((3, 11, 0)).status is Status.OK


def test_extras_report_present_absent_and_broken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "redline_broken_extra.py").write_text("raise RuntimeError('boom')\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    extras = (
        Extra("present", ("json",), "a test"),
        Extra("absent", ("redline_no_such_module",), "a test"),
        Extra("broken", ("redline_broken_extra",), "a test"),
    )
    monkeypatch.setattr(doctor_checks, "EXTRAS", extras)
    present, absent, broken = doctor_checks.check_extras()
    assert present.status is Status.OK and present.detail.startswith("present")
    assert absent.status is Status.OK and "absent" in absent.detail
    assert absent.fix == "to use it: pip install 'redline[absent]'"
    assert broken.status is Status.WARNING and "boom" in broken.detail
    sys.modules.pop("redline_broken_extra", None)


POSTGRES_ENV = "REDLINE_TEST_POSTGRES_URL"


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """A new, migrated PostgreSQL database on the test server, dropped afterwards."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (the `postgres` extra)")
    admin_url = os.environ.get(
        POSTGRES_ENV, "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    admin = create_engine(
        admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"redline_test_{uuid.uuid4().hex[:16]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except SQLAlchemyError as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server at {admin.url} (set {POSTGRES_ENV}): {exc}")
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    open_store(url).engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.mark.postgres
def test_a_migrated_postgresql_database_passes(postgres_url: str, config: Path) -> None:
    _, checks = doctor("--db", postgres_url, "--config", str(config))
    (server,) = rows(checks, "postgresql")
    assert server["status"] == "ok" and "answers" in server["detail"]
    (database,) = rows(checks, "database")
    assert database["status"] == "ok", database
