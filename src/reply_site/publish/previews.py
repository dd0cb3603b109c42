"""What a link to each page shows when it is pasted in a chat or a post: its title, its
description and its card (the 1200x630 image), and the card's text for screen readers.

A preview leads with the author's words: a rebuttal's title opens with the reply and names
the respondent's claim second; the card shows the reply in large type and the claim as a small
labelled line. Every excerpt keeps the text's own quotation marks (text.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Question, Rebuttal, Reply
from ..text import after_lead, excerpt, lead, possessive, shortened

TITLE_LEAD = 100  # characters of the reply's opening sentence in a title (its start is what shows)
TITLE_CLAIM = 60
DESCRIPTION = 200
CARD_TEXT = 150  # what the card draws in large type: cards.py fits it whole, never cut
CARD_NOTE = 110


@dataclass(frozen=True)
class Card:
    """The text a card draws: a label at the top, the text in large type, a labelled note below."""

    label: str
    text: str
    note_label: str
    note: str

    @property
    def alt(self) -> str:
        """Alternative text: what the card shows, in the order it shows it."""
        return " ".join(sentence(part) for part in (self.label, self.text, f"{self.note_label} {self.note}".strip())
                        if part)


def sentence(text: str) -> str:
    """`text` ending as a sentence does: with a full stop unless it has a mark of its own."""
    return text if text.rstrip("\"”’)")[-1:] in ".!?…:" else text + "."


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    card: Card


def reply_text(rebuttal: Rebuttal) -> str:
    return "\n\n".join(paragraph.text for paragraph in rebuttal.reply)


def quote_text(rebuttal: Rebuttal) -> str:
    return "\n\n".join(paragraph.text for paragraph in rebuttal.quote)


def rebuttal_preview(reply: Reply, question: Question, rebuttal: Rebuttal) -> Preview:
    """A share page's preview: the author's counter-point first, the claim it answers second."""
    respondent = reply.respondent
    title = f"{lead(reply_text(rebuttal), TITLE_LEAD)} — in reply to {respondent}: " \
            f"{excerpt(quote_text(rebuttal), TITLE_CLAIM)}"
    card = Card(f"The author's reply to {respondent} · question {question.number}",
                excerpt(reply_text(rebuttal), CARD_TEXT), f"{respondent} wrote:",
                excerpt(quote_text(rebuttal), CARD_NOTE))
    return Preview(title, after_lead(reply_text(rebuttal), DESCRIPTION), card)


def question_preview(reply: Reply, question: Question) -> Preview:
    """A question page's preview: what the author answers there, in the author's words."""
    respondent, count = reply.respondent, len(question.rebuttals)
    asks = Card(f"Question {question.number} · a reply to {respondent}", "", "The Copyright Office asks:",
                shortened(question.text, CARD_NOTE))
    if not count:
        description = f"No passage of {possessive(respondent)} comment is answered under this question: {question.text}"
        return Preview(f"Question {question.number}: a reply to {respondent}", shortened(description, DESCRIPTION),
                       Card(asks.label, shortened(question.text, CARD_TEXT), "", ""))
    passages = f"{count} passage{'s' if count > 1 else ''}"
    openings = " ".join(lead(reply_text(rebuttal), DESCRIPTION) for rebuttal in question.rebuttals)
    first = question.rebuttals[0]
    return Preview(f"Question {question.number}: the author's reply to {respondent}, {passages} answered",
                   shortened(openings, DESCRIPTION),
                   Card(asks.label, excerpt(reply_text(first), CARD_TEXT), asks.note_label, asks.note))


def home_preview(reply: Reply) -> Preview:
    respondent, count = reply.respondent, len(reply.rebuttals)
    numbers = [question.number for question in reply.questions if question.rebuttals] or ["none"]
    listed = ", ".join(numbers[:-1]) + " and " + numbers[-1] if len(numbers) > 1 else numbers[0]
    answered = f"{count} passage{'s' if count != 1 else ''} of {possessive(respondent)} comment answered one by one, " \
               f"under question{'s' if len(numbers) > 1 else ''} {listed}."
    opening = lead(reply_text(reply.rebuttals[0]), TITLE_LEAD) if count else ""
    description = f"{answered} The first reply opens: {opening}" if opening else answered
    return Preview(reply.meta["title"], shortened(description, DESCRIPTION),
                   Card(f"A reply to {respondent}", shortened(reply.meta["title"], CARD_TEXT), "The reply:",
                        shortened(answered, CARD_NOTE)))


def page_preview(reply: Reply, title: str, description: str) -> Preview:
    """Any other page of the site (references, changelog, the hand-written pages)."""
    return Preview(title, description, Card(f"A reply to {reply.respondent}", shortened(title, CARD_TEXT),
                                            "On this page:", shortened(description, CARD_NOTE)))
