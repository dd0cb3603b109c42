"""The last step, on the HTML an engine built: whatever the engine, each page gets the same head
(previews, citation, JSON-LD: publish/head.py), the repairs, edit links that point at the real
source file, and last of all its Content-Security-Policy, which allows exactly what it then holds."""

from __future__ import annotations

from pathlib import Path

from .csp import with_content_security_policy
from .repairs import repaired


def finalised(html: str, head: str = "", edit_links: dict[str, str] | None = None) -> str:
    """One built page: `head` goes before </head>; each edit link in `edit_links` is replaced."""
    if head:
        html = html.replace("</head>", head + "</head>", 1)
    for engine_link, real_link in (edit_links or {}).items():
        html = html.replace(f'href="{engine_link}"', f'href="{real_link}"')
    return with_content_security_policy(repaired(html))


def page_url(path: Path, site: Path) -> str:
    """The address below the site root of a built file: 'question-7/index.html' -> 'question-7/'."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("/index.html") or relative == "index.html" \
        else relative
