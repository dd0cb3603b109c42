"""Link-preview images (1200x630 PNG), drawn offline with Pillow's bundled font."""

from __future__ import annotations

import io
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
BACKGROUND, INK, ACCENT, MUTED = "#1f2a5c", "#ffffff", "#e0b77f", "#c5cae9"


@lru_cache(maxsize=8)
def font(size: int) -> ImageFont.FreeTypeFont:
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
    image.save(output, format="PNG")
    return output.getvalue()
