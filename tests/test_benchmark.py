"""`scripts/benchmark.py` runs end to end: every figure is printed and every key is in its JSON.

A smoke test on the smallest sizes (1× and 2×, one run each); it says nothing about speed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

MACHINE = {"cpus", "memory_mb", "python", "system", "mkdocs", "material", "commit", "load_average", "date",
           "load_average_end"}
OVERHEAD = {"runs", "cache", "pages", "same_markdown_as_generate", "hook_wall_s", "plain_wall_s", "wall_ratio",
            "hook_build_s", "plain_build_s", "build_ratio", "hook_files", "plain_files"}
SIZE = {"factor", "anchors_registered", "rebuttals", "source_bytes", "wall_s", "build_s", "ms_per_rebuttal",
        "maxrss_mb"}
SCALING = {"runs", "cache", "sizes", "anchors_ratio", "content_ratio", "time_ratio", "memory_ratio", "mb_per_copy"}
PREVIEW = {"page", "first_page_s", "latency_s", "max_s", "rebuild_s", "runs", "source_bytes"}
WEIGHT = {"pages", "heaviest_page", "heaviest_gzip_ratio", "pages_heavier_than_stock", "unused_blocking"}
LOAD = {"requests", "bytes", "gzip", "search_bytes", "search_gzip", "external_blocked", "blocking", "resources"}
PROFILE = {"build_s", "hook_events_s", "hook_s", "hook_share", "ours", "theirs"}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "benchmark.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--quick", "--factors", "1,2",
                             "--skip", "lighthouse", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_the_json_has_every_measurement_and_every_figure(quick_run):
    _, report = quick_run
    assert set(report["machine"]) == MACHINE
    results = report["results"]
    assert list(results) == ["overhead", "scaling", "preview", "weight", "lighthouse", "profile", "setup"]
    assert set(results["overhead"]) == OVERHEAD
    assert set(results["scaling"]) == SCALING
    assert set(results["scaling"]["sizes"]) == {"1x", "2x", "2x+anchors"}
    assert all(set(size) == SIZE for size in results["scaling"]["sizes"].values())
    assert set(results["preview"]) == {"real", "2x", "poll_interval_s"}
    assert set(results["preview"]["real"]) == set(results["preview"]["2x"]) == PREVIEW
    assert set(results["profile"]) == PROFILE
    assert results["profile"]["ours"] and results["profile"]["theirs"]
    assert results["lighthouse"] == {"skipped": "not asked for"}
    assert results["setup"] == {"skipped": "only with --setup"}
    if shutil.which("chromium"):
        assert set(results["weight"]) == WEIGHT
        assert "question-7/" in results["weight"]["pages"]
        assert all(set(page["real"]) == set(page["stock"]) == LOAD for page in results["weight"]["pages"].values())
    else:
        assert "chromium" in results["weight"]["skipped"]


def test_every_figure_of_the_json_is_printed_in_the_table(quick_run):
    stdout, report = quick_run
    assert report["table"]
    for row in report["table"]:
        assert set(row) == {"measurement", "figure", "value", "target", "met"}
        line = next((line for line in stdout.splitlines() if f"| {row['figure']} " in line), None)
        assert line is not None, f"{row['figure']!r} is not printed"
        assert row["value"] in line
    for label in ["ratio, whole command", "per rebuttal 1×", "peak memory 2×", "largest: registered anchors / none",
                  "save → page served, real source", "save → page served, 2x source", "of which in the hook's events"]:
        assert label in stdout
    assert "top 15 cumulative, ours (scripts/)" in stdout
    assert "wrote " in stdout
