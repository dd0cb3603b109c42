"""Read the reply's words back from built HTML pages, leaving out the site's own apparatus."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

URL_CITATION = re.compile(r"\(?<https?://[^>\s]+>\)?|https?://\S+")


def page(site: Path, name: str) -> BeautifulSoup:
    path = site / ("index.html" if name == "index" else f"{name}/index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> list[str]:
    """Whitespace-separated tokens, punctuation included: spelling and punctuation both count."""
    return text.split()


def words_of(elements) -> list[str]:
    tokens = []
    for element in elements:
        for apparatus in element.select("a.citation, a.headerlink"):
            apparatus.decompose()
        tokens += words(element.get_text(" "))
    return tokens


def raw_words(text: str) -> list[str]:
    """Words of the reply as received; URLs that became citations and Markdown emphasis left out."""
    return words(URL_CITATION.sub(" ", text).replace("*", ""))


def site_words(site: Path, question_pages: list[str], home_page: str = "index") -> list[str]:
    """The reply's words as the site shows them, in reading order: title and preamble (of
    `home_page`), the questions, then every quote and reply, page after page."""
    home = page(site, home_page)
    questions, rebuttals = [], []
    for name in question_pages:
        soup = page(site, name)
        questions += words_of(soup.select("article .question-text"))
        rebuttals += words_of(soup.select("article .respondent-quote blockquote, article .author-reply"))
    return words_of(home.select("article h1, article .reply-preamble")) + questions + rebuttals


def first_difference(expected: list[str], actual: list[str]) -> str | None:
    """None when both word lists are the same, else where they part."""
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            context = " ".join(expected[max(0, index - 6): index + 6])
            return f"word {index}: expected {want!r}, site has {got!r} (near: {context!r})"
    if len(expected) != len(actual):
        return f"expected {len(expected)} words, site has {len(actual)}"
    return None
