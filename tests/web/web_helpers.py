"""Helpers of the web tests: the token, in-process clients, the live uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from redline.web.context import WebConfig

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ROOT = Path(__file__).resolve().parents[2]
TREATY_TEXTS = ROOT / "tests" / "fixtures" / "treaties"


def make_client(app: Any) -> Any:
    """Starlette's TestClient (its import warns that httpx support is deprecated)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app, base_url="http://127.0.0.1")


def config_for(path: Path, **changes: Any) -> WebConfig:
    """The app configuration of a test: the token set, the treaty fixtures as texts."""
    base = WebConfig(
        db_url=f"sqlite:///{path}",
        api_token=TOKEN,
        treaty_texts=TREATY_TEXTS,
        submissions=path.parent / "submitted",
    )
    return replace(base, **changes)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """uvicorn serving an app on a loopback port in a background thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
