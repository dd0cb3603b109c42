"""reply.pdf: the whole reply, read back from the PDF as a screen reader reads it (its structure tree).

The reply's words are what the PDF tags as its article (`Art`), leaving out the captions (the
labels naming the respondent or the Copyright Office) and the links (the citation numbers) in it;
the title block, the references and the page margins are outside the article. So the fidelity
check reads the reply's parts by the PDF's own tags, never by matching the apparatus's wording.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdfminer.pdftypes import resolve1

from conftest import FIXTURES, RAW_REPLY, ROOT, make_project
from pdf_text import TaggedPdf
from reply_site.model import Paragraph
from reply_site.publish import pdf as pdf_module
from reply_site.publish.pdf import PdfCache, identifier, reply_pdf
from reply_site.render.citations import Citer
from reply_site.settings import Settings
from reply_site.site_build import SiteBuild
from site_text import first_difference, raw_words, words

SITE = "https://example.org/sub/"
APPARATUS = ("Caption", "Link")  # in the article: labels, citation numbers


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return SiteBuild(Settings.load(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def changed(build) -> str | None:
    return build.changed.get("home")


@pytest.fixture(scope="module")
def data(build, changed) -> bytes:
    return reply_pdf(build.citer, SITE, changed)


@pytest.fixture(scope="module")
def pdf(data) -> TaggedPdf:
    return TaggedPdf(data)


def reply_words(pdf: TaggedPdf) -> list[str]:
    """The reply's words in the record's order: the author's heading and preamble, the questions
    (the article's H2 headings), then every quote and reply."""
    opening, questions, passages = [], [], []
    for article in pdf.structure().elements("Art"):
        for kinds, text in article.texts(leave_out=APPARATUS):
            (questions if "H2" in kinds else passages if questions else opening).append(text)
    return words("".join(opening + questions + passages))


def test_every_word_of_the_reply_as_received_is_in_the_pdf_in_order(pdf):
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    assert len(expected) > 1500
    assert first_difference(expected, reply_words(pdf)) is None


def damaged(text: str, change: str) -> str:
    """The text with a word from its middle on (a word of letters alone) dropped or changed."""
    tokens = text.split(" ")
    index = next(index for index in range(len(tokens) // 2, len(tokens)) if tokens[index].isalpha())
    tokens[index: index + 1] = [] if change == "drop" else [tokens[index] + "s"]
    return " ".join(tokens)


@pytest.mark.parametrize("part, change", [("preamble", "drop"), ("question", "alter"), ("quote", "drop"),
                                          ("reply", "alter")])
def test_the_check_notices_a_word_dropped_or_changed_in_the_pdfs_source(build, changed, part, change):
    reply = build.citer.reply
    questions = [replace(question, rebuttals=list(question.rebuttals)) for question in reply.questions]
    if part == "preamble":
        first = reply.preamble[-1]
        reply = replace(reply, preamble=[*reply.preamble[:-1], Paragraph(damaged(first.text, change), first.line)])
    elif part == "question":
        questions[1] = replace(questions[1], text=damaged(questions[1].text, change))
    else:
        rebuttal = questions[2].rebuttals[0]
        paragraphs = getattr(rebuttal, part)
        paragraphs = [Paragraph(damaged(paragraphs[0].text, change), paragraphs[0].line), *paragraphs[1:]]
        questions[2].rebuttals[0] = replace(rebuttal, **{part: paragraphs})
    citer = Citer(replace(reply, questions=questions), build.citer.references)
    expected = raw_words(RAW_REPLY.read_text(encoding="utf-8"))
    assert first_difference(expected, reply_words(TaggedPdf(reply_pdf(citer, SITE, changed)))) is not None


def test_every_citation_is_a_numbered_link_to_its_reference(build, pdf):
    citer = build.citer
    expected = [(f"[{citer.number[key]}]", f"ref-{key}") for rebuttal in citer.reply.rebuttals
                for key in rebuttal.citation_keys]
    links = [(link.text, annotation["Dest"].decode()) for article in pdf.structure().elements("Art")
             for link in article.elements("Link") for annotation in link.annotations]
    assert links == expected and len(expected) >= 4
    for reference in citer.cited():
        page = pdf.destination_page(f"ref-{reference.key}")
        assert reference.field("title") in pdf.page_text(page - 1), f"ref-{reference.key} leads to page {page}"


def test_every_reference_links_to_its_url(build, pdf):
    entries = pdf.structure().elements("LI")
    cited = build.citer.cited()
    assert len(entries) == len(cited)
    for entry, reference in zip(entries, cited, strict=True):
        external = [(link.text, annotation["A"]["URI"].decode()) for link in entry.elements("Link")
                    for annotation in link.annotations if "A" in annotation]
        url = reference.field("url")  # a link broken over two lines is two links, to the same address
        assert "".join(text for text, _ in external) == url and {uri for _, uri in external} == {url}, entry.text


def test_metadata_gives_title_and_language_and_no_date_from_the_clock(build, pdf, changed):
    reply = build.citer.reply
    assert pdf.info("Title") == reply.meta["title"]
    assert resolve1(pdf.catalog["Lang"]).decode() == "en"
    info = resolve1(pdf.document.info[0])
    assert ("Author" in info) == bool(reply.authors) and ("CreationDate" in info) == bool(reply.date)
    assert changed and pdf.info("ModDate").startswith("D:" + changed.replace("-", ""))
    metadata = resolve1(pdf.catalog["Metadata"]).get_data().decode()
    assert 'pdfuaid:part="1"' in metadata and reply.meta["title"] in metadata  # PDF/UA-1, title in XMP too


def test_fonts_are_embedded_dejavu(pdf):
    fonts = pdf.fonts()
    assert {name.split("+")[1] for name in fonts} >= {"DejaVu-Serif", "DejaVu-Sans"}
    for name, descriptor in fonts.items():
        assert {"FontFile", "FontFile2", "FontFile3"} & set(descriptor), f"{name} is not embedded"


def test_the_pdf_is_tagged(pdf):
    assert resolve1(pdf.catalog["MarkInfo"])["Marked"] is True
    structure = pdf.structure()
    assert structure.elements("Document") and structure.elements("Art") and structure.elements("BlockQuote")
    assert resolve1(pdf.catalog["ViewerPreferences"])["DisplayDocTitle"] is True


def test_the_first_page_shows_the_site_address_and_the_last_change(pdf, changed):
    first_page = pdf.page_text(0)
    assert f"Published at {SITE}" in first_page and f"Text last changed on {changed}." in first_page


def test_every_page_footer_has_the_address_and_the_page_number(pdf):
    count = len(pdf.pages)
    for number in range(count):
        text = pdf.page_text(number)
        assert SITE in text and f"Page {number + 1} of {count}" in text


def test_the_same_model_gives_the_same_bytes(build, changed, data, pdf):
    assert reply_pdf(build.citer, SITE, changed) == data
    trailer_id = resolve1(pdf.document.xrefs[-1].get_trailer()["ID"])
    assert trailer_id[0] == identifier(SITE)  # permanent; the second half is the file's own hash


def test_an_unchanged_text_is_not_rendered_again(build, changed, data, tmp_path, monkeypatch):
    cache = PdfCache(tmp_path)
    path = cache.pdf(build.citer, SITE, changed)
    assert path.read_bytes() == data
    monkeypatch.setattr(pdf_module, "pdf_bytes", lambda *args: pytest.fail("rendered again"))
    assert cache.pdf(build.citer, SITE, changed) == path
    assert cache.key(build.citer, SITE, "2001-01-01") != path.stem  # another date: another PDF


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> SiteBuild:
    """A small reply to another respondent (Example Corp), outside any git history."""
    case = FIXTURES / "site" / "three-questions" / "docs"
    project = make_project(tmp_path_factory.mktemp("example") / "project", case / "reply.md", case / "references.bib")
    return SiteBuild(Settings.load(project / "mkdocs.yml"))


def test_the_respondent_named_is_the_models(example):
    pdf = TaggedPdf(reply_pdf(example.citer, SITE, None))
    text = pdf.page_text()
    assert "Stability AI" not in text and "Stability AI" not in pdf.info("Title")
    labels = [caption.text for caption in pdf.structure().elements("Caption")]
    assert labels.count("Example Corp") == len(example.reply.rebuttals)


def test_author_and_dates_are_given_only_when_the_source_gives_them(example):
    unnamed = TaggedPdf(reply_pdf(example.citer, SITE, None))
    info = resolve1(unnamed.document.info[0])
    assert not {"Author", "CreationDate", "ModDate"} & set(info) and "Text last changed" not in unnamed.page_text(0)
    reply = replace(example.reply, meta={**example.reply.meta, "author": ["Jane Doe"], "date": "2024-01-02"})
    named = TaggedPdf(reply_pdf(Citer(reply, example.citer.references), SITE, "2024-03-04"))
    assert named.info("Author") == "Jane Doe" and named.info("CreationDate").startswith("D:20240102")
    assert "Jane Doe, 2024-01-02" in named.page_text(0) and "Text last changed on 2024-03-04." in named.page_text(0)
