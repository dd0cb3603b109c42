"""The reply as data: reply.json against its schema and the built pages, and each page's JSON-LD."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from copied_build import site_url
from rendered import render
from reply_site.model import Paragraph
from reply_site.publish.head import script_json
from reply_site.publish.json_ld import home
from reply_site.publish.reply_json import reply_document
from reply_site.render.citations import Citer
from reply_site.text import without_markup
from site_text import page

SCHEMA = json.loads((ROOT / "schema" / "reply.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
BUILD = render(ROOT / "docs" / "reply.md", ROOT / "docs" / "references.bib", root=ROOT)
REPLY = BUILD.reply


def published(site) -> dict:
    return json.loads((site / "reply.json").read_text(encoding="utf-8"))


def compact(text: str) -> str:
    """Text without any whitespace: HTML and Markdown may break lines differently."""
    return "".join(text.split())


def shown_text(element) -> str:
    """An element's text as the reader sees it, without the site's citation links and permalinks."""
    element = copy.copy(element)
    for apparatus in element.select("a.citation, a.headerlink"):
        apparatus.decompose()
    return element.get_text("")


def target(site, url: str):
    """The built file and the anchor an absolute address of the site points to."""
    assert url.startswith(site_url()), url
    path, _, anchor = url.removeprefix(site_url()).partition("#")
    assert path == "" or path.endswith("/"), url
    return site / path / "index.html", anchor


def json_ld_of(soup) -> dict | None:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) <= 1
    return json.loads(scripts[0].string) if scripts else None


# reply.json

def test_the_schema_is_valid_draft_2020_12_and_is_published_beside_the_file(built_site):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads((built_site / "schema" / "reply.schema.json").read_text(encoding="utf-8")) == SCHEMA


def test_reply_json_validates_against_its_schema(built_site):
    document = published(built_site)
    assert [error.message for error in VALIDATOR.iter_errors(document)] == []
    assert document["$schema"] == site_url() + "schema/reply.schema.json"
    assert document["schema_version"] == "1.1"
    assert document["grouping_is_editorial"] is True and "editors" in document["grouping_note"]
    assert document["author"] is None and document["date"] is None  # the reply names neither


@pytest.mark.parametrize("damage", ["unknown field", "missing id", "unknown rebuttal field", "next major version",
                                    "paragraphs as one string"])
def test_the_schema_rejects_what_the_format_does_not_allow(damage):
    document = reply_document(BUILD.citer, site_url())
    rebuttal = document["rebuttals"][0]
    if damage == "unknown field":
        document["comment"] = "?"
    elif damage == "missing id":
        del rebuttal["id"]
    elif damage == "unknown rebuttal field":
        rebuttal["score"] = 1
    elif damage == "next major version":
        document["schema_version"] = "2.0"
    else:
        rebuttal["reply"]["text"] = " ".join(rebuttal["reply"]["text"])
    assert not VALIDATOR.is_valid(document)


def test_every_rebuttal_on_the_site_is_in_reply_json_with_the_same_text(built_site):
    document = published(built_site)
    by_id = {rebuttal["id"]: rebuttal for rebuttal in document["rebuttals"]}
    on_site = []
    for question in document["questions"]:
        path, _ = target(built_site, question["url"])
        soup = page(built_site, path.parent.name)
        for heading in soup.select("article h2.rebuttal-heading"):
            rebuttal = by_id[heading["id"]]
            on_site.append(heading["id"])
            block = heading.find_next("div", class_="rebuttal")
            quote = block.select("figure.respondent-quote > blockquote > p")
            reply = block.select(".author-reply > p")
            assert [compact(shown_text(p)) for p in quote] == [compact(t) for t in rebuttal["quote"]["text"]]
            assert [compact(shown_text(p)) for p in reply] == [compact(t) for t in rebuttal["reply"]["text"]]
            assert rebuttal["question"] == question["number"]
        assert question["rebuttals"] == [h["id"] for h in soup.select("article h2.rebuttal-heading")]
    assert on_site == list(by_id)  # the same rebuttals, in reading order, and nothing else
    assert len(on_site) == len(REPLY.rebuttals) > 0


def test_permalinks_and_question_addresses_point_into_the_built_site(built_site):
    document = published(built_site)
    assert target(built_site, document["url"])[0].exists()
    for question in document["questions"]:
        assert target(built_site, question["url"])[0].exists()
    for rebuttal in document["rebuttals"]:
        path, anchor = target(built_site, rebuttal["permalink"])
        assert anchor == rebuttal["id"] and path.exists(), rebuttal["permalink"]
        assert page(built_site, path.parent.name).find(id=anchor) is not None
        assert rebuttal["share_url"] == f"{site_url()}r/{rebuttal['id']}/"


def test_citations_are_resolved_with_the_numbers_shown_on_the_site(built_site):
    document = published(built_site)
    seen = {}
    for rebuttal in document["rebuttals"]:
        keys = [key for paragraph in rebuttal["quote"]["markdown"] + rebuttal["reply"]["markdown"]
                for key in plain_keys(paragraph)]
        assert [c["key"] for c in rebuttal["citations"]] == list(dict.fromkeys(keys))
        for citation in rebuttal["citations"]:
            reference = BUILD.references[citation["key"]]
            assert citation["title"] == reference.field("title") and citation["url"] == reference.field("url")
            assert citation["doi"] == (reference.field("doi") or None) and citation["text"] == reference.text
            assert seen.setdefault(citation["key"], citation["number"]) == citation["number"]
    assert sorted(seen.values()) == list(range(1, len(REPLY.cited_keys()) + 1))


def plain_keys(markdown: str) -> list[str]:
    return Paragraph(markdown, 1).citation_keys


def test_author_and_date_appear_only_when_the_source_gives_them():
    meta = {**REPLY.meta, "author": "A. Author", "date": datetime.date(2023, 12, 6)}
    given = Citer(dataclasses.replace(REPLY, meta=meta), BUILD.references)
    document = reply_document(given, site_url())
    assert (document["author"], document["date"]) == ("A. Author", "2023-12-06")
    assert VALIDATOR.is_valid(document)
    assert home(given.reply, site_url())["author"] == [{"@type": "Person", "name": "A. Author"}]
    assert "author" not in home(BUILD.reply, site_url())


@pytest.mark.parametrize("markdown, text", [
    ("as shown by Carlini *et al.* [@carlini2023] Finally", "as shown by Carlini et al. Finally"),
    ("the Open Images Dataset [@openimages].", "the Open Images Dataset."),
    ("two [@a; @b] keys", "two keys"),
    ("**bold**, _slanted_ and ***both***", "bold, slanted and both"),
    ("*a **nested** one*", "a nested one"),
    ("snake_case_name, 2 * 3 * 4 and a \\*literal\\* star", "snake_case_name, 2 * 3 * 4 and a \\*literal\\* star"),
    ("“quotes” – dashes—and \"marks\"", "“quotes” – dashes—and \"marks\""),
])
def test_plain_text_drops_only_citation_and_emphasis_markers(markdown, text):
    assert without_markup(markdown) == text


@given(st.text(alphabet=st.characters(blacklist_characters="*_[", blacklist_categories=("Cs",))))
def test_plain_text_changes_nothing_else(text):
    assert without_markup(text) == text.strip()


# JSON-LD

def test_home_page_describes_the_whole_reply_and_what_it_answers(built_site):
    data = json_ld_of(page(built_site, "index"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["url"] == site_url() and data["inLanguage"] == "en"
    assert data["name"] == REPLY.meta["title"] and data["headline"]
    assert "author" not in data  # the reply names no author: none is invented
    comment = data["about"]
    assert comment["@type"] == "CreativeWork" and comment["url"] == REPLY.meta["responds_to"]["url"]
    inquiry = comment["about"]
    assert "Artificial Intelligence and Copyright" in inquiry["name"] and "88 Fed. Reg. 59942" in inquiry["name"]
    assert [part["url"] for part in data["hasPart"]] == [f"{site_url()}{q.slug}/" for q in REPLY.questions]


def test_each_question_page_is_part_of_the_reply_and_lists_the_works_it_cites(built_site):
    reply_id = json_ld_of(page(built_site, "index"))["@id"]
    for question in REPLY.questions:
        soup = page(built_site, question.slug)
        data = json_ld_of(soup)
        assert data["@type"] == "Article" and data["url"] == f"{site_url()}{question.slug}/"
        assert data["isPartOf"]["@id"] == reply_id and data["isPartOf"]["url"] == site_url()
        cited = list(dict.fromkeys(a["href"].partition("#ref-")[2] for a in soup.select("article a.citation")))
        works = data.get("citation", [])
        assert sorted(w["@id"].partition("#ref-")[2] for w in works) == sorted(cited)
        for work in works:
            reference = BUILD.references[work["@id"].partition("#ref-")[2]]
            assert work["@type"] in ("ScholarlyArticle", "CreativeWork")
            assert work["name"] == reference.field("title") and work["url"] == reference.field("url")
            assert work.get("author", []) == list(reference.authors)
            assert work.get("datePublished") == (reference.field("year") or None)


def test_references_page_lists_every_cited_work(built_site):
    soup = page(built_site, "references")
    data = json_ld_of(soup)
    assert data["isPartOf"]["url"] == site_url()
    anchors = [h["id"] for h in soup.select("article h2[id^=ref-]")]
    assert [w["@id"].partition("#")[2] for w in data["citation"]] == anchors


def test_pages_about_the_site_carry_no_json_ld(built_site):
    assert json_ld_of(page(built_site, "data")) is None
    assert json_ld_of(page(built_site, "crawlers")) is None


def test_json_ld_cannot_close_its_script_element():
    data = {"name": "</script><script>alert(1)</script> & <!--"}
    text = script_json(data)
    assert not any(character in text for character in "<>&")
    assert json.loads(text) == data
