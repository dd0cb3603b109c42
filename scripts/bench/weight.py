"""Page weight in a real browser: every page of the site against the same page of stock Material
(bench/sites.py), bytes and requests, and the render-blocking resources.

Counting: each URL the page fetches once, from a fresh browser profile, until the network has
been idle for 500 ms after the load event. Raw bytes are the response bodies; gzip bytes are
what gzip -6 makes of text (HTML, CSS, JS, JSON, XML, SVG), images as they are. Material asks
for its search index and search worker right after load (not on first use of the search box):
they are counted apart, as `search`, and in the totals. Requests to other hosts are blocked
(the site makes none; stock Material asks GitHub's API for the repository's stars).
"""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

from .browser import browser, local_context, settled
from .sites import Sites, common_pages

TEXT_TYPES = ("text/", "javascript", "json", "xml", "svg")
SEARCH = ("search/search_index.json", "/workers/search.", "/lunr/")
# Render-blocking per the HTML standard: stylesheets and classic synchronous scripts in <head>.
BLOCKING = """() => [...document.head.querySelectorAll(
    'link[rel~="stylesheet"], script[src]:not([async]):not([defer]):not([type="module"])')]
    .filter(e => !(e.media && !matchMedia(e.media).matches))
    .map(e => ({url: e.href || e.src, kind: e.tagName === 'LINK' ? 'stylesheet' : 'script'}))"""


def is_search(url: str) -> bool:
    """The search index and the search worker (and its language files)."""
    return any(s in url for s in SEARCH)


def compressed_size(body: bytes, content_type: str) -> int:
    return len(gzip.compress(body, 6)) if any(t in content_type for t in TEXT_TYPES) else len(body)


def load(browser, url: str) -> dict:
    """Open `url` in a fresh context; what it fetched, and its render-blocking resources."""
    fetched: dict[str, dict] = {}

    def record(response):
        if response.url in fetched or response.url.startswith("data:"):
            return
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
            body = b""
        kind = response.headers.get("content-type", "")
        fetched[response.url] = {"type": response.request.resource_type, "bytes": len(body),
                                 "gzip": compressed_size(body, kind)}

    context, external = local_context(browser, record)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    sheets: dict[str, dict] = {}
    cdp.on("CSS.styleSheetAdded", lambda event: sheets.__setitem__(event["header"]["styleSheetId"], event["header"]))
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    cdp.send("CSS.startRuleUsageTracking")
    settled(page, url)
    blocking = page.evaluate(BLOCKING)
    usage = cdp.send("CSS.stopRuleUsageTracking")["ruleUsage"]
    context.close()
    used: dict[str, int] = {}
    for rule in usage:
        if rule["used"]:
            source = sheets.get(rule["styleSheetId"], {}).get("sourceURL", "")
            used[source] = used.get(source, 0) + rule["endOffset"] - rule["startOffset"]
    for resource in blocking:
        size = fetched.get(resource["url"], {}).get("bytes", 0)
        resource["used_bytes"] = used.get(resource["url"], 0) if resource["kind"] == "stylesheet" else None
        resource["used"] = resource["used_bytes"] is None or resource["used_bytes"] > 0
        resource["bytes"] = size
    search = {u: f for u, f in fetched.items() if is_search(u)}
    return {
        "requests": len(fetched) + len(external),
        "bytes": sum(f["bytes"] for f in fetched.values()),
        "gzip": sum(f["gzip"] for f in fetched.values()),
        "search_bytes": sum(f["bytes"] for f in search.values()),
        "search_gzip": sum(f["gzip"] for f in search.values()),
        "external_blocked": external,
        "blocking": blocking,
        "resources": {urlsplit(u).path: f for u, f in fetched.items()},
    }


def weight(sites: Sites) -> dict:
    urls, folders = sites.urls(), sites.folders()
    figures: dict[str, dict] = {}
    with browser() as chromium:
        for page in common_pages(folders, share_pages=False):
            ours, theirs = load(chromium, urls["site"] + page), load(chromium, urls["stock"] + page)
            figures[page or "/"] = {"real": ours, "stock": theirs, "gzip_ratio": ours["gzip"] / theirs["gzip"],
                                    "requests_delta": ours["requests"] - theirs["requests"]}
    unused = sorted({(page, r["url"].split("/", 3)[-1]) for page, f in figures.items()
                     for r in f["real"]["blocking"] if not r["used"]})
    heaviest = max(figures, key=lambda p: figures[p]["gzip_ratio"])
    return {
        "pages": figures,
        "heaviest_page": heaviest,
        "heaviest_gzip_ratio": figures[heaviest]["gzip_ratio"],
        "pages_heavier_than_stock": [p for p, f in figures.items() if f["gzip_ratio"] > 1],
        "unused_blocking": [f"{page} {url}" for page, url in unused],
    }
