"""The page without its templates' blank lines and indentation between tags.

The theme's templates leave, between tags, runs of blank lines and indentation: about 3 kB a page,
some 360 bytes of it after compression. Whitespace between two tags that holds a line break becomes
that one line break: a browser lays out any run of whitespace there as it lays out one (as a space,
or as nothing), except where whitespace is kept as written. That is inside <pre>, <textarea> and
<code> (the theme's print styles keep the whitespace of code), and in scripts and styles, whose text
is left as it is (their hashes in the security policy stay right). The reader's text is between
tags too, and left alone: only whitespace with nothing else between two tags changes.
"""

from __future__ import annotations

import re

# An element kept as written, up to its end tag (written out as a loop over "<": a lazy `.*?` is
# twice as slow on a long reply's pages).
KEPT = re.compile(r"<(pre|textarea|code|script|style)\b[^<]*(?:<(?!/\1>)[^<]*)*</\1>", re.I)
# Whitespace with a line break after a tag, or at the start of what follows a kept element, up to the
# next tag or kept element (two patterns: each starts with a literal, which keeps them fast).
AFTER_TAG = re.compile(r">[ \t\r]*\n\s*(?=<|\Z)")
AFTER_KEPT = re.compile(r"\A[ \t\r]*\n\s*(?=<|\Z)")


def without_blank_lines(html: str) -> str:
    """`html` with whitespace between tags that holds a line break made one line break."""
    out, end = [], 0
    for kept in KEPT.finditer(html):
        out += [collapsed(html[end:kept.start()], after_kept=end > 0), kept.group()]
        end = kept.end()
    out.append(collapsed(html[end:], after_kept=end > 0))
    return "".join(out)


def collapsed(text: str, after_kept: bool) -> str:
    """`text`, which holds no kept element, with its whitespace between tags made one line break."""
    if after_kept:
        text = AFTER_KEPT.sub("\n", text, count=1)
    return AFTER_TAG.sub(">\n", text)
