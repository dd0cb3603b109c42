"""MkDocs (and ProperDocs) hook: the site generated and finalised inside `mkdocs build` and
`mkdocs serve`, for the live preview. Glue only: reply_site.site_build.SiteBuild does the work,
the same steps as `make site` for every engine; the core's errors become MkDocs' Abort here.

Under `mkdocs serve --dirty` (`make serve`), a generated page whose text the edit did not change
is not built again, so that a long reply's preview shows an edit as fast as a short one's. The
one-page view repeats every page and is the slowest to render: an edit shown on other pages as
well is shown on those first, and on the one-page view by a build of its own straight after, which
a change to a file the server watches starts (FOLLOW_UP), once the view is long enough to hold the
preview up (LONG_VIEW: its Markdown renders at about 1 MB a second). Open pages then reload twice.

The share pages are left out of MkDocs' build (InclusionLevel.EXCLUDED: links to them still resolve)
and made after it from the pattern page, as every engine's are (finalise/share_pages.py).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from pathlib import Path

import jinja2
import pathspec
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key

from reply_site.errors import SetupError, SourceError
from reply_site.finalise.built_site import finalise_page, finalise_whole
from reply_site.addresses import PDF, SHARE_FOLDER, WHOLE_REPLY, url_of
from reply_site.finalise.share_pages import PATTERN
from reply_site.settings import Settings
from reply_site.site_build import REPLY, SiteBuild

log = logging.getLogger("mkdocs.hooks.reply_site")
# This build's SiteBuild, for the page events; whether MkDocs serves the site, and dirty; what the
# last build generated (file -> its text's digest) and its navigation; the pages built this time.
current: dict = {"generated": {}, "rebuilt": set()}
FOLLOW_UP = "preview"  # the .cache folder the server watches for the one-page view's own build
LONG_VIEW = 250_000  # characters of Markdown: about 20 times the real reply's one-page view


def on_serve(server, config, builder):
    folder = cache_folder(config, FOLLOW_UP)
    current["follow_up"] = folder / "one-page-view"
    server.watch(str(folder))
    return server


def on_startup(command: str, dirty: bool) -> None:
    current.update(serving=command == "serve", dirty=dirty)
    pages_log = logging.getLogger("mkdocs.structure.pages")
    if not any(isinstance(known, LinksToSharePages) for known in pages_log.filters):
        pages_log.addFilter(LinksToSharePages())


class LinksToSharePages(logging.Filter):
    """MkDocs notes (at INFO) every link to a page it does not build: the share pages, made after it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("' which is excluded from the built site" in message and f"'{SHARE_FOLDER}" in message)


def on_files(files: Files, config) -> Files:
    """The core's errors become MkDocs' here: each problem of the source logged, then Abort."""
    try:
        return with_generated_files(files, config)
    except SourceError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} problem(s) in the source; nothing was built") from None
    except SetupError as error:
        raise Abort(str(error)) from None


def with_generated_files(files: Files, config) -> Files:
    settings = Settings.from_config(config, Path(config["config_file_path"]).parent)
    site = Path(config["site_dir"])
    # Served: a PDF rendered after the preview is shown is copied into the served site when ready.
    live = (lambda pdf: shutil.copyfile(pdf, site / PDF)) if current.get("serving") else None
    build = current["build"] = SiteBuild(settings, live)
    for note in build.notes:
        log.info(note)
    source = files.get_file_from_path(REPLY)
    if source is not None:
        files.remove(source)  # the source is not a page of its own
    unlisted = pathspec.GitIgnoreSpec.from_lines(build.not_in_navigation())
    unbuilt = pathspec.GitIgnoreSpec.from_lines(build.not_built())
    navigation, contents = build.navigation(), build.files()
    same_navigation = navigation == current.get("navigation")
    generated = {name: hashlib.sha256(content.encode() if isinstance(content, str) else content).digest()
                 for name, content in contents.items() if not isinstance(content, Path)}
    changed = {name for name, digest in generated.items() if current["generated"].get(name) != digest}
    # A dirty rebuild of a served site leaves unchanged pages as they were, and the one-page view for
    # the build after when the edit shows elsewhere too (its old digest kept, so that build makes it).
    later = current.get("dirty") and current.get("built_once") and "follow_up" in current and same_navigation \
        and WHOLE_REPLY in changed and len(contents[WHOLE_REPLY]) > LONG_VIEW \
        and any(name in build.pages for name in changed - {WHOLE_REPLY})
    if later:
        generated[WHOLE_REPLY] = current["generated"][WHOLE_REPLY]
    for name, content in contents.items():
        if files.get_file_from_path(name) is not None:
            raise Abort(f"docs/{name} would hide a generated file: remove it")
        inclusion = InclusionLevel.EXCLUDED if unbuilt.match_file(name) else \
            InclusionLevel.NOT_IN_NAV if unlisted.match_file(name) else InclusionLevel.UNDEFINED
        if isinstance(content, Path):  # a cached file, copied as it is
            file = File.generated(config, name, abs_src_path=str(content), inclusion=inclusion)
        else:
            file = File.generated(config, name, content=content, inclusion=inclusion)
            if same_navigation and (name not in changed or (later and name == WHOLE_REPLY)):
                file.is_modified = lambda: False  # a dirty build leaves its page as it was
        if name in build.pages or name == PATTERN:
            file.edit_uri = build.edit_source(name)
        files.append(file)
    current.update(navigation=navigation, generated=generated, changed=changed, rebuilt=set(), later=later)
    config["nav"] = navigation
    return Files(sorted(files, key=file_sort_key))  # in the order an engine finds them in a folder


@event_priority(100)  # before the theme's search plugin, which renders templates in its own on_config
def on_config(config):
    # The theme's templates are compiled once and kept: rebuilds (and `mkdocs serve`) reuse them.
    # Every environment the theme makes gets the cache; Jinja checks each template's source, so an
    # edited template is compiled again.
    cache = jinja2.FileSystemBytecodeCache(str(cache_folder(config, "jinja")))
    make_env = config.theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = cache
        return env

    config.theme.get_env = get_env
    return config


def cache_folder(config, name: str) -> Path:
    folder = Path(config["config_file_path"]).resolve().parent / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def on_post_page(output: str, page, config) -> str:
    current["rebuilt"].add(page.file.dest_uri)
    if page.file.src_uri == PATTERN:  # the share pages are made from it as the engine left it
        current["pattern"] = output
        return output
    return finalise_page(current["build"], output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    return finalise_page(current["build"], output, template_name) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    dirty = current.get("dirty") and current.get("built_once")
    build, rebuilt = current["build"], current["rebuilt"]
    # A dirty rebuild makes again the share pages whose source or question page changed (all, if the pattern did).
    shares = {name for name, (question, _) in build.shared.items()
              if name in current["changed"] or url_of(question.page) + "index.html" in rebuilt} \
        if dirty and url_of(PATTERN) + "index.html" not in rebuilt else None
    finalise_whole(build, Path(config["site_dir"]), rebuilt if dirty else None, current.get("pattern"), shares)
    current["built_once"] = True
    if current.get("later"):  # the server sees the change and builds again: the one-page view this time
        current["follow_up"].write_text(str(time.time_ns()), encoding="utf-8")
