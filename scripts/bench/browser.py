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


def local_context(browser, on_response):
    """A fresh context (empty cache) calling `on_response` for each response; also the list of the
    requests to other hosts, which are aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    external: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith("data:") or urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", route)
    context.on("response", on_response)
    return context, external


def settled(page, url: str) -> None:
    """Open `url` and wait until the network has been idle for 500 ms after the load event."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
