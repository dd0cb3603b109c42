"""The site's public addresses, one home for each. They are a published contract: people paste
them in discussions, so they never change without forwarding (see source/anchors.py)."""

from __future__ import annotations

from .model import Question, Rebuttal


def page_path(question: Question) -> str:
    """Path of a question page below the site root, e.g. 'question-7-2/'."""
    return f"{question.slug}/"


def rebuttal_path(question: Question, rebuttal: Rebuttal) -> str:
    """Deep link to a rebuttal on its question page, e.g. 'question-7-2/#models-do-not-store-works'."""
    return f"{page_path(question)}#{rebuttal.id}"


WHOLE_REPLY = "whole-reply.md"  # the generated file of the whole reply on one page, at whole-reply/
PDF = "reply.pdf"  # the whole reply as a PDF
RECORD_PAGE = "record.md"  # "From the record to this site", at record/
RECORD_FILE = "record/reply-as-received.txt"  # the reply as received, in the project and on the site
SHARE_FOLDER = "r/"  # every rebuttal's share page is below it


def share_path(rebuttal_id: str) -> str:
    """The rebuttal's own page for sharing (its link preview), e.g. 'r/models-do-not-store-works/'."""
    return f"{SHARE_FOLDER}{rebuttal_id}/"


def share_file(rebuttal_id: str) -> str:
    """The generated Markdown file of a share page: 'r/<id>.md' is published at 'r/<id>/'."""
    return f"{SHARE_FOLDER}{rebuttal_id}.md"


def card_path(name: str) -> str:
    """A link-preview image: `name` is a page's path without its slash ('index', 'question-7', 'r/<id>')."""
    return f"assets/cards/{name}.png"


def url_of(source_name: str) -> str:
    """Path below the site root of the page built from `source_name`: 'index.md' -> '', 'data.md' -> 'data/'."""
    stem = source_name.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative(from_page: str, path: str) -> str:
    """`path` (below the site root) as a link from the page at `from_page` (e.g. 'question-7/')."""
    return "../" * from_page.count("/") + path
