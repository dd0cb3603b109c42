"""A paragraph as the words a reader sees, each with the line it is on, and the marks that are
not words taken out: citation markers `[@key]` and links (`<https://…>`, with the parentheses
around it) become anchors in the gap before a word; emphasis (`*…*`, `**…**`, `_…_`) becomes
spans of words. The marks are the ones `reply_site.text.without_markup` removes, found with
its own patterns.

Words are split at ASCII whitespace only and compared exactly, character by character: a
no-break space, a curly quotation mark or a look-alike letter is a difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CITATION
from ..text import STAR_EMPHASIS, UNDERSCORE_EMPHASIS

# A link as a word processor exports it: "(<https://…>)", "<https://…>", or a bare URL without
# the punctuation that ends the sentence around it.
LINK = re.compile(r"\(<https?://[^\s<>]+>\)|<https?://[^\s<>]+>|\(https?://[^\s<>()]+\)"
                  r"|https?://[^\s<>]*[^\s<>.,;:!?'\"”’»)]")
CITATION_MARK = re.compile(r"[ \t]*" + CITATION.pattern)
LINK_MARK = re.compile(r"[ \t]*(?:" + LINK.pattern + ")")
WORD = re.compile(r"[^ \t\n\r\f\v]+")
# Marks left in the text while it is read (NUL never occurs in a text file of the source).
ANCHOR, OPEN, CLOSE = "\x00A{}\x00", "\x00E{}\x00", "\x00e\x00"
PIECE = re.compile(r"\x00(?:A(\d+)|E(\d+)|e)\x00")
CONTEXT = 4  # words of context kept before an anchor
EMPHASIS_KINDS = {1: "italics", 2: "bold", 3: "bold italics"}


@dataclass(frozen=True)
class Anchor:
    """A link or a citation marker, as written, in the gap before a word."""

    kind: str  # "link" or "citation"
    text: str
    line: int
    before: str = ""  # the last words of its paragraph before it, as written


@dataclass(frozen=True, order=True)
class Emphasis:
    """Words in italics or bold: which run of them (by paragraph), how, and the words as written."""

    span: tuple[int, int]  # (paragraph, number)
    kind: int  # 1 italics, 2 bold, 3 both
    text: str


@dataclass(frozen=True)
class Word:
    text: str
    line: int
    paragraph: int  # index of its paragraph in the text it belongs to
    anchors: tuple[Anchor, ...] = ()  # in the gap before it
    emphasis: tuple[Emphasis, ...] = ()  # the runs of emphasis it is in
    revision: int | None = None  # the line in revisions.yml of the declared revision that wrote it, if one did


@dataclass
class Words:
    """A whole text as words: the record, or what the site publishes."""

    words: list[Word]
    trailing: tuple[Anchor, ...] = ()  # anchors after the last word

    @property
    def texts(self) -> list[str]:
        return [word.text for word in self.words]

    def starts(self) -> list[int]:
        """Index of each word that begins a paragraph (the first word included)."""
        return [i for i, word in enumerate(self.words) if i == 0 or word.paragraph != self.words[i - 1].paragraph]

    def anchors_at(self, gap: int) -> tuple[Anchor, ...]:
        return self.words[gap].anchors if gap < len(self.words) else self.trailing


def paragraph_words(text: str, first_line: int, paragraph: int, markdown: bool = True,
                    citations: bool = False, waiting: tuple[Anchor, ...] = ()) -> tuple[list[Word], tuple[Anchor, ...]]:
    """The words of one paragraph, and the anchors after its last word (for the next word to take).

    `markdown`: emphasis and links are marks, not words (else the text is shown literally);
    `citations`: so are `[@key]` markers; `waiting`: anchors left by the paragraph before.
    """
    found: list[Anchor] = []
    emphasised: list[Emphasis] = []

    def hold(kind: str):
        def replace(match: re.Match) -> str:
            before = match.string[:match.start()]
            words = WORD.findall(LINK.sub("", CITATION.sub("", PIECE.sub("", before))))[-CONTEXT:]
            found.append(Anchor(kind, match.group(0).strip(), first_line + before.count("\n"), " ".join(words)))
            return ANCHOR.format(len(found) - 1)
        return replace

    if markdown and citations:
        text = CITATION_MARK.sub(hold("citation"), text)
    if markdown:
        text = LINK_MARK.sub(hold("link"), text)
        previous = None
        while previous != text:  # nested emphasis such as *a **b** c* needs more than one pass
            previous = text
            for pattern in (STAR_EMPHASIS, UNDERSCORE_EMPHASIS):
                text = pattern.sub(lambda m: emphasise(m, paragraph, emphasised), text)
    words, pending, open_spans = [], list(waiting), []
    for match in WORD.finditer(text):
        token, line = match.group(0), first_line + text[:match.start()].count("\n")
        visible, marked, after, position = "", set(), [], 0
        for mark in [*PIECE.finditer(token), None]:
            piece = token[position:mark.start() if mark else len(token)]
            if piece:
                visible += piece
                marked.update(open_spans)
            if mark is None:
                break
            position = mark.end()
            if mark.group(1) is not None:  # an anchor: before this word, or after it when glued to its end
                (after if visible else pending).append(found[int(mark.group(1))])
            elif mark.group(2):
                open_spans.append(emphasised[int(mark.group(2))])
            elif open_spans:
                open_spans.pop()
        if visible:
            words.append(Word(visible, line, paragraph, tuple(pending), tuple(sorted(marked))))
            pending = after
        else:
            pending += after
    return words, tuple(pending)


def emphasise(match: re.Match, paragraph: int, emphasised: list[Emphasis]) -> str:
    """The emphasis `match` found, as marks around its words; noted in `emphasised`."""
    shown = " ".join(WORD.findall(PIECE.sub("", match.group(2))))
    emphasised.append(Emphasis((paragraph, len(emphasised)), len(match.group(1)), shown))
    return OPEN.format(len(emphasised) - 1) + match.group(2) + CLOSE


def text_words(paragraphs: list[tuple[str, int, bool, bool]]) -> Words:
    """The words of a whole text, from its paragraphs: (text, first line, markdown, citations) each."""
    words: list[Word] = []
    waiting: tuple[Anchor, ...] = ()
    for index, (text, line, markdown, citations) in enumerate(paragraphs):
        found, waiting = paragraph_words(text, line, index, markdown, citations, waiting)
        words += found
    return Words(words, waiting)
