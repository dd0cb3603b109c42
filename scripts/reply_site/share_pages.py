"""Static files beside the pages: each rebuttal's share page, link-preview cards, and
forwarding pages for published addresses that moved.

A share page `r/<id>/` carries the rebuttal's own link preview (Open Graph and
Twitter card) and forwards a person to the rebuttal on its question page.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .cards import CardCache
from .links import absolute, page_path, rebuttal_path, share_path
from .markdown_text import headline, plain, summary
from .model import Question, Rebuttal, Reply

FORWARD_SCRIPT = "assets/javascripts/moved-anchors.js"


def card_path(name: str) -> str:
    return f"assets/cards/{name}.png"


def meta_tags(title: str, description: str, url: str, image: str, site_name: str) -> str:
    pairs = [("property", "og:type", "article"), ("property", "og:site_name", site_name),
             ("property", "og:title", title), ("property", "og:description", description),
             ("property", "og:url", url), ("property", "og:image", image),
             ("property", "og:image:width", "1200"), ("property", "og:image:height", "630"),
             ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", title),
             ("name", "twitter:description", description), ("name", "twitter:image", image)]
    return "\n".join(f'<meta {kind}="{name}" content="{escape(value)}">' for kind, name, value in pairs)


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
{meta_tags(title, description, absolute(site_url, share_path(rebuttal.id)), image, site_name)}
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
    data = json.dumps(moves).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<meta name="robots" content="noindex">
<link rel="icon" href="../assets/images/favicon.png">
<script type="application/json" id="moved-anchors">{data}</script>
<script src="../{FORWARD_SCRIPT}"></script>
<meta http-equiv="refresh" content="0; url=../{escape(target)}">
</head>
<body><p>This page moved to <a href="../{escape(target)}">{escape(target)}</a>.</p></body>
</html>
"""


def static_files(reply: Reply, moves: dict[str, dict[str, str]], site_url: str, site_name: str,
                 cards: CardCache | None = None, robots: str = "") -> dict[str, str | bytes | Path]:
    """Share pages (also under earlier ids), preview cards and forwarding pages.

    `moves` is anchors.forwarding(reply, registry): published anchors that moved, per page.
    `robots` is what the crawler policy adds to each page's robots meta (e.g. "noai, noimageai").
    """
    card_png = (cards or CardCache(None)).card
    files: dict[str, str | bytes | Path] = {
        card_path("index"): card_png("A reply to Stability AI", reply.meta["title"], site_name)}
    for question in reply.questions:
        files[card_path(question.slug)] = card_png(f"Question {question.number} · the Copyright Office asks",
                                                   question.text, site_name)
        for rebuttal in question.rebuttals:
            files[card_path(f"r/{rebuttal.id}")] = card_png(
                "Stability AI wrote", summary(rebuttal.quote[0].text, 260),
                f"The author's reply · question {question.number} · {site_name}")
            page = share_page(reply, question, rebuttal, site_url, site_name, robots)
            for rebuttal_id in [rebuttal.id, *rebuttal.previous_ids]:
                files[share_path(rebuttal_id) + "index.html"] = page
    files[card_path("references")] = card_png("A reply to Stability AI", "References", site_name)
    moved_pages = reply.meta.get("moved_pages") or {}
    for page, page_moves in moves.items():
        if page not in [page_path(q) for q in reply.questions] + ["", "references/"]:
            files[page + "index.html"] = forwarding_page(moved_pages.get(page, ""), page_moves)
    for page, target in moved_pages.items():
        files.setdefault(page + "index.html", forwarding_page(target, {}))
    return files


def moved_anchors(moves: dict[str, dict[str, str]], page: str) -> dict[str, str]:
    """On a current page: anchors once published here -> relative URL of where they are now.

    `moves` is anchors.forwarding(reply, registry), worked out once per build.
    """
    return {anchor: "../" * page.count("/") + target for anchor, target in moves.get(page, {}).items()}

