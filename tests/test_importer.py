"""The importer turns the word-processor export of the reply into the site's Markdown.

Golden files: every folder of tests/fixtures/importer/ except errors/ holds an
input.txt (a synthetic raw reply) with the expected expected.md, expected-report.txt
(the review report printed on stderr) and, when the replies have links, expected.bib.
After a deliberate change of behaviour, regenerate them and review the diff:

    .venv/bin/pytest tests/test_importer.py --update-goldens
    UPDATE_GOLDENS=1 .venv/bin/pytest tests/test_importer.py    (the same)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from reply_site.source.text_file import read_text
from reply_site.importer import import_reply

ROOT = Path(__file__).resolve().parents[1]

FIXTURES = ROOT / "tests" / "fixtures" / "importer"
CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").is_file())


def run(case: Path, name: str = "input.txt"):
    return import_reply(read_text(case / name), f"{case.name}/input.txt")


def updating(request) -> bool:
    return bool(request.config.getoption("--update-goldens", default=False) or os.environ.get("UPDATE_GOLDENS") == "1")


def assert_golden(path: Path, actual: str, request) -> None:
    if updating(request):
        if actual:
            path.write_text(actual, encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
        return
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    assert actual == expected, f"{path.relative_to(ROOT)} differs (regenerate with --update-goldens)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_each_synthetic_reply_gives_its_golden_markdown_report_and_bibtex(case, request):
    result = run(case)
    assert_golden(case / "expected.md", result.markdown, request)
    assert_golden(case / "expected-report.txt", result.report, request)
    assert_golden(case / "expected.bib", result.bibtex, request)


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "CR"])
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_line_endings_and_a_byte_order_mark_do_not_change_the_result(case, ending, tmp_path):
    copy = tmp_path / case.name  # the same folder name, so that the report names the same file
    copy.mkdir()
    text = (case / "input.txt").read_text(encoding="utf-8")
    (copy / "input.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", ending).encode("utf-8"))
    assert run(copy) == run(case)


@pytest.mark.parametrize("raw", [*(c / "input.txt" for c in CASES), ROOT / "record" / "reply-as-received.txt"],
                         ids=lambda p: p.parent.name)
def test_the_site_reads_the_output_once_the_reviewer_says_what_the_reply_responds_to(raw):
    """The importer leaves responds_to empty, and the respondent when no format note names
    it; the site's reader (reply_site.source) refuses exactly that until it is filled in,
    and nothing else."""
    from reply_site.errors import SourceError
    from reply_site.source.reply import parse_reply

    result = import_reply(read_text(raw), "in.txt")
    named = "\nrespondent: " in result.markdown
    with pytest.raises(SourceError) as refused:
        parse_reply(result.markdown, "out.md")
    assert [p.message for p in refused.value.problems] == ([] if named else [
        "front matter: 'respondent' is required"]) + [
        "front matter: 'responds_to.title' is required", "front matter: 'responds_to.url' must be an http(s) URL"]
    assert named == ("Respondent:\n  !! " not in result.report)
    filled = result.markdown.replace("  title:\n", "  title: The comment\n", 1).replace(
        "  url:\n", "  url: https://example.org/comment\n", 1).replace("\nrespondent:\n", "\nrespondent: A firm\n")
    reply = parse_reply(filled, "out.md")
    assert sum(len(q.rebuttals) for q in reply.questions) == result.report.count("rebuttal '")


# --- The real reply: same structure as the hand-reviewed docs/reply.md ---------------

def parse_canonical(markdown: str) -> dict:
    """Read the site's Markdown format back: front matter, title, preamble, questions,
    and rebuttals as (id, quote, replies) in the order they appear."""
    _, front, body = markdown.split("---\n", 2)
    blocks = [b for b in body.strip("\n").split("\n\n")]
    assert blocks[0].startswith("# ")
    parsed = {"meta": yaml.safe_load(front), "title": blocks[0][2:], "preamble": [],
              "questions": [], "rebuttals": []}
    for block in blocks[1:]:
        assert "\n" not in block, f"a block of one line was expected: {block!r}"
        if block.startswith("## "):
            parsed["questions"].append(block[3:])
        elif match := re.fullmatch(r"<!-- rebuttal: ([a-z0-9-]+) -->", block):
            parsed["rebuttals"].append((match.group(1), None, []))
        elif block.startswith("> "):
            ident, quote, replies = parsed["rebuttals"][-1]
            assert quote is None and not replies
            parsed["rebuttals"][-1] = (ident, block[2:], replies)
        elif parsed["rebuttals"]:
            parsed["rebuttals"][-1][2].append(block)
        else:
            assert not parsed["questions"], "text between question headings"
            parsed["preamble"].append(block)
    return parsed


def plain(text: str) -> str:
    """Text without citation markers and with whitespace normalised."""
    return " ".join(re.sub(r"\[@[^\]]+\]", " ", text).split())


@pytest.fixture(scope="module")
def imported():
    raw = read_text(ROOT / "record" / "reply-as-received.txt")
    result = import_reply(raw, "record/reply-as-received.txt")
    return result, parse_canonical(result.markdown), parse_canonical((ROOT / "docs" / "reply.md").read_text("utf-8"))


def test_the_real_reply_has_the_reviewed_title_preamble_and_questions(imported):
    _, ours, reviewed = imported
    assert ours["title"] == reviewed["title"]
    assert ours["meta"]["title"] == reviewed["meta"]["title"]
    assert ours["preamble"] == reviewed["preamble"]
    assert ours["questions"] == reviewed["questions"]


def test_the_real_reply_has_the_reviewed_quotes_and_replies_in_the_same_order(imported):
    """Same joins and same classification; the grouping under questions, the rebuttal ids
    and the hand-added citations of the reviewed file are editorial and not compared."""
    _, ours, reviewed = imported

    def sequence(parsed):
        return [(plain(quote), [plain(reply) for reply in replies]) for _, quote, replies in parsed["rebuttals"]]

    assert sequence(ours) == sequence(reviewed)


def test_the_real_reply_gets_the_fields_of_the_reviewed_front_matter_left_empty(imported):
    _, ours, reviewed = imported
    assert ours["meta"].keys() == reviewed["meta"].keys()
    assert ours["meta"]["responds_to"].keys() == reviewed["meta"]["responds_to"].keys()
    assert ours["meta"]["author"] is None and ours["meta"]["date"] is None
    assert set(ours["meta"]["responds_to"].values()) == {None}
    assert ours["meta"]["grouping"] == "editorial"
    assert ours["meta"]["respondent"] == reviewed["meta"]["respondent"] == "Stability AI"  # from its format note


def test_the_real_reply_cites_its_two_links_with_stubs(imported):
    result, ours, _ = imported
    assert result.keys == {
        "https://storage.googleapis.com/openimages/web/index.html": "openimages",
        "https://arxiv.org/abs/2301.13188": "arxiv-2301-13188",
    }
    replies = " ".join(" ".join(r) for _, _, r in ours["rebuttals"])
    assert "Open Images Dataset [@openimages]." in replies
    assert "Carlini *et al.* [@arxiv-2301-13188] Finally" in replies
    assert "https://" not in replies
    assert result.bibtex.count("note = {TODO: complete this entry}") == 2


@pytest.mark.parametrize("indent", ["\t", "    ", "  \t"], ids=["tab", "spaces", "both"])
def test_the_real_reply_re_exported_with_its_passages_indented_imports_the_same(imported, indent):
    """Indentation decides then, and agrees with the quotation marks everywhere: nothing is flagged."""
    from reply_site.importer.joins import rejoin
    from reply_site.importer.paragraphs import split_paragraphs
    from reply_site.importer.quotes import is_quote

    raw = read_text(ROOT / "record" / "reply-as-received.txt")
    quoted = {number for p in rejoin(split_paragraphs(raw))[0] if is_quote(p.text) for number, _, _ in p.lines}
    lines = [indent + line if number in quoted else line for number, line in enumerate(raw.split("\n"), start=1)]
    result = import_reply("\n".join(lines), "record/reply-as-received.txt")
    assert result.markdown == imported[0].markdown
    assert "indentation decides" in result.report and "\n  !! " not in result.report.split("Grouping:")[0]


def test_the_report_names_every_join_of_the_real_reply_with_its_reason(imported):
    report = imported[0].report
    assert "line 23 + line 25: joined: ends mid-sentence (“…like they can fit”)." in report
    assert "line 35 + line 37: joined: ends mid-sentence (“…LAION-2B that have an”)." in report
    assert "line 43 + line 45: joined: ends with abbreviation 'et al.'." in report
    assert "line 47 + line 49: joined: quote still open (opened on line 47)." in report
    assert "!! REVIEW THE GROUPING" in report
