"""What changed since the last poll: a cheap check before anything is parsed.

A file is skipped while its size and modification time stay the same; when they change, its
bytes are hashed and it is skipped again if the content did not (a `touch`, a copy). A feed URL
is fetched each poll and skipped when its body hashes as before. Whatever gets past these checks
is still deduplicated by the store (documents are keyed by their content), so a restarted watch,
which starts with an empty memory, re-reads its inputs but stores and codes nothing twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from redline.errors import IngestError
from redline.ingest.files import iter_files, os_reason, read_file
from redline.ingest.limits import IngestLimits
from redline.ingest.problems import IngestProblem
from redline.ingest.urls import fetch


@dataclass(frozen=True, slots=True)
class Changed:
    """An input whose content is new since the last poll."""

    origin: str  # the path or URL, as ingest names it
    digest: str
    body: bytes | None = None  # a fetched URL's body (files are read again by ingest)
    content_type: str = ""


@dataclass
class Seen:
    """What the last polls found: file stamps and content hashes, by path or URL."""

    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)

    def remember(self, change: Changed) -> None:
        """Mark an input's content as handled (after its documents are stored)."""
        self.digests[change.origin] = change.digest


def is_url(target: str) -> bool:
    """Whether a watch target is a URL rather than a path."""
    return target.lower().startswith(("http://", "https://"))


def changes(target: str, seen: Seen, limits: IngestLimits) -> Iterator[Changed | IngestProblem]:
    """The inputs of one target whose content is new, and problems naming bad inputs."""
    if is_url(target):
        yield from _url_change(target, seen, limits)
        return
    root = Path(target)
    if root.is_dir():
        for item in iter_files(root):
            if isinstance(item, IngestProblem):
                yield item
            else:
                yield from _file_change(item, seen, limits)
    elif root.exists():
        yield from _file_change(root, seen, limits)
    else:
        yield IngestProblem.error(target, "no such file or folder")


def _url_change(url: str, seen: Seen, limits: IngestLimits) -> Iterator[Changed | IngestProblem]:
    try:
        body, content_type = fetch(url, limits)
    except IngestError as exc:
        yield IngestProblem.error(url, exc.message)
        return
    digest = hashlib.sha256(body).hexdigest()
    if seen.digests.get(url) != digest:
        yield Changed(url, digest, body, content_type)


def _file_change(path: Path, seen: Seen, limits: IngestLimits) -> Iterator[Changed | IngestProblem]:
    origin = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield IngestProblem.error(origin, os_reason(exc))
        return
    stamp = (info.st_mtime_ns, info.st_size)
    if seen.stamps.get(origin) == stamp and origin in seen.digests:
        return
    try:
        data, _ = read_file(path, limits.max_bytes)
    except IngestError as exc:
        yield IngestProblem.error(origin, exc.message)
        return
    seen.stamps[origin] = stamp
    digest = hashlib.sha256(data).hexdigest()
    if seen.digests.get(origin) != digest:
        yield Changed(origin, digest)
