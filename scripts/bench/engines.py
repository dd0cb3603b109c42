"""The engines compared: the build time of `scripts/build_site.py --engine E` (generate, the engine's build,
finalise) for each engine, on the same copy of the project in the same run.

As the other builds: a separate process timed from start to exit, one unmeasured build of each engine
first (cards and each engine's caches warm), then the engines in turn in every round; the median.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from reply_site.engines import ENGINES

from .budget import rounds
from .common import ENV, PYTHON, copy_project, median


def timed(project: Path, engine: str, site: Path) -> float | str:
    """Seconds of one build with `engine`, or why it failed."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, str(project / "scripts" / "build_site.py"), "--engine", engine,
                             "--site-dir", str(site)], cwd=project, capture_output=True, text=True, env=ENV,
                            timeout=1800)
    if result.returncode != 0:
        return f"{engine} failed: {result.stderr.strip()[-300:]}"
    return time.perf_counter() - started


def engines(tmp: Path, runs: int, until: float) -> dict:
    project = copy_project(tmp / "engines")
    times: dict[str, list] = {engine: [timed(project, engine, tmp / f"{engine}-warm-up")] for engine in ENGINES}
    working = [engine for engine in ENGINES if not isinstance(times[engine][0], str)]
    for number in rounds(runs, until):
        for engine in working:
            times[engine].append(timed(project, engine, tmp / f"{engine}-{number}"))
    figures = {}
    for engine, (warm_up, *measured) in times.items():
        failure = next((t for t in [warm_up, *measured] if isinstance(t, str)), None)
        figures[engine] = {"error": failure} if failure else {"wall_s": median(measured), "runs": len(measured)}
    base = figures.get("mkdocs", {}).get("wall_s")
    for engine in figures.values():
        if base and "wall_s" in engine:
            engine["ratio_to_mkdocs"] = engine["wall_s"] / base
    return {"engines": figures, "pages": sum(1 for _ in (tmp / "mkdocs-warm-up").rglob("index.html"))}
