"""The text the site publishes, taken from the model in the record's order: the title, the
preamble, the questions, then each rebuttal's quote and reply (when the author placed the
passages, each question is followed by its own rebuttals, as in the record)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Reply
from .words import Words, text_words


@dataclass(frozen=True)
class Passage:
    """One paragraph of the published text, where it is in the source and what it is."""

    text: str
    line: int  # in the source, e.g. docs/reply.md
    where: str  # "title", "preamble", a question number or a rebuttal id: what a revision names
    role: str  # "title", "preamble", "question", "quote" or "reply"

    @property
    def markdown(self) -> bool:
        """Read as Markdown (emphasis, links); a question's text is shown as it is written."""
        return self.role != "question"

    @property
    def citations(self) -> bool:
        """Its `[@key]` markers become citation links (the site renders them in quotes and replies only)."""
        return self.role in ("quote", "reply")


def passages(reply: Reply) -> list[Passage]:
    """Every paragraph the site publishes of the reply, in the record's order."""
    found = [Passage(reply.title, reply.title_line, "title", "title")]
    found += [Passage(p.text, p.line, "preamble", "preamble") for p in reply.preamble]
    rebuttals = []
    for question in reply.questions:
        found.append(Passage(question.text, question.line, question.number, "question"))
        mine = [Passage(p.text, p.line, rebuttal.id, role) for rebuttal in question.rebuttals
                for role, paragraphs in (("quote", rebuttal.quote), ("reply", rebuttal.reply)) for p in paragraphs]
        if reply.grouping_is_editorial:
            rebuttals += mine  # the record lists the questions first, then the passages
        else:
            found += mine
    return found + rebuttals


def published_words(found: list[Passage]) -> Words:
    return text_words([(p.text, p.line, p.markdown, p.citations) for p in found])
