"""Golden tests: a small source gives exactly the expected files, every file the build generates.

Each case is a folder in tests/fixtures/site/: a project's `docs/reply.md` and `docs/references.bib`,
maybe its `anchors.yml`, and `expected/` with every generated file (pages, changelog, share pages,
forwarding pages, reply.json, schema, robots.txt, feed.xml); preview cards are listed in
`expected/binaries.txt` with their size instead (and the PDF by its kind), and what a link to each page previews (title,
description, the card's alternative text) in `expected/previews.yml`. The build runs in process for a sub-path address,
outside any git history. Regenerate with UPDATE_GOLDENS=1 and review the diff.
"""

from __future__ import annotations

import os
import shutil
import struct

import pytest
import yaml

from conftest import FIXTURES, UPDATE_GOLDENS, make_project
from reply_site.atomic_write import replace_folder
from reply_site.publish.site_script import SITE_SCRIPT
from reply_site.settings import Settings
from reply_site.site_build import SiteBuild

CASES = sorted(path for path in (FIXTURES / "site").iterdir() if path.is_dir())
SITE_URL = "https://example.org/reply/"
SOURCE_TIME = 1_700_000_000  # the source's modification time dates a feed without history


def png_size(data: bytes) -> str:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return "{}x{}".format(*struct.unpack(">II", data[16:24]))


def generated(case, folder) -> dict[str, str]:
    project = make_project(folder, case / "docs" / "reply.md", case / "docs" / "references.bib")
    if (case / "anchors.yml").exists():
        shutil.copy(case / "anchors.yml", project / "anchors.yml")
    else:
        (project / "anchors.yml").unlink(missing_ok=True)
    os.utime(project / "docs" / "reply.md", (SOURCE_TIME, SOURCE_TIME))
    settings = Settings.load(project / "mkdocs.yml")
    build = SiteBuild(Settings(**{**settings.__dict__, "site_url": SITE_URL}))
    files, binaries = {}, []
    for name, content in sorted(build.files().items()):
        data = content.read_bytes() if hasattr(content, "read_bytes") else content
        if name.endswith(".png"):
            binaries.append(f"{name} {png_size(data)}")
        elif name.endswith(".pdf"):
            assert data.startswith(b"%PDF-"), name  # its words and links: tests/test_pdf.py
            binaries.append(f"{name} PDF")
        elif name == SITE_SCRIPT:  # the site's script, the same whatever the reply
            binaries.append(f"{name} script")
        else:
            files[name] = content
    files["binaries.txt"] = "\n".join(binaries) + "\n"
    previews = {name: {"title": preview.title, "description": preview.description, "image_alt": preview.card.alt}
                for name, preview in build.previews.items()}
    files["previews.yml"] = yaml.safe_dump(previews, allow_unicode=True, sort_keys=False, width=100)
    return files


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_source_gives_expected_files(case, tmp_path):
    files = generated(case, tmp_path / "project")
    expected = case / "expected"
    if UPDATE_GOLDENS:
        replace_folder(expected, files)
    assert sorted(files) == sorted(p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file())
    for name, text in files.items():
        assert text == (expected / name).read_text(encoding="utf-8"), f"{name} differs from {expected / name}"


def test_generating_is_deterministic(tmp_path):
    assert generated(CASES[0], tmp_path / "first") == generated(CASES[0], tmp_path / "second")
