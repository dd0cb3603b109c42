"""Shared fixtures: paths of the project and a helper to run its command-line tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
RAW_REPLY = ROOT / "record" / "reply-as-received.txt"

# Set UPDATE_GOLDENS=1 to rewrite expected files from the current output (then review the diff).
UPDATE_GOLDENS = os.environ.get("UPDATE_GOLDENS") == "1"


def run_script(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run one of scripts/*.py as a contributor would, capturing its output."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


COPY_IGNORED = shutil.ignore_patterns(".git", ".venv", "site", ".site.partial", "build", "node_modules", ".cache",
                                      "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "artifacts")


PROJECT_FILES = ("mkdocs.yml", "crawlers.yml", "schema", "overrides", "docs")


def make_project(folder: Path, reply: Path | None = None, bibliography: Path | None = None) -> Path:
    """A project in `folder` that builds like this one (no git history), with another reply and bibliography."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, folder / name)
    if reply is not None:
        shutil.copy(reply, folder / "docs" / "reply.md")
    if bibliography is not None:
        shutil.copy(bibliography, folder / "docs" / "references.bib")
    return folder


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project (without its caches, environments and output) that a test may edit."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORED)
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return site
