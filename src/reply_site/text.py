"""Text of the source put into what the site publishes: escaped for generated Markdown, or
reduced to plain words for titles, descriptions and cards.

Excerpts never alter the author's text: quotation marks stay as written (straight or curly),
none are added around an excerpt, and a cut is marked with "…" at a word boundary.
"""

from __future__ import annotations

import functools
import re

from .model import CITATION

ELLIPSIS = "…"


def escape_markdown(text: str) -> str:
    """Plain text (from BibTeX, front matter or the source) as Markdown that shows it literally."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]{}#|!])", r"\\\1", text)


def possessive(name: str) -> str:
    """"Stability AI's", "Acme Labs'"."""
    return name + ("'" if name.endswith("s") else "'s")


def escape_link_title(text: str) -> str:
    """Plain text for a Markdown link title inside double quotes."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


# Emphasis delimiters: `*`, `**`, `***` anywhere; `_`, `__`, `___` only at word boundaries.
STAR_EMPHASIS = re.compile(r"(?<![\\*])(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s\\*])\1(?!\*)", re.DOTALL)
UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w\\])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s\\_])\1(?!\w)", re.DOTALL)


@functools.lru_cache(maxsize=32768)  # a paragraph is reduced for its page, its share page, previews…
def without_markup(markdown: str) -> str:
    """A paragraph of the source without its citation markers and emphasis marks; nothing else changes.
    Kept for the process: a live preview's rebuild finds the paragraphs an edit left alone done."""
    text = re.sub(r"[ \t]*" + CITATION.pattern, "", markdown)
    previous = None
    while previous != text:  # nested emphasis such as *a **b** c* needs more than one pass
        previous = text
        text = STAR_EMPHASIS.sub(r"\2", text)
        text = UNDERSCORE_EMPHASIS.sub(r"\2", text)
    return text.strip()


def one_line(markdown: str) -> str:
    """Markdown of the source as one line of plain text: no citation markers, no emphasis marks."""
    return " ".join(without_markup(markdown).split())


def shortened(text: str, limit: int) -> str:
    """Plain text cut at a word boundary to at most `limit` characters, "…" marking the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[: limit - 1]
    cut = cut.rstrip(" ,;:–—-")
    return cut + (" " if cut.endswith((".", "!", "?")) else "") + ELLIPSIS


def excerpt(markdown: str, limit: int) -> str:
    """The opening of Markdown text as plain text of at most `limit` characters."""
    return shortened(one_line(markdown), limit)


# Where a sentence may end: . ! or ? (and closing quotation marks or a bracket after it), then
# a space and a capital letter or an opening mark.
SENTENCE_END = re.compile(r"(?P<word>[^\s]*?)[.!?][\"”’)]*(?=\s+[A-Z\"“‘(])")
ABBREVIATIONS = {"al", "vs", "etc", "mr", "mrs", "ms", "dr", "st", "no", "fig"}


@functools.lru_cache(maxsize=32768)
def opening_sentence(text: str) -> str:
    """The first sentence of plain text (all of it when it has one sentence). A period after an
    initial or an abbreviation ("U.S.", "e.g.", "et al.") does not end a sentence."""
    for match in SENTENCE_END.finditer(text):
        word = match["word"].lstrip("\"“‘(").lower()
        if len(word) > 1 and "." not in word and word not in ABBREVIATIONS:
            return text[: match.end()]
    return text


def lead(markdown: str, limit: int) -> str:
    """The opening sentence of Markdown text as plain text, cut cleanly at `limit` characters."""
    return shortened(opening_sentence(one_line(markdown)), limit)


def after_lead(markdown: str, limit: int) -> str:
    """What follows the opening sentence (all of it when that is all there is), cut at `limit`."""
    text = one_line(markdown)
    rest = text[len(opening_sentence(text)):].strip()
    return shortened(rest or text, limit)
