"""The same site from every engine: MkDocs (the default), ProperDocs and Zensical each build the
generated docs folder, and the finalise step makes their output the same site.

Each engine builds the real project for a sub-path address, as GitHub Pages serves a
project's site; the MkDocs hook's build (`mkdocs build`, what `make serve` runs) is built too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import RAW_REPLY, ROOT
from reply_site.engines import ENGINES
from reply_site.source.reply import load_reply
from site_text import first_difference, raw_words, site_words

SITE_URL = "http://127.0.0.1:8000/sub/"
REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")
# What each engine brings of its own: its theme's bundles, search index and compressed sitemap.
# The site's own stylesheets and scripts (listed in mkdocs.yml) are not engine assets.
ENGINE_ASSET = re.compile(r"^(assets/(javascripts|stylesheets)/|search/|search\.json$|sitemap\.xml\.gz$)")
CONFIG = yaml.safe_load(re.sub(r"!ENV \[\w+, (.+)\]", r"\1", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
OWN_ASSETS = set(CONFIG["extra_css"]) | set(CONFIG["extra_javascript"])
# Files the core writes itself: the same bytes whatever the engine.
CORE_FILE = re.compile(r"^(assets/cards/|schema/|reply\.json$|reply\.pdf$|feed\.xml$|robots\.txt$|references\.bib$)")


def build(engine: str, folder: Path) -> Path:
    site = folder / engine
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--engine", engine,
                             "--site-dir", str(site), "--work", str(folder / f"{engine}-work")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Every engine's build of the real site, and the MkDocs hook's ("hook")."""
    folder = tmp_path_factory.mktemp("engines")
    built = {engine: build(engine, folder) for engine in sorted(ENGINES)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder / "hook")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    built["hook"] = folder / "hook"
    return built


def published(site: Path) -> set[str]:
    """The files a reader can fetch, the engine's own assets aside."""
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    return {name for name in files if not ENGINE_ASSET.match(name) or name in OWN_ASSETS}


def pages(site: Path) -> list[str]:
    return sorted(name for name in published(site) if name.endswith(".html"))


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def article_text(site: Path, name: str) -> str:
    article = soup(site, name).select_one("article")
    if article is None:
        return ""
    for apparatus in article.select(".md-content__button, a.headerlink"):
        apparatus.decompose()
    return " ".join(article.get_text(" ").split())


def test_the_hook_builds_the_same_site_as_the_generated_folder(sites):
    """`make serve` (the hook, in memory) and `make site` (generate, engine, finalise) agree to the byte."""
    hook, folder = sites["hook"], sites["mkdocs"]
    listing = [sorted(p.relative_to(site) for p in site.rglob("*")) for site in (hook, folder)]
    assert listing[0] == listing[1]
    for path in hook.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (folder / path.relative_to(hook)).read_bytes(), path.relative_to(hook)


@pytest.mark.parametrize("engine", sorted(set(ENGINES) - {"mkdocs"}))
def test_every_engine_publishes_the_same_files(sites, engine):
    assert published(sites[engine]) == published(sites["mkdocs"])
    for name in OWN_ASSETS:
        assert (sites[engine] / name).is_file(), name


@pytest.mark.parametrize("engine", sorted(set(ENGINES) - {"mkdocs"}))
def test_every_engine_shows_the_same_text_on_every_page(sites, engine):
    for name in pages(sites["mkdocs"]):
        assert article_text(sites[engine], name) == article_text(sites["mkdocs"], name), name


@pytest.mark.parametrize("engine", sorted(set(ENGINES) - {"mkdocs"}))
def test_cards_and_data_files_are_the_same_bytes_from_every_engine(sites, engine):
    core = [name for name in published(sites["mkdocs"]) if CORE_FILE.match(name)]
    assert any(name.startswith("assets/cards/r/") for name in core) and "reply.json" in core
    for name in core:
        assert (sites[engine] / name).read_bytes() == (sites["mkdocs"] / name).read_bytes(), name


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_word_of_the_record_is_on_every_engines_site(sites, engine):
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    shown = site_words(sites[engine], [question.slug for question in REPLY.questions])
    assert first_difference(expected, shown) is None


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_published_anchor_is_on_its_page(sites, engine):
    registry = yaml.safe_load((ROOT / "anchors.yml").read_text(encoding="utf-8"))
    for page_path, anchors in registry.items():
        ids = {element["id"] for element in soup(sites[engine], page_path + "index.html").select("[id]")}
        assert set(anchors) <= ids, f"{engine}: /{page_path} lacks {set(anchors) - ids}"


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_internal_link_is_right_under_a_sub_path(sites, engine):
    """Each link, stylesheet, script and image of every page points inside /sub/ at a file that exists,
    and a link's fragment names an element of the page it leads to."""
    site, broken = sites[engine], []
    for name in pages(site):
        page_url = urljoin(SITE_URL, name.removesuffix("index.html"))
        for element in soup(site, name).select("a[href], link[href], script[src], img[src]"):
            target = urljoin(page_url, element.get("href") or element.get("src"))
            if urlsplit(target).netloc != urlsplit(SITE_URL).netloc:
                continue  # another site: the repository, the docket, a cited work
            if not target.startswith(SITE_URL):
                broken.append(f"/{name}: {target} is outside the site")
                continue
            path, _, fragment = target.removeprefix(SITE_URL).partition("#")
            path = path.split("?")[0]
            file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
            if not file.is_file():
                broken.append(f"/{name}: {target} leads to no file")
            elif fragment and file.suffix == ".html" and not soup(site, file.relative_to(site).as_posix()).find(
                    id=fragment) and not file.relative_to(site).as_posix().startswith("r/"):
                broken.append(f"/{name}: {target} names no element")
    assert not broken, "\n".join(broken)
