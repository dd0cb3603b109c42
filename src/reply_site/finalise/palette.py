"""The reader's colour scheme from the first paint, now that the theme's script starts after it.

The theme's markup is drawn in its first palette (light); its inline script applies only a
choice the reader made on this site before, and its bundle the scheme the reader's system asks for
(`prefers-color-scheme`), and shows the toggle for the next one. The bundle now starts once the page
is painted (scripts.py): a reader who prefers dark would see the page light for a moment. So,
at the end of the theme's inline script (scripts.py puts it there), EARLY_PALETTE does what the
bundle will do at its start: the palette it will pick (the one chosen before, else the first whose
media query matches) checked, on the body, and its toggle shown. The bundle then finds everything
as it leaves it.

The bundle's start also restyles the whole page twice, once the page is shown, for a switch
that changes nothing: it declares the scheme in a `<meta name="color-scheme">` it adds, and it
marks the body `data-md-color-switching` (the theme's rule that turns transitions off while the
colours change) until the next frame. So EARLY_PALETTE declares that scheme first, in a meta of its
own, which it takes out as soon as the theme's meta declares one (the same, and then follows the
reader's toggle); and it marks the body as switching, so that only the theme's unmarking changes
it. Transitions are on from the theme's first frame, as before, not from the first paint.
"""

from __future__ import annotations

import re

THEME_PALETTE = re.compile(r'<script>var palette=__md_get\("__palette"\);.*?(?=</script>)', re.S)
# Sent in every page, so written short, and added to the theme's script (one hash in the security
# policy less): the inputs `p`; the palette chosen before `c`, else the first whose media query
# matches; the body's colours from it unless chosen before; its toggle shown; the body marked as
# switching; the scheme declared in the meta `m` until the theme's own meta declares one.
EARLY_PALETTE = (';(p=>{if(!p.length)return;let c=__md_get("__palette");c=c&&c.index>=0?c:null;'
                 'let i=Math.max(0,Math.min(c?c.index:p.findIndex(e=>'
                 'matchMedia(e.getAttribute("data-md-color-media")).matches),p.length-1)),e=p[i],'
                 'b=document.body,m=document.createElement("meta");'
                 'e.checked=!0;c||["media","scheme","primary","accent"].forEach(n=>'
                 'b.setAttribute("data-md-color-"+n,e.getAttribute("data-md-color-"+n)));'
                 'p.forEach((o,a)=>{o=o.nextElementSibling;o instanceof HTMLElement&&(o.hidden=a!==i)});'
                 'b.setAttribute("data-md-color-switching","");'
                 'm.name="color-scheme";m.content=getComputedStyle(b).colorScheme;document.head.append(m);'
                 'new MutationObserver((r,o)=>{[...document.head.querySelectorAll(\'meta[name="color-scheme"]\')]'
                 '.some(t=>t!==m&&t.content)&&(o.disconnect(),m.remove())}).observe(document.head,'
                 '{subtree:!0,childList:!0,attributes:!0,attributeFilter:["content"]})'
                 '})([...document.querySelectorAll(\'input[name="__palette"]\')])')


def theme_palette_end(html: str) -> int | None:
    """Where EARLY_PALETTE goes: at the end of the theme's palette script (None: the page has none)."""
    found = THEME_PALETTE.search(html)
    return found.end() if found else None
