"""How the site looks and reads: light and dark schemes, a phone's width, print, and what axe
finds on every page. Screenshots of every page go to tests/artifacts/screenshots/."""

from __future__ import annotations

import contextlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from browser.conftest import DESKTOP, PHONE, screenshot_path
from browser.support import DEEP_LINK_PAGE, contrast, effective_background, scheme, style

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
AA_TEXT = 4.5  # WCAG 2 AA contrast for body text


def test_the_palette_toggle_switches_the_scheme_and_quotes_stay_readable(page):
    page.goto(DEEP_LINK_PAGE)
    quote = page.locator("article figure.respondent-quote blockquote").first
    quote_text = quote.locator("p").first
    label = page.locator("article figure.respondent-quote figcaption").first
    assert scheme(page) == "default"
    light_background = effective_background(quote)
    assert contrast(quote_text) >= AA_TEXT and contrast(label) >= AA_TEXT

    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # The scheme the page declares follows (the browser draws its scrollbars and controls in it), a
    # frame or so after the body's (the theme reads it from the header's computed style).
    declared = "[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)"
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(f"() => {declared}.join() === 'dark'", timeout=2000)
    assert page.evaluate(declared) == ["dark"]
    assert effective_background(quote) != light_background
    assert contrast(quote_text) >= AA_TEXT, "the quote is hard to read in the dark scheme"
    assert contrast(label) >= AA_TEXT, "the quote's label is hard to read in the dark scheme"
    reply = page.locator("article .author-reply p").first
    assert contrast(reply) >= AA_TEXT

    page.get_by_role("link", name="References", exact=True).first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")  # the choice is kept

    page.get_by_title("Switch to light mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_print_shows_where_citations_lead_and_marks_quotes_without_colour(page):
    page.goto("question-7-1/")
    page.emulate_media(media="print")

    citations = page.locator("article a.citation")
    assert citations.count() >= 3
    for index in range(citations.count()):
        printed = style(citations.nth(index), "content", "::after")
        assert "http" in printed, f"citation {index} prints no address: {printed!r}"

    quote = page.locator("article figure.respondent-quote blockquote").first
    assert style(quote, "border-left-style") == "solid"
    assert float(style(quote, "border-left-width").removesuffix("px")) >= 2
    reply = page.locator("article .author-reply").first
    assert style(reply, "border-left-style") == "none"
    indent = quote.locator("p").first.bounding_box()["x"] - reply.locator("p").first.bounding_box()["x"]
    assert indent >= 10, "the quote's text is not set in from the reply's"
    expect(page.locator("article figure.respondent-quote figcaption").first).to_have_text("Stability AI")

    for control in ["button.share-button", ".md-header", ".md-sidebar--primary", ".md-footer"]:
        expect(page.locator(control).first).to_be_hidden()


def test_nothing_is_wider_than_a_phone(page, site_pages):
    page.set_viewport_size(PHONE)
    for path in site_pages:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"/{path} scrolls sideways on a 360px screen by {overflow}px"


@pytest.mark.parametrize("name", list(SCHEMES))
def test_every_page_passes_axe_and_is_photographed(open_context, site_pages, name):
    """Every page, light and dark: no accessibility violation axe can find; screenshots at
    desktop and phone widths, and as printed (light only: print ignores the scheme)."""
    page = open_context(color_scheme=name).new_page()
    axe, problems = Axe(), []
    for path in site_pages:
        page.set_viewport_size(DESKTOP)
        page.goto(path)
        assert scheme(page) == SCHEMES[name], f"/{path} did not follow the {name} preference"
        results = axe.run(page)
        if results.violations_count:
            problems.append(f"/{path} ({name}):\n{results.generate_report()}")
        stem = path.strip("/").replace("/", "-").removesuffix(".html") or "home"
        page.screenshot(path=screenshot_path(f"{stem}-{name}-desktop"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=screenshot_path(f"{stem}-{name}-phone"), full_page=True)
        if name == "light":
            page.set_viewport_size(DESKTOP)
            page.emulate_media(media="print")
            page.screenshot(path=screenshot_path(f"{stem}-print"), full_page=True)
            page.emulate_media(media="screen")
    assert not problems, "\n\n".join(problems)
