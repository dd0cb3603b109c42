"""The page's scripts run after it is parsed (`defer`), so that none holds up its first paint.

The theme puts its scripts at the end of the body, where Chromium still counts a parser-blocking
script as blocking the first render. With `defer` they run in the same order, after parsing and
before DOMContentLoaded: the same moment for a script that stands last. A script is deferred only
when no inline script comes after it, which could rely on it having run.
"""

from __future__ import annotations

import re

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>")


def deferred(html: str) -> str:
    body = max(html.find("<body"), 0)
    tags = list(SCRIPT.finditer(html, body))
    last_inline = max((tag.start() for tag in tags if "src=" not in tag["attributes"]
                       and "application/" not in tag["attributes"]), default=-1)  # JSON is not run
    out, end = [], 0
    for tag in tags:
        attributes = tag["attributes"]
        if "src=" in attributes and tag.start() > last_inline and not re.search(r"\b(defer|async)\b|module",
                                                                                 attributes):
            out += [html[end:tag.start()], f"<script defer{attributes}>"]
            end = tag.end()
    return "".join(out) + html[end:]
