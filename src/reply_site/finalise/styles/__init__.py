"""The site's styles in its pages, so that a page's first paint needs the HTML document and nothing
else: the rules the pages use are inlined, a <style> in each page in place of the stylesheet links
(the same in all, so that instant navigation needs nothing more). The rules no page uses are left out.

Worked out on the built site, whatever the engine (used_rules.py): a selector is used when it
matches an element of the pages, its states (:hover, :checked…) aside, or what the theme's scripts
create or fill (names.py: read from the scripts' sources): search results, tooltips, the wrappers
of tables and code. (Loading the scripts' rules later, from a file, was tried: the wrappers the
scripts add as a page loads then moved the page when the file came.)
Pages differ less than they are many: the matching runs on the fewest pages that hold every kind
of element, parent and child of the site, and its result is cached by those kinds.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ...atomic_write import write_file_atomically
from ..scripts import script_sources
from .names import CUSTOM_PROPERTY, script_names, structure
from .widgets import absent_widgets, without_widget_properties, without_widgets

VERSION = "4"  # of the cached results: bump when the choice of rules changes
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"[^>]*>\s*')


def fewest_pages(shapes: dict[str, set[str]], sizes: dict[str, int]) -> list[str]:
    """Pages that together hold every kind of element any page holds: each one taken adds some.
    The smallest are looked at first: a long reply's one-page view, which holds them all, is slow to read."""
    chosen, covered = [], set()
    for address, shape in sorted(shapes.items(), key=lambda item: (sizes[item[0]], item[0])):
        if not shape <= covered:
            chosen.append(address)
            covered |= shape
    return chosen


def site_file(site: Path, site_url: str, address: str, href: str) -> Path:
    """The built file a page at `address` links to with `href`."""
    target = urljoin(site_url + address, href)
    return site / urlsplit(target).path.removeprefix(urlsplit(site_url).path)


Kinds = dict[str, set[str] | None]  # address -> the kinds of element of a page (`structure`), where known


def styles_inliner(site: Path, site_url: str, pages: dict[str, str], own: list[str], cache: Path | None,
                   some: bool = False, known: Kinds | None = None) -> Callable[[str, str], str] | None:
    """What inlines the styles of `pages` (address below the site -> built HTML): a function of a
    page's address and HTML. `own`: the site's own stylesheets (below the site), kept whole. With `some` (a live
    preview, which rebuilds only the pages an edit changed), `pages` are not all the site's: the
    rules chosen last for the whole site serve them if they hold no kind of element those did not
    cover, else None is returned. `known`: the kinds of element of pages worked out as they were
    made (the others' are read from their HTML)."""
    linking = {address: html for address, html in pages.items() if STYLESHEET.search(head(html))}
    if not linking:
        return lambda address, html: html
    address, html = next(iter(linking.items()))
    sheets = [site_file(site, site_url, address, match["href"]) for match in STYLESHEET.finditer(head(html))]
    scripts = [site_file(site, site_url, address, source) for source in script_sources(html)]
    whole = sum(1 for sheet in sheets if sheet.relative_to(site).as_posix() in own)
    css = used_css(sheets, [script for script in scripts if script.is_file()], linking, whole, cache, some,
                   known or {})
    if css is None:
        return None
    return lambda address, html: inlined(html, css) if address in linking else html


def used_css(sheets: list[Path], scripts: list[Path], pages: dict[str, str], whole: int, cache: Path | None,
             some: bool, known: Kinds) -> str | None:
    """The rules the pages use, from the cache when the stylesheets, the scripts and the kinds of
    element the pages hold are the same (with `some`: see styles_inliner)."""
    texts = [sheet.read_text(encoding="utf-8") for sheet in sheets]
    shapes = {address: known.get(address) or structure(html) for address, html in pages.items()}
    union = set().union(*shapes.values())
    classes = {name for kind in union for name in kind.split() if name.startswith(".")}
    absent = absent_widgets(next(iter(pages.values())), classes)
    created, mentioned = (without_widgets(names, absent) for names in script_names(scripts))
    readers = "\n".join(script.read_text(encoding="utf-8", errors="replace") for script in scripts)
    properties = sorted(without_widget_properties(set(CUSTOM_PROPERTY.findall(readers)), absent)
                        .union(*map(CUSTOM_PROPERTY.findall, pages.values())))
    inputs = hashlib.sha256(json.dumps([VERSION, texts, whole, sorted(created), sorted(mentioned)]).encode())
    key = hashlib.sha256(json.dumps([inputs.hexdigest(), sorted(union), properties]).encode()).hexdigest()
    cached = cache / f"{key}.json" if cache else None
    if cached and cached.is_file():
        return cached.read_text(encoding="utf-8")
    last = cache / f"last-{inputs.hexdigest()}.json" if cache else None
    if some:  # the rules chosen last for the whole site, with these stylesheets and scripts
        if not (last and last.is_file()):
            return None
        covered, properties_read, css = json.loads(last.read_text(encoding="utf-8"))
        return css if union <= set(covered) and set(properties) <= set(properties_read) else None
    import rcssmin  # here: a build whose styles are cached never needs the CSS and HTML parsers

    from .used_rules import UsedRules

    chosen = fewest_pages(shapes, {address: len(html) for address, html in pages.items()})
    used = UsedRules(texts, [pages[address] for address in chosen], created, mentioned, whole)
    css = rcssmin.cssmin(used.css(used.matched | used.for_scripts, "\n".join(properties)))
    if cached:
        write_file_atomically(cached, css)
        write_file_atomically(last, json.dumps([sorted(union), properties, css]))
    return css


def head(html: str) -> str:
    return html[: html.find("</head>")]


# With nothing to wait for, a browser may paint a page it has parsed only in part (a slow network or
# CPU): a footer, a table or a list painted before its last lines arrive then moves. The first paint
# waits until the theme's config, just after the footer, is parsed (or, on a page without it, all).
WHOLE_PAGE_FIRST = '<link rel="expect" href="#__config" blocking="render">\n'


def inlined(html: str, css: str) -> str:
    """The page with its stylesheet links replaced, where the first was, by a <style> holding `css`."""
    end = html.find("</head>")
    links = list(STYLESHEET.finditer(html, 0, end))
    block = html[links[0].start():links[-1].end()]  # found first at its start: one copy of the page, not three
    return html.replace(block, "".join([WHOLE_PAGE_FIRST, "<style>", css, "</style>\n", STYLESHEET.sub("", block)]), 1)
