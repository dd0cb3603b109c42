"""Small text helpers shared by the importer's steps."""

from __future__ import annotations

import re
import unicodedata

# A numbered paragraph: a question ("7.", "7.1. How…"), or an item of a list.
NUMBERED = re.compile(r"^\d+(\.\d+)*\.\s+\S")


def slug(text: str, words: int = 6) -> str:
    """Lowercase ASCII words of `text` joined by hyphens: "Fair use (law)" -> "fair-use-law"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower())[:words])


def excerpt(text: str, words: int = 4, tail: bool = True) -> str:
    """The last (or first) few words of `text`, for the review report."""
    parts = text.split()
    if len(parts) <= words:
        return text
    return "…" + " ".join(parts[-words:]) if tail else " ".join(parts[:words]) + "…"
