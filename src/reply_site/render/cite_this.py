"""'Cite this': ready citations of the reply, a question page or one rebuttal.

Only what the source states is used: the reply names no author and no date unless
the front matter gives them, and then the citation says so instead of guessing.
"""

from __future__ import annotations

import html
import re

from ..addresses import absolute, page_path, share_path
from ..model import Question, Rebuttal, Reply
from ..text import lead


def year(reply: Reply) -> str:
    return reply.date[:4]


def cite_text(reply: Reply, url: str, part: str = "") -> str:
    """A citation in plain text, e.g. for an email or a footnote."""
    who = " and ".join(reply.authors) or "Author not named"
    when = f" ({year(reply)})" if year(reply) else ""
    title = reply.meta["title"]
    part = f", {part.removesuffix('.')}" if part else ""  # the part may end a sentence of its own
    return f"{who}{when}. “{title}”{part}. {url}"


def bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def cite_bibtex(reply: Reply, key: str, url: str, part: str = "") -> str:
    fields = [("author", " and ".join(reply.authors)), ("title", bibtex_escape(reply.meta["title"])),
              ("year", year(reply)), ("howpublished", f"\\url{{{url}}}"), ("url", url),
              ("note", bibtex_escape(part or f"Reply to {reply.meta['responds_to']['title']}"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}"


def rebuttal_part(reply: Reply, question: Question, rebuttal: Rebuttal) -> str:
    """Which part of the reply: the question, and the claim answered (its quotation marks as written)."""
    return f"question {question.number}, reply to {reply.respondent}: {lead(rebuttal.quote[0].text, 80)}"


def rebuttal_citation(reply: Reply, question: Question, rebuttal: Rebuttal, site_url: str) -> tuple[str, str]:
    """A rebuttal is cited by its share page: its own address, which shows it whole."""
    url = absolute(site_url, share_path(rebuttal.id))
    part = rebuttal_part(reply, question, rebuttal)
    return cite_text(reply, url, part), cite_bibtex(reply, f"reply:{rebuttal.id}", url, part)


def page_citation(reply: Reply, question: Question | None, site_url: str) -> tuple[str, str]:
    if question is None:
        url = absolute(site_url, "")
        return cite_text(reply, url), cite_bibtex(reply, "reply", url)
    url = absolute(site_url, page_path(question))
    part = f"question {question.number}"
    return cite_text(reply, url, part), cite_bibtex(reply, f"reply:{question.slug}", url, part)


def cite_block(title: str, citation: tuple[str, str]) -> str:
    """A collapsed 'Cite this' block with the citation as text and as BibTeX (not indexed by search).
    Written as HTML code blocks (the theme gives each a copy button): no highlighter runs over them."""
    text, bibtex = citation
    return (f'<details class="cite" data-search-exclude markdown>\n<summary>{title}</summary>\n\n'
            f"As text:\n\n<pre><code>{html.escape(text)}</code></pre>\n\n"
            f"As BibTeX:\n\n<pre><code>{html.escape(bibtex)}</code></pre>\n\n</details>\n")
