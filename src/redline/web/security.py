"""Web safety: security headers, the API token, CSRF tokens for dashboard forms.

Article text is untrusted, so the pages carry a Content-Security-Policy that allows scripts
and styles from this server only (no inline script can run even if escaping failed somewhere).
Write endpoints need the configured token; when none is configured they refuse, so a fresh
install cannot be written to by anyone. Dashboard forms that change something carry a CSRF
token: an HMAC of a random per-browser cookie under the app's key (double submit, signed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response

from redline.web.context import AppContext

# Plotly adds its chart styles through an empty <style> element it then fills by CSSOM (which
# CSP does not govern): the hash of the empty string admits that element and nothing else.
# Plotly also injects the map library's stylesheet as it loads (unused here, but blocking it
# logs an error): its hash is that of plotly.js 4.1.1's, so a browser test notices a new one.
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
MAP_STYLE = "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='"
CSP = (
    "default-src 'none'; script-src 'self'; "
    f"style-src 'self' {EMPTY_STYLE} {MAP_STYLE}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
CSRF_COOKIE = "redline_csrf"
CSRF_FIELD = "csrf_token"


class SecurityHeaders(BaseHTTPMiddleware):
    """Adds the strict headers to every response; pages and API answers are not cached."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def context(request: Request) -> AppContext:
    """The app's shared context."""
    ctx = request.app.state.ctx
    assert isinstance(ctx, AppContext)
    return ctx


def bearer(request: Request) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def token_matches(ctx: AppContext, given: str | None) -> bool:
    """True when a token is configured and `given` is it (compared in constant time)."""
    expected = ctx.config.api_token
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_token(request: Request) -> None:
    """Dependency of write endpoints: 401 without a valid token, 403 when none is configured."""
    ctx = context(request)
    if not ctx.config.api_token:
        raise HTTPException(
            403,
            "writing is disabled: no API token is configured (set REDLINE_API_TOKEN or "
            "api_token in the config file, then restart `redline serve`)",
        )
    if not token_matches(ctx, bearer(request)):
        raise HTTPException(
            401,
            "a valid API token is required: send 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def require_read(request: Request) -> None:
    """Dependency of read endpoints: open on loopback, the token when serving beyond it."""
    ctx = context(request)
    if ctx.config.reads_need_token and not token_matches(ctx, bearer(request)):
        raise HTTPException(
            401,
            "this server listens beyond loopback: reads need 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def csrf_cookie(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, and whether it is new (then it must be set)."""
    value = request.cookies.get(CSRF_COOKIE, "")
    if len(value) == 43 and value.replace("-", "").replace("_", "").isalnum():
        return value, False
    return secrets.token_urlsafe(32), True


def csrf_token(ctx: AppContext, cookie: str) -> str:
    """The form token bound to a cookie value."""
    return hmac.new(ctx.csrf_key, cookie.encode("ascii"), hashlib.sha256).hexdigest()


def set_csrf_cookie(response: Response, cookie: str) -> None:
    """Store the CSRF cookie: HttpOnly, SameSite=Strict, page-wide."""
    response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    """403 unless the form's token matches the browser's cookie under the app key."""
    ctx = context(request)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted:
        raise HTTPException(403, "the form's CSRF token is missing: reload the page and retry")
    if not hmac.compare_digest(csrf_token(ctx, cookie), submitted):
        raise HTTPException(403, "the form's CSRF token is wrong: reload the page and retry")
