#!/usr/bin/env python3
"""Lighthouse scores of every page of the site, on a phone and on a desktop. A benchmark, not a test.

    scripts/lighthouse.py [--pages PATH,PATH] [--form-factors mobile,desktop] [--json build/lighthouse.json]
                          [--project DIR] [--strict]

Builds the site (strict) for the address it is served at, serves it from 127.0.0.1 compressed
with gzip as a static host would, and runs Lighthouse once per page and form factor against
Debian's chromium. Prints a table of the four category scores with LCP, TBT and CLS, says which
targets were missed and why (the failing audits), and writes everything to build/lighthouse.json;
each full Lighthouse report goes to build/lighthouse/.

Installs nothing: Lighthouse comes from the local npm install in tools/ (`make lighthouse`
installs it), run with `npx --no`. Exits 0 whatever the scores; --strict exits 1 when a target
is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from reply_site.local_host import LocalServer

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The targets: every category at 100, except performance, which must reach 95 on a phone.
TARGETS = {("performance", "mobile"): 95, ("accessibility", None): 100, ("best-practices", None): 100,
           ("seo", None): 100}
FORWARDS = re.compile(r"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)


def build_site(project: Path, url: str, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the site does not build:\n{result.stderr}")


def pages_of(site: Path) -> list[str]:
    """Every page below the site root ('' is home), pages that only forward elsewhere left out."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if not FORWARDS.search(path.read_text(encoding="utf-8")):
            pages.append(path.relative_to(site).as_posix().removesuffix("index.html"))
    return pages


def run_lighthouse(url: str, form_factor: str, report: Path, chromium: str) -> dict:
    command = ["npx", "--no", "lighthouse", url, "--output=json", f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, cwd=TOOLS, env={**os.environ, "CHROME_PATH": chromium},
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({form_factor}): {(result.stderr or result.stdout)[-800:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def figures(page: str, form_factor: str, lhr: dict) -> dict:
    """What a report says, in short: scores out of 100, the three vitals, and the audits that
    cost a category points."""
    audits = lhr["audits"]
    scores = {name: round(100 * lhr["categories"][name]["score"]) for name in CATEGORIES}
    failing = {}
    for name in CATEGORIES:
        if name == "performance":
            continue
        failing[name] = [ref["id"] for ref in lhr["categories"][name]["auditRefs"]
                         if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)]
    return {"page": "/" + page, "form_factor": form_factor, **scores,
            "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
            "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
            "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
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

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian's chromium is not installed (apt-get install chromium)")
    if not (TOOLS / "node_modules" / ".bin" / "lighthouse").exists():
        sys.exit("Lighthouse is not installed in tools/: run `make lighthouse`")

    reports = args.json.parent / "lighthouse"
    site = args.json.parent / "lighthouse-site"
    reports.mkdir(parents=True, exist_ok=True)
    server = LocalServer()
    base = server.url
    build_site(args.project.resolve(), base, site.resolve())
    server.serve(site, compress=True)

    pages = ([p.strip().lstrip("/") for p in args.pages.split(",")] if args.pages else pages_of(site))
    rows, version = [], None
    try:
        for page in pages:
            for form_factor in args.form_factors.split(","):
                name = (page.strip("/").replace("/", "-").removesuffix(".html") or "home") + f"-{form_factor}"
                lhr = run_lighthouse(base + page, form_factor, reports / f"{name}.json", chromium)
                rows.append(figures(page, form_factor, lhr))
                version = lhr.get("lighthouseVersion", version)
                print(f"  {rows[-1]['page']} ({form_factor}): done", file=sys.stderr, flush=True)
    finally:
        server.stop()

    missed = [line for row in rows for line in missed_targets(row)]
    print(table(rows))
    print("\nTargets: accessibility, best practices and SEO 100; performance >= 95 on mobile.")
    print("All met." if not missed else "Missed:\n  " + "\n  ".join(missed))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "lighthouse": version, "chromium": subprocess.run([chromium, "--version"], capture_output=True,
                                                          text=True).stdout.strip(),
        "served": "127.0.0.1, gzip-compressed, Cache-Control max-age=600",
        "targets": {f"{c}{'/' + f if f else ''}": t for (c, f), t in TARGETS.items()},
        "missed": missed, "runs": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nWritten: {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}"
          f" (full reports in {reports.relative_to(ROOT) if reports.is_relative_to(ROOT) else reports}/)")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
