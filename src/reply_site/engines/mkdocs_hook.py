"""MkDocs (and ProperDocs) hook: the site generated and finalised inside `mkdocs build` and
`mkdocs serve`, for the live preview. Glue only: reply_site.site_build.SiteBuild does the work,
the same steps as `make site` for every engine; the core's errors become MkDocs' Abort here.

Under `mkdocs serve --dirty` (`make serve`), a generated page whose text the edit did not change
is not built again, so that a long reply's preview shows an edit as fast as a short one's.

The share pages are left out of MkDocs' build (InclusionLevel.EXCLUDED: links to them still resolve)
and made after it from the pattern page, and the one-page view's rebuttals are filled in from the
question pages, as every engine's are (finalise/share_pages.py, finalise/whole_reply.py).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
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
# last build generated (file -> its text's digest) and its navigation; the pages built this time;
# the pattern page and the one-page view as MkDocs last built them (the finalise step makes pages of them).
current: dict = {"generated": {}, "rebuilt": set()}


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
    for name, content in contents.items():
        if files.get_file_from_path(name) is not None:
            raise Abort(f"docs/{name} would hide a generated file: remove it")
        inclusion = InclusionLevel.EXCLUDED if unbuilt.match_file(name) else \
            InclusionLevel.NOT_IN_NAV if unlisted.match_file(name) else InclusionLevel.UNDEFINED
        if isinstance(content, Path):  # a cached file, copied as it is
            file = File.generated(config, name, abs_src_path=str(content), inclusion=inclusion)
        else:
            file = File.generated(config, name, content=content, inclusion=inclusion)
            if same_navigation and name not in changed:
                file.is_modified = lambda: False  # a dirty build leaves its page as it was
        if name in build.pages or name == PATTERN:
            file.edit_uri = build.edit_source(name)
        files.append(file)
    current.update(navigation=navigation, generated=generated, changed=changed, rebuilt=set())
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
    if page.file.src_uri in (PATTERN, WHOLE_REPLY):  # pages are made of them as MkDocs left them
        current[page.file.src_uri] = output
        return output
    return finalise_page(current["build"], output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    return finalise_page(current["build"], output, template_name) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    dirty = current.get("dirty") and current.get("built_once")
    build, rebuilt = current["build"], current["rebuilt"]
    # A dirty rebuild makes again the share pages whose source or question page changed (all, if the
    # pattern did), and the one-page view if it or any question page did.
    shares = {name for name, (question, _) in build.shared.items()
              if name in current["changed"] or url_of(question.page) + "index.html" in rebuilt} \
        if dirty and url_of(PATTERN) + "index.html" not in rebuilt else None
    remake_view = not dirty or any(url_of(name) + "index.html" in rebuilt for name in [WHOLE_REPLY, *build.questions])
    finalise_whole(build, Path(config["site_dir"]), rebuilt if dirty else None, current.get(PATTERN), shares,
                   current.get(WHOLE_REPLY) if remake_view else None)
    current["built_once"] = True
