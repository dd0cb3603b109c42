"""What each page's <head> says beyond its title: the link preview, metadata for reference managers,
JSON-LD, the crawler request and the feed.

The core writes these tags itself (the finalise step puts them in each built page), so that
every engine publishes the same head whatever its templates do with front matter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

CARD_SIZE = (1200, 630)


@dataclass
class PageHead:
    url: str  # absolute address of the page: its og:url, and the canonical address engines give it
    title: str
    description: str
    image: str  # absolute address of its preview card
    image_alt: str
    kind: str = "article"  # Open Graph type: "website" for the home page
    json_ld: dict | None = None
    citation: dict | None = None  # title, authors, date, url, responds_to: for reference managers
    robots: str = ""
    feed: str = ""  # address of the Atom feed, relative to the page


def script_json(data) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # sent in every page: no spaces
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def meta(kind: str, name: str, value: str) -> str:
    return f'<meta {kind}="{name}" content="{escape(value)}">'


def preview_tags(head: PageHead, site_name: str) -> list[str]:
    """Open Graph and Twitter card tags: what a chat app or social network shows of a link."""
    pairs = [("property", "og:type", head.kind), ("property", "og:site_name", site_name),
             ("property", "og:title", head.title), ("property", "og:description", head.description),
             ("property", "og:url", head.url), ("property", "og:image", head.image),
             ("property", "og:image:width", str(CARD_SIZE[0])), ("property", "og:image:height", str(CARD_SIZE[1])),
             ("property", "og:image:alt", head.image_alt), ("property", "og:locale", "en_US"),
             ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", head.title),
             ("name", "twitter:description", head.description), ("name", "twitter:image", head.image),
             ("name", "twitter:image:alt", head.image_alt)]
    return [meta(*pair) for pair in pairs]


def citation_tags(citation: dict) -> list[str]:
    """Highwire and Dublin Core tags, read by Zotero and other reference managers."""
    tags = [meta("name", "citation_title", citation["title"])]
    tags += [meta("name", "citation_author", author) for author in citation["authors"]]
    if citation["date"]:
        tags.append(meta("name", "citation_publication_date", citation["date"]))
    tags += [meta("name", "citation_public_url", citation["url"]), meta("name", "DC.title", citation["title"]),
             meta("name", "DC.relation", citation["responds_to"])]
    return tags


def head_html(head: PageHead, site_name: str, canonical: bool = False) -> str:
    """The tags, one a line, ready to go before </head>; with `canonical`, the canonical link too
    (engines write it themselves on the pages they build)."""
    tags = [f'<link rel="canonical" href="{escape(head.url)}">'] if canonical else []
    tags += preview_tags(head, site_name)
    if head.citation:
        tags += citation_tags(head.citation)
    if head.robots:
        tags.append(meta("name", "robots", head.robots))
    if head.feed:
        tags.append(f'<link rel="alternate" type="application/atom+xml" '
                    f'title="Changes to the text of the reply" href="{escape(head.feed)}">')
    if head.json_ld:
        tags.append(f'<script type="application/ld+json">{script_json(head.json_ld)}</script>')
    return "\n".join(tags) + "\n"
