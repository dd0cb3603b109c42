"""The model rendered as Markdown pages: pure functions, the same model gives the same bytes."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..addresses import PDF, RECORD_PAGE, WHOLE_REPLY, share_file
from ..model import Question, Rebuttal, Reply
from ..source.bibliography import Reference
from ..text import escape_markdown, possessive
from .cite_this import cite_block, page_citation
from .citations import Citer
from .rebuttals import heading_text, rebuttal_block, rebuttal_heading, share_page_body

EDITORIAL_GROUPING = ("The reply as received does not say which question each passage addresses: "
                      "the passages are grouped under the questions by this site's editors.")


def whole_reply_links(has_pdf: bool) -> str:
    """Where to read the reply whole: on one page, and as a PDF when the build makes one."""
    pdf = f", or [as a PDF]({PDF})" if has_pdf else ""
    return f'<p class="whole-reply-links" markdown>[Read the whole reply]({WHOLE_REPLY}) on one page{pdf}.</p>'


def grouping_note(reply: Reply) -> str:
    """What the site says about who placed the passages under the questions ("" when the author did)."""
    return EDITORIAL_GROUPING if reply.grouping_is_editorial else ""


@dataclass(frozen=True)
class Page:
    """A generated page: its title and description (the engines read them from front matter) and its body."""

    title: str
    body: str
    description: str = ""
    searched: bool = True  # False: a copy of what other pages hold, left out of the search index

    @property
    def markdown(self) -> str:
        def quote(value: str) -> str:
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

        search = "" if self.searched else "search:\n  exclude: true\n"
        return f"---\ntitle: {quote(self.title)}\ndescription: {quote(self.description)}\n{search}---\n\n{self.body}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def home_page(reply: Reply, site_url: str, has_record: bool = False, has_pdf: bool = True) -> Page:
    responds_to, respondent = reply.meta["responds_to"], escape_markdown(reply.respondent)
    whose = escape_markdown(possessive(reply.respondent))
    lines = [f"# {reply.title}\n"]
    lines += ['<div class="reply-preamble" markdown>\n']
    lines += [paragraph.text + "\n" for paragraph in reply.preamble]
    lines += ["</div>\n", f"{whole_reply_links(has_pdf)}\n"]
    where = (f"docket [{escape_markdown(str(responds_to['docket']))}]({responds_to['url']})"
             if responds_to.get("docket") else f"[the docket]({responds_to['url']})")
    inquiry = f" of {escape_markdown(responds_to['inquiry'])}" if responds_to.get("inquiry") else ""
    lines += [
        '!!! info "About this site"\n',
        f"    This site publishes a written reply to {escape_markdown(responds_to['title'])}, filed in "
        f"{where}{inquiry}. Every word of the reply is the author's, unchanged; headings, notes like this one "
        "and the references are the site's." + (f" See [what the site changed from the reply as received]"
                                                  f"({RECORD_PAGE}), and download it as received." if has_record
                                                  else "") + "\n",
        "## How to read it\n",
        f"Each passage quoted from {whose} comment is shown in a marked block, labelled "
        f"*{respondent}*; the author's reply follows it as plain text. Numbers in brackets, such as "
        "\\[1\\], are citations: hover over one to see the reference, or follow it to the "
        "[references](references.md). Each passage has a link of its own to share: its preview shows "
        "the author's reply.\n",
    ]
    if grouping_note(reply):
        lines.append(f"{grouping_note(reply)}\n")
    lines += ["## The questions\n", "| Question | Passages answered |", "| --- | --- |"]
    for question in reply.questions:
        lines.append(f"| [{escape_markdown(question.text)}]({question.page}) | {len(question.rebuttals)} |")
    lines.append("\n" + cite_block("Cite the whole reply", page_citation(reply, None, site_url)))
    return Page(reply.meta["title"], "\n".join(lines))


def question_page(question: Question, citer: Citer, site_url: str, has_pdf: bool = True) -> Page:
    reply = citer.reply
    count = plural(len(question.rebuttals), "passage")
    note = " ".join(filter(None, [f"{count} answered.", grouping_note(reply)]))
    parts = [
        f"# Question {question.number}\n",
        f'<p class="inquiry-question"><span class="label">The Copyright Office asks</span> '
        f'<span class="question-text">{html.escape(question.text)}</span></p>\n',
        f'<p class="grouping-note">{note}</p>\n',
        f"{whole_reply_links(has_pdf)}\n",
    ]
    if not question.rebuttals:
        whose = escape_markdown(possessive(reply.respondent))
        parts.append(f"No passage of {whose} comment is answered under this question.\n")
    parts += [rebuttal_block(question, rebuttal, citer, site_url, question.page) for rebuttal in question.rebuttals]
    parts.append(cite_block("Cite this page", page_citation(reply, question, site_url)))
    return Page(f"Question {question.number}", "\n".join(parts))


# What stands for a rebuttal's body on the one-page view the engine builds: the finalise step puts
# there the rebuttal from its question page (finalise/whole_reply.py), rendered once.
REBUTTAL_BODY = "ZzRebuttalBodyZz"


def whole_reply_page(citer: Citer, site_url: str, has_pdf: bool = True, bodies: bool = False) -> Page:
    """The whole reply on one page, in the order received: the author's heading and preamble, then
    each question with its passages. Each passage links to its permanent address on its question page.
    Each rebuttal's body is REBUTTAL_BODY below its heading; with `bodies`, written out (what the
    finalise step makes of it, and what tests/test_made_pages.py has every engine build)."""
    reply = citer.reply
    parts = [f"# {reply.title}\n", '<div class="reply-preamble" markdown>\n',
             *(paragraph.text + "\n" for paragraph in reply.preamble), "</div>\n",
             '<p class="grouping-note">The whole reply on one page. Each passage keeps its permanent address '
             f"on its question page. {grouping_note(reply)}</p>\n"]
    if has_pdf:
        parts.append(f'<p class="whole-reply-links" markdown>[Download it as a PDF]({PDF}).</p>\n')
    for question in reply.questions:
        parts += [f"## Question {question.number} {{ #{question.slug} }}\n",
                  f'<p class="inquiry-question"><span class="label">The Copyright Office asks</span> '
                  f'<span class="question-text">{html.escape(question.text)}</span></p>\n']
        parts += [rebuttal_block(question, rebuttal, citer, site_url, WHOLE_REPLY, level="###", cite=False)
                  if bodies else rebuttal_heading(rebuttal, "###") + REBUTTAL_BODY + "\n"
                  for rebuttal in question.rebuttals]
    return Page("The whole reply", "\n".join(parts), searched=False)


def reference_entry(number: int, reference: Reference, places: list[tuple[Question, Rebuttal]]) -> str:
    parts = [escape_markdown(part) for part in reference.parts()]
    title_index = 1 if reference.authors else 0
    parts[title_index] = f"[{parts[title_index]}]({reference.field('url')})"
    body = " ".join(part.rstrip(".") + "." for part in parts)
    cited_in = ", ".join(f"[Question {question.number}: {escape_markdown(heading_text(rebuttal))}]"
                         f"({question.page}#{rebuttal.id})" for question, rebuttal in places)
    return (f"## \\[{number}\\] {escape_markdown(reference.short)} {{ #ref-{reference.key} }}\n\n{body}\n\n"
            f'<p class="cited-in" markdown>Cited in: {cited_in}</p>\n')


def references_page(reply: Reply, citer: Citer) -> Page:
    parts = ["# References\n",
             "The works cited in the reply, numbered in order of first citation. "
             "The entries are the site's, written from checked bibliographic facts.\n"]
    for number, reference in enumerate(citer.cited(), start=1):
        places = [(q, r) for q in reply.questions for r in q.rebuttals if reference.key in r.citation_keys]
        parts.append(reference_entry(number, reference, places))
    return Page("References", "\n".join(parts), "The works cited in the reply, with where each is cited.")


def render_pages(citer: Citer, site_url: str, has_record: bool = False, has_pdf: bool = True) -> dict[str, Page]:
    """Every page made from the reply: file name -> page (share pages included). `site_url` makes
    the citations of "Cite this" absolute; `has_record`: the site publishes the reply as received;
    `has_pdf`: and as a PDF."""
    reply = citer.reply
    pages = {"index.md": home_page(reply, site_url, has_record, has_pdf)}
    for question in reply.questions:
        pages[question.page] = question_page(question, citer, site_url, has_pdf)
    pages["references.md"] = references_page(reply, citer)
    pages[WHOLE_REPLY] = whole_reply_page(citer, site_url, has_pdf)
    for question in reply.questions:
        for rebuttal in question.rebuttals:
            pages[share_file(rebuttal.id)] = Page(heading_text(rebuttal),
                                                       share_page_body(question, rebuttal, citer, site_url),
                                                       searched=False)
    return pages


NAVIGATION_FANOUT = 12  # entries a section of the navigation lists at most


def navigation(reply: Reply, has_record: bool = False) -> list[dict]:
    """The site's navigation: the questions in order, listed flat when they are few; for a long reply
    in nested sections of at most NAVIGATION_FANOUT entries, so that a page (whose navigation shows
    only its own section, `navigation.prune`) lists a number of entries that grows with the log of
    the questions, not with their count."""
    questions: list[dict] = [{f"Question {q.number}": q.page} for q in reply.questions]
    numbers = [[q.number] for q in reply.questions]
    while len(questions) > NAVIGATION_FANOUT:
        groups = range(0, len(questions), NAVIGATION_FANOUT)
        questions = [{f"Questions {numbers[i][0]}–{numbers[min(i + NAVIGATION_FANOUT, len(numbers)) - 1][-1]}":
                      questions[i:i + NAVIGATION_FANOUT]} for i in groups]
        numbers = [[numbers[i][0], numbers[min(i + NAVIGATION_FANOUT, len(numbers)) - 1][-1]] for i in groups]
    record = [{"From the record to this site": RECORD_PAGE}] if has_record else []
    return ([{"Home": "index.md"}, {"The whole reply": WHOLE_REPLY}, *questions,
             {"References": "references.md"}, *record, {"Changelog": "changelog.md"},
             {"The reply as data": "data.md"}, {"Crawlers": "crawlers.md"}])
