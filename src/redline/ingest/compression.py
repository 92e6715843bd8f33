"""gzip, the one compression ingest reads (``.gz`` files, ``Content-Encoding: gzip``).

Output is capped while it is produced, so a compression bomb costs at most
``max_decompressed_bytes`` of memory before it is refused.
"""

from __future__ import annotations

import gzip
import io
import zlib

from redline.errors import IngestError
from redline.ingest.limits import human_size

GZIP_SUFFIX = ".gz"
GZIP_ENCODINGS = frozenset({"gzip", "x-gzip"})
_CHUNK_BYTES = 256 * 1024


def gunzip_capped(data: bytes, limit: int, noun: str = "file") -> bytes:
    """Decompress gzip data (every member); refuse output over ``limit`` bytes or bad data."""
    chunks: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise IngestError(
                        f"{noun} decompresses to more than {human_size(limit)} "
                        "(max_decompressed_bytes); refused as a possible compression bomb"
                    )
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise IngestError(f"{noun} is not valid gzip data ({exc})") from exc
    return b"".join(chunks)
