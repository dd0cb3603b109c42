"""What an engine lists of the site, less the pages that are not to be found by themselves.

Share pages repeat a rebuttal of a question page, to be linked to: search would show each
passage twice, and a sitemap would offer search engines a page they are asked not to index.
Each engine writes its own search index; the ones known here are listed by file.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

SEARCH_INDEXES = {"search/search_index.json": "docs",  # MkDocs' search plugin (Material)
                  "search.json": "items"}  # Zensical
SITEMAP_ENTRY = re.compile(r"\s*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>", re.S)


def unlisted(site: Path, site_url: str, prefix: str) -> None:
    """Take the pages below `prefix` ('r/') out of the search index and the sitemap of `site`."""
    for name, key in SEARCH_INDEXES.items():
        path = site / name
        if path.is_file():
            index = json.loads(path.read_text(encoding="utf-8"))
            index[key] = [entry for entry in index[key] if not entry["location"].startswith(prefix)]
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        unlisted_url = site_url + prefix
        text = SITEMAP_ENTRY.sub(lambda m: "" if m["loc"].startswith(unlisted_url) else m.group(),
                                 sitemap.read_text(encoding="utf-8"))
        sitemap.write_text(text, encoding="utf-8")
        compressed = site / "sitemap.xml.gz"
        if compressed.is_file():
            compressed.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
