"""scripts/startup_profile.py reads a page load's trace as Lighthouse counts TBT: each task of the
main thread of the renderer that painted, named by the work it holds, its time after the first
contentful paint, and its blocking time (past its first 50 ms) after the paint and from the start.

tests/fixtures/startup/trace.json is a load cut to what is read (ms from the navigation):
parsing 100–250; a layout 420–540, across the paint at 500; the theme's bundle evaluated 600–800;
the site's script evaluated 900, whose load event hands the theme its DOMContentLoaded, to 1200;
a timer of 30 ms at 1300; and a long task on another renderer's thread, which is not read.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, FIXTURES

sys.path.insert(0, str(ROOT / "scripts"))
from bench.startup import (BUNDLE, OTHER, OTHER_SCRIPT, PARSING, RENDERING, SITE_SCRIPT,  # noqa: E402
                           THEME_START, profile)

TRACE = FIXTURES / "startup" / "trace.json"


@pytest.fixture(scope="module")
def read():
    return profile(TRACE)


def test_the_first_paint_is_counted_from_the_navigation(read):
    assert read["first_paint_ms"] == 500


@pytest.mark.parametrize(("kind", "after_paint", "blocking", "from_start"), [
    (PARSING, 0, 0, 100),            # all before the paint
    (RENDERING, 40, 40, 70),         # only its part after the paint counts, past its first 50 ms
    (BUNDLE, 200, 150, 150),
    (THEME_START, 300, 250, 250),    # the task the site's script's load event starts the theme in
    (SITE_SCRIPT, 0, 0, 0),          # its 2 ms of evaluation is not what that task is spent on
    (OTHER_SCRIPT, 30, 0, 0),        # shorter than 50 ms: blocks nothing
    (OTHER, 0, 0, 0),
])
def test_each_task_is_named_by_its_work_and_counted_as_tbt_counts_it(read, kind, after_paint, blocking,
                                                                     from_start):
    assert read["kinds"][kind] == {"after_paint_ms": after_paint, "blocking_ms": blocking,
                                   "blocking_from_start_ms": from_start}


def test_the_totals_are_the_sums_and_other_threads_are_left_out(read):
    assert read["total"] == {"after_paint_ms": 570, "blocking_ms": 440, "blocking_from_start_ms": 570}
