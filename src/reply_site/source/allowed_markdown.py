"""What the source may contain: plain Markdown text only.

Policy: raw HTML, attribute lists and links to anything but http(s) are rejected
(not escaped), so that no markup from a pull request can add scripts, event
handlers or styles to a page. The one HTML comment allowed is the rebuttal marker.
"""

from __future__ import annotations

import re

from ..errors import Problem

MARKER = re.compile(r"^<!--\s*rebuttal:.*-->\s*$")
AUTOLINK = re.compile(r"<https?://[^\s<>]+>")
HTML = re.compile(r"<\s*[A-Za-z!/?]")
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
LINK_TARGET = re.compile(r"\]\(\s*<?([^\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
SAFE_URL = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
RULES = [
    (re.compile(r"^(?: {4,}|\t)"), "indented text would be shown as code", "remove the indentation"),
    (re.compile(r"^>\s*>"), "nested quotes are not supported", "a quote is one level of '>'"),
    (re.compile(r"^ {0,3}(?:```|~~~)"), "code fences are not part of the reply's format", "write plain paragraphs"),
]


def check_block(lines: list[str], first_line: int, path: str) -> list[Problem]:
    """Problems of policy in one block of the source, each at its line and column."""
    problems = []
    for number, line in enumerate(lines, start=first_line):
        def add(column: int, message: str, hint: str, number: int = number) -> None:
            problems.append(Problem(path, number, message, column, hint))

        if MARKER.match(line.strip()):
            continue
        for pattern, message, hint in RULES:
            if pattern.search(line):
                add(1, message, hint)
        text = AUTOLINK.sub(lambda m: " " * len(m.group()), line)
        for match in HTML.finditer(text):
            add(match.start() + 1, "raw HTML is not allowed in the source",
                "write plain Markdown; to show a '<' character write '&lt;'")
        for match in ATTRIBUTE_LIST.finditer(line):
            add(match.start() + 1, "attribute lists ('{: ...}') are not allowed in the source",
                "remove the braces; styling comes from the site's theme")
        for match in LINK_TARGET.finditer(line):
            url = match.group(1) if match.group(1) is not None else match.group(2)
            if url and not SAFE_URL.match(url):
                scheme = url.split(":", 1)[0] + ":" if ":" in url else url
                add(match.start() + 1, f"link to '{scheme}' is not allowed",
                    "links must be http(s) URLs; cite references with [@key]")
    return problems
