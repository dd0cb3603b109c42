#!/usr/bin/env python3
"""List the pages and rebuttals a change alters, comparing generated pages with a git revision.

    scripts/changed_pages.py BASE [--markdown]

BASE is a git revision (e.g. origin/main). The source and bibliography of BASE are read
with `git show`; pages that differ, appear or disappear are listed, with the rebuttals
whose quote or reply changed. With --markdown the list is written for a job summary.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import reply_site  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from reply_site.errors import SourceError
from reply_site.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
FILES = ("docs/reply.md", "docs/references.bib")


def build_at(revision: str | None):
    """The build of the working tree (revision None) or of a git revision."""
    if revision is None:
        return build(ROOT / FILES[0], ROOT / FILES[1], root=ROOT)
    with tempfile.TemporaryDirectory() as folder:
        for name in FILES:
            shown = subprocess.run(["git", "show", f"{revision}:{name}"], cwd=ROOT, capture_output=True)
            if shown.returncode != 0:
                raise SystemExit(f"{name}: not found at {revision}: {shown.stderr.decode().strip()}")
            (Path(folder) / Path(name).name).write_bytes(shown.stdout)
        return build(Path(folder) / "reply.md", Path(folder) / "references.bib", root=Path(folder))


def rebuttal_texts(result) -> dict[str, str]:
    return {r.id: "\n".join(p.text for p in r.quote + r.reply) for r in result.reply.rebuttals}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git revision to compare with")
    parser.add_argument("--markdown", action="store_true", help="write a Markdown list for a job summary")
    args = parser.parse_args(argv)
    try:
        before, after = build_at(args.base), build_at(None)
    except SourceError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        return 1
    pages = sorted(set(before.pages) | set(after.pages))
    changed = [p for p in pages if before.pages.get(p) != after.pages.get(p)]
    old, new = rebuttal_texts(before), rebuttal_texts(after)
    rebuttals = [i for i in sorted(set(old) | set(new)) if old.get(i) != new.get(i)]
    bullet = "- " if args.markdown else ""
    if args.markdown:
        print(f"### Pages changed by this pull request ({len(changed)})\n")
    for page in changed:
        state = "new" if page not in before.pages else "removed" if page not in after.pages else "changed"
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
