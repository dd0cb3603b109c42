"""The last step, on the HTML an engine built: whatever the engine, each page gets the same head
(previews, citation, JSON-LD: publish/head.py), the repairs, edit links that point at the real
source file and rebuttal permalinks that give the share page (`finalised`); then, site-wide, its
styles inlined (styles/) and last of all its Content-Security-Policy (csp.py), which allows
exactly what the page then holds."""

from __future__ import annotations

import re

from .repairs import repaired
from .scripts import after_first_paint, without_idle_tabs_script

PERMALINK = re.compile(r'<a class="headerlink" href="#(?P<id>[^"]+)" title="[^"]*"')


def finalised(html: str, head: str = "", edit_links: dict[str, str] | None = None,
              permalinks: dict[str, str] | None = None) -> str:
    """One built page: `head` goes before </head>; each edit link in `edit_links` is replaced; the
    permalink (¶) of each heading id in `permalinks` leads where it says."""
    if head:
        html = html.replace("</head>", head + "</head>", 1)
    for engine_link, real_link in (edit_links or {}).items():
        html = html.replace(f'href="{engine_link}"', f'href="{real_link}"')
    if permalinks:
        html = PERMALINK.sub(lambda match: permalink(match, permalinks), html)
    return after_first_paint(without_idle_tabs_script(repaired(html)))


def permalink(match: re.Match, permalinks: dict[str, str]) -> str:
    target = permalinks.get(match["id"])
    if target is None:
        return match.group()
    return f'<a class="headerlink" href="{target}" title="Link to this rebuttal"'
