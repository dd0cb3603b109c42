"""The engine's sitemap, less the pages that ask not to be indexed (share pages, the one-page view:
copies of the question pages). A sitemap lists what search engines should index; listing a page
marked noindex would send them two contradicting signals. (The engines leave these pages out of
their search index themselves: their front matter says `search: exclude`.)"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

SITEMAP_ENTRY = re.compile(r"\s*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>", re.S)


def unlisted(site: Path, addresses: set[str]) -> None:
    """Take the pages at `addresses` (absolute URLs) out of the sitemap of `site`."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = SITEMAP_ENTRY.sub(lambda m: "" if m["loc"] in addresses else m.group(), sitemap.read_text(encoding="utf-8"))
    sitemap.write_text(text, encoding="utf-8")
    compressed = site / "sitemap.xml.gz"
    if compressed.is_file():
        compressed.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
