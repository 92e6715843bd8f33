"""The app factory: JSON API, dashboard pages, static files, security and error handling.

`create_app` is what `redline serve` runs and what the tests drive in-process. Errors are
answered as `{"detail": "..."}` under /api/ and as a small page elsewhere; a bad parameter is
always a 4xx that names it, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from redline import __version__
from redline.errors import RedlineError
from redline.web import api, ingest, redlines_page, views
from redline.web.context import AppContext, WebConfig
from redline.web.security import SecurityHeaders

if TYPE_CHECKING:
    from redline.pipeline import Pipeline

TEST_HOSTS = ("testserver", "testclient")
DESCRIPTION = """redline's HTTP API: the stored documents, PLOVER events, cooperation levels of
pairs, treaties, red-line rules and alerts, and ingest. Reads are open on loopback; `POST
/api/documents` needs `Authorization: Bearer TOKEN` (the `api_token` setting). Field names
are those of the CLI's JSON output."""


def static_dir() -> Path:
    """The packaged static files (htmx, the dashboard's script and styles)."""
    return Path(str(resources.files("redline").joinpath("web/static")))


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """Plotly's JavaScript from the installed `plotly` package: the charts work offline."""
    from plotly.offline import get_plotlyjs

    script: str = get_plotlyjs()
    return script.encode("utf-8")


def validation_message(exc: RequestValidationError) -> str:
    """One line per problem: where (query parameter 'limit', body field 'text') and why."""
    parts = []
    for error in exc.errors():
        loc = [str(x) for x in error.get("loc", ())]
        where = {"query": "query parameter", "path": "path parameter", "body": "body field"}
        kind = where.get(loc[0], loc[0]) if loc else "request"
        name = ".".join(loc[1:])
        parts.append(
            f"{kind} {name!r}: {error.get('msg', 'invalid')}"
            if name
            else f"{kind}: {error.get('msg', 'invalid')}"
        )
    return "; ".join(parts) or "invalid request"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(
    config: WebConfig | None = None,
    pipeline_factory: Callable[[], Pipeline] | None = None,
) -> FastAPI:
    """The redline web app over the store of `config.db_url` (migrated on open)."""
    config = config or WebConfig()
    app = FastAPI(
        title="redline",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI would load its script from a CDN
        redoc_url=None,
    )
    app.state.ctx = AppContext.build(config, pipeline_factory)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*config.hosts, *TEST_HOSTS])
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.include_router(redlines_page.api_router)
    app.include_router(redlines_page.page_router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/static-vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        headers = {"Cache-Control": "public, max-age=86400"}
        return Response(plotly_js(), media_type="text/javascript", headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message = validation_message(exc)
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=422)
        return views.error_page(request, 422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=headers)
        return views.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RedlineError)
    async def domain_error(request: Request, exc: RedlineError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return views.error_page(request, 400, str(exc))

    return app


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The spec as checked into docs/openapi.json."""
    return app.openapi()


__all__ = ["create_app", "openapi_document", "plotly_js", "static_dir"]
