"""JSON-LD (schema.org) for the pages: what search engines and citation tools read about them."""

from __future__ import annotations

from ..source.bibliography import Reference
from ..render.citations import Citer
from ..addresses import absolute, page_path
from ..text import summary
from ..model import Question, Reply
from .reply_json import meta_value

CONTEXT = "https://schema.org"
HEADLINE_LIMIT = 110  # search engines cut longer headlines


def reference_id(site_url: str, key: str) -> str:
    """A reference is identified by its entry on the references page."""
    return absolute(site_url, f"references/#ref-{key}")


def with_author(data: dict, reply: Reply) -> dict:
    """The reply's author and date, when the front matter gives them (never guessed)."""
    if reply.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in reply.authors]
    if reply.date:
        data["datePublished"] = reply.date
    return data


def commented_work(reply: Reply) -> dict:
    """Stability AI's comment, filed in the docket of the Copyright Office's inquiry."""
    responds_to = reply.meta["responds_to"]
    comment = {"@type": "CreativeWork", "name": responds_to["title"], "url": responds_to["url"]}
    inquiry = meta_value(responds_to.get("inquiry"))
    if inquiry:
        comment["about"] = {"@type": "CreativeWork", "name": inquiry}
        docket = meta_value(responds_to.get("docket"))
        if docket:
            comment["about"]["identifier"] = docket
    return comment


def whole_reply(reply: Reply, site_url: str) -> dict:
    """A short reference to the whole reply, for the parts that belong to it."""
    return {"@type": "Article", "@id": absolute(site_url, "#reply"), "name": reply.meta["title"],
            "url": absolute(site_url, "")}


def cited_work(reference: Reference, site_url: str) -> dict:
    scholarly = any(reference.field(name) for name in ("journal", "booktitle", "doi"))
    work = {"@type": "ScholarlyArticle" if scholarly else "CreativeWork",
            "@id": reference_id(site_url, reference.key), "name": reference.field("title"),
            "url": reference.field("url")}
    if reference.authors:
        work["author"] = list(reference.authors)
    if reference.field("year"):
        work["datePublished"] = reference.field("year")
    if reference.field("doi"):
        work["sameAs"] = "https://doi.org/" + reference.field("doi")
    return work


def home(reply: Reply, site_url: str) -> dict:
    data = {**whole_reply(reply, site_url), "headline": summary(reply.title, HEADLINE_LIMIT), "inLanguage": "en",
            "about": commented_work(reply),
            "hasPart": [{"@type": "Article", "name": f"Question {q.number}", "url": absolute(site_url, page_path(q))}
                        for q in reply.questions]}
    return with_author(data, reply)


def question_article(question: Question, reply: Reply, citer: Citer, site_url: str) -> dict:
    keys = dict.fromkeys(key for rebuttal in question.rebuttals for key in rebuttal.citation_keys)
    data = {"@type": "Article", "name": f"Question {question.number}",
            "headline": summary(question.text, HEADLINE_LIMIT), "inLanguage": "en",
            "url": absolute(site_url, page_path(question)), "isPartOf": whole_reply(reply, site_url),
            "about": {"@type": "Question", "name": question.text}}
    if keys:
        data["citation"] = [cited_work(citer.references[key], site_url) for key in sorted(keys, key=citer.number.get)]
    return with_author(data, reply)


def references_page(reply: Reply, citer: Citer, site_url: str) -> dict:
    return {"@type": "WebPage", "name": "References", "inLanguage": "en", "url": absolute(site_url, "references/"),
            "isPartOf": whole_reply(reply, site_url),
            "citation": [cited_work(reference, site_url) for reference in citer.cited()]}


def json_ld(citer: Citer, page_src_uri: str, site_url: str) -> dict | None:
    """The JSON-LD object of a page, by its source path ('index.md', 'question-7.md', ...); None for others."""
    reply = citer.reply
    if page_src_uri == "index.md":
        data = home(reply, site_url)
    elif page_src_uri == "references.md":
        data = references_page(reply, citer, site_url)
    else:
        question = next((q for q in reply.questions if q.page == page_src_uri), None)
        if question is None:
            return None
        data = question_article(question, reply, citer, site_url)
    return {"@context": CONTEXT, **data}
