"""Sharing one rebuttal: its link is its share page `r/<id>/`, which shows the rebuttal whole and
previews it in the author's words (title, description, card, alternative text).

The built site is the real one (`built_site`); the previews of every share page are also kept as a
golden file, tests/fixtures/previews/reply.yml (UPDATE_GOLDENS=1 rewrites it: review the diff).
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, UPDATE_GOLDENS
from reply_site.publish.cards import NOTE_SIZES, TEXT_BOX, NOTE_BOX, TEXT_SIZES, fit
from reply_site.settings import Settings
from reply_site.site_build import SiteBuild
from reply_site.text import ELLIPSIS, one_line, opening_sentence
from site_text import page

BUILD = SiteBuild(Settings.load(ROOT / "mkdocs.yml"))
REPLY = BUILD.reply
SHARED = [(question, rebuttal) for question in REPLY.questions for rebuttal in question.rebuttals]
IDS = [rebuttal.id for _, rebuttal in SHARED]
GOLDEN = FIXTURES / "previews" / "reply.yml"


def head(soup: BeautifulSoup) -> dict[str, str]:
    return {tag.get("property") or tag.get("name"): tag["content"] for tag in soup.select("head meta[content]")}


def pieces(excerpt: str) -> list[str]:
    """The runs of an excerpt between the cuts marked "…"."""
    return [piece.strip() for piece in excerpt.split(ELLIPSIS) if piece.strip()]


def reply_words(rebuttal) -> str:
    return " ".join(one_line(p.text) for p in rebuttal.reply)


def quote_words(rebuttal) -> str:
    return " ".join(one_line(p.text) for p in rebuttal.quote)


@pytest.mark.parametrize("index", range(len(SHARED)), ids=IDS)
def test_a_rebuttals_link_and_its_permalink_both_lead_to_its_share_page(built_site, index):
    question, rebuttal = SHARED[index]
    soup = page(built_site, question.slug)
    heading = soup.find(id=rebuttal.id)
    assert heading.select_one("a.headerlink")["href"] == f"../r/{rebuttal.id}/"
    block = heading.find_next_sibling("div", class_="rebuttal")
    link = block.select_one(".rebuttal-actions a.share-link")
    assert link["href"] == f"../r/{rebuttal.id}/" and link.get_text() == "Link to this rebuttal"
    citation = "\n".join(code.get_text() for code in block.select("details code"))
    assert f"/r/{rebuttal.id}/" in citation and "@misc{reply:" + rebuttal.id in citation
    assert "Author not named" in citation  # the reply names no author: none is invented


@pytest.mark.parametrize("index", range(len(SHARED)), ids=IDS)
def test_a_share_page_stands_on_its_own(built_site, index):
    """Without any script or refresh: the claim, the whole reply with its citation links, and the way
    to the rebuttal in context; its canonical address and og:url are both the share page."""
    question, rebuttal = SHARED[index]
    soup = page(built_site, f"r/{rebuttal.id}")
    assert soup.select_one('meta[http-equiv="refresh"]') is None
    article = soup.select_one("article")
    quote = article.select_one("figure.respondent-quote")
    assert " ".join(quote.blockquote.get_text(" ").split()) == quote_words(rebuttal)
    assert quote.figcaption.get_text(strip=True) == REPLY.respondent
    reply = article.select_one(".author-reply")
    for apparatus in reply.select("a.citation"):
        assert apparatus["href"].startswith("../../references/#ref-")
        apparatus.decompose()
    shown = re.sub(r" ([.,;:)])", r"\1", " ".join(reply.get_text(" ").split()))  # where a citation was
    assert shown == reply_words(rebuttal)
    in_context = [a["href"] for a in article.select(".rebuttal-context a")]
    assert f"../../{question.slug}/#{rebuttal.id}" in in_context
    share_url = f"{BUILD.settings.site_url}r/{rebuttal.id}/"
    assert soup.select_one('link[rel="canonical"]')["href"] == head(soup)["og:url"] == share_url
    assert "noindex" in head(soup)["robots"]  # the question page is the one search engines list


@pytest.mark.parametrize("index", range(len(SHARED)), ids=IDS)
def test_a_share_pages_preview_leads_with_the_authors_words(built_site, index):
    question, rebuttal = SHARED[index]
    meta = head(page(built_site, f"r/{rebuttal.id}"))
    title, description, alt = meta["og:title"], meta["og:description"], meta["og:image:alt"]
    assert meta["twitter:title"] == title and meta["twitter:description"] == description
    assert meta["twitter:image:alt"] == alt and alt
    text, claim = reply_words(rebuttal), quote_words(rebuttal)
    assert not title.startswith((REPLY.respondent, "Question"))
    # The reply's own opening comes first, its start (what every network shows) within 60 characters.
    opening, _, rest = title.partition(f" — in reply to {REPLY.respondent}: ")
    assert text.startswith(pieces(opening)[0]) and len(pieces(opening)[0]) >= min(60, len(text))
    assert claim.startswith(pieces(rest)[0])  # the claim second, its quotation marks as written
    assert all(piece in text for piece in pieces(description))  # the author's words
    assert description.split()[0] in text.split()


def test_quotation_marks_are_never_changed_nor_added_in_previews():
    for name, preview in BUILD.previews.items():
        source = one_line(BUILD.pages[name].body) if name in BUILD.pages else ""
        for text in (preview.title, preview.description, preview.card.text, preview.card.note):
            for mark in "“”\"":
                if name in BUILD.shared:
                    assert text.count(mark) <= source.count(mark), (name, text)


@pytest.mark.parametrize("name", sorted(BUILD.previews))
def test_every_card_draws_its_text_whole_so_that_its_alt_text_is_true(name):
    card = BUILD.previews[name].card
    assert " ".join(fit(card.text, TEXT_SIZES, TEXT_BOX[1])[1]) == card.text
    if card.note:
        assert " ".join(fit(f"{card.note_label} {card.note}", NOTE_SIZES, NOTE_BOX[1])[1]) == \
            f"{card.note_label} {card.note}"
    assert card.text in card.alt and card.note in card.alt and card.label in card.alt


def test_question_and_home_pages_preview_what_the_author_answers_there(built_site):
    for question in REPLY.questions:
        meta = head(page(built_site, question.slug))
        assert meta["og:title"] != f"Question {question.number}" and REPLY.respondent in meta["og:title"]
        if question.rebuttals:  # the opening sentence of each reply there, in order
            openings = " ".join(opening_sentence(reply_words(rebuttal)) for rebuttal in question.rebuttals)
            assert openings.startswith(pieces(meta["og:description"])[0])
        assert meta["description"] == meta["og:description"]
    home = head(page(built_site, "index"))
    assert f"{len(REPLY.rebuttals)} passages" in home["og:description"]
    assert pieces(home["og:description"])[0].split("opens: ")[1] in reply_words(REPLY.rebuttals[0])


def structured(soup: BeautifulSoup) -> dict:
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


@pytest.mark.parametrize("index", range(len(SHARED)), ids=IDS)
def test_each_rebuttal_is_data_a_claim_and_the_reply_that_addresses_it(built_site, index):
    question, rebuttal = SHARED[index]
    share_url = f"{BUILD.settings.site_url}r/{rebuttal.id}/"
    on_share_page = structured(page(built_site, f"r/{rebuttal.id}"))["mainEntity"]
    on_question_page = {part["@id"]: part for part in structured(page(built_site, question.slug))["hasPart"]}
    assert on_question_page[share_url + "#reply"] == on_share_page
    assert on_share_page["@type"] == "Comment" and on_share_page["url"] == share_url
    assert on_share_page["text"] == "\n\n".join(one_line(p.text) for p in rebuttal.reply)
    claim = on_share_page["about"]
    assert claim["@type"] == "Claim" and claim["@id"] == share_url + "#claim"
    assert claim["text"] == "\n\n".join(one_line(p.text) for p in rebuttal.quote)
    assert claim["author"]["name"] == REPLY.respondent


def test_share_pages_are_for_linking_not_for_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [entry for entry in index["docs"] if entry["location"].startswith("r/")]
    assert "/r/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_previews_of_every_share_page_are_as_reviewed():
    previews = {rebuttal.id: {"title": preview.title, "description": preview.description,
                              "image_alt": preview.card.alt}
                for name, preview in BUILD.previews.items() for rebuttal in [BUILD.shared.get(name, (0, None))[1]]
                if rebuttal is not None}
    text = yaml.safe_dump(previews, allow_unicode=True, sort_keys=False, width=100)
    if UPDATE_GOLDENS:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), f"{GOLDEN} differs (UPDATE_GOLDENS=1 rewrites it)"
