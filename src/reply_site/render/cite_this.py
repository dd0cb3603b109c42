"""'Cite this': ready citations of the reply, a question page or one rebuttal.

Only what the source states is used: the reply names no author and no date unless
the front matter gives them, and then the citation says so instead of guessing.
"""

from __future__ import annotations

import re

from ..addresses import absolute, page_path, rebuttal_path
from ..text import headline
from ..model import Question, Rebuttal, Reply


def year(reply: Reply) -> str:
    return reply.date[:4]


def cite_text(reply: Reply, url: str, part: str = "") -> str:
    """A citation in plain text, e.g. for an email or a footnote."""
    who = " and ".join(reply.authors) or "Author not named"
    when = f" ({year(reply)})" if year(reply) else ""
    title = reply.meta["title"]
    return f"{who}{when}. “{title}”{', ' + part if part else ''}. {url}"


def bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def cite_bibtex(reply: Reply, key: str, url: str, part: str = "") -> str:
    fields = [("author", " and ".join(reply.authors)), ("title", bibtex_escape(reply.meta["title"])),
              ("year", year(reply)), ("howpublished", f"\\url{{{url}}}"), ("url", url),
              ("note", bibtex_escape(part or f"Reply to {reply.meta['responds_to']['title']}"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}"


def rebuttal_part(question: Question, rebuttal: Rebuttal) -> str:
    return f"question {question.number}, rebuttal of “{headline(rebuttal.quote[0].text).rstrip('.')}”"


def rebuttal_citation(reply: Reply, question: Question, rebuttal: Rebuttal, site_url: str) -> tuple[str, str]:
    url = absolute(site_url, rebuttal_path(question, rebuttal))
    part = rebuttal_part(question, rebuttal)
    return cite_text(reply, url, part), cite_bibtex(reply, f"reply:{rebuttal.id}", url, part)


def page_citation(reply: Reply, question: Question | None, site_url: str) -> tuple[str, str]:
    if question is None:
        url = absolute(site_url, "")
        return cite_text(reply, url), cite_bibtex(reply, "reply", url)
    url = absolute(site_url, page_path(question))
    part = f"question {question.number}"
    return cite_text(reply, url, part), cite_bibtex(reply, f"reply:{question.slug}", url, part)
