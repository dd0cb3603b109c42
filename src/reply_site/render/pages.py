"""The model rendered as Markdown pages: pure functions, the same model gives the same bytes."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..source.bibliography import Reference
from .cite_this import page_citation, rebuttal_citation
from .citations import Citer
from ..addresses import share_path
from ..text import escape, headline, summary
from ..model import Question, Rebuttal, Reply

GROUPING_NOTE = ("The reply as received does not say which question each passage addresses: "
                 "the passages are grouped under the questions by this site's editors.")


@dataclass(frozen=True)
class Page:
    """A page of the site: its title and description (the engines read them from front matter) and its body."""

    title: str
    description: str
    body: str

    @property
    def markdown(self) -> str:
        def quote(value: str) -> str:
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

        return f"---\ntitle: {quote(self.title)}\ndescription: {quote(self.description)}\n---\n\n{self.body}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def home_page(reply: Reply, site_url: str) -> Page:
    responds_to = reply.meta["responds_to"]
    lines = [f"# {reply.title}\n"]
    lines += ['<div class="reply-preamble" markdown>\n']
    lines += [paragraph.text + "\n" for paragraph in reply.preamble]
    lines += ["</div>\n"]
    where = (f"docket [{escape(str(responds_to['docket']))}]({responds_to['url']})" if responds_to.get("docket")
             else f"[the docket]({responds_to['url']})")
    inquiry = f" of {escape(responds_to['inquiry'])}" if responds_to.get("inquiry") else ""
    lines += [
        '!!! info "About this site"\n',
        f"    This site publishes a written reply to {escape(responds_to['title'])}, filed in {where}{inquiry}. "
        "Every word of the reply is the author's, unchanged; headings, notes like this one and the "
        "references are the site's.\n",
        "## How to read it\n",
        "Each passage quoted from Stability AI's comment is shown in a marked block, labelled "
        "*Stability AI*; the author's reply follows it as plain text. Numbers in brackets, such as "
        "\\[1\\], are citations: hover over one to see the reference, or follow it to the "
        "[references](references.md).\n",
        f"{GROUPING_NOTE}\n",
        "## The questions\n",
        "| Question | Rebuttals |",
        "| --- | --- |",
    ]
    for question in reply.questions:
        lines.append(f"| [{escape(question.text)}]({question.page}) | {len(question.rebuttals)} |")
    lines.append("\n" + cite_block("Cite the whole reply", page_citation(reply, None, site_url)))
    return Page(reply.meta["title"], summary(responds_to["title"]) + ": a reply, passage by passage.",
                "\n".join(lines))


def cite_block(title: str, citation: tuple[str, str]) -> str:
    """A collapsed 'Cite this' block with the citation as text and as BibTeX (not indexed by search)."""
    text, bibtex = citation
    return (f'<details class="cite" data-search-exclude markdown>\n<summary>{title}</summary>\n\n'
            f"As text:\n\n```text\n{text}\n```\n\nAs BibTeX:\n\n```bibtex\n{bibtex}\n```\n\n</details>\n")


def rebuttal_block(question: Question, rebuttal: Rebuttal, citer: Citer, site_url: str) -> str:
    quote = "\n\n".join(citer.render(p.text) for p in rebuttal.quote)
    reply = "\n\n".join(citer.render(p.text) for p in rebuttal.reply)
    cite = cite_block("Cite this rebuttal", rebuttal_citation(citer.reply, question, rebuttal, site_url))
    return (
        f"## “{escape(headline(rebuttal.quote[0].text))}” {{ #{rebuttal.id} .rebuttal-heading }}\n\n"
        f'<div class="rebuttal" markdown>\n\n'
        f'<div class="rebuttal-actions" data-search-exclude><a class="share-link" href="../{share_path(rebuttal.id)}" '
        f'title="A link whose preview shows this rebuttal">Share link</a></div>\n\n'
        f'<figure class="stability-quote" markdown>\n<blockquote markdown>\n\n{quote}\n\n</blockquote>\n'
        f"<figcaption>Stability AI</figcaption>\n</figure>\n\n"
        f'<div class="author-reply" markdown>\n\n{reply}\n\n</div>\n\n{cite}\n</div>\n'
    )


def question_page(question: Question, citer: Citer, site_url: str) -> Page:
    count = plural(len(question.rebuttals), "rebuttal")
    parts = [
        f"# Question {question.number}\n",
        f'<p class="inquiry-question"><span class="label">The Copyright Office asks</span> '
        f'<span class="question-text">{html.escape(question.text)}</span></p>\n',
        f'<p class="grouping-note">{count}. {GROUPING_NOTE}</p>\n',
    ]
    if not question.rebuttals:
        parts.append("No passage of Stability AI's comment is grouped under this question.\n")
    parts += [rebuttal_block(question, rebuttal, citer, site_url) for rebuttal in question.rebuttals]
    parts.append(cite_block("Cite this page", page_citation(citer.reply, question, site_url)))
    return Page(f"Question {question.number}", summary(question.text), "\n".join(parts))


def reference_entry(number: int, reference: Reference, places: list[tuple[Question, Rebuttal]]) -> str:
    parts = [escape(part) for part in reference.parts()]
    title_index = 1 if reference.authors else 0
    parts[title_index] = f"[{parts[title_index]}]({reference.field('url')})"
    body = " ".join(part.rstrip(".") + "." for part in parts)
    cited_in = ", ".join(
        f"[Question {question.number}, “{escape(headline(rebuttal.quote[0].text, 6))}”]"
        f"({question.page}#{rebuttal.id})" for question, rebuttal in places)
    return (f"## \\[{number}\\] {escape(reference.short)} {{ #ref-{reference.key} }}\n\n{body}\n\n"
            f'<p class="cited-in" markdown>Cited in: {cited_in}</p>\n')


def references_page(reply: Reply, citer: Citer) -> Page:
    parts = ["# References\n",
             "The works cited in the reply, numbered in order of first citation. "
             "The entries are the site's, written from checked bibliographic facts.\n"]
    for number, reference in enumerate(citer.cited(), start=1):
        places = [(q, r) for q in reply.questions for r in q.rebuttals if reference.key in r.citation_keys]
        parts.append(reference_entry(number, reference, places))
    return Page("References", "The works cited in the reply, with where each is cited.", "\n".join(parts))


def render_pages(citer: Citer, site_url: str) -> dict[str, Page]:
    """Every page made from the reply: file name -> page. `site_url` makes citations absolute."""
    reply = citer.reply
    pages = {"index.md": home_page(reply, site_url)}
    for question in reply.questions:
        pages[question.page] = question_page(question, citer, site_url)
    pages["references.md"] = references_page(reply, citer)
    return pages


def navigation(reply: Reply) -> list[dict[str, str]]:
    return ([{"Home": "index.md"}] + [{f"Question {q.number}": q.page} for q in reply.questions]
            + [{"References": "references.md"}, {"Changelog": "changelog.md"}, {"The reply as data": "data.md"},
               {"Crawlers": "crawlers.md"}])
