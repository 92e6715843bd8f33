"""The dashboard in a real browser (Debian chromium via Playwright) over a live server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, browser_page
from web_helpers import AUTH

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (make browser)"),
]
TIMEOUT = 15_000


def test_pair_view_reaches_l6_and_leads_to_the_article_4_evidence(
    demo_db: Path, live_server: Any
) -> None:
    with live_server(demo_db) as server, browser_page() as (page, problems):
        page.goto(f"{server.url}/pairs/RUS/PRK?at=2024-12-31")
        row = page.locator('tr.change[data-date="2024-06-19"]')
        assert row.locator("td.asserted").inner_text() == "L6"
        # The chart was drawn by Plotly (served from the package), with both step lines.
        page.wait_for_selector("#level-chart[data-drawn=true] .scatterlayer", timeout=TIMEOUT)
        assert page.locator("#level-chart .scatterlayer .trace").count() == 2
        page.wait_for_selector("#series-chart[data-drawn]", timeout=TIMEOUT)
        row.locator("a.alert-link", has_text="mutual-defence").click()
        page.wait_for_url("**/alerts/*")
        assert "mutual military intervention" in page.title() or "mutual-defence" in page.content()
        marks = page.locator("article.evidence-article mark.evidence")
        texts = [marks.nth(i).inner_text() for i in range(marks.count())]
        assert any("Article 4" in t for t in texts), texts
        article_4 = page.locator("mark.evidence", has_text="Under Article 4").first
        assert article_4.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        crossed = page.locator('ol.lifecycle li[data-state="crossed"]')
        assert "2024-06-19" in crossed.inner_text()
        assert page.locator("span.modality", has_text="reported as fact").count() >= 1
        assert page.locator("ul.responses li").count() >= 1
        assert problems == []


def test_script_in_an_article_is_shown_as_text_not_run(demo_copy: Path, live_server: Any) -> None:
    import httpx

    body = (
        "Russia and North Korea signed an agreement <script>window.pwned = 1</script> in "
        'Moscow on Tuesday. <img src=x onerror="window.pwned = 2"> Trade will grow.'
    )
    with live_server(demo_copy) as server, browser_page() as (page, problems):
        response = httpx.post(
            f"{server.url}/api/documents",
            json={"text": body, "title": "<b>Bold</b> <script>window.pwned = 3</script>"},
            headers=AUTH,
            timeout=60,
        )
        assert response.status_code == 201, response.text
        page.goto(f"{server.url}/documents/{response.json()['id']}")
        assert page.evaluate("window.pwned") is None
        assert "<script>window.pwned = 3</script>" in page.locator("#doc-title").inner_text()
        assert "<script>window.pwned = 1</script>" in page.locator("#doc-body").inner_text()
        assert page.locator("#doc-body img, #doc-title b").count() == 0
        page.goto(f"{server.url}/events?doc_id={response.json()['id']}")
        assert page.evaluate("window.pwned") is None
        assert problems == []


def test_new_alerts_appear_without_reload(demo_copy: Path, live_server: Any) -> None:
    """Alerts are cleared, the page is open; an ingest re-evaluates them and the list updates.

    A refresh re-evaluates the pairs the new document touches, so it reports a RUS-PRK event."""
    import sqlite3

    import httpx

    with sqlite3.connect(demo_copy) as conn:
        conn.execute("DELETE FROM alert_evidence")
        conn.execute("DELETE FROM alerts")
    with live_server(demo_copy, poll_seconds=1) as server, browser_page() as (page, problems):
        page.goto(f"{server.url}/alerts")
        assert page.locator("#alert-list p.empty").count() == 1
        page.evaluate("window.notReloaded = true")
        response = httpx.post(
            f"{server.url}/api/documents",
            json={
                "text": "Russian and North Korean diplomats met in Moscow on Monday.",
                "published_at": "2025-06-02",
                "source": "Live Wire",
            },
            headers=AUTH,
            timeout=60,
        )
        assert response.status_code == 201, response.text
        page.wait_for_selector('#alert-list tr[data-rule="mutual-defence"]', timeout=TIMEOUT)
        assert page.evaluate("window.notReloaded") is True
        assert page.locator("#alert-list tr.alert-row").count() == 3
        assert problems == []


def test_main_pages_render_offline(demo_db: Path, live_server: Any) -> None:
    """Every page loads with no request leaving the server (no CDN) and no console error."""
    with live_server(demo_db) as server, browser_page() as (page, problems):
        foreign: list[str] = []
        page.on(
            "request",
            lambda req: None if req.url.startswith(server.url) else foreign.append(req.url),
        )
        for path in (
            "/",
            "/alerts",
            "/events?pair=RUS,PRK",
            "/treaties?a=1961-ussr-dprk&b=2024-russia-dprk",
            "/ingest",
        ):
            page.goto(f"{server.url}{path}")
            page.wait_for_load_state("networkidle")
            assert page.locator("h1").count() >= 1, path
            if path.startswith("/treaties"):
                rows = page.locator("table.diff tr.status-changed, table.diff tr.status-added")
                assert rows.count() >= 1
        assert foreign == [] and problems == []
