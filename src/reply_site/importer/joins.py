"""Rejoin paragraphs that an old page break cut in two.

A paragraph continues in the next one when it does not end a sentence, or when a
quotation in it is still open. Never joined: the title (first paragraph) to what
follows, a complete quotation (which may quote a passage only in part), a paragraph
to a numbered one (a question, or an item of a list), a balanced paragraph to one that
opens a new quotation, and, where indentation decides (see `indentation`), an indented
paragraph and one that is not (a passage may stop short of its sentence's end). Each
join, and each break kept against the first rule, becomes a line of the review report.
"""

from __future__ import annotations

import re

from .indentation import Indentation
from .paragraphs import Paragraph
from .quotes import is_quote, opens_new_quotation, unclosed_opening
from .words import NUMBERED, excerpt

SENTENCE_END = ".!?:…"
# Looked through at the end before looking for the sentence end: spaces, closing
# marks, brackets and Markdown emphasis.
_TRAILING = re.compile(r"[\s\"”’'»)\]}*_]+$")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\[])("
    r"et al\.|e\.g\.|i\.e\.|[Cc]f\.|vs?\.|Dr\.|Mrs?\.|Ms\.|Prof\.|St\.|No\.|pp?\."
    r"|Figs?\.|Eqs?\.|Vol\.|vol\.|[A-Z]\."
    r")$"
)


def ending(text: str) -> tuple[str, str]:
    """Why `text` does or does not end a sentence: ("end" | "abbreviation" | "open", detail)."""
    stripped = _TRAILING.sub("", text)
    bare = stripped.replace("*", "").replace("_", "")
    found = _ABBREVIATION.search(bare)
    if found:
        return "abbreviation", found.group(1)
    if stripped and stripped[-1] in SENTENCE_END:
        return "end", stripped[-1]
    return "open", excerpt(text)


def rejoin(paragraphs: list[Paragraph],
           indentation: Indentation | None = None) -> tuple[list[Paragraph], list[str]]:
    """The paragraphs with page breaks removed, and the report lines about it; without
    `indentation`, by the other rules alone."""
    result: list[Paragraph] = []
    notes: list[str] = []
    kept = 0
    for paragraph in paragraphs:
        if not result:
            result.append(paragraph)
            continue
        current = result[-1]
        change = indentation.change(current, paragraph) if indentation else ""
        joined, note = _decide(current, paragraph, len(result) == 1, change)
        if note:
            notes.append(note)
        elif not joined:
            kept += 1
        if joined:
            result[-1] = current.joined_with(paragraph)
        else:
            result.append(paragraph)
    notes.append(f"{kept} other paragraph break(s) kept: the paragraph before ends a sentence.")
    return result, notes


def _decide(current: Paragraph, following: Paragraph, is_title: bool, change: str) -> tuple[bool, str]:
    """Join or not, and why; `change` says how their indentation differs ("" if it does not)."""
    where = f"line {current.last_line} + line {following.first_line}"
    text, after = current.text, following.text
    kind, detail = ending(text)
    opened = unclosed_opening(text)
    if is_title:
        return False, "" if kind == "end" else f"{where}: kept apart: the title is never continued."
    if opened is not None:
        reason = f"quote still open (opened on line {current.line_at(opened)})"
        return True, f"{where}: joined: {reason}" + (f", although {change}." if change else ".")
    if kind == "end":
        return False, ""
    if is_quote(text):  # a passage quoted whole may stop short of its sentence's end
        return False, (f"{where}: kept apart although line {current.last_line} ends mid-sentence: "
                       "it is a complete quotation.")
    if change:
        return False, f"{where}: kept apart although line {current.last_line} ends mid-sentence: {change}."
    if opens_new_quotation(after):
        return False, (
            f"{where}: kept apart although line {current.last_line} ends mid-sentence: "
            "the next paragraph opens a new quotation."
        )
    if NUMBERED.match(after):
        if NUMBERED.match(text):
            return False, f"{where}: kept apart: both are numbered items of a list."
        return False, (f"{where}: kept apart although line {current.last_line} ends mid-sentence: "
                       f"line {following.first_line} is numbered (a question, or an item of a list).")
    if kind == "abbreviation":
        return True, f"{where}: joined: ends with abbreviation '{detail}'."
    return True, f"{where}: joined: ends mid-sentence (“{detail}”)."
