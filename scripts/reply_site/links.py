"""The site's public addresses. These are a published contract: people paste them in discussions."""

from __future__ import annotations

from .model import Question, Rebuttal


def page_path(question: Question) -> str:
    """Path of a question page below the site root, e.g. 'question-7-2/'."""
    return f"{question.slug}/"


def rebuttal_path(question: Question, rebuttal: Rebuttal) -> str:
    """Deep link to a rebuttal on its question page, e.g. 'question-7-2/#models-do-not-store-works'."""
    return f"{page_path(question)}#{rebuttal.id}"


def share_path(rebuttal_id: str) -> str:
    """The rebuttal's own shareable page (its link preview), which forwards to the deep link."""
    return f"r/{rebuttal_id}/"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")
