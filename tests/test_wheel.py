"""The wheel: it builds from the tracked sources, holds every package file, and installs and runs
in a fresh virtual environment with only the package index (and its mirrors) to draw on.

Building takes about ten seconds; installing the locked dependencies into a fresh venv takes
minutes, so that test is behind the `slow` marker (`pytest -m slow tests/test_wheel.py`).
"""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = {"postgres", "dask", "web", "pandas"}


def tracked(*paths: str) -> list[str]:
    """The files git tracks under `paths`: what a fresh clone would have."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell which files belong to the package")
    out = subprocess.run(
        ["git", "ls-files", "-z", *paths], cwd=ROOT, capture_output=True, check=True
    ).stdout
    return [name for name in out.decode().split("\0") if name]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A wheel built, without network or build isolation, from a copy of the tracked tree."""
    tree = tmp_path_factory.mktemp("tree")
    for name in tracked("src", "pyproject.toml", "README.md"):
        target = tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    dist = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    done = subprocess.run(
        [*build, "--no-index", "-q", "-w", str(dist), str(tree)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = dist.glob("redline-*.whl")
    yield found


def test_the_wheel_holds_every_package_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package = [n.removeprefix("src/") for n in tracked("src/redline")]
    missing = sorted(n for n in package if n not in names)
    assert not missing, (
        f"{len(missing)} package files are not in the wheel (pyproject's package-data): "
        f"{missing[:10]}"
    )
    # The data that redline cannot run without, named so a regression is obvious.
    for needed in (
        "redline/data/demo/18-kcna-treaty-text.md",
        "redline/data/redlines/default.yaml",
        "redline/data/starter/redlines.yaml",
        "redline/data/ontology/plover.yaml",
        "redline/py.typed",
    ):
        assert needed in names, needed
    assert any(n.startswith("redline/data/models/") and n.endswith(".sha256") for n in names)
    assert any(n.startswith("redline/store/migrations/versions/") for n in names)
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_the_wheel_declares_its_command_and_extras(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = email.message_from_bytes(archive.read(info))
    assert metadata["Name"] == "redline"
    assert EXTRAS <= set(metadata.get_all("Provides-Extra") or [])
    entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert "redline = redline.cli.main:main" in entry_points


@pytest.mark.slow
@pytest.mark.model
def test_the_wheel_installs_and_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    """A venv without system site-packages, the locked dependencies by hash, the wheel without
    dependencies; then the installed command runs the demo from the wheel's own data."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check"]
    locked = subprocess.run(
        [*pip, "--require-hashes", "-r", str(ROOT / "requirements" / "lock.txt")],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if locked.returncode != 0 and "No matching distribution" in locked.stderr:
        pytest.skip(f"the package index is not reachable: {locked.stderr[-500:]}")
    assert locked.returncode == 0, locked.stderr[-3000:]
    installed = subprocess.run([*pip, str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-3000:]

    where = subprocess.run(
        [str(python), "-c", "import redline; print(redline.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert Path(where.strip()).is_relative_to(venv), where  # the wheel, not this checkout
    redline = str(venv / "bin" / "redline")
    env = {"PATH": str(venv / "bin"), "HOME": str(tmp_path), "COLUMNS": "160"}
    version = subprocess.run(
        [redline, "--version"], capture_output=True, text=True, env=env, check=True
    )
    assert version.stdout.strip() == "redline, version 0.1.0"
    demo = subprocess.run(
        [redline, "demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}", "--limit", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert "mutual-defence RUS-PRK confirmed" in demo.stdout
    doctor = subprocess.run(
        [redline, "doctor", "--json", "--db", f"sqlite:///{tmp_path / 'demo.db'}"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
