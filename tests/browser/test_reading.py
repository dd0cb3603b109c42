"""A reader finds the reply, reads a question page, checks a citation and follows a deep link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.support import (DEEP_LINK_ID, DEEP_LINK_PAGE, in_viewport_below_header, style,
                             wait_for_scroll_to_settle)

pytestmark = pytest.mark.browser


def test_the_home_page_shows_the_reply_and_a_table_of_the_questions(page):
    page.goto("")
    expect(page).to_have_title(re.compile("Stability AI"))
    expect(page.locator("article h1")).to_contain_text("Stability AI")
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first.get_by_role("link")).to_contain_text("7.")


def test_a_question_page_is_reached_from_the_home_page_table(page):
    page.goto("")
    page.locator("article table").get_by_role("link", name=re.compile(r"^7\.2\.")).click()
    expect(page).to_have_url(re.compile(r"/question-7-2/$"))
    expect(page.locator("article h1")).to_have_text(re.compile("Question 7.2"))
    quotes = page.locator("article figure.respondent-quote")
    expect(quotes).to_have_count(3)
    expect(quotes.first.locator("figcaption")).to_have_text("Stability AI")
    expect(page.locator("article .author-reply").first).to_be_visible()


def test_hovering_a_citation_shows_the_full_reference_in_a_tooltip(page):
    page.goto(DEEP_LINK_PAGE)
    citation = page.locator("article a.citation").first
    reference = citation.get_attribute("title")
    assert "Extracting Training Data from Diffusion Models" in reference
    citation.scroll_into_view_if_needed()
    citation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(reference)
    box, viewport = tooltip.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the tooltip runs off the screen"
    page.mouse.move(5, 5)
    expect(tooltip).to_be_hidden()


def test_following_a_citation_lands_on_the_reference_and_back_returns_to_the_passage(page):
    page.goto(DEEP_LINK_PAGE)
    citation = page.locator("article a.citation").first
    citation.evaluate("link => link.scrollIntoView({block: 'center'})")  # read in the middle of the screen
    wait_for_scroll_to_settle(page)
    citation.click()
    expect(page).to_have_url(re.compile(r"/references/#ref-carlini2023$"))
    reference = page.locator("#ref-carlini2023")
    expect(reference).to_contain_text("Carlini")
    wait_for_scroll_to_settle(page)
    assert in_viewport_below_header(page, reference)
    assert page.evaluate("document.querySelector(':target')?.id") == "ref-carlini2023"

    page.go_back()
    expect(page).to_have_url(re.compile(r"/question-7-2/$"))
    expect(page.locator("article h1")).to_have_text(re.compile("Question 7.2"))
    wait_for_scroll_to_settle(page)
    box = page.locator("article a.citation").first.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"], "back did not return to the citation"


def assert_landed_on_highlighted_rebuttal(page, rebuttal_id: str) -> None:
    heading = page.locator(f"h2.rebuttal-heading#{rebuttal_id}")
    expect(heading).to_be_visible()
    wait_for_scroll_to_settle(page)
    assert page.evaluate("document.querySelector(':target')?.id") == rebuttal_id
    assert in_viewport_below_header(page, heading), "the rebuttal is not on screen"
    other = page.locator(f"h2.rebuttal-heading:not(#{rebuttal_id})").first
    assert style(heading, "background-color") != style(other, "background-color"), \
        "the rebuttal the link points at looks like any other"


def test_a_deep_link_opens_scrolled_to_its_rebuttal_and_highlights_it(page):
    page.goto(f"{DEEP_LINK_PAGE}#{DEEP_LINK_ID}")
    assert_landed_on_highlighted_rebuttal(page, DEEP_LINK_ID)


def test_a_deep_link_followed_inside_the_site_lands_highlighted_too(page):
    """Material's instant navigation loads the page without a reload: the target still counts."""
    page.goto("references/")
    backlink = page.locator(f'p.cited-in a[href*="#{DEEP_LINK_ID}"]')
    backlink.click()
    expect(page).to_have_url(re.compile(f"/{DEEP_LINK_PAGE}#{DEEP_LINK_ID}$"))
    assert_landed_on_highlighted_rebuttal(page, DEEP_LINK_ID)
