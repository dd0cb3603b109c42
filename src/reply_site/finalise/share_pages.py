"""The share pages, made from what the engine built once: the theme's page around them comes from
one pattern page (PATTERN, built like a share page but with placeholders), each rebuttal from its
question page. The engine renders a rebuttal once instead of on every page that shows it, and the
theme's page once for all the share pages (they are not in the navigation, so their page around the
rebuttal is the same but for the title, description and addresses). The pattern is finalised once,
too (`SharePattern`), and each share page made of its pieces: the finalise step reads and rewrites a
share page's own head tags and rebuttal, not the theme's page around them.

The share pages' Markdown stays in the docs folder, kept from the engine's build (`exclude_docs`):
links to them resolve, and an engine that builds them makes the same pages (tests/test_made_pages.py).
"""

from __future__ import annotations

import html
import posixpath
import re

from ..addresses import relative
from .styles.names import kinds, part_structure, walk

PATTERN = "r/_pattern.md"  # ids are lowercase letters, digits and hyphens: no share page is called so
TITLE, DESCRIPTION = "ZzPatternTitleZz", "ZzPatternDescriptionZz"
HEADING, BODY = "ZzPatternHeadingZz", "ZzPatternBodyZz"
PATTERN_ID = "zz-pattern"
PATTERN_MARKDOWN = (f'---\ntitle: "{TITLE}"\ndescription: "{DESCRIPTION}"\nsearch:\n  exclude: true\n---\n\n'
                    f"# {HEADING} {{ #{PATTERN_ID} .rebuttal-heading }}\n\n{BODY}\n")
# The pattern's rebuttal: its heading, and the paragraph that stands for everything below it.
PATTERN_CONTENT = re.compile(f'<h1 class="rebuttal-heading" id="{PATTERN_ID}">.*?<p>{BODY}</p>', re.S)
DIV = re.compile(r"<(/?)div\b")
# Relative URLs (no scheme) and fragments, and ids, as the Markdown renderer writes attributes: each
# after one space (a pattern that starts with a literal character is searched for ten times faster).
URL = re.compile(r' (href|src)="([^"#:]*)(#[^"]*)?"')
ID = re.compile(r' id="([^"]+)"')
ACTIONS = re.compile(r'<p class="rebuttal-actions">.*?</p>', re.S)


def rebuttal_section(page: str, rebuttal_id: str) -> str:
    """The rebuttal as its question page shows it: its heading, and the `div.rebuttal` after it."""
    start = page.find(f' id="{rebuttal_id}"')
    if start < 0:
        raise ValueError(f"the rebuttal {rebuttal_id!r} is not on its question page")
    start = page.rfind("<h", 0, start)
    depth, position = 0, page.index('<div class="rebuttal">', start)
    for match in DIV.finditer(page, position):
        depth += -1 if match[1] else 1
        if depth == 0:
            return page[start:page.index(">", match.end()) + 1]
    raise ValueError(f"the rebuttal {rebuttal_id!r} has no end on its question page")


def rebased(fragment: str, from_page: str, to_page: str) -> str:
    """`fragment` of the page at `from_page` ('question-7/'), its relative links made to work from
    `to_page` ('r/<id>/'): links within the fragment stay as they are."""
    ids = set(ID.findall(fragment))

    def rebase(match: re.Match) -> str:
        attribute, path, anchor = match[1], match[2], match[3] or ""
        if not path and anchor[1:] in ids:
            return match.group()
        if path.startswith("/"):
            return match.group()
        path = path or "./"
        target = posixpath.normpath(posixpath.join(from_page, path))
        target = "" if target == "." else target + ("/" if path.endswith("/") else "")
        return f' {attribute}="{relative(to_page, target)}{anchor}"'

    return URL.sub(rebase, fragment)


def share_content(section: str, actions: str, after: str) -> str:
    """A share page's rebuttal: `section` (rebased already) with its heading made the page's `<h1>`,
    `actions` for its links, `after` below it."""
    level = section[2]
    heading_end = section.index(f"</h{level}>")
    section = "<h1" + section[3:heading_end] + "</h1>" + section[heading_end + 5:]
    return ACTIONS.sub(lambda _: actions, section, count=1) + "\n" + after.strip("\n")


# Where a share page's own head tags and rebuttal go in the pattern (characters no page holds).
HEAD, CONTENT = "\0head\0", "\0content\0"


class SharePattern:
    """The engine's pattern page as the finalise step leaves it, cut where the share pages differ:
    the end of its head (each page's own tags go there), its rebuttal, and what names the page. A share
    page is its pieces joined, and what the pattern's part of it offers the styles' selectors is
    worked out once for all of them."""

    def __init__(self, finalised: str, pattern_url: str, edit_link: str | None):
        """`finalised`: the pattern page as finalise_page left it, `pattern_url` its address ('r/_pattern/'),
        `edit_link` where its edit link leads (None: it has none)."""
        content, head_end = PATTERN_CONTENT.search(finalised), finalised.find("</head>")
        if not content or not 0 <= head_end < content.start():
            raise ValueError(f"the engine's {PATTERN} has no placeholder rebuttal to replace")
        before_head, before_content, after_content = \
            finalised[:head_end], finalised[head_end:content.start()], finalised[content.end():]
        marked = "".join([before_head, HEAD, before_content, CONTENT, after_content])
        self.pattern_url, self.edit_link = pattern_url, f'href="{edit_link}"' if edit_link else None
        names = [TITLE, DESCRIPTION, pattern_url, f"#{PATTERN_ID}", HEAD, CONTENT, *filter(None, [self.edit_link])]
        self.pieces = re.split("(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + ")", marked)
        # The pattern's own structure, and the elements open where a page's head tags and its rebuttal go.
        owns, pairs, stack, self.within = set(), set(), [], {}
        for part, place in ((before_head, HEAD), (before_content, CONTENT)):
            walk(part, stack, owns, pairs)
            self.within[place] = tuple(stack)
        walk(after_content, stack, owns, pairs)
        self.structure = kinds(owns, pairs)

    def page(self, head: str, content: str, *, title: str, description: str, share_url: str, rebuttal_id: str,
             edit_link: str | None) -> tuple[str, set[str] | None]:
        """A share page: its HTML, and what it offers the styles' selectors (None when its head tags or
        its rebuttal do not close what they open: the whole page must then be read)."""
        values = {TITLE: html.escape(title, quote=False), DESCRIPTION: html.escape(description),
                  self.pattern_url: share_url, f"#{PATTERN_ID}": f"#{rebuttal_id}", HEAD: head, CONTENT: content}
        if self.edit_link:
            values[self.edit_link] = f'href="{edit_link}"'
        page = "".join(values[piece] if index % 2 else piece for index, piece in enumerate(self.pieces))
        parts = [part_structure(head, self.within[HEAD]), part_structure(content, self.within[CONTENT])]
        return page, None if None in parts else self.structure.union(*parts)
