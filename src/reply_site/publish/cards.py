"""Link-preview cards (1200x630 PNG), drawn offline by Pillow in DejaVu Sans (Debian's
fonts-dejavu-core: it has every punctuation mark the reply uses, which Pillow's own font lacks).

A card is drawn to be read at the 500 px width chat apps show it: its large text at 56 px or
more (23 px there), its small lines at 32 px (13 px there). Text is never cut: a long text is
set smaller until it fits, so the card's alternative text (previews.Card.alt) is what it shows.
"""

from __future__ import annotations

import hashlib
import io
import os
import textwrap
from functools import lru_cache
from pathlib import Path

from ..atomic_write import write_bytes_atomically
from ..errors import SetupError
from .previews import Card

SIZE = (1200, 630)
LEFT, WIDTH = 80, 1040  # the text column
BACKGROUND, INK, ACCENT, MUTED, RULE = "#1f2a5c", "#ffffff", "#f0c98d", "#d5d9f0", "#3c4a8a"
LABEL_TOP, TEXT_BOX, NOTE_BOX = 48, (108, 350), (504, 96)  # tops and heights
LABEL_SIZE = 32
TEXT_SIZES = (56, 52, 48, 44, 40, 36)
NOTE_SIZES = (34, 30, 28, 26, 24)
FONT, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"  # found in the system's font folders


@lru_cache(maxsize=16)
def font(size: int, name: str = FONT):
    from PIL import ImageFont  # imported only when a card has to be drawn: most builds find them cached

    try:
        return ImageFont.truetype(name, size)
    except OSError:
        raise SetupError(f"the preview cards are drawn in {name}, which this machine lacks: install "
                         "Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)") from None


def line_height(size: int) -> int:
    return round(size * 1.25)


def fit(text: str, sizes: tuple[int, ...], height: int) -> tuple[int, list[str]]:
    """The largest size at which `text` fits WIDTH x `height` whole, and its lines."""
    for size in sizes:
        lines = wrapped(text, size)
        if len(lines) * line_height(size) <= height:
            return size, lines
    raise ValueError(f"card text too long to draw whole: {text[:60]!r}…")


def wrapped(text: str, size: int) -> list[str]:
    """`text` broken into lines no wider than WIDTH at `size` (long words broken too)."""
    chars = max(8, int(WIDTH / (size * 0.5)))
    while True:
        lines = textwrap.wrap(text, chars)
        if chars <= 8 or all(font(size).getlength(line) <= WIDTH for line in lines):
            return lines
        chars -= 1


@lru_cache(maxsize=512)  # `mkdocs serve` keeps the module: unchanged cards are not drawn again
def card_png(label: str, text: str, note_label: str, note: str) -> bytes:
    """A card: a label, the text in large type, then a small labelled note under a rule."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, SIZE[1]), fill=ACCENT)
    draw.text((LEFT, LABEL_TOP), label, font=font(LABEL_SIZE, BOLD), fill=ACCENT)
    size, lines = fit(text, TEXT_SIZES, TEXT_BOX[1])
    for number, line in enumerate(lines):
        draw.text((LEFT, TEXT_BOX[0] + number * line_height(size)), line, font=font(size), fill=INK)
    if note_label or note:
        top = NOTE_BOX[0]
        draw.line((LEFT, top - 22, LEFT + WIDTH, top - 22), fill=RULE, width=2)
        size, lines = fit(f"{note_label} {note}".strip(), NOTE_SIZES, NOTE_BOX[1])
        for number, line in enumerate(lines):
            x, y = LEFT, top + number * line_height(size)
            if number == 0 and note_label and line.startswith(note_label):  # the label in the accent colour
                draw.text((x, y), note_label, font=font(size), fill=ACCENT)
                x, line = x + font(size).getlength(note_label + " "), line[len(note_label):].lstrip()
            draw.text((x, y), line, font=font(size), fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=1)
    return output.getvalue()


def card_arguments(card: Card) -> tuple[str, str, str, str]:
    return card.label, card.text, card.note_label, card.note


class CardCache:
    """Cards already drawn, on disk, so that rebuilds only draw what changed.

    A fresh build of a large reply draws thousands of cards: they are drawn on every core.
    """

    VERSION = "3"  # bump when the drawing changes
    PARALLEL_FROM = 64  # fewer missing cards are drawn here: starting worker processes costs more

    def __init__(self, folder: Path | None):
        self.folder = folder

    def cards(self, wanted: dict[str, Card]) -> dict[str, bytes | Path]:
        """Each name's card: its PNG bytes, or with a cache folder the path of its cached file (not read)."""
        arguments = {name: card_arguments(card) for name, card in wanted.items()}
        if self.folder is None:
            return {name: card_png(*values) for name, values in arguments.items()}
        paths = {name: self.folder / f"{self.key(values)}.png" for name, values in arguments.items()}
        missing = {paths[name]: values for name, values in arguments.items() if not paths[name].exists()}
        if missing:
            self.folder.mkdir(parents=True, exist_ok=True)
            if len(missing) < self.PARALLEL_FROM:
                list(map(draw_into, missing.items()))
            else:
                import concurrent.futures  # here: a build whose cards are cached starts no processes

                with concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                    list(pool.map(draw_into, missing.items(), chunksize=32))
        return paths

    def key(self, arguments: tuple[str, ...]) -> str:
        return hashlib.sha256("\x00".join([self.VERSION, *arguments]).encode()).hexdigest()


def draw_into(item: tuple[Path, tuple[str, ...]]) -> None:
    path, arguments = item
    write_bytes_atomically(path, card_png(*arguments))
