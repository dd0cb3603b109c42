"""Source and bibliography -> model -> pages, in one pass. Shared by the CLI and the MkDocs hook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .anchors import Registry, check_registry, load_registry
from .bibliography import Reference, load_bibliography
from .citations import Citer, check_citations
from .errors import Problem, SourceError
from .model import Reply
from .pages import render_pages
from .source import load_reply


@dataclass
class Build:
    """One reading of the source: the model, the references, the pages."""

    reply: Reply
    references: dict[str, Reference]
    citer: Citer  # citation numbers and links, worked out once for every page and data file
    pages: dict[str, str]
    registry: Registry | None = None


DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def build(source: Path, bib: Path, root: Path | None = None, site_url: str = DEFAULT_SITE_URL,
          anchors: Path | None = None) -> Build:
    """Read, check and render; raise SourceError with every problem of the files.

    `anchors` is the registry of published addresses to hold the reply to, if any.
    """
    source_name, bib_name = (display_path(p, root) for p in (source, bib))
    problems: list[Problem] = []
    reply = references = registry = None
    if anchors is not None:
        try:
            registry = load_registry(anchors, display_path(anchors, root))
        except SourceError as error:
            problems += error.problems
    try:
        reply = partial = load_reply(source, source_name)
    except SourceError as error:
        problems += error.problems
        partial = getattr(error, "partial", None)  # what could be read is still worth checking
    try:
        references = load_bibliography(bib, bib_name)
    except SourceError as error:
        problems += error.problems
    if partial is not None and references is not None:
        # An entry seems unused when the source is broken: only say so about a sound source.
        problems += check_citations(partial, references, bib_name, report_unused=reply is not None)
    if reply is not None and registry is not None:
        problems += check_registry(reply, registry)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: (p.path, p.line, p.column)))
    citer = Citer(reply, references)
    return Build(reply, references, citer, render_pages(reply, citer, site_url), registry)


def display_path(path: Path, root: Path | None) -> str:
    """The path as a contributor would write it: relative to the project when possible."""
    path = Path(path)
    root = Path(root) if root else Path.cwd()
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
