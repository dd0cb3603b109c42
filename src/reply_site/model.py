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
    """A passage quoted from the respondent's comment and the author's reply to it."""

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
    title_line: int = 1  # the line of the `# ` title in the source

    @property
    def authors(self) -> list[str]:
        """The author's names as the front matter gives them; [] when it names nobody (never guessed)."""
        given = self.meta.get("author")
        if not given:
            return []
        return [str(given)] if isinstance(given, str) else [str(name) for name in given if name]

    @property
    def date(self) -> str:
        """The reply's date as the front matter gives it (ISO 8601), or ""."""
        given = self.meta.get("date")
        return given.isoformat() if hasattr(given, "isoformat") else str(given or "")

    @property
    def respondent(self) -> str:
        """Whose comment the reply quotes, e.g. "Stability AI" (front matter `respondent`)."""
        return self.meta["respondent"]

    @property
    def grouping_is_editorial(self) -> bool:
        """True when the site's editors, not the author, placed the passages under the questions."""
        return self.meta.get("grouping", "editorial") != "author"

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
