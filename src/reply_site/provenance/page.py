"""The page "From the record to this site" (`record.md`, published at `record/`): the record for
download with its SHA-256, then every difference between it and the published text, as the
comparison found it. Words of the record are quoted in <code>, escaped, never re-typeset."""

from __future__ import annotations

import hashlib
import posixpath

from ..addresses import RECORD_FILE, RECORD_PAGE
from ..render.rebuttals import link
from ..source.front_matter import HTTP_URL
from ..text import escape_markdown, possessive
from .changes import AppliedRevision, Comparison, EmphasisMark, Heading
from .record import Excerpt
from .site_notes import site_notes
from .words import WORD

TITLE = "From the record to this site"
DESCRIPTION = ("The reply exactly as received, for download with its SHA-256, and every difference between "
               "it and the text this site publishes.")
PAGE_FILE = RECORD_PAGE
PARTS = {"quote": "`{where}`, in {whose} quote", "reply": "`{where}`, in the author's reply", "title": "the title",
         "preamble": "the preamble", "question": "the text of question {where}"}


def code(text: str) -> str:
    """Words of the record or the source, shown exactly as written."""
    return f"<code>{escape_markdown(text)}</code>"


def excerpt(words: Excerpt) -> str:
    """An excerpt of the record: "…", the site's, stands outside the quoted words."""
    return ("… " if words.more_before else "") + code(words.text) + (" …" if words.more_after else "")


def passage(opening: Excerpt, closing: Excerpt) -> str:
    """A passage by its first and last words ("…" for what lies between), or whole when it is short."""
    return f"{code(opening.text)} … {code(closing.text)}" if opening.more_after else code(opening.text)


def numbered(items: list[str]) -> list[str]:
    return [f"{number}. {item}" for number, item in enumerate(items, start=1)] or ["None."]


def lines(first: int, last: int, between: str = "to") -> str:
    return f"Record line {first}" if first == last else f"Record lines {first} {between} {last}"


