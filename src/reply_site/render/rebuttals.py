"""A rebuttal rendered as Markdown: the claim as its heading, the respondent's quote, the
author's reply, its link and "Cite this"; and its share page `r/<id>/`, which shows it whole.

Links between generated pages are Markdown links to their files (`r/<id>.md`), which every
engine turns into the right address for where the page is published.
"""

from __future__ import annotations

import functools
import html
import posixpath

from ..addresses import relative, share_file, url_of
from ..model import Question, Rebuttal
from ..text import escape_markdown, lead, possessive
from .cite_this import cite_block, rebuttal_citation
from .citations import Citer

HEADING_LIMIT = 72  # characters of the claim's opening sentence in a rebuttal's heading
SHARE_LINK, CONTEXT_LINK = "Link to this rebuttal", "On the page of question"


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
    links = rebuttal_links(question, rebuttal, page)
    citation = cite_block("Cite this rebuttal", rebuttal_citation(citer.reply, question, rebuttal, site_url)) \
        if cite else ""
    return (
        rebuttal_heading(rebuttal, level) + '<div class="rebuttal" markdown>\n\n'
        f'<p class="rebuttal-actions" data-search-exclude markdown>{" ".join(links)}</p>\n\n'
        f'<figure class="respondent-quote" markdown>\n<figcaption>{respondent}</figcaption>\n'
        f"<blockquote markdown>\n\n{quote}\n\n</blockquote>\n</figure>\n\n"
        f'<div class="author-reply" markdown>\n\n{reply}\n\n</div>\n\n{citation}\n</div>\n'
    )


def rebuttal_heading(rebuttal: Rebuttal, level: str = "##") -> str:
    """The rebuttal's heading: the claim's opening sentence, its anchor the rebuttal's id."""
    return f"{level} {escape_markdown(heading_text(rebuttal))} {{ #{rebuttal.id} .rebuttal-heading }}\n\n"


def share_page_body(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> str:
    """The share page: the rebuttal whole, and where it stands in the reply."""
    return (rebuttal_block(question, rebuttal, citer, site_url, share_file(rebuttal.id), level="#") + "\n"
            + share_page_context(question, rebuttal, citer.reply.respondent))


def share_page_context(question: Question, rebuttal: Rebuttal, respondent: str, as_html: bool = False) -> str:
    """Where the share page's rebuttal stands in the reply: Markdown for the engines, or `as_html` as they
    render it, for the finalise step, which makes the share pages (finalise/share_pages.py)."""
    page, there = share_file(rebuttal.id), question.page
    whose = html.escape(possessive(respondent), quote=False) if as_html else escape_markdown(possessive(respondent))
    position, count = question.rebuttals.index(rebuttal) + 1, len(question.rebuttals)
    return (f'<p class="rebuttal-context"{"" if as_html else " markdown"}>A passage of {whose} '
            f"comment and the author's reply to it: passage {position} of {count} under "
            f"{anchor(f'question {question.number}', page, there, as_html)}. "
            f"{anchor('Read it in context', page, f'{there}#{rebuttal.id}', as_html)}.</p>\n")


def anchor(text: str, page: str, target: str, as_html: bool = False, css_class: str = "") -> str:
    """A link from the generated file `page` to `target` ('question-7.md#claim'): Markdown, or `as_html`
    as the engines render it (`text` is Markdown or HTML already; a link to the page itself is './')."""
    path, _, fragment = target.partition("#")
    fragment = "#" + fragment if fragment else ""
    if as_html:
        href = "./" if path == page else relative(url_of(page), url_of(path))
        attributes = f' class="{css_class}"' if css_class else ""
        return f'<a{attributes} href="{href}{fragment}">{text}</a>'
    return f"[{text}]({link(page, path)}{fragment})" + (f"{{ .{css_class} }}" if css_class else "")


def rebuttal_links(question: Question, rebuttal: Rebuttal, page: str, as_html: bool = False) -> list[str]:
    """The rebuttal's links on `page`: to its share page, and, away from its question page, to its place there."""
    links = [anchor(SHARE_LINK, page, share_file(rebuttal.id), as_html, "share-link")]
    if page != question.page:
        links.append(anchor(f"{CONTEXT_LINK} {question.number}", page, f"{question.page}#{rebuttal.id}", as_html,
                            "context-link"))
    return links


def rebuttal_actions(question: Question, rebuttal: Rebuttal, page: str) -> str:
    """The rebuttal's links on `page` (a share page, the one-page view), as the engines render them
    from its Markdown, for the finalise step, which makes those pages from the question pages."""
    links = rebuttal_links(question, rebuttal, page, as_html=True)
    return f'<p class="rebuttal-actions">{" ".join(links)}</p>'
