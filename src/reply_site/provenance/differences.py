"""Where the published words part from the record's (its declared revisions applied): each a
problem at the source's line, naming the words on both sides and how to declare a revision.

A word changed, dropped or added is one problem; words moved elsewhere (dropped in one place,
added in another) are one problem too.
"""

from __future__ import annotations

import unicodedata

from ..errors import Problem
from .alignment import Sides
from .revisions import REVISIONS

SHOWN = 12  # words named in a message at most


def quoted(words: list[str]) -> str:
    shown = words if len(words) <= SHOWN else [*words[:6], "…", *words[-5:]]
    return "'" + " ".join(shown) + "'"


def characters(old: str, new: str) -> str:
    """Which characters differ, when that is all that differs: a quotation mark, a look-alike letter."""
    if len(old) != len(new) or sum(a != b for a, b in zip(old, new, strict=True)) > 3:
        return ""
    pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    return " (" + "; ".join(f"{name(b)} where the record has {name(a)}" for a, b in pairs) + ")"


def name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def context(sides: Sides, j1: int, j2: int) -> tuple[list[str], list[str]]:
    """A few published words before (or, at the start of a passage, after) j1..j2, in the same passage:
    what a revision's old and new words would share, so that they are found once."""
    words, where = sides.published.words, sides.passage_at(j1 if j1 < j2 or not j1 else j1 - 1).where
    before = [w.text for w in words[max(j1 - 3, 0):j1] if sides.passages[w.paragraph].where == where]
    after = [w.text for w in words[j2:j2 + 3] if sides.passages[w.paragraph].where == where]
    return (before, []) if before else ([], after[:3])


def hint(where: str, old: list[str], new: list[str]) -> str:
    return (f"if the author approved this change, declare it in {REVISIONS} (where: {where}, old: {quoted(old)}, "
            f"new: {quoted(new)}, with its date and a link to the approval; see CONTRIBUTING.md); "
            "otherwise write the record's words")


def word_problems(sides: Sides) -> list[Problem]:
    record, published = sides.recorded.texts, sides.published.texts
    changes = sides.alignment.differences()
    moves = moved(changes, record, published)
    problems = []
    for tag, i1, i2, j1, j2 in changes:
        old, new = record[i1:i2], published[j1:j2]
        before = quoted(published[max(j1 - 3, 0):j1]) if j1 else "the beginning"
        at = j1 if new or not j1 else j1 - 1  # a dropped word is reported on the line of the word before it
        where, line = sides.passage_at(at).where, sides.source_line(at)
        in_record = f"{sides.record.path} line {sides.record_line(i1 if old else max(i1 - 1, 0))}"
        revised = sorted({w.revision for w in sides.recorded.words[max(i1 - 1, 0):i2 + 1] if w.revision})
        if revised:
            in_record += ", as revised in " + ", ".join(f"{REVISIONS} line {number}" for number in revised)
        if (tag, i1, i2, j1, j2) in moves.values():
            continue  # said with the place it moved to
        span = (j1, j2)  # the published words a revision would declare, with some around them
        if tag == "replace":
            message = (f"{quoted(new)} is not the record's {quoted(old)} ({in_record})"
                       f"{characters(' '.join(old), ' '.join(new))}")
        elif tag == "delete":
            message = f"the record's {quoted(old)} ({in_record}) is missing after {before}"
        elif (tag, i1, i2, j1, j2) in moves:
            _, k1, k2, m1, _ = moves[(tag, i1, i2, j1, j2)]
            message = (f"{quoted(new)} is out of the record's order: the record has these words after "
                       f"{quoted(record[max(k1 - 3, 0):k1])} ({sides.record.path} line {sides.record_line(k1)})")
            old, span = record[min(k1, i1):max(k2, i2)], (min(m1, j1), max(m1, j2))
            new = published[span[0]:span[1]]
        else:
            message = f"{quoted(new)} is not in the record (after {before}; {in_record})"
        before_words, after_words = context(sides, *span)
        old, new = before_words + old + after_words, before_words + new + after_words
        problems.append(Problem(sides.source_path, line, message, hint=hint(where, old, new)))
    return problems


def moved(changes, record: list[str], published: list[str]) -> dict[tuple, tuple]:
    """Insertion -> the deletion of the same words elsewhere: words that moved."""
    deletions = [change for change in changes if change[0] == "delete"]
    found = {}
    for change in changes:
        if change[0] != "insert":
            continue
        words = published[change[3]:change[4]]
        same = next((d for d in deletions if record[d[1]:d[2]] == words and d not in found.values()), None)
        if same:
            found[change] = same
    return found
