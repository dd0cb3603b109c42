"""Link-preview images (1200x630 PNG), drawn offline with Pillow's bundled font."""

from __future__ import annotations

import concurrent.futures
import hashlib
import io
import os
import textwrap
from functools import lru_cache
from pathlib import Path

from ..addresses import card_path
from ..atomic_write import write_bytes_atomically
from ..model import Reply
from ..text import summary

SIZE = (1200, 630)
BACKGROUND, INK, ACCENT, MUTED = "#1f2a5c", "#ffffff", "#e0b77f", "#c5cae9"


@lru_cache(maxsize=8)
def font(size: int):
    from PIL import ImageFont  # imported only when a card has to be drawn: most builds find them cached

    return ImageFont.load_default(size=size)


def wrap(text: str, size: int, width: int, lines: int) -> list[str]:
    """Break `text` into at most `lines` lines that fit `width` pixels, ending with … if cut."""
    chars = max(10, int(width / (size * 0.5)))
    while True:
        wrapped = textwrap.wrap(text, chars)
        if all(font(size).getlength(line) <= width for line in wrapped) or chars <= 10:
            break
        chars -= 2
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(" ,;:.") + "…"
    return wrapped


@lru_cache(maxsize=512)  # `mkdocs serve` keeps the module: unchanged cards are not drawn again
def card_png(label: str, title: str, footer: str) -> bytes:
    """A card: a small label, the title in large type, a footer line."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, SIZE[1]), fill=ACCENT)
    draw.text((80, 70), label.upper(), font=font(30), fill=ACCENT)
    y = 140
    for line in wrap(title, 56, SIZE[0] - 160, 5):
        draw.text((80, y), line, font=font(56), fill=INK)
        y += 72
    draw.text((80, SIZE[1] - 90), footer, font=font(28), fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=1)
    return output.getvalue()


class CardCache:
    """Cards already drawn, on disk, so that rebuilds only draw what changed.

    A fresh build of a large reply draws thousands of cards: they are drawn on every core.
    """

    VERSION = "1"  # bump when the drawing changes
    PARALLEL_FROM = 64  # fewer missing cards are drawn here: starting worker processes costs more

    def __init__(self, folder: Path | None):
        self.folder = folder

    def cards(self, wanted: dict[str, tuple[str, ...]]) -> dict[str, bytes | Path]:
        """Each name's card, drawn by card_png(*arguments): its PNG bytes, or with a cache folder the
        path of its cached file (not read)."""
        if self.folder is None:
            return {name: card_png(*arguments) for name, arguments in wanted.items()}
        paths = {name: self.folder / f"{self.key(arguments)}.png" for name, arguments in wanted.items()}
        missing = {paths[name]: arguments for name, arguments in wanted.items() if not paths[name].exists()}
        if missing:
            self.folder.mkdir(parents=True, exist_ok=True)
            if len(missing) < self.PARALLEL_FROM:
                drawn = map(draw_into, missing.items())
            else:
                pool = concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count() or 1)
                with pool:
                    drawn = list(pool.map(draw_into, missing.items(), chunksize=32))
            list(drawn)
        return paths

    def key(self, arguments: tuple[str, ...]) -> str:
        return hashlib.sha256("\x00".join([self.VERSION, *arguments]).encode()).hexdigest()


def draw_into(item: tuple[Path, tuple[str, ...]]) -> None:
    path, arguments = item
    write_bytes_atomically(path, card_png(*arguments))


def preview_cards(reply: Reply, site_name: str, cache: CardCache) -> dict[str, bytes | Path]:
    """The link-preview card of every page and share page: path below the site root -> PNG (or cached file)."""
    wanted = {card_path("index"): ("A reply to Stability AI", reply.meta["title"], site_name)}
    for question in reply.questions:
        wanted[card_path(question.slug)] = (f"Question {question.number} · the Copyright Office asks",
                                            question.text, site_name)
        for rebuttal in question.rebuttals:
            wanted[card_path(f"r/{rebuttal.id}")] = (
                "Stability AI wrote", summary(rebuttal.quote[0].text, 260),
                f"The author's reply · question {question.number} · {site_name}")
    wanted[card_path("references")] = ("A reply to Stability AI", "References", site_name)
    return cache.cards(wanted)
