"""The reply as data: the document published as `reply.json`, described by schema/reply.schema.json.

Versioning: SCHEMA_VERSION is "MAJOR.MINOR". Adding a field bumps MINOR; removing a field or
changing what one means or holds bumps MAJOR. Update the schema file in the same change.
"""

from __future__ import annotations

import datetime

from ..addresses import absolute, page_path, rebuttal_path, share_path
from ..model import Paragraph, Question, Rebuttal
from ..render.citations import Citer
from ..render.pages import grouping_note
from ..source.bibliography import Reference
from ..text import without_markup

SCHEMA_VERSION = "1.1"
SCHEMA_PATH = "schema/reply.schema.json"
RIGHTS = "The reply's text belongs to its author."


def paragraphs(items: list[Paragraph]) -> dict:
    return {"text": [without_markup(p.text) for p in items], "markdown": [p.text for p in items]}


def citation(reference: Reference, number: int) -> dict:
    return {
        "key": reference.key,
        "number": number,
        "title": reference.field("title"),
        "authors": list(reference.authors),
        "year": reference.field("year") or None,
        "url": reference.field("url"),
        "doi": reference.field("doi") or None,
        "text": reference.text,
    }


def rebuttal_entry(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> dict:
    keys = list(dict.fromkeys(rebuttal.citation_keys))
    return {
        "id": rebuttal.id,
        "permalink": absolute(site_url, rebuttal_path(question, rebuttal)),
        "share_url": absolute(site_url, share_path(rebuttal.id)),
        "question": question.number,
        "quote": paragraphs(rebuttal.quote),
        "reply": paragraphs(rebuttal.reply),
        "citations": [citation(citer.references[key], citer.number[key]) for key in keys],
    }


def meta_value(value):
    """A front-matter value as JSON: dates as ISO 8601, a list of names as is, missing values as null."""
    if value in (None, "", []):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return [str(item) for item in value] if isinstance(value, list) else str(value)


def reply_document(citer: Citer, site_url: str) -> dict:
    """The whole reply as a JSON-ready dict."""
    reply = citer.reply
    responds_to = reply.meta["responds_to"]
    return {
        "$schema": absolute(site_url, SCHEMA_PATH),
        "schema_version": SCHEMA_VERSION,
        "title": reply.meta["title"],
        "heading": reply.title,
        "author": meta_value(reply.meta.get("author")),
        "date": meta_value(reply.meta.get("date")),
        "url": absolute(site_url, ""),
        "rights": RIGHTS,
        "responds_to": {
            "title": responds_to["title"],
            "url": responds_to["url"],
            "docket": meta_value(responds_to.get("docket")),
            "inquiry": meta_value(responds_to.get("inquiry")),
        },
        "respondent": reply.respondent,
        "grouping_is_editorial": reply.grouping_is_editorial,
        "grouping_note": (grouping_note(reply) + " So the question given for each rebuttal is an editorial choice."
                          if reply.grouping_is_editorial else "The author placed each passage under its question."),
        "preamble": paragraphs(reply.preamble),
        "questions": [{"number": q.number, "text": q.text, "url": absolute(site_url, page_path(q)),
                       "rebuttals": [r.id for r in q.rebuttals]} for q in reply.questions],
        "rebuttals": [rebuttal_entry(q, r, citer, site_url) for q in reply.questions for r in q.rebuttals],
    }
