"""Import a reply exported from a word processor into the canonical Markdown.

Steps, one module each: `paragraphs` (split at blank lines), `joins` (rejoin
paragraphs cut at page breaks), `structure` (title, preamble, questions, quotes and
replies), `citations` (links -> [@key] and BibTeX stubs), `canonical` (the Markdown)
and `wordcheck` (no word lost). Every decision is written to a review report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, SourceError
from .canonical import render
from .citations import Citations
from .joins import rejoin
from .paragraphs import split_paragraphs
from .structure import classify
from .wordcheck import check_words

__all__ = ["ImportResult", "import_reply"]


@dataclass(frozen=True)
class ImportResult:
    markdown: str
    bibtex: str  # empty when the replies have no links
    keys: dict[str, str]  # URL -> citation key
    report: str


def import_reply(text: str, path: str) -> ImportResult:
    """Turn the raw reply `text` (read from `path`, named in problems) into Markdown.

    Raises SourceError for a file that cannot be imported.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw = split_paragraphs(text)
    if not raw:
        raise SourceError([Problem(path, 1, "the file is empty: there is no reply to import")])
    paragraphs, join_notes = rejoin(raw)
    structure, roles = classify(paragraphs, path)
    citations = Citations()
    replies, cite_notes = [], []
    for rebuttal in structure.rebuttals:
        replies.append([])
        for reply in rebuttal.replies:
            cited, notes = citations.cite(reply)
            replies[-1].append(cited)
            cite_notes += notes
    markdown, grouping, warnings = render(structure, replies)
    checked = check_words(text, markdown, citations.replaced, set(citations.keys.values()), path)
    sections = [
        (f"Page breaks ({len(raw)} paragraphs read, {len(paragraphs)} after rejoining)", join_notes),
        ("Paragraphs", roles),
        ("Citations", cite_notes or ["none: the replies have no links."]),
        ("Grouping", grouping),
    ]
    if warnings:
        sections.append(("Warnings", warnings))
    sections.append(("Check", [f"all {checked} words of the input are in the output, in the same order "
                               "(links turned into citation keys aside)."]))
    report = [f"Review report for {path}: every decision of the importer, for a person to check.", ""]
    for heading, lines in sections:
        report += [f"{heading}:", *(f"  {line}" for line in lines), ""]
    return ImportResult(markdown, citations.bibtex(), dict(citations.keys), "\n".join(report))
