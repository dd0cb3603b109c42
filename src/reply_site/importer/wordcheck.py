"""Internal check: the output holds every word of the input, in the same order.

Both sides are reduced the same way before comparing: links that became citation
keys, and questions asked again in the same words (whose words stand once, under their
heading), are taken out of the input and the [@key] markers out of the output; rebuttal
comments and the "#", "##" and ">" markers are dropped from both. What is left must
be the same sequence of words. A difference is a bug in the importer, not in the file.
"""

from __future__ import annotations

import re

from ..errors import Problem, SourceError

_COMMENT = re.compile(r"<!-- rebuttal: \S+ -->")
_MARKERS = {"#", "##", ">"}


def _words(lines, keys: set[str]) -> list[tuple[str, int]]:
    found = []
    for number, line in lines:
        line = _COMMENT.sub(" ", line)
        for key in keys:
            line = line.replace(f"[@{key}]", " ")
        found += [(word, number) for word in line.split() if word not in _MARKERS]
    return found


def check_words(source: str, markdown: str, removed: list[tuple[int, int, int]],
                keys: set[str], path: str) -> int:
    """Raise SourceError unless the words agree; return how many words were checked.

    `removed` holds the places (line, column, length) of the input taken out before comparing.
    """
    lines = source.split("\n")
    for line, column, length in sorted(removed, reverse=True):
        text = lines[line - 1]
        lines[line - 1] = text[: column - 1] + " " + text[column - 1 + length:]
    expected = _words(enumerate(lines, start=1), keys)
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    actual = _words(enumerate(body.split("\n"), start=1), keys)
    for index, (word, number) in enumerate(expected):
        if index >= len(actual) or actual[index][0] != word:
            raise SourceError([Problem(path, number,
                f"internal check failed: the word '{word}' is missing or out of order in the output",
                hint="this is a bug in the importer, not in the file")])
    if len(actual) > len(expected):
        word = actual[len(expected)][0]
        raise SourceError([Problem(path, expected[-1][1] if expected else 1,
            f"internal check failed: the output has a word that is not in the input: '{word}'",
            hint="this is a bug in the importer, not in the file")])
    return len(expected)
