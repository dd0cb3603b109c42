"""Write the canonical Markdown of the site (the format of docs/reply.md).

Grouping: the raw reply does not say which question a passage answers, so nothing
is guessed and nothing is moved: the question headings come in the order of the
question list, and the rebuttals follow in their own order, which puts all of them
under the LAST question heading. (Putting them under the first heading instead would
move the other headings after them, and the output would no longer hold the input's
words in the input's order.) The report asks the reviewer, loudly, to move each
rebuttal block (its `<!-- rebuttal: id -->` line and what follows, up to the next
one) under the right heading. Paragraph text is written verbatim, never escaped.
"""

from __future__ import annotations

import re

from .quotes import QUOTE_MARKS
from .structure import Structure
from .words import slug

FRONT_MATTER = """---
# Filled in by the importer from the title paragraph; author and date are left
# empty: fill them in from facts about the reply, never guess. Fill in what the
# reply responds to as well.
title: {title}
author:
date:
responds_to:
  title:
  inquiry:
  docket:
  url:
# Which question each passage is placed under is an editorial choice of this site
# (the reply as received does not say): move a rebuttal block under another
# question heading to regroup it.
grouping: editorial
---
"""
# Paragraph openings that Markdown would read as markup rather than text.
_MARKUP = re.compile(r"^(#|>|<!--|```|~~~|[-*+]\s|\d+[.)]\s|[-*_=]{3,}$)")


def render(structure: Structure, replies: list[list[str]]) -> tuple[str, list[str], list[str]]:
    """The Markdown, report lines about grouping, and warnings about markup."""
    questions = [q.text for q in structure.questions]
    blocks = [f"# {structure.title.text}", *(p.text for p in structure.preamble), *(f"## {q}" for q in questions)]
    notes, used = [], set()
    for rebuttal, texts in zip(structure.rebuttals, replies, strict=True):
        ident = rebuttal_id(rebuttal.quote.text, used)
        blocks += [f"<!-- rebuttal: {ident} -->", f"> {rebuttal.quote.text}", *texts]
        lines = ", ".join(str(p.first_line) for p in rebuttal.replies)
        notes.append(f"rebuttal '{ident}': quote on line {rebuttal.quote.first_line}, reply on line(s) {lines}.")
    last = questions[-1].split()[0].rstrip(".")
    notes[:0] = [
        "!! REVIEW THE GROUPING: the raw reply does not say which question each passage answers.",
        f"!! The question headings keep the order of the question list, and the {len(notes)} rebuttal(s) "
        f"follow them in their own order, so all of them stand under the last question ({last}).",
        "!! Move each rebuttal block (its '<!-- rebuttal: … -->' line and what follows it, up to the next "
        "one) under the question it answers.",
    ]
    warnings = [f"{p.where}: paragraph begins with '{_MARKUP.match(p.text).group(1).strip()}', "
                "which Markdown reads as markup: check how it renders."
                for p in _text_paragraphs(structure) if _MARKUP.match(p.text)]
    markdown = FRONT_MATTER.format(title=yaml_string(front_title(structure.title.text)))
    return markdown + "\n" + "\n\n".join(blocks) + "\n", notes, warnings


def _text_paragraphs(structure: Structure):
    yield from structure.preamble
    for rebuttal in structure.rebuttals:
        yield from rebuttal.replies


def rebuttal_id(quote: str, used: set[str]) -> str:
    """Slug of the first five words of the quote, unique among `used` (which it joins)."""
    words = [w for w in quote.translate({ord(m): " " for m in QUOTE_MARKS}).split() if slug(w)]
    base = slug(" ".join(words[:5]), words=50) or "quote"
    ident, number = base, 1
    while ident in used:
        number += 1
        ident = f"{base}-{number}"
    used.add(ident)
    return ident


def front_title(title: str) -> str:
    """The title for the front matter: without one trailing period."""
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar on one line."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    # Characters YAML may refuse or fold (controls, line separators, U+FFFF) as escapes.
    return '"' + "".join(c if c.isprintable() else _escape(c) for c in escaped) + '"'


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
