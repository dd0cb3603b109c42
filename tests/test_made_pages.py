"""The pages the finalise step makes are the pages the engine builds from their Markdown: the
share pages (from the engine's pattern page and the question pages) and the one-page view (from
the engine's page of its headings, each rebuttal from its question page); on every engine, for the
real reply and for a reply whose share pages have moved anchors and another respondent.

Each engine builds the generated docs folder twice: as the site's build does, and with those pages
written out (`SiteBuild.write_docs(..., written_out=True)`, as `scripts/generate.py --written-out`:
the share pages built too, no `exclude_docs`; the one-page view with every rebuttal).
The pages made from the first build must equal the engine's own in the second as the finalise step
leaves them, element for element, attribute for attribute, with links compared by where they lead;
and what a share page offers the styles' selectors, worked out as it is made from the pattern, must be
what reading the whole page tells.
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

from conftest import FIXTURES, ROOT, make_project, run_script
from reply_site.addresses import WHOLE_REPLY, url_of
from reply_site.engines import ENGINES, command, engine_config
from reply_site.finalise.built_site import finalise_page, made_pages, taken_out
from reply_site.finalise.share_pages import BODY, HEADING, PATTERN, TITLE, SharePattern
from reply_site.finalise.styles.names import structure
from reply_site.finalise.whole_reply import PLACEHOLDER, whole_reply
from reply_site.render.pages import REBUTTAL_BODY
from reply_site.settings import Settings, load_config
from reply_site.site_build import SiteBuild
from reply_site.source.reply import load_reply

SITE_URL = "http://127.0.0.1:8000/sub/"
REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")


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


def engine_built(engine: str, project: Path, work: Path, written_out: bool = False) -> tuple[SiteBuild, Path]:
    """The engine's build of the generated docs folder; `written_out`: with the pages the finalise
    step makes built by the engine instead."""
    settings = Settings.load(project / "mkdocs.yml")
    settings = Settings(**{**settings.__dict__, "site_url": SITE_URL})
    build = SiteBuild(settings)
    build.write_docs(work / "docs", written_out)
    config = engine_config(load_config(project / "mkdocs.yml"), settings, build, "docs", "site", engine, written_out)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(command(engine, work / "mkdocs.yml", work / "site"), cwd=work, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return build, work / "site"


def made(build: SiteBuild, site: Path) -> dict[str, str]:
    """The pages the finalise step makes from the engine's build in `site`, finalised."""
    return made_with_structures(build, site)[0]


def made_with_structures(build: SiteBuild, site: Path) -> tuple[dict[str, str], dict[str, set[str] | None]]:
    view = (site / url_of(WHOLE_REPLY) / "index.html").read_text(encoding="utf-8")
    return made_pages(build, site, taken_out(site, PATTERN), view)


@pytest.mark.parametrize("case", ["real reply", "moved-and-renamed"])
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_pages_made_after_the_engine_are_the_pages_it_builds(engine, case, tmp_path):
    project = project_of(case, tmp_path / "project")
    build, site = engine_built(engine, project, tmp_path / "work")
    _, own_site = engine_built(engine, project, tmp_path / "written-out", written_out=True)
    pages, structures = made_with_structures(build, site)
    assert not (site / url_of(PATTERN)).exists()
    assert sorted(pages) == sorted([*build.shared, WHOLE_REPLY]) and build.shared
    assert sorted(structures) == sorted(build.shared)
    for name, html in pages.items():
        address = SITE_URL + url_of(name)
        engines_own = finalise_page(build, (own_site / url_of(name) / "index.html").read_text(encoding="utf-8"), name)
        assert elements(html, address) == elements(engines_own, address), name
        if engine != "zensical":  # the same bytes, but for a link to the page itself ('./' in Zensical's)
            assert html == engines_own, name
        if name in structures:
            assert structures[name] == structure(html), name


