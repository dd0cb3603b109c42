"""Published addresses are a contract: every page and rebuttal anchor in anchors.yml, and every
rebuttal's share page, keep working after the source is reorganised."""

from __future__ import annotations

import shutil
import struct

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, make_project, run_script
from rendered import render
from reply_site.errors import SourceError
from reply_site.settings import Settings
from reply_site.site_build import SiteBuild
from reply_site.source.anchors import forwarding, moved_here
from reply_site.source.reply import load_reply

REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")


@pytest.fixture
def project(tmp_path):
    """A copy of the project (source, bibliography, registry) that a test may reorganise."""
    make_project(tmp_path)
    shutil.copy(ROOT / "anchors.yml", tmp_path / "anchors.yml")
    return tmp_path


def site_build(project) -> SiteBuild:
    settings = Settings.load(project / "mkdocs.yml")
    return SiteBuild(Settings(**{**settings.__dict__, "site_url": "https://example.org/sub/"}))


def build_project(project):
    return render(project / "docs/reply.md", project / "docs/references.bib", root=project,
                 anchors=project / "anchors.yml")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_registry_holds_every_current_address():
    result = run_script("register_anchors.py", "--check")
    assert result.returncode == 0, result.stderr


def test_a_published_rebuttal_that_disappears_fails_the_build_naming_the_registry_line(project):
    edit(project / "docs/reply.md", "<!-- rebuttal: models-do-not-store-works -->",
         "<!-- rebuttal: no-storage -->")
    with pytest.raises(SourceError) as failure:
        build_project(project)
    registry_lines = (project / "anchors.yml").read_text().splitlines()
    [problem] = failure.value.problems
    assert problem.path == "anchors.yml"
    assert registry_lines[problem.line - 1].strip() == "- models-do-not-store-works"
    assert "question-7-2/#models-do-not-store-works" in problem.message
    assert "(was: models-do-not-store-works)" in problem.hint


def test_a_renamed_rebuttal_keeps_its_old_address_and_share_page(project):
    edit(project / "docs/reply.md", "<!-- rebuttal: models-do-not-store-works -->",
         "<!-- rebuttal: no-storage (was: models-do-not-store-works) -->")
    result = build_project(project)
    assert moved_here(forwarding(result.reply, result.registry), "question-7-2/") == {
        "models-do-not-store-works": "../question-7-2/#no-storage"}
    build = site_build(project)
    assert "r/no-storage.md" in build.pages
    old = BeautifulSoup(build.static_pages["r/models-do-not-store-works/index.html"], "html.parser")
    assert old.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../../r/no-storage/"
    # Link previews never follow a refresh: the old link still previews the rebuttal, as the new one.
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in old.select("meta[content]")}
    new = build.head("r/no-storage.md")
    assert (meta["og:title"], meta["og:description"], meta["og:image:alt"]) == (new.title, new.description,
                                                                                new.image_alt)
    assert meta["og:url"] == old.select_one('link[rel="canonical"]')["href"] == "https://example.org/sub/r/no-storage/"
    assert meta["robots"] == "noindex, noai, noimageai"


def test_a_rebuttal_moved_to_another_question_is_forwarded_from_its_old_page(project):
    source = project / "docs/reply.md"
    text = source.read_text(encoding="utf-8")
    block = text[text.index("<!-- rebuttal: models-as-creative-tools -->"):text.index("## 8.4.")]
    source.write_text(text.replace(block, "") + "\n" + block, encoding="utf-8")  # now under 8.4
    result = build_project(project)
    assert [r.id for r in result.reply.questions[-1].rebuttals] == ["models-as-creative-tools"]
    assert moved_here(forwarding(result.reply, result.registry), "question-7-2/") == {
        "models-as-creative-tools": "../question-8-4/#models-as-creative-tools"}


def test_a_renumbered_question_page_forwards_once_declared(project):
    edit(project / "docs/reply.md", "## 8.4.", "## 8.5.")
    with pytest.raises(SourceError) as failure:
        build_project(project)
    assert any("published page 'question-8-4/' no longer exists" in p.message for p in failure.value.problems)
    edit(project / "docs/reply.md", "grouping: editorial",
         "grouping: editorial\nmoved_pages:\n  question-8-4/: question-8-5/")
    page = site_build(project).static_pages["question-8-4/index.html"]
    assert 'url=../question-8-5/' in page


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_a_link_preview_with_an_image_built_at_build_time(built_site):
    for path in built_site.rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one('meta[http-equiv="refresh"]') or path.parent.name == "404":
            continue
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
        for key in ("og:title", "og:description", "og:url", "og:image", "og:site_name", "twitter:card"):
            assert meta.get(key), f"{path}: {key}"
        assert meta["og:url"] == soup.select_one('link[rel="canonical"]')["href"]
        image = built_site / meta["og:image"].split("/", 3)[3]
        assert png_size(image.read_bytes()) == (1200, 630)
        assert meta["citation_title"] == REPLY.meta["title"]
