"""Which network addresses ingest may connect to, and resolving host names to check them.

A host is checked by every address it resolves to, and the connection then goes to a checked
address (see :mod:`redline.ingest.urls`), so a second DNS answer cannot swap in another one.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

from redline.errors import IngestError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: Resolves (host, port) to IP address strings; inject another one to test or to pin DNS.
Resolver = Callable[[str, int], Sequence[str]]

# Cloud instance-metadata services: never fetched, whatever allow_private says. 168.63.129.16
# (Azure) is a public address, so only this list catches it.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, Oracle, DigitalOcean
        "169.254.170.2",  # AWS ECS task metadata
        "168.63.129.16",  # Azure wire server
        "100.100.100.200",  # Alibaba Cloud
        "fd00:ec2::254",  # AWS over IPv6
    )
)
METADATA_HOSTS = frozenset({"metadata", "metadata.google.internal", "metadata.goog"})
# Ranges that allow_private opens (with loopback): RFC 1918, shared address space, IPv6 ULA.
_PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
PRIVATE_KINDS = frozenset({"loopback", "private"})


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise IngestError(f"cannot resolve host {host!r}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_kind(address: IPAddress) -> str:
    """'public', or what kind of non-public address this is ('loopback', 'metadata', ...).

    IPv4 addresses embedded in IPv6 (mapped, 6to4, NAT64) are judged as the IPv4 address.
    """
    address = _embedded_ipv4(address) or address
    if address in METADATA_ADDRESSES:
        return "cloud metadata"
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if any(address in network for network in _PRIVATE_NETWORKS):
        return "private"
    if not address.is_global:
        return "reserved"
    return "public"


def refusal(
    host: str, answer: str, allow_private: bool, why_private: str = "allow_private is off"
) -> str | None:
    """Why ``answer`` (an address of ``host``, as written) must not be contacted, else None.

    ``why_private`` explains, for a loopback or private address, why it is not allowed here.
    """
    address = parse_address(answer)
    if address is None:
        return f"resolver answered {answer!r} for {host}, not an IP address"
    kind = address_kind(address)
    if kind == "public" or (allow_private and kind in PRIVATE_KINDS):
        return None
    where = f"{host} is" if host == answer else f"{host} resolves to {answer},"
    article = "an" if kind[0] in "aeiou" else "a"
    remedy = why_private if kind in PRIVATE_KINDS else "never fetched"
    return f"{where} {article} {kind} address ({remedy})"


def parse_address(text: str) -> IPAddress | None:
    """The IP address written in ``text`` (a URL host or a resolver answer), else None."""
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
