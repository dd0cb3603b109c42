"""What changed in the reply's text, commit by commit, read from the repository's history.

The one home of the project's git calls: the log of a file, and a file at a commit.

Each revision of docs/reply.md is parsed like the current one and compared rebuttal by
rebuttal, so that readers can see that nothing was silently edited.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError
from ..model import Reply
from ..text import one_line
from .reply import parse_reply

FIELD, RECORD = "\x1f", "\x1e"
LOG_FORMAT = "%H%x1f%cI%x1f%s%x1f%b%x1e"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # ISO 8601, as git gives it
    subject: str
    body: str


def parse_log(output: str) -> list[Commit]:
    """Commits from `git log --format=LOG_FORMAT` output, in the order git gave them."""
    commits = []
    for record in output.split(RECORD):
        fields = record.strip("\n").split(FIELD)
        if len(fields) == 4 and fields[0]:
            commits.append(Commit(fields[0], fields[1], fields[2].strip(), fields[3].strip()))
    return commits


def file_history(root: Path, path: str) -> list[Commit]:
    """The commits that changed `path` (relative to `root`), newest first; [] without git or history."""
    try:
        command = ["git", "-c", "log.showSignature=false", "log", "--follow", f"--format={LOG_FORMAT}", "--", path]
        result = subprocess.run(command, cwd=root, capture_output=True, encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_log(result.stdout) if result.returncode == 0 else []


@dataclass
class Change:
    """One change a commit made to the text: what, where, and the words before and after."""

    what: str  # e.g. "reply changed", "rebuttal added", "moved to question 7.1"
    rebuttal_id: str | None = None
    question: str | None = None
    before: str = ""
    after: str = ""


@dataclass
class Revision:
    commit: Commit
    changes: list[Change] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # question numbers, or "home", whose text changed


def file_at(root: Path, revision: str, path: str) -> bytes | None:
    """The bytes of `path` (relative to `root`) at a git revision; None when it is not there."""
    try:
        shown = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return shown.stdout if shown.returncode == 0 else None


@lru_cache(maxsize=4096)  # a commit never changes: `mkdocs serve` reads each one once
def reply_at(root: Path, sha: str, path: str) -> Reply | None:
    text = file_at(root, sha, path)
    if text is None:
        return None
    try:
        return parse_reply(text.decode("utf-8", errors="replace"), path, check_front_matter=False)
    except SourceError:
        return None  # a broken revision is skipped; the next sound one is compared with the last sound one


def where(reply: Reply) -> dict[str, tuple[str, str, str]]:
    """Rebuttal id -> (question number, quote, reply) as plain text."""
    return {r.id: (q.number, " ".join(one_line(p.text) for p in r.quote), " ".join(one_line(p.text) for p in r.reply))
            for q in reply.questions for r in q.rebuttals}


def compare(old: Reply | None, new: Reply) -> tuple[list[Change], set[str]]:
    """The changes from `old` to `new`, and the pages they touch."""
    if old is None:
        return [Change(f"published with {len(new.rebuttals)} rebuttals")], {"home"} | {q.number for q in new.questions}
    changes, pages = [], set()
    before, after = where(old), where(new)
    renamed = new.renamed
    for rebuttal_id, (number, quote, reply) in after.items():
        earlier = before.get(rebuttal_id) or next((before[o] for o, n in renamed.items() if n == rebuttal_id
                                                  and o in before), None)
        if earlier is None:
            changes.append(Change("rebuttal added", rebuttal_id, number, after=quote))
            pages.add(number)
            continue
        if earlier[0] != number:
            changes.append(Change(f"moved from question {earlier[0]}", rebuttal_id, number))
            pages |= {earlier[0], number}
        for label, old_text, new_text in (("quote", earlier[1], quote), ("reply", earlier[2], reply)):
            if old_text != new_text:
                changes.append(Change(f"{label} changed", rebuttal_id, number, old_text, new_text))
                pages.add(number)
    gone = set(before) - set(after) - set(renamed)
    for rebuttal_id in sorted(gone):
        changes.append(Change("rebuttal removed", rebuttal_id, before[rebuttal_id][0], before=before[rebuttal_id][1]))
        pages.add(before[rebuttal_id][0])
    old_front = ([old.title] + [p.text for p in old.preamble], [q.text for q in old.questions])
    new_front = ([new.title] + [p.text for p in new.preamble], [q.text for q in new.questions])
    if old_front != new_front:
        changes.append(Change("title, preamble or questions changed", before=" ".join(sum(old_front, [])),
                              after=" ".join(sum(new_front, []))))
        pages.add("home")
    return changes, pages


def text_history(root: Path, path: str = "docs/reply.md") -> list[Revision]:
    """Every commit that changed the text, newest first, with what it changed."""
    revisions, previous = [], None
    for commit in reversed(file_history(root, path)):
        reply = reply_at(root, commit.sha, path)
        if reply is None:
            continue
        changes, pages = compare(previous, reply)
        if changes:
            revisions.append(Revision(commit, changes, pages))
        previous = reply
    return revisions[::-1]


def last_changed(revisions: list[Revision]) -> dict[str, str]:
    """Question number (or "home") -> date (YYYY-MM-DD) its page's text last changed; "reply" -> the
    date any of the reply's text last changed."""
    dates: dict[str, str] = {}
    for revision in revisions:  # newest first: the first date seen is the latest
        for page in revision.pages:
            dates.setdefault(page, revision.commit.date[:10])
        if revision.pages:
            dates.setdefault("reply", revision.commit.date[:10])
    return dates
