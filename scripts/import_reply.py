#!/usr/bin/env python3
"""Import a reply exported from a word processor into the site's canonical Markdown.

    scripts/import_reply.py RAW.txt [-o OUT.md] [--bib OUT.bib] [--force]

Without -o the Markdown goes to stdout. BibTeX stubs for the links go to --bib, or
next to OUT.md as <stem>.bib; an existing bibliography is never replaced without
--force. A review report of every decision goes to stderr: which rule made each paragraph a
quotation or a reply (indentation, or quotation marks when the export lost it), the questions
and what stands under them, and whose comment is quoted; a line marked !! needs a person's
decision. Problems are printed as FILE:LINE:COLUMN: message, and the exit status is then 1
with no file written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reply_site.atomic_write import write_file_atomically
from reply_site.errors import Problem, SourceError
from reply_site.importer import import_reply
from reply_site.source.text_file import read_text


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", metavar="RAW.txt", help="the reply as exported from the word processor")
    parser.add_argument("-o", "--output", metavar="OUT.md", type=Path, help="write the Markdown here (default: stdout)")
    parser.add_argument("--bib", metavar="OUT.bib", type=Path,
                        help="write BibTeX stubs here (default: <stem>.bib next to OUT.md)")
    parser.add_argument("--force", action="store_true", help="replace an existing bibliography file")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # the report and the text are not ASCII
            stream.reconfigure(encoding="utf-8")
    args = parse_arguments(argv)
    bib = args.bib or (args.output.with_suffix(".bib") if args.output else None)
    try:
        result = import_reply(read_text(args.raw, args.raw), args.raw)
        check_destinations(args, bib, bool(result.bibtex))
    except SourceError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    print(result.report, file=sys.stderr)
    try:
        if args.output:
            write_file_atomically(args.output, result.markdown)
            print(f"Wrote {args.output}.", file=sys.stderr)
        else:
            sys.stdout.write(result.markdown)
        if result.bibtex and bib:
            write_file_atomically(bib, result.bibtex)
            print(f"Wrote {bib}: {len(result.keys)} BibTeX stub(s) to complete.", file=sys.stderr)
    except OSError as error:
        print(Problem(str(error.filename or args.output), 1, f"cannot write: {error.strerror}"), file=sys.stderr)
        return 1
    if result.bibtex and not bib:
        print(f"{len(result.keys)} BibTeX stub(s) not written (give --bib FILE or -o OUT.md):", file=sys.stderr)
        print(result.bibtex, file=sys.stderr)
    elif not result.bibtex:
        print("No links in the replies: no bibliography written.", file=sys.stderr)
    return 0


def check_destinations(args, bib: Path | None, has_bibtex: bool) -> None:
    """Refuse, before anything is written, to overwrite the input or a bibliography."""
    problems = []
    raw = Path(args.raw).resolve()
    for target in (args.output, bib):
        if target and target.resolve() == raw:
            problems.append(Problem(str(target), 1, "is the input file; refusing to overwrite it"))
    if has_bibtex and bib and bib.exists() and not args.force:
        problems.append(Problem(str(bib), 1, "bibliography exists already; not overwriting it",
                                hint="pass --force to replace it, or --bib to choose another file"))
    if problems:
        raise SourceError(problems)


if __name__ == "__main__":
    sys.exit(main())
