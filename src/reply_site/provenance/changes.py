"""What the comparison finds: the editorial changes it recognises, each with its line in the
record and in the source, the declared revisions it applied, and the problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..model import Reply
from .record import Excerpt
from .revisions import Revision


@dataclass(frozen=True)
class Join:
    """A paragraph the export cut at a page break, shown whole."""

    source_line: int  # the line of the source where the words after the break are
    record_lines: tuple[int, int]  # the record's last line before the break, first line after it
    before: Excerpt  # the record's last words before the break, as written
    after: Excerpt  # its first words after it


@dataclass(frozen=True)
class QuoteMark:
    """A passage shown as the respondent's quote."""

    rebuttal: str
    source_line: int
    record_lines: tuple[int, int]  # first and last
    opening: Excerpt  # its first words in the record, as written
    closing: Excerpt


@dataclass(frozen=True)
class CitationMark:
    """A citation marker `[@key]`, in place of the record's link or added where it has none."""

    marker: str
    source_line: int
    record_line: int
    link: str  # the record's link it replaces, as written; "" when the record has none here
    after: str  # the record's words before it


@dataclass(frozen=True)
class EmphasisMark:
    """Words shown in italics or bold."""

    words: str
    kind: str  # "italics", "bold", "bold italics"
    status: str  # "as in the record", "added", "changed" (record_kind says from what) or "left out"
    source_line: int
    record_line: int
    record_kind: str = ""


@dataclass(frozen=True)
class Heading:
    """A paragraph of the record shown as a heading: the title, or a question of the inquiry."""

    what: str  # "title" or the question's number
    source_line: int
    record_line: int
    rebuttals: tuple[str, ...] = ()  # the passages placed under a question


@dataclass(frozen=True)
class AppliedRevision:
    revision: Revision
    record_line: int
    source_line: int | None  # where its new words are published (None when a later revision replaced them)
    part: str  # the role of the passage it changes: "quote", "reply", "title", "preamble" or "question"


@dataclass
class Comparison:
    """The record set against the published text."""

    reply: Reply
    record_path: str
    words: int = 0  # how many words of the record were compared
    joins: list[Join] = field(default_factory=list)
    quotes: list[QuoteMark] = field(default_factory=list)
    citations: list[CitationMark] = field(default_factory=list)
    emphasis: list[EmphasisMark] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    revisions: list[AppliedRevision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
