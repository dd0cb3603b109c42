"""The one-page view, made from what the engine built: the engine builds its page with each
rebuttal's heading (its table of contents lists them) and a placeholder below each one; the
rebuttal's body then comes from its question page, where the engine rendered it already, with the
links the one-page view gives it and without its "Cite this". The engine renders each rebuttal
once instead of twice, and the longest page of a long reply is no longer the slowest to build.

`render.pages.whole_reply_page(..., bodies=True)` writes the same page in Markdown: tests/test_made_pages.py
has every engine build it and checks that the page made here is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..addresses import WHOLE_REPLY, url_of
from ..model import Question, Rebuttal
from ..render.pages import REBUTTAL_BODY
from ..render.rebuttals import rebuttal_actions
from .share_pages import ACTIONS, rebased, rebuttal_section

PLACEHOLDER = f"<p>{REBUTTAL_BODY}</p>"
BODY_START = '<div class="rebuttal">'
CITE_THIS = re.compile(r'<details class="cite">.*</details>\n(?=</div>\Z)', re.S)  # last in the rebuttal's div


def rebuttal_body(question_page: str, question: Question, rebuttal: Rebuttal) -> str:
    """The rebuttal's `div.rebuttal` as the one-page view shows it, from its question page's HTML."""
    section = rebuttal_section(question_page, rebuttal.id)
    body = rebased(section[section.index(BODY_START):], url_of(question.page), url_of(WHOLE_REPLY))
    body = ACTIONS.sub(lambda _: rebuttal_actions(question, rebuttal, WHOLE_REPLY), body, count=1)
    return CITE_THIS.sub("", body, count=1)


def whole_reply(view: str, rebuttals: list[tuple[Question, Rebuttal]], question_page: Callable[[str], str]) -> str:
    """The engine's one-page `view` with each rebuttal's body (from `question_page`, file name -> its
    HTML) in place of the placeholder below its heading."""
    parts, position = [], 0
    for question, rebuttal in rebuttals:
        heading = view.find(f' id="{rebuttal.id}"', position)
        placeholder = view.find(PLACEHOLDER, position)
        if heading < 0 or not heading < placeholder:
            raise ValueError(f"the engine's {WHOLE_REPLY} has no placeholder below the heading of {rebuttal.id!r}")
        parts += [view[position:placeholder], rebuttal_body(question_page(question.page), question, rebuttal)]
        position = placeholder + len(PLACEHOLDER)
    if PLACEHOLDER in view[position:]:
        raise ValueError(f"the engine's {WHOLE_REPLY} has a placeholder below no rebuttal of the reply")
    return "".join(parts) + view[position:]
