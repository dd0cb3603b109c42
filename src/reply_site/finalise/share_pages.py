"""The share pages, made from what the engine built once: the theme's page around them comes from
one pattern page (PATTERN, built like a share page but with placeholders), each rebuttal from its
question page. The engine renders a rebuttal once instead of on every page that shows it, and the
theme's page once for all the share pages (they are not in the navigation, so their page around the
rebuttal is the same but for the title, description and addresses).

The share pages' Markdown stays in the docs folder, kept from the engine's build (`exclude_docs`):
links to them resolve, and an engine that builds them makes the same pages (tests/test_made_pages.py).
"""

from __future__ import annotations

import html
import posixpath
import re

from ..addresses import relative

PATTERN = "r/_pattern.md"  # ids are lowercase letters, digits and hyphens: no share page is called so
TITLE, DESCRIPTION = "ZzPatternTitleZz", "ZzPatternDescriptionZz"
HEADING, BODY = "ZzPatternHeadingZz", "ZzPatternBodyZz"
PATTERN_ID = "zz-pattern"
PATTERN_MARKDOWN = (f'---\ntitle: "{TITLE}"\ndescription: "{DESCRIPTION}"\nsearch:\n  exclude: true\n---\n\n'
                    f"# {HEADING} {{ #{PATTERN_ID} .rebuttal-heading }}\n\n{BODY}\n")
# The pattern's rebuttal: its heading, and the paragraph that stands for everything below it.
PATTERN_CONTENT = re.compile(f'<h1 class="rebuttal-heading" id="{PATTERN_ID}">.*?<p>{BODY}</p>', re.S)
DIV = re.compile(r"<(/?)div\b")
URL = re.compile(r'\b(href|src)="([^"#:]*)(#[^"]*)?"')  # relative URLs (no scheme) and fragments
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
    ids = set(re.findall(r'\bid="([^"]+)"', fragment))

    def rebase(match: re.Match) -> str:
        attribute, path, anchor = match[1], match[2], match[3] or ""
        if not path and anchor[1:] in ids:
            return match.group()
        if path.startswith("/"):
            return match.group()
        path = path or "./"
        target = posixpath.normpath(posixpath.join(from_page, path))
        target = "" if target == "." else target + ("/" if path.endswith("/") else "")
        return f'{attribute}="{relative(to_page, target)}{anchor}"'

    return URL.sub(rebase, fragment)


def share_page(pattern: str, section: str, *, title: str, description: str, rebuttal_id: str, actions: str,
               after: str, pattern_url: str, share_url: str, pattern_edit: str | None, share_edit: str | None) -> str:
    """The engine's pattern page made the share page of one rebuttal: `section` (rebased already) as
    its rebuttal, its heading made the page's `<h1>`, `actions` for its links, `after` below it."""
    level = section[2]
    heading_end = section.index(f"</h{level}>")
    section = "<h1" + section[3:heading_end] + "</h1>" + section[heading_end + 5:]
    content = ACTIONS.sub(lambda _: actions, section, count=1) + "\n" + after.strip("\n")
    page, found = PATTERN_CONTENT.subn(lambda _: content, pattern, count=1)
    if not found:
        raise ValueError(f"the engine's {PATTERN} has no placeholder rebuttal to replace")
    if pattern_edit and share_edit:
        page = page.replace(f'href="{pattern_edit}"', f'href="{share_edit}"')
    page = page.replace(pattern_url, share_url).replace(f"#{PATTERN_ID}", f"#{rebuttal_id}")
    return page.replace(TITLE, html.escape(title, quote=False)).replace(DESCRIPTION, html.escape(description))
