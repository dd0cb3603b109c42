"""Golden tests: a small source (reply.md + references.bib) gives exactly the expected pages.

Each case is a folder in tests/fixtures/pages/ with its inputs and an `expected/` folder
holding every generated page. Regenerate with UPDATE_GOLDENS=1 and review the diff.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, UPDATE_GOLDENS
from rendered import render
from reply_site.atomic_write import replace_folder

CASES = sorted(path for path in (FIXTURES / "pages").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_source_gives_expected_pages(case):
    pages = render(case / "reply.md", case / "references.bib", root=case).pages
    expected = case / "expected"
    if UPDATE_GOLDENS:
        replace_folder(expected, pages)
    assert sorted(pages) == sorted(p.name for p in expected.iterdir())
    for name, text in pages.items():
        assert text == (expected / name).read_text(encoding="utf-8"), f"{name} differs from {expected / name}"


def test_rendering_is_deterministic():
    case = CASES[0]
    first = render(case / "reply.md", case / "references.bib", root=case).pages
    second = render(case / "reply.md", case / "references.bib", root=case).pages
    assert first == second