def test_the_engine_builds_the_one_page_view_without_the_rebuttals_bodies(tmp_path):
    """The engine renders each rebuttal once, on its question page: its one-page view holds the
    headings (and so its table of contents) and a placeholder for each body."""
    build, site = engine_built("mkdocs", project_of("real reply", tmp_path / "project"), tmp_path / "work")
    view = (site / url_of(WHOLE_REPLY) / "index.html").read_text(encoding="utf-8")
    rebuttals = build.reply.rebuttals
    assert view.count(PLACEHOLDER) == len(rebuttals) and 'class="author-reply"' not in view
    assert all(f'href="#{rebuttal.id}"' in view for rebuttal in rebuttals)  # its table of contents
    whole = made(build, site)[WHOLE_REPLY]
    assert PLACEHOLDER not in whole and whole.count('class="author-reply"') == len(rebuttals)


def test_a_rebuttal_the_engines_view_has_no_place_for_stops_the_build(tmp_path):
    """Nothing the author wrote is dropped: a view without a placeholder below a rebuttal's heading,
    or with one below no rebuttal, is an error naming what is wrong."""
    build, site = engine_built("mkdocs", project_of("real reply", tmp_path / "project"), tmp_path / "work")
    view = (site / url_of(WHOLE_REPLY) / "index.html").read_text(encoding="utf-8")
    rebuttals = list(build.shared.values())
    question_page = lambda name: (site / url_of(name) / "index.html").read_text(encoding="utf-8")  # noqa: E731
    last = rebuttals[-1][1].id
    with pytest.raises(ValueError, match=f"below the heading of '{last}'"):
        whole_reply(view[:view.rindex(PLACEHOLDER)] + view[view.rindex(PLACEHOLDER) + len(PLACEHOLDER):],
                    rebuttals, question_page)
    with pytest.raises(ValueError, match="below no rebuttal"):
        whole_reply(view.replace("</article>", PLACEHOLDER + "</article>", 1), rebuttals, question_page)


def test_what_the_markdown_adds_below_the_rebuttal_reaches_the_share_page(tmp_path):
    """The comparison above covers what a share page's Markdown adds below its rebuttal: where it
    stands in the reply, and when its text last changed."""
    build, site = engine_built("mkdocs", project_of("real reply", tmp_path / "project"), tmp_path / "work")
    shares = made(build, site)
    assert all('class="rebuttal-context"' in shares[name] and '<time datetime="2026-11-26">' in shares[name]
               for name in build.shared)


def test_a_written_out_docs_folder_leaves_nothing_to_the_finalise_step(tmp_path):
    """`scripts/generate.py --written-out` (the folder stock Material builds in the bench): every
    rebuttal's body in the one-page view, and no page left out of the engine's build."""
    for written_out, out in ((False, tmp_path / "as-built"), (True, tmp_path / "written-out")):
        result = run_script("generate.py", "--out", out, *(["--written-out"] if written_out else []))
        assert result.returncode == 0, result.stderr
        view = (out / "docs" / WHOLE_REPLY).read_text(encoding="utf-8")
        config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
        assert (REBUTTAL_BODY in view) is not written_out and ("exclude_docs" in config) is not written_out
        if written_out:
            assert view.count('<div class="author-reply" markdown>') == len(REPLY.rebuttals)


def test_a_share_pages_structure_is_read_whole_unless_its_parts_close_what_they_open():
    """What a share page offers the styles' selectors is the pattern's and its own parts' only when
    those parts close what they open, as everything the finalise step puts there does; else the page
    is read whole (None)."""
    pattern = SharePattern(
        f'<html><head><title>{TITLE}</title></head><body><main><article>'
        f'<h1 class="rebuttal-heading" id="zz-pattern">{HEADING}</h1><p>{BODY}</p></article></main></body></html>',
        "r/_pattern/", None)
    values = dict(title="T", description="D", share_url="r/x/", rebuttal_id="x", edit_link=None)
    head = '<meta name="description" content="D">'
    for content, whole in [('<h1 class="rebuttal-heading" id="x">T</h1><div class="rebuttal"><p>A</p></div>', False),
                           ("<h1>T</h1></article><p>outside</p>", True), ("<h1>T</h1><div><p>A</p>", True)]:
        html, structures = pattern.page(head, content, **values)
        assert html.count(content) == 1 and html.count(head) == 1 and "<title>T</title>" in html
        assert structures == (None if whole else structure(html)), content
