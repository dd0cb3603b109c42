"""Citation keys `[@key]` of the reply checked against the bibliography, each at its line and column."""

from __future__ import annotations

from ..errors import Problem
from ..model import CITATION, Paragraph, Reply
from .bibliography import Reference


def check_citations(reply: Reply, references: dict[str, Reference], bib_path: str,
                    report_unused: bool = True) -> list[Problem]:
    """Unknown keys in the reply and entries of the bibliography that nothing cites."""
    problems = []
    for rebuttal in reply.rebuttals:
        for paragraph in rebuttal.quote + rebuttal.reply:
            for key, line, column in key_positions(paragraph):
                if key not in references:
                    problems.append(Problem(reply.path, line, f"unknown citation key '{key}'", column,
                                            f"add an entry '{key}' to {bib_path} or fix the key"))
    for paragraph in reply.preamble:
        for key, line, column in key_positions(paragraph):
            problems.append(Problem(reply.path, line, f"citation '{key}' outside a rebuttal", column,
                                    "citations belong in the author's replies"))
    cited = set(reply.cited_keys())
    for key, reference in references.items():
        if report_unused and key not in cited:
            problems.append(Problem(bib_path, reference.line, f"entry '{key}' is never cited in {reply.path}",
                                    hint=f"cite it as [@{key}] or remove the entry"))
    return problems


def key_positions(paragraph: Paragraph):
    """(key, line, column) of every cited key in a paragraph."""
    for match in CITATION.finditer(paragraph.text):
        before = paragraph.text[: match.start()]
        line = paragraph.line + before.count("\n")
        column = match.start() - (before.rfind("\n") + 1) + 1
        for key in match.group(1).split(";"):
            yield key.strip().lstrip("@"), line, column
