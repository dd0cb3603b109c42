"""The site and stock Material publishing the same Markdown, each built for and served at its own local
address, gzip-compressed as a static host would (reply_site.local_host). Built once per bench run, on
first use, for the page weight, the critical path and Lighthouse.

The site is built as `make site` builds it (scripts/build_site.py, MkDocs). *Stock* is the docs folder
and engine configuration `scripts/generate.py --written-out` writes (every page written out for the
engine: the share pages, the one-page view with its rebuttals), built by MkDocs
with Material alone: no overrides/, none of the site's stylesheets or scripts, no hook.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from reply_site.local_host import LocalServer

from .common import ENV, PYTHON, Failed, copy_project

SITE_OWN = ("extra_css", "extra_javascript", "hooks")  # left out of stock, with theme.custom_dir
FORWARDS = re.compile(r"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)


def run(command: list, cwd: Path, url: str, what: str) -> None:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                            env={**ENV, "SITE_URL": url}, timeout=1800)
    if result.returncode != 0:
        raise Failed(f"{what} failed: {(result.stderr or result.stdout).strip()[-500:]}")


def build_site(project: Path, url: str, out: Path) -> None:
    """The site of `project` as `make site` builds it, for the address `url`, into `out`."""
    run([PYTHON, project / "scripts" / "build_site.py", "--engine", "mkdocs", "--site-dir", out,
         "--work", out.parent / f"{out.name}.work"], project, url, "scripts/build_site.py")


def build_stock(project: Path, url: str, out: Path) -> None:
    """The same Markdown built by MkDocs with Material alone, for the address `url`, into `out`."""
    generated = out.parent / f"{out.name}.generated"
    run([PYTHON, project / "scripts" / "generate.py", "--out", generated, "--written-out"], project, url,
        "scripts/generate.py")
    config = yaml.safe_load((generated / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in SITE_OWN:
        config.pop(key, None)
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    stock = generated / "mkdocs.stock.yml"
    stock.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    run([PYTHON, "-m", "mkdocs", "build", "--quiet", "--config-file", stock, "--site-dir", out], generated, url,
        "mkdocs build of stock Material")


class Sites:
    """`site` and `stock`, built and served on first use of `urls` or `folders`; `close` stops them."""

    def __init__(self, tmp: Path):
        self.tmp, self.servers, self.failure = tmp, {}, None

    def start(self) -> None:
        if self.failure:
            raise self.failure
        if self.servers:
            return
        servers = {"site": LocalServer(), "stock": LocalServer()}  # bound first: built for their address
        try:
            project = copy_project(self.tmp / "project")
            build_site(project, servers["site"].url, self.tmp / "site")
            build_stock(project, servers["stock"].url, self.tmp / "stock")
        except Failed as failure:
            for server in servers.values():
                server.stop()
            self.failure = failure
            raise
        for name, server in servers.items():
            server.serve(self.tmp / name, compress=True)
        self.servers = servers

    def urls(self) -> dict[str, str]:
        self.start()
        return {name: server.url for name, server in self.servers.items()}

    def folders(self) -> dict[str, Path]:
        self.start()
        return {name: self.tmp / name for name in self.servers}

    def close(self) -> None:
        for server in self.servers.values():
            server.stop()
        self.servers = {}


def pages(site: Path) -> list[str]:
    """Addresses below the site root of every page of a built site ('' is home), the 404 page last;
    pages that only forward elsewhere (moved rebuttals) left out."""
    found = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    found = ["" if p == "./" else p for p in found] + (["404.html"] if (site / "404.html").exists() else [])
    return [p for p in found if not FORWARDS.search(html_of(site, p).read_text(encoding="utf-8"))]


def html_of(site: Path, page: str) -> Path:
    return site / page if page.endswith(".html") else site / page / "index.html"


def common_pages(folders: dict[str, Path], share_pages: bool = True) -> list[str]:
    """The pages every one of `folders` has; without `share_pages`, those under r/ left out."""
    first, *others = folders.values()
    return [p for p in pages(first) if all(html_of(o, p).exists() for o in others)
            and (share_pages or not p.startswith("r/"))]
