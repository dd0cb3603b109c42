"""Pages at published addresses that no longer hold what they held: a renumbered question page
(`moved_pages`), a page whose rebuttals moved away, the share page of a renamed rebuttal. Each
sends a reader on (refresh, and the moved anchors by script); a renamed rebuttal's old share page
also keeps the rebuttal's link preview, because link previews never follow a refresh."""

from __future__ import annotations

from html import escape

from ..addresses import page_path, relative, share_path
from ..model import Reply
from .head import script_json
from .site_script import SITE_SCRIPT  # it forwards the anchors of moved rebuttals


def forwarding_page(address: str, target: str, title: str, robots: str, moves: dict[str, str], head: str = "") -> str:
    """The page at `address` (below the site root) that sends a reader to `target` (also below it)."""
    scripts = ""
    if moves:
        scripts = (f'<script type="application/json" id="moved-anchors">{script_json(moves)}</script>\n'
                   f'<script src="{relative(address, SITE_SCRIPT)}"></script>\n')
    where = escape(relative(address, target))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="robots" content="{escape(robots)}">
<link rel="icon" href="{relative(address, 'assets/images/favicon.png')}">
{head}{scripts}<meta http-equiv="refresh" content="0; url={where}">
</head>
<body><p>This moved to <a href="{where}">{escape(target or "the home page")}</a>.</p></body>
</html>
"""


def forwarding_pages(reply: Reply, moves: dict[str, dict[str, str]], share_heads: dict[str, str],
                     moved_anchors, robots: str) -> dict[str, str]:
    """Every forwarding page: path of its file -> HTML. `share_heads` holds the preview tags of each
    renamed rebuttal's share page by id; `moved_anchors(page)` the anchors once published on `page`."""
    files = {}
    for rebuttal in reply.rebuttals:
        for old in rebuttal.previous_ids:
            address = share_path(old)
            files[address + "index.html"] = forwarding_page(address, share_path(rebuttal.id), "Moved", robots, {},
                                                            share_heads[rebuttal.id])
    moved_pages = reply.meta.get("moved_pages") or {}
    current = [page_path(q) for q in reply.questions] + ["", "references/"]
    for page in [*moves, *moved_pages]:
        if page not in current:
            files.setdefault(page + "index.html", forwarding_page(page, moved_pages.get(page, ""), "Moved", robots,
                                                                  moved_anchors(page)))
    return files
