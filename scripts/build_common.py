"""What the build scripts share: their command line and the write-or-check of outputs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_arguments(doc: str | None, argv: list[str] | None = None) -> argparse.Namespace:
    """Parse `--shared DIR` and `--check` for a build script."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    ap.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="path of the shared reference folder (default: ../shared)",
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="do not write; fail if the files on disk are out of date",
    )
    return ap.parse_args(argv)


def write_outputs(outputs: dict[Path, str], check: bool) -> list[Path]:
    """Write changed outputs (or, with `check`, only compare); return the stale ones."""
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            if check:
                stale.append(path)
            else:
                path.write_text(text, encoding="utf-8")
        rows = sum(1 for ln in text.splitlines() if ln and not ln.startswith("#")) - 1
        print(f"{path.relative_to(REPO)}: {rows} rows")
    return stale


def report_stale(stale: list[Path]) -> int:
    """Exit status of a build: 1 with a message when outputs are out of date."""
    if stale:
        names = ", ".join(str(p.relative_to(REPO)) for p in stale)
        print("out of date: " + names, file=sys.stderr)
        return 1
    return 0
