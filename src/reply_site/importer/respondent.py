"""Whose comment the reply quotes, read from its format note, never guessed.

The note is a paragraph of the preamble like "Indented texts are quotes from Example
Corp." The name runs from "quotes from" to the end of its clause (a period, comma,
semicolon, colon, "!" or "?" before a space or the end, or an opening bracket), and stops
before a possessive: "quotes from Example Corp’s comment" gives "Example Corp". It is a
name, so it does not begin with a lowercase letter ("quotes from it" names nobody). Without
such a note, or with notes naming different parties, the name is left empty and the
report asks the reviewer to fill it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .paragraphs import Paragraph

_NOTE = re.compile(r"\bquot(?:es|ations)\s+from\s+(?P<name>.+?)\s*"
                   r"(?:[’']s\b.*|\(.*|[.,;:!?](?:\s.*)?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Respondent:
    name: str  # "" when the reply does not say
    note: Paragraph | None  # the format note that names it
    report: tuple[str, ...]


def find_respondent(preamble: tuple[Paragraph, ...]) -> Respondent:
    matches = ((p, _NOTE.search(p.text)) for p in preamble)
    found = [(p, match.group("name")) for p, match in matches if match and not match.group("name")[0].islower()]
    names = sorted({name for _, name in found})
    if len(names) == 1:
        paragraph, name = found[0]
        return Respondent(name, paragraph, (f"{name}, from the format note on line {paragraph.first_line}: "
                                            f"“{paragraph.text}”",))
    if names:
        named = "; ".join(f"line {p.first_line} names {name}" for p, name in found)
        return Respondent("", None, (f"!! not decided: the format notes disagree ({named}). Fill in "
                                     "'respondent' in the front matter with the right one.",))
    return Respondent("", None, ("!! not found: no paragraph before the questions says whose comment the reply "
                                 "quotes (as in “Indented texts are quotes from Example Corp.”). Fill in "
                                 "'respondent' in the front matter; never guess it.",))
