"""One build of the site: the source read once, and everything published made from it.

SiteBuild is the one object that owns a build's state. Each engine sits between its two steps:
`files()` (generate: a complete docs folder, engine-free) and `finalise()` (the built HTML).
"""

from __future__ import annotations

import datetime
import json
from functools import cached_property
from pathlib import Path

from .addresses import absolute, card_path, relative, url_of
from .atomic_write import replace_folder
from .finalise import finalised
from .finalise.csp import with_content_security_policy
from .publish.cards import CardCache, preview_cards
from .publish.feed import atom_feed
from .publish.head import PageHead, head_html, script_json
from .publish.json_ld import json_ld
from .publish.reply_json import SCHEMA_PATH, reply_document
from .publish.robots import robots_meta, robots_txt
from .publish.share_pages import forwarding_pages, share_pages
from .render.changelog import changelog_page
from .render.citations import Citer
from .render.pages import Page, navigation, render_pages
from .settings import Settings
from .source import display_path, read_source
from .source.anchors import forwarding, moved_here
from .source.crawlers import load_agents
from .source.front_matter import split_front_matter
from .source.history import file_history, last_changed, text_history
from .source.text_file import read_text

REPLY, BIBLIOGRAPHY = "reply.md", "references.bib"  # in the docs folder
ANCHORS, CRAWLERS = "anchors.yml", "crawlers.yml"  # in the project folder
Content = str | bytes | Path  # a file's text, its bytes, or the path of a file to copy


