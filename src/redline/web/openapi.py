"""Write the API's OpenAPI spec (docs/openapi.json is this output, checked by a test).

python -m redline.web.openapi docs/openapi.json
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any


def spec() -> dict[str, Any]:
    """The spec of an app over a throw-away store (the spec does not depend on the data)."""
    from redline.web.app import create_app
    from redline.web.context import WebConfig

    with tempfile.TemporaryDirectory(prefix="redline-openapi-") as folder:
        app = create_app(WebConfig(db_url=f"sqlite:///{Path(folder) / 'spec.db'}"))
        document = app.openapi()
        app.state.ctx.store.engine.dispose()
    return document


def render(document: dict[str, Any]) -> str:
    """The spec as stable, readable JSON."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the spec to the path given (stdout without one)."""
    args = sys.argv[1:] if argv is None else argv
    text = render(spec())
    if args:
        Path(args[0]).write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
