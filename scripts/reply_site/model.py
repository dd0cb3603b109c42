"""The reply as data: Reply > Question > Rebuttal. No I/O here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# `[@key]` or `[@key1; @key2]` in a paragraph of the source.
CITATION = re.compile(r"\[@([A-Za-z0-9_:.-]+(?:\s*;\s*@[A-Za-z0-9_:.-]+)*)\]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of Markdown text and the line it starts on in the source."""

    text: str
    line: int

    @property
    def citation_keys(self) -> list[str]:
        keys = []
        for match in CITATION.finditer(self.text):
            keys += [key.strip().lstrip("@") for key in match.group(1).split(";")]
        return keys


@dataclass
class Rebuttal:
    """A passage quoted from Stability AI and the author's reply to it."""

    id: str
    line: int
    previous_ids: list[str] = field(default_factory=list)  # declared with (was: old-id)
    quote: list[Paragraph] = field(default_factory=list)
    reply: list[Paragraph] = field(default_factory=list)

    @property
    def citation_keys(self) -> list[str]:
        return [key for paragraph in self.quote + self.reply for key in paragraph.citation_keys]


@dataclass
class Question:
    """A question of the Copyright Office's inquiry, e.g. number "7.1"."""

    number: str
    text: str
    line: int
    rebuttals: list[Rebuttal] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return "question-" + self.number.replace(".", "-")

    @property
    def page(self) -> str:
        return f"{self.slug}.md"


@dataclass
class Reply:
    """The whole reply: front matter, the author's title and preamble, the questions."""

    path: str
    meta: dict
    title: str
    preamble: list[Paragraph]
    questions: list[Question]

    @property
    def rebuttals(self) -> list[Rebuttal]:
        return [rebuttal for question in self.questions for rebuttal in question.rebuttals]

    @property
    def renamed(self) -> dict[str, str]:
        """Old rebuttal id -> current id, as declared in the source."""
        return {old: rebuttal.id for rebuttal in self.rebuttals for old in rebuttal.previous_ids}

    def cited_keys(self) -> list[str]:
        """Every cited key once, in order of first citation."""
        return list(dict.fromkeys(key for rebuttal in self.rebuttals for key in rebuttal.citation_keys))
