"""Read `docs/reply.md` into the model, reporting every problem as FILE:LINE:COLUMN.

The source is a sequence of blocks separated by blank lines:
`# title`, preamble paragraphs, then per question a `## N. question text` heading
followed by rebuttals, each `<!-- rebuttal: id -->`, a `>` quote, reply paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problem, SourceError
from ..model import Paragraph, Question, Rebuttal, Reply
from . import characters, markdown_policy
from .front_matter import split_front_matter
from .rendered_html import Passage, check_passages
from .text_file import read_text

QUESTION = re.compile(r"^## +(\d+(?:\.\d+)*)\.? +(.+)$")
MARKER = re.compile(r"^<!--\s*rebuttal:\s*(.*?)\s*(?:\(was:\s*(.*?)\s*\))?\s*-->$")
REBUTTAL_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Block:
    lines: list[str]
    line: int  # number of the block's first line in the file

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def blocks_of(lines: list[str], first_line: int) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            current = None
        elif current is None:
            current = Block([line], number)
            blocks.append(current)
        else:
            current.lines.append(line)
    return blocks


def quote_paragraphs(block: Block) -> list[Paragraph]:
    """Split a `>` block into its paragraphs (separated by lines holding only `>`)."""
    paragraphs, lines, start = [], [], block.line
    for number, line in enumerate(block.lines, start=block.line):
        content = re.sub(r"^> ?", "", line)
        if content.strip():
            if not lines:
                start = number
            lines.append(content)
        elif lines:
            paragraphs.append(Paragraph("\n".join(lines), start))
            lines = []
    if lines:
        paragraphs.append(Paragraph("\n".join(lines), start))
    return paragraphs


def passages(block: Block) -> list[Passage]:
    """The Markdown of a block as pages render it: the title, a quote's paragraphs, a paragraph; not a
    question (its text is shown as written) nor a rebuttal marker."""
    first = block.lines[0]
    if first.startswith("#"):
        return [Passage(block.text, block.line, title=True)] if first.startswith("# ") else []
    if first.startswith(">"):
        return [Passage(paragraph.text, paragraph.line) for paragraph in quote_paragraphs(block)]
    return [] if MARKER.match(first.strip()) and len(block.lines) == 1 else [Passage(block.text, block.line)]


class SourceReader:
    """Walks the blocks once, building the model and collecting problems."""

    def __init__(self, path: str, respondent: str = ""):
        self.path = path
        self.respondent = respondent or "the respondent"
        self.problems: list[Problem] = []
        self.title: str | None = None
        self.title_line = 1
        self.preamble: list[Paragraph] = []
        self.questions: list[Question] = []
        self.rebuttal: Rebuttal | None = None
        self.first_line_of_id: dict[str, int] = {}
        self.passages: list[Passage] = []  # what the policy let through, to check as it renders

    def problem(self, line: int, message: str, hint: str = "", column: int = 1) -> None:
        self.problems.append(Problem(self.path, line, message, column, hint))

    def read(self, block: Block) -> None:
        first = block.lines[0]
        policy = markdown_policy.check_block(block.lines, block.line, self.path)
        self.problems += policy
        if not policy:
            self.passages += passages(block)
        if first.startswith("# ") and len(block.lines) == 1:
            self.read_title(block)
        elif first.startswith("#"):
            self.read_question(block)
        elif MARKER.match(first.strip()) and len(block.lines) == 1:
            self.read_marker(block, *MARKER.match(first.strip()).groups())
        elif first.startswith(">"):
            self.read_quote(block)
        else:
            self.read_paragraph(block)

    def read_title(self, block: Block) -> None:
        if self.title is not None:
            self.problem(block.line, "a second '# ' title", "the reply has one title; questions use '## N. text'")
        elif self.questions:
            self.problem(block.line, "the '# ' title must come before the questions")
        self.title, self.title_line = block.lines[0][2:].strip(), block.line

    def read_question(self, block: Block) -> None:
        match = QUESTION.match(block.lines[0])
        if not match or len(block.lines) > 1:
            self.problem(block.line, "a heading must be a question: '## 7.1. Question text' on one line")
            return
        self.close_rebuttal()
        number, text = match.group(1), match.group(2).strip()
        for earlier in self.questions:
            if earlier.number == number:
                self.problem(block.line, f"question {number} appears twice (first on line {earlier.line})")
        if self.title is None:
            self.problem(block.line, "the reply needs a '# ' title before its questions")
            self.title = ""
        self.questions.append(Question(number, f"{number}. {text}", block.line))

    def read_marker(self, block: Block, rebuttal_id: str, was: str | None) -> None:
        self.close_rebuttal()
        previous = [old.strip() for old in (was or "").split(",") if old.strip()]
        for old in previous:
            if not REBUTTAL_ID.match(old):
                self.problem(block.line, f"earlier id '{old}' is not valid", "write (was: old-id, other-old-id)")
        if not REBUTTAL_ID.match(rebuttal_id):
            self.problem(block.line, f"rebuttal id '{rebuttal_id}' is not valid",
                         "use lowercase ASCII letters, digits and single hyphens, e.g. 'models-do-not-store-works'")
        elif rebuttal_id in self.first_line_of_id:
            self.problem(block.line, f"duplicate rebuttal id '{rebuttal_id}' (first used on line "
                         f"{self.first_line_of_id[rebuttal_id]})", "give each rebuttal its own id")
        else:
            self.first_line_of_id[rebuttal_id] = block.line
        if not self.questions:
            self.problem(block.line, f"rebuttal '{rebuttal_id}' is outside any question",
                         "put it under a '## N. question' heading")
            return
        self.rebuttal = Rebuttal(rebuttal_id, block.line, previous)
        self.questions[-1].rebuttals.append(self.rebuttal)

    def read_quote(self, block: Block) -> None:
        if self.rebuttal is None:
            where = "any question" if not self.questions else "any rebuttal"
            self.problem(block.line, f"quote outside {where}",
                         "start a rebuttal with '<!-- rebuttal: some-id -->' on the line before the quote")
        elif self.rebuttal.reply or self.rebuttal.quote:
            self.problem(block.line, f"a second quote in rebuttal '{self.rebuttal.id}'",
                         "a quote is followed by the author's reply; start a new rebuttal for this quote")
        else:
            self.rebuttal.quote = quote_paragraphs(block)

    def read_paragraph(self, block: Block) -> None:
        paragraph = Paragraph(block.text, block.line)
        if not self.questions:
            if self.title is None:
                self.problem(block.line, "text before the '# ' title", "the body starts with '# Title of the reply'")
            self.preamble.append(paragraph)
        elif self.rebuttal is None:
            self.problem(block.line, "text outside any rebuttal",
                         "text under a question belongs to a rebuttal: '<!-- rebuttal: id -->', a '>' quote, the reply")
        elif not self.rebuttal.quote:
            self.problem(block.line,
                         f"rebuttal '{self.rebuttal.id}' must start with a '>' quote from {self.respondent}")
            self.rebuttal = None  # reported once is enough
        else:
            self.rebuttal.reply.append(paragraph)

    def close_rebuttal(self) -> None:
        rebuttal, self.rebuttal = self.rebuttal, None
        if rebuttal is None:
            return
        if not rebuttal.quote:
            self.problem(rebuttal.line, f"rebuttal '{rebuttal.id}' has no quote", "follow the marker with a '>' quote")
        elif not rebuttal.reply:
            self.problem(rebuttal.quote[0].line, f"quote without a reply in rebuttal '{rebuttal.id}'",
                         "write the author's reply as paragraphs after the quote")


def parse_reply(text: str, path: str, check_front_matter: bool = True, record: str | None = None) -> Reply:
    """Parse the text of a source file; raise SourceError listing every problem.

    Past revisions are read without `check_front_matter`: they may predate fields the format gained since.
    `record` is the text of the reply as received: the characters it has are allowed at the same place.
    """
    if not text.strip():
        raise SourceError([Problem(path, 1, "the source is empty",
                                   hint="start from docs/reply.md or scripts/import_reply.py")])
    meta, body, first_line, problems = split_front_matter(text, path, check_front_matter)
    reader = SourceReader(path, str(meta.get("respondent") or ""))
    reader.problems = problems + characters.check_text(text, path, record)
    for block in blocks_of(body, first_line):
        reader.read(block)
    reader.close_rebuttal()
    reader.problems += check_passages(reader.passages, text.split("\n"), path)
    ids = {rebuttal.id for question in reader.questions for rebuttal in question.rebuttals}
    for question in reader.questions:
        for rebuttal in question.rebuttals:
            for old in set(rebuttal.previous_ids) & ids:
                reader.problem(rebuttal.line, f"'{old}' is the id of a current rebuttal, not an earlier one")
    partial = Reply(path, meta, reader.title or "", reader.preamble, reader.questions, reader.title_line)
    if not reader.problems:  # what is missing is only worth saying about an otherwise sound file
        if reader.title is None:
            reader.problem(first_line, "the reply has no '# ' title")
        if not reader.questions:
            reader.problem(first_line, "the reply has no question", "add a heading '## 7. Question text'")
    if reader.problems:
        error = SourceError(sorted(reader.problems, key=lambda p: (p.line, p.column)))
        error.partial = partial  # what could be read, so that other checks still run on it
        raise error
    return partial


def load_reply(path, display: str | None = None, record: str | None = None) -> Reply:
    name = display or str(path)
    return parse_reply(read_text(path, name), name, record=record)
