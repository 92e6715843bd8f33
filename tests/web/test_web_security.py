"""Web safety: escaping of untrusted text, tokens, CSRF, headers, hosts, SQL metacharacters."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from web_helpers import AUTH, config_for, make_client

from redline.redlines.alerts import Alert, AlertEvidence, AlertState, Role
from redline.redlines.repository import AlertRepository
from redline.store import open_store

pytestmark = pytest.mark.model
SCRIPT = "<script>alert('pwned')</script>"
IMG = '<img src=x onerror="alert(1)">'
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "RUS' --",
    "1; SELECT sqlite_version()",
    "%",
    "_",
    "\\",
    "') UNION SELECT * FROM documents --",
]


def hostile_article(client: Any) -> str:
    """Ingest an article whose title and body carry markup; return its id."""
    body = (
        f"Russia and North Korea signed an agreement {SCRIPT} in Moscow on Tuesday. {IMG} "
        "The two sides said the deal covers trade."
    )
    payload = {
        "text": body,
        "title": f"Deal {SCRIPT}",
        "source": f"Wire {IMG}",
        "published_at": "2025-01-07",
    }
    response = client.post("/api/documents", json=payload, headers=AUTH)
    assert response.status_code == 201, response.text
    doc_id = str(response.json()["id"])
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert SCRIPT in stored["title"] and IMG in stored["body"], "the API returns it as stored"
    return doc_id


def assert_escaped(html: str) -> None:
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_article_markup_is_escaped_on_every_page(write_client: Any) -> None:
    doc_id = hostile_article(write_client)
    events = write_client.get("/api/events", params={"doc_id": doc_id}).json()["events"]
    assert any(SCRIPT in e["evidence"]["text"] for e in events), "the sentence was coded"
    for url in (f"/documents/{doc_id}", f"/events?doc_id={doc_id}", "/events?pair=RUS,PRK"):
        html = write_client.get(url).text
        assert_escaped(html)


def test_rule_names_and_titles_are_escaped(demo_copy: Any, pipeline: Any) -> None:
    from redline.web.app import create_app

    store = open_store(f"sqlite:///{demo_copy}")
    evidence = AlertEvidence(
        Role.CROSSED, "nodoc", f"They said {SCRIPT}", "asserted", date(2025, 1, 1)
    )
    alert = Alert(
        rule=f"evil{SCRIPT}",
        title=f"Title {IMG}",
        pair=("RUS", "PRK"),
        state=AlertState.CROSSED,
        severity=f"high{SCRIPT}",
        tier=1,
        signalled_on=None,
        crossed_on=date(2025, 1, 1),
        confirmed_on=None,
        sources=1,
        mentions=1,
        events=1,
        outlets=(f"Outlet {SCRIPT}",),
        evidence=(evidence,),
    )
    AlertRepository(store.engine).replace([alert.rule], [alert])
    store.engine.dispose()
    with make_client(create_app(config_for(demo_copy), lambda: pipeline)) as client:
        for url in ("/", "/alerts", "/alerts/live", f"/alerts/{alert.id}", "/pairs/RUS/PRK"):
            html = client.get(url).text
            assert_escaped(html)
            assert "&lt;img src=x" in html or url in ("/pairs/RUS/PRK",) or "Title" not in html


def test_security_headers_on_pages_api_and_static(read_client: Any) -> None:
    for url in ("/", "/api/health", "/static/app.js", "/nope", "/api/events?limit=0"):
        headers = read_client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    assert read_client.get("/api/health").headers["cache-control"] == "no-store"


def test_pages_run_no_inline_script(read_client: Any) -> None:
    for url in ("/", "/alerts", "/events", "/pairs/RUS/PRK", "/treaties", "/ingest"):
        html = read_client.get(url).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, f"{url}: {tag}"
        assert "onclick" not in html and "javascript:" not in html


def test_foreign_host_header_is_refused(read_client: Any) -> None:
    """A DNS-rebinding page reaches the loopback server under its own host name."""
    response = read_client.get("/api/health", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_reads_need_the_token_beyond_loopback(demo_db: Any, pipeline: Any) -> None:
    from redline.web.app import create_app

    app = create_app(config_for(demo_db, reads_need_token=True), lambda: pipeline)
    with make_client(app) as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/alerts").status_code == 401
        assert client.get("/api/events", headers=AUTH).status_code == 200


def csrf_of(client: Any) -> str:
    html = client.get("/ingest").text
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found is not None
    return found.group(1)


def test_dashboard_form_needs_the_csrf_token(write_client: Any) -> None:
    form = {
        "text": "Russia and North Korea held talks in Moscow on Monday.",
        "token": AUTH["Authorization"].split()[1],
        "published_at": "2025-02-03",
    }
    assert write_client.post("/ingest", data=form).status_code == 403
    token = csrf_of(write_client)
    wrong = write_client.post("/ingest", data={**form, "csrf_token": "0" * 64})
    assert wrong.status_code == 403 and "CSRF" in wrong.text
    # A page of another site cannot read the cookie; without it the token is worthless.
    cookieless = make_client(write_client.app)
    assert cookieless.post("/ingest", data={**form, "csrf_token": token}).status_code == 403
    bad_token = write_client.post("/ingest", data={**form, "csrf_token": token, "token": "x"})
    assert bad_token.status_code == 403 and "API token" in bad_token.text
    before = write_client.get("/api/health").json()["counts"]["documents"]
    done = write_client.post("/ingest", data={**form, "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/alerts"
    assert write_client.get("/api/health").json()["counts"]["documents"] == before + 1


def test_csrf_cookie_is_strict(read_client: Any) -> None:
    client = make_client(read_client.app)
    cookie = client.get("/ingest").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


@pytest.mark.parametrize("payload", SQL)
def test_sql_metacharacters_through_every_filter(read_client: Any, payload: str) -> None:
    counts = read_client.get("/api/health").json()["counts"]
    for name in ("actor", "type", "doc_id"):
        response = read_client.get("/api/events", params={name: payload})
        assert response.status_code in (200, 422), (name, response.text)
        if response.status_code == 200:
            assert response.json()["events"] == [], name
    for pair in (f"RUS,{payload}", f"{payload},PRK"):
        response = read_client.get("/api/events", params={"pair": pair})
        assert response.status_code in (200, 422)
        if response.status_code == 200:
            assert response.json()["events"] == []
        treaty = read_client.get("/api/treaties", params={"pair": pair})
        assert treaty.status_code in (200, 422)
        if treaty.status_code == 200:
            assert treaty.json()["treaties"] == []
    assert read_client.get("/api/alerts", params={"rule": payload}).json() == {"alerts": []}
    assert read_client.get("/api/events", params={"modality": payload}).status_code == 422
    assert read_client.get("/api/alerts", params={"state": payload}).status_code == 422
    for url in (f"/api/documents/{payload}", f"/api/alerts/{payload}"):
        assert read_client.get(url).status_code in (404, 422)
    diff = read_client.get("/api/treaties/diff", params={"a": payload, "b": payload})
    assert diff.status_code == 404
    for params in ({"actor": payload}, {"type": payload}, {"pair": f"RUS,{payload}"}):
        assert read_client.get("/events", params=params).status_code in (200, 422)
    assert read_client.get("/treaties", params={"a": payload, "b": payload}).status_code == 422
    assert read_client.get("/api/health").json()["counts"] == counts
