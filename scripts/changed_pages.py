#!/usr/bin/env python3
"""List the pages and rebuttals a change alters, comparing generated pages with a git revision.

    scripts/changed_pages.py BASE [--markdown]

BASE is a git revision (e.g. origin/main). The source and bibliography of BASE are read
with `git show`; pages that differ, appear or disappear are listed, with the rebuttals
whose quote or reply changed. With --markdown the list is written for a job summary.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from reply_site.errors import SourceError
from reply_site.render.citations import Citer
from reply_site.render.pages import render_pages
from reply_site.source import read_source
from reply_site.source.history import file_at

ROOT = Path(__file__).resolve().parents[1]
FILES = ("docs/reply.md", "docs/references.bib")


def pages_of(source) -> dict[str, str]:
    return {name: page.markdown for name, page in render_pages(Citer(source.reply, source.references), "/").items()}


def read_at(revision: str | None):
    """The source of the working tree (revision None) or of a git revision."""
    if revision is None:
        return read_source(ROOT / FILES[0], ROOT / FILES[1], root=ROOT)
    with tempfile.TemporaryDirectory() as folder:
        for name in FILES:
            shown = file_at(ROOT, revision, name)
            if shown is None:
                raise SystemExit(f"{name}: not found at {revision}")
            (Path(folder) / Path(name).name).write_bytes(shown)
        return read_source(Path(folder) / "reply.md", Path(folder) / "references.bib", root=Path(folder))


def rebuttal_texts(result) -> dict[str, str]:
    return {r.id: "\n".join(p.text for p in r.quote + r.reply) for r in result.reply.rebuttals}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git revision to compare with")
    parser.add_argument("--markdown", action="store_true", help="write a Markdown list for a job summary")
    args = parser.parse_args(argv)
    try:
        before, after = read_at(args.base), read_at(None)
    except SourceError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        return 1
    old_pages, new_pages = pages_of(before), pages_of(after)
    pages = sorted(set(old_pages) | set(new_pages))
    changed = [p for p in pages if old_pages.get(p) != new_pages.get(p)]
    old, new = rebuttal_texts(before), rebuttal_texts(after)
    rebuttals = [i for i in sorted(set(old) | set(new)) if old.get(i) != new.get(i)]
    bullet = "- " if args.markdown else ""
    if args.markdown:
        print(f"### Pages changed by this pull request ({len(changed)})\n")
    for page in changed:
        state = "new" if page not in old_pages else "removed" if page not in new_pages else "changed"
        address = "/" if page == "index.md" else f"/{page.removesuffix('.md')}/"
        print(f"{bullet}{address} ({state})")
    if args.markdown:
        print(f"\n### Rebuttals whose words changed ({len(rebuttals)})\n")
        print("\n".join(f"- `{i}`" for i in rebuttals) or "None: no quote or reply was changed.")
    else:
        print("\n".join(f"rebuttal {i}" for i in rebuttals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
