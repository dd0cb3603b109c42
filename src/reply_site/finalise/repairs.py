"""Small repairs that make the theme's HTML valid for the W3C checker.

The theme marks its hidden checkbox toggles `autocomplete="off"`, which HTML allows
only on text-like inputs; browsers do not keep checkbox state across page loads of
this site anyway (each page is a fresh document).
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def repaired(html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
