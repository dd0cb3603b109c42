"""A rebuttal rendered as Markdown: the claim as its heading, the respondent's quote, the
author's reply, its link and "Cite this"; and its share page `r/<id>/`, which shows it whole.

Links between generated pages are Markdown links to their files (`r/<id>.md`), which every
engine turns into the right address for where the page is published.
"""

from __future__ import annotations

import functools
import posixpath

from ..addresses import share_file
from ..model import Question, Rebuttal
from ..text import escape_markdown, lead, possessive
from .cite_this import cite_block, rebuttal_citation
from .citations import Citer

HEADING_LIMIT = 72  # characters of the claim's opening sentence in a rebuttal's heading


@functools.lru_cache(maxsize=65536)  # the same few links from every page of a long reply
def link(from_file: str, to_file: str) -> str:
    """A Markdown link target from one generated file to another, e.g. '../question-7.md'."""
    return posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")


def heading_text(rebuttal: Rebuttal) -> str:
    """The opening sentence of the claim, its quotation marks as written."""
    return lead(rebuttal.quote[0].text, HEADING_LIMIT)


def rebuttal_block(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str, page: str,
                   level: str = "##", cite: bool = True) -> str:
    """The rebuttal as it stands on `page` (the generated file it is written into), with its
    "Cite this" block unless `cite` is False."""
    references = link(page, "references.md")
    quote = "\n\n".join(citer.render(p.text, references) for p in rebuttal.quote)
    reply = "\n\n".join(citer.render(p.text, references) for p in rebuttal.reply)
    respondent = escape_markdown(citer.reply.respondent)
    links = [f"[Link to this rebuttal]({link(page, share_file(rebuttal.id))}){{ .share-link }}"]
    if page != question.page:
        links.append(f"[On the page of question {question.number}]({link(page, question.page)}#{rebuttal.id})"
                     "{ .context-link }")
    citation = cite_block("Cite this rebuttal", rebuttal_citation(citer.reply, question, rebuttal, site_url)) \
        if cite else ""
    return (
        f"{level} {escape_markdown(heading_text(rebuttal))} {{ #{rebuttal.id} .rebuttal-heading }}\n\n"
        f'<div class="rebuttal" markdown>\n\n'
        f'<p class="rebuttal-actions" data-search-exclude markdown>{" ".join(links)}</p>\n\n'
        f'<figure class="respondent-quote" markdown>\n<figcaption>{respondent}</figcaption>\n'
        f"<blockquote markdown>\n\n{quote}\n\n</blockquote>\n</figure>\n\n"
        f'<div class="author-reply" markdown>\n\n{reply}\n\n</div>\n\n{citation}\n</div>\n'
    )


def share_page_body(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> str:
    """The share page: the rebuttal whole, and where it stands in the reply."""
    page = share_file(rebuttal.id)
    count = len(question.rebuttals)
    position = question.rebuttals.index(rebuttal) + 1
    whose = escape_markdown(possessive(citer.reply.respondent))
    context = (f'<p class="rebuttal-context" markdown>A passage of {whose} '
               f"comment and the author's reply to it: passage {position} of {count} under "
               f"[question {question.number}]({link(page, question.page)}). "
               f"[Read it in context]({link(page, question.page)}#{rebuttal.id}).</p>\n")
    return rebuttal_block(question, rebuttal, citer, site_url, page, level="#") + "\n" + context
