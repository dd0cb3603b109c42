"""The share pages the finalise step makes (from the engine's pattern page and the question pages)
are the pages the engine builds from their Markdown: on every engine, for the real reply and for a
reply whose share pages have moved anchors and another respondent.

Each engine builds the generated docs folder with the share pages left in (no `exclude_docs`); the
share pages made from that same build's pattern and question pages must equal the engine's own,
element for element, attribute for attribute, with links compared by where they lead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import FIXTURES, ROOT, make_project
from reply_site.addresses import url_of
from reply_site.engines import ENGINES, command, engine_config
from reply_site.finalise.built_site import share_pages, taken_out
from reply_site.finalise.share_pages import PATTERN
from reply_site.settings import Settings, load_config
from reply_site.site_build import SiteBuild

SITE_URL = "http://127.0.0.1:8000/sub/"


class Elements(HTMLParser):
    """A page as the list of what it holds: tags with their attributes (links resolved against the
    page's address), and text with its runs of white space made one space."""

    def __init__(self, address: str):
        super().__init__(convert_charrefs=True)
        self.address, self.items = address, []

    def handle_starttag(self, tag, attrs):
        resolved = {name: urljoin(self.address, value) if name in ("href", "src") and value else value
                    for name, value in attrs}
        self.items.append(("<", tag, sorted(resolved.items())))

    def handle_endtag(self, tag):
        self.items.append((">", tag))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", " ".join(data.split())))


def elements(html: str, address: str) -> list:
    parser = Elements(address)
    parser.feed(html)
    parser.close()
    return parser.items


def project_of(case: str, folder: Path) -> Path:
    if case == "real reply":  # with a history: its pages say when their text last changed
        project = make_project(folder)
        shutil.copy(ROOT / "anchors.yml", project / "anchors.yml")
        when = {"GIT_AUTHOR_DATE": "2026-11-26T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-26T12:00:00Z"}
        for step in (["init", "-q"], ["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.org",
                                                     "commit", "-q", "-m", "The reply"]):
            subprocess.run(["git", *step], cwd=project, check=True, env={**os.environ, **when})
        return project
    source = FIXTURES / "site" / case
    project = make_project(folder, source / "docs" / "reply.md", source / "docs" / "references.bib")
    shutil.copy(source / "anchors.yml", project / "anchors.yml")
    return project


def engine_built(engine: str, project: Path, work: Path) -> tuple[SiteBuild, Path]:
    """The engine's build of the generated docs folder, its share pages built by the engine too."""
    settings = Settings.load(project / "mkdocs.yml")
    settings = Settings(**{**settings.__dict__, "site_url": SITE_URL})
    build = SiteBuild(settings)
    build.write_docs(work / "docs")
    config = engine_config(load_config(project / "mkdocs.yml"), settings, build, "docs", "site", engine)
    config.pop("exclude_docs", None)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(command(engine, work / "mkdocs.yml", work / "site"), cwd=work, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return build, work / "site"


@pytest.mark.parametrize("case", ["real reply", "moved-and-renamed"])
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_share_page_made_from_the_pattern_is_the_page_the_engine_builds(engine, case, tmp_path):
    build, site = engine_built(engine, project_of(case, tmp_path / "project"), tmp_path / "work")
    pattern = taken_out(site, PATTERN)
    assert pattern is not None and not (site / url_of(PATTERN)).exists()
    made = share_pages(build, site, pattern)
    assert sorted(made) == sorted(build.shared) and made
    for name, html in made.items():
        address = SITE_URL + url_of(name)
        engines_own = (site / url_of(name) / "index.html").read_text(encoding="utf-8")
        assert elements(html, address) == elements(engines_own, address), name
        if engine != "zensical":  # the same bytes, but for a link to the page itself ('./' in Zensical's)
            assert html == engines_own, name


def test_what_the_markdown_adds_below_the_rebuttal_reaches_the_share_page(tmp_path):
    """The comparison above covers what a share page's Markdown adds below its rebuttal: where it
    stands in the reply, and when its text last changed."""
    build, site = engine_built("mkdocs", project_of("real reply", tmp_path / "project"), tmp_path / "work")
    made = share_pages(build, site, taken_out(site, PATTERN))
    assert all('class="rebuttal-context"' in html and '<time datetime="2026-11-26">' in html
               for html in made.values())
