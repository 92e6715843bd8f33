"""The rule editor and backtest in the dashboard and the JSON API, over the demo store.

The expected dates are those of tests/redlines/test_backtest.py (the end-to-end red-lines
test): mutual-defence signalled 2024-06-17, crossed 2024-06-19, confirmed 2024-06-20.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, browser_page

from redline.redlines.rules import default_rules_path

pytestmark = pytest.mark.model
RANGE = {"from": "2023-01-01", "to": "2025-12-31"}
MUTUAL_DEFENCE = {"signalled": "2024-06-17", "crossed": "2024-06-19", "confirmed": "2024-06-20"}
SCRIPT_RULE = """\
redlines:
  - id: probe
    title: Aid <script>window.pwned = 1</script> probe
    pair: [RUS, PRK]
    when:
      event: {types: [AID], contexts: [military]}
"""
BROKEN = """\
redlines:
  - id: probe
    title: Broken
    when:
      event: {types: [NOT_A_TYPE]}
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def csrf_of(client: Any) -> str:
    """The CSRF token of the editor form (the GET also sets the cookie)."""
    html = client.get("/redlines").text
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the editor form carries no CSRF token"
    return found.group(1)


def test_api_backtest_of_the_default_rules_gives_the_end_to_end_dates(
    read_client: Any, demo_db: Path
) -> None:
    before = digest(demo_db)
    rules = default_rules_path().read_text("utf-8")
    response = read_client.post("/api/redlines/backtest", json={"rules": rules, **RANGE})
    assert response.status_code == 200, response.text
    body = response.json()
    rule = next(r for r in body["rules"] if r["rule"] == "mutual-defence")
    dates = {t["state"]: t["on"] for t in rule["transitions"] if t["pair"] == ["RUS", "PRK"]}
    assert dates == MUTUAL_DEFENCE
    assert all(t["evidence"] and t["evidence"][0]["text"] for t in rule["transitions"])
    assert body["per_month"]["2024-06"]["mutual-defence"] == 3
    assert digest(demo_db) == before  # nothing written to the store


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"rules": "redlines:\n  - id: a: b\n", **RANGE}, 422, "edited rules:2"),
        ({"rules": BROKEN, **RANGE}, 422, ":5"),
        ({"rules": "x" * (64 * 1024 + 1), **RANGE}, 413, "at most 65,536"),
        ({"rules": SCRIPT_RULE, "from": "2025-01-01", "to": "2024-01-01"}, 422, "before"),
        ({"rules": SCRIPT_RULE, "from": "2024-02-30", "to": "2024-03-01"}, 422, "'from'"),
        ({"rules": SCRIPT_RULE, "from": "1900-01-01", "to": "2024-03-01"}, 422, "50 years"),
        ({"rules": SCRIPT_RULE, "from": "2024-01-01"}, 422, "'to'"),
        ({"rules": SCRIPT_RULE, "from": "0001-01-01", "to": "0001-01-02"}, 422, "between"),
        ({"rules": "a: &x [1]\nb: *x\n", **RANGE}, 422, "edited rules:1: anchors"),
        ({"rules": "redlines: " + "[" * 5000, **RANGE}, 422, "nested more than"),
        ({"rules": "redlines:\n  - \x00", **RANGE}, 422, "unacceptable character"),
    ],
)
def test_api_backtest_refuses_bad_input_with_a_clear_4xx(
    read_client: Any, body: dict[str, Any], status: int, words: str
) -> None:
    response = read_client.post("/api/redlines/backtest", json=body)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]


def test_page_lists_the_rules_and_preloads_the_editor(read_client: Any) -> None:
    html = read_client.get("/redlines").text
    assert '<a href="/redlines">Red lines</a>' in html
    assert "mutual-defence" in html and "copy the YAML into your rules file" in html
    assert "id: mutual-defence" in html  # the default YAML is in the textarea
    one = read_client.get("/redlines?rule=joint-combat").text
    editor = one.split("<textarea", 1)[1].split("</textarea>", 1)[0]
    assert "joint-combat" in editor and "mutual-defence" not in editor
    missing = read_client.get("/redlines?rule=nope")
    assert missing.status_code == 200 and "no configured rule" in missing.text


def test_forms_need_the_csrf_token(read_client: Any) -> None:
    form = {"rules": SCRIPT_RULE, **RANGE}
    csrf_of(read_client)
    for url in ("/redlines/validate", "/redlines/backtest"):
        assert read_client.post(url, data=form).status_code == 403
        wrong = read_client.post(url, data={**form, "csrf_token": "0" * 64})
        assert wrong.status_code == 403 and "CSRF" in wrong.text


def test_validate_and_backtest_forms_escape_the_rule_text(read_client: Any) -> None:
    form = {"rules": SCRIPT_RULE, **RANGE, "csrf_token": csrf_of(read_client)}
    valid = read_client.post("/redlines/validate", data=form)
    assert valid.status_code == 200 and "Valid: 1 rule (probe)" in valid.text
    broken = read_client.post("/redlines/validate", data={**form, "rules": BROKEN})
    assert "edited rules:5" in broken.text and "NOT_A_TYPE" in broken.text
    done = read_client.post("/redlines/backtest", data=form)
    assert done.status_code == 200, done.text
    assert "Aid &lt;script&gt;window.pwned = 1&lt;/script&gt; probe" in done.text
    assert "<script>" not in done.text
    assert "2024-06" in done.text  # the probe fires on the demo's military aid
    bad_dates = read_client.post("/redlines/backtest", data={**form, "to": "2022-01-01"})
    assert "is before" in bad_dates.text


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (make browser)")
def test_browser_backtest_shows_the_mutual_defence_crossing(
    demo_db: Path, live_server: Any
) -> None:
    with live_server(demo_db) as server, browser_page() as (page, problems):
        page.goto(f"{server.url}/redlines")
        page.fill('input[name="from"]', "2024-01-01")
        page.fill('input[name="to"]', "2024-12-31")
        page.get_by_role("button", name="Backtest").click()
        crossed = page.locator("#bt-mutual-defence tr.step-crossed")
        crossed.wait_for(timeout=20_000)
        assert "2024-06-19" in crossed.inner_text()
        assert page.url.endswith("/redlines")  # htmx swapped the fragment in place
        assert problems == []
