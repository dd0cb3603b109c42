#!/usr/bin/env python3
"""Build the site with one engine: generate the docs folder, let the engine build it, finalise the HTML.

    scripts/build_site.py [--engine mkdocs|properdocs|zensical] [--config mkdocs.yml] [--site-dir site]

The site folder is replaced only when every step succeeded: a failed build leaves the last
good site as it was. Problems of the source print as FILE:LINE:COLUMN.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reply_site.engines import ENGINES, EngineError, build_site
from reply_site.errors import SetupError, SourceError, failure_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=sorted(ENGINES), default="mkdocs")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the project's mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    parser.add_argument("--work", type=Path, help="working folder (default: build/<engine>)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        build = build_site(args.engine, args.config, args.site_dir, args.work or Path("build") / args.engine)
    except (SourceError, SetupError) as error:
        print(failure_report(error, str(args.site_dir)), file=sys.stderr)
        return 1
    except EngineError as error:
        print(error.output.rstrip(), file=sys.stderr)
        print(f"{error.engine} failed; {args.site_dir} left unchanged", file=sys.stderr)
        return 1
    for note in build.notes:
        print(note, file=sys.stderr)
    print(f"built {args.site_dir} with {args.engine} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
