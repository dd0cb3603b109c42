"""Preview latency: from saving docs/reply.md under `mkdocs serve` to the page served with the edit."""

from __future__ import annotations

import re
import time
from pathlib import Path

from .builds import synthetic_project
from .common import PYTHON, Failed, copy_project, free_port, median, poll, start, stop, timed_build

TOKEN = "bench-edit-{}"


def mark_first_reply(source: Path) -> None:
    """Append TOKEN 0 to the first reply paragraph of the first rebuttal: the text the edits change."""
    lines = source.read_text(encoding="utf-8").split("\n")
    marker = next(i for i, line in enumerate(lines) if line.startswith("<!-- rebuttal:"))
    paragraph = next(i for i in range(marker + 1, len(lines))
                     if lines[i].strip() and not lines[i].startswith((">", "<!--")))
    lines[paragraph] += " " + TOKEN.format(0)
    source.write_text("\n".join(lines), encoding="utf-8")


def page_showing(site: Path, text: str) -> str:
    """The address (below the site root) of the one page of a built site that shows `text`."""
    for page in sorted(site.rglob("index.html")):
        if text in page.read_text(encoding="utf-8") and not page.parent.parent.name == "r":
            return page.parent.relative_to(site).as_posix() + "/"
    raise Failed(f"no built page shows {text!r}")


def latencies(project: Path, tmp: Path, runs: int, label: str) -> dict:
    """Start `mkdocs serve` in `project`, save `runs` edits one after another, time each one."""
    source = project / "docs" / "reply.md"
    mark_first_reply(source)
    timed_build(project / "mkdocs.yml", tmp / f"find-{label}")
    page = page_showing(tmp / f"find-{label}", TOKEN.format(0))
    port = free_port()
    server = start([PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], project,
                   log=tmp / f"serve-{label}.log")
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        startup = poll(url, lambda status, text: status == 200 and TOKEN.format(0) in text, 600)
        time.sleep(1.0)  # let the file watcher take its first look at docs/
        times = []
        for run in range(runs):
            old, new = TOKEN.format(run), TOKEN.format(run + 1)
            text = source.read_text(encoding="utf-8")
            source.write_text(text.replace(old, new), encoding="utf-8")
            times.append(poll(url, lambda status, body, new=new: status == 200 and new in body, 120))
            time.sleep(1.0)  # the next edit comes once the server is idle again
    finally:
        stop(server)
    builds = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds",
                                           (tmp / f"serve-{label}.log").read_text("utf-8", "replace"))]
    rebuild = median(builds[1:]) if len(builds) > 1 else None  # the first is the initial build
    return {"page": page, "first_page_s": startup, "latency_s": median(times), "max_s": max(times),
            "rebuild_s": rebuild, "runs": runs, "source_bytes": source.stat().st_size}


def preview(tmp: Path, runs: int, factors: list[int]) -> dict:
    """Latency on a copy of the real project and, when asked for, on the largest synthetic reply."""
    figures = {"real": latencies(copy_project(tmp / "serve-real"), tmp, runs, "real")}
    largest = max(factors)
    if largest > 1:
        project = synthetic_project(tmp / "serve", largest)
        figures[f"{largest}x"] = latencies(project, tmp, runs, f"{largest}x")
    figures["poll_interval_s"] = 0.05
    return figures
