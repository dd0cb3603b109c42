"""The finalise step on the site an engine built from a build's docs folder: each page as the engine
left it gets the core's head, links and repairs (`finalise_page`); then the whole site its styles,
every page its security policy (last: it allows what the page then holds), and the sitemap."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..addresses import WHOLE_REPLY, absolute, relative, share_path, url_of
from ..publish.head import head_html
from . import finalised
from .csp import with_content_security_policy
from .listings import unlisted
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


def finalise_site(build: SiteBuild, site: Path) -> None:
    """Every page an engine built into `site`, then the whole site."""
    sources = {url_of(name): name for name in [*build.pages, *build.hand_written]}
    paths = built_pages(build, site)
    pages = {address: finalise_page(build, path.read_text(encoding="utf-8"),
                                    sources.get(address.removesuffix("index.html"), address))
             for address, path in paths.items()}
    finish(build, site, paths, pages, {})


def finalise_whole(build: SiteBuild, site: Path, rebuilt: set[str] | None = None) -> None:
    """The whole site, its pages finalised one by one already (as the MkDocs hook does). With
    `rebuilt` (addresses), only those pages are new: a live preview's rebuild of what an edit changed."""
    paths = built_pages(build, site)
    if rebuilt is not None:
        some = {address: path for address, path in paths.items() if address in rebuilt}
        pages = {address: path.read_text(encoding="utf-8") for address, path in some.items()}
        if finish(build, site, some, pages, pages, some=True):
            return
    pages = {address: path.read_text(encoding="utf-8") for address, path in paths.items()}
    finish(build, site, paths, pages, pages)


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
    unlisted(site, {absolute(settings.site_url, url_of(name)) for name in build.pages if not build.indexed(name)})
    return True
