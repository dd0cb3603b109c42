"""The record: the reply exactly as received, read as bytes (published as they are) and as
paragraphs with their line numbers (compared word by word with the site's text)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..source.text_file import read_text
from .words import WORD, Words, text_words

BLANK = " \t\r\f\v"  # a line of these alone ends a paragraph (ASCII whitespace only, as words are split)


@dataclass(frozen=True)
class Excerpt:
    """Some words of a paragraph as written, and whether the paragraph goes on before or after them."""

    text: str
    more_before: bool = False
    more_after: bool = False


@dataclass(frozen=True)
class RecordParagraph:
    first_line: int
    last_line: int
    text: str  # its lines as in the record, joined with "\n"

    def opening(self, count: int) -> Excerpt:
        """Its first `count` words as written, marks included."""
        words = WORD.findall(self.text)
        return Excerpt(" ".join(words[:count]), more_after=len(words) > count)

    def ending(self, count: int) -> Excerpt:
        words = WORD.findall(self.text)
        return Excerpt(" ".join(words[-count:]), more_before=len(words) > count)


@dataclass(frozen=True)
class Record:
    path: str  # as named in problems, e.g. record/reply-as-received.txt
    text: str  # decoded, LF line endings
    data: bytes = b""  # the file's bytes, published as they are

    @cached_property
    def paragraphs(self) -> list[RecordParagraph]:
        paragraphs, lines, start = [], [], 0
        for number, line in enumerate([*self.text.split("\n"), ""], start=1):
            if line.strip(BLANK):
                start = start if lines else number
                lines.append(line)
            elif lines:
                paragraphs.append(RecordParagraph(start, number - 1, "\n".join(lines)))
                lines = []
        return paragraphs

    def words(self) -> Words:
        """Every word of the record in order; its links are anchors, its `*…*` emphasis spans."""
        return text_words([(p.text, p.first_line, True, False) for p in self.paragraphs])


def record_of(text: str, path: str, data: bytes = b"") -> Record:
    """The record from its text as read from a file: a byte order mark and CR line endings are not text."""
    return Record(path, text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), data)


def read_record(path: Path, display: str) -> Record:
    """The record file; SourceError if it cannot be read as UTF-8 text."""
    text = read_text(path, display)  # raises SourceError, with the line, for a file that is not UTF-8 text
    return record_of(text, display, Path(path).read_bytes())
