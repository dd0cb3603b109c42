"""Small helpers to put text safely into generated Markdown."""

from __future__ import annotations

import re

from .model import CITATION

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


# Emphasis delimiters: `*`, `**`, `***` anywhere; `_`, `__`, `___` only at word boundaries.
STAR_EMPHASIS = re.compile(r"(?<![\\*])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s\\*])\1(?!\*)", re.DOTALL)
UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w\\])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s\\_])\1(?!\w)", re.DOTALL)


def plain_text(markdown: str) -> str:
    """The paragraph without its citation markers and emphasis markers; nothing else changes."""
    text = re.sub(r"[ \t]*" + CITATION.pattern, "", markdown)
    previous = None
    while previous != text:  # nested emphasis such as *a **b** c* needs more than one pass
        previous = text
        text = STAR_EMPHASIS.sub(r"\2", text)
        text = UNDERSCORE_EMPHASIS.sub(r"\2", text)
    return text.strip()


def plain(text: str) -> str:
    """Markdown of the source as one line of plain text: no citation markers, no emphasis marks."""
    return " ".join(plain_text(text).split())


def summary(text: str, limit: int = 160) -> str:
    """Plain one-line text of at most `limit` characters, for descriptions."""
    plain_text = plain(text)
    if len(plain_text) <= limit:
        return plain_text
    return plain_text[: limit - 1].rsplit(" ", 1)[0] + "…"
