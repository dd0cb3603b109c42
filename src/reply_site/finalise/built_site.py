"""The finalise step on the site an engine built from a build's docs folder: each page as the engine
left it gets the core's head, links and repairs (`finalise_page`); then the whole site its styles,
every page its security policy (last: it allows what the page then holds), and the sitemap."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..addresses import WHOLE_REPLY, absolute, relative, share_path, url_of
from ..publish.head import head_html
from ..render.rebuttals import share_page_actions, share_page_context
from . import finalised
from .csp import with_content_security_policy
from .listings import unlisted
from .share_pages import PATTERN, rebased, rebuttal_section, share_page
from .styles import styles_inlined

if TYPE_CHECKING:
    from ..site_build import SiteBuild


def finalise_page(build: SiteBuild, html: str, name: str) -> str:
    """A page as an engine built it from `name` ('question-7.md', or '404.html' for a theme page)."""
    head, settings = build.head(name), build.settings
    edit_links = {}
    engine_link, real_link = settings.edit_url(name), settings.edit_url(build.edit_source(name))
    if engine_link and engine_link != real_link:
        edit_links[engine_link] = real_link
    return finalised(html, head_html(head, settings.site_name) if head else "", edit_links, permalinks(build, name))


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


def share_pages(build: SiteBuild, site: Path, pattern: str, names: Iterable[str] | None = None) -> dict[str, str]:
    """The share pages (all, or those built from `names`) as the engine would have built them, from its
    `pattern` page and the question pages it built into `site`: file name ('r/<id>.md') -> HTML."""
    settings, questions, made = build.settings, {}, {}
    for name in build.shared if names is None else names:
        question, rebuttal = build.shared[name]
        if question.page not in questions:
            questions[question.page] = (site / url_of(question.page) / "index.html").read_text(encoding="utf-8")
        here, page = url_of(name), build.pages[name]
        section = rebased(rebuttal_section(questions[question.page], rebuttal.id), url_of(question.page), here)
        made[name] = share_page(
            pattern, section, title=page.title, description=page.description, rebuttal_id=rebuttal.id,
            actions=share_page_actions(question, rebuttal),
            after=share_page_context(question, rebuttal, build.reply.respondent, as_html=True)
            + build.page_footer(name, as_html=True).lstrip("\n"),
            pattern_url=url_of(PATTERN), share_url=here,
            pattern_edit=settings.edit_url(PATTERN), share_edit=settings.edit_url(name))
    return made


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
    pattern = taken_out(site, PATTERN)
    made = share_pages(build, site, pattern) if pattern is not None else {}
    sources = {url_of(name): name for name in [*build.pages, *build.hand_written]}
    paths = {**built_pages(build, site), **page_files(site, made)}
    pages = {}
    for address, path in paths.items():
        name = sources.get(address.removesuffix("index.html"), address)
        pages[address] = finalise_page(build, made[name] if name in made else path.read_text(encoding="utf-8"), name)
    finish(build, site, paths, pages, {})


def finalise_whole(build: SiteBuild, site: Path, rebuilt: set[str] | None = None, pattern: str | None = None,
                   shares: Iterable[str] | None = None) -> None:
    """The whole site, its pages finalised one by one already (as the MkDocs hook does). With
    `rebuilt` (addresses), only those pages are new: a live preview's rebuild of what an edit changed.
    The share pages are made from `pattern`, the engine's pattern page: those built from `shares`, or all."""
    taken_out(site, PATTERN)
    shared = share_pages(build, site, pattern, shares) if pattern is not None else {}
    made = {url_of(name) + "index.html": finalise_page(build, html, name) for name, html in shared.items()}
    paths = {**built_pages(build, site), **page_files(site, shared)}

    def read(addresses) -> dict[str, str]:
        return {address: made.get(address) or paths[address].read_text(encoding="utf-8") for address in addresses}

    def on_disk(pages: dict[str, str]) -> dict[str, str]:  # as the files hold them (the pages made here, not yet)
        return {address: html for address, html in pages.items() if address not in made}

    if rebuilt is not None:
        pages = read(address for address in paths if address in rebuilt or address in made)
        if finish(build, site, {address: paths[address] for address in pages}, pages, on_disk(pages), some=True):
            return
    pages = read(paths)
    finish(build, site, paths, pages, on_disk(pages))


def finish(build: SiteBuild, site: Path, paths: dict[str, Path], pages: dict[str, str], written: dict[str, str],
           some: bool = False) -> bool:
    """Styles and security policy into every page (those already `written` as they are, left alone),
    the sitemap. With `some`, False when the pages need the styles worked out for the whole site."""
    settings = build.settings
    styled = styles_inlined(site, settings.site_url, pages, list(settings.own_styles),
                            settings.root / ".cache" / "styles", some)
    if styled is None:
        return False
    for address, html in styled.items():
        secured = with_content_security_policy(html)
        if secured != written.get(address):
            paths[address].write_text(secured, encoding="utf-8")
    unlisted(site, {absolute(settings.site_url, url_of(name)) for name in build.pages if not build.indexed(name)}
             | {absolute(settings.site_url, url_of(PATTERN))})
    return True
