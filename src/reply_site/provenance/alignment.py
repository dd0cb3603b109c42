"""The record's words set against the published words: which are the same, and where they part;
`Sides` keeps both texts (as words and as paragraphs) with their alignment.

A "gap" is the place before a word (gap `i` lies between words i-1 and i; gap len(words) is
the end). Gaps map from one side to the other only where both neighbouring words are the
same on both sides: elsewhere the words themselves differ, and that is reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from .published import Passage
from .record import Record, RecordParagraph
from .words import Words


class Alignment:
    def __init__(self, record: list[str], published: list[str]):
        self.record, self.published = record, published
        self.opcodes = SequenceMatcher(None, record, published, autojunk=False).get_opcodes()
        self.to_published: list[int | None] = [None] * len(record)
        self.to_record: list[int | None] = [None] * len(published)
        for tag, i1, i2, j1, _ in self.opcodes:
            if tag == "equal":
                for offset in range(i2 - i1):
                    self.to_published[i1 + offset], self.to_record[j1 + offset] = j1 + offset, i1 + offset

    def published_gap(self, gap: int) -> int | None:
        return _gap(self.to_published, gap, len(self.published))

    def record_gap(self, gap: int) -> int | None:
        return _gap(self.to_record, gap, len(self.record))

    def differences(self) -> list[tuple[str, int, int, int, int]]:
        return [opcode for opcode in self.opcodes if opcode[0] != "equal"]

    def record_range(self, start: int, end: int) -> tuple[int, int]:
        """The record's words that the published words start..end come from, and any the site
        left out right beside them: generous, so that a revision is looked for wherever it may be."""
        low, high = None, None
        for tag, i1, i2, j1, j2 in self.opcodes:
            touches = (j1 < end and j2 > start) if j1 < j2 else start <= j1 <= end
            if not touches:
                continue
            first, last = (i1 + max(start - j1, 0), i1 + min(end, j2) - j1) if tag == "equal" else (i1, i2)
            low, high = (first, last) if low is None else (min(low, first), max(high, last))
        return (low or 0, high or 0)


def _gap(mapping: list[int | None], gap: int, other_length: int) -> int | None:
    before = mapping[gap - 1] if gap > 0 else -1
    after = mapping[gap] if gap < len(mapping) else other_length
    if before is None or after is None or after != before + 1:
        return None
    return after


@dataclass
class Sides:
    """Both texts, as words and as paragraphs, and their alignment."""

    record: Record
    recorded: Words
    passages: list[Passage]
    published: Words
    source_path: str

    def __post_init__(self) -> None:
        self.alignment = Alignment(self.recorded.texts, self.published.texts)

    def passage_at(self, j: int) -> Passage:
        """The passage of the published word j (the last one for the end)."""
        words = self.published.words
        return self.passages[words[min(j, len(words) - 1)].paragraph] if words else self.passages[0]

    def source_line(self, j: int) -> int:
        words = self.published.words
        return words[min(j, len(words) - 1)].line if words else 1

    def record_line(self, i: int) -> int:
        words = self.recorded.words
        return words[min(i, len(words) - 1)].line if words else 1

    def record_paragraph(self, i: int) -> RecordParagraph:
        return self.record.paragraphs[self.recorded.words[i].paragraph]
