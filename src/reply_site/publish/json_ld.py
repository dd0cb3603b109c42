"""JSON-LD (schema.org) for the pages: what search engines and citation tools read about them."""

from __future__ import annotations

from ..addresses import WHOLE_REPLY, absolute, page_path, rebuttal_path, share_path, url_of
from ..model import Question, Rebuttal, Reply
from ..render.citations import Citer
from ..source.bibliography import Reference
from ..text import one_line, shortened
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
    """The respondent's comment, filed in the docket of the Copyright Office's inquiry."""
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
    data = {**whole_reply(reply, site_url), "headline": shortened(reply.title, HEADLINE_LIMIT), "inLanguage": "en",
            "about": commented_work(reply),
            "hasPart": [{"@type": "Article", "name": f"Question {q.number}", "url": absolute(site_url, page_path(q))}
                        for q in reply.questions]}
    return with_author(data, reply)


def question_article(question: Question, reply: Reply, citer: Citer, site_url: str) -> dict:
    keys = dict.fromkeys(key for rebuttal in question.rebuttals for key in rebuttal.citation_keys)
    data = {"@type": "Article", "name": f"Question {question.number}",
            "headline": shortened(question.text, HEADLINE_LIMIT), "inLanguage": "en",
            "url": absolute(site_url, page_path(question)), "isPartOf": whole_reply(reply, site_url),
            "about": {"@type": "Question", "name": question.text}}
    if keys:
        data["citation"] = [cited_work(citer.references[key], site_url) for key in sorted(keys, key=citer.number.get)]
    if question.rebuttals:
        data["hasPart"] = [rebuttal_item(question, rebuttal, citer, site_url) for rebuttal in question.rebuttals]
    return with_author(data, reply)


def rebuttal_item(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> dict:
    """One rebuttal as two linked items: the respondent's passage (a Claim) and the author's reply to
    it (a Comment about that claim), identified by the rebuttal's share page."""
    reply, share = citer.reply, absolute(site_url, share_path(rebuttal.id))
    claim = {"@type": "Claim", "@id": share + "#claim",
             "text": "\n\n".join(one_line(p.text) for p in rebuttal.quote),
             "author": {"@type": "Organization", "name": reply.respondent}, "appearance": commented_work(reply)}
    comment = {"@type": "Comment", "@id": share + "#reply", "url": share,
               "sameAs": absolute(site_url, rebuttal_path(question, rebuttal)),
               "text": "\n\n".join(one_line(p.text) for p in rebuttal.reply), "about": claim,
               "isPartOf": {"@type": "Article", "name": f"Question {question.number}",
                            "url": absolute(site_url, page_path(question))}}
    keys = list(dict.fromkeys(rebuttal.citation_keys))
    if keys:
        comment["citation"] = [{"@id": reference_id(site_url, key)} for key in keys]
    return with_author(comment, reply)


def share_page(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> dict:
    return {"@type": "WebPage", "url": absolute(site_url, share_path(rebuttal.id)), "inLanguage": "en",
            "isPartOf": whole_reply(citer.reply, site_url),
            "mainEntity": rebuttal_item(question, rebuttal, citer, site_url)}


def references_page(reply: Reply, citer: Citer, site_url: str) -> dict:
    return {"@type": "WebPage", "name": "References", "inLanguage": "en", "url": absolute(site_url, "references/"),
            "isPartOf": whole_reply(reply, site_url),
            "citation": [cited_work(reference, site_url) for reference in citer.cited()]}


def whole_reply_page(reply: Reply, site_url: str) -> dict:
    """The one-page view: a copy of the question pages, which hold each passage's permanent address."""
    return {"@type": "WebPage", "name": "The whole reply", "inLanguage": "en",
            "url": absolute(site_url, url_of(WHOLE_REPLY)), "isPartOf": whole_reply(reply, site_url),
            "hasPart": [{"@type": "Article", "name": f"Question {q.number}", "url": absolute(site_url, page_path(q))}
                        for q in reply.questions]}
