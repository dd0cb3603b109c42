"""What the Markdown of the source may contain, as written: plain text, links and emphasis.

Policy: raw HTML, attribute lists, links to anything but http(s), images from other hosts and
footnotes are rejected (not escaped), so that no markup from a pull request can add scripts,
event handlers, styles or requests to other hosts to a page. The one HTML comment allowed is
the rebuttal marker, on a line of its own. These are regular expressions over each block of
the source; `rendered_html` checks what the blocks render to as well, for what they miss.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..errors import Problem

MARKER = re.compile(r"^<!--\s*rebuttal:[^<>]*-->$")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
HTML = re.compile(r"<\s*[A-Za-z!/?]")
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^\s>)]*)")
LINK_TARGET = re.compile(r"\]\(\s*<?([^\s>)]*)|^[\s>]*\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
FOOTNOTE = re.compile(r"\[\^[^\]]*\]")
SAFE_URL = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
LINK_HINT = "links must be http(s) URLs; cite references with [@key]"
IMAGE_HINT = "an image must be a file of the site, written as a relative path"
RULES = [
    (re.compile(r"^(?: {4,}|\t)"), "indented text would be shown as code", "remove the indentation"),
    (re.compile(r"^>\s*>"), "nested quotes are not supported", "a quote is one level of '>'"),
    (re.compile(r"^(?:> ?)? {0,3}(?:```|~~~)"), "code fences are not part of the reply's format",
     "write plain paragraphs"),
]


def link_problem(url: str) -> str | None:
    """Why a link to `url` is not allowed, or None when it is."""
    if SAFE_URL.match(url):
        return None
    return f"link to '{url.split(':', 1)[0] + ':' if ':' in url else url}' is not allowed"


def as_browsers_read(url: str) -> str:
    """The address as a browser reads it on an http(s) page: spaces and controls around it, tabs and
    line breaks in it dropped, '\\' as '/', and two or more slashes at its start as two: so that
    '/\\host/x', '\\\\host/x' and '////host/x' are all '//host/x', an address on another host."""
    url = re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$|[\t\n\r]", "", url).replace("\\", "/")
    return re.sub(r"^/{2,}", "//", url)


def image_problem(url: str) -> str | None:
    """Why an image from `url` is not allowed, or None when it is the site's own (a relative path)."""
    try:
        parts = urlsplit(as_browsers_read(url))
    except ValueError:
        return f"image from '{url}' is not allowed"
    if parts.netloc:
        return f"image from another host '{parts.netloc}' is not allowed"
    return f"image from '{parts.scheme}:' is not allowed" if parts.scheme else None


def check_block(lines: list[str], first_line: int, path: str) -> list[Problem]:
    """Problems of policy in one block of the source, each at its line and column."""
    problems = []
    for number, line in enumerate(lines, start=first_line):
        def add(column: int, message: str, hint: str, number: int = number) -> None:
            problems.append(Problem(path, number, message, column, hint))

        if MARKER.match(line.strip()):
            if len(lines) > 1:
                add(1, "a rebuttal marker must be a block of its own, with blank lines around it",
                    "put a blank line before and after '<!-- rebuttal: ... -->'")
            continue
        for pattern, message, hint in RULES:
            if pattern.search(line):
                add(1, message, hint)
        for match in AUTOLINK.finditer(line):
            if message := link_problem(match.group(1)):
                add(match.start() + 1, message, LINK_HINT)
        text = AUTOLINK.sub(lambda m: " " * len(m.group()), line)
        for match in HTML.finditer(text):
            add(match.start() + 1, "raw HTML is not allowed in the source",
                "write plain Markdown; to show a '<' character write '&lt;'")
        for match in ATTRIBUTE_LIST.finditer(line):
            add(match.start() + 1, "attribute lists ('{: ...}') are not allowed in the source",
                "remove the braces; styling comes from the site's theme")
        for match in FOOTNOTE.finditer(line):
            add(match.start() + 1, f"footnotes ('{match.group()}') are not part of the source format",
                "cite with [@key] and an entry of the bibliography, or write the note into the text")
        for match in IMAGE.finditer(line):
            if message := image_problem(match.group(1)):
                add(match.start() + 1, message, IMAGE_HINT)
        text = IMAGE.sub(lambda m: " " * len(m.group()), line)  # an image's address is checked as an image
        for match in LINK_TARGET.finditer(text):
            url = match.group(1) if match.group(1) is not None else match.group(2)
            if url and (message := link_problem(url)):
                add(match.start() + 1, message, LINK_HINT)
    return problems
