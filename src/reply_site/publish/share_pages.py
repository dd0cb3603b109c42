"""Static pages beside the engine's: each rebuttal's share page, and forwarding pages for
published addresses that moved.

A share page `r/<id>/` carries the rebuttal's own link preview (Open Graph and
Twitter card) and forwards a person to the rebuttal on its question page.
"""

from __future__ import annotations

from html import escape

from ..addresses import absolute, card_path, page_path, rebuttal_path, share_path
from ..text import headline, plain, summary
from ..model import Question, Rebuttal, Reply
from ..source.anchors import moved_here
from .head import preview_tags, script_json

FORWARD_SCRIPT = "assets/javascripts/moved-anchors.js"


def share_page(reply: Reply, question: Question, rebuttal: Rebuttal, site_url: str, site_name: str,
               robots: str = "") -> str:
    target = absolute(site_url, rebuttal_path(question, rebuttal))
    title = f"Stability AI: “{headline(rebuttal.quote[0].text, 16)}” — a reply"
    description = summary(" ".join(p.text for p in rebuttal.reply), 200)
    image = absolute(site_url, card_path(f"r/{rebuttal.id}"))
    quote = "".join(f"<p>{escape(plain(p.text))}</p>" for p in rebuttal.quote)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="description" content="{escape(description)}">
<meta name="robots" content="{escape(', '.join(filter(None, ['noindex, follow', robots])))}">
<link rel="icon" href="../../assets/images/favicon.png">
<link rel="canonical" href="{escape(target)}">
{chr(10).join(preview_tags(title, description, absolute(site_url, share_path(rebuttal.id)), image, title, site_name))}
<meta http-equiv="refresh" content="0; url=../../{escape(rebuttal_path(question, rebuttal))}">
</head>
<body>
<p>Stability AI wrote:</p>
<blockquote>{quote}</blockquote>
<p><a href="../../{escape(rebuttal_path(question, rebuttal))}">Read the reply to this passage
(question {question.number})</a></p>
</body>
</html>
"""


def forwarding_page(target: str, moves: dict[str, str]) -> str:
    """A page at a published address that no longer exists: sends anchors to where they are now."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta name="robots" content="noindex">
<link rel="icon" href="../assets/images/favicon.png">
<script type="application/json" id="moved-anchors">{script_json(moves)}</script>
<script src="../{FORWARD_SCRIPT}"></script>
<meta http-equiv="refresh" content="0; url=../{escape(target)}">
</head>
<body><p>This page moved to <a href="../{escape(target)}">{escape(target)}</a>.</p></body>
</html>
"""


def share_pages(reply: Reply, site_url: str, site_name: str, robots: str = "") -> dict[str, str]:
    """Each rebuttal's share page, also under its earlier ids so that old share links keep working."""
    files = {}
    for question in reply.questions:
        for rebuttal in question.rebuttals:
            page = share_page(reply, question, rebuttal, site_url, site_name, robots)
            for rebuttal_id in [rebuttal.id, *rebuttal.previous_ids]:
                files[share_path(rebuttal_id) + "index.html"] = page
    return files


def forwarding_pages(reply: Reply, moves: dict[str, dict[str, str]]) -> dict[str, str]:
    """Pages at published addresses that no longer exist (see source/anchors.py: forwarding)."""
    files = {}
    moved_pages = reply.meta.get("moved_pages") or {}
    for page in moves:
        if page not in [page_path(q) for q in reply.questions] + ["", "references/"]:
            files[page + "index.html"] = forwarding_page(moved_pages.get(page, ""), moved_here(moves, page))
    for page, target in moved_pages.items():
        files.setdefault(page + "index.html", forwarding_page(target, {}))
    return files
