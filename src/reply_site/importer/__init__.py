"""Import a reply exported from a word processor into the canonical Markdown.

Steps, one module each: `paragraphs` (split at blank lines), `indentation` (is the export
indented, and does indentation tell quotations?), `joins` (rejoin paragraphs cut at page
breaks), `structure` (title, preamble, questions, quotes and replies, with `passages`
judging each paragraph), `questions` (rebuttals under the questions), `respondent` (whose
comment is quoted), `citations` (links -> [@key] and BibTeX stubs), `canonical` (the
Markdown) and `wordcheck` (no word lost). Every decision is written to a review report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, SourceError
from .canonical import render
from .citations import Citations
from .indentation import Indentation
from .joins import rejoin
from .paragraphs import split_paragraphs
from .questions import group
from .respondent import find_respondent
from .structure import classify
from .wordcheck import check_words

__all__ = ["ImportResult", "import_reply"]


@dataclass(frozen=True)
class ImportResult:
    markdown: str
    bibtex: str  # empty when the replies have no links
    keys: dict[str, str]  # URL -> citation key
    report: str
    counted_once: tuple[int, ...] = ()  # input lines of questions asked again: their words stand once


def import_reply(text: str, path: str) -> ImportResult:
    """Turn the raw reply `text` (read from `path`, named in problems) into Markdown.

    Raises SourceError for a file that cannot be imported.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw = split_paragraphs(text)
    if not raw:
        raise SourceError([Problem(path, 1, "the file is empty: there is no reply to import")])
    indentation = Indentation(text, rejoin(raw)[0])  # decided on whole paragraphs, not on parts of one
    paragraphs, join_notes = rejoin(raw, indentation)
    structure, roles = classify(paragraphs, indentation, path)
    grouping, question_roles = group(structure.sequence, path)
    respondent = find_respondent(structure.preamble)
    citations = Citations()
    replies, cite_notes = {}, []
    for rebuttal in grouping.rebuttals:
        replies[rebuttal] = []
        for reply in rebuttal.replies:
            cited, notes = citations.cite(reply)
            replies[rebuttal].append(cited)
            cite_notes += notes
    markdown, grouping_notes, warnings = render(structure, grouping, replies, respondent)
    once = [(number, column, len(line)) for p in grouping.counted_once for number, column, line in p.lines]
    checked = check_words(text, markdown, citations.replaced + once, set(citations.keys.values()), path)
    aside = "links turned into citation keys" + (
        f", and the {len(grouping.counted_once)} question(s) asked again, counted once," if once else "")
    sections = [
        (f"Page breaks ({len(raw)} paragraphs read, {len(paragraphs)} after rejoining)", join_notes),
        ("Paragraphs", [f"Which paragraphs are quotations: {indentation.rule()}",
                        *(line for _, line in sorted(roles + question_roles, key=lambda r: r[0].first_line))]),
        ("Respondent", list(respondent.report)),
        ("Citations", cite_notes or ["none: the replies have no links."]),
        ("Grouping", grouping_notes),
    ]
    if warnings:
        sections.append(("Warnings", warnings))
    sections.append(("Check", [f"all {checked} words of the input are in the output, in the same order "
                               f"({aside} aside)."]))
    counted_once = tuple(number for p in grouping.counted_once for number, _, _ in p.lines)
    return ImportResult(markdown, citations.bibtex(), dict(citations.keys), _report(path, sections), counted_once)


def _report(path: str, sections: list[tuple[str, list[str]]]) -> str:
    report = [f"Review report for {path}: every decision of the importer, for a person to check.", ""]
    for heading, lines in sections:
        report += [f"{heading}:", *(f"  {line}" for line in lines), ""]
    return "\n".join(report)
