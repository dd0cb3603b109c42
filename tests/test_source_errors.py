"""Bad input gives `FILE:LINE:COLUMN: message` lines, exit status 1, no traceback,
and leaves the previous output untouched.

Each case is a file in tests/fixtures/source-errors/ (a broken reply.md) or
tests/fixtures/bib-errors/ (a broken references.bib), with the exact expected
messages in a `.expected` file beside it.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, UPDATE_GOLDENS, run_script

SOURCE_CASES = sorted((FIXTURES / "source-errors").glob("*.md"))
BIB_CASES = sorted((FIXTURES / "bib-errors").glob("*.bib"))


def check_failure(tmp_path, case, *args):
    out = tmp_path / "pages"
    out.mkdir()
    (out / "index.md").write_text("last good output\n")
    result = run_script("build_pages.py", *args, "--out", out, cwd=case.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("left unchanged")
    expected = case.with_suffix(".expected")
    if UPDATE_GOLDENS:
        expected.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert lines[:-1] == expected.read_text(encoding="utf-8").splitlines()
    assert [p.name for p in out.iterdir()] == ["index.md"]
    assert (out / "index.md").read_text() == "last good output\n"


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c.stem for c in SOURCE_CASES])
def test_broken_source_is_reported_with_its_line(tmp_path, case):
    check_failure(tmp_path, case, case.name, "--bib", "references.bib")


@pytest.mark.parametrize("case", BIB_CASES, ids=[c.stem for c in BIB_CASES])
def test_broken_bibliography_is_reported_with_its_line(tmp_path, case):
    check_failure(tmp_path, case, "reply.md", "--bib", case.name)


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
    case = FIXTURES / "pages" / "three-questions"
    shutil.copy(case / "references.bib", tmp_path / "references.bib")
    (tmp_path / "reply.md").write_bytes(encode((case / "reply.md").read_text(encoding="utf-8")))
    clean = run_script("build_pages.py", case / "reply.md", "--out", tmp_path / "clean")
    variant = run_script("build_pages.py", tmp_path / "reply.md", "--out", tmp_path / "variant")
    assert clean.returncode == variant.returncode == 0, variant.stderr
    for page in (tmp_path / "clean").iterdir():
        assert (tmp_path / "variant" / page.name).read_bytes() == page.read_bytes()


def test_a_good_build_replaces_the_output_folder_whole(tmp_path):
    out = tmp_path / "pages"
    out.mkdir()
    (out / "stale.md").write_text("from an older build")
    result = run_script("build_pages.py", "--out", out)
    assert result.returncode == 0, result.stderr
    assert not (out / "stale.md").exists()
    assert (out / "index.md").exists() and (out / "references.md").exists()
    assert not list(tmp_path.glob(".pages.*")), "no staging folder is left behind"
