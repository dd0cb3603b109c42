#!/usr/bin/env python3
"""Benchmark the site: how fast it builds, previews and loads. Prints a table, writes it as JSON.

    scripts/benchmark.py [--quick] [--runs N] [--factors 1,10,100] [--only A,B] [--skip A,B]
                         [--setup] [--no-uv] [--json build/benchmark.json]

Measurements (names for --only and --skip): overhead, scaling, preview, weight, lighthouse,
profile, and with --setup, setup. Times are medians of --runs runs (5; 1 with --quick), builds
of different kinds alternate in each round, and every build is warm (preview cards cached).
Nothing here fails on a slow machine: the table says which targets were met.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import traceback
from importlib import metadata
from pathlib import Path


from bench.builds import overhead, profile, scaling
from bench.common import ROOT, Failed
from bench.fresh_setup import fresh_setup
from bench.lighthouse_scores import lighthouse
from bench.preview import preview
from bench.weight import weight

MEASUREMENTS = ["overhead", "scaling", "preview", "weight", "lighthouse", "profile", "setup"]


def machine() -> dict:
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), None) if Path("/proc/meminfo").exists() else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {"cpus": os.cpu_count(), "memory_mb": memory, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.machine()}",
            "mkdocs": metadata.version("mkdocs"), "material": metadata.version("mkdocs-material"),
            "commit": commit.stdout.strip(), "load_average": os.getloadavg()[0],
            "date": datetime.datetime.now(datetime.UTC).isoformat("T", "seconds")}


def measure(name: str, args, tmp: Path) -> dict:
    """Run one measurement in its own folder; a measurement that cannot be taken says why."""
    folder = tmp / name
    folder.mkdir()
    calls = {
        "overhead": lambda: overhead(folder, args.runs),
        "scaling": lambda: scaling(folder, args.runs, args.factors),
        "preview": lambda: preview(folder, args.runs, args.factors),
        "weight": lambda: weight(folder),
        "lighthouse": lambda: lighthouse(),
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
    if "time_ratio" in f:
        rows.append(("Scaling", "largest: registered anchors / none", f"{f['anchors_ratio']:.2f}", "", None))
        rows += [("Scaling", f"build time, largest / smallest (content × {f['content_ratio']:.0f})",
                  f"{f['time_ratio']:.1f}", "≤ 10", f["time_ratio"] <= 10),
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
        if figures.get("rebuild_s") is not None:
            rows.append(("Preview", f"of which the rebuild, {name}", seconds(figures["rebuild_s"]), "", None))
    return rows


def weight_rows(f: dict) -> list[tuple]:
    rows = []
    for page, figures in f["pages"].items():
        ours, stock = figures["real"], figures["stock"]
        rows.append(("Page weight", f"`{page}` gzip kB (raw), requests",
                     f"{ours['gzip'] / 1000:.1f} ({ours['bytes'] / 1000:.0f}), {ours['requests']}",
                     f"stock {stock['gzip'] / 1000:.1f} ({stock['bytes'] / 1000:.0f}), {stock['requests']}",
                     figures["gzip_ratio"] <= 1))
    some = next(iter(f["pages"].values()))["real"]
    rows += [("Page weight", "of which search index + worker, gzip kB", f"{some['search_gzip'] / 1000:.1f}", "", None),
             ("Page weight", "heaviest page / stock page (gzip)", f"{f['heaviest_gzip_ratio']:.3f}", "≤ 1",
              f["heaviest_gzip_ratio"] <= 1),
             ("Page weight", "render-blocking resources the page does not use",
              ", ".join(f["unused_blocking"]) or "none", "none", not f["unused_blocking"])]
    return rows


# The performance issue's targets: score 100 and LCP ≤ 1.0 s in the mobile simulation; Lighthouse's
# "good" thresholds for the other vitals (and for LCP on desktop).
SCORE_TARGET = 100
VITALS = {"lcp_ms": ("LCP", 2500, " ms"), "tbt_ms": ("TBT", 200, " ms"), "cls": ("CLS", 0.1, "")}
MOBILE_LCP_MS = 1000


def lighthouse_rows(f: dict) -> list[tuple]:
    rows = []
    for factor, worst in f["worst"].items():
        score = worst["performance_min"]
        rows.append(("Lighthouse", f"{factor}: lowest performance score", f"{score:.0f}",
                     f"{SCORE_TARGET}", score >= SCORE_TARGET))
        for metric, (label, limit, unit) in VITALS.items():
            limit = MOBILE_LCP_MS if (factor, metric) == ("mobile", "lcp_ms") else limit
            if f"{metric}_max" in worst:
                value = worst[f"{metric}_max"]
                shown = f"{value:.3f}" if metric == "cls" else f"{value:.0f}{unit}"
                rows.append(("Lighthouse", f"{factor}: highest {label}", shown, f"≤ {limit}{unit}", value <= limit))
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


ROWS = {"overhead": overhead_rows, "scaling": scaling_rows, "preview": preview_rows, "weight": weight_rows,
        "lighthouse": lighthouse_rows, "profile": profile_rows, "setup": setup_rows}


def table(results: dict) -> list[tuple]:
    rows = []
    for name, figures in results.items():
        if "skipped" in figures or "error" in figures:
            rows.append((name.capitalize(), f"{name}: not measured", figures.get("skipped") or figures["error"], "",
                         None))
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


def options(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each timing instead of five")
    parser.add_argument("--runs", type=int, help="runs per timing, median reported (default 5, 1 with --quick)")
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
    about = machine()
    results = {}
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        for name in MEASUREMENTS:
            if name in args.chosen:
                print(f"measuring {name}…", file=sys.stderr, flush=True)
                results[name] = measure(name, args, Path(tmp))
            else:
                results[name] = {"skipped": "not asked for" if name != "setup" else "only with --setup"}
    rows = table(results)
    columns = ("measurement", "figure", "value", "target", "met")
    about["load_average_end"] = os.getloadavg()[0]
    report = {"machine": about, "runs": args.runs, "factors": args.factors, "results": results,
              "table": [dict(zip(columns, row, strict=True)) for row in rows]}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    m = report["machine"]
    print(f"{m['cpus']} CPUs, {m['memory_mb'] / 1024:.0f} GB, Python {m['python']}, MkDocs {m['mkdocs']}, "
          f"Material {m['material']}, commit {m['commit']}, {m['date']}, load average {m['load_average']:.1f} "
          f"→ {m['load_average_end']:.1f}; median of {args.runs} run(s)\n")
    print(markdown(rows))
    if "build_s" in results["profile"]:
        print("\n" + profile_text(results["profile"]))
    print(f"\nwrote {args.json}")
    return 1 if any("error" in figures for figures in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
