"""Lighthouse from Python: runs in order in one chromium (bench/lighthouse.mjs, with the Lighthouse of
tools/), each report read back; and the figures the bench and scripts/lighthouse.py take from one."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .common import CHROMIUM_ARGS, ROOT, Failed, chromium

TOOLS = ROOT / "tools"
RUNNER = Path(__file__).with_name("lighthouse.mjs")
BLOCKED = ["https://*"]  # every other host: the sites are served over http from 127.0.0.1
# Lighthouse's audit of each vital, and how the figures name it.
VITALS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time",
          "cls": "cumulative-layout-shift", "fcp_ms": "first-contentful-paint"}


def available() -> None:
    """Failed unless Lighthouse and chromium are installed."""
    if not (TOOLS / "node_modules" / "lighthouse").exists():
        raise Failed("Lighthouse is not installed in tools/: run `make tools/node_modules/.installed`")
    if not chromium():
        raise Failed("chromium is not installed (Debian's: apt-get install chromium)")


def run_all(runs: list[dict], folder: Path, categories: list[str]) -> list[dict]:
    """Lighthouse's report (LHR) of each run ({"url", "preset", "name"}), its JSON kept in `folder`."""
    available()
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [{"url": r["url"], "preset": r["preset"], "report": str(folder / f"{r['name']}.json")} for r in runs]
    job_file = folder / "jobs.json"
    job_file.write_text(json.dumps({"tools": str(TOOLS), "chrome_flags": CHROMIUM_ARGS, "categories": categories,
                                    "blocked": BLOCKED, "runs": jobs}), encoding="utf-8")
    result = subprocess.run(["node", str(RUNNER), str(job_file)], env={**os.environ, "CHROME_PATH": chromium()},
                            timeout=120 * len(runs) + 120)  # its progress and errors go to stderr
    if result.returncode != 0:
        raise Failed(f"Lighthouse failed (exit {result.returncode}); its messages are above")
    return [json.loads(Path(job["report"]).read_text(encoding="utf-8")) for job in jobs]


def vitals(lhr: dict) -> dict:
    """The performance score out of 100 and the vitals (ms; CLS unitless) of one report."""
    audits = lhr["audits"]
    return {"performance": round(100 * lhr["categories"]["performance"]["score"]),
            **{name: audits[audit]["numericValue"] for name, audit in VITALS.items()},
            "blocking_ms": blocking_from_start(audits)}


def blocking_from_start(audits: dict) -> float:
    """TBT's sum (each long task's time past 50 ms) over the whole load, not only after the first
    paint: the same main-thread work counts the same whether or not the page has painted before it."""
    tasks = (audits.get("long-tasks", {}).get("details") or {}).get("items", [])
    return sum(max(0.0, task["duration"] - 50) for task in tasks)
