"""Published addresses are a contract: the registry of every page and rebuttal anchor
that has been public, checked against the reply, and the forwarding it implies.

A rebuttal may move to another question (its id stays) or be renamed (its marker then
says `<!-- rebuttal: new-id (was: old-id) -->`); a question page may be renumbered
(front matter `moved_pages: {old-page/: new-page/}`). Anything else that disappears
from the registry fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..addresses import page_path, relative
from ..errors import Problem, SourceError
from ..model import Reply
from .text_file import read_text

HEADER = """\
# Every page and rebuttal anchor ever published: links to them must keep working.
# Never remove an entry. `make anchors` adds new ones; to move or rename a rebuttal,
# see CONTRIBUTING.md ("Moving a rebuttal without breaking its links").
"""


@dataclass
class Registry:
    path: str
    pages: dict[str, list[str]]
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (page, id or "") -> line


def load_registry(path, display: str) -> Registry:
    text = read_text(path, display)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError([Problem(display, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]) from None
    registry = Registry(display, {})
    for key, value in (root.value if isinstance(root, yaml.MappingNode) else []):
        items = value.value if isinstance(value, yaml.SequenceNode) else []
        registry.pages[key.value] = [item.value for item in items]
        registry.lines[(key.value, "")] = key.start_mark.line + 1
        registry.lines.update({(key.value, item.value): item.start_mark.line + 1 for item in items})
    return registry


def current_anchors(reply: Reply) -> dict[str, str]:
    """Rebuttal id -> the page it is on now."""
    return {r.id: page_path(q) for q in reply.questions for r in q.rebuttals}


def current_pages(reply: Reply) -> list[str]:
    return [""] + [page_path(q) for q in reply.questions] + ["references/"]


def resolver(reply: Reply):
    """A function telling where a published anchor is now, as a site path, or None if it is lost."""
    anchors, renamed = current_anchors(reply), reply.renamed

    def resolve(anchor: str) -> str | None:
        new_id = anchor if anchor in anchors else renamed.get(anchor)
        return f"{anchors[new_id]}#{new_id}" if new_id in anchors else None
    return resolve


def check_registry(reply: Reply, registry: Registry) -> list[Problem]:
    problems = []
    pages, resolve = current_pages(reply), resolver(reply)
    moved_pages = reply.meta.get("moved_pages") or {}
    for page, anchors in registry.pages.items():
        if page not in pages and moved_pages.get(page) not in pages:
            problems.append(Problem(registry.path, registry.lines[(page, "")],
                                    f"published page '{page}' no longer exists",
                                    hint=f"declare where it went in {reply.path}'s front matter: "
                                    f"moved_pages: {{{page}: new-page/}}"))
        for anchor in anchors:
            if resolve(anchor) is None:
                problems.append(Problem(registry.path, registry.lines[(page, anchor)],
                                        f"published rebuttal '{page}#{anchor}' has disappeared",
                                        hint=f"if it was renamed, write '<!-- rebuttal: new-id (was: {anchor}) -->' "
                                        f"in {reply.path}; published links must keep working"))
    return problems


def forwarding(reply: Reply, registry: Registry) -> dict[str, dict[str, str]]:
    """For each published page: old anchor -> site path where it is now, when it moved."""
    moves: dict[str, dict[str, str]] = {}
    resolve = resolver(reply)
    for page, anchors in registry.pages.items():
        for anchor in anchors:
            target = resolve(anchor)
            if target and target != f"{page}#{anchor}":
                moves.setdefault(page, {})[anchor] = target
    return moves


def moved_here(moves: dict[str, dict[str, str]], page: str) -> dict[str, str]:
    """On the current page at `page`: anchors once published here -> relative URL of where they are now.

    `moves` is forwarding(reply, registry), worked out once per build.
    """
    return {anchor: relative(page, target) for anchor, target in moves.get(page, {}).items()}


def registry_text(reply: Reply, registry: Registry | None) -> str:
    """The registry with every current page and anchor added; nothing is ever removed."""
    pages = {page: list(anchors) for page, anchors in (registry.pages if registry else {}).items()}
    for page in current_pages(reply):
        pages.setdefault(page, [])
    for anchor, page in current_anchors(reply).items():
        if anchor not in pages[page]:
            pages[page].append(anchor)
    body = "".join(f'"{page}":' + ("".join(f"\n  - {a}" for a in anchors) if anchors else " []") + "\n"
                   for page, anchors in pages.items())
    return HEADER + body
