"""Lighthouse, mobile, on the site and on stock Material publishing the same Markdown (bench/sites.py),
alternately: each round runs every chosen page on both, the two taking turns to go first. Each figure
is the median per page and site, given as a value and as a ratio to stock on the same page, and the
worst page decides.

The pages: home, the heaviest other page and the heaviest share page (r/<id>/), by the gzip size of
their HTML. One mobile run takes 11 to 13 s on the 2-core machine: every page three times on both
sites (some 100 runs) would not fit in the bench's 15 minutes; these three are 6 runs a round.
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path

from .budget import rounds
from .lighthouse_runs import run_all, vitals
from .sites import Sites, html_of, pages

FIGURES = ["performance", "lcp_ms", "tbt_ms", "cls", "fcp_ms", "blocking_ms"]
LEAST = 3  # runs of each page on each site, as the performance issue asks (1 with --quick)


def chosen_pages(site: Path) -> list[str]:
    """Home, the heaviest other page and the heaviest share page, by the gzip size of their HTML."""
    size = {p: len(gzip.compress(html_of(site, p).read_bytes(), 6)) for p in pages(site) if p != "404.html"}
    shares = [p for p in size if p.startswith("r/")]
    others = [p for p in size if p and p not in shares]
    return [""] + [max(group, key=size.get) for group in (others, shares) if group]


def round_of(number: int, pages: list[str], urls: dict[str, str]) -> list[dict]:
    """One round: each page on both sites, which goes first alternating by page and round."""
    runs = []
    for index, page in enumerate(pages):
        order = ["site", "stock"] if (number + index) % 2 == 0 else ["stock", "site"]
        name = page.strip("/").replace("/", "-") or "home"
        runs += [{"url": urls[which] + page, "preset": "mobile", "page": page or "/", "site": which,
                  "name": f"{name}-{which}-{number}"} for which in order]
    return runs


def ratio(ours: float, stock: float) -> float | None:
    return ours / stock if stock else None


def per_page(results: list[tuple[dict, dict]]) -> dict:
    """Every run's figures, their medians, and the site's medians as ratios to stock's, per page."""
    pages: dict[str, dict] = {}
    for run, figures in results:
        both = pages.setdefault(run["page"], {"site": {"runs": []}, "stock": {"runs": []}})
        both[run["site"]]["runs"].append(figures)
    for both in pages.values():
        for side in both.values():
            side["median"] = {f: statistics.median(r[f] for r in side["runs"]) for f in FIGURES}
        both["ratio"] = {f: ratio(both["site"]["median"][f], both["stock"]["median"][f]) for f in FIGURES}
    return pages


def worst(pages: dict) -> dict:
    """Per figure, the page where the site does worst (lowest score, highest vital) and its figures."""
    out = {}
    for figure in FIGURES:
        pick = min if figure == "performance" else max
        page = pick(pages, key=lambda p: pages[p]["site"]["median"][figure])
        out[figure] = {"page": page, "value": pages[page]["site"]["median"][figure],
                       "stock": pages[page]["stock"]["median"][figure], "ratio": pages[page]["ratio"][figure]}
    by_ratio = [p for p in pages if pages[p]["ratio"]["lcp_ms"] is not None]
    if by_ratio:
        page = max(by_ratio, key=lambda p: pages[p]["ratio"]["lcp_ms"])
        out["lcp_ratio"] = {"page": page, "value": pages[page]["ratio"]["lcp_ms"]}
    return out


def lighthouse(tmp: Path, sites: Sites, runs: int, until: float) -> dict:
    urls = sites.urls()
    chosen = chosen_pages(sites.folders()["site"])
    results, version = [], None
    for number in rounds(runs, until, least=min(LEAST, runs)):
        batch = round_of(number, chosen, urls)
        reports = run_all(batch, tmp / "reports", ["performance"])
        results += [(run, vitals(lhr)) for run, lhr in zip(batch, reports, strict=True)]
        version = reports[0].get("lighthouseVersion")
    pages = per_page(results)
    return {"lighthouse": version, "form_factor": "mobile", "runs": len(results) // (2 * len(chosen)),
            "pages": pages, "worst": worst(pages)}
