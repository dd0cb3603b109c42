"""Spelling in the author's replies, checked with codespell: warnings only, never fixed.

The author's words are the author's: a warning invites a contributor to ask the author,
it never blocks a build. Words the project accepts are listed in `project-words.txt`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..errors import Problem
from ..model import Reply

CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fix>.+)$")


def spelling_warnings(reply: Reply, source: Path, words: Path | None) -> list[Problem]:
    reply_lines = {p.line + offset for r in reply.rebuttals for p in r.reply
                   for offset in range(p.text.count("\n") + 1)}
    command = [sys.executable, "-m", "codespell_lib", str(source)]
    if words is not None and words.exists():
        command += ["--ignore-words", str(words)]
    try:
        output = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return [Problem(reply.path, 1, "codespell could not run: spelling not checked", level="warning")]
    lines = source.read_text(encoding="utf-8").splitlines()
    problems = []
    for match in map(CODESPELL_LINE.match, output.splitlines()):
        if not match or int(match["line"]) not in reply_lines:
            continue  # quotes are Stability AI's words, and front matter is not prose
        number = int(match["line"])
        found = re.search(rf"\b{re.escape(match['word'])}\b", lines[number - 1])
        problems.append(Problem(reply.path, number, f"possible misspelling '{match['word']}' (codespell suggests "
                                f"{match['fix']})", found.start() + 1 if found else 1,
                                "the reply's words are the author's: ask the author before changing them; "
                                "add accepted words to project-words.txt", level="warning"))
    return problems
