#!/usr/bin/env python3
"""Benchmark the site: how fast it builds, previews and loads, against stock Material in the same
run. Prints a table, writes it as JSON.

    scripts/benchmark.py [--quick] [--runs N] [--minutes M] [--factors 1,10,100] [--only A,B]
                         [--skip A,B] [--setup] [--no-uv] [--json build/benchmark.json]

Measurements (names for --only and --skip): weight, critical, lighthouse, overhead, engines,
scaling, preview, profile, and with --setup, setup. Figures are medians of up to --runs rounds
(5; 1 with --quick; Lighthouse at least 3), as many as fit in --minutes for the whole bench
(bench/budget.py); kinds of build alternate in each round, and every build is warm (the project
copies share one .cache). Nothing here fails on a slow machine: the table says which targets were met.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path


from bench.budget import Budget
from bench.builds import overhead, profile, scaling
from bench.common import ROOT, Failed, share_cache
from bench.critical_path import critical_path
from bench.engines import engines
from bench.fresh_setup import fresh_setup
from bench.lighthouse_scores import lighthouse
from bench.preview import preview
from bench.sites import Sites
from bench.weight import weight

# In the order they run: the pages first (Lighthouse takes its three rounds whatever the time left).
MEASUREMENTS = ["weight", "critical", "lighthouse", "overhead", "engines", "scaling", "preview", "profile", "setup"]
# How the time limit is shared among the measurements that repeat rounds.
WEIGHTS = {"lighthouse": 3, "overhead": 0.5, "engines": 1, "scaling": 4, "preview": 3}


def machine() -> dict:
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), None) if Path("/proc/meminfo").exists() else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {"cpus": os.cpu_count(), "memory_mb": memory, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.machine()}",
            "mkdocs": metadata.version("mkdocs"), "material": metadata.version("mkdocs-material"),
            "commit": commit.stdout.strip(), "load_average": os.getloadavg()[0],
            "date": datetime.datetime.now(datetime.UTC).isoformat("T", "seconds")}


def measure(name: str, args, tmp: Path, sites: Sites, budget: Budget) -> dict:
    """Run one measurement in its own folder; a measurement that cannot be taken says why."""
    folder = tmp / name
    folder.mkdir()
    until = budget.until(name)
    calls = {
        "weight": lambda: weight(sites),
        "critical": lambda: critical_path(sites),
        "lighthouse": lambda: lighthouse(folder, sites, args.runs, until),
        "overhead": lambda: overhead(folder, args.runs, until),
        "engines": lambda: engines(folder, args.runs, until),
        "scaling": lambda: scaling(folder, args.runs, args.factors, until),
        "preview": lambda: preview(folder, args.runs, args.factors, until),
        "profile": lambda: profile(folder),
        "setup": lambda: fresh_setup(folder, with_uv=args.uv),
    }
    try:
        return calls[name]()
    except Failed as reason:
        return {"skipped": str(reason)}
    except Exception as error:  # noqa: BLE001 - one broken measurement must not hide the others
        traceback.print_exc()
        return {"error": f"{type(error).__name__}: {error}"}


# Table rows: (measurement, figure, value, target, met) — met is None when there is no target.

def seconds(value: float) -> str:
    return f"{value:.2f} s"


def verdict(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: ""}[met]


def overhead_rows(f: dict) -> list[tuple]:
    return [
        ("Build overhead", "`mkdocs build`, real site (hook)", seconds(f["hook_wall_s"]), "", None),
        ("Build overhead", "`mkdocs build`, same Markdown, no hook", seconds(f["plain_wall_s"]), "", None),
        ("Build overhead", "ratio, whole command", f"{f['wall_ratio']:.2f}", "≤ 1.10", f["wall_ratio"] <= 1.10),
        ("Build overhead", "ratio, build step only (config loaded)", f"{f['build_ratio']:.2f}", "", None),
    ]


def scaling_rows(f: dict) -> list[tuple]:
    rows = []
    for size in f["sizes"].values():
        name = f"{size['factor']}×" + (" with every anchor registered" if size["anchors_registered"] else "")
        label = f"{name} ({size['rebuttals']} rebuttals, {size['source_bytes'] / 1000:.0f} kB)"
        rows += [("Scaling", f"build {label}", seconds(size["wall_s"]), "", None),
                 ("Scaling", f"per rebuttal {name}", f"{size['ms_per_rebuttal']:.1f} ms", "", None),
                 ("Scaling", f"peak memory {name}", f"{size['maxrss_mb']:.0f} MB", "", None)]
    for label, wall in f.get("engine_alone_s", {}).items():
        pages = f.get("pages", {}).get(label)
        rows.append(("Scaling", f"build {label}, the engine alone ({pages} pages, no hook)", seconds(wall), "", None))
    if "time_ratio" in f:
        rows.append(("Scaling", "largest: registered anchors / none", f"{f['anchors_ratio']:.2f}", "", None))
        rows += [("Scaling", f"build time, largest / smallest (content × {f['content_ratio']:.0f})",
                  f"{f['time_ratio']:.1f}", "≤ 10", f["time_ratio"] <= 10),
                 ("Scaling", "the engine alone on the same pages, largest / smallest",
                  f"{f['engine_alone_ratio']:.1f}" if "engine_alone_ratio" in f else "not measured", "", None),
                 ("Scaling", "peak memory, largest / smallest", f"{f['memory_ratio']:.1f}",
                  f"≤ {f['content_ratio']:.0f} (content)", f["memory_ratio"] <= f["content_ratio"]),
                 ("Scaling", "memory per extra copy of the reply", f"{f['mb_per_copy']:.2f} MB", "", None)]
    return rows


def preview_rows(f: dict) -> list[tuple]:
    rows = []
    for label, figures in f.items():
        if not isinstance(figures, dict):
            continue
        limit = 1.0 if label == "real" else 3.0
        name = "real source" if label == "real" else f"{label} source"
        rows.append(("Preview", f"save → page served, {name}", seconds(figures["latency_s"]), f"< {limit:.0f} s",
                     figures["latency_s"] < limit))
        rows.append(("Preview", f"save → one-page view served, {name}", seconds(figures["view_latency_s"]), "",
                     None))
        if figures.get("rebuild_s") is not None:
            rows.append(("Preview", f"of which the rebuild, {name}", seconds(figures["rebuild_s"]), "", None))
    return rows


TRANSFER = 0.9  # the targets: page transfer against stock's, critical path against the HTML alone
CRITICAL = 2.0


def weight_rows(f: dict) -> list[tuple]:
    rows = []
    for page, figures in f["pages"].items():
        ours, stock = figures["real"], figures["stock"]
        rows.append(("Page weight", f"`{page}` gzip kB (raw), requests",
                     f"{ours['gzip'] / 1000:.1f} ({ours['bytes'] / 1000:.0f}), {ours['requests']}",
                     f"stock {stock['gzip'] / 1000:.1f} ({stock['bytes'] / 1000:.0f}), {stock['requests']}",
                     figures["gzip_ratio"] <= TRANSFER))
    some = next(iter(f["pages"].values()))["real"]
    rows += [("Page weight", "of which search index + worker, gzip kB", f"{some['search_gzip'] / 1000:.1f}", "", None),
             ("Page weight", "heaviest page / stock page (gzip)", f"{f['heaviest_gzip_ratio']:.3f}", f"≤ {TRANSFER}",
              f["heaviest_gzip_ratio"] <= TRANSFER),
             ("Page weight", "render-blocking resources the page does not use",
              ", ".join(f["unused_blocking"]) or "none", "none", not f["unused_blocking"])]
    return rows


def kilobytes(count: int) -> str:
    return f"{count / 1000:.1f} kB"


def critical_rows(f: dict) -> list[tuple]:
    page = f["worst_page"]
    site, stock = f["pages"][page], f["stock_worst_page"]

    def path(p: dict) -> str:
        html = kilobytes(p["document_gzip"])
        return f"{kilobytes(p['critical_gzip'])} = {p['critical_ratio']:.2f} × the HTML ({html})"

    blocking = f["pages"][f["most_blocking_page"]]
    count = f["render_blocking_max"]
    body_page = max(f["pages"], key=lambda p: len(f["pages"][p]["parser_blocking_in_body"]))
    in_body = f["pages"][body_page]["parser_blocking_in_body"]
    search = f["pages"][f["search_page"]]
    rows = [("Critical path", f"HTML + render-blocking, gzip, worst page (`{page}`)", path(site),
             f"≤ {CRITICAL:.0f} × the HTML", f["worst_ratio"] <= CRITICAL),
            ("Critical path", f"the same, stock Material (`{page}`)", path(stock), "", None),
            ("Critical path", f"render-blocking requests, worst page (`{f['most_blocking_page']}`)",
             f"{count} ({blocking['stylesheets']} stylesheets, {blocking['scripts']} scripts)" if count else "none",
             "none", count == 0),
            ("Critical path", f"scripts in <body> Chromium reports as blocking (the parser), most (`{body_page}`)",
             f"{len(in_body)}, {kilobytes(sum(in_body.values()))}" if in_body else "none", "", None),
            ("Critical path", "search index + worker fetched before any use of search",
             f"yes, {kilobytes(f['search_gzip'])} gzip" if f["search_fetched_before_use"] else "no", "", None)]
    if f["search_fetched_before_use"]:
        rows.append(("Critical path", "deferring them to first use of search would save",
                     f"{kilobytes(f['search_gzip'])} a page load ({100 * f['search_share']:.0f} % of "
                     f"`{f['search_page']}`, {kilobytes(search['page_gzip'])})", "", None))
    return rows


# The performance issue's targets for the worst page, mobile: score, LCP (also against stock's), TBT, CLS.
SCORE, LCP_MS, LCP_RATIO, TBT_MS = 100, 1000, 0.7, 100


def against_stock(ratio: float | None) -> str:
    return f"{ratio:.2f} × stock" if ratio is not None else "stock 0"


def vitals_text(m: dict) -> str:
    return (f"{m['performance']:.0f}, {m['lcp_ms'] / 1000:.2f} s, {m['tbt_ms']:.0f} ms, {m['cls']:.3f}, "
            f"{m['fcp_ms'] / 1000:.2f} s")


def lighthouse_rows(f: dict) -> list[tuple]:
    rows = [("Lighthouse", f"mobile `{page}`: score, LCP, TBT, CLS, FCP (median of {f['runs']})",
             vitals_text(p["site"]["median"]), "stock " + vitals_text(p["stock"]["median"]), None)
            for page, p in f["pages"].items()]
    w = f["worst"]
    score, lcp, tbt, cls, fcp = (w[k] for k in ("performance", "lcp_ms", "tbt_ms", "cls", "fcp_ms"))
    rows += [
        ("Lighthouse", f"mobile performance, worst page (`{score['page']}`)",
         f"{score['value']:.0f} ({against_stock(score['ratio'])})", f"{SCORE}", score["value"] >= SCORE),
        ("Lighthouse", f"mobile LCP, worst page (`{lcp['page']}`)",
         f"{lcp['value'] / 1000:.2f} s ({against_stock(lcp['ratio'])})", f"≤ {LCP_MS / 1000:.1f} s",
         lcp["value"] <= LCP_MS)]
    if "lcp_ratio" in w:
        rows.append(("Lighthouse", f"mobile LCP / stock's, worst page (`{w['lcp_ratio']['page']}`)",
                     f"{w['lcp_ratio']['value']:.2f}", f"≤ {LCP_RATIO}", w["lcp_ratio"]["value"] <= LCP_RATIO))
    rows += [
        ("Lighthouse", f"mobile TBT, worst page (`{tbt['page']}`)",
         f"{tbt['value']:.0f} ms ({against_stock(tbt['ratio'])})", f"≤ {TBT_MS} ms", tbt["value"] <= TBT_MS),
        ("Lighthouse", f"mobile CLS, worst page (`{cls['page']}`)",
         f"{cls['value']:.3f} ({against_stock(cls['ratio'])})", "0", round(cls["value"], 3) == 0),
        ("Lighthouse", f"mobile FCP, worst page (`{fcp['page']}`)",
         f"{fcp['value'] / 1000:.2f} s ({against_stock(fcp['ratio'])})", "", None)]
    if "blocking_ms" in w:  # reports of an older bench run lack it
        blocking = w["blocking_ms"]
        rows.append(("Lighthouse", f"mobile blocking time from the start, not FCP, worst page (`{blocking['page']}`)",
                     f"{blocking['value']:.0f} ms ({against_stock(blocking['ratio'])})", "", None))
    return rows


def engines_rows(f: dict) -> list[tuple]:
    rows = []
    for engine, figures in f["engines"].items():
        value = seconds(figures["wall_s"]) if "wall_s" in figures else f"not measured: {figures['error']}"
        if engine != "mkdocs" and "ratio_to_mkdocs" in figures:
            value += f" ({figures['ratio_to_mkdocs']:.2f} × MkDocs)"
        rows.append(("Engines", f"`build_site.py --engine {engine}` ({f['pages']} pages)", value, "", None))
    return rows


def profile_rows(f: dict) -> list[tuple]:
    return [("Profile", "one build under cProfile", seconds(f["build_s"]), "", None),
            ("Profile", "of which in the hook's events", f"{f['hook_s']:.2f} s ({100 * f['hook_share']:.0f} %)",
             "", None)]


def setup_rows(f: dict) -> list[tuple]:
    rows = []
    for key, label, target in (("pip_uncached", "pip, cache off", 60),
                               ("pip_uncached_pypi", "pip, cache off, PyPI only", 60),
                               ("pip_fill", "pip, cache as found", None),
                               ("pip_warm", "pip, cache warm", None), ("uv_uncached", "uv, cache off", None),
                               ("uv_warm", "uv, cache warm", None)):
        if isinstance(f.get(key), dict):
            run = f[key]
            rows.append(("Fresh set-up", f"clone → served, {label}",
                         f"{seconds(run['total_s'])} (install {run['install_s']:.0f} s)",
                         f"≤ {target} s" if target else "", run["total_s"] <= target if target else None))
    return rows


ROWS = {"weight": weight_rows, "critical": critical_rows, "lighthouse": lighthouse_rows, "overhead": overhead_rows,
        "engines": engines_rows, "scaling": scaling_rows, "preview": preview_rows, "profile": profile_rows,
        "setup": setup_rows}


def one_line(reason: str) -> str:
    """A reason for the table: its first line and, when it has more, its last (the JSON keeps it whole)."""
    lines = [line.strip() for line in reason.strip().splitlines() if line.strip()] or [""]
    return lines[0] if len(lines) == 1 else f"{lines[0]} … {lines[-1]}"


def table(results: dict) -> list[tuple]:
    rows = []
    for name, figures in results.items():
        if "skipped" in figures or "error" in figures:
            reason = one_line(figures.get("skipped") or figures["error"])
            rows.append((name.capitalize(), f"{name}: not measured", reason, "", None))
        else:
            rows += ROWS[name](figures)
    return rows


def markdown(rows: list[tuple]) -> str:
    header = ("Measurement", "Figure", "Value", "Target", "Met")
    lines = [header] + [(m, f, v, t, verdict(ok)) for m, f, v, t, ok in rows]
    widths = [max(len(str(line[i])) for line in lines) for i in range(5)]
    text = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |" for line in lines]
    text.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def profile_text(f: dict) -> str:
    lines = [f"Profile of one warm `mkdocs build` of the checkout ({f['build_s']:.2f} s under cProfile):",
             "  hook events: " + ", ".join(f"{k} {v:.3f} s" for k, v in sorted(f["hook_events_s"].items()))]
    for key, title in (("ours", "ours (scripts/)"), ("theirs", "MkDocs, Material and libraries")):
        lines.append(f"  top {len(f[key])} cumulative, {title}:")
        lines += [f"    {e['cumulative_s']:7.3f} s {e['calls']:>7} calls  {e['function']}" for e in f[key]]
    return "\n".join(lines)


def rounds_taken(results: dict) -> str:
    """How many rounds each measurement that repeats took."""
    taken = {name: f.get("runs") for name, f in results.items() if name in WEIGHTS and "runs" in f}
    if "preview" in results and "real" in results["preview"]:
        taken["preview"] = "/".join(str(f["runs"]) for f in results["preview"].values() if isinstance(f, dict))
    if "engines" in results and "engines" in results["engines"]:
        taken["engines"] = max((e.get("runs", 0) for e in results["engines"]["engines"].values()), default=0)
    return ", ".join(f"{name} {count}" for name, count in taken.items()) or "none"


def options(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each timing instead of up to five")
    parser.add_argument("--runs", type=int, help="most rounds per timing, median reported (default 5, 1 with --quick)")
    parser.add_argument("--minutes", type=float, default=12,
                        help="time for the whole bench: fewer rounds on a slow machine (default %(default)s)")
    parser.add_argument("--factors", default="1,10,100", help="sizes of the synthetic replies (default %(default)s)")
    parser.add_argument("--only", help="comma-separated measurements to run: " + ", ".join(MEASUREMENTS))
    parser.add_argument("--skip", default="", help="comma-separated measurements to leave out")
    parser.add_argument("--setup", action="store_true", help="also time a fresh clone to `make serve` (slow)")
    parser.add_argument("--no-uv", dest="uv", action="store_false", help="in --setup, do not time uv")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "benchmark.json")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 5)
    args.factors = sorted({int(f) for f in args.factors.split(",")})
    chosen = args.only.split(",") if args.only else [m for m in MEASUREMENTS if m != "setup" or args.setup]
    unknown = set(chosen + [s for s in args.skip.split(",") if s]) - set(MEASUREMENTS)
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    args.chosen = [m for m in MEASUREMENTS if m in chosen and m not in args.skip.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    # The builds import the project's modules: compiled first, as `make` and pip do (bytecode in
    # the Makefile), so that no build pays for compiling them.
    for folder in ("src", "scripts"):
        compileall.compile_dir(ROOT / folder, quiet=2)
    about = machine()
    results, took = {}, {}
    started = time.monotonic()
    budget = Budget(60 * args.minutes, {name: w for name, w in WEIGHTS.items() if name in args.chosen})
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        share_cache(Path(tmp) / "cache")
        sites = Sites(Path(tmp) / "sites")
        try:
            for name in MEASUREMENTS:
                if name in args.chosen:
                    print(f"measuring {name}…", file=sys.stderr, flush=True)
                    began = time.monotonic()
                    results[name] = measure(name, args, Path(tmp), sites, budget)
                    took[name] = time.monotonic() - began
                else:
                    results[name] = {"skipped": "not asked for" if name != "setup" else "only with --setup"}
        finally:
            sites.close()
    rows = table(results)
    columns = ("measurement", "figure", "value", "target", "met")
    about["load_average_end"] = os.getloadavg()[0]
    report = {"machine": about, "runs": args.runs, "minutes": args.minutes,
              "elapsed_s": time.monotonic() - started, "seconds": took, "factors": args.factors, "results": results,
              "table": [dict(zip(columns, row, strict=True)) for row in rows]}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    m = report["machine"]
    print(f"{m['cpus']} CPUs, {m['memory_mb'] / 1024:.0f} GB, Python {m['python']}, MkDocs {m['mkdocs']}, "
          f"Material {m['material']}, commit {m['commit']}, {m['date']}, load average {m['load_average']:.1f} "
          f"→ {m['load_average_end']:.1f}; {report['elapsed_s'] / 60:.1f} min; medians of up to {args.runs} "
          f"round(s) in {args.minutes:g} min: {rounds_taken(results)}\n")
    print(markdown(rows))
    if "build_s" in results["profile"]:
        print("\n" + profile_text(results["profile"]))
    print(f"\nwrote {args.json}")
    return 1 if any("error" in figures for figures in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
