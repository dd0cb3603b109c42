"""A strict Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no headers).

Scripts and styles may only come from the site itself, plus the inline scripts and <style>
elements of the page, each allowed by the SHA-256 hash of its exact text, computed from the
page being written. The same policy can be sent as an HTTP header by hosts that allow it (see README).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

SOURCE = re.compile(r"\bsrc=")
GENERATOR = re.compile(r'<meta name="generator" content="(?P<name>[^"]*)"')
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never executed
# Styles a theme's script puts in the page at run time, by the generator that built it. Zensical's
# search dialog renders into a shadow root with a <style> element of its own (the same text in
# every page of a version): a new version that changes it shows as a CSP error in the browser tests.
INJECTED_STYLES = {"zensical-0.0.73": ["'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='"]}
OTHER_DIRECTIVES = ["img-src 'self' data:", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "form-action 'none'"]


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"


def elements(html: str, tag: str) -> Iterator[tuple[str, str]]:
    """The attributes and the text of each `tag` element of the page, in order. (Found as strings:
    a pattern's lazy `.*?` steps through every character of the inlined styles, on every page.)"""
    opening, closing, start = f"<{tag}", f"</{tag}>", 0
    while (start := html.find(opening, start)) >= 0:
        after = start + len(opening)
        if html[after:after + 1] not in (">", " ", "\n", "\t"):  # <scripts>, <style-like> are others
            start = after
            continue
        body = html.find(">", after) + 1
        end = html.find(closing, body)
        if body == 0 or end < 0:
            return
        yield html[after:body - 1], html[body:end]
        start = end + len(closing)


def script_hashes(html: str) -> list[str]:
    return sorted({sha256(body) for attributes, body in elements(html, "script")
                   if not SOURCE.search(attributes) and not any(kind in attributes for kind in DATA_TYPES)})


def style_hashes(html: str) -> list[str]:
    generator = GENERATOR.search(html)
    injected = INJECTED_STYLES.get(generator["name"], []) if generator else []
    return sorted({sha256(body) for _, body in elements(html, "style")} | set(injected))


def content_security_policy(html: str) -> str:
    """The policy that allows exactly this page's scripts and styles."""
    return "; ".join(["default-src 'self'", " ".join(["script-src 'self'", *script_hashes(html)]),
                      " ".join(["style-src 'self'", *style_hashes(html)]), *OTHER_DIRECTIVES])


POLICY = '<meta http-equiv="Content-Security-Policy"'


def without_policy(html: str) -> str:
    """The page without the policy it was given before, and the white space before that tag.
    (Found as a string: a pattern starting with white space is slow on the long indents of a big page.)"""
    start = html.find(POLICY, 0, max(html.find("</head>"), 0))
    if start < 0:
        return html
    begin = start
    while begin and html[begin - 1] in " \t\n":
        begin -= 1
    return html[:begin] + html[html.index(">", start) + 1:]


def with_content_security_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (in place of any it had)."""
    html = without_policy(html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    head = html.find("<head>") + len("<head>")
    return html[:head] + "\n    " + tag + html[head:] if head >= len("<head>") else html
