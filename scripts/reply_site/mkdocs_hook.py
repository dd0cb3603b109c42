"""MkDocs hook: generate the pages from docs/reply.md inside `mkdocs build` and `mkdocs serve`.

Thin glue only: the work is done by reply_site.pipeline, as for scripts/build_pages.py.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

try:
    from reply_site.errors import SourceError
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from reply_site.errors import SourceError
from reply_site.pages import navigation
from reply_site.pipeline import build

SOURCE, BIB = "reply.md", "references.bib"
log = logging.getLogger("mkdocs.hooks.reply_site")


def on_files(files: Files, config) -> Files:
    docs = Path(config["docs_dir"])
    try:
        result = build(docs / SOURCE, docs / BIB, root=Path(config["config_file_path"]).parent)
    except SourceError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} problem(s) in the source; nothing was built") from None
    source = files.get_file_from_path(SOURCE)
    if source is not None:
        files.remove(source)  # the source is not a page of its own
    for name, text in result.pages.items():
        if files.get_file_from_path(name) is not None:
            raise Abort(f"docs/{name} would hide a generated page: remove it")
        files.append(File.generated(config, name, content=text))
    config["nav"] = navigation(result.reply)
    return files
