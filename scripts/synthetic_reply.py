#!/usr/bin/env python3
"""Write a synthetic reply N times the size of the real one, for benchmarks and limit tests.

    scripts/synthetic_reply.py FACTOR OUT_DIR [--megabytes MB]

The real questions and rebuttals are repeated FACTOR times (ids and question numbers made
unique, citations kept), or, with --megabytes, until the source reaches that size.
OUT_DIR receives reply.md and references.bib.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def renumbered(question: str, copy: int) -> str:
    """Copy `copy` of a question block: question 7.1 becomes 107.1 in copy 1, ids get a suffix."""
    if copy == 0:
        return question
    question = re.sub(r"^## (\d+)", lambda m: f"## {int(m[1]) + 100 * copy}", question)
    return re.sub(r"<!-- rebuttal: ([a-z0-9-]+) -->", lambda m: f"<!-- rebuttal: {m[1]}-{copy} -->", question)


def synthetic_reply(factor: int, megabytes: float | None = None) -> str:
    text = (ROOT / "docs" / "reply.md").read_text(encoding="utf-8")
    start = text.index("\n## ") + 1
    questions = [q.rstrip("\n") + "\n\n" for q in re.split(r"(?m)^(?=## )", text[start:]) if q.strip()]
    parts, size, copy = [text[:start]], start, 0
    while copy < factor if megabytes is None else size < megabytes * 1_000_000:
        for question in questions:
            parts.append(renumbered(question, copy))
            size += len(parts[-1])
        copy += 1
    return "".join(parts).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=float, help="grow until the source has this size instead")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reply.md").write_text(synthetic_reply(args.factor, args.megabytes), encoding="utf-8")
    (args.out / "references.bib").write_text((ROOT / "docs" / "references.bib").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
