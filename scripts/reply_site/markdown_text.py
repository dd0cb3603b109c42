"""Small helpers to put text safely into generated Markdown."""

from __future__ import annotations

import re

OUTER_QUOTES = "\"“”"


def escape(text: str) -> str:
    """Plain text (from BibTeX or front matter) as Markdown that shows it literally."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]{}#|!])", r"\\\1", text)


def escape_title(text: str) -> str:
    """Plain text for a link title inside double quotes."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def headline(quote: str, words: int = 12) -> str:
    """The opening sentence of a quoted passage, shortened to at most `words` words."""
    text = " ".join(quote.split()).strip(OUTER_QUOTES + " ")
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    parts = sentence.split()
    short = " ".join(parts[:words]).rstrip(",;:–—")
    return short + ("…" if len(parts) > words else "")


def plain(text: str) -> str:
    """Markdown of the source as one line of plain text: no citation markers, no emphasis marks."""
    text = re.sub(r"\s*\[@[^\]]+\]", "", text)
    return re.sub(r"[*_`]", "", " ".join(text.split()))


def summary(text: str, limit: int = 160) -> str:
    """Plain one-line text of at most `limit` characters, for descriptions."""
    plain_text = plain(text)
    if len(plain_text) <= limit:
        return plain_text
    return plain_text[: limit - 1].rsplit(" ", 1)[0] + "…"
