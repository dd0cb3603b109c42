"""The YAML front matter of the source: facts about the reply, checked field by field."""

from __future__ import annotations

import datetime
import re

import yaml

from ..errors import Problem

FIELDS = {"title", "author", "date", "respondent", "responds_to", "grouping", "moved_pages"}
GROUPINGS = ("editorial", "author")
PAGE_PATH = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/$")
RESPONDS_TO_FIELDS = {"title", "inquiry", "docket", "url"}
HTTP_URL = re.compile(r"^https?://[^\s<>\"']+$")


def split_front_matter(text: str, path: str, check: bool = True) -> tuple[dict, list[str], int, list[Problem]]:
    """Return (metadata, body lines, number of the first body line, problems); `check` its fields or not."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, lines, 1, [Problem(path, 1, "the source must start with YAML front matter ('---')",
                                      hint="put the reply's title, author and date between two '---' lines")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return {}, [], len(lines) + 1, [Problem(path, 1, "front matter is not closed", hint="end it with a line '---'")]
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        return {}, lines[end + 1:], end + 2, [Problem(path, line, f"front matter: {problem}", column)]
    if not isinstance(meta, dict):
        return {}, lines[end + 1:], end + 2, [Problem(path, 2, "front matter must be a mapping of 'field: value'")]
    return meta, lines[end + 1:], end + 2, check_fields(meta, lines[1:end], path) if check else []


def check_fields(meta: dict, yaml_lines: list[str], path: str) -> list[Problem]:
    def line_of(field: str) -> int:
        for number, line in enumerate(yaml_lines, start=2):
            if re.match(rf"\s*{re.escape(field)}\s*:", line):
                return number
        return 1

    problems = []
    for unknown in sorted(set(meta) - FIELDS):
        problems.append(Problem(path, line_of(unknown), f"front matter: unknown field '{unknown}'",
                                hint="known fields: " + ", ".join(sorted(FIELDS))))
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        problems.append(Problem(path, line_of("title"), "front matter: 'title' is required"))
    if not isinstance(meta.get("respondent"), str) or not meta["respondent"].strip():
        problems.append(Problem(path, line_of("respondent"), "front matter: 'respondent' is required",
                                hint="name whose comment the reply quotes, e.g. respondent: Stability AI"))
    if meta.get("grouping", "editorial") not in GROUPINGS:
        problems.append(Problem(path, line_of("grouping"), "front matter: 'grouping' must be one of "
                                + ", ".join(GROUPINGS), hint="editorial: the site placed the passages under the "
                                "questions; author: the reply itself did"))
    if meta.get("author") is not None and not isinstance(meta["author"], (str, list)):
        problems.append(Problem(path, line_of("author"), "front matter: 'author' must be a name or a list of names"))
    if meta.get("date") is not None and not isinstance(meta["date"], (datetime.date, str)):
        problems.append(Problem(path, line_of("date"), "front matter: 'date' must be a date like 2023-12-06"))
    moved = meta.get("moved_pages")
    if moved is not None and not (isinstance(moved, dict) and all(
            isinstance(k, str) and isinstance(v, str) and PAGE_PATH.match(k) and PAGE_PATH.match(v)
            for k, v in moved.items())):
        problems.append(Problem(path, line_of("moved_pages"), "front matter: 'moved_pages' maps old page paths "
                                "to new ones", hint="e.g. moved_pages: {question-8-4/: question-8-5/}"))
    responds_to = meta.get("responds_to")
    if not isinstance(responds_to, dict):
        problems.append(Problem(path, line_of("responds_to"), "front matter: 'responds_to' is required",
                                hint="give the title and url of the comment this reply answers"))
        return problems
    for unknown in sorted(set(responds_to) - RESPONDS_TO_FIELDS):
        problems.append(Problem(path, line_of(unknown), f"front matter: unknown field 'responds_to.{unknown}'"))
    if not isinstance(responds_to.get("title"), str) or not responds_to["title"].strip():
        problems.append(Problem(path, line_of("responds_to"), "front matter: 'responds_to.title' is required"))
    if not HTTP_URL.match(str(responds_to.get("url") or "")):
        problems.append(Problem(path, line_of("url") if "url" in responds_to else line_of("responds_to"),
                                "front matter: 'responds_to.url' must be an http(s) URL"))
    return problems
