"""The page's scripts start once it is painted, so that none of them holds up its first paint.

The theme puts its scripts last in the body. Even deferred, a script already in the cache (every
page after the first, the same bundle) runs before the browser paints: on a slow phone the page
then shows a third of a second later, while the theme starts. Here those scripts are left out of
the markup and a small inline script adds them, in the same order, once the page has shown its
first content. The theme starts on DOMContentLoaded, which has passed by then, so it is told
again once the last of them has run: the same moment, relative to them, as before.

A script is moved only when no inline script comes after it, which could rely on it having run.
The theme marks the page `no-js` until its script unmarks it, and hides its search and colour
controls while it is marked: the page is unmarked as its head is parsed (JS_ENABLED), so that
those controls are there from the first paint, not added beside the title after it. The class its
focus polyfill gives the root (`js-focus-visible`, which no rule of the theme's styles names) is
added then too: changed once the page is shown, the root's class restyles the whole page (the
theme's table rules select by `[class]`), a task of its own on a slow phone. The reader's colour
scheme is applied as the body is parsed (palette.py). Both are added to the
theme's own inline scripts where the page has them (a script of their own otherwise): every inline
script costs each page its hash in the security policy. The loader marks when the theme has
started: `performance.getEntriesByName("theme-started")`.

On a device that cannot hover (a phone, a tablet without a mouse), the loader takes the theme's
tooltips out of its features before the theme reads them: they show on hover and keyboard focus,
and setting them up was a fifth of the theme's start-up work on a phone (the header's measure the
page each). Links keep their titles.
"""

from __future__ import annotations

import html as markup
import json
import re

from .palette import EARLY_PALETTE, theme_palette_end

OPENING = re.compile(r"<script(?P<attributes>[^>]*)>")
EXTERNAL = re.compile(r"<script(?P<attributes>[^>]*)>\s*</script>\n?")
SOURCE = re.compile(r'(?:^|\s)src="(?P<src>[^"]+)"')
STAYS = re.compile(r"(?:^|\s)(?:async|type)(?:=|\s|$)")  # a module or a script of its own timing
NO_JS = re.compile(r'<html\b[^>]*\bclass="[^"]*\bno-js\b')
THEME_HEAD_SCRIPT = re.compile(r"<script>__md_scope=.*?(?=</script>)", re.S)  # the theme's first, in <head>
JS_ENABLED = '(c=>{c.replace("no-js","js");c.add("js-focus-visible")})(document.documentElement.classList)'

# Sent in every page, so written short: `start` drops "content.tooltips" from the theme's features
# where no pointer can hover (the JSON keeps its shape), adds the scripts in order and, once the last
# has run, hands the theme its DOMContentLoaded; it runs once the first contentful paint is reported
# (a frame later in browsers that report no paints).
LOADER = ('(s=>{let d=document,e,start=()=>{matchMedia("(any-hover:none)").matches&&'
          '(e=d.getElementById("__config"))&&(e.text=e.text.replace(\'"content.tooltips"\',\'""\'));'
          's.forEach(u=>{e=d.createElement("script");e.src=u;e.async=!1;d.body.append(e)});'
          'e.onload=e.onerror=()=>{d.dispatchEvent(new Event("DOMContentLoaded"));'
          'performance.mark("theme-started")}};(PerformanceObserver.supportedEntryTypes||[]).includes("paint")?'
          'new PerformanceObserver((l,o)=>{l.getEntriesByName("first-contentful-paint").length&&'
          '(o.disconnect(),setTimeout(start))}).observe({type:"paint",buffered:!0}):'
          'requestAnimationFrame(()=>setTimeout(start))})(SOURCES)')
LOADED = re.compile(r"\}\)\((?P<sources>\[[^\]]*\])\)</script>")  # LOADER's list, as the page holds it


# The theme's script that checks the content tab a link's fragment names. On a page without content
# tabs it does nothing, and costs the page its bytes and its hash in the security policy.
TABS_SCRIPT = re.compile(r'<script>var target=document\.getElementById\(location\.hash\.slice\(1\)\);'
                         r'[^<]*"__tabbed_"[^<]*</script>\n?')


def without_idle_tabs_script(html: str) -> str:
    """The page without the theme's content-tab script when it has no content tabs."""
    return html if 'name="__tabbed_' in html else TABS_SCRIPT.sub("", html, count=1)


def source(attributes: str) -> str | None:
    """The file a <script> tag's attributes name, or None for an inline script."""
    found = SOURCE.search(attributes)
    return markup.unescape(found["src"]) if found else None


def script_sources(html: str) -> list[str]:
    """Every script file the page runs, in its order: those it names, then those LOADER adds."""
    named = [src for tag in OPENING.finditer(html) if (src := source(tag["attributes"]))]
    return named + [src for found in LOADED.finditer(html) for src in json.loads(found["sources"])]


def after_first_paint(html: str) -> str:
    """The page with its last external scripts added by LOADER, where the first of them stood."""
    body = max(html.find("<body"), 0)
    last_inline = max((tag.start() for tag in OPENING.finditer(html, body) if not source(tag["attributes"])
                       and "application/" not in tag["attributes"]), default=-1)  # JSON is not run
    moved = [(tag, src) for tag in EXTERNAL.finditer(html, body) if tag.start() > last_inline
             and (src := source(tag["attributes"])) and not STAYS.search(tag["attributes"])]
    if not moved:
        return html
    first, sources = moved[0][0], json.dumps([src for _, src in moved], separators=(",", ":"))
    # What goes where (one copy of the page, which may be large): position -> (text added, end of
    # what it replaces, or None when it replaces nothing).
    edits = {first.start(): (f"<script>{LOADER.replace('SOURCES', sources)}</script>\n", first.end())}
    edits.update({tag.start(): ("", tag.end()) for tag, _ in moved[1:]})
    head_end = html.find("</head>")
    if head_end >= 0 and NO_JS.match(html, max(html.find("<html"), 0)):
        theme_script = THEME_HEAD_SCRIPT.search(html, 0, head_end)
        edits[theme_script.end() if theme_script else head_end] = (
            f";{JS_ENABLED}" if theme_script else f"<script>{JS_ENABLED}</script>\n", None)
    palette_end = theme_palette_end(html)
    if palette_end is not None:
        edits[palette_end] = (EARLY_PALETTE, None)
    out, end = [], 0
    for start in sorted(edits):
        added, replaced_end = edits[start]
        out += [html[end:start], added]
        end = start if replaced_end is None else replaced_end
    return "".join(out) + html[end:]
