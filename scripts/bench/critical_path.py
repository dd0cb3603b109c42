"""The critical path: what the first paint of each page waits for, in bytes over the wire (gzip, as
served), against the HTML document alone, the physical floor; and the search index and worker, when
they are fetched before any use of search, as what deferring them to first use would save.

Render-blocking is what Chromium reports (PerformanceResourceTiming.renderBlockingStatus) for the
stylesheets and scripts the page's <head> asks for. Chromium may also report a synchronous script in
<body> as blocking: it blocks the parser, not the first paint, and is counted apart. Every page of
the site, and the worst of them on stock Material, is loaded once, from a fresh profile, until the
network is idle.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .browser import browser, local_context, settled
from .sites import Sites, common_pages
from .weight import is_search

# Chromium's render-blocking resources, split by whether <head> asks for them; and the first paint.
TIMING = """() => {
  const head = new Set([...document.head.querySelectorAll('link[href], script[src]')].map(e => e.href || e.src));
  const blocking = performance.getEntriesByType('resource').filter(e => e.renderBlockingStatus === 'blocking');
  const paint = performance.getEntriesByType('paint').find(e => e.name === 'first-paint');
  return {head: [...new Set(blocking.filter(e => head.has(e.name)).map(e => e.name))],
          body: [...new Set(blocking.filter(e => !head.has(e.name)).map(e => e.name))],
          first_paint_ms: paint ? paint.startTime : null};
}"""


def wire_bytes(response) -> int:
    """The body's size as sent (gzip-compressed where the host compresses it)."""
    try:
        return int(response.headers.get("content-length") or len(response.body()))
    except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
        return 0


def load(chromium, url: str) -> dict:
    """The critical path of one page: its document, the resources its first paint waits for, search."""
    sizes: dict[str, int] = {}
    context, _ = local_context(chromium, lambda response: sizes.setdefault(response.url, wire_bytes(response)))
    page = context.new_page()
    settled(page, url)
    timing = page.evaluate(TIMING)
    context.close()
    document = sizes.get(url, 0)
    blocking = {urlsplit(u).path: sizes.get(u, 0) for u in timing["head"]}
    search = {urlsplit(u).path: size for u, size in sizes.items() if is_search(u)}
    return {"document_gzip": document, "blocking": blocking,
            "critical_gzip": document + sum(blocking.values()),
            "critical_ratio": (document + sum(blocking.values())) / document if document else None,
            "stylesheets": sum(1 for u in blocking if u.endswith(".css")),
            "scripts": sum(1 for u in blocking if not u.endswith(".css")),
            "parser_blocking_in_body": {urlsplit(u).path: sizes.get(u, 0) for u in timing["body"]},
            "first_paint_ms": timing["first_paint_ms"],
            "page_gzip": sum(sizes.values()), "search": search, "search_gzip": sum(search.values())}


def critical_path(sites: Sites) -> dict:
    """Every page of the site; stock Material's same page for the worst one."""
    urls, folders = sites.urls(), sites.folders()
    with browser() as chromium:
        site = {page or "/": load(chromium, urls["site"] + page) for page in common_pages(folders)}
        worst = max(site, key=lambda p: site[p]["critical_ratio"] or 0)
        stock = load(chromium, urls["stock"] + worst.lstrip("/"))
    most_blocking = max(site, key=lambda p: len(site[p]["blocking"]))
    heaviest_search = max(site, key=lambda p: site[p]["search_gzip"])
    return {
        "pages": site,
        "stock_worst_page": stock,
        "worst_page": worst,
        "worst_ratio": site[worst]["critical_ratio"],
        "most_blocking_page": most_blocking,
        "render_blocking_max": len(site[most_blocking]["blocking"]),
        "search_page": heaviest_search,
        "search_gzip": site[heaviest_search]["search_gzip"],
        "search_fetched_before_use": any(figures["search"] for figures in site.values()),
        "search_share": site[heaviest_search]["search_gzip"] / site[heaviest_search]["page_gzip"],
    }
