"""Walking directories and reading files within the size limit."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from redline.errors import IngestError
from redline.ingest.limits import too_large_reason
from redline.ingest.problems import IngestProblem

logger = logging.getLogger(__name__)


def iter_files(root: Path) -> Iterator[Path | IngestProblem]:
    """Files under a directory, recursively, sorted by name, skipping hidden files and dirs.

    Symbolic links to directories are not followed, so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestProblem.error(str(root), os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = root / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            yield IngestProblem.error(str(path), os_reason(exc))
            continue
        if is_dir:
            yield from iter_files(path)
        elif entry.is_symlink() and entry.is_dir():
            logger.debug("not following directory link %s", path)
        else:
            yield path


def read_file(path: Path, max_bytes: int) -> tuple[bytes, datetime]:
    """A regular file's bytes and modification time (UTC); its size is checked before reading.

    Raises IngestError with the OS's reason, or when the file is over ``max_bytes``.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file")
        if info.st_size > max_bytes:
            raise IngestError(too_large_reason("file", info.st_size, max_bytes))
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front, so ask for the size stat() gave plus one; a
            # file that grew since is read on, up to one byte past the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise IngestError(os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise IngestError(too_large_reason("file", None, max_bytes))
    try:
        modified = datetime.fromtimestamp(info.st_mtime, tz=UTC)
    except (OverflowError, OSError, ValueError):  # a time outside datetime's years 1-9999
        modified = datetime.now(UTC)
    return data, modified


def os_reason(exc: OSError) -> str:
    """The OS's own words for a failure ("Permission denied"), without the repeated path."""
    return exc.strerror or str(exc)


def fallback_title(name: str) -> str:
    """A title from a file name: the stem with dashes and underscores as spaces."""
    stem = Path(name).stem
    return " ".join(stem.replace("_", " ").replace("-", " ").split()) or name
