"""Where the main thread's time goes while a page loads, read from a Chromium trace: each task the
renderer's main thread runs, named by what it spends its time on, and how much of it comes after
the first contentful paint (what TBT counts) or blocks (a task's time past 50 ms).

One trace is one page load in a fresh context, the CPU slowed as Lighthouse's mobile run slows it
(4×), until the theme has started and the network is quiet (browser.settled)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .browser import local_context, settled

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading", "blink.user_timing"]
LONG_MS = 50  # a task longer than this blocks input for the rest of its time
# What a task is called, by the work it spends most of its time on (kind).
BUNDLE, SITE_SCRIPT = "the theme's bundle, evaluated", "the site's script, evaluated"
THEME_START = "the theme's start (its DOMContentLoaded)"
PARSING, RENDERING, OTHER_SCRIPT, OTHER = ("parsing the page", "style, layout and paint",
                                           "other scripts (the theme's timers, frames, events)", "other")
KINDS = [BUNDLE, SITE_SCRIPT, THEME_START, PARSING, RENDERING, OTHER_SCRIPT, OTHER]
RENDERING_EVENTS = {"UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Layerize", "Commit"}
SCRIPT_EVENTS = {"FunctionCall", "TimerFire", "FireAnimationFrame", "EventDispatch", "EvaluateScript"}


def traced_load(browser, url: str, trace: Path, cpu_slowdown: float) -> None:
    """Load `url` once in a fresh context of a phone (its screen, touch and no hover, as Lighthouse's
    mobile run emulates it; other hosts blocked, as in the page weight's loads: stock Material asks
    GitHub's API), its trace written to `trace`."""
    context, _ = local_context(browser, viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                               is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
        try:
            settled(page, url)
        finally:
            browser.stop_tracing()
    finally:
        context.close()


def kind(inside: list[dict]) -> str:
    """What a task spends most of its time on, from the events it holds: the theme's start, the
    bundle's or the site's script evaluation when one of them takes part, else the kind of work."""
    def data(event: dict) -> dict:
        return event.get("args", {}).get("data", {})

    named = Counter()
    for event in inside:
        if event["name"] == "EventDispatch" and data(event).get("type") == "DOMContentLoaded":
            named[THEME_START] += event.get("dur", 0)
        elif event["name"] == "EvaluateScript" and "/bundle." in data(event).get("url", ""):
            named[BUNDLE] += event.get("dur", 0)
        elif event["name"] == "EvaluateScript" and data(event).get("url", "").endswith("/site.min.js"):
            named[SITE_SCRIPT] += event.get("dur", 0)
    if named and named.most_common(1)[0][1] > 1000:  # µs: more than a listener that does nothing
        return named.most_common(1)[0][0]
    spent, counted_until = Counter(), 0
    for event in inside:  # in order of start: an event inside one already counted is not counted again
        name = event["name"]
        group = (PARSING if name == "ParseHTML" else RENDERING if name in RENDERING_EVENTS
                 else OTHER_SCRIPT if name in SCRIPT_EVENTS else None)
        if group and event["ts"] >= counted_until:
            spent[group] += event.get("dur", 0)
            counted_until = event["ts"] + event.get("dur", 0)
    return spent.most_common(1)[0][0] if spent else OTHER


def main_thread(events: list[dict]) -> tuple[list[dict], float]:
    """The complete events of the main thread of the renderer that painted, and its first
    contentful paint (trace time, µs)."""
    paints = [e for e in events if e.get("name") == "firstContentfulPaint"]
    if not paints:
        raise ValueError("the trace holds no first contentful paint")
    where = (paints[-1]["pid"], paints[-1]["tid"])
    return [e for e in events if (e["pid"], e["tid"]) == where and e.get("ph") == "X"], paints[-1]["ts"]


def profile(trace: Path) -> dict:
    """Per kind of task: its time after the first paint, its blocking time after it and from the
    start (ms); and the same summed over all tasks."""
    data = json.loads(trace.read_text(encoding="utf-8"))
    events = data["traceEvents"] if isinstance(data, dict) else data
    thread, first_paint = main_thread(events)
    thread.sort(key=lambda e: (e["ts"], -e.get("dur", 0)))  # an event before those it holds
    tasks = [e for e in thread if e["name"] == "RunTask"]
    figures = {k: {"after_paint_ms": 0.0, "blocking_ms": 0.0, "blocking_from_start_ms": 0.0} for k in KINDS}
    position = 0
    for task in tasks:
        end = task["ts"] + task["dur"]
        inside = []
        while position < len(thread) and thread[position]["ts"] < task["ts"]:
            position += 1
        scan = position
        while scan < len(thread) and thread[scan]["ts"] < end:
            if thread[scan] is not task:
                inside.append(thread[scan])
            scan += 1
        row = figures[kind(inside)]
        row["after_paint_ms"] += max(0.0, end - max(task["ts"], first_paint)) / 1000
        # As Lighthouse counts TBT: the task's time past its first 50 ms, and after the paint.
        row["blocking_ms"] += max(0.0, end - max(task["ts"] + LONG_MS * 1000, first_paint)) / 1000
        row["blocking_from_start_ms"] += max(0.0, task["dur"] / 1000 - LONG_MS)
    total = {f: sum(row[f] for row in figures.values()) for f in next(iter(figures.values()))}
    return {"first_paint_ms": (first_paint - navigation_start(events, first_paint)) / 1000, "kinds": figures,
            "total": total}


def navigation_start(events: list[dict], first_paint: float) -> float:
    """When the navigation that led to the first paint started (trace time, µs)."""
    starts = [e["ts"] for e in events if e.get("name") == "navigationStart" and e["ts"] <= first_paint
              and e.get("args", {}).get("data", {}).get("isLoadingMainFrame", True)]
    return max(starts) if starts else first_paint
