"""Page weight in a real browser: every page of the real site against the same page built with
stock Material (no overrides, no hook), bytes and requests, and the render-blocking resources.

Counting: each URL the page fetches once, from a fresh browser profile, until the network has
been idle for 500 ms after the load event. Raw bytes are the response bodies; gzip bytes are
what gzip -6 makes of text (HTML, CSS, JS, JSON, XML, SVG), images as they are. Material asks
for its search index and search worker right after load (not on first use of the search box):
they are counted apart, as `search`, and in the totals. Requests to other hosts are blocked
(the site makes none; stock Material asks GitHub's API for the repository's stars).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

from reply_site.local_host import served

from .common import CHROMIUM_ARGS, Failed, chromium, copy_project, derived_config, generated_markdown, timed_build

TEXT_TYPES = ("text/", "javascript", "json", "xml", "svg")
SEARCH = ("search/search_index.json", "/workers/search.", "/lunr/")
# Render-blocking per the HTML standard: stylesheets and classic synchronous scripts in <head>.
BLOCKING = """() => [...document.head.querySelectorAll(
    'link[rel~="stylesheet"], script[src]:not([async]):not([defer]):not([type="module"])')]
    .filter(e => !(e.media && !matchMedia(e.media).matches))
    .map(e => ({url: e.href || e.src, kind: e.tagName === 'LINK' ? 'stylesheet' : 'script'}))"""


def html_pages(site: Path) -> list[str]:
    """Addresses of the site's pages (not the share pages under r/), the 404 page last."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if "r" not in p.relative_to(site).parts[:1])
    pages = ["" if p == "./" else p for p in pages]
    return pages + (["404.html"] if (site / "404.html").exists() else [])


def compressed_size(body: bytes, content_type: str) -> int:
    return len(gzip.compress(body, 6)) if any(t in content_type for t in TEXT_TYPES) else len(body)


def load(browser, url: str) -> dict:
    """Open `url` in a fresh context; what it fetched, and its render-blocking resources."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    fetched: dict[str, dict] = {}
    external: list[str] = []

    def route(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost") or \
                route.request.url.startswith("data:"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

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

    context.route("**/*", route)
    context.on("response", record)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    sheets: dict[str, dict] = {}
    cdp.on("CSS.styleSheetAdded", lambda event: sheets.__setitem__(event["header"]["styleSheetId"], event["header"]))
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    cdp.send("CSS.startRuleUsageTracking")
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
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
    search = {u: f for u, f in fetched.items() if any(s in u for s in SEARCH)}
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


def weight(tmp: Path) -> dict:
    if not chromium():
        raise Failed("chromium is not installed (scripts/install_chromium.sh installs Debian's)")
    from playwright.sync_api import sync_playwright

    project = copy_project(tmp / "weight")
    nav = generated_markdown(project, project / "generated-docs")
    stock_config = derived_config(project, "mkdocs.stock.yml", "generated-docs", nav, overrides=False)
    timed_build(project / "mkdocs.yml", tmp / "real-site")
    timed_build(stock_config, tmp / "stock-site")
    pages = [p for p in html_pages(tmp / "stock-site") if (tmp / "real-site" / p).exists()
             or (tmp / "real-site" / p / "index.html").exists()]
    figures: dict[str, dict] = {}
    with served(tmp / "real-site") as real, served(tmp / "stock-site") as stock, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for page in pages:
                ours, theirs = load(browser, real + page), load(browser, stock + page)
                figures[page or "/"] = {"real": ours, "stock": theirs, "gzip_ratio": ours["gzip"] / theirs["gzip"],
                                        "requests_delta": ours["requests"] - theirs["requests"]}
        finally:
            browser.close()
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
