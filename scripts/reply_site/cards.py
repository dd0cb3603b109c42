"""Link-preview images (1200x630 PNG), drawn offline with Pillow's bundled font."""

from __future__ import annotations

import hashlib
import io
import textwrap
from functools import lru_cache
from pathlib import Path

from .output import write_bytes_atomically

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
    """Cards already drawn, on disk, so that rebuilds only draw what changed."""

    VERSION = "1"  # bump when the drawing changes

    def __init__(self, folder: Path | None):
        self.folder = folder

    def card(self, label: str, title: str, footer: str) -> bytes | Path:
        """The card's PNG bytes, or with a cache folder the path of its cached file (not read)."""
        if self.folder is None:
            return card_png(label, title, footer)
        key = hashlib.sha256("\x00".join([self.VERSION, label, title, footer]).encode()).hexdigest()
        path = self.folder / f"{key}.png"
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(path, card_png(label, title, footer))
        return path
