"""Give each paragraph its role: title, preamble, question, quote or reply.

The title is the first paragraph. The question list is the run of numbered paragraphs
("7.", "7.1.") just before the first quotation (`passages` says what one is); the preamble
lies between the title and it. Then come rebuttals: a quotation, then one or more replies.
Quotations in a row, with no reply between, are one quotation of several paragraphs.

A numbered paragraph after a reply is a question (the author placed the passages after
it) when a quotation follows it, or more questions and then a quotation, and it keeps the
order of the inquiry: its number is listed at the top, or above that of the question
before it. Any other numbered paragraph is part of the reply (an item of a list), and
flagged: it might be a question. `questions` puts the rebuttals under the questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, SourceError
from .indentation import Indentation
from .paragraphs import Paragraph
from .passages import judge, note
from .quotes import unclosed_opening
from .words import NUMBERED


@dataclass(frozen=True)
class Rebuttal:
    quote: tuple[Paragraph, ...]  # one paragraph or more
    replies: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Ask:
    """A question paragraph, where it stands: in the list at the top, or between passages."""

    paragraph: Paragraph
    listed: bool  # in the list before the first quotation
    placed: bool  # a quotation follows it
    indented: bool  # indented like a quotation, where indentation decides

    @property
    def number(self) -> str:
        return question_number(self.paragraph)


def question_number(paragraph: Paragraph) -> str:
    """"7.1" for the paragraph "7.1. How are…"."""
    return paragraph.text.split()[0].rstrip(".")


@dataclass(frozen=True)
class Structure:
    title: Paragraph
    preamble: tuple[Paragraph, ...]
    sequence: tuple[Ask | Rebuttal, ...]  # the questions and rebuttals in the order of the input


def classify(paragraphs: list[Paragraph], indentation: Indentation,
             path: str) -> tuple[Structure, list[tuple[Paragraph, str]]]:
    """The structure, and a report line for each paragraph but the questions (see `questions`)."""
    _check_quotes_closed(paragraphs, path)
    verdicts = [judge(p, indentation) for p in paragraphs]
    numbered = [bool(NUMBERED.match(p.text)) for p in paragraphs]
    first = next((i for i in range(1, len(paragraphs)) if verdicts[i].quote and not numbered[i]), None)
    if first is None:
        raise SourceError([Problem(path, paragraphs[-1].first_line,
            "no quotation found: no paragraph begins and ends with a quotation mark",
            hint="each passage of the comment must be a paragraph of its own, in quotation marks")])
    start = first
    while start > 1 and numbered[start - 1]:
        start -= 1
    if start == first:
        raise SourceError([Problem(path, paragraphs[first].first_line,
            "no question list found before the first quotation",
            hint="number the questions like '7.' or '7.1.', one paragraph each, just above it")])
    notes = [(paragraphs[0], note(paragraphs[0], "title", "the first paragraph"))]
    for p, verdict in zip(paragraphs[1:start], verdicts[1:start], strict=True):
        why = "between the title and the question list" + (f"; {verdict.why}" if verdict.flagged else "")
        notes.append((p, note(p, "preamble", why, verdict.flagged)))
    listed = [Ask(paragraphs[i], True, i == first - 1, verdicts[i].quote) for i in range(start, first)]
    sequence = _sequence(paragraphs[first:], verdicts[first:], numbered[first:], listed, path, notes)
    return Structure(paragraphs[0], tuple(paragraphs[1:start]), (*listed, *sequence)), notes


def _sequence(paragraphs, verdicts, numbered, listed, path, notes) -> list[Ask | Rebuttal]:
    """Rebuttals and the questions placed between them; `paragraphs` begins with a quotation."""
    sequence: list[Ask | Rebuttal] = []
    quote: list[Paragraph] = []
    replies: list[Paragraph] = []
    numbers, last = {ask.number for ask in listed}, listed[-1].number

    def close(problem: str) -> None:
        """End the rebuttal being read; `problem` if it has no reply."""
        if quote and not replies:
            raise SourceError([Problem(path, quote[0].first_line, problem,
                                       hint="write a reply after it, or remove it")])
        if quote:
            sequence.append(Rebuttal(tuple(quote), tuple(replies)))
        quote.clear()
        replies.clear()

    i = 0
    while i < len(paragraphs):
        end = i
        while end < len(paragraphs) and numbered[end]:
            end += 1
        before_quote = i < end < len(paragraphs) and verdicts[end].quote
        run = [question_number(p) for p in paragraphs[i:end]]
        if before_quote and _questions_from(run, last, numbers) == 0:  # questions, then their passages
            close(f"quotation has no reply: the next paragraph (line {paragraphs[i].first_line}) "
                  f"is question {run[0]}")
            sequence += [Ask(paragraphs[k], False, k == end - 1, verdicts[k].quote) for k in range(i, end)]
            i, last = end, run[-1]
            continue
        p, verdict = paragraphs[i], verdicts[i]
        if verdict.quote:
            if replies:
                close("")  # it has replies: nothing to report
            why = verdict.why + (f"; right after the quotation on line {quote[-1].first_line}, with no reply "
                                 "between: one quotation with it" if quote else "")
            quote.append(p)
            notes.append((p, note(p, "quote", why, verdict.flagged)))
        elif numbered[i]:
            why = (f"numbered, but {run[0]} is not listed at the top, nor above question {last} before it"
                   if before_quote else "numbered, but no quotation follows it")
            replies.append(p)
            notes.append((p, note(p, "reply", f"{why}: part of the reply, if it is not a question; "
                                              f"{verdict.why}", True)))
        else:
            replies.append(p)
            notes.append((p, note(p, "reply", verdict.why, verdict.flagged)))
        i += 1
    close("quotation at the end has no reply")
    return sequence


def _questions_from(run: list[str], last: str, listed: set[str]) -> int:
    """Where the questions begin in a run of numbers before a quotation (len(run): nowhere): the
    longest tail in which each number is listed, or above the one before it (`last` before the run)."""
    for start in range(len(run)):
        before = last
        for number in run[start:]:
            if number not in listed and _order(number) <= _order(before):
                break
            before = number
        else:
            return start
    return len(run)


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _check_quotes_closed(paragraphs: list[Paragraph], path: str) -> None:
    problems = []
    for paragraph in paragraphs:
        opened = unclosed_opening(paragraph.text)
        if opened is not None:
            line, column = paragraph.position(opened)
            problems.append(Problem(path, line,
                "unclosed quotation: this quotation mark is never closed", column,
                hint="add the closing quotation mark"))
    if problems:
        raise SourceError(problems)
