"""The site's own scripts as one minified file, so that a page makes one request for them.

The sources stay readable, one job each, in the theme's overrides (assets/javascripts/): moving
anchors and landing deep links, sharing a rebuttal, mending the theme's widgets. Each is a
self-contained function, so their order does not matter.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

SITE_SCRIPT = "assets/javascripts/site.min.js"
SOURCES = ("deep-links.js", "share-links.js", "theme-fixes.js")


def site_script(folder: Path) -> str:
    """The sources in `folder`, minified and joined."""
    return "\n".join(rjsmin.jsmin((folder / name).read_text(encoding="utf-8")) for name in SOURCES) + "\n"
