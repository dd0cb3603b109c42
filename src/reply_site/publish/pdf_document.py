"""The whole reply as one HTML document for the PDF (`reply.pdf`): made from the model, no engine's page.

The reply's words are the `<article>`; everything else is the document's own apparatus and
sits outside it or is tagged so in the PDF's structure: labels are captions (`<figcaption>`),
citations are links, and the title block, the references and the page margins are outside the
article. A screen reader, and tests/test_pdf.py, can tell the two apart by that alone.
"""

from __future__ import annotations

from html import escape

import markdown

from ..model import Paragraph, Question, Rebuttal, Reply
from ..render.citations import Citer
from ..render.pages import grouping_note
from ..text import possessive

LANGUAGE = "en"  # the site's language (theme.language in mkdocs.yml)


def paragraphs(items: list[Paragraph], citer: Citer) -> str:
    """Paragraphs of the source as HTML, converted as the site converts them, citations as links "[n]"."""
    converter = markdown.Markdown(extensions=["attr_list"])
    # The PDF keeps every space (pdf.css): a line break of the source is a space, as in HTML.
    return "\n".join(converter.reset().convert(citer.render(p.text, page="")).replace("\n", " ") for p in items)


def head(reply: Reply, changed: str | None) -> str:
    """Title, language, author and dates: what WeasyPrint writes into the PDF's metadata."""
    meta = [("description", f"A reply to {reply.meta['responds_to']['title']}")]
    meta += [("author", name) for name in reply.authors]
    meta += [("dcterms.created", reply.date)] if reply.date else []
    meta += [("dcterms.modified", changed)] if changed else []
    tags = "".join(f'<meta name="{name}" content="{escape(value)}">\n' for name, value in meta)
    return f'<head>\n<meta charset="utf-8">\n<title>{escape(reply.meta["title"])}</title>\n{tags}</head>'


def title_block(reply: Reply, site_url: str, changed: str | None) -> str:
    """What the document is, whom it answers, where it is published and when its text last changed."""
    responds_to = reply.meta["responds_to"]
    docket = (f', docket <a href="{escape(responds_to["url"])}">{escape(str(responds_to["docket"]))}</a>'
              if responds_to.get("docket") else "")
    byline = ", ".join(filter(None, [" and ".join(reply.authors), reply.date]))
    published = f'Published at <a class="site-address" href="{escape(site_url)}">{escape(site_url)}</a>.'
    if changed:
        published += f' Text last changed on <time datetime="{escape(changed)}">{escape(changed)}</time>.'
    respondent = escape(reply.respondent)
    reading = (f"Passages quoted from {escape(possessive(reply.respondent))} comment are set in, with a rule at "
               f"their left, and labelled {respondent}; the author's reply follows each one. Numbers in brackets "
               "are citations of the references at the end. Every word of the reply is the author's, unchanged; "
               f"this block, the labels and the references are the site's. {escape(grouping_note(reply))}")
    lines = [f'<p class="document-title">{escape(reply.meta["title"])}</p>',
             f'<p class="responds-to">A reply to {escape(responds_to["title"])}{docket}.</p>',
             f'<p class="byline">{escape(byline)}</p>' if byline else "",
             f'<p class="published">{published}</p>', f'<p class="how-to-read">{reading.strip()}</p>']
    return '<header class="title-block">\n' + "\n".join(filter(None, lines)) + "\n</header>"


def rebuttal_html(rebuttal: Rebuttal, citer: Citer) -> str:
    return (f'<div class="rebuttal" id="{rebuttal.id}">\n<figure class="respondent-quote">\n'
            f"<figcaption>{escape(citer.reply.respondent)}</figcaption>\n"
            f"<blockquote>\n{paragraphs(rebuttal.quote, citer)}\n</blockquote>\n</figure>\n"
            f'<div class="author-reply">\n{paragraphs(rebuttal.reply, citer)}\n</div>\n</div>')


def question_html(question: Question, citer: Citer) -> str:
    label = "The Copyright Office asks"
    if not question.rebuttals:
        whose = escape(possessive(citer.reply.respondent))
        label += f' <span class="note">(no passage of {whose} comment is answered under this question)</span>'
    return "\n".join([
        f'<section class="question" id="{question.slug}">',
        f'<figure class="inquiry-question">\n<figcaption>{label}</figcaption>\n'
        f'<h2 data-number="{escape(question.number)}">{escape(question.text)}</h2>\n</figure>',
        *(rebuttal_html(rebuttal, citer) for rebuttal in question.rebuttals),
        "</section>"])


def article(citer: Citer) -> str:
    """The reply itself: the author's heading and preamble, then each question with its passages."""
    reply = citer.reply
    return "\n".join([
        '<article class="reply">', f"<h1>{escape(reply.title)}</h1>",
        f'<div class="reply-preamble">\n{paragraphs(reply.preamble, citer)}\n</div>',
        *(question_html(question, citer) for question in reply.questions), "</article>"])


def references(citer: Citer) -> str:
    """The works cited, numbered by first citation, each with its URL and where it is cited."""
    entries = []
    for reference in citer.cited():
        number = citer.number[reference.key]
        places = [(question, rebuttal) for question in citer.reply.questions for rebuttal in question.rebuttals
                  if reference.key in rebuttal.citation_keys]
        cited_in = ", ".join(f'<a href="#{rebuttal.id}">question {escape(question.number)}</a>'
                             for question, rebuttal in places)
        body = " ".join(escape(part.rstrip(".") + ".") for part in reference.parts())
        url = escape(reference.field("url"))
        entries.append(f'<li id="ref-{reference.key}"><span class="number">[{number}]</span> {body} '
                       f'<a class="url" href="{url}">{url}</a> <span class="cited-in">Cited in {cited_in}.</span>'
                       "</li>")
    if not entries:
        return ""
    return ('<section class="references" id="references">\n<h2>References</h2>\n'
            '<p class="intro">The works cited in the reply, numbered in order of first citation. The entries are '
            "the site's, written from checked bibliographic facts.</p>\n<ol>\n" + "\n".join(entries) + "\n</ol>\n"
            "</section>")


def document_html(citer: Citer, site_url: str, changed: str | None) -> str:
    """The whole document: the same model, address and date give the same text."""
    body = "\n".join([title_block(citer.reply, site_url, changed), article(citer), references(citer)])
    return (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}">\n{head(citer.reply, changed)}\n'
            f"<body>\n{body}\n</body>\n</html>\n")
