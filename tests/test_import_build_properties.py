"""From a raw export to generated pages, nothing is lost (hypothesis).

Generated replies (random questions, listed or placed between the passages, quotes of one
paragraph or several, indented or in quotation marks, replies, links, Unicode punctuation,
page-break splits) go through the importer, are completed as a reviewer would (the
respondent when no format note names it, what the reply responds to, the titles of the
BibTeX stubs), and are built into pages: every word of the input is in the model in order
(a question asked again counts once), every paragraph is on a page, every quote in a quote
block, and any input whatsoever either builds or fails with FILE:LINE problems, never a
traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings

from reply_site.render.citations import Citer
from reply_site.errors import SourceError
from reply_site.importer import import_reply
from rendered import render
from test_importer_properties import ANY_TEXT, document, input_words, words

EXAMPLES = 600 if os.environ.get("CI") == "true" else 150  # CI runs enough to matter
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def review(result, folder: Path) -> tuple[Path, Path]:
    """Complete the importer's output as a reviewer would, and write it to `folder`."""
    front, body = result.markdown.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    meta["respondent"] = meta.get("respondent") or "Example Corp"
    meta["responds_to"] = {"title": "Example Corp's comment", "url": "https://example.org/docket"}
    source = folder / "reply.md"
    source.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    bib = folder / "references.bib"
    bib.write_text(re.sub(r"note = \{TODO: complete this entry\}", "title = {A work}", result.bibtex),
                   encoding="utf-8")
    return source, bib


def model_words(reply) -> list[str]:
    """The words of the model in reading order: each question, then the rebuttals under it."""
    paragraphs = [reply.title] + [p.text for p in reply.preamble]
    for question in reply.questions:
        paragraphs += [question.text] + [p.text for r in question.rebuttals for p in r.quote + r.reply]
    return words("\n\n".join(paragraphs))


def blocks(page: str, opening: str, closing: str) -> list[str]:
    """The text of each block of a page between `opening` and `closing`, in order."""
    return re.findall(rf"{re.escape(opening)}\n\n(.*?)\n\n{re.escape(closing)}", page, re.S)


@SETTINGS
@given(generated=document())
def test_every_word_of_a_generated_reply_reaches_the_pages_in_order(tmp_path_factory, generated):
    raw, expected = generated
    paragraphs = expected["preamble"] + [p for _, quote, replies in expected["rebuttals"] for p in quote + replies]
    assume(not any(p.startswith("#") for p in paragraphs))  # would be a heading: refused, see the other test
    folder = tmp_path_factory.mktemp("reply")
    imported = import_reply(raw, "raw.txt")
    result = render(*review(imported, folder), root=folder)
    assert model_words(result.reply) == input_words(raw, imported.counted_once)
    assert [(q.number, [" ".join(p.text.split()) for p in r.quote]) for q in result.reply.questions
            for r in q.rebuttals] == [(number, quote) for number, quote, _ in expected["rebuttals"]]
    citer = Citer(result.reply, result.references)
    for question in result.reply.questions:
        page = result.pages[question.page]
        quotes = blocks(page, "<blockquote markdown>", "</blockquote>")
        replies = blocks(page, '<div class="author-reply" markdown>', "</div>")
        assert len(quotes) == len(replies) == len(question.rebuttals)
        for rebuttal, quote, reply in zip(question.rebuttals, quotes, replies, strict=True):
            # The respondent's words in the rebuttal's quote block, the author's in its reply.
            assert all(citer.render(p.text) in quote for p in rebuttal.quote)
            assert all(citer.render(p.text) in reply for p in rebuttal.reply)


@SETTINGS
@given(text=ANY_TEXT)
def test_any_input_builds_or_fails_with_file_and_line(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("reply")
    try:
        imported = import_reply(text, "raw.txt")
        result = render(*review(imported, folder), root=folder)
    except SourceError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path in ("raw.txt", "reply.md", "references.bib") and problem.line >= 1
        return
    assert model_words(result.reply) == input_words(text, imported.counted_once)
