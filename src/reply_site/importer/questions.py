"""Put the rebuttals under the questions, where the author put them.

Each question paragraph becomes a `## ` heading, and the rebuttals after it stand under it;
nothing moves. The grouping is the author's (`grouping: author`) when a question stands
between the passages. When the questions are only listed at the top (as in the record),
nothing tells which question a passage answers: the rebuttals all follow the last one,
and the report asks the reviewer to regroup them (`grouping: editorial`).

A question asked more than once (listed at the top and repeated above its passages) gets
one heading: at its last place with a quotation right after it, or at its last place if it
has none; its words then stand once in the output, and the word check counts them once.
Asked again in other words, it is refused: keeping both would make two headings, and
dropping one would lose words.

Passages before the first question placed between passages (the ones right after the list
at the top) stand under the last heading left at the top; if the list has left several,
and its last question is not one asked again right above the passages, the report asks
which one they answer. If every question of the list is asked again later, the list's last
question keeps its heading at the top for them. A repetition with passages after it is
flagged: they stand under the heading before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problem, SourceError
from .paragraphs import Paragraph
from .passages import note
from .structure import Ask, Rebuttal, question_number


@dataclass(frozen=True)
class Question:
    paragraph: Paragraph
    rebuttals: tuple[Rebuttal, ...]


@dataclass(frozen=True)
class Grouping:
    questions: tuple[Question, ...]  # in the order of the output
    by_author: bool
    counted_once: tuple[Paragraph, ...]  # repetitions whose words stand once, under the heading
    review: tuple[str, ...]  # what the reviewer must check about the grouping

    @property
    def name(self) -> str:
        """The front matter's `grouping`: who placed the passages under the questions."""
        return "author" if self.by_author else "editorial"

    @property
    def rebuttals(self) -> list[Rebuttal]:
        return [rebuttal for question in self.questions for rebuttal in question.rebuttals]


def group(sequence: tuple[Ask | Rebuttal, ...], path: str) -> tuple[Grouping, list[tuple[Paragraph, str]]]:
    """The questions with their rebuttals, and a report line for each question paragraph."""
    asks = [item for item in sequence if isinstance(item, Ask)]
    listed = [ask for ask in asks if ask.listed]
    places: dict[str, list[Ask]] = {}
    for ask in asks:
        same = places.setdefault(ask.number, [])
        if same and ask.paragraph.text.split() != same[0].paragraph.text.split():
            raise SourceError([Problem(path, ask.paragraph.first_line,
                f"question {ask.number} is asked again in other words (first on line "
                f"{same[0].paragraph.first_line})", hint="give it the same words in both places, or remove one")])
        same.append(ask)
    heading = {number: ([ask for ask in same if ask.placed] or same)[-1] for number, same in places.items()}
    if all(heading[ask.number] is not ask for ask in listed):
        heading[listed[-1].number] = listed[-1]
    questions: list[tuple[Paragraph, list[Rebuttal]]] = []
    notes, once = [], []
    for item in sequence:
        if isinstance(item, Rebuttal):
            questions[-1][1].append(item)
        elif heading[item.number] is item:
            questions.append((item.paragraph, []))
            notes.append((item.paragraph, _heading_note(item, listed)))
        else:
            once.append(item.paragraph)
            before = question_number(questions[-1][0]) if questions else ""
            notes.append((item.paragraph, _repetition_note(item, heading[item.number], before)))
    by_author = len(listed) < len(asks)
    top = sum(1 for ask in listed if heading[ask.number] is ask)
    repeated = listed[-1].number in {ask.number for ask in listed[:-1]}  # asked again right above them
    review = []
    if by_author and top > 1 and not repeated:
        holder, leading = questions[top - 1]
        review.append(f"!! The {len(leading)} rebuttal(s) right after the list of questions at the top stand "
                      f"under its last heading, question {question_number(holder)}: the reply does "
                      "not say which question they answer. Move them if they answer another.")
    grouping = Grouping(tuple(Question(p, tuple(r)) for p, r in questions), by_author, tuple(once), tuple(review))
    return grouping, notes


def _heading_note(ask: Ask, listed: list[Ask]) -> str:
    why = "numbered paragraph before the first quotation" if ask.listed else \
        "numbered paragraph between the passages, where the author placed it"
    doubts = []
    if ask.indented:
        doubts.append("but indented like the quotations: check that it is a question, not a numbered passage")
    if not ask.listed and len(listed) > 1 and ask.number not in {other.number for other in listed}:
        doubts.append("but not in the list of questions at the top: check that it is a question, "
                      "not an item of a list in a reply")
    return note(ask.paragraph, f"question {ask.number}", "; ".join([why, *doubts]), bool(doubts))


def _repetition_note(ask: Ask, kept: Ask, before: str) -> str:
    why = (f"the same words as on line {kept.paragraph.first_line}, where its one heading stands, "
           "so they are counted once")
    if ask.placed:
        why += (f"; the passages after it stand under question {before}, the heading before it: "
                f"move them under question {ask.number} if they answer it")
    return note(ask.paragraph, f"question {ask.number}", why, ask.placed)