class SiteBuild:
    def __init__(self, settings: Settings):
        self.settings = settings
        root, docs = settings.root, settings.docs_dir
        anchors = root / ANCHORS
        self.source = read_source(docs / REPLY, docs / BIBLIOGRAPHY, root, anchors if anchors.exists() else None)
        self.agents = load_agents(root / CRAWLERS, CRAWLERS)
        self.reply = self.source.reply
        self.citer = Citer(self.reply, self.source.references)
        self.revisions = text_history(root, self.reply.path)
        bibliography_history = file_history(root, display_path(docs / BIBLIOGRAPHY, root))
        self.changed = last_changed(self.revisions)
        self.changed["references"] = bibliography_history[0].date[:10] if bibliography_history else None
        registry = self.source.registry
        self.moves = forwarding(self.reply, registry) if registry else {}

    # generate -------------------------------------------------------------------------------

    @cached_property
    def pages(self) -> dict[str, Page]:
        """The pages made from the reply, each with its date of last change and its moved anchors."""
        made = render_pages(self.citer, self.settings.site_url)
        made["changelog.md"] = changelog_page(self.revisions, self.settings.repo_url)
        return {name: Page(page.title, page.description, page.body + self.page_footer(name))
                for name, page in made.items()}

    def page_footer(self, name: str) -> str:
        footer = ""
        changed = self.changed.get(self.text_key(name))
        if changed:
            footer += (f'\n<p class="text-changed" markdown>Text last changed on <time datetime="{changed}">'
                       f"{changed}</time> ([changelog](changelog.md)).</p>\n")
        moved = moved_here(self.moves, url_of(name))
        if moved:
            footer += f'\n<script type="application/json" id="moved-anchors">{script_json(moved)}</script>\n'
        return footer

    def text_key(self, name: str) -> str | None:
        """The key of `last_changed` for a page: its question number, "home" or "references"."""
        question = next((q for q in self.reply.questions if q.page == name), None)
        return question.number if question else {"index.md": "home", "references.md": "references"}.get(name)

    @cached_property
    def static_pages(self) -> dict[str, str]:
        """HTML pages the core writes itself (share and forwarding pages), with their security policy."""
        robots = robots_meta(self.settings.ai_training)
        pages = {**share_pages(self.reply, self.settings.site_url, self.settings.site_name, robots),
                 **forwarding_pages(self.reply, self.moves)}
        return {name: with_content_security_policy(html) for name, html in pages.items()}

    def data_files(self) -> dict[str, str]:
        settings = self.settings
        feed = atom_feed([revision.commit for revision in self.revisions], settings.site_url, settings.site_name,
                         settings.repo_url, last_modified(settings.docs_dir / REPLY))
        document = reply_document(self.citer, settings.site_url)
        return {
            "reply.json": json.dumps(document, ensure_ascii=False, indent=2) + "\n",
            "robots.txt": robots_txt(settings.ai_training, self.agents, settings.site_url),
            "feed.xml": feed,
            SCHEMA_PATH: read_text(settings.root / SCHEMA_PATH, SCHEMA_PATH),
        }

    @cached_property
    def cards(self) -> dict[str, bytes | Path]:
        """The link-preview card of each page made from the reply, and of each share page."""
        return preview_cards(self.reply, self.settings.site_name, CardCache(self.settings.root / ".cache" / "cards"))

    def files(self) -> dict[str, Content]:
        """Every file the build adds to the docs folder: path below it -> content."""
        return {**{name: page.markdown for name, page in self.pages.items()}, **self.static_pages, **self.cards,
                **self.data_files()}

    def navigation(self) -> list[dict[str, str]]:
        return navigation(self.reply)

    def write_docs(self, folder: Path) -> None:
        """A complete docs folder for any engine: the hand-written files, and every generated one."""
        files: dict[str, Content] = {path.relative_to(self.settings.docs_dir).as_posix(): path
                                     for path in sorted(self.settings.docs_dir.rglob("*"))
                                     if path.is_file() and path.name != REPLY}
        files.update(self.files())
        replace_folder(folder, files)

    # finalise -------------------------------------------------------------------------------

    def edit_source(self, name: str) -> str:
        """The file below the docs folder that a page is edited through: generated pages through their source."""
        if name not in self.pages:
            return name
        return BIBLIOGRAPHY if name == "references.md" else REPLY

    @cached_property
    def hand_written(self) -> dict[str, Page]:
        """The hand-written pages' titles and descriptions, from their front matter."""
        pages = {}
        for path in sorted(self.settings.docs_dir.rglob("*.md")):
            name = path.relative_to(self.settings.docs_dir).as_posix()
            if name != REPLY and name not in self.pages:
                meta = split_front_matter(read_text(path, name), name)[0]
                pages[name] = Page(str(meta.get("title") or ""), str(meta.get("description") or ""), "")
        return pages

    def head(self, name: str) -> PageHead | None:
        """The head of the page built from `name` ('question-7.md'); None for the engine's own pages."""
        page = self.pages.get(name) or self.hand_written.get(name)
        if page is None:
            return None
        settings, url = self.settings, url_of(name)
        card = card_path(url.rstrip("/") or "index")
        card = card if card in self.cards else card_path("index")
        citation = {"title": self.reply.meta["title"], "authors": self.reply.authors, "date": self.reply.date,
                    "url": absolute(settings.site_url, url), "responds_to": self.reply.meta["responds_to"]["url"]}
        return PageHead(url=absolute(settings.site_url, url), title=page.title or settings.site_name,
                        description=page.description, image=absolute(settings.site_url, card), image_alt=page.title,
                        kind="website" if name == "index.md" else "article",
                        json_ld=json_ld(self.citer, name, settings.site_url), citation=citation,
                        robots=robots_meta(settings.ai_training), feed=relative(url, "feed.xml"))

    def finalise(self, html: str, name: str) -> str:
        """A page as an engine built it from `name` ('question-7.md', or '404.html' for a theme page)."""
        head = self.head(name)
        edit_links = {}
        engine_link, real_link = self.settings.edit_url(name), self.settings.edit_url(self.edit_source(name))
        if engine_link and engine_link != real_link:
            edit_links[engine_link] = real_link
        return finalised(html, head_html(head, self.settings.site_name) if head else "", edit_links)

    def finalise_site(self, site: Path) -> None:
        """Finalise every page an engine built into `site` (the core's own pages are final already)."""
        sources = {url_of(name): name for name in [*self.pages, *self.hand_written]}
        for path in site.rglob("*.html"):
            address = path.relative_to(site).as_posix()
            if address in self.static_pages:
                continue
            url = address.removesuffix("index.html")
            name = sources.get(url, address)
            path.write_text(self.finalise(path.read_text(encoding="utf-8"), name), encoding="utf-8")


def last_modified(path: Path) -> str:
    """When a file last changed (ISO 8601), or now if it cannot be told: dates a feed without history."""
    try:
        stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    except OSError:
        stamp = datetime.datetime.now(datetime.UTC)
    return stamp.isoformat(timespec="seconds")
