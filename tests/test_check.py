"""`make check`: the source and bibliography validated without building the site, every
problem reported at once as FILE:LINE:COLUMN, and as annotations under GitHub Actions.

Cases are files in tests/fixtures/check/: `<case>.md` with the expected terminal output
in `<case>.expected` and the expected GitHub annotations in `<case>.annotations`.
"""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES, UPDATE_GOLDENS, run_script

CASES = sorted((FIXTURES / "check").glob("*.md"))


def run_check(case, github: bool):
    env_before = os.environ.get("GITHUB_ACTIONS")
    os.environ["GITHUB_ACTIONS"] = "true" if github else "false"
    try:
        return run_script("check_source.py", case.name, cwd=case.parent)
    finally:
        if env_before is None:
            del os.environ["GITHUB_ACTIONS"]
        else:
            os.environ["GITHUB_ACTIONS"] = env_before


def compare(path, text):
    if UPDATE_GOLDENS:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_problem_is_reported_with_file_line_and_column(case):
    result = run_check(case, github=False)
    has_errors = not result.stderr.splitlines()[-1].startswith("0 error(s)")
    assert result.returncode == (1 if has_errors else 0)
    assert "Traceback" not in result.stderr
    compare(case.with_suffix(".expected"), result.stderr)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_under_github_actions_problems_become_annotations_on_the_diff(case):
    result = run_check(case, github=True)
    compare(case.with_suffix(".annotations"), result.stdout)
    for line in result.stdout.splitlines():
        assert line.startswith(("::error file=", "::warning file=")) and ",line=" in line and ",col=" in line


def test_spelling_in_the_authors_reply_is_a_warning_and_quotes_are_left_alone():
    result = run_check(FIXTURES / "check" / "typo-in-reply.md", github=False)
    assert result.returncode == 0
    assert "beleive" in result.stderr and "recieve" not in result.stderr


def test_the_real_source_passes_the_check():
    result = run_script("check_source.py")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("0 error(s), 0 warning(s)")
