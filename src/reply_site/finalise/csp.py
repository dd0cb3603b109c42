"""A strict Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no headers).

Scripts and styles may only come from the site itself, plus the inline scripts and <style>
elements of the page, each allowed by the SHA-256 hash of its exact text, computed from the
page being written. The same policy can be sent as an HTTP header by hosts that allow it (see README).
"""

from __future__ import annotations

import base64
import functools
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


@functools.lru_cache(maxsize=64)  # the same inlined styles and scripts in every page
def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"


INLINE = re.compile(r"<(script|style)(?=[\s>])")


def inline_elements(html: str) -> Iterator[tuple[str, str, str]]:
    """The tag ('script' or 'style'), the attributes and the text of each such element of the page,
    in order, in one pass. (Each end found as a string: a pattern's lazy `.*?` steps through every
    character of the inlined styles, on every page.)"""
    position = 0
    while match := INLINE.search(html, position):
        tag = match[1]
        body = html.find(">", match.end()) + 1
        end = html.find(f"</{tag}>", body)
        if body == 0 or end < 0:
            return
        yield tag, html[match.end():body - 1], html[body:end]
        position = end + len(tag) + 3


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    """The hashes of the page's inline scripts (not its data blocks) and of its <style> elements."""
    scripts, styles = set(), set()
    for tag, attributes, body in inline_elements(html):
        if tag == "style":
            styles.add(sha256(body))
        elif not SOURCE.search(attributes) and not any(kind in attributes for kind in DATA_TYPES):
            scripts.add(sha256(body))
    generator = GENERATOR.search(html)
    styles.update(INJECTED_STYLES.get(generator["name"], []) if generator else [])
    return sorted(scripts), sorted(styles)


def content_security_policy(html: str) -> str:
    """The policy that allows exactly this page's scripts and styles."""
    scripts, styles = inline_hashes(html)
    return "; ".join(["default-src 'self'", " ".join(["script-src 'self'", *scripts]),
                      " ".join(["style-src 'self'", *styles]), *OTHER_DIRECTIVES])


POLICY = '<meta http-equiv="Content-Security-Policy"'
HEAD = "<head>"


def with_content_security_policy(html: str) -> str:
    """The page with its policy as the first element of <head> (in place of the one it had there)."""
    head = html.find(HEAD) + len(HEAD)
    if head < len(HEAD):
        return html
    after = html[head:head + 200]
    given = head + len(after) - len(after.lstrip(" \t\n"))  # where the policy given before would be
    if html.startswith(POLICY, given):  # taken out, with the white space before it
        html = html[:head] + html[html.index(">", given) + 1:]
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace(HEAD, HEAD + "\n    " + tag, 1)  # the first, at `head` (a copy of the page, not three)
