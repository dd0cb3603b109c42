"""Bad input gives `FILE:LINE:COLUMN: message` lines, exit status 1, no traceback,
and leaves the previous output untouched.

Each case is a file in tests/fixtures/source-errors/ (a broken reply.md) or
tests/fixtures/bib-errors/ (a broken references.bib), with the exact expected
messages in a `.expected` file beside it.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, ROOT, UPDATE_GOLDENS, make_project, run_script
from rendered import render
from reply_site.source.rendered_html import EXTENSIONS, check_passages
from reply_site.source.reply import blocks_of, passages

SOURCE_CASES = sorted((FIXTURES / "source-errors").glob("*.md"))
BIB_CASES = sorted((FIXTURES / "bib-errors").glob("*.bib"))


def check_failure(case, *args):
    result = run_script("check_source.py", *args, cwd=case.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(lines) - 1} error(s), 0 warning(s)"
    expected = case.with_suffix(".expected")
    if UPDATE_GOLDENS:
        expected.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert lines[:-1] == expected.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c.stem for c in SOURCE_CASES])
def test_broken_source_is_reported_with_its_line(case):
    check_failure(case, case.name, "--bib", "references.bib")


@pytest.mark.parametrize("case", BIB_CASES, ids=[c.stem for c in BIB_CASES])
def test_broken_bibliography_is_reported_with_its_line(case):
    check_failure(case, "reply.md", "--bib", case.name)


def test_every_problem_line_names_file_line_and_column():
    for expected in (FIXTURES / "source-errors").glob("*.expected"):
        for line in expected.read_text(encoding="utf-8").splitlines():
            path, number, column, message = line.split(":", 3)
            assert path.endswith((".md", ".bib")) and number.isdigit() and column.isdigit() and message, line


@pytest.mark.parametrize("encode", [
    lambda text: b"\xef\xbb\xbf" + text.encode(),  # UTF-8 with a byte order mark
    lambda text: text.replace("\n", "\r\n").encode(),  # Windows line endings
    lambda text: text.replace("\n", "\r").encode(),  # old Mac line endings
], ids=["bom", "crlf", "lone-cr"])
def test_bom_and_other_line_endings_build_the_same_pages(tmp_path, encode):
    case = FIXTURES / "site" / "three-questions" / "docs"
    (tmp_path / "reply.md").write_bytes(encode((case / "reply.md").read_text(encoding="utf-8")))
    clean = render(case / "reply.md", case / "references.bib", root=case)
    variant = render(tmp_path / "reply.md", case / "references.bib", root=case)
    assert variant.pages == clean.pages


@pytest.mark.parametrize("script", ["generate.py", "build_site.py"])
def test_a_broken_source_leaves_the_last_good_output_untouched(tmp_path, script):
    project = make_project(tmp_path / "project", reply=FIXTURES / "source-errors" / "two-quotes-in-a-row.md",
                           bibliography=FIXTURES / "source-errors" / "references.bib")
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "index.md").write_text("last good output\n")
    where = ["--out", out] if script == "generate.py" else ["--site-dir", out / "docs"]
    result = run_script(script, "--config", project / "mkdocs.yml", *where, cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/reply.md:17:1: a second quote in rebuttal 'first-claim'" in result.stderr
    assert "left unchanged" in result.stderr.splitlines()[-1]
    assert [p.name for p in (out / "docs").iterdir()] == ["index.md"]
    assert (out / "docs" / "index.md").read_text() == "last good output\n"


def test_a_good_build_replaces_the_generated_folder_whole(tmp_path):
    out = tmp_path / "generated"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "stale.md").write_text("from an older build")
    result = run_script("generate.py", "--out", out)
    assert result.returncode == 0, result.stderr
    assert not (out / "docs" / "stale.md").exists()
    for name in ("index.md", "references.md", "changelog.md", "crawlers.md", "reply.json", "robots.txt", "feed.xml",
                 "r/models-do-not-store-works.md", "assets/cards/r/models-do-not-store-works.png"):
        assert (out / "docs" / name).is_file(), name
    assert not (out / "docs" / "reply.md").exists()  # the source is not a page of its own
    assert "nav:" in (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert not list(out.glob(".docs.*")), "no staging folder is left behind"


RECORDED = "My reply is that models st\u200bore works, as shown [@doe2020].\n"  # a zero-width space in "store"


def check_with_record(folder, record_text: str):
    source = (FIXTURES / "source-errors" / "zero-width-space.md").read_text(encoding="utf-8")
    (folder / "reply.md").write_text(source.rsplit("\n", 2)[0] + "\n" + RECORDED, encoding="utf-8")
    (folder / "references.bib").write_text((FIXTURES / "source-errors" / "references.bib").read_text())
    (folder / "record.txt").write_text(record_text, encoding="utf-8")
    return run_script("check_source.py", "reply.md", "--record", "record.txt", cwd=folder)


def test_a_character_the_record_has_at_that_place_is_accepted(tmp_path):
    record = "A reply to Example Corp.\n\n    “A claim.”\n\nMy reply is that models st\u200bore\nworks, as shown.\n"
    result = check_with_record(tmp_path, record)
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stderr.splitlines()[-1]


def test_the_same_character_elsewhere_in_the_record_is_refused(tmp_path):
    result = check_with_record(tmp_path, "My reply is that models st\u200bore data, as shown.\n")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "reply.md:17:27: invisible character U+200B ZERO WIDTH SPACE in '…models st⟨U+200B⟩ore works,…' (hint: delete "
        "it: it does not show, yet it changes the text; it is kept only where record/reply-as-received.txt has it, "
        "in the same words)")


def test_the_check_renders_with_the_sites_markdown_extensions():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert EXTENSIONS == [name if isinstance(name, str) else next(iter(name)) for name in config["markdown_extensions"]]


REACHES_A_PAGE = ["javascript-link", "raw-html-script", "attribute-list-event-handler", "image-from-another-host",
                  "image-from-another-host-by-backslash", "autolink-javascript", "autolink-other-scheme",
                  "reference-link-javascript", "reference-in-quote", "entity-encoded-scheme", "html-comment",
                  "marker-inside-paragraph", "reference-address-on-next-line", "entity-encoded-scheme-on-next-line",
                  "link-address-on-next-line", "image-reference-from-another-host", "setext-heading",
                  "attribute-list-without-colon", "quote-inside-reply", "theme-box", "renders-as-other-markup"]


@pytest.mark.parametrize("name", REACHES_A_PAGE)
def test_what_renders_is_refused_without_the_regular_expressions(name):
    """Markup the policy refuses as written is refused as it renders as well: either check alone keeps it off a page."""
    lines = (FIXTURES / "source-errors" / f"{name}.md").read_text(encoding="utf-8").split("\n")
    body = lines.index("---", 1) + 1  # the line after the front matter, counted from 0
    found = check_passages([p for block in blocks_of(lines[body:], body + 1) for p in passages(block)], lines, "r.md")
    assert found, name
