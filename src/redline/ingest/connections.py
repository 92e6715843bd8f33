"""Connections that go only to checked addresses, and a watchdog for the fetch deadline.

The TCP connection is made to an address :func:`~redline.ingest.urls.check_url` approved, not
to a fresh DNS answer (no rebinding between check and connect), while the Host header, TLS
server name and certificate check keep the URL's host name.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import ssl
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from redline.errors import IngestError


@dataclass(frozen=True)
class CheckedURL:
    """A URL that passed :func:`~redline.ingest.urls.check_url`, and the addresses it may use."""

    url: str
    scheme: str
    host: str
    port: int
    target: str
    addresses: tuple[str, ...]


def open_connection(checked: CheckedURL, timeout: float) -> http.client.HTTPConnection:
    """An unconnected HTTP(S) connection pinned to the checked addresses."""
    if checked.scheme == "https":
        return _PinnedHTTPSConnection(checked, timeout)
    return _PinnedHTTPConnection(checked, timeout)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects only to the checked addresses; Host stays the URL's host."""

    def __init__(self, checked: CheckedURL, timeout: float) -> None:
        super().__init__(checked.host, checked.port, timeout=timeout)
        self.checked_addresses = checked.addresses
        # HTTPConnection.connect() opens its socket through this attribute.
        self._create_connection = functools.partial(_connect_checked, checked.addresses)

    def connect(self) -> None:
        super().connect()
        _verify_peer(self.sock, self.checked_addresses)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`_PinnedHTTPConnection`; SNI and the certificate check use the host name."""

    def __init__(self, checked: CheckedURL, timeout: float) -> None:
        context = ssl.create_default_context()
        super().__init__(checked.host, checked.port, timeout=timeout, context=context)
        self.checked_addresses = checked.addresses
        self._create_connection = functools.partial(_connect_checked, checked.addresses)

    def connect(self) -> None:
        super().connect()
        _verify_peer(self.sock, self.checked_addresses)


def _connect_checked(
    addresses: Sequence[str], address: tuple[str, int], timeout: float, *args: Any
) -> socket.socket:
    """A socket to the first checked address that accepts; the host name is not resolved."""
    errors: list[OSError] = []
    for checked_address in addresses:
        try:
            return socket.create_connection((checked_address, address[1]), timeout)
        except OSError as exc:
            errors.append(exc)
    raise errors[-1]


def _verify_peer(sock: socket.socket, addresses: Sequence[str]) -> None:
    """Guard the pinning itself: the socket must lead to an address that was checked."""
    peer = sock.getpeername()[0]
    if peer not in addresses:
        sock.close()
        raise IngestError(f"connected to {peer}, which was not checked; refused")


class Watchdog:
    """Shuts the socket down at the deadline, so no read or slow header outlives it."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.fired = False
        self._connection = connection
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        sock = self._connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
