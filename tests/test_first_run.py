"""A new user's first session, through the installed `redline` command, as README and docs say.

demo -> a confirmed alert; `redline init DIR`; a new rule in the rules file; a folder of the
user's own text files; `redline ingest FOLDER`; `redline alerts` shows the new rule's alert.
Each step runs in a fresh process with an empty home, so nothing from the developer's machine
(config, data, environment) helps it along.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from redline import __version__

REDLINE = Path(sys.executable).parent / "redline"

pytestmark = pytest.mark.model

RULE = """
  - id: fighter-jets
    title: Russia supplies fighter aircraft to North Korea
    pair: [RUS, PRK]
    ordered: true
    severity: high
    tier: 2
    when:
      event:
        types: [AID]
        contexts: [military]
        keywords: ['\\b(fighter|combat) (jets?|aircraft)\\b', '\\bMiG-\\d+']
"""

# The user's own news: one Markdown file with front matter, one plain text file without.
ARTICLES = {
    "harbour-times.md": """---
title: Russia delivers fighter jets to North Korea, Seoul says
date: 2025-03-04
source: Harbour Times
source_country: JPN
---

Russia has delivered a first batch of MiG-29 fighter jets to North Korea, South Korea's defence
ministry said on Tuesday. Officials in Tokyo said they were studying the report.
""",
    "notes.txt": """Satellite images show new hangars at an air base near Pyongyang.

Russia supplied North Korea with MiG-29 fighter jets in February, according to researchers who
studied the images.
""",
}


def run(env: dict[str, str], *args: str, cwd: Path) -> str:
    """Run `redline ARGS` as the user would; fail with its output when it fails."""
    done = subprocess.run(
        [str(REDLINE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"redline {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def fresh_environment(home: Path) -> dict[str, str]:
    """The caller's environment without any REDLINE_* variable, with an empty home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDLINE_", "XDG_"))}
    env.update(HOME=str(home), COLUMNS="200", NO_COLOR="1")
    return env


def test_a_new_user_reaches_their_own_alert(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = fresh_environment(home)

    assert run(env, "--version", cwd=home).strip() == f"redline, version {__version__}"

    # 1. The demo, and the confirmed alert it reports.
    out = run(env, "demo", cwd=home)
    assert re.search(r"mutual-defence RUS-PRK confirmed: signalled 2024-06-17, crossed", out)
    demo_db = re.search(r"The events and alerts are stored in (\S+)\.\n", out)
    assert demo_db, out[-2000:]
    shown = run(env, "alerts", "--rule", "mutual-defence", "--db", demo_db[1], cwd=home)
    assert "CONFIRMED mutual-defence" in shown and "Article 4" in shown

    # 2. The starter files, and what init says to do with them.
    mine = home / "redline"
    out = run(env, "init", str(mine), cwd=home)
    assert f"export REDLINE_CONFIG={mine / 'config.toml'}" in out, out
    env["REDLINE_CONFIG"] = str(mine / "config.toml")

    # 3. A new rule in the rules file, and the config pointed at it (as the init header says).
    rules = mine / "redlines.yaml"
    rules.write_text(rules.read_text("utf-8") + RULE, "utf-8")
    config = mine / "config.toml"
    text = config.read_text("utf-8")
    assert '# rules = "redlines.yaml"\n' in text
    config.write_text(text.replace('# rules = "redlines.yaml"\n', 'rules = "redlines.yaml"\n'))
    assert "valid" in run(env, "redlines", "validate", str(rules), cwd=home)

    # 4. The user's own folder of text files, ingested into their own (configured) database.
    news = home / "my-news"
    news.mkdir()
    for name, body in ARTICLES.items():
        (news / name).write_text(body, "utf-8")
    out = run(env, "ingest", str(news), cwd=home)
    assert "2 new documents" in out, out

    # 5. The new rule's alert, from the store the config names (no --db anywhere).
    out = run(env, "alerts", cwd=home)
    assert re.search(r"(CROSSED|CONFIRMED) fighter-jets \(RUS-PRK", out), out
    assert "MiG-29" in out
    assert "mutual-defence" not in out  # the demo went to its own database
    report = run(env, "doctor", cwd=home)
    assert str(config) in report
