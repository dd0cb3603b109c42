"""scripts/import_reply.py, run as a user runs it: a separate process.

Each tests/fixtures/importer/errors/<case>.txt is a raw reply that cannot be
imported; <case>.expected holds the exact stderr (FILE:LINE:COLUMN: message), with
paths relative to tests/fixtures/importer/, where the command is run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "import_reply.py"
FIXTURES = ROOT / "tests" / "fixtures" / "importer"
ERRORS = sorted((FIXTURES / "errors").glob("*.txt"))
RAW = FIXTURES / "links" / "input.txt"


def import_reply(*args, cwd=FIXTURES) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("case", ERRORS, ids=lambda p: p.stem)
def test_a_reply_that_cannot_be_imported_gives_file_line_messages_and_exit_1(case, tmp_path):
    out = tmp_path / "out.md"
    out.write_text("left alone\n", encoding="utf-8")
    done = import_reply(f"errors/{case.name}", "-o", out)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr == case.with_suffix(".expected").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "left alone\n"
    assert not (tmp_path / "out.bib").exists()


def test_without_o_the_markdown_goes_to_stdout_and_the_report_to_stderr():
    done = import_reply("links/input.txt")
    assert done.returncode == 0
    assert done.stdout == (FIXTURES / "links" / "expected.md").read_text(encoding="utf-8")
    assert done.stderr.startswith((FIXTURES / "links" / "expected-report.txt").read_text(encoding="utf-8"))
    assert "6 BibTeX stub(s) not written (give --bib FILE or -o OUT.md):" in done.stderr


def test_with_o_the_markdown_and_the_bibtex_stubs_are_written_side_by_side(tmp_path):
    done = import_reply(RAW, "-o", tmp_path / "reply.md")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert (tmp_path / "reply.md").read_text("utf-8") == (FIXTURES / "links" / "expected.md").read_text("utf-8")
    assert (tmp_path / "reply.bib").read_text("utf-8") == (FIXTURES / "links" / "expected.bib").read_text("utf-8")
    assert f"Wrote {tmp_path / 'reply.bib'}: 6 BibTeX stub(s) to complete." in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reply.bib", "reply.md"]  # no temporary files left


def test_an_existing_bibliography_is_replaced_only_with_force(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("% hand-written\n", encoding="utf-8")
    refused = import_reply(RAW, "-o", tmp_path / "reply.md", "--bib", bib)
    assert refused.returncode == 1
    assert refused.stderr == (f"{bib}:1:1: bibliography exists already; not overwriting it "
                              "(hint: pass --force to replace it, or --bib to choose another file)\n")
    assert bib.read_text("utf-8") == "% hand-written\n"
    assert not (tmp_path / "reply.md").exists()
    forced = import_reply(RAW, "-o", tmp_path / "reply.md", "--bib", bib, "--force")
    assert forced.returncode == 0, forced.stderr
    assert bib.read_text("utf-8").startswith("@misc{huggingface-example-images,")


def test_a_reply_without_links_writes_no_bibliography(tmp_path):
    done = import_reply(FIXTURES / "questions" / "input.txt", "-o", tmp_path / "reply.md")
    assert done.returncode == 0
    assert not (tmp_path / "reply.bib").exists()
    assert "No links in the replies: no bibliography written." in done.stderr


def test_the_input_file_is_never_overwritten(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_bytes(RAW.read_bytes())
    done = import_reply(raw, "-o", raw)
    assert done.returncode == 1
    assert done.stderr == f"{raw}:1:1: is the input file; refusing to overwrite it\n"
    assert raw.read_bytes() == RAW.read_bytes()


def test_the_script_runs_from_any_folder(tmp_path):
    done = import_reply(RAW, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("---\n")
