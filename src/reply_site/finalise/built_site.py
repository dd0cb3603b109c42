"""The finalise step on the site an engine built from a build's docs folder: each page as the engine
left it gets the core's head, links and repairs (`finalise_page`), and so do the pages made from the
engine's (`made_pages`: the share pages, the one-page view); then the whole site its styles, every
page its blank lines taken out (whitespace.py) and its security policy (last: it allows what the
page then holds), and the sitemap."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..addresses import WHOLE_REPLY, absolute, relative, share_path, url_of
from ..publish.head import head_html
from ..render.rebuttals import rebuttal_actions, share_page_context
from . import finalised
from .csp import with_content_security_policy
from .listings import unlisted
from .share_pages import PATTERN, SharePattern, rebased, rebuttal_section, share_content
from .styles import Kinds, styles_inliner
from .whitespace import without_blank_lines
from .whole_reply import whole_reply

if TYPE_CHECKING:
    from ..site_build import SiteBuild


def finalise_page(build: SiteBuild, html: str, name: str) -> str:
    """A page as an engine built it from `name` ('question-7.md', or '404.html' for a theme page)."""
    return finalised(html, page_head(build, name), *page_links(build, name))


def page_head(build: SiteBuild, name: str) -> str:
    """The core's tags for the head of the page built from `name`."""
    head = build.head(name)
    return head_html(head, build.settings.site_name) if head else ""


