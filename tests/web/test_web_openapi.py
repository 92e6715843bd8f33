"""The checked-in OpenAPI spec matches the app, and a property-based run finds no 500s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_helpers import AUTH, ROOT, config_for

pytestmark = [
    pytest.mark.model,
    pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`"),
]
SPEC = ROOT / "docs" / "openapi.json"


def test_checked_in_spec_matches_the_app() -> None:
    from redline.web.openapi import render, spec

    assert SPEC.read_text("utf-8") == render(spec()), (
        "docs/openapi.json is stale: run python -m redline.web.openapi docs/openapi.json"
    )


def test_spec_lists_every_endpoint() -> None:
    import json

    paths = json.loads(SPEC.read_text("utf-8"))["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/events/export",
        "/api/actors",
        "/api/pairs",
        "/api/pairs/{a}/{b}",
        "/api/pairs/{a}/{b}/series",
        "/api/treaties",
        "/api/treaties/diff",
        "/api/redlines",
        "/api/alerts",
        "/api/alerts/{alert_id}",
    ):
        assert path in paths, path
    assert "post" in paths["/api/documents"]


@pytest.fixture(scope="module")
def api_schema(demo_db: Path, pipeline: Any) -> Any:
    import schemathesis

    from redline.web.app import create_app

    app = create_app(config_for(demo_db), lambda: pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_schemathesis_finds_no_server_errors(api_schema: Any) -> None:
    """Every operation with generated parameters (no token: writes must refuse cleanly)."""
    from schemathesis.checks import not_a_server_error

    failures: list[str] = []
    calls: list[int] = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=12,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            response = case.call()
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query}: "
                    f"{response.status_code} {response.text[:200]}"
                )
            case.validate_response(response, checks=[not_a_server_error])

        run()
    assert failures == []
    assert len(calls) >= 100 and 200 in calls and 422 in calls, sorted(set(calls))


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    text=st.text(min_size=0, max_size=300),
    title=st.one_of(st.none(), st.text(max_size=50)),
    published=st.one_of(st.none(), st.text(max_size=20), st.dates().map(str)),
)
def test_generated_articles_never_cause_a_server_error(
    write_client: Any, text: str, title: str | None, published: str | None
) -> None:
    payload: dict[str, Any] = {"text": text}
    if title is not None:
        payload["title"] = title
    if published is not None:
        payload["published_at"] = published
    response = write_client.post("/api/documents", json=payload, headers=AUTH)
    assert response.status_code in (200, 201, 422), response.text
    assert "detail" in response.json() or response.json()["new"] + response.json()["seen"] >= 0
