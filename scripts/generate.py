#!/usr/bin/env python3
"""Write the complete docs folder an engine builds the site from: the pages, share pages, cards,
changelog, data files and the hand-written pages, with the engine's mkdocs.yml beside it.

    scripts/generate.py [--config mkdocs.yml] [--out build/generated]

DIR/docs is replaced only when the whole source is sound; problems print as FILE:LINE:COLUMN.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from reply_site.engines import engine_config
from reply_site.errors import SourceError
from reply_site.settings import Settings, load_config
from reply_site.site_build import SiteBuild


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the project's mkdocs.yml")
    parser.add_argument("--out", type=Path, default=Path("build/generated"), help="folder to write into")
    args = parser.parse_args(argv)
    try:
        settings = Settings.load(args.config)
        build = SiteBuild(settings)
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); {args.out} left unchanged", file=sys.stderr)
        return 1
    docs = args.out / "docs"
    build.write_docs(docs)
    config = engine_config(load_config(args.config), settings, "docs", "site", build.navigation())
    (args.out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                         encoding="utf-8")
    count = sum(1 for path in docs.rglob("*") if path.is_file())
    print(f"wrote {count} files to {docs} and the engine's configuration to {args.out / 'mkdocs.yml'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
