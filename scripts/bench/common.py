"""What every measurement needs: project copies, derived configs, timed child builds, servers."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Left out of a project copy: outputs, environments, tests and the record. `.git` is kept so that
# the hook's feed reads the same history as in the checkout; `.cache` is not (each copy warms its own,
# or all share one once share_cache is called).
LEFT_OUT = shutil.ignore_patterns(".venv", "site", ".site.partial", "build", "tests", "record", ".cache",
                                  "__pycache__", ".pytest_cache", ".hypothesis", "node_modules", "*.egg-info")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Failed(Exception):
    """A measurement could not be taken; the message says why."""


def median(values: list[float]) -> float:
    return statistics.median(values)


SHARED = {"cache": None}  # the .cache folder every copy shares, once share_cache is called


def share_cache(folder: Path) -> None:
    """From now on every project copy shares `folder` as its .cache. The project's caches (preview cards,
    the PDF, the styles each page uses, compiled templates) are keyed by what they are made from, so a
    card or a PDF is made once per bench run instead of once per copy (a 100× reply has 600 cards)."""
    folder.mkdir(parents=True, exist_ok=True)
    SHARED["cache"] = folder


def copy_project(dest: Path, anchors: bool = True) -> Path:
    """A copy of the project (mkdocs.yml, docs/, overrides/, scripts/, anchors.yml, …) in `dest`."""
    shutil.copytree(ROOT, dest, ignore=LEFT_OUT)
    if not anchors:
        (dest / "anchors.yml").unlink(missing_ok=True)
    if SHARED["cache"]:
        (dest / ".cache").symlink_to(SHARED["cache"], target_is_directory=True)
    return dest


def derived_config(project: Path, name: str, docs_dir: str, nav: list, excluded: list[str] | None = None,
                   overrides: bool = True) -> Path:
    """mkdocs.yml without the hook, reading `docs_dir` with `nav`, leaving out the pages `excluded`
    (`exclude_docs` lines); without custom_dir if not `overrides`.

    Edited as text so that the `!ENV` tags and every other setting stay exactly as they are.
    """
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", text)
    text, docs = re.subn(r"(?m)^docs_dir:.*$", f"docs_dir: {docs_dir}", text)
    if not hooks or not docs or re.search(r"(?m)^nav:", text):
        raise Failed("mkdocs.yml no longer has the `hooks:` and `docs_dir:` settings this benchmark edits")
    if not overrides:
        text, custom = re.subn(r"(?m)^[ \t]+custom_dir:.*\n", "", text)
        if not custom:
            raise Failed("mkdocs.yml has no theme.custom_dir to leave out")
    text += "\n" + yaml.safe_dump({"nav": nav, "exclude_docs": "\n".join(excluded or [])}, allow_unicode=True,
                                  sort_keys=False)
    path = project / name
    path.write_text(text, encoding="utf-8")
    return path


# Runs the hook's on_files as `mkdocs build` would, then writes every page it leaves (generated or
# not) and every other file of docs/ the hook did not make; prints the navigation the hook set and
# the pages it keeps from the engine's build (the share pages, which the finalise step makes).
EXTRACT = r"""
import json, shutil, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
config = load_config(sys.argv[1])
out = Path(sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
config = config.plugins.on_config(config)
config.plugins.on_pre_build(config=config)
files = config.plugins.on_files(get_files(config), config=config)
for file in files:
    if file.is_documentation_page() or not file.generated_by:
        target = out / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
excluded = ["/" + file.src_uri for file in files if file.inclusion.is_excluded()]
if sys.argv[3] == "written-out":  # the one-page view with its rebuttals, for an engine alone
    from reply_site.addresses import WHOLE_REPLY
    hook = next(plugin for plugin in config.plugins.values() if hasattr(plugin, "current"))
    (out / WHOLE_REPLY).write_text(hook.current["build"].whole_reply_written_out(), encoding="utf-8")
print(json.dumps([config["nav"], excluded]))
"""


def generated_markdown(project: Path, out: Path, written_out: bool = False) -> tuple[list, list[str]]:
    """Write the site's Markdown as the hook generates it into `out` (`written_out`: the one-page view
    with its rebuttals, as `scripts/generate.py --written-out`); return the hook's nav, and the pages it
    leaves out of the engine's build (as `exclude_docs` lines)."""
    result = subprocess.run([PYTHON, "-c", EXTRACT, str(project / "mkdocs.yml"), str(out),
                             "written-out" if written_out else "as-built"], cwd=project,
                            capture_output=True, text=True, env=ENV, timeout=600)
    if result.returncode != 0:
        raise Failed(f"the hook could not generate the pages: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def same_as_generate(project: Path, pages: Path, tmp: Path, written_out: bool = False) -> bool:
    """Do the pages the hook generated equal scripts/generate.py's output, file for file?"""
    out = tmp / "generate"
    result = subprocess.run([PYTHON, str(project / "scripts" / "generate.py"), "--config", str(project / "mkdocs.yml"),
                             "--out", str(out), *(["--written-out"] if written_out else [])], cwd=project,
                            capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        return False
    return all((pages / p.relative_to(out / "docs")).exists()
               and (pages / p.relative_to(out / "docs")).read_bytes() == p.read_bytes()
               for p in (out / "docs").rglob("*.md"))


# `mkdocs build` as the command line runs it, timing the build itself and reporting the peak
# resident memory of the whole process.
BUILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
loaded = time.perf_counter()
try:
    build(config)
finally:
    config.plugins.on_shutdown()
done = time.perf_counter()
print(json.dumps({"startup": loaded - started, "build": done - loaded,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def timed_build(config_file: Path, site_dir: Path) -> dict:
    """One `mkdocs build` in a child: wall seconds (process start to exit), build seconds, peak MB."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", BUILD, str(config_file), str(site_dir)], cwd=config_file.parent,
                            capture_output=True, text=True, env=ENV, timeout=3600)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise Failed(f"mkdocs build of {config_file.name} failed: {result.stderr.strip()[-500:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {"wall": wall, "build": figures["build"], "maxrss_mb": figures["maxrss_kb"] / 1024}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def poll(url: str, predicate, seconds: float, every: float = 0.05) -> float:
    """Fetch `url` every `every` seconds until `predicate(status, text)`; seconds taken, or Failed."""
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        try:
            if predicate(*fetch(url)):
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(every)
    raise Failed(f"{url} did not show what was expected within {seconds:.0f} s")


def start(command: list[str], cwd: Path, env: dict | None = None, log: Path | None = None) -> subprocess.Popen:
    """A long-running child in its own process group, so that it can be stopped with all its children."""
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - the child keeps its own copy
    try:
        return subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=output, stderr=subprocess.STDOUT,
                                start_new_session=True)
    finally:
        if log:
            output.close()


def stop(process: subprocess.Popen) -> None:
    """Stop a child started by `start`, and its children (make -> mkdocs)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


def chromium() -> str | None:
    return shutil.which("chromium")
