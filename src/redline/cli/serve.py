"""`redline serve`: the JSON API and the analyst dashboard over one store."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from redline.cli.common import db_option, fail
from redline.errors import RedlineError


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (where reads may stay open)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Beyond loopback, reads need the API token too.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8321,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--treaties",
    "treaty_texts",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of treaty texts (*.md with front matter) to list and compare.",
)
@click.option(
    "--poll",
    type=click.IntRange(1, 3600),
    default=5,
    show_default=True,
    help="Seconds between the dashboard's checks for new alerts.",
)
def serve(db_url: str | None, host: str, port: int, treaty_texts: Path | None, poll: int) -> None:
    """Serve the dashboard at http://HOST:PORT/ and the JSON API under /api/.

    Reads are open on loopback; POST /api/documents (ingest) needs the `api_token` setting
    ($REDLINE_API_TOKEN) sent as `Authorization: Bearer TOKEN`. Without a token configured,
    writing is refused. The OpenAPI spec is at /openapi.json; see docs/api.md.
    """
    import uvicorn

    from redline.settings import load_settings
    from redline.web.app import create_app
    from redline.web.context import LOOPBACK_HOSTS, WebConfig

    try:
        settings = load_settings()
        loopback = is_loopback(host)
        if not loopback and not settings.api_token:
            raise click.UsageError(
                f"--host {host} listens beyond loopback: set REDLINE_API_TOKEN first, "
                "since every request will need it"
            )
        config = WebConfig(
            db_url=db_url or settings.database_url(),
            api_token=settings.api_token,
            treaty_texts=treaty_texts,
            playbook=settings.playbook,
            max_bytes=settings.max_bytes,
            reads_need_token=not loopback,
            hosts=LOOPBACK_HOSTS if loopback else ("*",),
            poll_seconds=poll,
        )
        app = create_app(config)
    except RedlineError as exc:
        raise fail(exc) from exc
    click.echo(f"redline: dashboard at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
