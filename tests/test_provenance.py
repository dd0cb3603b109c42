"""From the record to this site: the comparison of the reply as received with the published text,
the sign-off rule it enforces, and the page that lists every difference.

Golden cases are folders in tests/fixtures/provenance/: `real/` holds only the expected list for
the real record and source (read from the project itself); each other folder is a synthetic
record (`reply-as-received.txt`) with its `reply.md`, maybe `references.bib` and `revisions.yml`,
and the expected list in `expected.md`. Regenerate with UPDATE_GOLDENS=1 and review the diff.
"""

from __future__ import annotations

import hashlib
import inspect
import re
import shutil

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURES, RAW_REPLY, ROOT, UPDATE_GOLDENS
from reply_site.errors import SourceError
from reply_site.provenance import (
    REVISIONS,
    check_provenance,
    compare,
    load_revisions,
    parse_revisions,
    provenance_page,
)
from reply_site.provenance.site_notes import site_notes
from reply_site.render.pages import navigation
from reply_site.site_build import SiteBuild
from reply_site.source import read_source
from reply_site.source.reply import load_reply, parse_reply
from rendered import render

CASES = FIXTURES / "provenance"
SYNTHETIC = sorted(path for path in CASES.iterdir() if (path / "reply-as-received.txt").exists())
SOURCE = (ROOT / "docs" / "reply.md").read_text(encoding="utf-8")
RECORD = RAW_REPLY.read_text(encoding="utf-8")
RECORD_PATH = "record/reply-as-received.txt"
APPROVAL = "https://example.org/reply/pull/1#issuecomment-1"


def listed(page: str) -> str:
    """The page up to the site's own headings and notes (those follow the renderer, tested apart)."""
    return page.split("\n## What the site adds\n")[0] + "\n"


def matches_golden(folder, text: str) -> None:
    expected = folder / "expected.md"
    if UPDATE_GOLDENS:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8"), f"differs from {expected}"


def compared(source: str = SOURCE, revisions: str = "", record: str = RECORD):
    reply = parse_reply(source, "docs/reply.md")
    return compare(record, RECORD_PATH, reply, parse_revisions(revisions, REVISIONS))


def line_of(text: str, fragment: str) -> int:
    assert text.count(fragment) == 1, fragment
    return text[:text.index(fragment)].count("\n") + 1


def declared(where: str, old: str, new: str, **more) -> str:
    entry = {"date": "2027-01-15", "approval": APPROVAL, "where": where, "old": old, "new": new, **more}
    return yaml.safe_dump([entry], allow_unicode=True, sort_keys=False)


def suggested(problem) -> str:
    """The revision a problem's hint says to declare."""
    found = re.search(r"where: (\S+), old: '(.*?)', new: '(.*?)', with its date", problem.hint)
    assert found, problem.hint
    return declared(*found.groups())


# The golden lists ----------------------------------------------------------------------------

def test_the_real_record_gives_the_expected_list_and_no_problem():
    record, comparison = check_provenance(ROOT, load_reply(ROOT / "docs" / "reply.md", "docs/reply.md"))
    assert comparison.problems == []
    assert comparison.words > 1500
    matches_golden(CASES / "real", listed(provenance_page(comparison, record.data)))


@pytest.mark.parametrize("case", SYNTHETIC, ids=[case.name for case in SYNTHETIC])
def test_a_synthetic_record_gives_the_expected_list(case):
    bibliography = case / "references.bib"
    reply = (read_source(case / "reply.md", bibliography, case).reply if bibliography.exists()
             else load_reply(case / "reply.md", "reply.md"))  # a valid source: its citations resolve
    record = case / "reply-as-received.txt"
    comparison = compare(record.read_text(encoding="utf-8"), "reply-as-received.txt", reply,
                         load_revisions(case / REVISIONS, REVISIONS))
    assert comparison.problems == []
    matches_golden(case, listed(provenance_page(comparison, record.read_bytes())))


