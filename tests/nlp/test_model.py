"""The model is verified against its checksum manifest before it is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redline.errors import ModelError
from redline.nlp.model import check_files, model_dir, read_manifest, verify_model

pytestmark = pytest.mark.model


def test_installed_model_matches_manifest() -> None:
    assert (verify_model() / "config.cfg").exists()


def test_tampered_model_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    target = copy / "ner" / "model"
    data = bytearray(target.read_bytes())
    data[100] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="checksum mismatch: ner/model"):
        check_files(copy, read_manifest(), "test")


def test_missing_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    (copy / "parser" / "model").unlink()
    with pytest.raises(ModelError, match="missing: parser/model"):
        check_files(copy, read_manifest(), "test")


def test_missing_package_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        model_dir("no_such_model_package_xyz")
