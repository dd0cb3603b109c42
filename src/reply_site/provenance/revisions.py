"""Declared revisions: changes to the author's or the respondent's words that the author approved.

`revisions.yml` (beside `anchors.yml`; a missing or empty file declares none) is a list, oldest
first, of entries such as

    - date: 2027-01-15
      approval: https://github.com/owner/repo/pull/42#issuecomment-1
      where: models-do-not-store-works
      old: an AI generation is a juice blend.
      new: an AI generation is a smoothie.
      note: The author's wording, sent with the approval.

`where` names a rebuttal (its id), `title`, `preamble` or a question by its number; `old` holds
the exact words of the record there (as earlier revisions left them), `new` the words that
replace them (empty to delete them). Both are compared word by word, line breaks and Markdown
emphasis aside. Every entry is checked; problems name the file and line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..errors import Problem, SourceError
from ..source.front_matter import HTTP_URL
from ..source.text_file import read_text
from .words import WORD, Word, paragraph_words

REVISIONS = "revisions.yml"  # in the project folder, beside anchors.yml
FIELDS = ("date", "approval", "where", "old", "new", "note")
REQUIRED = FIELDS[:-1]
FORMAT = ("each revision is '- date: YYYY-MM-DD', 'approval:' (a link to the author's approval or a message "
          "id), 'where:' (a rebuttal id, title, preamble or a question number), 'old:' and 'new:' (the exact words), "
          "optionally 'note:'; see CONTRIBUTING.md")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Revision:
    path: str
    line: int  # where the entry starts
    date: str
    approval: str
    where: str
    old: str
    new: str
    note: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # field -> its line

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


def load_revisions(path: Path, display: str) -> list[Revision]:
    """The declared revisions, oldest first: none when the file does not exist."""
    return parse_revisions(read_text(path, display), display) if Path(path).exists() else []


def parse_revisions(text: str, path: str) -> list[Revision]:
    """Read revisions.yml; raise SourceError with every malformed entry at its line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError([Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: "
                                   f"{getattr(error, 'problem', None) or error}", hint=FORMAT)]) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise SourceError([Problem(path, root.start_mark.line + 1, "revisions.yml must be a list of revisions",
                                   hint=FORMAT)])
    revisions, problems = [], []
    for entry in root.value:
        revision, found = read_entry(entry, path)
        revisions += [revision] if revision else []
        problems += found
    if problems:
        raise SourceError(problems)
    return revisions


def read_entry(entry: yaml.Node, path: str) -> tuple[Revision | None, list[Problem]]:
    line = entry.start_mark.line + 1
    if not isinstance(entry, yaml.MappingNode):
        return None, [Problem(path, line, "a revision must be a mapping of 'field: value'", hint=FORMAT)]
    values, lines, seen, problems = {}, {}, set(), []
    for key, value in entry.value:
        name, at = str(key.value), key.start_mark.line + 1
        if name not in FIELDS:
            problems.append(Problem(path, at, f"unknown field '{name}' in a revision", hint=FORMAT))
        elif name in seen:
            problems.append(Problem(path, at, f"'{name}' is given twice in this revision", hint=FORMAT))
        elif not isinstance(value, yaml.ScalarNode):
            problems.append(Problem(path, at, f"'{name}' must be text, not a list or a mapping", hint=FORMAT))
        else:
            values[name], lines[name] = value.value, at  # as written: 7.10 stays "7.10", not a number
        seen.add(name)
    for name in REQUIRED:
        if name not in seen:
            problems.append(Problem(path, line, f"the revision has no '{name}'", hint=FORMAT))
    problems += check_values(values, lines, path)
    if problems:
        return None, problems
    return Revision(path, line, **{name: values.get(name, "") for name in FIELDS}, lines=lines), []


def check_values(values: dict[str, str], lines: dict[str, int], path: str) -> list[Problem]:
    problems = []

    def problem(name: str, message: str, hint: str = FORMAT) -> None:
        problems.append(Problem(path, lines[name], message, hint=hint))

    if "date" in values and not valid_date(values["date"]):
        problem("date", f"date '{values['date']}' is not a date written YYYY-MM-DD")
    for name in ("approval", "where", "old"):
        if name in values and not values[name].strip():
            problem(name, f"'{name}' is empty", "an approval is a link to the author's approval or a message id"
                    if name == "approval" else FORMAT)
    if values.get("approval", "").startswith(("http://", "https://")) and not HTTP_URL.match(values["approval"]):
        problem("approval", f"approval '{values['approval']}' is not a usable link",
                "write the link without spaces, quotes or angle brackets, or give a message id")
    if "old" in values and "new" in values and words_of(values["old"]) == words_of(values["new"]):
        problem("new", "'old' and 'new' are the same words", "a revision changes words; remove the entry")
    return problems


def valid_date(text: str) -> bool:
    try:
        return bool(DATE.match(text)) and bool(datetime.date.fromisoformat(text))
    except ValueError:
        return False


def words_of(text: str) -> str:
    """The words of `text` as the comparison reads them, one space between."""
    return " ".join(word.text for word in paragraph_words(text, 1, 0)[0])


def revise(words: list[Word], start: int, end: int, revision: Revision) -> tuple[list[Word], int, Word | None]:
    """The record's words with `revision` applied where its old words appear once in start..end.

    Returns the words (unchanged unless the old words appear exactly once), how many times they
    appear, and the first new word (for a deletion, the word after the deleted ones).
    """
    joined = " ".join(word.text for word in words[start:end])
    found = list(re.finditer(r"(?<!\w)" + re.escape(words_of(revision.old)) + r"(?!\w)", joined))
    if len(found) != 1:
        return words, len(found), None
    first = start + joined[:found[0].start()].count(" ")
    last = start + joined[:found[0].end()].count(" ")
    offset = len(" ".join(word.text for word in words[start:first])) + (1 if first > start else 0)
    cut = " ".join(word.text for word in words[first:last + 1])
    cut = cut[:found[0].start() - offset] + words_of(revision.new) + cut[found[0].end() - offset:]
    old_words, following = words[first:last + 1], words[last + 1:]
    new_words = [replace(old_words[min(i, len(old_words) - 1)], text=text, revision=revision.line,
                         anchors=old_words[i].anchors if i < len(old_words) else ())
                 for i, text in enumerate(WORD.findall(cut))]
    left_over = tuple(a for word in old_words[len(new_words):] for a in word.anchors)
    if left_over and following:  # anchors between deleted words stay where the words were
        following = [replace(following[0], anchors=left_over + following[0].anchors), *following[1:]]
    shown = new_words[0] if new_words else (following[0] if following else None)
    return words[:first] + new_words + following, 1, shown
