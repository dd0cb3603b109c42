"""`scripts/benchmark.py` runs end to end: every figure is printed and every key is in its JSON, every
target of the performance issue has its row and `met` flag, and ratios are worked out from the values.

A smoke test on the smallest sizes (1× and 2×, one round each); it says nothing about speed.
"""

from __future__ import annotations

import json
import shutil
import statistics
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
SCALING = {"runs", "cache", "sizes", "anchors_ratio", "content_ratio", "time_ratio", "memory_ratio", "mb_per_copy",
           "engine_alone_s", "pages", "engine_alone_ratio"}
PREVIEW = {"page", "first_page_s", "latency_s", "max_s", "view_latency_s", "rebuild_s", "runs", "source_bytes"}
WEIGHT = {"pages", "heaviest_page", "heaviest_gzip_ratio", "pages_heavier_than_stock", "unused_blocking"}
LOAD = {"requests", "bytes", "gzip", "search_bytes", "search_gzip", "external_blocked", "blocking", "resources"}
CRITICAL = {"pages", "stock_worst_page", "worst_page", "worst_ratio", "most_blocking_page", "render_blocking_max",
            "search_page", "search_gzip", "search_fetched_before_use", "search_share"}
CRITICAL_PAGE = {"document_gzip", "blocking", "critical_gzip", "critical_ratio", "stylesheets", "scripts",
                 "parser_blocking_in_body", "first_paint_ms", "page_gzip", "search", "search_gzip"}
LIGHTHOUSE = {"lighthouse", "form_factor", "runs", "pages", "worst"}
VITALS = {"performance", "lcp_ms", "tbt_ms", "cls", "fcp_ms", "blocking_ms"}
PROFILE = {"build_s", "hook_events_s", "hook_s", "hook_share", "ours", "theirs"}
ORDER = ["weight", "critical", "lighthouse", "overhead", "engines", "scaling", "preview", "profile", "setup"]
# The performance issue's targets: the start of each row's figure, and its target.
TARGETS = {"build time, largest / smallest": "≤ 10", "save → page served, real source": "< 1 s",
           "save → page served, 2x source": "< 3 s", "heaviest page / stock page (gzip)": "≤ 0.9"}
BROWSER_TARGETS = {"HTML + render-blocking, gzip, worst page": "≤ 2 × the HTML",
                   "render-blocking requests, worst page": "none"}
LIGHTHOUSE_TARGETS = {"mobile performance, worst page": "100", "mobile LCP, worst page": "≤ 1.0 s",
                      "mobile LCP / stock's, worst page": "≤ 0.7", "mobile TBT, worst page": "≤ 100 ms",
                      "mobile CLS, worst page": "0"}
LIGHTHOUSE_TOOL = ROOT / "tools" / "node_modules" / "lighthouse"


def bench(tmp_path_factory, *args: str) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("bench") / "benchmark.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--quick", "--factors", "1,2",
                             *args, "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=2400)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    return bench(tmp_path_factory)


def measured(name: str) -> bool:
    """Whether this machine has what measurement `name` needs."""
    browser = shutil.which("chromium") is not None
    return {"lighthouse": browser and LIGHTHOUSE_TOOL.exists(), "weight": browser, "critical": browser}.get(name, True)


def test_the_json_has_every_measurement_and_every_figure(quick_run):
    _, report = quick_run
    assert set(report["machine"]) == MACHINE
    assert set(report["seconds"]) == set(ORDER) - {"setup"}
    results = report["results"]
    assert list(results) == ORDER
    assert set(results["overhead"]) == OVERHEAD
    assert set(results["scaling"]) == SCALING
    assert set(results["scaling"]["sizes"]) == {"1x", "2x", "2x+anchors"}
    assert all(set(size) == SIZE for size in results["scaling"]["sizes"].values())
    assert set(results["scaling"]["engine_alone_s"]) == set(results["scaling"]["pages"]) == {"1x", "2x"}
    assert set(results["preview"]) == {"real", "2x", "poll_interval_s"}
    assert set(results["preview"]["real"]) == set(results["preview"]["2x"]) == PREVIEW
    assert set(results["engines"]["engines"]) == {"mkdocs", "properdocs", "zensical"}
    assert all(set(e) >= {"wall_s", "runs"} for e in results["engines"]["engines"].values())
    assert set(results["profile"]) == PROFILE
    assert results["profile"]["ours"] and results["profile"]["theirs"]
    assert results["setup"] == {"skipped": "only with --setup"}
    for name in ("weight", "critical", "lighthouse"):
        if not measured(name):
            assert "skipped" in results[name]
    if measured("weight"):
        assert set(results["weight"]) == WEIGHT
        assert "question-7/" in results["weight"]["pages"]
        assert all(set(page["real"]) == set(page["stock"]) == LOAD for page in results["weight"]["pages"].values())
    if measured("critical"):
        assert set(results["critical"]) == CRITICAL
        pages = results["critical"]["pages"]
        assert "/" in pages and any(page.startswith("r/") for page in pages)  # share pages too
        assert all(set(page) == CRITICAL_PAGE for page in [*pages.values(), results["critical"]["stock_worst_page"]])
    if measured("lighthouse"):
        lighthouse = results["lighthouse"]
        assert set(lighthouse) == LIGHTHOUSE
        pages = list(lighthouse["pages"])
        assert pages[0] == "/" and any(page.startswith("r/") for page in pages) and len(pages) == 3
        assert set(lighthouse["worst"]) == VITALS | {"lcp_ratio"}


