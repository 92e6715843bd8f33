"""Regenerates docs/screenshots/*.png from the demo store (run: pytest -m slow tests/web).

Slow because it builds the pages at full size in a real browser; the images are committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, browser_page
from web_helpers import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (make browser)"),
]
SHOTS = ROOT / "docs" / "screenshots"


def test_screenshots_of_the_main_pages(demo_db: Path, live_server: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with live_server(demo_db) as server, browser_page(1280, 900) as (page, problems):
        page.goto(f"{server.url}/alerts")
        defence = page.locator('tr[data-rule="mutual-defence"] a').first.get_attribute("href")
        pages = {
            "overview": "/",
            "alerts": "/alerts",
            "alert": str(defence),
            "pair": "/pairs/RUS/PRK?at=2025-06-30",
            "events": "/events?pair=RUS,PRK&since=2024-06-01&until=2024-06-30",
            "treaties": "/treaties?a=1961-ussr-dprk&b=2024-russia-dprk",
        }
        for name, path in pages.items():
            page.goto(f"{server.url}{path}")
            if name == "pair":
                page.wait_for_selector("#series-chart[data-drawn]", timeout=15_000)
            page.wait_for_load_state("networkidle")
            target = SHOTS / f"{name}.png"
            page.screenshot(path=str(target), full_page=name != "pair")
            assert target.stat().st_size > 10_000, name
        shoot_backtest(page, server.url, SHOTS / "redlines.png")
        assert problems == []


def shoot_backtest(page: Any, url: str, target: Path) -> None:
    """The rule editor after a backtest of the default rules over 2024."""
    page.goto(f"{url}/redlines")
    page.fill('input[name="from"]', "2024-01-01")
    page.fill('input[name="to"]', "2024-12-31")
    page.get_by_role("button", name="Backtest").click()
    page.locator("#bt-mutual-defence tr.step-crossed").wait_for(timeout=20_000)
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
