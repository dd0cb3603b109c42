"""Printing any page gives the reply alone: Chromium's print to PDF of a question page holds its
quotes and replies, no navigation and no buttons, and each citation's reference printed after it."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text

from browser.support import DEEP_LINK_PAGE

pytestmark = pytest.mark.browser

APPARATUS = ["Copy link", "Link to this rebuttal", "Skip to content", "Search", "Cite this rebuttal",
             "Back to top", "Table of contents", "Read the whole reply", "Source and history"]


def printed(page, path: str) -> str:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return " ".join(extract_text(io.BytesIO(page.pdf(print_background=True))).split())


def test_a_printed_question_page_holds_the_reply_and_where_citations_lead(page):
    text = printed(page, DEEP_LINK_PAGE)
    assert "First of all, the model does not form an understanding of anything." in text
    assert "Models learn behaviors, they do not store works." in text
    assert "https://arxiv.org/abs/2301.13188" in text  # the citation's reference, printed after it
    shown = [label for label in APPARATUS if label in text]
    assert not shown, f"the printed page shows the site's controls: {shown}"
    navigation = page.locator("nav.md-nav--primary a").all_inner_texts()
    assert "References" in navigation and text.count("Question 7.1") == 0  # another page's entry


@pytest.mark.parametrize("path", ["", "whole-reply/", "r/models-do-not-store-works/", "references/"])
def test_every_kind_of_page_prints_without_the_sites_controls(page, path):
    text = printed(page, path)
    assert text
    assert not [label for label in APPARATUS if label in text], path
