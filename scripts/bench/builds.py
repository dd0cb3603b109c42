"""Build measurements: the hook's overhead, scaling with the size of the reply, a profile."""

from __future__ import annotations

import pstats
import re
import shutil
import subprocess
from pathlib import Path

from .budget import rounds
from .common import (ENV, PYTHON, ROOT, Failed, copy_project, derived_config, generated_markdown, median,
                     same_as_generate, timed_build)

HOOK_EVENTS = ["on_files", "on_page_context", "on_page_content", "on_post_page", "on_post_template"]


def overhead(tmp: Path, runs: int, until: float) -> dict:
    """`mkdocs build` of the real site against a plain build of the same Markdown without the hook.

    Both builds run alternately, after one warm-up build each (the hook's preview cards are then
    cached in the copy's .cache/cards, as on any machine after its first build), up to `runs` rounds
    while they fit in the time given (bench/budget.py).
    """
    project = copy_project(tmp / "overhead")
    nav, _ = generated_markdown(project, project / "generated-docs", written_out=True)
    plain = derived_config(project, "mkdocs.plain.yml", "generated-docs", nav)  # every page written out
    real = project / "mkdocs.yml"
    for config in (real, plain):
        timed_build(config, tmp / "warm-up")
    hook, bare = [], []
    for run in rounds(runs, until):
        hook.append(timed_build(real, tmp / f"hook-{run}"))
        bare.append(timed_build(plain, tmp / f"plain-{run}"))
    hook_wall, plain_wall = median([r["wall"] for r in hook]), median([r["wall"] for r in bare])
    hook_build, plain_build = median([r["build"] for r in hook]), median([r["build"] for r in bare])
    return {
        "runs": len(hook),
        "cache": "warm",
        "pages": sum(1 for _ in (project / "generated-docs").rglob("*.md")),
        "same_markdown_as_generate": same_as_generate(project, project / "generated-docs", tmp, written_out=True),
        "hook_wall_s": hook_wall,
        "plain_wall_s": plain_wall,
        "wall_ratio": hook_wall / plain_wall,
        "hook_build_s": hook_build,
        "plain_build_s": plain_build,
        "build_ratio": hook_build / plain_build,
        "hook_files": count_files(tmp / "hook-0"),
        "plain_files": count_files(tmp / "plain-0"),
    }


def count_files(site: Path) -> int:
    return sum(1 for p in site.rglob("*") if p.is_file())


