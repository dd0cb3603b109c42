"""Lighthouse figures, from scripts/lighthouse.py (written separately) when it and the tools exist.

The script prints its own table and writes build/lighthouse.json; this module runs it and picks
out, for every page and form factor it reports, the performance score, LCP, TBT and CLS, however
that JSON nests them.
"""

from __future__ import annotations

import json
import re
import subprocess
import time

from .common import ENV, PYTHON, ROOT, Failed, chromium

SCRIPT = ROOT / "scripts" / "lighthouse.py"
REPORT = ROOT / "build" / "lighthouse.json"
TOOL = ROOT / "tools" / "node_modules" / ".bin" / "lighthouse"
# Normalised key -> figure; keys are lower-cased with everything but letters removed.
KEYS = {"performance": "performance", "performancescore": "performance", "score": "performance",
        "lcp": "lcp_ms", "largestcontentfulpaint": "lcp_ms", "lcpms": "lcp_ms",
        "tbt": "tbt_ms", "totalblockingtime": "tbt_ms", "tbtms": "tbt_ms",
        "cls": "cls", "cumulativelayoutshift": "cls"}


def figures_in(data, label: str = "") -> list[dict]:
    """Every object of the report holding a performance score and at least one metric, with its path."""
    found = []
    if isinstance(data, dict):
        for field in ("url", "page", "path", "form_factor", "formFactor", "device", "preset"):
            if isinstance(data.get(field), str) and data[field] not in label.split():
                label = f"{label} {data[field]}".strip()
        picked = {}
        for key, value in data.items():
            name = KEYS.get(re.sub(r"[^a-z]", "", str(key).lower()))
            if name and name not in picked:
                value = value.get("numericValue", value.get("score")) if isinstance(value, dict) else value
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    picked[name] = value
        if "performance" in picked and len(picked) > 1:
            found.append({"label": label or "site", **picked})
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                found += figures_in(value, f"{label} {key}".strip())
    elif isinstance(data, list):
        for item in data:
            found += figures_in(item, label)
    return found


def summary(rows: list[dict]) -> dict:
    """Worst figures per form factor: lowest score, highest LCP, TBT and CLS."""
    out = {}
    for factor in ("mobile", "desktop"):
        mine = [r for r in rows if factor in r["label"].lower()]
        if not mine:
            continue
        scores = [r["performance"] * (100 if r["performance"] <= 1 else 1) for r in mine]
        out[factor] = {"performance_min": min(scores)}
        for metric in ("lcp_ms", "tbt_ms", "cls"):
            values = [r[metric] for r in mine if metric in r]
            if values:
                out[factor][f"{metric}_max"] = max(values)
    return out


def lighthouse() -> dict:
    if not SCRIPT.exists():
        raise Failed("scripts/lighthouse.py is not there yet")
    if not TOOL.exists():
        raise Failed("Lighthouse is not installed: run `make tools/node_modules/.installed`")
    if not chromium():
        raise Failed("chromium is not installed")
    started = time.time()
    result = subprocess.run([PYTHON, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=3600)
    if result.returncode != 0 or not REPORT.exists() or REPORT.stat().st_mtime < started:
        raise Failed(f"scripts/lighthouse.py failed: {(result.stderr or result.stdout).strip()[-500:]}")
    rows = figures_in(json.loads(REPORT.read_text(encoding="utf-8")))
    if not rows:
        raise Failed(f"{REPORT.relative_to(ROOT)} holds no performance score this benchmark recognises")
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    return {"report": str(REPORT.relative_to(ROOT)), "rows": rows, "worst": summary(rows),
            "missed": report.get("missed", []) if isinstance(report, dict) else [],
            "output": result.stdout.strip().splitlines()[-40:]}
