"""Write the canonical Markdown of the site (the format of docs/reply.md).

Nothing is moved: the blocks come in the order of the input, the question headings and
the rebuttals as `questions` placed them. When the questions are only listed at the top,
the raw reply does not say which question a passage answers, so all rebuttals stand
under the LAST question heading (putting them under the first heading instead would move
the other headings after them, and the output would no longer hold the input's words in
the input's order), and the report asks the reviewer, loudly, to move each rebuttal block
(its `<!-- rebuttal: id -->` line and what follows, up to the next one) under the right
heading. A quotation of several paragraphs keeps a `>` on the blank lines between them.
Paragraph text is written verbatim, never escaped.
"""

from __future__ import annotations

import re

import yaml

from .questions import Grouping
from .quotes import QUOTE_MARKS
from .respondent import Respondent
from .structure import Rebuttal, Structure, question_number
from .words import slug

FRONT_MATTER = """---
# Filled in by the importer from the title paragraph; author and date are left
# empty: fill them in from facts about the reply, never guess. Fill in what the
# reply responds to as well.
title: {title}
author:
date:
{respondent}
responds_to:
  title:
  inquiry:
  docket:
  url:
{grouping}
---
"""
RESPONDENT_NAMED = "# Whose comment the reply quotes, as its format note (line {line}) names it.\nrespondent: {name}"
RESPONDENT_UNKNOWN = ("# Whose comment the reply quotes: no format note of the reply names it alone (as in\n"
                      "# \"Indented texts are quotes from Example Corp.\"): fill it in, never guess.\nrespondent:")
GROUPING = {
    "editorial": "# Which question each passage is placed under is an editorial choice of this site\n"
           "# (the reply as received does not say): move a rebuttal block under another\n"
           "# question heading to regroup it.\ngrouping: editorial",
    "author": "# The reply places its passages itself (a question paragraph stands above them):\n"
          "# the grouping is the author's.\ngrouping: author",
}
# Paragraph openings that Markdown would read as markup rather than text.
_MARKUP = re.compile(r"^(#|>|<!--|```|~~~|[-*+]\s|\d+[.)]\s|[-*_=]{3,}$)")


def render(structure: Structure, grouping: Grouping, replies: dict[Rebuttal, list[str]],
           respondent: Respondent) -> tuple[str, list[str], list[str]]:
    """The Markdown, report lines about grouping, and warnings about markup;
    `replies` holds each rebuttal's replies as they are written (with citations)."""
    blocks = [f"# {structure.title.text}", *(p.text for p in structure.preamble)]
    notes, used = [], set()
    for question in grouping.questions:
        blocks.append(f"## {question.paragraph.text}")
        if grouping.by_author:
            notes.append(f"question {question_number(question.paragraph)} (heading from line "
                         f"{question.paragraph.first_line}): {len(question.rebuttals)} rebuttal(s).")
        for rebuttal in question.rebuttals:
            ident = rebuttal_id(rebuttal.quote[0].text, used)
            blocks += [f"<!-- rebuttal: {ident} -->", "\n>\n".join(f"> {p.text}" for p in rebuttal.quote),
                       *replies[rebuttal]]
            notes.append(("  " if grouping.by_author else "") + _rebuttal_note(ident, rebuttal))
    warnings = [f"{p.where}: paragraph begins with '{_MARKUP.match(p.text).group(1).strip()}', "
                "which Markdown reads as markup: check how it renders."
                for p in _text_paragraphs(structure, grouping) if _MARKUP.match(p.text)]
    front = FRONT_MATTER.format(title=yaml_string(front_title(structure.title.text)),
                                respondent=_respondent(respondent), grouping=GROUPING[grouping.name])
    return front + "\n" + "\n\n".join(blocks) + "\n", _grouping_notes(grouping) + notes, warnings


def _rebuttal_note(ident: str, rebuttal: Rebuttal) -> str:
    quote = ", ".join(str(p.first_line) for p in rebuttal.quote)
    quote = f"quote on line {quote}" if len(rebuttal.quote) == 1 else \
        f"quote of {len(rebuttal.quote)} paragraphs in a row on lines {quote}"
    return f"rebuttal '{ident}': {quote}, reply on line(s) {', '.join(str(p.first_line) for p in rebuttal.replies)}."


def _grouping_notes(grouping: Grouping) -> list[str]:
    if grouping.by_author:
        return [*grouping.review,
                "The author placed the passages: each rebuttal stands under the question before it (grouping: author)."]
    last = question_number(grouping.questions[-1].paragraph)
    return [
        "!! REVIEW THE GROUPING: the raw reply does not say which question each passage answers.",
        f"!! The question headings keep the order of the question list, and the {len(grouping.rebuttals)} "
        f"rebuttal(s) follow them in their own order, so all of them stand under the last question ({last}).",
        "!! Move each rebuttal block (its '<!-- rebuttal: … -->' line and what follows it, up to the next "
        "one) under the question it answers.",
    ]


def _respondent(respondent: Respondent) -> str:
    if not respondent.name:
        return RESPONDENT_UNKNOWN
    return RESPONDENT_NAMED.format(line=respondent.note.first_line, name=yaml_plain(respondent.name))


def _text_paragraphs(structure: Structure, grouping: Grouping):
    yield from structure.preamble
    for rebuttal in grouping.rebuttals:
        yield from rebuttal.quote + rebuttal.replies


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


def yaml_plain(text: str) -> str:
    """`text` as YAML: as it is when YAML reads it back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(f"key: {text}") == {"key": text}
    except yaml.YAMLError:
        plain = False
    return text if plain else yaml_string(text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
