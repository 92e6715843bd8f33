"""Every API endpoint in-process over the demo store: answers, auth refusals, bad parameters."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import AUTH, config_for, make_client

pytestmark = pytest.mark.model


def test_health_counts_the_demo(read_client: Any) -> None:
    body = read_client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] >= 30 and body["counts"]["events"] > 100


def test_documents_page_and_one_document(read_client: Any) -> None:
    listing = read_client.get("/api/documents", params={"limit": 5}).json()
    assert len(listing["documents"]) == 5 and listing["total"] >= 30
    assert "body" not in listing["documents"][0]
    second = read_client.get("/api/documents", params={"limit": 5, "offset": 5}).json()
    assert {d["id"] for d in second["documents"]}.isdisjoint(d["id"] for d in listing["documents"])
    doc_id = listing["documents"][0]["id"]
    doc = read_client.get(f"/api/documents/{doc_id}").json()
    assert doc["body"] and doc["outlets"]
    assert all(e["evidence"]["doc_id"] == doc_id for e in doc["events"])


def test_events_filter_like_the_cli(read_client: Any) -> None:
    body = read_client.get(
        "/api/events",
        params={
            "pair": "RUS,PRK",
            "type": "AGREE",
            "modality": "asserted",
            "since": "2024-06-19",
            "until": "2024-06-19",
        },
    ).json()
    assert body["events"], "the treaty signing is an asserted AGREE on 2024-06-19"
    for event in body["events"]:
        assert event["type"] == "AGREE" and event["modality"] == "asserted"
        assert event["date"] == "2024-06-19"
        assert {event["source"]["country"], event["target"]["country"]} == {"RUS", "PRK"}
    assert set(body["events"][0]) >= {"id", "type", "source", "target", "date", "evidence"}


def test_events_page_on_with_next_offset(read_client: Any) -> None:
    first = read_client.get("/api/events", params={"limit": 3}).json()
    assert first["next_offset"] == 3
    second = read_client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in second["events"])


def test_events_export_csv_and_jsonl(read_client: Any) -> None:
    csv_text = read_client.get(
        "/api/events/export", params={"pair": "RUS,PRK", "format": "csv"}
    ).text
    assert csv_text.splitlines()[0] == "id,date,type,source,target,modality,doc_id,evidence"
    lines = read_client.get("/api/events/export", params={"actor": "KOR"}).text.splitlines()
    assert lines and all('"id"' in line for line in lines)


def test_actors_and_pairs(read_client: Any) -> None:
    actors = read_client.get("/api/actors").json()["actors"]
    russia = next(a for a in actors if a["code"] == "RUS")
    assert russia["name"] == "Russia" and russia["events"] > 10
    pairs = read_client.get("/api/pairs").json()["pairs"]
    assert pairs[0]["pair"] == ["PRK", "RUS"]


def test_pair_level_and_history(read_client: Any) -> None:
    body = read_client.get("/api/pairs/RUS/PRK", params={"at": "2024-06-19"}).json()
    assert body["level_asserted"] == 6
    history = {h["date"]: h["level_asserted"] for h in body["history"]}
    assert history["2024-06-19"] == 6
    assert body["responses"], "the playbook has responses from level 6"
    before = read_client.get("/api/pairs/prk/rus", params={"at": "2024-06-18"}).json()
    assert before["level_asserted"] < 6


def test_pair_series(read_client: Any) -> None:
    body = read_client.get("/api/pairs/RUS/PRK/series", params={"period": "quarter"}).json()
    assert body["series"] and all("-Q" in p["period"] for p in body["series"])


def test_treaties_list_and_diff(read_client: Any) -> None:
    treaties = read_client.get("/api/treaties", params={"pair": "RUS,PRK"}).json()["treaties"]
    assert any(t["key"].startswith("2024-") for t in treaties)
    diff = read_client.get(
        "/api/treaties/diff", params={"a": "1961-ussr-dprk", "b": "2024-russia-dprk"}
    ).json()
    defense = [r for r in diff["rows"] if r["type"] == "DEFENSE"]
    assert defense and all(r["status"] in {"same", "changed", "added", "removed"} for r in defense)
    changed = read_client.get(
        "/api/treaties/diff",
        params={"a": "1961-ussr-dprk", "b": "2024-russia-dprk", "changes_only": True},
    ).json()
    assert all(r["status"] != "same" for r in changed["rows"])


def test_redlines_and_alerts(read_client: Any) -> None:
    rules = read_client.get("/api/redlines").json()["redlines"]
    assert "mutual-defence" in {r["id"] for r in rules}
    alerts = read_client.get("/api/alerts").json()["alerts"]
    defence = next(a for a in alerts if a["rule"] == "mutual-defence")
    assert defence["crossed_on"] == "2024-06-19"
    assert any("Article 4" in e["text"] for e in defence["evidence"])
    assert "responses" in defence
    one = read_client.get(f"/api/alerts/{defence['id']}").json()
    assert one == defence
    crossed = read_client.get("/api/alerts", params={"state": "confirmed"}).json()["alerts"]
    assert all(a["state"] == "confirmed" for a in crossed)
    assert read_client.get("/api/alerts", params={"rule": "nope"}).json() == {"alerts": []}


@pytest.mark.parametrize(
    ("url", "params", "words"),
    [
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 5000}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"since": "yesterday"}, "since"),
        ("/api/events", {"since": "2024-02-30"}, "since"),
        ("/api/events", {"since": "2024-06-20", "until": "2024-06-19"}, "after until"),
        ("/api/events", {"modality": "probable"}, "modality"),
        ("/api/events", {"pair": "RUS"}, "pair must be two codes"),
        ("/api/events", {"pair": "RUS,PRK,CHN"}, "pair must be two codes"),
        ("/api/events", {"actor": "X" * 65}, "actor"),
        ("/api/events/export", {"format": "xml"}, "format"),
        ("/api/pairs/RUSSIA/PRK", {}, "path parameter 'a'"),
        ("/api/pairs/RUS/PRK", {"at": "06/19/2024"}, "at"),
        ("/api/pairs/RUS/PRK/series", {"period": "week"}, "period"),
        ("/api/alerts", {"state": "open"}, "state"),
        ("/api/treaties/diff", {"a": "1961-ussr-dprk"}, "'b'"),
        ("/api/documents", {"limit": "many"}, "limit"),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(
    read_client: Any, url: str, params: dict[str, Any], words: str
) -> None:
    response = read_client.get(url, params=params)
    assert response.status_code == 422, response.text
    assert words in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    ["/api/documents/nope", "/api/alerts/nope", "/api/nope"],
)
def test_unknown_things_are_404(read_client: Any, url: str) -> None:
    response = read_client.get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_diff_of_unknown_text_is_404(read_client: Any) -> None:
    response = read_client.get("/api/treaties/diff", params={"a": "../../etc/passwd", "b": "x"})
    assert response.status_code == 404
    assert "no treaty text or stored document" in response.json()["detail"]


def test_ingest_refuses_without_the_token(write_client: Any) -> None:
    payload = {"text": "Russia and North Korea held talks in Moscow on Monday."}
    missing = write_client.post("/api/documents", json=payload)
    assert missing.status_code == 401 and "Bearer" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = write_client.post(
        "/api/documents", json=payload, headers={"Authorization": "Bearer wrong"}
    )
    assert wrong.status_code == 401
    basic = write_client.post(
        "/api/documents",
        json=payload,
        headers={"Authorization": AUTH["Authorization"].replace("Bearer", "Basic")},
    )
    assert basic.status_code == 401
    assert write_client.get("/api/health").json()["counts"]["documents"] >= 30


def test_ingest_is_disabled_without_a_configured_token(demo_copy: Any, pipeline: Any) -> None:
    from redline.web.app import create_app

    app = create_app(config_for(demo_copy, api_token=None), lambda: pipeline)
    with make_client(app) as client:
        response = client.post("/api/documents", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 403
    assert "REDLINE_API_TOKEN" in response.json()["detail"]


def test_ingest_codes_the_article_and_evaluates_red_lines(write_client: Any) -> None:
    text = (
        "China and Vietnam signed a border trade agreement in Hanoi on Tuesday, the two "
        "foreign ministries said."
    )
    payload = {
        "text": text,
        "title": "Border deal",
        "source": "Test Wire",
        "source_country": "GBR",
        "published_at": "2025-03-04",
    }
    response = write_client.post("/api/documents", json=payload, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["new"] == 1 and body["events"] >= 1 and body["problems"] == []
    assert write_client.get(f"/api/documents/{body['id']}").json()["title"] == "Border deal"
    events = write_client.get("/api/events", params={"pair": "CHN,VNM"}).json()["events"]
    assert any(e["type"] == "AGREE" for e in events)
    again = write_client.post("/api/documents", json=payload, headers=AUTH)
    assert again.status_code == 200 and again.json()["seen"] == 1
    # The alerts were re-evaluated, and the demo's are still there.
    assert len(write_client.get("/api/alerts").json()["alerts"]) == 3


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({}, "exactly one of 'text'"),
        ({"text": "a", "url": "https://example.org/"}, "exactly one of 'text'"),
        ({"text": "   "}, "'text' is empty"),
        ({"text": "Talks.", "published_at": "last week"}, "bad date"),
        ({"text": "Talks.", "source_country": "Korea"}, "source_country"),
        ({"text": "Talks.", "colour": "red"}, "colour"),
        ({"text": 5}, "text"),
        ({"url": "http://127.0.0.1:1/"}, "nothing was ingested"),
        ({"url": "file:///etc/passwd"}, "url"),
        ({"url": "/etc/passwd"}, "url"),
        ({"url": "."}, "url"),
    ],
)
def test_ingest_bad_input_is_422_with_the_reason(
    write_client: Any, payload: dict[str, Any], words: str
) -> None:
    response = write_client.post("/api/documents", json=payload, headers=AUTH)
    assert response.status_code == 422, response.text
    assert words in response.json()["detail"]


def test_ingest_rejects_a_non_json_body(write_client: Any) -> None:
    response = write_client.post(
        "/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]
