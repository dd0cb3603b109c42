"""`reply.pdf`: the whole reply as a tagged PDF (PDF/UA-1), drawn offline by WeasyPrint in DejaVu Sans
and Serif (Debian's fonts-dejavu-core; fonts-dejavu-extra adds the true italics).

The same model gives the same bytes: no date from the clock (only the text's own dates, in the
metadata), and a file identifier made from the site's address. The PDF is cached on disk like
the preview cards, so that an unchanged text is not rendered again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic_write import write_bytes_atomically
from ..errors import SetupError
from ..render.citations import Citer
from . import pdf_document
from .pdf_document import document_html

if TYPE_CHECKING:
    import concurrent.futures

DOCUMENT_CODE = Path(pdf_document.__file__).read_text(encoding="utf-8")  # a change to it is a new PDF
STYLESHEET = resources.files(__package__).joinpath("pdf.css").read_text(encoding="utf-8")
# The longest reply a PDF is made of, in characters of its text: about 800 pages, rendered in a few
# minutes within the memory a build is given (README, "Limits"). The real reply has some 11,000.
PDF_LIMIT = 2_000_000
VARIANT = "pdf/ua-1"  # tagged for screen readers, with title and language in its metadata


def text_size(reply) -> int:
    """The characters of the reply's text: what the PDF sets."""
    paragraphs = [*reply.preamble, *(p for r in reply.rebuttals for p in r.quote + r.reply)]
    return sum(len(paragraph.text) for paragraph in paragraphs) + sum(len(q.text) for q in reply.questions)


def identifier(site_url: str) -> bytes:
    """The PDF's permanent identifier (first half of /ID): one per published address."""
    return hashlib.md5(f"{site_url}reply.pdf".encode()).hexdigest().encode()


def pdf_bytes(html: str, site_url: str) -> bytes:
    """The PDF of a document made by `document_html`."""
    try:
        from weasyprint import CSS, HTML, URLFetcher  # imported only when a PDF is made: most builds find it cached
    except OSError as error:
        raise SetupError("reply.pdf is drawn by WeasyPrint, which needs Pango: install Debian's "
                         f"libpango-1.0-0 and fonts-dejavu-core ({error})") from None
    offline = URLFetcher(allowed_protocols=())  # the document needs nothing from anywhere: no URL is fetched
    document = HTML(string=html, url_fetcher=offline)
    return document.write_pdf(stylesheets=[CSS(string=STYLESHEET, url_fetcher=offline)],
                              pdf_variant=VARIANT, pdf_identifier=identifier(site_url))


def reply_pdf(citer: Citer, site_url: str, changed: str | None) -> bytes:
    """The whole reply as PDF bytes; `changed` is the ISO date the text last changed (None: not said)."""
    return pdf_bytes(document_html(citer, site_url, changed), site_url)


class PdfCache:
    """PDFs already rendered, on disk: an unchanged text is not rendered again."""

    VERSION = "1"  # bump when the rendering changes in a way the document's HTML and stylesheet do not show

    def __init__(self, folder: Path | None):
        self.folder = folder

    def pdf(self, citer: Citer, site_url: str, changed: str | None,
            later: Callable[[Path], None] | None = None) -> bytes | Path:
        """The PDF's bytes, or with a cache folder the path of its cached file (not read).

        With `later` (a live preview, which must not wait ~1 s for it), a text not rendered yet is
        rendered in the background, in a process of its own (it would slow the preview's rebuild
        down), and handed to `later`; meanwhile the PDF rendered last stands in.
        """
        if self.folder is None:
            return pdf_bytes(document_html(citer, site_url, changed), site_url)
        path = self.folder / f"{self.key(citer, site_url, changed)}.pdf"
        if path.exists():
            return path
        self.folder.mkdir(parents=True, exist_ok=True)
        earlier = max(self.folder.glob("*.pdf"), key=lambda file: file.stat().st_mtime, default=None)
        if later is None or earlier is None:
            render_into(path, citer, site_url, changed)
            return path
        rendering = background().submit(render_into, path, citer, site_url, changed)
        rendering.add_done_callback(lambda done: later(path) if done.exception() is None else None)
        return earlier

    def key(self, citer: Citer, site_url: str, changed: str | None) -> str:
        """Every input, without rendering anything: the model (its text and references), the address and
        date, the code that writes the document, the stylesheet and WeasyPrint's version."""
        inputs = [self.VERSION, metadata.version("weasyprint"), VARIANT, STYLESHEET, site_url, str(changed),
                  repr(citer.reply), repr(sorted(citer.references.items())), DOCUMENT_CODE]
        return hashlib.sha256("\x00".join(inputs).encode()).hexdigest()


def render_into(path: Path, citer: Citer, site_url: str, changed: str | None) -> None:
    write_bytes_atomically(path, reply_pdf(citer, site_url, changed))


BACKGROUND: list[concurrent.futures.Executor] = []


def background() -> concurrent.futures.Executor:
    """One process that renders PDFs for a live preview, one after another, at the lowest priority:
    the preview's next rebuild never waits for the processor behind it."""
    if not BACKGROUND:
        import concurrent.futures  # here: only a live preview renders in the background
        import multiprocessing

        context = multiprocessing.get_context("fork")  # the model is handed over as it is
        BACKGROUND.append(concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context,
                                                                 initializer=os.nice, initargs=(19,)))
    return BACKGROUND[0]
