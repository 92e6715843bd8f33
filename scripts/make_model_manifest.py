"""Write the SHA-256 manifest of the installed spaCy model into redline's package data.

Run after installing the model from requirements/lock.txt (which pins the wheel by hash):
    python scripts/make_model_manifest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from redline.nlp.model import DEFAULT_MODEL, MODEL_VERSION, file_digests, model_dir

OUT = Path(__file__).resolve().parent.parent / "src/redline/data/models"


def main() -> int:
    """Write `<package>.sha256` for the default model."""
    directory = model_dir(DEFAULT_MODEL)
    lines = [
        f"# SHA-256 of {DEFAULT_MODEL} {MODEL_VERSION} files (wheel pinned by hash)",
        "# regenerate with: python scripts/make_model_manifest.py",
    ]
    lines += [f"{digest}  {rel}" for rel, digest in file_digests(directory).items()]
    (OUT / f"{DEFAULT_MODEL}.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
