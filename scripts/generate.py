#!/usr/bin/env python3
"""Write the complete docs folder an engine builds the site from: the pages, share pages, cards,
changelog, data files and the hand-written pages, with the engine's mkdocs.yml beside it.

    scripts/generate.py [--config mkdocs.yml] [--out build/generated] [--engine mkdocs|properdocs|zensical]
                        [--written-out]

The site's build leaves some pages to its finalise step (the share pages, the one-page view's
rebuttals); with --written-out every page is written out for the engine to build, so that the
engine alone makes the whole site from the folder (the bench's comparison with stock Material).

DIR/docs is replaced only when the whole source is sound; problems print as FILE:LINE:COLUMN.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from reply_site.engines import ENGINES, engine_config
from reply_site.errors import SetupError, SourceError, failure_report
from reply_site.settings import Settings, load_config
from reply_site.site_build import SiteBuild


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the project's mkdocs.yml")
    parser.add_argument("--out", type=Path, default=Path("build/generated"), help="folder to write into")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="mkdocs", help="the engine it is for")
    parser.add_argument("--written-out", action="store_true",
                        help="every page for the engine to build, none left to the finalise step")
    args = parser.parse_args(argv)
    docs = args.out / "docs"
    try:
        settings = Settings.load(args.config)
        build = SiteBuild(settings)
        build.write_docs(docs, args.written_out)
    except (SourceError, SetupError) as error:
        print(failure_report(error, str(args.out)), file=sys.stderr)
        return 1
    config = engine_config(load_config(args.config), settings, build, "docs", "site", args.engine, args.written_out)
    (args.out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                         encoding="utf-8")
    for note in build.notes:
        print(note, file=sys.stderr)
    count = sum(1 for path in docs.rglob("*") if path.is_file())
    print(f"wrote {count} files to {docs} and the engine's configuration to {args.out / 'mkdocs.yml'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
