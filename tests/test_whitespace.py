"""The templates' blank lines and indentation between tags go; the reader's text, code and scripts
keep their whitespace (finalise/whitespace.py). The case is an input page and its expected output."""

from __future__ import annotations

from pathlib import Path

from reply_site.finalise.whitespace import without_blank_lines

CASE = Path(__file__).parent / "fixtures" / "whitespace"


def test_whitespace_between_tags_that_holds_a_line_break_becomes_one_line_break():
    page = (CASE / "page.html").read_text(encoding="utf-8")
    assert without_blank_lines(page) == (CASE / "expected.html").read_text(encoding="utf-8")


def test_a_page_without_blank_lines_comes_out_as_it_went_in():
    once = without_blank_lines((CASE / "page.html").read_text(encoding="utf-8"))
    assert without_blank_lines(once) == once
