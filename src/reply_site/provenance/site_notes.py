"""The headings, labels and notes the site adds around the reply's words, one entry per kind:
they are not in the model, so the comparison cannot find them. Kept here, in one place, in the
renderer's own wording where it can be imported (tests check that every label is in the pages)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Reply
from ..render.pages import grouping_note, navigation
from ..render.rebuttals import HEADING_LIMIT, heading_text


@dataclass(frozen=True)
class SiteNote:
    what: str  # what it is and where it stands (Markdown)
    shown: tuple[str, ...] = ()  # the site's words, exactly as the pages show them


def site_notes(reply: Reply) -> list[SiteNote]:
    headings = tuple(heading_text(rebuttal) for rebuttal in reply.rebuttals)
    cut = sum(heading.endswith("…") for heading in headings)
    notes = [
        SiteNote("The titles of the pages, in the navigation and the browser's tab",
                 tuple(title for entry in navigation(reply) for title in entry)),
        SiteNote("On the home page: a note about the site, a guide to reading it and a table of the questions "
                 "with the number of passages under each", ("About this site", "How to read it", "The questions")),
        SiteNote("On each question page: its heading, “Question” and the number, the label before the "
                 "question's text and the number of passages answered", ("The Copyright Office asks",)),
        SiteNote("On the home page and each question page, a note on who grouped the passages",
                 (grouping_note(reply),)) if grouping_note(reply) else None,
        SiteNote(f"Above each passage, a heading: the opening sentence of the quote, cut at a word with “…” "
                 f"when it is longer than {HEADING_LIMIT} characters ({cut} of {len(headings)} are)"),
        SiteNote("Under each quote, the name of whose comment it is", (reply.respondent,)),
        SiteNote("With each passage, a link to share it and, on the page it leads to, one back to the question",
                 ("Link to this rebuttal", "Read it in context")),
        SiteNote("Ready citations of a passage, a page or the whole reply, as text and as BibTeX",
                 ("Cite this rebuttal", "Cite this page", "Cite the whole reply")),
        SiteNote("At the foot of each page made from the reply, the date its text last changed, from the "
                 "history of the source", ("Text last changed on",)),
        SiteNote("Numbers in brackets for the citations, and the references page, written from checked "
                 "bibliographic facts", ("References",)),
        SiteNote("Link previews and page descriptions quote the opening of a passage, cut at a word with “…”; "
                 "the home page's title in the browser's tab and in link previews is the one the source's front "
                 "matter gives", (str(reply.meta.get("title", "")),)),
    ]
    return [note for note in notes if note]