def test_the_synthetic_record_has_its_known_set_of_changes():
    case = CASES / "synthetic"
    reply = load_reply(case / "reply.md", "reply.md")
    comparison = compare((case / "reply-as-received.txt").read_text(encoding="utf-8"), "reply-as-received.txt",
                         reply, load_revisions(case / REVISIONS, REVISIONS))
    assert [join.record_lines for join in comparison.joins] == [(13, 15), (19, 21)]
    assert [quote.rebuttal for quote in comparison.quotes] == ["models-never-copy", "the-data-is-not-stored"]
    assert [(mark.marker, mark.link) for mark in comparison.citations] == [
        ("[@dataset-card]", "(<https://example.org/dataset-card>)"), ("[@schuhmann2022]", ""),
        ("[@carlini2023]", "(<https://arxiv.org/abs/2301.13188>)")]
    assert [(mark.words, mark.status) for mark in comparison.emphasis] == [
        ("Carlini et al.", "as in the record"), ("still", "added")]
    assert [heading.what for heading in comparison.headings] == ["title", "1", "2"]
    assert [(applied.revision.where, applied.part) for applied in comparison.revisions] == [
        ("the-data-is-not-stored", "reply"), ("2", "question")]


def test_the_list_is_the_same_for_a_record_with_a_byte_order_mark_and_crlf_line_endings():
    plain, windows = compared(), compared(record="\ufeff" + RECORD.replace("\n", "\r\n"))
    assert (plain.joins, plain.quotes, plain.citations, plain.emphasis, plain.headings) == \
           (windows.joins, windows.quotes, windows.citations, windows.emphasis, windows.headings)


# The sign-off rule: every other difference fails ---------------------------------------------

