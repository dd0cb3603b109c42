"""`references.bib` read with bibtexparser v2 into checked, formatted references."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

from ..errors import Problem, SourceError
from .text_file import read_text

HTTP_URL = re.compile(r"^https?://[^\s<>\"{}]+$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
REQUIRED = ("title", "url")


@dataclass(frozen=True)
class Reference:
    key: str
    line: int
    authors: tuple[str, ...]
    fields: dict

    def field(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def short(self) -> str:
        """A short label such as 'Carlini et al. 2023'."""
        if not self.authors:
            return " ".join(filter(None, [self.field("title"), self.field("year")]))
        surnames = [author.split()[-1] for author in self.authors]
        names = " and ".join(surnames) if len(surnames) <= 2 else f"{surnames[0]} et al."
        return " ".join(filter(None, [names, self.field("year")]))

    def parts(self) -> list[str]:
        """The reference's sentences in order: authors, title, venue, year, identifiers, note."""
        authors = list(self.authors)
        names = ", ".join(authors[:-1]) + (", and " if len(authors) > 2 else " and ") + authors[-1] \
            if len(authors) > 1 else "".join(authors)
        venue = self.field("journal") or self.field("booktitle") or self.field("howpublished")
        pages = self.field("pages").replace("--", "–")
        venue_line = ", ".join(filter(None, [venue, f"pp. {pages}" if pages else "", self.field("year")]))
        identifiers = []
        if self.field("doi"):
            identifiers.append(f"doi:{self.field('doi')}")
        if self.field("eprint"):
            identifiers.append(f"arXiv:{self.field('eprint')}")
        return [p for p in [names, self.field("title"), venue_line, ", ".join(identifiers), self.field("note")] if p]

    @property
    def text(self) -> str:
        """The whole reference as plain text, with its URL."""
        return " ".join(p.rstrip(".") + "." for p in self.parts()) + " " + self.field("url")


def plain(value: str) -> str:
    """Field text without the braces BibTeX uses to protect case."""
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def parse_bibliography(text: str, path: str) -> dict[str, Reference]:
    return dict(parsed(text, path))


@functools.lru_cache(maxsize=4)  # a live preview reads the same file again on every save: parsing is slow
def parsed(text: str, path: str) -> dict[str, Reference]:
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors()]
    )
    problems = [failed_block_problem(block, path) for block in library.failed_blocks]
    references = {}
    for entry in library.entries:
        line = entry.start_line + 1
        fields = {key.lower(): value for key, value in entry.fields_dict.items()}
        authors = fields.pop("author").value if "author" in fields else []
        values = {name: plain(field.value) for name, field in fields.items()}
        for name in REQUIRED:
            if not values.get(name):
                problems.append(Problem(path, line, f"entry '{entry.key}' has no '{name}' field",
                                        hint=f"add {name} = {{...}}"))
        if values.get("url") and not HTTP_URL.match(values["url"]):
            problems.append(Problem(path, fields["url"].start_line + 1,
                                    f"entry '{entry.key}': url '{values['url']}' is not an http(s) URL"))
        if values.get("doi") and not DOI.match(values["doi"]):
            problems.append(Problem(path, fields["doi"].start_line + 1,
                                    f"entry '{entry.key}': doi '{values['doi']}' is malformed",
                                    hint="a DOI looks like 10.48550/arXiv.2301.13188, without https://doi.org/"))
        references[entry.key] = Reference(entry.key, line, tuple(plain(a) for a in authors), values)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return references


def failed_block_problem(block, path: str) -> Problem:
    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        return Problem(path, line, f"duplicate entry key '{block.key}'", hint="each entry needs its own key")
    if isinstance(block, DuplicateFieldKeyBlock):
        fields = ", ".join(sorted(block.duplicate_keys))
        return Problem(path, line, f"entry '{block.ignore_error_block.key}' repeats the field(s) {fields}",
                       hint="keep one value per field")
    reason = getattr(block.error, "abort_reason", "") or str(block.error) or "syntax error"
    return Problem(path, line, f"unreadable BibTeX entry: {reason.splitlines()[0]}",
                   hint="check the braces and commas of this entry")


def load_bibliography(path, display: str | None = None) -> dict[str, Reference]:
    name = display or str(path)
    return parse_bibliography(read_text(path, name), name)
