"""Quotation marks: which way each one faces, and whether a paragraph is a quotation.

Only double marks count: curly “ and ” (their direction is in the glyph) and the
straight " (its direction comes from its neighbours: it opens at the start, or after
a space, bracket or dash, when a non-space follows; otherwise it closes, so an inch
mark as in 5" counts as closing). A closing mark may close a quotation opened with
the other glyph. Single marks and apostrophes (’ ') never count, so "Stability AI’s"
or "model's" cannot open a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING, CLOSING, STRAIGHT = "“", "”", '"'
QUOTE_MARKS = OPENING + CLOSING + STRAIGHT
# A straight mark after one of these (or at the start) and before a non-space opens.
_BEFORE_OPENING = "([{“‘–—"


def marks(text: str) -> list[tuple[int, bool]]:
    """Each double quotation mark in `text` as (index, opens?)."""
    found = []
    for index, char in enumerate(text):
        if char in (OPENING, CLOSING):
            found.append((index, char == OPENING))
        elif char == STRAIGHT:
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
            found.append((index, opens))
    return found


def unclosed_opening(text: str) -> int | None:
    """Index of the outermost opening mark still open at the end of `text`, or None.

    Nesting is tracked by depth; a closing mark with nothing open is ignored.
    """
    stack: list[int] = []
    for index, opens in marks(text):
        if opens:
            stack.append(index)
        elif stack:
            stack.pop()
    return stack[0] if stack else None


@dataclass(frozen=True)
class Shape:
    """How a paragraph stands towards quotation marks.

    `kind` is "none" (does not begin with an opening mark), "quote" (the mark that
    closes the first one is the last non-space character), "phrase" (a quotation
    begins the paragraph but closes at `closes_at`, before the end) or "open"
    (the first quotation is not closed in this paragraph).
    """

    kind: str
    closes_at: int = -1


def shape(text: str) -> Shape:
    body = text.rstrip()
    found = marks(body)
    if not body or not found or found[0] != (len(body) - len(body.lstrip()), True):
        return Shape("none")
    depth = 0
    for index, opens in found:
        depth += 1 if opens else -1
        if depth == 0:
            return Shape("quote", index) if index == len(body) - 1 else Shape("phrase", index)
    return Shape("open")


def is_quote(text: str) -> bool:
    return shape(text).kind == "quote"


def opens_new_quotation(text: str) -> bool:
    """True when `text` begins a quotation that is not just a phrase in a reply."""
    return shape(text).kind in ("quote", "open")