CHANGES = {  # what is done to the author's (or Stability AI's) words: (old, new, the word the problem names)
    "a word changed": ("a juice blend.", "a juice smoothie.", "'smoothie.'"),
    "a word dropped": ("collage is a salad bowl", "collage is salad bowl", "'a'"),
    "a word added": ("a salad bowl", "a big salad bowl", "'big'"),
    "two words swapped": ("a salad bowl", "a bowl salad", "salad"),
    "a word moved": ("forms statistical associations – what words commonly",
                     "forms associations – what words statistical commonly",
                     "'statistical' is out of the record's order"),
    "a curly quotation mark made straight": ("does not “understand”.", 'does not "understand".',
                                             "U+0022 QUOTATION MARK where the record has U+201C"),
    "a look-alike letter": ("juice blend", "juice bl\u0435nd", "U+0435 CYRILLIC SMALL LETTER IE"),
    "a no-break space": ("score of 5 or higher", "score of 5\u00a0or higher", "'5\u00a0or'"),
    "a word of Stability AI's quote": ("Models learn behaviors", "Models learned behaviors", "'learned'"),
    "a word of a question": ("particularly interested in:", "especially interested in:", "'especially'"),
    "a word of the title": ("# Reply to Stability", "# A reply to Stability", "'A reply'"),
    "a word of the preamble": ("texts are my replies.", "texts are the replies.", "'the'"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_to_the_words_fails_naming_line_and_word_and_passes_once_declared(change):
    old, new, named = CHANGES[change]
    source = SOURCE.replace(old, new)
    [problem] = compared(source).problems
    assert (problem.path, problem.line) == ("docs/reply.md", line_of(source, new))
    assert named in problem.message and REVISIONS in problem.hint
    comparison = compared(source, suggested(problem))  # declared as the hint says
    assert comparison.problems == []
    [applied] = comparison.revisions
    assert applied.source_line == line_of(source, new)
    page = provenance_page(comparison, RAW_REPLY.read_bytes())
    assert "No revision has been declared" not in page and f"Approved: <{APPROVAL}>" in page


def test_a_changed_word_declared_in_its_own_words_passes():
    source = SOURCE.replace("a juice blend.", "a juice smoothie.")
    comparison = compared(source, declared("models-do-not-store-works", "juice blend", "juice smoothie"))
    assert comparison.problems == []
    assert comparison.revisions[0].part == "reply" and comparison.revisions[0].record_line == 45


def test_a_word_changed_on_any_line_of_the_reply_is_reported_on_that_line():
    reply = parse_reply(SOURCE, "docs/reply.md")
    lines = {reply.title_line, *(p.line for p in reply.preamble), *(q.line for q in reply.questions)}
    lines |= {p.line for r in reply.rebuttals for p in r.quote + r.reply}
    source_lines = SOURCE.split("\n")
    assert source_lines[reply.title_line - 1].startswith("# ")
    for number in sorted(lines):
        word = re.search(r"(?<![@\w-])[A-Za-z]{3,}\b", source_lines[number - 1]).group(0)
        changed = list(source_lines)
        changed[number - 1] = changed[number - 1].replace(word, word + "zz", 1)
        problems = compared("\n".join(changed)).problems
        assert [(p.line, word + "zz" in p.message) for p in problems] == [(number, True)], number


def test_passages_out_of_the_records_order_are_a_problem():
    start = SOURCE.index("<!-- rebuttal: learning-visual-structures -->")
    middle = SOURCE.index("<!-- rebuttal: unprotectable-ideas-and-free-learning -->")
    end = SOURCE.index("## 7.2.")
    source = SOURCE[:start] + SOURCE[middle:end] + SOURCE[start:middle] + SOURCE[end:]
    [problem] = compared(source).problems
    assert "out of the record's order" in problem.message


def test_a_paragraph_break_the_record_does_not_have_is_a_problem():
    source = SOURCE.replace("fit into the same gallery. The end result", "fit into the same gallery.\n\nThe end result")
    [problem] = compared(source).problems
    assert problem.line == line_of(source, "The end result") and "paragraph break" in problem.message


def test_restoring_a_page_break_of_the_record_is_no_difference():
    comparison = compared(SOURCE.replace("can fit into the same", "can fit\n\ninto the same"))
    assert comparison.problems == [] and len(comparison.joins) == 3


def test_the_records_link_left_out_is_a_problem_and_an_added_citation_is_listed():
    [problem] = compared(SOURCE.replace("Open Images Dataset [@openimages].", "Open Images Dataset.")).problems
    assert "(<https://storage.googleapis.com/openimages/web/index.html>)" in problem.message
    added = compared(SOURCE.replace("traffic patterns,", "traffic patterns [@openimages],"))
    assert added.problems == [] and ("[@openimages]", "") in [(m.marker, m.link) for m in added.citations]


def test_emphasis_added_or_left_out_is_listed_not_a_problem():
    comparison = compared(SOURCE.replace("“Renaissance”.", "*“Renaissance”*.", 1).replace("*et al.*", "et al."))
    assert comparison.problems == []
    assert [(m.words, m.status) for m in comparison.emphasis] == [("“Renaissance”", "added"), ("et al.", "left out")]


def test_a_revision_that_the_source_does_not_follow_is_a_problem_at_the_source():
    [problem] = compared(SOURCE, declared("models-do-not-store-works", "juice blend", "smoothie")).problems
    assert problem.path == "docs/reply.md"
    assert "'smoothie.' (record/reply-as-received.txt line 45, as revised in revisions.yml line 1)" in problem.message


def test_revisions_apply_in_order_one_after_the_other():
    source = SOURCE.replace("a juice blend.", "a fruit smoothie.")
    first = declared("models-do-not-store-works", "juice blend", "juice smoothie")
    second = declared("models-do-not-store-works", "juice smoothie", "fruit smoothie", date="2027-02-01")
    comparison = compared(source, first + second)
    assert comparison.problems == []
    assert [applied.source_line for applied in comparison.revisions] == [None, line_of(source, "fruit smoothie")]
    assert "replaced by a later revision" in provenance_page(comparison, b"")


@pytest.mark.parametrize("where, old, line, message", [
    ("no-such-rebuttal", "juice blend", 3, "no rebuttal, question, title or preamble has this name"),
    ("models-do-not-store-works", "orange juice", 4, "are not in the record at 'models-do-not-store-works'"),
    ("learning-visual-structures", "juice blend", 4, "are not in the record"),  # the words are elsewhere
    ("models-do-not-store-works", "the", 4, "times in the record"),
])
def test_a_revision_that_does_not_fit_the_record_is_a_problem_at_its_line(where, old, line, message):
    problems = compared(SOURCE, declared(where, old, "something else")).problems
    assert [(p.path, p.line) for p in problems] == [(REVISIONS, line)] and message in problems[0].message


@pytest.mark.parametrize("text, line, message", [
    ("date: 2027-01-15\n", 1, "must be a list of revisions"),
    ("- date: [2027\n", 2, "not valid YAML"),
    ("- just words\n", 1, "must be a mapping"),
    (f"- date: 2027-01-15\n  approval: {APPROVAL}\n  where: title\n  old: Reply\n", 1, "has no 'new'"),
    (f"- date: 15/01/2027\n  approval: {APPROVAL}\n  where: title\n  old: a\n  new: b\n", 1, "YYYY-MM-DD"),
    ("- date: 2027-01-15\n  approval: ''\n  where: title\n  old: a\n  new: b\n", 2, "'approval' is empty"),
    (f"- date: 2027-01-15\n  approval: {APPROVAL}\n  where: title\n  old: [a, b]\n  new: b\n", 4, "must be text"),
    (f"- date: 2027-01-15\n  approval: {APPROVAL}\n  where: title\n  old: a\n  new: b\n  by: me\n", 6,
     "unknown field 'by'"),
    (f"- date: 2027-01-15\n  approval: {APPROVAL}\n  where: title\n  old: a b\n  new: a  b\n", 5, "the same words"),
])
def test_a_malformed_revisions_file_is_reported_at_its_line(text, line, message):
    with pytest.raises(SourceError) as raised:
        parse_revisions(text, REVISIONS)
    assert str(raised.value.problems[0]).startswith(f"{REVISIONS}:{line}:") and message in str(raised.value)


def test_a_missing_or_empty_revisions_file_declares_no_revision(tmp_path):
    assert load_revisions(tmp_path / REVISIONS, REVISIONS) == []
    (tmp_path / REVISIONS).write_text("# no revision yet\n", encoding="utf-8")
    assert load_revisions(tmp_path / REVISIONS, REVISIONS) == []


def test_a_project_is_checked_against_its_record_and_revisions_file(tmp_path):
    reply = parse_reply(SOURCE, "docs/reply.md")
    assert check_provenance(tmp_path, reply) is None  # no record: a test or benchmark project
    (tmp_path / "record").mkdir()
    shutil.copy(RAW_REPLY, tmp_path / RECORD_PATH)
    (tmp_path / REVISIONS).write_text("- date: someday\n", encoding="utf-8")
    _, comparison = check_provenance(tmp_path, reply)
    assert {str(p).split(":")[0] for p in comparison.problems} == {REVISIONS} and not comparison.joins


# The page -------------------------------------------------------------------------------------

def rendered_page(comparison) -> BeautifulSoup:
    html = markdown.markdown(provenance_page(comparison, RAW_REPLY.read_bytes()),
                             extensions=["admonition", "attr_list", "md_in_html", "tables"])
    return BeautifulSoup(html, "html.parser")


def test_the_page_links_the_record_with_its_sha256_and_quotes_its_words_literally():
    soup = rendered_page(compared())
    data = RAW_REPLY.read_bytes()
    assert soup.find("a", string="reply-as-received.txt")["href"] == RECORD_PATH  # from record.md: record/…
    assert hashlib.sha256(data).hexdigest() in soup.get_text() and f"{len(data):,} bytes" in soup.get_text()
    quoted = [code.get_text() for code in soup.select("li code")]
    assert "by Carlini *et al.*" in quoted and "(<https://arxiv.org/abs/2301.13188>) Finally, the models" in quoted
    assert soup.find("em") is None or "et al." not in soup.find("em").get_text()  # never re-typeset
    assert "same comparison" in soup.get_text() and "No revision has been declared" in soup.get_text()


def test_every_word_the_site_adds_is_shown_by_the_renderer():
    rendered = render(ROOT / "docs" / "reply.md", ROOT / "docs" / "references.bib")
    shown_by_site = "\n".join(rendered.pages.values()) + inspect.getsource(SiteBuild) + str(navigation(rendered.reply))
    for note in site_notes(rendered.reply):
        for words in note.shown:
            assert words in shown_by_site, words


def test_a_revision_is_read_as_written_a_question_number_stays_text():
    [revision] = parse_revisions(f"- date: 2027-01-15\n  approval: {APPROVAL}\n  where: 7.10\n  old: a\n  new: b\n",
                                 REVISIONS)
    assert (revision.where, revision.date, revision.line_of("old")) == ("7.10", "2027-01-15", 4)
