"""The real site: a strict MkDocs build of docs/reply.md that holds the whole reply."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import RAW_REPLY, ROOT
from reply_site.render.pages import navigation
from reply_site.source.reply import load_reply
from site_text import first_difference, page, raw_words, site_words, words

REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")
QUESTION_PAGES = [question.slug for question in REPLY.questions]


def test_every_word_of_the_reply_as_received_is_on_the_site_in_order(built_site):
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    assert len(expected) > 1500
    assert first_difference(expected, site_words(built_site, QUESTION_PAGES)) is None


def test_the_whole_reply_on_one_page_holds_every_word_in_order_and_links_each_passage_home(built_site):
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    assert first_difference(expected, site_words(built_site, ["whole-reply"], "whole-reply")) is None
    whole = page(built_site, "whole-reply")
    for question in REPLY.questions:
        for rebuttal in question.rebuttals:
            block = whole.find(id=rebuttal.id).find_next_sibling("div", class_="rebuttal")
            assert block.select_one("a.context-link")["href"] == f"../{question.slug}/#{rebuttal.id}"
            assert block.select_one("a.share-link")["href"] == f"../r/{rebuttal.id}/"
    for name in ["index", *QUESTION_PAGES]:
        links = page(built_site, name).select("article .whole-reply-links a")
        assert [a.get_text() for a in links][:1] == ["Read the whole reply"], name


@pytest.mark.parametrize("change", ["drop", "alter"])
def test_the_fidelity_check_notices_one_word_dropped_or_changed(built_site, change):
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    shown = site_words(built_site, QUESTION_PAGES)
    for index in range(0, len(shown), 97):
        damaged = list(shown)
        if change == "drop":
            del damaged[index]
        else:
            damaged[index] = damaged[index] + "s"
        assert first_difference(expected, damaged) is not None, f"{change} at word {index} went unnoticed"


def test_each_question_has_a_page_with_its_quotes_as_blockquotes(built_site):
    for question in REPLY.questions:
        soup = page(built_site, question.slug)
        assert question.text in soup.select_one("article .question-text").get_text()
        quotes = soup.select("article figure.respondent-quote > blockquote")
        assert len(quotes) == len(question.rebuttals)
        for quote, rebuttal in zip(quotes, question.rebuttals, strict=True):
            assert words(quote.get_text(" "))[:5] == words(rebuttal.quote[0].text)[:5]
            assert quote.find_parent("figure").figcaption.get_text(strip=True) == "Stability AI"
        ids = [h.get("id") for h in soup.select("article h2.rebuttal-heading")]
        assert ids == [rebuttal.id for rebuttal in question.rebuttals]


def test_every_citation_resolves_to_a_reference_with_a_backlink(built_site):
    references = page(built_site, "references")
    anchors = {element["id"] for element in references.select("[id]")}
    cited = 0
    for name in QUESTION_PAGES:
        for link in page(built_site, name).select("article a.citation"):
            cited += 1
            target, _, anchor = link["href"].partition("#")
            assert target == "../references/" and anchor in anchors, link
            assert link["title"].strip() and re.fullmatch(r"\[\d+\]", link.get_text())
            heading = references.find(id=anchor)
            backlinks = heading.find_next("p", class_="cited-in").select("a")
            assert any(a["href"].endswith(f"/{name}/" + a["href"].split("/")[-1]) for a in backlinks)
    assert cited == len([k for r in REPLY.rebuttals for k in r.citation_keys])
    assert set(REPLY.cited_keys()) == {a.removeprefix("ref-") for a in anchors if a.startswith("ref-")}


def test_home_page_lists_the_questions_with_rebuttal_counts_and_links_the_docket(built_site):
    home = page(built_site, "index")
    rows = home.select("article table tbody tr")
    assert [row.a["href"] for row in rows] == [f"{q.slug}/" for q in REPLY.questions]
    assert [row.select("td")[1].get_text() for row in rows] == [str(len(q.rebuttals)) for q in REPLY.questions]
    assert home.select_one(f'article a[href="{REPLY.meta["responds_to"]["url"]}"]') is not None
    assert "grouped under the questions by this site's editors" in home.get_text()


def test_the_source_file_is_not_a_page_and_nav_follows_the_questions(built_site):
    assert not (built_site / "reply" / "index.html").exists()
    nav = [a.get_text(strip=True) for a in page(built_site, "index").select("nav.md-nav--primary > ul > li > a")]
    reading_order = ["Home", "The whole reply"] + [f"Question {q.number}" for q in REPLY.questions] + [
        "References", "From the record to this site"]
    assert nav[:len(reading_order)] == reading_order  # then the pages about the site
    assert nav == [title for entry in navigation(REPLY, has_record=True) for title in entry]


def test_no_page_loads_anything_from_another_host(built_site):
    loads = "script[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], link[rel~=manifest], " \
            "img[src], iframe[src], source[src], video[src], audio[src], object[data]"
    for path in built_site.rglob("*.html"):
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(loads):
            url = element.get("src") or element.get("href") or element.get("data")
            assert not re.match(r"(https?:)?//", url), f"{path}: {url}"
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
