"""The site from any engine: generate a docs folder, let the engine build it, finalise its HTML.

    generate (SiteBuild.write_docs) -> engine (MkDocs, ProperDocs or Zensical) -> finalise

Each engine is a command that builds a folder with a mkdocs.yml; the rest is the core's.
The MkDocs hook (engines/mkdocs_hook.py) runs the same two steps inside `mkdocs serve`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..atomic_write import swap_in
from ..finalise.built_site import finalise_site
from ..settings import Settings, load_config
from ..site_build import SiteBuild

# The command of each engine, given its config file and the folder to build into.
ENGINES = {
    "mkdocs": lambda config, out: ["mkdocs", "build", "--strict", "--config-file", config, "--site-dir", out],
    "properdocs": lambda config, out: ["properdocs", "build", "--strict", "--config-file", config, "--site-dir", out],
    "zensical": lambda config, out: ["zensical", "build", "--strict", "--clean", "--config-file", config],
}


# The engines that resolve a link to a page left out of the build (`exclude_docs`) and build the rest:
# they leave the share pages to the finalise step. Zensical reports such a link as a missing page, so
# it builds the share pages too, and the finalise step makes them again as for the others.
EXCLUDES = {"mkdocs", "properdocs"}


def engine_config(config: dict, settings: Settings, build: SiteBuild, docs: str, site_dir: str,
                  engine: str = "mkdocs", written_out: bool = False) -> dict:
    """The project's mkdocs.yml for `engine` building the generated docs folder: paths made absolute,
    the navigation written out, the hook left out (its work is done already). `docs` and `site_dir`
    are relative to the folder the configuration is written to (Zensical wants them so).
    `written_out`: for a docs folder written out (SiteBuild.write_docs), the engine builds every page."""
    derived = {key: value for key, value in config.items() if key != "hooks"}
    theme = dict(derived.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((settings.root / theme["custom_dir"]).resolve())
    derived.update(docs_dir=docs, site_dir=site_dir, site_url=settings.site_url, nav=build.navigation(), theme=theme,
                   not_in_nav="\n".join(build.not_in_navigation()))
    if engine in EXCLUDES and build.not_built() and not written_out:
        derived["exclude_docs"] = "\n".join(build.not_built())
    return derived


def command(engine: str, config: Path, out: Path) -> list[str]:
    """The engine's command line, its program taken from this Python's environment when it is there."""
    program, *arguments = ENGINES[engine](str(config), str(out))
    local = Path(sys.executable).parent / program
    return [str(local) if local.exists() else program, *arguments]


def build_site(engine: str, config_file: Path, site: Path, work: Path) -> SiteBuild:
    """Build the site into `site` with `engine`, working in `work`. `site` is replaced only when every
    step succeeded; reply_site.errors.SourceError for problems of the source, EngineError when the engine fails."""
    config_file = Path(config_file).resolve()
    settings = Settings.load(config_file)
    build = SiteBuild(settings)
    work = Path(work).resolve()
    docs, partial, config = work / "docs", work / "site", work / "mkdocs.yml"
    build.write_docs(docs)
    shutil.rmtree(partial, ignore_errors=True)
    derived = engine_config(load_config(config_file), settings, build, docs.name, partial.name, engine)
    config.write_text(yaml.safe_dump(derived, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(command(engine, config, partial), cwd=work, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0 or not (partial / "index.html").exists():
        raise EngineError(engine, result.stdout + result.stderr)
    finalise_site(build, partial)
    site.parent.mkdir(parents=True, exist_ok=True)
    swap_in(partial, site)
    return build


class EngineError(Exception):
    def __init__(self, engine: str, output: str):
        self.engine, self.output = engine, output
        super().__init__(f"{engine} failed:\n{output}")

