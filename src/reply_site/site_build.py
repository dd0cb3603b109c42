"""One build of the site: the source read once, and everything published made from it.

SiteBuild is the one object that owns a build's state. Each engine sits between its two steps:
`files()` (generate: a complete docs folder, engine-free, with each page's metadata) and the
finalise step on the HTML the engine built (finalise/built_site.py, which reads it from here).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from .addresses import PDF, WHOLE_REPLY, absolute, card_path, relative, share_file, url_of
from .atomic_write import replace_folder
from .finalise.csp import with_content_security_policy
from .finalise.share_pages import PATTERN, PATTERN_MARKDOWN
from .model import Question, Rebuttal
from .publish import json_ld
from .publish.cards import CardCache
from .publish.feed import atom_feed
from .provenance import DESCRIPTION as PROVENANCE_DESCRIPTION
from .provenance import PAGE_FILE as PROVENANCE_PAGE
from .provenance import RECORD_FILE, check_provenance, provenance_page
from .provenance import TITLE as PROVENANCE_TITLE
from .publish.forwarding_pages import forwarding_pages
from .publish.head import PageHead, head_html, script_json
from .publish.pdf import PDF_LIMIT, PdfCache, text_size
from .publish.previews import Preview, home_preview, page_preview, question_preview, rebuttal_preview
from .publish.reply_json import SCHEMA_PATH, reply_document
from .publish.robots import robots_meta, robots_txt
from .publish.site_script import SITE_SCRIPT, site_script
from .render.changelog import changelog_page
from .render.citations import Citer
from .render.pages import Page, navigation, render_pages, whole_reply_page
from .render.rebuttals import anchor
from .settings import Settings
from .errors import SourceError
from .source import display_path, read_source
from .source.anchors import forwarding, moved_here
from .source.crawlers import load_agents
from .source.front_matter import split_front_matter
from .source.history import file_history, last_changed, text_history
from .source.text_file import read_text

REPLY, BIBLIOGRAPHY = "reply.md", "references.bib"  # in the docs folder
ANCHORS, CRAWLERS = "anchors.yml", "crawlers.yml"  # in the project folder
Content = str | bytes | Path  # a file's text, its bytes, or the path of a file to copy
# Share pages and the one-page view repeat the question pages, which are the ones to index.
NOT_INDEXED = "noindex, follow"


class SiteBuild:
    def __init__(self, settings: Settings, live: Callable[[Path], None] | None = None):
        """`live`: for a live preview, what to do with a PDF rendered in the background (it would
        make each preview wait); without it, every file is made before the build goes on."""
        self.settings, self.live = settings, live
        root, docs = settings.root, settings.docs_dir
        anchors, record = root / ANCHORS, root / RECORD_FILE
        self.source = read_source(docs / REPLY, docs / BIBLIOGRAPHY, root, anchors if anchors.exists() else None,
                                  record if record.exists() else None)
        self.agents = load_agents(root / CRAWLERS, CRAWLERS)
        self.reply = self.source.reply
        # The published text held to the record (a project copy without one, a test's, is not).
        self.provenance = check_provenance(root, self.reply)
        if self.provenance and self.provenance[1].problems:
            raise SourceError(self.provenance[1].problems)
        self.citer = Citer(self.reply, self.source.references)
        self.notes: list[str] = []  # what a person building the site should know (a command prints it)
        size = text_size(self.reply)
        self.has_pdf = size <= PDF_LIMIT
        if not self.has_pdf:
            self.notes.append(f"reply.pdf is not made: the reply has {size:,} characters of text, "
                              f"more than the {PDF_LIMIT:,} a PDF is made of (see README, Limits)")
        self.revisions = text_history(root, self.reply.path)
        bibliography_history = file_history(root, display_path(docs / BIBLIOGRAPHY, root))
        self.changed = last_changed(self.revisions)
        self.changed["references"] = bibliography_history[0].date[:10] if bibliography_history else None
        registry = self.source.registry
        self.moves = forwarding(self.reply, registry) if registry else {}
        self.questions = {question.page: question for question in self.reply.questions}
        self.shared: dict[str, tuple[Question, Rebuttal]] = {
            share_file(rebuttal.id): (question, rebuttal)
            for question in self.reply.questions for rebuttal in question.rebuttals}

    # generate -------------------------------------------------------------------------------

    @cached_property
    def previews(self) -> dict[str, Preview]:
        """What a link to each page shows, by the file it is built from."""
        reply = self.reply
        previews = {"index.md": home_preview(reply)}
        previews.update({name: question_preview(reply, question) for name, question in self.questions.items()})
        previews.update({name: rebuttal_preview(reply, *shared) for name, shared in self.shared.items()})
        previews["references.md"] = page_preview(reply, "References", "The works cited in the reply, with "
                                                 "where each is cited.")
        previews[WHOLE_REPLY] = page_preview(reply, f"{reply.meta['title']}: the whole reply on one page",
                                             "Every passage and the author's reply to it, in the order received.")
        previews["changelog.md"] = page_preview(reply, "Changelog", "Every change to the text of the reply since "
                                                "it was published, newest first.")
        previews.update({name: page_preview(reply, page.title or self.settings.site_name, page.description)
                         for name, page in self.hand_written.items()})
        if self.provenance:
            previews[PROVENANCE_PAGE] = page_preview(reply, PROVENANCE_TITLE, PROVENANCE_DESCRIPTION)
        return previews

    @cached_property
    def pages(self) -> dict[str, Page]:
        """The pages made from the reply, each with its description, date of last change and moved anchors."""
        made = render_pages(self.citer, self.settings.site_url, has_record=self.provenance is not None,
                            has_pdf=self.has_pdf)
        made["changelog.md"] = changelog_page(self.revisions, self.settings.repo_url)
        if self.provenance:
            record, comparison = self.provenance
            made[PROVENANCE_PAGE] = Page(PROVENANCE_TITLE, provenance_page(comparison, record.data))
        return {name: self.finished(name, page) for name, page in made.items()}

    def finished(self, name: str, page: Page) -> Page:
        """A page made from the reply with its description, date of last change and moved anchors."""
        preview = self.previews[name]
        title = preview.title if name in self.shared else page.title
        return replace(page, title=title, body=page.body + self.page_footer(name), description=preview.description)

    def whole_reply_written_out(self) -> str:
        """The one-page view's Markdown with each rebuttal written out, not left to the finalise step:
        what it makes of the engine's page (tests/test_made_pages.py)."""
        page = whole_reply_page(self.citer, self.settings.site_url, self.has_pdf, bodies=True)
        return self.finished(WHOLE_REPLY, page).markdown

    def page_footer(self, name: str, as_html: bool = False) -> str:
        """What follows a generated page's text: when it last changed, its moved anchors; Markdown, or
        `as_html` as the engines render it."""
        footer = ""
        changed = self.changed.get(self.text_key(name))
        if changed:
            footer += (f'\n<p class="text-changed"{"" if as_html else " markdown"}>Text last changed on '
                       f'<time datetime="{changed}">{changed}</time> '
                       f"({anchor('changelog', name, 'changelog.md', as_html)}).</p>\n")
        moved = moved_here(self.moves, url_of(name))
        if moved:
            footer += f'\n<script type="application/json" id="moved-anchors">{script_json(moved)}</script>\n'
        return footer

    def text_key(self, name: str) -> str | None:
        """The key of `last_changed` for a page: its question number, "home" or "references"."""
        question = self.questions.get(name) or (self.shared[name][0] if name in self.shared else None)
        return question.number if question else {"index.md": "home", "references.md": "references",
                                                 WHOLE_REPLY: "reply"}.get(name)

    @cached_property
    def static_pages(self) -> dict[str, str]:
        """HTML pages the core writes itself (forwarding pages), with their security policy."""
        share_heads = {rebuttal.id: head_html(replace(self.head(share_file(rebuttal.id)), robots=""),
                                              self.settings.site_name, canonical=True)
                       for rebuttal in self.reply.rebuttals if rebuttal.previous_ids}
        pages = forwarding_pages(self.reply, self.moves, share_heads, lambda page: moved_here(self.moves, page),
                                 ", ".join(filter(None, ["noindex", robots_meta(self.settings.ai_training)])))
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
            SITE_SCRIPT: site_script(settings.custom_dir / "assets" / "javascripts"),
        }

    @staticmethod
    def card_of(name: str) -> str:
        """The path of the card of the page built from `name`."""
        return card_path(url_of(name).rstrip("/") or "index")

    @cached_property
    def cards(self) -> dict[str, bytes | Path]:
        """Every page's link-preview card: path below the site root -> PNG (or its cached file)."""
        cache = CardCache(self.settings.root / ".cache" / "cards")
        return cache.cards({self.card_of(name): preview.card for name, preview in self.previews.items()})

    @cached_property
    def pdf(self) -> bytes | Path:
        """reply.pdf: the whole reply as a tagged PDF (or its cached file)."""
        cache = PdfCache(self.settings.root / ".cache" / "pdf")
        return cache.pdf(self.citer, self.settings.site_url, self.changed.get("reply"), later=self.live)

    def files(self) -> dict[str, Content]:
        """Every file the build adds to the docs folder: path below it -> content."""
        record = {RECORD_FILE: self.settings.root / RECORD_FILE} if self.provenance else {}  # byte for byte
        pdf = {PDF: self.pdf} if self.has_pdf else {}
        pattern = {PATTERN: PATTERN_MARKDOWN} if self.shared else {}
        return {**{name: page.markdown for name, page in self.pages.items()}, **pattern, **self.static_pages,
                **self.cards, **self.data_files(), **pdf, **record}

    def navigation(self) -> list[dict]:
        return navigation(self.reply, has_record=self.provenance is not None)

    def not_in_navigation(self) -> list[str]:
        """The generated pages no navigation lists: the share pages (as gitignore-style patterns)."""
        return ["/" + share_file("*")] if self.shared else []

    def not_built(self) -> list[str]:
        """The generated pages engines are not to build (gitignore-style patterns): the share pages,
        which the finalise step makes from the pattern page and the question pages (finalise/share_pages.py)."""
        return ["/" + share_file("*"), "!/" + PATTERN] if self.shared else []

    def write_docs(self, folder: Path, written_out: bool = False) -> None:
        """A complete docs folder for any engine: the hand-written files, and every generated one.
        `written_out`: the one-page view with its rebuttals, for an engine to build the whole site
        without the finalise step (with every page built: no `exclude_docs`), as comparisons do."""
        files: dict[str, Content] = {path.relative_to(self.settings.docs_dir).as_posix(): path
                                     for path in sorted(self.settings.docs_dir.rglob("*"))
                                     if path.is_file() and path.name != REPLY}
        files.update(self.files())
        if written_out:
            files[WHOLE_REPLY] = self.whole_reply_written_out()
        replace_folder(folder, files)

    # finalise -------------------------------------------------------------------------------

    def edit_source(self, name: str) -> str:
        """The file below the docs folder that a page is edited through: generated pages through their source."""
        if name not in self.pages and name != PATTERN:
            return name
        return BIBLIOGRAPHY if name == "references.md" else REPLY

    @cached_property
    def hand_written(self) -> dict[str, Page]:
        """The hand-written pages (every Markdown file of the docs folder but the source), from their front matter."""
        pages = {}
        for path in sorted(self.settings.docs_dir.rglob("*.md")):
            name = path.relative_to(self.settings.docs_dir).as_posix()
            if name != REPLY:
                meta = split_front_matter(read_text(path, name), name)[0]
                pages[name] = Page(str(meta.get("title") or ""), "", str(meta.get("description") or ""))
        return pages

    def structured_data(self, name: str) -> dict | None:
        """The page's JSON-LD, for the pages made from the reply."""
        citer, site_url = self.citer, self.settings.site_url
        if name == "index.md":
            data = json_ld.home(self.reply, site_url)
        elif name == "references.md":
            data = json_ld.references_page(self.reply, citer, site_url)
        elif name in self.questions:
            data = json_ld.question_article(self.questions[name], self.reply, citer, site_url)
        elif name in self.shared:
            data = json_ld.share_page(*self.shared[name], citer, site_url)
        elif name == WHOLE_REPLY:
            data = json_ld.whole_reply_page(self.reply, site_url)
        else:
            return None
        return {"@context": json_ld.CONTEXT, **data}

    def head(self, name: str) -> PageHead | None:
        """The head of the page built from `name` ('question-7.md'); None for the engine's own pages."""
        preview = self.previews.get(name)
        if preview is None:
            return None
        settings, url = self.settings, url_of(name)
        citation = {"title": self.reply.meta["title"], "authors": self.reply.authors, "date": self.reply.date,
                    "url": absolute(settings.site_url, url), "responds_to": self.reply.meta["responds_to"]["url"]}
        robots = [NOT_INDEXED] if not self.indexed(name) else []
        return PageHead(url=absolute(settings.site_url, url), title=preview.title, description=preview.description,
                        image=absolute(settings.site_url, self.card_of(name)), image_alt=preview.card.alt,
                        kind="website" if name == "index.md" else "article",
                        json_ld=self.structured_data(name), citation=citation,
                        robots=", ".join(filter(None, [*robots, robots_meta(settings.ai_training)])),
                        feed=relative(url, "feed.xml"))

    def indexed(self, name: str) -> bool:
        """Whether search engines are asked to index the page: not the copies of the question pages."""
        return name not in self.pages or self.pages[name].searched


def last_modified(path: Path) -> str:
    """When a file last changed (ISO 8601), or now if it cannot be told: dates a feed without history."""
    try:
        stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    except OSError:
        stamp = datetime.datetime.now(datetime.UTC)
    return stamp.isoformat(timespec="seconds")