def test_every_figure_of_the_json_is_printed_in_the_table(quick_run):
    stdout, report = quick_run
    assert report["table"]
    for row in report["table"]:
        assert set(row) == {"measurement", "figure", "value", "target", "met"}
        line = next((line for line in stdout.splitlines() if f"| {row['figure']} " in line), None)
        assert line is not None, f"{row['figure']!r} is not printed"
        assert row["value"] in line
    for label in ["ratio, whole command", "per rebuttal 1×", "peak memory 2×", "largest: registered anchors / none",
                  "save → page served, real source", "save → page served, 2x source", "of which in the hook's events",
                  "`build_site.py --engine zensical`"]:
        assert label in stdout
    assert "top 15 cumulative, ours (scripts/)" in stdout
    assert "wrote " in stdout


def test_every_target_of_the_issue_has_a_row_saying_whether_it_is_met(quick_run):
    _, report = quick_run
    targets = dict(TARGETS)
    if measured("critical"):
        targets.update(BROWSER_TARGETS)
    if measured("lighthouse"):
        targets.update(LIGHTHOUSE_TARGETS)
    for figure, target in targets.items():
        row = next((row for row in report["table"] if row["figure"].startswith(figure)), None)
        assert row is not None, f"no row for {figure!r}"
        assert row["target"] == target and isinstance(row["met"], bool), row


def test_ratios_and_verdicts_are_worked_out_from_the_values(quick_run):
    _, report = quick_run
    results, rows = report["results"], {row["figure"]: row for row in report["table"]}
    engines = results["engines"]["engines"]
    for figures in engines.values():
        assert figures["ratio_to_mkdocs"] == pytest.approx(figures["wall_s"] / engines["mkdocs"]["wall_s"])
    scaling = results["scaling"]
    assert scaling["time_ratio"] == pytest.approx(scaling["sizes"]["2x"]["wall_s"] / scaling["sizes"]["1x"]["wall_s"])
    if measured("weight"):
        for page in results["weight"]["pages"].values():
            assert page["gzip_ratio"] == pytest.approx(page["real"]["gzip"] / page["stock"]["gzip"])
        row = next(row for figure, row in rows.items() if figure.startswith("heaviest page / stock"))
        assert row["met"] == (results["weight"]["heaviest_gzip_ratio"] <= 0.9)
    if measured("critical"):
        critical = results["critical"]
        for page in [*critical["pages"].values(), critical["stock_worst_page"]]:
            assert page["critical_gzip"] == page["document_gzip"] + sum(page["blocking"].values())
            assert page["critical_ratio"] == pytest.approx(page["critical_gzip"] / page["document_gzip"])
        row = next(row for figure, row in rows.items() if figure.startswith("HTML + render-blocking"))
        assert row["met"] == (critical["worst_ratio"] <= 2)
        row = next(row for figure, row in rows.items() if figure.startswith("render-blocking requests"))
        assert row["met"] == (critical["render_blocking_max"] == 0)
    if measured("lighthouse"):
        lighthouse = results["lighthouse"]
        for page in lighthouse["pages"].values():
            assert len(page["site"]["runs"]) == len(page["stock"]["runs"]) == lighthouse["runs"]  # alternately
            for vital in VITALS:
                medians = [statistics.median(r[vital] for r in page[side]["runs"]) for side in ("site", "stock")]
                assert [page[side]["median"][vital] for side in ("site", "stock")] == medians
                assert page["ratio"][vital] == (pytest.approx(medians[0] / medians[1]) if medians[1] else None)
        worst = lighthouse["worst"]
        assert worst["lcp_ms"]["value"] == max(p["site"]["median"]["lcp_ms"] for p in lighthouse["pages"].values())
        row = next(row for figure, row in rows.items() if figure.startswith("mobile LCP, worst page"))
        assert row["met"] == (worst["lcp_ms"]["value"] <= 1000)
        row = next(row for figure, row in rows.items() if figure.startswith("mobile LCP / stock's"))
        assert row["met"] == (worst["lcp_ratio"]["value"] <= 0.7)


def test_only_runs_the_measurements_asked_for(tmp_path_factory):
    stdout, report = bench(tmp_path_factory, "--only", "engines")
    assert [name for name, f in report["results"].items() if "skipped" not in f] == ["engines"]
    assert "`build_site.py --engine mkdocs`" in stdout


def test_rounds_stop_at_the_time_given_but_never_below_the_least_asked_for():
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench.budget import rounds

    assert list(rounds(5, until=0, least=3)) == [0, 1, 2]  # a deadline long past: the least, no more
    assert list(rounds(5, until=float("inf"))) == [0, 1, 2, 3, 4]
