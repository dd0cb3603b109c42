"""Is a paragraph a quotation (the respondent's words) or the author's reply?

When indentation decides (see `indentation`), an indented paragraph is a quotation and
any other a reply; quotation marks only confirm it, and a paragraph they put in doubt is
flagged: an indented one that begins with a quoted phrase closed before its end, or that
has no quotation marks where most indented paragraphs have them, and an unindented one
that is a whole quotation. Otherwise quotation marks decide: a quotation begins with a
quotation mark, and the mark that closes it ends the paragraph; an indented paragraph
that is not one is flagged. The reason is written to the review report either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indentation import Indentation, describe
from .paragraphs import Paragraph
from .quotes import shape


@dataclass(frozen=True)
class Verdict:
    quote: bool
    why: str  # the rule that decided, for the report
    flagged: bool = False  # the signs disagree: a person must check


def judge(paragraph: Paragraph, indentation: Indentation) -> Verdict:
    found = shape(paragraph.text)
    phrase = (f"begins with a quoted phrase, closed on line {paragraph.line_at(found.closes_at)} "
              "before the end of the paragraph") if found.kind == "phrase" else ""
    indented = indentation.indented(paragraph)
    if not indentation.decides:
        if found.kind == "quote":
            return Verdict(True, "begins with a quotation mark, and the mark that closes it ends the paragraph")
        why = phrase or "does not begin with a quotation mark"
        if indented:
            return Verdict(False, f"{why}; but indented ({describe(indentation.lead(paragraph))}), "
                                  "as quotations are in this format", flagged=True)
        return Verdict(False, why)
    if not indented:
        if found.kind == "quote":
            return Verdict(False, "not indented; but a whole quotation in quotation marks, as a passage "
                                  "would be", flagged=True)
        return Verdict(False, "not indented")
    why = f"indented: {describe(indentation.lead(paragraph))}"
    if found.kind == "quote":
        return Verdict(True, f"{why}; in quotation marks as well")
    if phrase:
        return Verdict(True, f"{why}; but it {phrase}, as a reply may", flagged=True)
    if indentation.marked:
        return Verdict(True, f"{why}; but not in quotation marks, unlike most indented paragraphs", flagged=True)
    return Verdict(True, why)


def note(paragraph: Paragraph, role: str, why: str, flagged: bool = False) -> str:
    """A line of the report's Paragraphs section; "!!" before it when a person must check."""
    return f"{'!! ' if flagged else ''}{paragraph.where}: {role} ({why})."
