"""Every command of docs/tutorial.md runs, in page order, in an empty folder.

The page's ```console blocks hold the commands (`$ redline ...`); a fenced block right after an
`<!-- file: PATH -->` or `<!-- append: PATH -->` comment is a file the reader is told to write
or extend. Both are replayed here exactly as written, so the tutorial cannot drift from redline.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli.main import cli
from redline.settings import SETTINGS

TUTORIAL = Path(__file__).resolve().parent.parent / "docs" / "tutorial.md"
BLOCK = re.compile(
    r"(?:<!--\s*(?P<action>file|append):\s*(?P<path>\S+)\s*-->\s*\n)?"
    r"```(?P<lang>\w*)\n(?P<body>.*?)```",
    re.S,
)

pytestmark = pytest.mark.model
# Commands that run until stopped: started, checked to answer, then stopped.
SERVERS = ("serve",)
# `redline serve` needs the `web` extra; without it the tutorial's other commands still run.
HAS_WEB = importlib.util.find_spec("fastapi") is not None


def serve_once(command: tuple[str, ...], cwd: Path) -> str:
    """Start `redline serve ...` on a free port, fetch its front page, stop it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redline = Path(sys.executable).parent / "redline"
    server = subprocess.Popen(
        [str(redline), *command[1:], "--port", str(port)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    return str(page.read().decode("utf-8"))
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read() if server.stdout else ""
                    raise AssertionError(f"{' '.join(command)} did not answer:\n{output}") from None
                time.sleep(0.5)
    finally:
        server.terminate()
        server.communicate(timeout=30)  # reaps it and closes its output pipe


@dataclass(frozen=True)
class Step:
    """A command to run, or a file to write (`append` adds to it)."""

    command: tuple[str, ...] = ()
    path: str = ""
    text: str = ""
    append: bool = False


def steps(page: str) -> list[Step]:
    """The page's commands and files, in order."""
    found: list[Step] = []
    for match in BLOCK.finditer(page):
        if match["action"]:
            found.append(
                Step(path=match["path"], text=match["body"], append=match["action"] == "append")
            )
        elif match["lang"] == "console":
            for line in match["body"].splitlines():
                if line.startswith("$ "):
                    found.append(Step(command=tuple(shlex.split(line[2:]))))
    return found


def test_the_page_has_what_the_test_expects() -> None:
    found = steps(TUTORIAL.read_text("utf-8"))
    commands = [s.command for s in found if s.command]
    assert commands[0][:2] == ("redline", "demo")
    assert all(c[0] == "redline" for c in commands), "only redline commands are replayed"
    assert (
        len(commands) >= 12
        and any(s.append for s in found)
        and any(s.path and not s.append for s in found)
    )


def test_every_tutorial_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("REDLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.chdir(tmp_path)
    outputs: dict[str, str] = {}
    for step in steps(TUTORIAL.read_text("utf-8")):
        if step.path:
            target = tmp_path / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            before = target.read_text("utf-8") if step.append else ""
            assert not step.append or before, f"{step.path} must exist before it is extended"
            target.write_text(before + step.text, "utf-8")
            continue
        shown = " ".join(step.command)
        if step.command[1] in SERVERS:
            if HAS_WEB:
                outputs[shown] = serve_once(step.command, tmp_path)
            continue
        result = CliRunner().invoke(cli, list(step.command[1:]))
        assert result.exit_code == 0, f"{shown} failed:\n{result.output}"
        assert result.output.strip(), f"{shown} printed nothing"
        outputs[shown] = result.output
    # What the page says the commands show.
    assert (tmp_path / "tutorial.db").is_file()
    alerts = {k: v for k, v in outputs.items() if k.startswith("redline alerts --rule")}
    defence = next(v for k, v in alerts.items() if "mutual-defence --db" in k)
    assert "signalled 2024-06-17 -> crossed 2024-06-19 -> confirmed 2024-06-20" in defence
    assert "Peskov" in defence
    dyad_18 = next(v for k, v in outputs.items() if "--at 2024-06-18" in k)
    assert "L4 military cooperation" in dyad_18 and "L6 mutual defence" in dyad_18
    if HAS_WEB:
        dashboard = next(v for k, v in outputs.items() if k.startswith("redline serve"))
        assert "mutual-defence" in dashboard
    jets = next(v for k, v in alerts.items() if "fighter-jets" in k)
    assert "CROSSED fighter-jets" in jets and "MiG-29" in jets
