"""Characters a reader cannot see: refused in the source, unless the record has them at that place.

A bidirectional control (U+202A-U+202E, U+2066-U+2069) can show the words around it in another
order than the one they are written in; an invisible character (U+200B-U+200F, U+2060, a byte
order mark inside the text) changes the text without showing. Either way, what a reviewer reads
in a pull request can differ from what readers see. Refused, by Unicode category:

- every format character (Cf): the ranges above, and with them the soft hyphen U+00AD (it
  shows only where a line breaks, so it splits a word for search and spelling while the word
  looks whole), the invisible operators U+2061-U+2064 (mathematics; prose has no use for them),
  the Arabic letter mark U+061C and the tag characters U+E0000-U+E007F (text hidden in plain
  sight). Emoji sequences joined by U+200D are refused with them: the reply has none;
- control characters (Cc) but the tab and the line feed; a NUL is refused on reading;
- the line and paragraph separators U+2028 and U+2029, which show as nothing on a page.

A byte order mark at the very start of the file is not part of its text (`read_text` drops it).

"The same place": the character with its own word and the word on each side of it on its line
(words are separated by spaces and tabs; the '>' of a quote is not a word). It is allowed when
the record (`record/reply-as-received.txt`) has the same words, in that order, with the
character in the same place in them, wherever the record's lines break.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import Problem

REFUSED_CATEGORIES = {"Cf", "Cc", "Zl", "Zp"}
ALLOWED = {"\t", "\n"}
BIDIRECTIONAL = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}  # embeddings, overrides, isolates
WORD = re.compile(r"[^ \t\n]+")
QUOTE = re.compile(r" {0,3}>")
WHERE_KEPT = "it is kept only where record/reply-as-received.txt has it, in the same words"
HINTS = {
    "bidirectional control": f"delete it: it changes the order in which the text around it is shown; {WHERE_KEPT}",
    "invisible character": f"delete it: it does not show, yet it changes the text; {WHERE_KEPT}",
    "control character": f"delete it: it does not show, yet it changes the text; {WHERE_KEPT}",
}


def refused(char: str) -> bool:
    return char not in ALLOWED and unicodedata.category(char) in REFUSED_CATEGORIES


def kind(char: str) -> str:
    if unicodedata.bidirectional(char) in BIDIRECTIONAL:
        return "bidirectional control"
    return "control character" if unicodedata.category(char) == "Cc" else "invisible character"


def visible(text: str) -> str:
    """The text with each refused character shown as ⟨U+XXXX⟩."""
    return "".join(f"⟨U+{ord(c):04X}⟩" if refused(c) else c for c in text)


def place(line: str, index: int) -> tuple[list[str], bool, bool]:
    """The words around `line[index]`: its own and one on each side; whether the line has more before, after."""
    quote = QUOTE.match(line)
    words = list(WORD.finditer(line, quote.end() if quote else 0))
    at = next(i for i, word in enumerate(words) if word.start() <= index < word.end())
    around = words[max(at - 1, 0):at + 2]
    return [word.group() for word in around], around[0] is not words[0], around[-1] is not words[-1]


def check_text(text: str, path: str, record: str | None = None) -> list[Problem]:
    """Every refused character of the text (as read, LF line endings) at its line and column."""
    found = {char for char in set(text) if refused(char)}  # each distinct character looked at once
    kept = " " + " ".join(WORD.findall(record or "")) + " "
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if found.isdisjoint(line):
            continue
        for index, char in enumerate(line):
            if char not in found:
                continue
            words, more_before, more_after = place(line, index)
            if f" {' '.join(words)} " in kept:
                continue
            name = unicodedata.name(char, "")
            shown = ("…" if more_before else "") + visible(" ".join(words)) + ("…" if more_after else "")
            problems.append(Problem(path, number, f"{kind(char)} U+{ord(char):04X}{' ' + name if name else ''} "
                                    f"in '{shown}'", index + 1, HINTS[kind(char)]))
    return problems
