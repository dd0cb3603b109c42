"""The reader's colour scheme from the first paint, now that the theme's script starts after it.

The theme's markup is drawn in its first palette (light); its inline script applies only a
choice the reader made on this site before, and its bundle the scheme the reader's system asks for
(`prefers-color-scheme`), and shows the toggle for the next one. The bundle now starts once the page
is painted (scripts.py): a reader who prefers dark would see the page light for a moment. So,
right after the theme's inline script, EARLY_PALETTE does what the bundle will do at its start:
the palette it will pick (the one chosen before, else the first whose media query matches)
checked, on the body, and its toggle shown. The bundle then finds everything as it leaves it.
"""

from __future__ import annotations

import re

THEME_PALETTE = re.compile(r'<script>var palette=__md_get\("__palette"\);.*?</script>', re.S)
EARLY_PALETTE = """<script>(function(inputs){if(!inputs.length)return;
var chosen=__md_get("__palette");chosen=chosen&&chosen.index>=0;
var index=chosen?__md_get("__palette").index:inputs.findIndex(function(input){
return matchMedia(input.getAttribute("data-md-color-media")).matches});
index=Math.max(0,Math.min(index,inputs.length-1));var input=inputs[index];input.checked=true;
if(!chosen)["scheme","primary","accent"].forEach(function(name){
document.body.setAttribute("data-md-color-"+name,input.getAttribute("data-md-color-"+name))});
inputs.forEach(function(other,at){var label=other.nextElementSibling;
if(label instanceof HTMLElement)label.hidden=at!==index})
})(Array.from(document.querySelectorAll('input[name="__palette"]')))</script>"""


def early_palette(html: str) -> str:
    """The page with EARLY_PALETTE after the theme's palette script (a page without it is left as it is)."""
    found = THEME_PALETTE.search(html)
    return html[:found.end()] + EARLY_PALETTE + html[found.end():] if found else html
