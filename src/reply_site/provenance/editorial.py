"""The editorial changes the comparison recognises, found where the words agree: paragraphs
joined at page breaks, passages marked as the respondent's quotes, paragraphs made headings,
links turned into citation markers (or markers added), emphasis. Anything else the site does
to the record's text, where the words agree, is a problem: a paragraph break the record does
not have, a link left out or changed.

Where the words themselves differ, `differences` reports them; nothing is recognised there.
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Reply
from .alignment import Sides
from .changes import CitationMark, EmphasisMark, Heading, Join, QuoteMark
from .words import CONTEXT, EMPHASIS_KINDS, WORD, Anchor, Emphasis


def joins(sides: Sides) -> tuple[list[Join], list[Problem]]:
    """Each break between the record's paragraphs that the site removed, and each break the site added."""
    found, problems = [], []
    record_starts, published_starts = set(sides.recorded.starts()), set(sides.published.starts())
    for i in sorted(record_starts - {0}):
        j = sides.alignment.published_gap(i)
        if j is not None and j not in published_starts:
            before, after = sides.record_paragraph(i - 1), sides.record_paragraph(i)
            found.append(Join(sides.source_line(j), (before.last_line, after.first_line),
                              before.ending(CONTEXT), after.opening(CONTEXT)))
    for j in sorted(published_starts - {0}):
        i = sides.alignment.record_gap(j)
        if i is not None and i not in record_starts:
            paragraph = sides.record_paragraph(i)
            problems.append(Problem(sides.source_path, sides.source_line(j),
                                    f"a paragraph break the record does not have: its paragraph on line "
                                    f"{paragraph.first_line} of {sides.record.path} goes on from "
                                    f"'{sides.recorded.words[i - 1].text}' to '{sides.recorded.words[i].text}'",
                                    hint="join this paragraph to the one before it, as the record has them"))
    return found, problems


def word_range(sides: Sides, where: str, roles: tuple[str, ...]) -> tuple[int, int] | None:
    """The published words of the passages of `where` in `roles` that the record also has, first to last."""
    indices = [j for j, word in enumerate(sides.published.words)
               if sides.passages[word.paragraph].where == where and sides.passages[word.paragraph].role in roles]
    if not indices or None in (sides.alignment.to_record[indices[0]], sides.alignment.to_record[indices[-1]]):
        return None
    return indices[0], indices[-1]


def quotes(sides: Sides, reply: Reply) -> list[QuoteMark]:
    found = []
    for rebuttal in reply.rebuttals:
        span = word_range(sides, rebuttal.id, ("quote",))
        if span:
            first, last = (sides.alignment.to_record[j] for j in span)
            opening, closing = sides.record_paragraph(first), sides.record_paragraph(last)
            short = opening == closing and len(WORD.findall(opening.text)) <= 2 * CONTEXT + 1  # shown whole
            found.append(QuoteMark(rebuttal.id, rebuttal.quote[0].line, (opening.first_line, closing.last_line),
                                   opening.opening(2 * CONTEXT + 1 if short else CONTEXT + 1),
                                   closing.ending(CONTEXT)))
    return found


def headings(sides: Sides, reply: Reply) -> list[Heading]:
    made = [("title", sides.passages[0].line, ())]
    made += [(q.number, q.line, tuple(r.id for r in q.rebuttals)) for q in reply.questions]
    found = []
    for what, line, rebuttals in made:
        span = word_range(sides, what, ("title", "question"))
        if span:
            found.append(Heading(what, line, sides.record_line(sides.alignment.to_record[span[0]]), rebuttals))
    return found


def citations(sides: Sides) -> tuple[list[CitationMark], list[Problem]]:
    """Each citation marker, with the record's link it replaces; each link the site changed or left out."""
    record_links: dict[int, list[Anchor]] = {}
    for i in range(len(sides.recorded.words) + 1):
        j = sides.alignment.published_gap(i)
        if sides.recorded.anchors_at(i) and j is not None:
            record_links[j] = list(sides.recorded.anchors_at(i))
    found, problems = [], []
    for j in range(len(sides.published.words) + 1):
        i = sides.alignment.record_gap(j)
        if i is None:
            continue  # the words differ here: reported as such
        links = record_links.get(j, [])
        for anchor in sides.published.anchors_at(j):
            link = links.pop(0) if links else None
            if anchor.kind == "citation":
                found.append(CitationMark(anchor.text, anchor.line, link.line if link else sides.record_line(i - 1),
                                          link.text if link else "", anchor.before))
            elif link is None or link.text != anchor.text:
                was = f"where the record has '{link.text}'" if link else "where the record has no link"
                problems.append(Problem(sides.source_path, anchor.line, f"link '{anchor.text}' after "
                                        f"'{anchor.before}' {was}",
                                        hint="write the record's link, or cite the work with [@key]"))
        for link in links:
            problems.append(Problem(sides.source_path, sides.source_line(j), f"the record's link '{link.text}' "
                                    f"({sides.record.path} line {link.line}) is missing after '{link.before}'",
                                    hint="cite the work it links to with [@key] there, or write the link"))
    return found, problems


def spans(words) -> dict[Emphasis, tuple[int, ...]]:
    """Each run of emphasis -> the indices of its words."""
    found: dict[Emphasis, list[int]] = {}
    for index, word in enumerate(words):
        for emphasis in word.emphasis:
            found.setdefault(emphasis, []).append(index)
    return {emphasis: tuple(indices) for emphasis, indices in found.items()}


def emphasis(sides: Sides) -> list[EmphasisMark]:
    """Each run of words in italics or bold on the site, and each the record marks that the site does not."""
    recorded = {indices: run for run, indices in spans(sides.recorded.words).items()}
    found, matched = [], set()
    for run, indices in spans(sides.published.words).items():
        mapped = tuple(sides.alignment.to_record[j] for j in indices)
        if None in mapped:
            continue  # the words differ here: reported as such
        before = recorded.get(mapped)
        status = "added" if before is None else "as in the record" if before.kind == run.kind else "changed"
        matched.add(mapped)
        found.append(EmphasisMark(run.text, EMPHASIS_KINDS[run.kind], status, sides.source_line(indices[0]),
                                  sides.record_line(mapped[0]), EMPHASIS_KINDS[before.kind] if before else ""))
    for indices, run in recorded.items():
        shown = [sides.alignment.to_published[i] for i in indices]
        if indices not in matched and None not in shown:
            found.append(EmphasisMark(run.text, EMPHASIS_KINDS[run.kind], "left out", sides.source_line(shown[0]),
                                      sides.record_line(indices[0])))
    return sorted(found, key=lambda mark: (mark.source_line, mark.record_line))
