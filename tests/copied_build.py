"""Build a copy of the project, outside any git repository, with its mkdocs.yml edited (module-scoped use)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import COPY_IGNORED, ROOT

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def site_url() -> str:
    """The address the session's `built_site` was built for."""
    return os.environ.get("SITE_URL") or DEFAULT_SITE_URL


def build_copy(tmp: Path, replace: tuple[str, str] | None = None, url: str | None = None) -> Path:
    """Copy the project into `tmp/project` (no .git), apply one text replacement to mkdocs.yml,
    build it strictly for `url` and return the site folder."""
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=COPY_IGNORED)
    if replace:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert replace[0] in text, f"mkdocs.yml no longer holds {replace[0]!r}"
        config.write_text(text.replace(replace[0], replace[1]), encoding="utf-8")
    site = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_CEILING_DIRECTORIES": str(tmp)}
    if url:
        env["SITE_URL"] = url
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    return site