def page_links(build: SiteBuild, name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The page's edit link as the engine made it -> the real source's; its rebuttals' permalinks."""
    settings, edit_links = build.settings, {}
    engine_link, real_link = settings.edit_url(name), settings.edit_url(build.edit_source(name))
    if engine_link and engine_link != real_link:
        edit_links[engine_link] = real_link
    return edit_links, permalinks(build, name)


def permalinks(build: SiteBuild, name: str) -> dict[str, str]:
    """The rebuttals on a page: id -> the link to its share page, from that page."""
    if name == WHOLE_REPLY:
        rebuttals = build.reply.rebuttals
    elif name in build.questions:
        rebuttals = build.questions[name].rebuttals
    else:
        rebuttals = [build.shared[name][1]] if name in build.shared else []
    return {rebuttal.id: relative(url_of(name), share_path(rebuttal.id)) for rebuttal in rebuttals}


def built_pages(build: SiteBuild, site: Path) -> dict[str, Path]:
    """The HTML files an engine built into `site`, by their address below it (not the core's own)."""
    pages = {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*.html"))}
    return {address: path for address, path in pages.items() if address not in build.static_pages}


def made_pages(build: SiteBuild, site: Path, pattern: str | None = None, view: str | None = None,
               shares: Iterable[str] | None = None) -> tuple[dict[str, str], dict[str, set[str] | None]]:
    """The pages made here from those the engine built into `site`, finalised as the engine's own
    would be (file name -> HTML): the share pages from its `pattern` page (those built from `shares`,
    or all), the one-page view from its `view`; each with its rebuttals from the question pages. And
    what the share pages offer the styles' selectors (file name -> kinds, or None: read the page)."""
    question_page = functools.cache(lambda name: (site / url_of(name) / "index.html").read_text(encoding="utf-8"))
    made, structures = share_pages(build, question_page, pattern, shares) if pattern is not None else ({}, {})
    if view is not None:
        rebuttals = list(build.shared.values())  # in the reply's order
        made[WHOLE_REPLY] = finalise_page(build, whole_reply(view, rebuttals, question_page), WHOLE_REPLY)
    return made, structures


def share_pages(build: SiteBuild, question_page: Callable[[str], str], pattern: str,
                names: Iterable[str] | None = None) -> tuple[dict[str, str], dict[str, set[str] | None]]:
    """The share pages (all, or those built from `names`) from the engine's `pattern` page, finalised
    once for all, and `question_page` (file name -> its HTML): file name ('r/<id>.md') -> HTML, and
    file name -> what the page offers the styles' selectors."""
    settings, made, structures = build.settings, {}, {}
    shared = SharePattern(finalise_page(build, pattern, PATTERN), url_of(PATTERN),
                          settings.edit_url(build.edit_source(PATTERN)))
    for name in build.shared if names is None else names:
        question, rebuttal = build.shared[name]
        here, page = url_of(name), build.pages[name]
        section = rebased(rebuttal_section(question_page(question.page), rebuttal.id), url_of(question.page), here)
        content = share_content(section, rebuttal_actions(question, rebuttal, name),
                                share_page_context(question, rebuttal, build.reply.respondent, as_html=True)
                                + build.page_footer(name, as_html=True).lstrip("\n"))
        made[name], structures[name] = shared.page(
            page_head(build, name), finalised(content, "", *page_links(build, name)), title=page.title,
            description=page.description, share_url=here, rebuttal_id=rebuttal.id,
            edit_link=settings.edit_url(build.edit_source(name)))
    return made, structures


def taken_out(site: Path, name: str) -> str | None:
    """The page built from `name` into `site`, taken out of it; None if it was not built."""
    folder = site / url_of(name)
    if not (folder / "index.html").is_file():
        return None
    html = (folder / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(folder)
    return html


def page_files(site: Path, names) -> dict[str, Path]:
    """Where the pages built from `names` go in `site`, by address, their folders made."""
    paths = {url_of(name) + "index.html": site / url_of(name) / "index.html" for name in names}
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    return paths


def finalise_site(build: SiteBuild, site: Path) -> None:
    """Every page an engine built into `site`, then the whole site."""
    pattern, view = taken_out(site, PATTERN), site / url_of(WHOLE_REPLY) / "index.html"
    made, structures = made_pages(build, site, pattern, view.read_text(encoding="utf-8") if view.is_file() else None)
    sources = {url_of(name): name for name in [*build.pages, *build.hand_written]}
    paths = {**built_pages(build, site), **page_files(site, made)}
    pages = {}
    for address, path in paths.items():
        name = sources.get(address.removesuffix("index.html"), address)
        pages[address] = made[name] if name in made else finalise_page(build, path.read_text(encoding="utf-8"), name)
    finish(build, site, paths, pages, {}, by_address(structures))


def by_address(structures: dict[str, set[str] | None]) -> Kinds:
    return {url_of(name) + "index.html": kinds for name, kinds in structures.items()}


def finalise_whole(build: SiteBuild, site: Path, rebuilt: set[str] | None = None, pattern: str | None = None,
                   shares: Iterable[str] | None = None, view: str | None = None) -> None:
    """The whole site, its pages finalised one by one already (as the MkDocs hook does). With
    `rebuilt` (addresses), only those pages are new: a live preview's rebuild of what an edit changed.
    Made here from the engine's pages as it left them: the share pages from `pattern`, its pattern
    page (those built from `shares`, or all), and the one-page view from `view`, when given."""
    taken_out(site, PATTERN)
    remade, structures = made_pages(build, site, pattern, view, shares)
    made, structures = {url_of(name) + "index.html": html for name, html in remade.items()}, by_address(structures)
    paths = {**built_pages(build, site), **page_files(site, remade)}

    def read(addresses) -> dict[str, str]:
        return {address: made.get(address) or paths[address].read_text(encoding="utf-8") for address in addresses}

    def on_disk(pages: dict[str, str]) -> dict[str, str]:  # as the files hold them (the pages made here, not yet)
        return {address: html for address, html in pages.items() if address not in made}

    if rebuilt is not None:
        pages = read(address for address in paths if address in rebuilt or address in made)
        if finish(build, site, {address: paths[address] for address in pages}, pages, on_disk(pages), structures,
                  some=True):
            return
    pages = read(paths)
    finish(build, site, paths, pages, on_disk(pages), structures)


def finish(build: SiteBuild, site: Path, paths: dict[str, Path], pages: dict[str, str], written: dict[str, str],
           structures: Kinds, some: bool = False) -> bool:
    """Styles and security policy into every page, its templates' blank lines taken out (those
    already `written` as they are, left alone), the sitemap; `structures`: what pages offer the
    styles' selectors, where known already. With `some`, False when the pages need the styles worked
    out for the whole site."""
    settings = build.settings
    inline = styles_inliner(site, settings.site_url, pages, list(settings.own_styles),
                            settings.root / ".cache" / "styles", some, structures)
    if inline is None:
        return False
    for address, html in pages.items():  # one by one: a long reply's pages are many megabytes
        secured = with_content_security_policy(inline(address, without_blank_lines(html)))
        if secured != written.get(address):
            paths[address].write_text(secured, encoding="utf-8")
    unlisted(site, {absolute(settings.site_url, url_of(name)) for name in build.pages if not build.indexed(name)}
             | {absolute(settings.site_url, url_of(PATTERN))})
    return True
