"""Indentation: the first sign of a quotation, when the export keeps it.

The reply format says "Indented texts are quotes from …. Unindented texts are my
replies." A paragraph's indentation is that of its least indented line (so a first-line
indent does not count): the spaces and tabs before its text, a tab counting as 8 spaces.
The title and the numbered paragraphs aside (questions and list items are often indented
on their own), the least indentation of the paragraphs is the common one, and a paragraph
indented more than that is indented.

Indentation decides when the export keeps it: some paragraphs are indented, and at least
as many as the paragraphs in quotation marks that are not (an export that lost the
indentation of its passages, as the record did, leaves quotation marks to decide). This
is decided on the paragraphs as the other rules of `joins` rejoin them, so that a page
break does not count one paragraph twice, or the end of a question as a paragraph.
"""

from __future__ import annotations

from .paragraphs import Paragraph
from .quotes import is_quote
from .words import NUMBERED

TAB = 8


def describe(lead: str) -> str:
    """"4 spaces", "1 tab", "1 tab and 2 spaces", or "none"."""
    counts = [(lead.count(char), name) for char, name in (("\t", "tab"), (" ", "space"))]
    return " and ".join(f"{n} {name}{'s' if n > 1 else ''}" for n, name in counts if n) or "none"


class Indentation:
    """How the paragraphs of one export are indented, decided from all of them."""

    def __init__(self, text: str, paragraphs: list[Paragraph]):
        self._lines = text.split("\n")
        body = [p for p in paragraphs[1:] if not NUMBERED.match(p.text)]
        self.common = min((self.lead(p) for p in body), key=_depth, default="")
        indented = [p for p in body if self.indented(p)]
        self.indented_count = len(indented)
        self.unindented_quotes = sum(1 for p in body if not self.indented(p) and is_quote(p.text))
        self.decides = bool(indented) and len(indented) >= self.unindented_quotes
        # Most indented paragraphs are in quotation marks: one without them is in doubt.
        self.marked = 2 * sum(1 for p in indented if is_quote(p.text)) > len(indented)

    def lead(self, paragraph: Paragraph) -> str:
        """The spaces and tabs before the paragraph's least indented line."""
        leads = ("".join(c for c in self._lines[number - 1][: column - 1] if c in " \t")
                 for number, column, _ in paragraph.lines)
        return min(leads, key=_depth)

    def indented(self, paragraph: Paragraph) -> bool:
        return _depth(self.lead(paragraph)) > _depth(self.common)

    def change(self, before: Paragraph, after: Paragraph) -> str:
        """"line 9 is indented and line 11 is not" (or the other way), or "" when both are alike."""
        if not self.decides or self.indented(before) == self.indented(after):
            return ""
        lines = (f"line {before.last_line}", f"line {after.first_line}")
        indented, not_indented = lines if self.indented(before) else lines[::-1]
        return f"{indented} is indented and {not_indented} is not"

    def rule(self) -> str:
        """The rule that decided which paragraphs are quotations, for the review report."""
        if self.decides:
            rule = (f"indentation decides: a paragraph indented more than the common indentation "
                    f"({describe(self.common)}; the title and numbered paragraphs aside, a tab counting as "
                    f"{TAB} spaces) is a quotation, and any other a reply. "
                    "Quotation marks only confirm it: where they disagree, the paragraph is marked !!")
            if self.marked:
                rule += ", and so is an indented paragraph without them, as most indented paragraphs have them"
            return rule + "."
        if self.indented_count:
            return (f"quotation marks decide: only {self.indented_count} paragraph(s) are indented, fewer "
                    f"than the {self.unindented_quotes} in quotation marks that are not (the export lost the "
                    "indentation); an indented paragraph that is not a quotation is marked !!.")
        return ("quotation marks decide, as no paragraph is indented more than the others (the title "
                "and numbered paragraphs aside).")


def _depth(lead: str) -> int:
    return len(lead.expandtabs(TAB))
