"""Read and check the source in one pass: the reply, its bibliography and the registry of
published addresses, the reply held to the record of it as received where one is given.
Every problem of every file is collected before anything is raised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, SourceError
from ..model import Reply
from .anchors import Registry, check_registry, load_registry
from .bibliography import Reference, load_bibliography
from .citation_keys import check_citations
from .reply import load_reply
from .text_file import read_text


@dataclass
class Source:
    """What the source files say, checked."""

    reply: Reply
    references: dict[str, Reference]
    registry: Registry | None = None  # the published addresses the reply is held to, if any


def read_source(reply: Path, bibliography: Path, root: Path | None = None, anchors: Path | None = None,
                record: Path | None = None) -> Source:
    """Read and check the files; raise SourceError with every problem, paths shown relative to `root`.

    `record` is the reply as received (record/reply-as-received.txt): characters the source may not
    have (characters.py) are allowed where the record has them, at the same place."""
    reply_name, bib_name = (display_path(p, root) for p in (reply, bibliography))
    problems: list[Problem] = []
    parsed = references = registry = record_text = None
    if record is not None:
        try:
            record_text = read_text(record, display_path(record, root))
        except SourceError as error:
            problems += error.problems
    if anchors is not None:
        try:
            registry = load_registry(anchors, display_path(anchors, root))
        except SourceError as error:
            problems += error.problems
    try:
        parsed = partial = load_reply(reply, reply_name, record_text)
    except SourceError as error:
        problems += error.problems
        partial = getattr(error, "partial", None)  # what could be read is still worth checking
    try:
        references = load_bibliography(bibliography, bib_name)
    except SourceError as error:
        problems += error.problems
    if partial is not None and references is not None:
        # An entry only seems unused when the source is broken: say so about a sound source only.
        problems += check_citations(partial, references, bib_name, report_unused=parsed is not None)
    if parsed is not None and registry is not None:
        problems += check_registry(parsed, registry)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: (p.path, p.line, p.column)))
    return Source(parsed, references, registry)


def display_path(path: Path, root: Path | None) -> str:
    """The path as a contributor would write it: relative to the project when it is inside it."""
    path = Path(path)
    root = Path(root) if root else Path.cwd()
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
