"""Problems in an input file, kept as values until a command-line tool prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem at a place in a file. `line` and `column` count from 1."""

    path: str
    line: int
    message: str
    column: int = 1
    hint: str = ""
    level: str = "error"  # or "warning": reported, never blocking

    def __str__(self) -> str:
        level = "warning: " if self.level == "warning" else ""
        text = f"{self.path}:{self.line}:{self.column}: {level}{self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on the pull request's diff."""
        def clean(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        message = clean(self.message + (f" (hint: {self.hint})" if self.hint else ""))
        where = ",".join(f"{k}={clean(str(v)).replace(',', '%2C').replace(':', '%3A')}" for k, v in
                         (("file", self.path), ("line", self.line), ("col", self.column)))
        return f"::{self.level} {where}::{message}"


class SourceError(Exception):
    """Raised with every problem found, so that a contributor sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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
