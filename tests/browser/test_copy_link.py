"""Every rebuttal has a "Copy link" button that puts the rebuttal's full address on the clipboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.support import DEEP_LINK_ID, DEEP_LINK_PAGE

pytestmark = pytest.mark.browser


def copy_button(page, rebuttal_id: str):
    return page.locator(f"#{rebuttal_id} ~ * button.copy-link").first


def test_every_rebuttal_heading_has_one_copy_link_button_named_after_it(page):
    page.goto(DEEP_LINK_PAGE)
    headings = page.locator("article h2.rebuttal-heading")
    buttons = page.get_by_role("button", name=re.compile("^Copy link"))
    expect(buttons).to_have_count(headings.count())
    name = buttons.first.get_attribute("aria-label")
    assert name.startswith("Copy link") and "Models learn behaviors" in name
    for index in range(headings.count()):
        rebuttal_id = headings.nth(index).get_attribute("id")
        assert page.locator(f"#{rebuttal_id} ~ * button.copy-link").first.is_visible()


def test_copy_link_puts_the_absolute_address_on_the_clipboard_and_says_so(page, site_url):
    page.goto(DEEP_LINK_PAGE + "?from=somewhere")
    status = page.locator(f"#{DEEP_LINK_ID} ~ * [role=status]").first
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_be_empty()
    copy_button(page, DEEP_LINK_ID).click()
    expect(status).to_have_text("Link copied")
    expect(status).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}{DEEP_LINK_PAGE}#{DEEP_LINK_ID}"


def test_copy_link_works_from_the_keyboard(page, site_url):
    page.goto(DEEP_LINK_PAGE)
    button = copy_button(page, "knowledge-is-generalizable")
    button.focus()
    expect(button).to_be_focused()
    outline = button.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused button shows no focus ring"
    page.keyboard.press("Enter")
    expect(page.locator("#knowledge-is-generalizable ~ * [role=status]").first).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == \
        f"{site_url}{DEEP_LINK_PAGE}#knowledge-is-generalizable"
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press("Space")
    assert page.evaluate("navigator.clipboard.readText()").endswith("#knowledge-is-generalizable")


def test_copy_link_falls_back_to_a_copy_command_without_the_clipboard_api(page, site_url, context):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(DEEP_LINK_PAGE)
    copy_button(page, DEEP_LINK_ID).click()
    expect(page.locator(f"#{DEEP_LINK_ID} ~ * [role=status]").first).to_have_text("Link copied")
    reader = context.new_page()
    reader.goto("")
    assert reader.evaluate("navigator.clipboard.readText()") == f"{site_url}{DEEP_LINK_PAGE}#{DEEP_LINK_ID}"


def expect_one_button_per_rebuttal(page, title: str) -> None:
    expect(page.locator("article h1")).to_have_text(re.compile(title))
    expect(page.locator("button.copy-link")).to_have_count(page.locator("h2.rebuttal-heading").count())


def test_the_buttons_are_there_once_after_instant_navigation_between_pages(page):
    page.goto("")
    page.evaluate("window.stillTheSameDocument = true")  # gone if a link reloads the page
    page.locator("article table").get_by_role("link", name=re.compile(r"^7\.1\.")).click()
    expect_one_button_per_rebuttal(page, "Question 7.1")
    assert page.evaluate("window.stillTheSameDocument") is True, "instant navigation was not used"
    page.get_by_role("link", name="Question 7.2", exact=True).first.click()
    expect_one_button_per_rebuttal(page, "Question 7.2")
    page.go_back()
    expect_one_button_per_rebuttal(page, "Question 7.1")
    page.go_forward()
    expect_one_button_per_rebuttal(page, "Question 7.2")
    assert page.evaluate("window.stillTheSameDocument") is True


def test_a_page_without_an_actions_bar_gets_the_button_right_under_each_heading(page):
    """The button does not depend on the generated bar of actions: without one, it makes its own."""
    def without_bars(route):
        html = route.fetch().text()
        route.fulfill(body=re.sub(r'<div class="rebuttal-actions">.*?</div>', "", html, flags=re.S),
                      content_type="text/html; charset=utf-8")

    page.route(re.compile(f"/{DEEP_LINK_PAGE}$"), without_bars)
    page.goto(DEEP_LINK_PAGE)
    expect(page.locator(".rebuttal-actions")).to_have_count(3)
    for heading in page.locator("h2.rebuttal-heading").all():
        next_block = heading.locator("xpath=following-sibling::*[1]")
        bar = next_block.locator(":scope > .rebuttal-actions, :scope.rebuttal-actions")
        expect(bar.get_by_role("button", name=re.compile("^Copy link"))).to_be_visible()
    assert page.locator("a.share-link").count() == 0
