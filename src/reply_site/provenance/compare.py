"""The record set against the published text: the declared revisions applied to the record in
order, then every word aligned, every difference either recognised as an editorial change or
reported as a problem. The provenance page and the build's check both come from here."""

from __future__ import annotations

from ..errors import Problem
from ..model import Reply
from . import editorial
from .alignment import Sides
from .changes import AppliedRevision, Comparison
from .differences import word_problems
from .published import passages, published_words
from .record import record_of
from .revisions import Revision, revise, words_of
from .words import Word, Words


def compare(record_text: str, record_path: str, reply: Reply, revisions: list[Revision]) -> Comparison:
    """Compare the record's text with the reply the site publishes."""
    record = record_of(record_text, record_path)
    found = passages(reply)
    sides = Sides(record, record.words(), found, published_words(found), reply.path)
    problems, written = [], []
    for revision in revisions:
        sides, problem, first_new = apply(revision, sides, reply)
        problems += [problem] if problem else []
        written += [] if problem else [(revision, first_new)]
    joins, splits = editorial.joins(sides)
    citations, links = editorial.citations(sides)
    problems += word_problems(sides) + splits + links
    return Comparison(reply, record_path, len(sides.recorded.words), joins, editorial.quotes(sides, reply),
                      citations, editorial.emphasis(sides), editorial.headings(sides, reply),
                      [applied(revision, word, sides) for revision, word in written],
                      sorted(problems, key=lambda p: (p.path, p.line, p.column)))


def apply(revision: Revision, sides: Sides, reply: Reply) -> tuple[Sides, Problem | None, Word | None]:
    """The sides with the revision applied to the record, or a problem; and the first new word
    (for a deletion, the word after the deleted ones)."""
    where = reply.renamed.get(revision.where, revision.where)
    region = [j for j, word in enumerate(sides.published.words) if sides.passages[word.paragraph].where == where]
    if not region:
        return sides, Problem(revision.path, revision.line_of("where"), f"revision of '{revision.where}': no "
                              "rebuttal, question, title or preamble has this name",
                              hint="write a rebuttal's id (as in <!-- rebuttal: id -->), title, preamble or a "
                                   "question number such as 7.1"), None
    start, end = sides.alignment.record_range(region[0], region[-1] + 1)
    words, count, first_new = revise(sides.recorded.words, start, end, revision)
    if count == 1:
        revised = Words(words, sides.recorded.trailing)
        return Sides(sides.record, revised, sides.passages, sides.published, sides.source_path), None, first_new
    if count == 0:
        found, hint = "are not in", (f"copy them exactly from {sides.record.path}, as the revisions before this "
                                     "one left them")
    else:
        found, hint = f"appear {count} times in", "quote more of the words around them, so that they appear once"
    return sides, Problem(revision.path, revision.line_of("old"), f"the old words '{words_of(revision.old)}' "
                          f"{found} the record at '{revision.where}'", hint=hint), None


def applied(revision: Revision, word: Word | None, sides: Sides) -> AppliedRevision:
    """Where a revision's new words stand in the record and on the site."""
    index = next((i for i, other in enumerate(sides.recorded.words) if other is word), None)
    j = sides.alignment.to_published[index] if index is not None else None
    if j is None:
        return AppliedRevision(revision, word.line if word else revision.line, None, "")
    return AppliedRevision(revision, word.line, sides.source_line(j), sides.passage_at(j).role)
