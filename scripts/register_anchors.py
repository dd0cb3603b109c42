#!/usr/bin/env python3
"""Add every current page and rebuttal anchor to the registry of published addresses.

    scripts/register_anchors.py [--check]

Entries are only ever added, never removed. With --check, nothing is written and the
exit status is 1 when an address of the reply is not registered yet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reply_site.atomic_write import write_file_atomically
from reply_site.errors import SourceError
from reply_site.source.anchors import load_registry, registry_text
from reply_site.source.reply import load_reply

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that every address is registered")
    args = parser.parse_args(argv)
    path = ROOT / "anchors.yml"
    try:
        reply = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")
        registry = load_registry(path, "anchors.yml") if path.exists() else None
    except SourceError as error:
        print("\n".join(map(str, error.problems)), file=sys.stderr)
        return 1
    text = registry_text(reply, registry)
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print("anchors.yml:1:1: some published addresses are not registered (hint: run `make anchors` "
                  "and commit anchors.yml)", file=sys.stderr)
            return 1
        return 0
    write_file_atomically(path, text)
    print("anchors.yml is up to date", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
