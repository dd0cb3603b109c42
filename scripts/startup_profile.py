#!/usr/bin/env python3
"""Where a page's main-thread time goes as it loads, on the site and on stock Material: a benchmark,
not a test.

    scripts/startup_profile.py [--page whole-reply/] [--loads 5] [--cpu-slowdown 4] [--json FILE]

Builds the site and stock Material publishing the same Markdown, served gzip-compressed from
127.0.0.1, as `make bench` does (bench/sites.py), and loads the page in Debian's chromium, the two
sites taking turns, the CPU slowed as Lighthouse's mobile run slows it. Each load's trace is read
(bench/startup.py) into kinds of task: the theme's bundle evaluated, the theme's start, the site's
script, parsing, style and layout, other scripts. Prints, per kind and site, the median time after
the first paint and blocking time (what Lighthouse's TBT sums) after it and from the start, and
writes them to build/startup-profile.json. Installs nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from bench.browser import browser
from bench.common import ROOT, Failed
from bench.sites import Sites
from bench.startup import KINDS, profile, traced_load

FIGURES = ["after_paint_ms", "blocking_ms", "blocking_from_start_ms"]


def medians(profiles: list[dict]) -> dict:
    """The median of each figure, per kind and in total, over loads of one site."""
    return {"first_paint_ms": statistics.median(p["first_paint_ms"] for p in profiles),
            "kinds": {k: {f: statistics.median(p["kinds"][k][f] for p in profiles) for f in FIGURES} for k in KINDS},
            "total": {f: statistics.median(p["total"][f] for p in profiles) for f in FIGURES}}


def table(result: dict) -> str:
    sites = list(result["sites"])
    lines = [f"{result['page']}: median of {result['loads']} loads each, CPU {result['cpu_slowdown']:g}× slower",
             "first contentful paint: "
             + ", ".join(f"{s} {result['sites'][s]['first_paint_ms']:.0f} ms" for s in sites),
             f"{'ms: after first paint / blocking after it / blocking from start':<52}"
             + "".join(f"{s:>22}" for s in sites)]
    for name in [*KINDS, "total"]:
        rows = [result["sites"][s]["total"] if name == "total" else result["sites"][s]["kinds"][name] for s in sites]
        lines.append(f"{name:<52}" + "".join(f"{' / '.join(f'{r[f]:.0f}' for f in FIGURES):>22}" for r in rows))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", default="whole-reply/", help="address below the site root ('' is home)")
    parser.add_argument("--loads", type=int, default=5, help="loads of the page on each site")
    parser.add_argument("--cpu-slowdown", type=float, default=4.0, help="as Lighthouse's mobile run: 4")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "startup-profile.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-profile-") as tmp:
        sites = Sites(Path(tmp))
        try:
            urls = sites.urls()
            loads: dict[str, list[dict]] = {name: [] for name in urls}
            with browser() as chromium:
                for number in range(args.loads):
                    for name in (list(urls) if number % 2 == 0 else list(urls)[::-1]):
                        trace = Path(tmp) / f"{name}-{number}.json"
                        traced_load(chromium, urls[name] + args.page, trace, args.cpu_slowdown)
                        loads[name].append(profile(trace))
                        trace.unlink()
        except Failed as failure:
            print(f"startup_profile: {failure}", file=sys.stderr)
            return 1
        finally:
            sites.close()
    result = {"page": args.page, "loads": args.loads, "cpu_slowdown": args.cpu_slowdown,
              "sites": {name: medians(runs) for name, runs in loads.items()},
              "runs": loads}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(table(result))
    print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
