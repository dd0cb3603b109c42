"""A strict Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no headers).

Scripts may only come from the site itself, plus the theme's few inline scripts, each
allowed by the SHA-256 hash of its exact text, computed from the page being written.
The same policy can be sent as an HTTP header by hosts that allow it (see README).
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never executed
DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "style-src 'self'", "font-src 'self'",
              "object-src 'none'", "base-uri 'self'", "form-action 'none'"]


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if any(kind in match["attributes"] for kind in DATA_TYPES):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def content_security_policy(html: str) -> str:
    """The policy that allows exactly this page's scripts."""
    return "; ".join(DIRECTIVES[:1] + [" ".join(["script-src 'self'", *script_hashes(html)])] + DIRECTIVES[1:])


def with_content_security_policy(html: str) -> str:
    """The page with its policy as the first element of <head>."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return re.sub(r"<head>", lambda m: m.group() + "\n    " + tag, html, count=1)
