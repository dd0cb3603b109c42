"""Everything one build of the site publishes, from one reading of the source.

The MkDocs hook creates a SiteBuild per build and asks it for the files to add and for
each page's metadata; nothing here depends on MkDocs beyond the config's values.
"""

from __future__ import annotations

from pathlib import Path

from .anchors import Registry, forwarding
from .changelog import changelog_page
from .cards import CardCache
from .cite import authors
from .crawlers import robots_meta
from .data_files import data_files, page_meta, policy
from .feed import reply_history
from .history import last_changed, text_history
from .pipeline import DEFAULT_SITE_URL, Build, build
from .share_pages import card_path, moved_anchors, static_files

SOURCE, BIB, ANCHORS = "reply.md", "references.bib", "anchors.yml"


class SiteBuild:
    def __init__(self, config):
        self.config = config
        self.root = Path(config["config_file_path"]).resolve().parent
        self.docs = Path(config["docs_dir"])
        self.site_url = config["site_url"] or DEFAULT_SITE_URL
        anchors = self.root / ANCHORS
        self.result: Build = build(self.docs / SOURCE, self.docs / BIB, root=self.root, site_url=self.site_url,
                                   anchors=anchors if anchors.exists() else None)
        self.revisions = text_history(self.root, self.result.reply.path)
        bib_history = reply_history(self.root, f"{self.docs.name}/{BIB}")
        self.changed = last_changed(self.revisions)
        self.changed["references"] = bib_history[0].date[:10] if bib_history else None
        self.moves = forwarding(self.result.reply, self.registry) if self.registry else {}

    @property
    def registry(self) -> Registry | None:
        return self.result.registry

    def files(self) -> dict[str, str | bytes | Path]:
        """Every generated file: pages, changelog, share pages, cards (as paths of cached files), data files."""
        extras = static_files(self.result.reply, self.moves, self.site_url, self.config["site_name"],
                              CardCache(self.root / ".cache" / "cards"), robots_meta(policy(self.config)))
        return {**self.result.pages, "changelog.md": changelog_page(self.revisions, self.config["repo_url"]),
                **extras, **data_files(self.result, self.config, [r.commit for r in self.revisions])}

    def page_meta(self, src_uri: str, generated: bool) -> dict:
        """What the templates show of a page beyond its text: previews, citation, dates, edit link."""
        reply, name = self.result.reply, src_uri.removesuffix(".md")
        question = next((q for q in reply.questions if q.page == src_uri), None)
        meta = page_meta(self.result, src_uri, self.config)
        meta["card"] = card_path(name if src_uri in self.result.pages else "index")
        meta["citation"] = {"title": reply.meta["title"], "authors": authors(reply),
                            "date": str(reply.meta.get("date") or ""), "responds_to": reply.meta["responds_to"]["url"]}
        key = question.number if question else {"index": "home", "references": "references"}.get(name)
        meta["text_changed"] = self.changed.get(key) if key else None
        repo, edit = self.config["repo_url"], self.config["edit_uri"]
        if generated and repo and edit:  # generated pages are edited through their source
            meta["edit_url"] = f"{repo.rstrip('/')}/{edit.strip('/')}/{BIB if name == 'references' else SOURCE}"
        return meta

    def moved_anchors(self, page_url: str) -> dict[str, str]:
        return moved_anchors(self.moves, page_url)
