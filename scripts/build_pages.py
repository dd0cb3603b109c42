#!/usr/bin/env python3
"""Build the site's Markdown pages from the canonical source.

    scripts/build_pages.py [SOURCE] [--bib BIB] --out DIR

SOURCE defaults to docs/reply.md and BIB to references.bib beside it. DIR is
replaced only when the whole build succeeds; problems print as FILE:LINE:COLUMN.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

try:
    import reply_site  # noqa: F401  (installed with `pip install -e .`)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from reply_site.errors import SourceError
from reply_site.output import replace_folder
from reply_site.pipeline import DEFAULT_SITE_URL, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=Path("docs/reply.md"))
    parser.add_argument("--bib", type=Path, help="BibTeX file (default: references.bib beside SOURCE)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the pages into")
    parser.add_argument("--anchors", type=Path, help="registry of published addresses to check (anchors.yml)")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", DEFAULT_SITE_URL),
                        help="address the site is published at, for citations (default: $SITE_URL or %(default)s)")
    args = parser.parse_args(argv)
    try:
        result = build(args.source, args.bib or args.source.with_name("references.bib"), site_url=args.site_url,
                       anchors=args.anchors)
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); {args.out} left unchanged", file=sys.stderr)
        return 1
    replace_folder(args.out, result.pages)
    print(f"wrote {len(result.pages)} pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
