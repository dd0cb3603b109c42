"""Reading a text file of the source: UTF-8 (a BOM allowed), any line ending, no NUL byte."""

from __future__ import annotations

from ..errors import Problem, SourceError


def read_text(path, display: str | None = None) -> str:
    """Read a UTF-8 text file (a BOM is allowed) with lines ending in LF.

    CRLF and lone CR line endings are accepted and normalised; bytes that are not
    UTF-8, and NUL bytes, are reported with the line they are on.
    """
    name = display or str(path)
    try:
        data = open(path, "rb").read()
    except OSError as error:
        raise SourceError([Problem(name, 1, f"cannot read file: {error.strerror}")]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        hint = "save the file as UTF-8"
        if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]:
            hint = "the file looks like UTF-16: save it as UTF-8"
        raise SourceError(
            [Problem(name, line, f"byte 0x{data[error.start]:02x} is not valid UTF-8", column, hint)]
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\x00") > len(text) // 4:  # every other byte: UTF-16 without a byte order mark
        raise SourceError([Problem(name, 1, "the file is not UTF-8 (it looks like UTF-16)", 1,
                                   "save the file as UTF-8")])
    if "\x00" in text:
        before = text[: text.index("\x00")]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise SourceError([Problem(name, line, "NUL byte in text", column, "remove the NUL character")])
    return text
