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


class SetupError(Exception):
    """What this machine lacks to build the site (a font, a program), said in one sentence with its remedy."""


def failure_report(error: SourceError | SetupError, unchanged: str) -> str:
    """What a command-line tool prints when a build fails: every problem, then what was left as it was."""
    if isinstance(error, SourceError):
        return "\n".join([*map(str, error.problems), f"{len(error.problems)} problem(s) in the source; "
                           f"{unchanged} left unchanged"])
    return f"{error}; {unchanged} left unchanged"
