"""Another author's reply to another company: imported, then built, it never names Stability AI.

The synthetic reply tests/fixtures/importer/other-respondent/input.txt answers Example Corp
(its format note says so). It is imported, completed as a reviewer would, and built in
process in a copy of this project whose mkdocs.yml names the new site (its name, description
and repository are the new author's settings, not the reply's). Every generated file, every
hand-written page, every page's head (title, description, structured data) and the text
every preview card draws must then name Example Corp and never Stability AI.
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, make_project
from reply_site.importer import import_reply
from reply_site.publish.cards import card_arguments
from reply_site.settings import Settings
from reply_site.site_build import SiteBuild
from reply_site.source.text_file import read_text
from test_import_build_properties import review

RAW = FIXTURES / "importer" / "other-respondent" / "input.txt"
STABILITY = re.compile(r"stability", re.IGNORECASE)
SITE = {"site_name": '"Reply to Example Corp on AI training"',
        "site_description": '"A written reply to Example Corp\'s comment, passage by passage."',
        "repo_url": '"https://example.org/reply-to-example-corp"'}


@pytest.fixture(scope="module")
def imported():
    return import_reply(read_text(RAW), "other-respondent/input.txt")


@pytest.fixture(scope="module")
def build(imported, tmp_path_factory) -> SiteBuild:
    folder = tmp_path_factory.mktemp("other-respondent")
    project = make_project(folder / "project", *review(imported, folder))
    config = project / "mkdocs.yml"
    text = read_text(config)
    for key, value in SITE.items():
        text = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text)
    config.write_text(text, encoding="utf-8")
    return SiteBuild(Settings.load(config))


def mentions(texts: dict[str, str]) -> list[str]:
    """Where `texts` (place -> text) mention Stability AI, with the words around."""
    return [f"{place}: …{text[max(0, m.start() - 40):m.end() + 20]}…".replace("\n", " ")
            for place, text in texts.items() for m in STABILITY.finditer(text)]


def test_the_importer_reads_the_respondent_and_never_names_stability_ai(imported):
    assert "\nrespondent: Example Corp\n" in imported.markdown
    assert "grouping: author" in imported.markdown
    assert not mentions({"markdown": imported.markdown, "report": imported.report})


def test_no_generated_file_or_page_of_the_site_mentions_stability_ai(build):
    files = {name: content for name, content in build.files().items() if isinstance(content, str)}
    docs = build.settings.docs_dir
    files.update({f"docs/{path.relative_to(docs)}": read_text(path) for path in sorted(docs.rglob("*.md"))
                  if path.name != "reply.md"})
    assert not mentions(files)
    assert "Example Corp" in files["index.md"]


def test_no_title_description_or_card_of_the_site_mentions_stability_ai(build):
    heads = {f"head of {name}": repr(build.head(name)) for name in [*build.pages, *build.hand_written]}
    cards = {f"card of {name}": " | ".join(card_arguments(preview.card)) for name, preview in build.previews.items()}
    assert not mentions(heads) and not mentions(cards)
    shared = [text for name, text in cards.items() if name.startswith("card of r/")]
    assert len(shared) == 3 and all("Example Corp" in text for text in shared)  # one card per rebuttal


def test_the_built_pages_are_grouped_as_the_author_placed_them(build):
    assert [(q.number, [r.id for r in q.rebuttals]) for q in build.reply.questions] == [
        ("1", ["our-models-learn-from-public", "every-work-is-weighed-equally"]),
        ("2", ["creators-gain-new-tools"]),
    ]
    assert len(build.reply.questions[1].rebuttals[0].quote) == 2  # two passages in a row: one quote


def test_the_respondent_shows_as_the_caption_of_each_quote(build):
    for name, question in build.questions.items():
        page = build.pages[name].markdown
        assert page.count("Example Corp</figcaption>") == len(question.rebuttals), name


def test_the_raw_reply_itself_never_names_stability_ai():
    """So that any mention in the site would come from the site."""
    assert not mentions({"input": read_text(RAW)})
