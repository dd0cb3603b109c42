"""Paragraphs of a raw reply: runs of non-blank lines, with the line each line came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; `lines` holds (line number, column of first character, stripped text).

    The paragraph's text is its lines joined with one space, so a position in the
    text can always be traced back to a line of the input.
    """

    lines: tuple[tuple[int, int, str], ...]

    @property
    def text(self) -> str:
        return " ".join(text for _, _, text in self.lines)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def last_line(self) -> int:
        return self.lines[-1][0]

    @property
    def where(self) -> str:
        """"line 7", or "lines 7–9" for a paragraph rejoined across a page break."""
        first, last = self.first_line, self.last_line
        return f"line {first}" if first == last else f"lines {first}–{last}"

    def line_at(self, index: int) -> int:
        return self.position(index)[0]

    def position(self, index: int) -> tuple[int, int]:
        """The input (line, column) of the character at `index` of `text`."""
        start = 0
        for number, column, text in self.lines:
            if index <= start + len(text):
                return number, column + index - start
            start += len(text) + 1
        return self.last_line, 1

    def joined_with(self, other: Paragraph) -> Paragraph:
        """This paragraph continued by `other` (a page break removed): one space between."""
        return Paragraph(self.lines + other.lines)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split text (LF line endings) at blank lines; whitespace-only lines count as blank."""
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            current.append((number, len(line) - len(line.lstrip()) + 1, stripped))
        elif current:
            paragraphs.append(Paragraph(tuple(current)))
            current = []
    if current:
        paragraphs.append(Paragraph(tuple(current)))
    return paragraphs

