#!/usr/bin/env python3
"""Check the source and bibliography without building the site, reporting every problem.

    scripts/check_source.py [SOURCE] [--bib BIB] [--anchors ANCHORS] [--record RECORD]

Problems print as FILE:LINE:COLUMN: message (hint: ...). Under GitHub Actions they are
also printed as workflow annotations, so they show on the pull request's changed lines.
Spelling in the author's replies is reported as warnings; warnings never fail the check.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reply_site.errors import SourceError
from reply_site.source import read_source
from reply_site.source.spelling import spelling_warnings

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "record" / "reply-as-received.txt"  # the reply as received


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT / "docs" / "reply.md")
    parser.add_argument("--bib", type=Path, help="BibTeX file (default: references.bib beside SOURCE)")
    parser.add_argument("--anchors", type=Path,
                        help="registry of published addresses (default: anchors.yml when SOURCE is docs/reply.md)")
    parser.add_argument("--record", type=Path,
                        help="the reply as received, whose invisible characters the source may keep at the same place "
                        "(default: record/reply-as-received.txt when SOURCE is docs/reply.md and it exists)")
    parser.add_argument("--words", type=Path, default=ROOT / "project-words.txt",
                        help="words codespell should accept (default: project-words.txt)")
    args = parser.parse_args(argv)
    project_source = args.source.resolve() == (ROOT / "docs" / "reply.md").resolve()
    anchors = args.anchors or (ROOT / "anchors.yml" if project_source else None)
    record = args.record or (RECORD if project_source and RECORD.exists() else None)
    problems, warnings = [], []
    try:
        result = read_source(args.source, args.bib or args.source.with_name("references.bib"), anchors=anchors,
                             record=record)
        warnings = spelling_warnings(result.reply, args.source, args.words)
    except SourceError as error:
        problems = error.problems
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems + warnings:
        print(problem.annotation() if annotate else problem, file=sys.stdout if annotate else sys.stderr)
    print(f"{len(problems)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
