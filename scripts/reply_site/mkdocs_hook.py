"""MkDocs hook: the site is generated from docs/reply.md inside `mkdocs build` and `mkdocs serve`.

Thin glue only: reply_site.site.SiteBuild does the work, with the same pipeline as
scripts/build_pages.py.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

try:
    from reply_site.errors import SourceError
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from reply_site.errors import SourceError
from reply_site.csp import with_policy
from reply_site.html_validity import repaired
from reply_site.pages import navigation
from reply_site.site import SOURCE, SiteBuild

log = logging.getLogger("mkdocs.hooks.reply_site")
current: dict[str, SiteBuild] = {}  # this build's SiteBuild, for the page events


def on_files(files: Files, config) -> Files:
    try:
        site = current["site"] = SiteBuild(config)
    except SourceError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} problem(s) in the source; nothing was built") from None
    source = files.get_file_from_path(SOURCE)
    if source is not None:
        files.remove(source)  # the source is not a page of its own
    for name, content in site.files().items():
        if files.get_file_from_path(name) is not None:
            raise Abort(f"docs/{name} would hide a generated file: remove it")
        if isinstance(content, Path):  # a cached file, copied as it is
            files.append(File.generated(config, name, abs_src_path=str(content)))
        else:
            files.append(File.generated(config, name, content=content))
    config["nav"] = navigation(site.result.reply)
    return files


def on_env(env, config, files):
    # The theme's templates are compiled once and kept: rebuilds (and `mkdocs serve`) reuse them.
    # Jinja checks each template's source, so an edited template is compiled again.
    folder = Path(config["config_file_path"]).resolve().parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_page_context(context, page, config, nav):
    meta = current["site"].page_meta(page.file.src_uri, generated=page.file.generated_by is not None)
    edit_url = meta.pop("edit_url", None)
    if edit_url:
        page.edit_url = edit_url
    page.meta.update(meta)
    return context


def on_page_content(html: str, page, config, files) -> str:
    moves = current["site"].moved_anchors(page.url)
    if not moves:
        return html
    data = json.dumps(moves).replace("<", "\\u003c")
    return f'{html}\n<script type="application/json" id="moved-anchors">{data}</script>\n'


def on_post_page(output: str, page, config) -> str:
    return with_policy(repaired(output))


def on_post_template(output: str, template_name: str, config) -> str:
    return with_policy(repaired(output)) if template_name.endswith(".html") else output
