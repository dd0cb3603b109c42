"""Debian's chromium under Playwright, for the page weight and the critical path: a fresh context per
page, requests to other hosts blocked (the site makes none; stock Material asks GitHub's API)."""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from .common import CHROMIUM_ARGS, Failed, chromium


@contextlib.contextmanager
def browser():
    """A headless chromium, closed when the block ends; Failed when chromium is not installed."""
    if not chromium():
        raise Failed("chromium is not installed (Debian's: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def local_context(browser, on_response=None, **options):
    """A fresh context (empty cache, a desktop's window unless `options` say otherwise) calling
    `on_response` for each response; also the list of the requests to other hosts, which are aborted."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    external: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith("data:") or urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", route)
    if on_response:
        context.on("response", on_response)
    return context, external


# The site's theme starts after the first paint (finalise/scripts.py), which may come after the load
# event: its page is settled once the loader has marked the start. Stock pages have no loader.
THEME_STARTED = """() => ![...document.scripts].some(s => s.text.includes('"theme-started"'))
    || performance.getEntriesByName("theme-started").length > 0"""
IDLE_MS = 500


def settled(page, url: str) -> None:
    """Open `url`, wait for its theme to start, then until no request has been open for 500 ms
    (Playwright's "networkidle" may have passed before the theme's scripts were added)."""
    open_requests: set = set()
    page.on("request", lambda request: open_requests.add(request))
    page.on("requestfinished", lambda request: open_requests.discard(request))
    page.on("requestfailed", lambda request: open_requests.discard(request))
    page.goto(url, wait_until="load")
    page.wait_for_function(THEME_STARTED)
    quiet = 0
    while quiet < IDLE_MS:
        page.wait_for_timeout(50)
        quiet = 0 if open_requests else quiet + 50
