"""A reader who remembers a few words of a passage finds its rebuttal with the site's search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.support import in_viewport_below_header, wait_for_scroll_to_settle
from conftest import ROOT

pytestmark = pytest.mark.browser

SOURCE = (ROOT / "docs" / "reply.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("phrase, page_path, rebuttal_id", [
    pytest.param("new and unseen content", "question-7-2/", "knowledge-is-generalizable",
                 id="a phrase of Stability AI's quote"),
    pytest.param("protein structures, traffic patterns", "question-7-1/", "unprotectable-ideas-and-free-learning",
                 id="a phrase of the author's reply"),
])
def test_searching_a_phrase_leads_to_the_rebuttal_it_belongs_to(page, phrase, page_path, rebuttal_id):
    assert phrase in SOURCE, "the example phrase is no longer in docs/reply.md"
    page.goto("")
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.press_sequentially(phrase, delay=15)

    result = page.locator(f'.md-search-result__link[href*="/{page_path}"][href$="#{rebuttal_id}"]')
    expect(result).to_be_visible()
    expect(result.locator("mark").first).to_be_visible()  # the words found are marked
    scores = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => [a.href, Number(a.firstElementChild.dataset.mdScore)])")
    best = max(scores, key=lambda pair: pair[1])[0]
    assert best.endswith(f"#{rebuttal_id}"), f"the best match is {best}, not the rebuttal"
    result.click()

    expect(page).to_have_url(re.compile(f"/{page_path}.*#{rebuttal_id}$"))
    heading = page.locator(f"h2.rebuttal-heading#{rebuttal_id}")
    wait_for_scroll_to_settle(page)
    assert in_viewport_below_header(page, heading)
    found = page.locator(f"#{rebuttal_id} + .rebuttal mark, #{rebuttal_id} ~ .rebuttal mark").first
    expect(found).to_be_visible()  # the search terms are highlighted in the rebuttal
