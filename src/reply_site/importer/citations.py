"""Links in replies become citation keys, with a BibTeX stub for each key.

`<https://…>` and bare `https://…` are recognised; parentheses right around the
link go with it, so "(<https://…>)" becomes "[@key]". Keys are made from the URL
(arxiv-2301-13188, doi-…, openimages, wikipedia-fair-use) and kept unique;
the same URL always gets the same key.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .paragraphs import Paragraph
from .words import slug

_LINK = re.compile(r"(?P<paren>\()?(?:<(?P<auto>https?://[^\s<>]+)>|(?<![\w/])(?P<bare>https?://[^\s<>]+))")
_TRAILING = ".,;:!?'\"”’»"
_OWNER_HOSTS = {"github.com", "gitlab.com", "huggingface.co"}  # /owner/project
_BUCKET_HOSTS = {"storage.googleapis.com", "s3.amazonaws.com"}  # /bucket/...
_SECOND_LEVEL = {"co", "com", "ac", "gov", "org", "net", "edu"}  # as in example.co.uk
_DULL_SEGMENTS = {"index", "default", "home", "web", "en", "www", "abs", "html"}


class Citations:
    """The keys given so far: URL -> key, in order of first use."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        # Where each replaced link was in the input: (line, column, length).
        self.replaced: list[tuple[int, int, int]] = []

    def cite(self, paragraph: Paragraph) -> tuple[str, list[str]]:
        """The paragraph's text with its links replaced by [@key], and report lines."""
        text, pieces, notes, done = paragraph.text, [], [], 0
        for match in _LINK.finditer(text):
            start = match.start()
            if match.group("auto"):
                url, end = match.group("auto"), match.end()
            else:
                url = _trim(match.group("bare"))
                end = match.start("bare") + len(url)
            wrapped = bool(match.group("paren")) and text.startswith(")", end)
            if match.group("paren") and not wrapped:
                start += 1
            end += 1 if wrapped else 0
            is_new = url not in self.keys
            if is_new:
                self.keys[url] = self._unique(base_key(url))
            key = self.keys[url]
            pieces += [text[done:start], f"[@{key}]"]
            self.replaced.append((*paragraph.position(start), end - start))
            done = end
            how = ("new key" if is_new else "same URL as before") + (
                ", with the parentheses around it" if wrapped else "")
            notes.append(f"line {paragraph.line_at(start)}: {text[start:end]} → [@{key}] ({how}).")
        return "".join(pieces) + text[done:], notes

    def _unique(self, key: str) -> str:
        used, candidate, number = set(self.keys.values()), key, 1
        while candidate in used:
            number += 1
            candidate = f"{key}-{number}"
        return candidate

    def bibtex(self) -> str:
        entries = [f"@misc{{{key},\n  url = {{{_bib_safe(url)}}},\n  note = {{TODO: complete this entry}}\n}}\n"
                   for url, key in self.keys.items()]
        return "\n".join(entries)


def _trim(url: str) -> str:
    """A bare URL without the punctuation that ends the sentence around it."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def _bib_safe(url: str) -> str:
    return url.replace("{", "%7B").replace("}", "%7D")


def base_key(url: str) -> str:
    """A readable key for `url` (not yet made unique)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return slug(url.split("://", 1)[-1]) or "link"
    segments = [s for s in parts.path.split("/") if s]
    if host.endswith("arxiv.org") and len(segments) >= 2 and segments[0] in ("abs", "pdf"):
        return slug("arxiv " + re.sub(r"(v\d+)?(\.pdf)?$", "", segments[1])) or "arxiv"
    if host in ("doi.org", "dx.doi.org"):
        return slug("doi " + " ".join(segments), words=8) or "doi"
    if host in _OWNER_HOSTS:
        if segments[:1] in (["datasets"], ["spaces"]):  # huggingface.co/datasets/owner/name
            segments = segments[1:]
        return slug(" ".join([host.split(".")[0], *segments[:2]])) or "link"
    if host in _BUCKET_HOSTS and segments:
        return slug(segments[0]) or "link"
    labels = host.split(".")
    site = labels[-3] if len(labels) > 2 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else (
        labels[-2] if len(labels) > 1 else labels[0])
    # The last path segment that says something, without a file extension.
    names = [slug(re.sub(r"\.[a-z]{2,5}$", "", s), words=4) for s in reversed(segments)]
    detail = next((name for name in names if name and name not in _DULL_SEGMENTS), "")
    site = slug(site)
    if site and detail.startswith(site):
        return detail
    return "-".join(part for part in (site, detail) if part) or "link"
