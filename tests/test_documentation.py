"""Every setting and every command is documented (datasette's rule); failures name the gap."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import click
import pytest

from redline.cli.main import COMMANDS, cli
from redline.settings import SETTINGS, Setting

ROOT = Path(__file__).resolve().parent.parent
CONFIGURATION = ROOT / "docs" / "configuration.md"


def load_doc_script() -> ModuleType:
    """scripts/make_settings_doc.py, imported from its file (scripts/ is not a package)."""
    path = ROOT / "scripts" / "make_settings_doc.py"
    spec = importlib.util.spec_from_file_location("make_settings_doc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def command_names() -> list[str]:
    """Every command in the registry, with the subcommands of groups ("treaty diff")."""
    ctx = click.Context(cli)
    names: list[str] = []

    def walk(name: str, command: click.Command | None) -> None:
        assert command is not None, f"{name} is registered but cannot be loaded"
        names.append(name)
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                walk(f"{name} {sub}", command.get_command(ctx, sub))

    for name in COMMANDS:
        walk(name, cli.get_command(ctx, name))
    return names


def user_docs() -> str:
    """README.md and every written page under docs/ (not the CLI reference generated from --help,
    which would document every command by construction)."""
    written = [p for p in sorted((ROOT / "docs").glob("*.md")) if p.name != "cli.md"]
    pages = [ROOT / "README.md", *written]
    return "\n".join(page.read_text("utf-8") for page in pages)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_configuration_page(setting: Setting) -> None:
    text = CONFIGURATION.read_text("utf-8")
    assert f"`{setting.name}`" in text and f"`{setting.env}`" in text, (
        f"setting {setting.name} ({setting.env}) is missing from {CONFIGURATION}: "
        "run python scripts/make_settings_doc.py"
    )


def test_the_settings_table_is_current() -> None:
    script = load_doc_script()
    current = CONFIGURATION.read_text("utf-8")
    assert script.render(current) == current, "run python scripts/make_settings_doc.py"


def test_every_setting_has_help_and_its_own_variable() -> None:
    names = [s.name for s in SETTINGS]
    variables = [s.env for s in SETTINGS]
    assert len(set(names)) == len(names) and len(set(variables)) == len(variables)
    for setting in SETTINGS:
        assert setting.help.strip(), setting.name
        assert setting.env == f"REDLINE_{setting.name.upper()}", setting.name


def test_command_names_include_every_registered_command() -> None:
    assert set(COMMANDS) <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented(name: str) -> None:
    pattern = r"redline\s+" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])"
    assert re.search(pattern, user_docs()), (
        f"`redline {name}` is not mentioned in README.md or docs/*.md"
    )
