"""A reader who remembers a few words of a passage finds its rebuttal with the site's search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, expect

from browser.support import in_viewport_below_header, wait_for_scroll_to_settle
from conftest import ROOT

pytestmark = pytest.mark.browser

SOURCE = (ROOT / "docs" / "reply.md").read_text(encoding="utf-8")


def open_search(page) -> Locator:
    """The search dialog, opened as a reader would: its box (Material) or its button (Zensical)."""
    opener = page.get_by_role("textbox", name="Search").or_(page.get_by_role("button", name=re.compile("^Search")))
    opener.first.click()
    field = page.get_by_role("textbox", name="Search").or_(page.get_by_role("combobox", name="Search"))
    return page.get_by_role("dialog", name="Search").filter(has=field)


def settled(page, locator: Locator) -> None:
    """Wait until the results hold still: a theme may show results for the first words typed."""
    expect(locator.first).to_be_visible()
    page.wait_for_function("""([element, still]) => new Promise(done => {
        let last = element.textContent, count = 0;
        const timer = setInterval(() => {
            count = element.textContent === last ? count + 1 : 0;
            last = element.textContent;
            if (count >= still) { clearInterval(timer); done(true); }
        }, 100);
    })""", arg=[locator.first.element_handle(), 4])


@pytest.mark.parametrize("phrase, page_path, rebuttal_id", [
    pytest.param("new and unseen content", "question-7-2/", "knowledge-is-generalizable",
                 id="a phrase of Stability AI's quote"),
    pytest.param("protein structures, traffic patterns", "question-7-1/", "unprotectable-ideas-and-free-learning",
                 id="a phrase of the author's reply"),
])
def test_searching_a_phrase_leads_to_the_rebuttal_it_belongs_to(page, phrase, page_path, rebuttal_id):
    """Whatever the theme's markup: the best result (listed first) is the rebuttal, with the words marked."""
    assert phrase in SOURCE, "the example phrase is no longer in docs/reply.md"
    page.goto("")
    dialog = open_search(page)
    page.keyboard.type(phrase, delay=15)

    results = dialog.get_by_role("option").or_(dialog.get_by_role("link").filter(has=page.locator("mark")))
    settled(page, dialog)
    expect(results.first.locator("mark").first).to_be_visible()  # the words found are marked
    results.first.click()

    expect(page).to_have_url(re.compile(f"/{page_path}.*#{rebuttal_id}$"))
    heading = page.locator(f"h2.rebuttal-heading#{rebuttal_id}")
    wait_for_scroll_to_settle(page)
    assert in_viewport_below_header(page, heading)
    found = page.locator(f"#{rebuttal_id} + .rebuttal mark, #{rebuttal_id} ~ .rebuttal mark").first
    expect(found).to_be_visible()  # the search terms are highlighted in the rebuttal (search.highlight)