def provenance_page(comparison: Comparison, record_bytes: bytes, record_file: str = RECORD_FILE,
                    page_file: str = PAGE_FILE) -> str:
    """The page's Markdown body; `record_file` is where the record is published below the docs folder."""
    reply, source = comparison.reply, f"`{comparison.reply.path}`"
    respondent = escape_markdown(reply.respondent)
    whose = escape_markdown(possessive(reply.respondent))
    name = posixpath.basename(record_file)
    parts = [
        f"# {TITLE}\n",
        "The reply was received as a text file exported from a word processor. That file is the record: it "
        "never changes. It is published here byte for byte, and everything this site shows of the reply is "
        "checked against it.\n",
        f"- The record: [{escape_markdown(name)}]({link(page_file, record_file)}) ({len(record_bytes):,} bytes)",
        f"- Its SHA-256: `{hashlib.sha256(record_bytes).hexdigest()}`\n",
        f"To check a copy, compute its SHA-256 (for example with `sha256sum {name}`): it must be the value above.\n",
        "## How this list is made\n",
        f"Every build of the site compares the record with the text it publishes, word by word and character by "
        f"character (a straight quotation mark is not a curly one), and fails if they differ in any way that is "
        f"neither an editorial change listed below nor a revision the author approved. This page is produced by "
        f"that same comparison, so it cannot drift from the text: nothing in the lists is written by hand. "
        f"It compared the record's {comparison.words:,} words. A record line is a line of {escape_markdown(name)}, "
        f"a source line a line of {source}, the file the site is built from. Words quoted from either are shown "
        f"exactly as written, marks included, in a monospaced font.\n",
        "## Editorial changes\n",
        f"### Paragraphs joined at page breaks ({len(comparison.joins)})\n",
        "The export breaks some of the reply's paragraphs in two where a page of the original ended. The site "
        "shows the two parts as one paragraph. For each: the last words before the break and the first after it.\n",
        *numbered([f"{lines(*join.record_lines, 'and')}, source line {join.source_line}: {excerpt(join.before)} | "
                   f"{excerpt(join.after)}" for join in comparison.joins]),
        "",
        f"### Passages marked as {whose} quotes ({len(comparison.quotes)})\n",
        f"Each passage the reply quotes from {whose} comment is shown in a marked block labelled *{respondent}*. "
        "For each: its first and last words in the record.\n",
        *numbered([f"{lines(*quote.record_lines)}, source line {quote.source_line} (`{quote.rebuttal}`): "
                   f"{passage(quote.opening, quote.closing)}" for quote in comparison.quotes]),
        "",
        f"### Citations ({len(comparison.citations)})\n",
        "Each citation marker `[@key]` of the source is shown as a numbered link to the references. Where the "
        "record has a link, the citation takes its place.\n",
        *numbered([f"Source line {mark.source_line}, `{mark.marker}` after {code(mark.after)}: "
                   + (f"in place of the record's link {code(mark.link)} (record line {mark.record_line})"
                      if mark.link else f"added: the record has no link here (record line {mark.record_line})")
                   for mark in comparison.citations]),
        "",
        f"### Emphasis ({len(comparison.emphasis)})\n",
        *numbered([emphasis_item(mark) for mark in comparison.emphasis]),
        "",
        f"### Headings ({len(comparison.headings)})\n",
        *numbered([heading_item(heading) for heading in comparison.headings]),
        "",
    ]
    if reply.grouping_is_editorial:
        parts += ["The reply as received lists the questions before the passages and does not say which question "
                  "each passage addresses: the passages are grouped under the questions by this site's editors.\n"]
    parts += [
        "## Revisions approved by the author\n",
        f"No word of the author's or of {whose} changes without the author's approval. Such a change is declared "
        "in `revisions.yml`, with its date and a reference to the approval, and the build applies it to the "
        "record before comparing.\n",
        *(numbered([revision_item(revision, whose) for revision in comparison.revisions]) if comparison.revisions
          else ["No revision has been declared: the published words are the record's."]),
        "",
        "## What the site adds\n",
        "Around the reply's words the site adds headings, labels and notes of its own; none of them is the "
        "author's:\n",
        *[f"- {note.what}" + (": " + ", ".join(code(words) for words in note.shown) if note.shown else "") + "."
          for note in site_notes(reply)],
    ]
    return "\n".join(parts) + "\n"


def emphasis_item(mark: EmphasisMark) -> str:
    how = {"as in the record": f"in {mark.kind}, as the record marks it",
           "added": f"in {mark.kind}: added, the record has no emphasis here",
           "changed": f"in {mark.kind}, where the record has {mark.record_kind}",
           "left out": f"without the record's {mark.kind}"}[mark.status]
    return f"Record line {mark.record_line}, source line {mark.source_line}: {code(mark.words)} {how}"


def heading_item(heading: Heading) -> str:
    if heading.what == "title":
        return (f"The title, the record's first paragraph (record line {heading.record_line}), is the heading of "
                f"the home page (source line {heading.source_line})")
    count = len(heading.rebuttals)
    under = (f", with {count} passage{'' if count == 1 else 's'} under it: "
             + ", ".join(f"`{rebuttal}`" for rebuttal in heading.rebuttals)) if count else ", with no passage under it"
    return (f"Question {heading.what} (record line {heading.record_line}) is the heading of its page, "
            f"*Question {heading.what}* (source line {heading.source_line}){under}")


def revision_item(applied: AppliedRevision, whose: str) -> str:
    revision = applied.revision
    part = PARTS.get(applied.part, "`{where}`").format(whose=whose, where=revision.where)
    where = f"source line {applied.source_line}" if applied.source_line else "replaced by a later revision"
    approval = f"<{revision.approval}>" if HTTP_URL.match(revision.approval) else code(revision.approval)
    note = f" {escape_markdown(revision.note.strip())}" if revision.note.strip() else ""
    old, new = (code(" ".join(WORD.findall(words))) for words in (revision.old, revision.new))
    return (f"{revision.date}, {part} (record line {applied.record_line}, {where}): {old} became {new}. "
            f"Approved: {approval}.{note}")
