"""The documentation site builds offline without a warning, and its reference pages are current."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def load_script(name: str) -> ModuleType:
    """A script of scripts/ (not a package), imported from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nav_pages(node: object) -> list[str]:
    """Every page file named in mkdocs.yml's nav."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [page for item in node for page in nav_pages(item)]
    if isinstance(node, dict):
        return [page for value in node.values() for page in nav_pages(value)]
    return []


def test_the_site_builds_strictly_and_offline(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    pages = sorted(p.relative_to(site).as_posix() for p in site.glob("*.html"))
    assert {"index.html", "tutorial.html", "cli.html", "architecture.html"} <= set(pages)
    # Nothing the reader's browser would fetch from elsewhere: no remote script or style sheet.
    remote = re.compile(r"<(?:script|link)[^>]+(?:src|href)=\"(?:https?:)?//", re.I)
    for page in site.rglob("*.html"):
        assert not remote.search(page.read_text("utf-8")), f"{page.name} loads a remote asset"


def test_every_nav_entry_is_a_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    pages = nav_pages(config["nav"])
    missing = [page for page in pages if not (DOCS / page).is_file()]
    assert not missing, f"mkdocs.yml names pages that do not exist: {missing}"
    assert len(pages) == len(set(pages))


def test_the_cli_reference_is_current() -> None:
    script = load_script("make_cli_doc")
    current = (DOCS / "cli.md").read_text("utf-8")
    assert script.render() == current, "docs/cli.md is stale: run python scripts/make_cli_doc.py"


def test_every_command_has_a_section_in_the_cli_reference() -> None:
    from redline.cli.main import COMMANDS

    text = (DOCS / "cli.md").read_text("utf-8")
    for name in COMMANDS:
        assert f"## `redline {name}`" in text, name


def test_every_event_field_is_documented() -> None:
    from redline.models import Actor, DatePrecision, Event, EventDate, Evidence, Modality
    from redline.serialize import event_json

    event = Event(
        type="AGREE",
        source=Actor("RUS", "RUS"),
        target=Actor("PRK", "PRK"),
        modality=Modality.ASSERTED,
        evidence=Evidence("d", 0, 0, 1, "x"),
        date=EventDate(None, DatePrecision.DAY),
    )
    record = event_json(event)
    names = set(record) | set(record["evidence"]) | set(record["source"])
    text = (DOCS / "reference-events.md").read_text("utf-8")
    undocumented = sorted(n for n in names if f"`{n}`" not in text)
    assert not undocumented, f"docs/reference-events.md does not describe {undocumented}"


def test_every_rule_field_is_documented() -> None:
    from redline.analysis.conditions import EVENT_FIELDS
    from redline.redlines.hygiene import HYGIENE_FIELDS
    from redline.redlines.rules import CONDITION_KEYS, DOMAINS, RULE_FIELDS, Confirmation

    confirm = [f.name for f in dataclasses.fields(Confirmation)]
    names = [
        *RULE_FIELDS,
        *EVENT_FIELDS,
        *CONDITION_KEYS,
        *HYGIENE_FIELDS,
        *confirm,
        *DOMAINS,
        "at_least",
        "status",
        "automatic",
        "at_most",
        "min_sources",
    ]
    text = (DOCS / "reference-rules.md").read_text("utf-8")
    undocumented = sorted({n for n in names if f"`{n}`" not in text})
    assert not undocumented, f"docs/reference-rules.md does not describe {undocumented}"


def test_every_type_context_and_modality_is_defined() -> None:
    from redline.models import Modality
    from redline.ontology.plover import packaged_ontology

    ontology = packaged_ontology()
    text = (DOCS / "reference-ontology.md").read_text("utf-8")
    for name in ontology.types:
        assert f"### {name}\n" in text, name
    for name in ontology.contexts:
        assert f"`{name}`" in text, name
    for modality in Modality:
        assert f"| `{modality.value}` |" in text, modality


@pytest.mark.parametrize(
    "page", ["index.md", "tutorial.md", "howto-redline.md", "howto-watch.md", "howto-export.md"]
)
def test_pages_only_show_commands_that_exist(page: str) -> None:
    from redline.cli.main import COMMANDS

    text = (DOCS / page).read_text("utf-8")
    # Commands as the reader would type them: in code spans, and on the lines of code blocks.
    code = "\n".join(re.findall(r"```\w*\n(.*?)```", text, re.S))
    shown = set(re.findall(r"`redline ([a-z]+)", text))
    shown |= set(re.findall(r"(?m)^(?:\$ )?redline ([a-z]+)", code))
    assert shown, page
    assert shown <= set(COMMANDS), (
        f"{page} shows commands that do not exist: {shown - set(COMMANDS)}"
    )


def test_the_python_api_page_names_every_method_and_column() -> None:
    from redline import handle

    text = (DOCS / "reference-python.md").read_text("utf-8")
    methods = [n for n in vars(handle.Redline) if not n.startswith("_")]
    assert methods and all(f"`{n}(" in text for n in methods), methods
    for columns in (
        handle.EVENT_COLUMNS,
        handle.ALERT_COLUMNS,
        handle.PAIR_COLUMNS,
        handle.HISTORY_COLUMNS,
        handle.PROVISION_COLUMNS,
    ):
        assert all(f"`{c}`" in text for c in columns), columns
