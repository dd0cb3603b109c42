"""Published addresses are a contract: every page and rebuttal anchor in anchors.yml
keeps working after the source is reorganised, and each rebuttal has a share page
whose link preview shows that rebuttal."""

from __future__ import annotations

import re
import shutil
import struct

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_script
from rendered import render
from reply_site.errors import SourceError
from reply_site.publish.share_pages import forwarding_pages, share_pages
from reply_site.source.anchors import forwarding, moved_here
from reply_site.source.reply import load_reply

REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")


@pytest.fixture
def project(tmp_path):
    """A copy of the source, bibliography and registry that a test may reorganise."""
    for name in ("docs/reply.md", "docs/references.bib", "anchors.yml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


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
    files = share_pages(result.reply, "https://example.org/", "Site")
    assert files["r/models-do-not-store-works/index.html"] == files["r/no-storage/index.html"]


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
    result = build_project(project)
    files = forwarding_pages(result.reply, forwarding(result.reply, result.registry))
    page = files["question-8-4/index.html"]
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


def test_each_rebuttal_share_page_previews_it_and_forwards_to_it(built_site):
    for question in REPLY.questions:
        for rebuttal in question.rebuttals:
            share = BeautifulSoup((built_site / "r" / rebuttal.id / "index.html").read_text(), "html.parser")
            title = share.select_one('meta[property="og:title"]')["content"]
            assert title.startswith("Stability AI: “") and rebuttal.quote[0].text.strip("“\"")[:30] in title
            description = share.select_one('meta[property="og:description"]')["content"]
            assert description[:40] == rebuttal.reply[0].text[:40]
            target = re.search(r"url=\.\./\.\./(.+)$", share.select_one('meta[http-equiv="refresh"]')["content"])[1]
            page, anchor = target.split("#")
            assert page == f"{question.slug}/" and anchor == rebuttal.id
            landing = BeautifulSoup((built_site / page / "index.html").read_text(), "html.parser")
            assert landing.find(id=anchor) is not None
            card = share.select_one('meta[property="og:image"]')["content"].split("/", 3)[3]
            assert png_size((built_site / card).read_bytes()) == (1200, 630)


def test_every_rebuttal_offers_a_share_link_and_a_citation(built_site):
    for question in REPLY.questions:
        soup = BeautifulSoup((built_site / question.slug / "index.html").read_text(), "html.parser")
        for rebuttal in question.rebuttals:
            block = soup.find(id=rebuttal.id).find_next_sibling("div", class_="rebuttal")
            assert block.select_one("a.share-link")["href"] == f"../r/{rebuttal.id}/"
            citation = "\n".join(code.get_text() for code in block.select("details code"))
            assert f"{question.slug}/#{rebuttal.id}" in citation and "@misc{reply:" + rebuttal.id in citation
            assert "Author not named" in citation  # the reply names no author: none is invented
