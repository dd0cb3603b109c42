"""The site's data files and per-page metadata, from a pipeline.Build and the MkDocs config.

Called by the MkDocs hook: `data_files` in on_files, `page_meta` in on_page_context.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from mkdocs.exceptions import Abort

from .crawlers import parse_agents, policy_of, robots_meta, robots_txt
from .feed import Commit, atom_feed, reply_history
from .pipeline import DEFAULT_SITE_URL
from .reply_json import SCHEMA_PATH, reply_document
from .structured_data import json_ld

CRAWLERS = "crawlers.yml"


def site_url_of(config) -> str:
    return config.get("site_url") or DEFAULT_SITE_URL


def root_of(config) -> Path:
    """The project folder: the one holding mkdocs.yml, crawlers.yml and schema/."""
    return Path(config["config_file_path"]).resolve().parent


def policy(config) -> str:
    try:
        return policy_of(config.get("extra"))
    except ValueError as error:
        raise Abort(str(error)) from None


def read(root: Path, name: str) -> str:
    try:
        return (root / name).read_text(encoding="utf-8")
    except OSError as error:
        raise Abort(f"{name}: cannot be read ({error.strerror})") from None


def last_modified(path: Path) -> str:
    """When a file last changed (ISO 8601), or now if it cannot be told: dates a feed without history."""
    try:
        stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    except OSError:
        stamp = datetime.datetime.now(datetime.UTC)
    return stamp.isoformat(timespec="seconds")


def data_files(build, config, commits: list[Commit] | None = None) -> dict[str, str]:
    """Every data file of the site: name below the site root -> text.

    `commits` are those that changed the text (history.text_history); by default every
    commit that touched the source file.
    """
    root, site_url = root_of(config), site_url_of(config)
    try:
        agents = parse_agents(read(root, CRAWLERS), CRAWLERS)
    except ValueError as error:
        raise Abort(str(error)) from None
    source = build.reply.path  # relative to the project when it is inside it
    if commits is None:
        commits = reply_history(root, source)
    feed = atom_feed(commits, site_url, config["site_name"], config.get("repo_url"),
                     last_modified(root / source))
    return {
        "reply.json": json.dumps(reply_document(build, site_url), ensure_ascii=False, indent=2) + "\n",
        "robots.txt": robots_txt(policy(config), agents, site_url),
        "feed.xml": feed,
        SCHEMA_PATH: read(root, SCHEMA_PATH),
    }


def script_json(data: dict) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_meta(build, page_src_uri: str, config) -> dict:
    """What overrides/partials/reply-data-head.html writes into a page's <head>."""
    data = json_ld(build, page_src_uri, site_url_of(config))
    return {"json_ld": script_json(data) if data else None, "robots": robots_meta(policy(config))}
