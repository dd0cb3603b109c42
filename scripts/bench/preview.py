"""Preview latency: from saving docs/reply.md under `mkdocs serve` to the page served with the edit,
and to the one-page view served with it (made again from the question pages in the same build)."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from .budget import rounds
from .builds import synthetic_project
from .common import PYTHON, Failed, copy_project, fetch, free_port, median, poll, start, stop

from reply_site.addresses import WHOLE_REPLY, url_of

TOKEN = "bench-edit-{}"
# MkDocs looks for changed files every 0.5 s: the edits come at random moments of that cycle, so that
# the time until a change is seen averages over it instead of falling at the same point each time.
WATCH_INTERVAL_S = 0.5


def mark_first_reply(source: Path) -> None:
    """Append TOKEN 0 to the first reply paragraph of the first rebuttal: the text the edits change."""
    lines = source.read_text(encoding="utf-8").split("\n")
    marker = next(i for i, line in enumerate(lines) if line.startswith("<!-- rebuttal:"))
    paragraph = next(i for i in range(marker + 1, len(lines))
                     if lines[i].strip() and not lines[i].startswith((">", "<!--")))
    lines[paragraph] += " " + TOKEN.format(0)
    source.write_text("\n".join(lines), encoding="utf-8")


def page_showing(base: str, text: str) -> str:
    """The URL of the first page in the served site's sitemap that shows `text`."""
    _, sitemap = fetch(base + "sitemap.xml")
    for address in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        url = base + urlsplit(address).path.lstrip("/")
        if text in fetch(url)[1]:
            return url
    raise Failed(f"no page in the sitemap shows {text!r}")


def latencies(project: Path, tmp: Path, runs: int, label: str, until: float) -> dict:
    """Start `mkdocs serve` in `project`, save up to `runs` edits one after another (while they fit in
    the time given), time each one."""
    source = project / "docs" / "reply.md"
    mark_first_reply(source)
    port = free_port()
    server = start([PYTHON, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"], project,
                   log=tmp / f"serve-{label}.log")
    base = f"http://127.0.0.1:{port}/"
    try:
        startup = poll(base + "sitemap.xml", lambda status, text: status == 200, 600)
        url = page_showing(base, TOKEN.format(0))
        time.sleep(1.0)  # let the file watcher take its first look at docs/
        view = base + url_of(WHOLE_REPLY)
        times, view_times, moments = [], [], random.Random(label)
        for run in rounds(runs, until):
            old, new = TOKEN.format(run), TOKEN.format(run + 1)
            text = source.read_text(encoding="utf-8")
            source.write_text(text.replace(old, new), encoding="utf-8")
            shows = lambda status, body, new=new: status == 200 and new in body  # noqa: E731
            times.append(poll(url, shows, 600))
            view_times.append(times[-1] + poll(view, shows, 600))
            time.sleep(1.0 + moments.uniform(0, WATCH_INTERVAL_S))  # once the server is idle again
    finally:
        stop(server)
    builds = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds",
                                           (tmp / f"serve-{label}.log").read_text("utf-8", "replace"))]
    rebuilds = builds[1:]  # the first is the initial build
    rebuild = median(rebuilds) if rebuilds else None
    return {"page": url.removeprefix(base), "first_page_s": startup, "latency_s": median(times),
            "max_s": max(times), "view_latency_s": median(view_times), "rebuild_s": rebuild, "runs": len(times),
            "source_bytes": source.stat().st_size}


def preview(tmp: Path, runs: int, factors: list[int], until: float) -> dict:
    """Latency on a copy of the real project and, when asked for, on the largest synthetic reply
    (which is given most of the time)."""
    largest = max(factors)
    share = 0.15 if largest > 1 else 1.0
    started = time.monotonic()
    figures = {"real": latencies(copy_project(tmp / "serve-real"), tmp, runs, "real",
                                 started + share * (until - started))}
    if largest > 1:
        project = synthetic_project(tmp / "serve", largest)
        figures[f"{largest}x"] = latencies(project, tmp, runs, f"{largest}x", until)
    figures["poll_interval_s"] = 0.05
    return figures
