"""Give each paragraph its role: title, preamble, question, quote or reply.

The title is the first paragraph. The questions are the run of numbered paragraphs
("7.", "7.1.") just before the first quotation; the preamble is what lies between
the title and them. After the questions come rebuttals: one quotation, then one or
more replies.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, SourceError
from .joins import NUMBERED
from .paragraphs import Paragraph
from .quotes import shape, unclosed_opening


@dataclass(frozen=True)
class Rebuttal:
    quote: Paragraph
    replies: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Structure:
    title: Paragraph
    preamble: tuple[Paragraph, ...]
    questions: tuple[Paragraph, ...]
    rebuttals: tuple[Rebuttal, ...]


def classify(paragraphs: list[Paragraph], path: str) -> tuple[Structure, list[str]]:
    _check_quotes_closed(paragraphs, path)
    kinds = [shape(p.text) for p in paragraphs]
    first = next((i for i in range(1, len(paragraphs)) if kinds[i].kind == "quote"), None)
    if first is None:
        raise SourceError([Problem(path, paragraphs[-1].first_line,
            "no quotation found: no paragraph begins and ends with a quotation mark",
            hint="each passage of the comment must be a paragraph of its own, in quotation marks")])
    start = first
    while start > 1 and NUMBERED.match(paragraphs[start - 1].text):
        start -= 1
    if start == first:
        raise SourceError([Problem(path, paragraphs[first].first_line,
            "no question list found before the first quotation",
            hint="number the questions like '7.' or '7.1.', one paragraph each, just above it")])
    notes = [f"{paragraphs[0].where}: title (the first paragraph)."]
    notes += [f"{p.where}: preamble (between the title and the question list)."
              for p in paragraphs[1:start]]
    for p in paragraphs[start:first]:
        number = p.text.split()[0].rstrip(".")
        notes.append(f"{p.where}: question {number} (numbered paragraph before the first quotation).")
    rebuttals = _rebuttals(paragraphs[first:], kinds[first:], path, notes)
    structure = Structure(paragraphs[0], tuple(paragraphs[1:start]),
                          tuple(paragraphs[start:first]), tuple(rebuttals))
    return structure, notes


def _rebuttals(paragraphs, kinds, path, notes) -> list[Rebuttal]:
    """Group quotes with the replies after them; `paragraphs` begins with a quote."""
    groups: list[tuple[Paragraph, list[Paragraph]]] = []
    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        if kind.kind != "quote":
            notes.append(f"{paragraph.where}: reply ({_why_reply(paragraph, kind.kind, kind.closes_at)}).")
            groups[-1][1].append(paragraph)
            continue
        notes.append(f"{paragraph.where}: quote (begins with a quotation mark, "
                     "and the mark that closes it ends the paragraph).")
        if groups and not groups[-1][1]:
            raise SourceError([Problem(path, groups[-1][0].first_line,
                f"quotation has no reply: the next paragraph (line {paragraph.first_line}) is another quotation",
                hint="write a reply after it, or put both passages in one quotation")])
        groups.append((paragraph, []))
    if not groups[-1][1]:
        raise SourceError([Problem(path, groups[-1][0].first_line,
            "quotation at the end has no reply", hint="write a reply after it, or remove it")])
    return [Rebuttal(quote, tuple(replies)) for quote, replies in groups]


def _why_reply(paragraph: Paragraph, kind: str, closes_at: int) -> str:
    if kind == "phrase":
        return (f"begins with a quoted phrase, closed on line {paragraph.line_at(closes_at)} "
                "before the end of the paragraph")
    return "does not begin with a quotation mark"


def _check_quotes_closed(paragraphs: list[Paragraph], path: str) -> None:
    problems = []
    for paragraph in paragraphs:
        opened = unclosed_opening(paragraph.text)
        if opened is not None:
            line, column = paragraph.position(opened)
            problems.append(Problem(path, line,
                "unclosed quotation: this quotation mark is never closed", column,
                hint="add the closing quotation mark"))
    if problems:
        raise SourceError(problems)
