"""The built site in a real browser: Debian's chromium driven by Playwright.

- the site is built once per engine (MkDocs, ProperDocs, Zensical: every browser test runs on
  each) for the address it is served at, a sub-path as on GitHub Pages (`/sub/`), and served
  from 127.0.0.1 by a stdlib HTTP server on a free port, in a thread;
- one chromium for the session, fresh browser contexts (cookies, storage, permissions)
  for every test;
- every request the pages make is recorded, and a test fails when one went to any host
  other than 127.0.0.1/localhost; errors printed to the browser console fail it too.

Without chromium the browser tests are skipped locally, but fail when CI=true: a CI run
that silently skipped them would prove nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.support import wait_for_the_theme
from conftest import ROOT
from reply_site.engines import ENGINES
from reply_site.local_host import LocalServer

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
FORWARDS = re.compile(r"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def site_server():
    """A stdlib HTTP server on 127.0.0.1, on a free port, serving nothing yet."""
    server = LocalServer()
    try:
        yield server
    finally:
        server.stop()


SUB_PATH = "sub/"  # the site is served below a folder, as GitHub Pages serves a project's site


@pytest.fixture(scope="session", params=sorted(ENGINES))
def engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def served_site(site_server, engine, tmp_path_factory) -> Path:
    """The real site, built by `engine` (scripts/build_site.py) for the address it is served at.

    Built here rather than taken from `built_site`: the theme's instant navigation only
    takes over links to pages listed in the sitemap, whose addresses come from site_url,
    port included; a site built for another port would be browsed with full reloads only.
    """
    url = f"http://127.0.0.1:{site_server.server_address[1]}/{SUB_PATH}"
    host = tmp_path_factory.mktemp(f"browser-{engine}")
    site = host / SUB_PATH
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--engine", engine,
                             "--site-dir", str(site), "--work", str(host.parent / f"{host.name}-work")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "SITE_URL": url})
    assert result.returncode == 0, result.stderr
    site_server.serve(host)
    return site


@pytest.fixture(scope="session")
def site_url(site_server, served_site) -> str:
    """Base address of the served site, e.g. http://127.0.0.1:40123/sub/."""
    return f"http://127.0.0.1:{site_server.server_address[1]}/{SUB_PATH}"


@pytest.fixture(scope="session")
def site_pages(served_site: Path) -> list[str]:
    """Every page of the site as a path below its root ('' for home). Pages that only
    forward elsewhere (share pages, moved addresses) are left out: what they forward to
    is in the list."""
    pages = []
    for path in sorted(served_site.rglob("*.html")):
        if FORWARDS.search(path.read_text(encoding="utf-8")):
            continue
        pages.append(path.relative_to(served_site).as_posix().removesuffix("index.html"))
    return pages


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium, or scripts/install_debian_packages.sh)"
        if in_ci():
            pytest.fail(f"CI=true and {message}: the browser tests cannot run", pytrace=False)
        pytest.skip(f"{message}: browser tests skipped (they fail instead when CI=true)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Traffic:
    """What the pages of one test asked for and complained about."""
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname not in LOCAL_HOSTS]


@pytest.fixture
def traffic(request) -> Traffic:
    recorded = Traffic()
    request.node.browser_traffic = recorded  # checked after the test by pytest_runtest_call
    return recorded


@pytest.fixture
def open_context(browser, site_url, traffic):
    """Opens browser contexts whose traffic is recorded (desktop size, light scheme and the
    clipboard allowed unless told otherwise); all are closed after the test."""
    opened = []

    def open_one(**options):
        options = {"base_url": site_url, "viewport": DESKTOP, "color_scheme": "light",
                   "permissions": ["clipboard-read", "clipboard-write"], **options}
        ctx = browser.new_context(**options)
        ctx.on("request", lambda req: traffic.requests.append(req.url))
        ctx.on("page", lambda new_page: (watch_console(new_page, traffic), goto_waits_for_the_theme(new_page)))
        opened.append(ctx)
        return ctx

    yield open_one
    for ctx in opened:
        ctx.close()


@pytest.fixture
def context(open_context):
    return open_context()


def goto_waits_for_the_theme(page) -> None:
    """`page.goto` returns once the page's theme has started, as a reader's first tap finds it."""
    plain = page.goto

    def goto(url, **options):
        response = plain(url, **options)
        if options.get("wait_until") != "commit":
            wait_for_the_theme(page)
        return response

    page.goto = goto


def watch_console(page, traffic: Traffic) -> None:
    page.on("console", lambda message: record_console_error(page, message, traffic))
    page.on("pageerror", lambda error: traffic.console_errors.append(f"{page.url}: uncaught {error}"))


def record_console_error(page, message, traffic: Traffic) -> None:
    if message.type != "error":
        return
    if (message.location or {}).get("url", "").endswith("/favicon.ico"):
        return  # the browser's own guess at an icon for a page that names none (share pages)
    traffic.console_errors.append(f"{page.url}: {message.text}")


@pytest.fixture
def page(context):
    """A tab in the fresh context, with the default timeout short enough to fail fast."""
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    return tab


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every browser test: no request left the machine, no error in the console.
    Checked in the test's own call phase, so a breach fails the test itself."""
    result = yield
    traffic = getattr(item, "browser_traffic", None)
    if traffic is not None:
        foreign = traffic.foreign()
        assert not foreign, f"requests left 127.0.0.1/localhost: {foreign}"
        assert not traffic.console_errors, f"errors in the browser console: {traffic.console_errors}"
    return result


def screenshot_path(name: str) -> Path:
    """tests/artifacts/screenshots/<name>.png (the folder is gitignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") + ".png")