def synthetic_project(tmp: Path, factor: int) -> Path:
    """A project copy whose docs/reply.md is the real reply repeated `factor` times (no anchors.yml)."""
    project = copy_project(tmp / f"x{factor}", anchors=False)
    result = subprocess.run([PYTHON, str(ROOT / "scripts" / "synthetic_reply.py"), str(factor),
                             str(project / "docs")], capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        raise Failed(f"synthetic_reply.py {factor} failed: {result.stderr.strip()[-500:]}")
    return project


def registered(project: Path) -> Path:
    """`project` with every current page and anchor registered in anchors.yml (scripts/register_anchors.py)."""
    result = subprocess.run([PYTHON, str(project / "scripts" / "register_anchors.py")], cwd=project,
                            capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        raise Failed(f"register_anchors.py failed: {result.stderr.strip()[-500:]}")
    return project


def rebuttals(source: Path) -> int:
    return len(re.findall(r"<!-- rebuttal: ", source.read_text(encoding="utf-8")))


def scaling(tmp: Path, runs: int, factors: list[int], until: float) -> dict:
    """Build time, time per rebuttal and peak memory of synthetic replies `factors` times the real one,
    up to `runs` rounds while they fit in the time given."""
    projects = {f"{factor}x": synthetic_project(tmp, factor) for factor in factors}
    for label, project in projects.items():
        timed_build(project / "mkdocs.yml", tmp / f"warm-up-{label}")  # draws and caches the cards
    largest = max(factors)
    if largest > 1:  # the largest again, with every page and anchor in anchors.yml as once published;
        # a copy of the warm project, so that its caches are warm too
        warm = shutil.copytree(projects[f"{largest}x"], tmp / "registered", symlinks=True)
        projects[f"{largest}x+anchors"] = registered(warm)
    # The engine alone on the smallest and largest: the same generated pages, MkDocs and Material
    # without the hook (as `overhead`), to tell the engine's growth from the pipeline's.
    configs = {label: project / "mkdocs.yml" for label, project in projects.items()}
    built: dict[str, int] = {}
    for factor in sorted({min(factors), largest}):
        project = projects[f"{factor}x"]
        nav, excluded = generated_markdown(project, project / "generated-docs")  # the pages the site's engine builds
        built[f"{factor}x"] = sum(1 for _ in (project / "generated-docs").rglob("*.md")) - len(excluded)
        configs[f"{factor}x engine alone"] = derived_config(project, "mkdocs.plain.yml", "generated-docs", nav,
                                                            excluded)
        timed_build(configs[f"{factor}x engine alone"], tmp / f"warm-up-{factor}x-plain")
    results: dict[str, list[dict]] = {label: [] for label in configs}
    for run in rounds(runs, until):
        for label, config in configs.items():  # side by side: every size in each round
            results[label].append(timed_build(config, tmp / f"{label.replace(' ', '-')}-site-{run}"))
    figures = {}
    for label, project in projects.items():
        source = project / "docs" / "reply.md"
        wall = median([r["wall"] for r in results[label]])
        count = rebuttals(source)
        figures[label] = {
            "factor": int(label.split("x")[0]),
            "anchors_registered": label.endswith("+anchors"),
            "rebuttals": count,
            "source_bytes": source.stat().st_size,
            "wall_s": wall,
            "build_s": median([r["build"] for r in results[label]]),
            "ms_per_rebuttal": 1000 * wall / count,
            "maxrss_mb": max(r["maxrss_mb"] for r in results[label]),
        }
    engine_alone = {label.split()[0]: median([r["wall"] for r in results[label]])
                    for label in configs if label.endswith("engine alone")}
    summary = {"runs": len(results[f"{largest}x"]), "cache": "warm", "sizes": figures, "engine_alone_s": engine_alone,
               "pages": built}
    low, high = figures[f"{min(factors)}x"], figures[f"{max(factors)}x"]
    if high is not low:
        anchored = figures[f"{largest}x+anchors"]
        summary.update({
            "anchors_ratio": anchored["wall_s"] / high["wall_s"],
            "content_ratio": high["source_bytes"] / low["source_bytes"],
            "time_ratio": high["wall_s"] / low["wall_s"],
            "engine_alone_ratio": engine_alone[f"{largest}x"] / engine_alone[f"{min(factors)}x"],
            "memory_ratio": high["maxrss_mb"] / low["maxrss_mb"],
            "mb_per_copy": (high["maxrss_mb"] - low["maxrss_mb"]) / (high["factor"] - low["factor"]),
        })
    return summary


# cProfile around the build itself (configuration loaded first), stats written to a file.
PROFILE = r"""
import cProfile, sys
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
profiler = cProfile.Profile()
profiler.runcall(build, config)
profiler.dump_stats(sys.argv[3])
"""


def profile(tmp: Path, top: int = 15) -> dict:
    """Where the time of one warm `mkdocs build` of the real checkout goes: ours and theirs."""
    stats_file = tmp / "build.prof"
    timed_build(ROOT / "mkdocs.yml", tmp / "profile-warm-up")  # draws the cards if the checkout's cache is cold
    result = subprocess.run([PYTHON, "-c", PROFILE, str(ROOT / "mkdocs.yml"), str(tmp / "profile-site"),
                             str(stats_file)], cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
    if result.returncode != 0:
        raise Failed(f"profiled build failed: {result.stderr.strip()[-500:]}")
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt
    ours, theirs, events = [], [], {}
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.stats.items():
        where = origin(filename)
        if where is None:
            continue
        entry = {"function": f"{where}:{line}({name})", "calls": calls, "cumulative_s": cumulative}
        (ours if where.startswith("src/") else theirs).append(entry)
        if where.endswith("mkdocs_hook.py") and name in HOOK_EVENTS:
            events[name] = events.get(name, 0.0) + cumulative
    by_time = lambda entries: sorted(entries, key=lambda e: -e["cumulative_s"])[:top]  # noqa: E731
    hook_total = sum(events.values())
    return {"build_s": total, "hook_events_s": events, "hook_s": hook_total, "hook_share": hook_total / total,
            "ours": by_time(ours), "theirs": by_time(theirs)}


def origin(filename: str) -> str | None:
    """'src/reply_site/x.py' for ours, 'mkdocs/x.py' for an installed package, None for built-ins."""
    path = Path(filename)
    if not path.is_absolute():  # built-in functions ("~") and frozen modules
        return None
    try:
        return "src/" + path.resolve().relative_to(ROOT / "src").as_posix()
    except ValueError:
        pass
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1:])
    return None
