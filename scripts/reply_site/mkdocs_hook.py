"""MkDocs hook: generate the pages from docs/reply.md inside `mkdocs build` and `mkdocs serve`.

Thin glue only: the work is done by reply_site.pipeline, as for scripts/build_pages.py.
"""

from __future__ import annotations

import json
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
from reply_site.cite import authors
from reply_site.data_files import data_files, page_meta
from reply_site.cards import CardCache
from reply_site.csp import with_policy
from reply_site.changelog import changelog_page
from reply_site.feed import reply_history
from reply_site.history import last_changed, text_history
from reply_site.html_validity import repaired
from reply_site.pages import navigation
from reply_site.pipeline import DEFAULT_SITE_URL, build
from reply_site.share_pages import card_path, moved_anchors, static_files

SOURCE, BIB, ANCHORS = "reply.md", "references.bib", "anchors.yml"
log = logging.getLogger("mkdocs.hooks.reply_site")
last_build = {}  # the build of this run, for the page events below


def on_files(files: Files, config) -> Files:
    docs, root = Path(config["docs_dir"]), Path(config["config_file_path"]).parent
    site_url = config["site_url"] or DEFAULT_SITE_URL
    try:
        result = build(docs / SOURCE, docs / BIB, root=root, site_url=site_url,
                       anchors=root / ANCHORS if (root / ANCHORS).exists() else None)
    except SourceError as error:
        for problem in error.problems:
            log.error(str(problem))
        raise Abort(f"{len(error.problems)} problem(s) in the source; nothing was built") from None
    source = files.get_file_from_path(SOURCE)
    if source is not None:
        files.remove(source)  # the source is not a page of its own
    cards = CardCache(root / ".cache" / "cards")
    generated = {**result.pages, **static_files(result.reply, result.registry, site_url, config["site_name"], cards)}
    for name, content in generated.items():
        if files.get_file_from_path(name) is not None:
            raise Abort(f"docs/{name} would hide a generated file: remove it")
        files.append(File.generated(config, name, content=content))
    revisions = text_history(root)
    generated_pages = {"changelog.md": changelog_page(revisions, config["repo_url"])}
    for name, text in {**data_files(result, config), **generated_pages}.items():
        files.append(File.generated(config, name, content=text))
    config["nav"] = navigation(result.reply)
    bib_history = reply_history(root, f"{Path(config['docs_dir']).name}/{BIB}")
    last_build.update(result=result, changed=last_changed(revisions),
                      bib_changed=bib_history[0].date[:10] if bib_history else None, repo_edit=config["repo_url"] and config["edit_uri"] and
                      config["repo_url"].rstrip("/") + "/" + config["edit_uri"].strip("/") + "/")
    return files


def on_page_context(context, page, config, nav):
    result = last_build["result"]
    name = page.file.src_uri.removesuffix(".md")
    page.meta.update(page_meta(result, page.file.src_uri, config))
    page.meta.setdefault("card", card_path(name if f"{name}.md" in result.pages else "index"))
    reply = result.reply
    page.meta.setdefault("citation", {"title": reply.meta["title"], "authors": authors(reply),
                                      "date": str(reply.meta.get("date") or ""),
                                      "responds_to": reply.meta["responds_to"]["url"]})
    question = next((q for q in reply.questions if q.page == page.file.src_uri), None)
    changed = (last_build["bib_changed"] if name == "references" else
               last_build["changed"].get(question.number if question else "home" if name == "index" else ""))
    if changed:
        page.meta["text_changed"] = changed
    if page.file.generated_by and last_build["repo_edit"]:
        # Generated pages are edited through their source.
        page.edit_url = last_build["repo_edit"] + (BIB if name == "references" else SOURCE)
    return context


def on_page_content(html: str, page, config, files) -> str:
    moves = moved_anchors(last_build["result"].reply, last_build["result"].registry, page.url)
    if not moves:
        return html
    data = json.dumps(moves).replace("<", "\\u003c")
    return html + f'\n<script type="application/json" id="moved-anchors">{data}</script>\n'


def on_post_page(output: str, page, config) -> str:
    return with_policy(repaired(output))


def on_post_template(output: str, template_name: str, config) -> str:
    return with_policy(repaired(output)) if template_name.endswith(".html") else output
