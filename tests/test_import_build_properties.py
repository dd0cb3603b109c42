"""From a raw export to generated pages, nothing is lost (hypothesis).

Generated replies (random questions, quotes, replies, links, Unicode punctuation,
page-break splits) go through the importer, are completed as a reviewer would (what the
reply responds to, the titles of the BibTeX stubs), and are built into pages:
every word of the input is in the model in order, every paragraph is on a page, and
any input whatsoever either builds or fails with FILE:LINE problems, never a traceback.
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
from test_importer_properties import ANY_TEXT, document, words

EXAMPLES = 600 if os.environ.get("CI") == "true" else 150  # CI runs enough to matter
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def review(result, folder: Path) -> tuple[Path, Path]:
    """Complete the importer's output as a reviewer would, and write it to `folder`."""
    front, body = result.markdown.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    meta.setdefault("respondent", "Example Corp")
    meta["responds_to"] = {"title": "Example Corp's comment", "url": "https://example.org/docket"}
    source = folder / "reply.md"
    source.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    bib = folder / "references.bib"
    bib.write_text(re.sub(r"note = \{TODO: complete this entry\}", "title = {A work}", result.bibtex),
                   encoding="utf-8")
    return source, bib


def model_words(reply) -> list[str]:
    paragraphs = [reply.title] + [p.text for p in reply.preamble] + [q.text for q in reply.questions]
    paragraphs += [p.text for r in reply.rebuttals for p in r.quote + r.reply]
    return words("\n\n".join(paragraphs))


@SETTINGS
@given(generated=document())
def test_every_word_of_a_generated_reply_reaches_the_pages_in_order(tmp_path_factory, generated):
    raw, expected = generated
    numbers = [question.split()[0] for question in expected["questions"]]
    assume(len(set(numbers)) == len(numbers))  # the builder rightly refuses a question asked twice
    paragraphs = expected["preamble"] + [r for _, replies in expected["rebuttals"] for r in replies]
    assume(not any(p.startswith("#") for p in paragraphs))  # would be a heading: refused, see the other test
    folder = tmp_path_factory.mktemp("reply")
    result = render(*review(import_reply(raw, "raw.txt"), folder), root=folder)
    assert model_words(result.reply) == words(raw)
    citer = Citer(result.reply, result.references)
    for question in result.reply.questions:
        page = result.pages[question.page]
        for rebuttal in question.rebuttals:
            for paragraph in rebuttal.quote + rebuttal.reply:
                assert citer.render(paragraph.text) in page


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
    assert model_words(result.reply) == words(text.removeprefix("\ufeff"))
