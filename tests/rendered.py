"""A source read and rendered in process, for tests of the model and the pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reply_site.render.citations import Citer
from reply_site.render.pages import render_pages
from reply_site.settings import DEFAULT_SITE_URL
from reply_site.source import Source, read_source


@dataclass
class Rendered:
    source: Source
    citer: Citer
    pages: dict[str, str]  # file name -> Markdown, front matter included

    @property
    def reply(self):
        return self.source.reply

    @property
    def references(self):
        return self.source.references

    @property
    def registry(self):
        return self.source.registry


def render(reply: Path, bibliography: Path, root: Path | None = None, anchors: Path | None = None,
           site_url: str = DEFAULT_SITE_URL) -> Rendered:
    source = read_source(reply, bibliography, root, anchors)
    citer = Citer(source.reply, source.references)
    return Rendered(source, citer, {name: page.markdown for name, page in render_pages(citer, site_url).items()})
