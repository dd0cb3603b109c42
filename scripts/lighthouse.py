#!/usr/bin/env python3
"""Lighthouse scores of every page of the site, on a phone and on a desktop. A benchmark, not a test.

    scripts/lighthouse.py [--pages PATH,PATH] [--form-factors mobile,desktop] [--json build/lighthouse.json]
                          [--project DIR] [--strict]

Builds the site as `make site` does, for the address it is served at, serves it from 127.0.0.1
compressed with gzip as a static host would, and runs Lighthouse once per page and form factor,
one run after another in one Debian chromium (bench/lighthouse_runs.py, as `make bench` does).
Prints a table of the four category scores with LCP, TBT and CLS, says which targets were missed
and why (the failing audits), and writes everything to build/lighthouse.json; each full
Lighthouse report goes to build/lighthouse/.

Installs nothing: Lighthouse comes from the local npm install in tools/ (`make lighthouse`
installs it). Exits 0 whatever the scores; --strict exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT, Failed, chromium
from bench.lighthouse_runs import run_all, vitals
from bench.sites import build_site, pages
from reply_site.local_host import LocalServer

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The targets: every category at 100, except performance, which must reach 95 on a phone.
TARGETS = {("performance", "mobile"): 95, ("accessibility", None): 100, ("best-practices", None): 100,
           ("seo", None): 100}


def figures(page: str, form_factor: str, lhr: dict) -> dict:
    """What a report says, in short: scores out of 100, the three vitals, and the audits that
    cost a category points."""
    audits = lhr["audits"]
    scores = {name: round(100 * lhr["categories"][name]["score"]) for name in CATEGORIES}
    measured = vitals(lhr)
    failing = {}
    for name in CATEGORIES:
        if name == "performance":
            continue
        failing[name] = [ref["id"] for ref in lhr["categories"][name]["auditRefs"]
                         if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)]
    return {"page": "/" + page, "form_factor": form_factor, **scores,
            "lcp_ms": round(measured["lcp_ms"]), "tbt_ms": round(measured["tbt_ms"]), "cls": round(measured["cls"], 3),
            "failing_audits": {name: ids for name, ids in failing.items() if ids},
            "warnings": lhr.get("runWarnings", [])}


def missed_targets(row: dict) -> list[str]:
    missed = []
    for (category, form_factor), target in TARGETS.items():
        if form_factor in (None, row["form_factor"]) and row[category] < target:
            reasons = row["failing_audits"].get(category, [])
            missed.append(f"{row['page']} ({row['form_factor']}): {category} {row[category]} < {target}"
                          + (f" [{', '.join(reasons)}]" if reasons else ""))
    return missed


def table(rows: list[dict]) -> str:
    header = ["page", "form", "perf", "a11y", "best", "seo", "LCP ms", "TBT ms", "CLS"]
    lines = [[r["page"], r["form_factor"], r["performance"], r["accessibility"], r["best-practices"], r["seo"],
              r["lcp_ms"], r["tbt_ms"], f"{r['cls']:.3f}"] for r in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]

    def render(cells: list) -> str:  # page and form to the left, figures to the right
        return "  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([render(header), render(["-" * w for w in widths])] + [render(line) for line in lines])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated paths below the root ('/' for home); default: every page")
    parser.add_argument("--form-factors", default="mobile,desktop")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "lighthouse.json")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to build (default: this one)")
    args = parser.parse_args()

    reports = args.json.parent / "lighthouse"
    site = (args.json.parent / "lighthouse-site").resolve()
    server = LocalServer()
    try:
        build_site(args.project.resolve(), server.url, site)
        server.serve(site, compress=True)
        chosen = [p.strip().lstrip("/") for p in args.pages.split(",")] if args.pages else pages(site)
        runs = [{"url": server.url + page, "preset": factor, "page": page,
                 "name": (page.strip("/").replace("/", "-").removesuffix(".html") or "home") + f"-{factor}"}
                for page in chosen for factor in args.form_factors.split(",")]
        reports_read = run_all(runs, reports, CATEGORIES)
    except Failed as failure:
        sys.exit(str(failure))
    finally:
        server.stop()
    rows = [figures(run["page"], run["preset"], lhr) for run, lhr in zip(runs, reports_read, strict=True)]
    version = reports_read[0].get("lighthouseVersion") if reports_read else None

    missed = [line for row in rows for line in missed_targets(row)]
    print(table(rows))
    print("\nTargets: accessibility, best practices and SEO 100; performance >= 95 on mobile.")
    print("All met." if not missed else "Missed:\n  " + "\n  ".join(missed))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "lighthouse": version, "chromium": subprocess.run([chromium() or "chromium", "--version"],
                                                          capture_output=True, text=True).stdout.strip(),
        "served": "127.0.0.1, gzip-compressed, Cache-Control max-age=600",
        "targets": {f"{c}{'/' + f if f else ''}": t for (c, f), t in TARGETS.items()},
        "missed": missed, "runs": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nWritten: {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}"
          f" (full reports in {reports.relative_to(ROOT) if reports.is_relative_to(ROOT) else reports}/)")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
