"""Problems found in a story, reported as ``file:line:column: severity: message``.

Every tool of the project (loader, checker, game overlay) speaks in these, so a
writer sees the same message for the same mistake wherever it shows up.

Messages that show a piece of the input quote it with ``quote``: a value of
megabytes (a 2 MB name, a list of 10,000 items) comes out as a few dozen
characters, cut in the middle.  ``clip`` bounds a whole message the same way, and
``printable`` shows control characters as ``\\xNN`` escapes; the Reporter applies
both to every problem, so no message is ever megabytes long, spans lines, or
sends a terminal (or an XML report) a control character.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]
QUOTE_LENGTH = 60  # characters of a quoted value a message shows
MAX_MESSAGE = 1000  # characters of any one message



def _short_repr() -> reprlib.Repr:
    """A reprlib.Repr that shows little of anything (set field by field: Python 3.11 takes no arguments)."""
    short = reprlib.Repr()
    short.maxlevel = 1
    short.maxtuple = short.maxlist = short.maxarray = short.maxdict = short.maxset = 4
    short.maxfrozenset = short.maxdeque = 4
    short.maxstring = short.maxother = QUOTE_LENGTH
    short.maxlong = 40
    return short


def quote(value: object) -> str:
    """``repr(value)`` for a message, at most about QUOTE_LENGTH characters (long texts are cut in the middle)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return f"<a number of {value.bit_length():,} bits>"  # repr() itself refuses very long ones
    return clip(_short_repr().repr(value), 2 * QUOTE_LENGTH)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1: newlines and tabs too) written as ``\\xNN``."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def clip(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text``, or its start and end around a note of how much was left out when it is over ``limit``."""
    if len(text) <= limit:
        return text
    keep = limit // 2
    return f"{text[:keep]}...({len(text) - 2 * keep:,} characters left out)...{text[-keep:]}"


class Pos(NamedTuple):
    """A place in a story file: the file relative to the story folder, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (error) or suspicious (warning) in a story."""

    severity: Severity
    code: str
    pos: Pos
    message: str

    @property
    def file(self) -> str:
        return self.pos.file

    @property
    def line(self) -> int:
        return self.pos.line

    @property
    def column(self) -> int:
        return self.pos.column

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, line, column, then errors before warnings."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column, p.severity != "error", p.message))


class StoryLoadError(Exception):
    """A story could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sort_problems(problems))
        errors = [p for p in self.problems if p.severity == "error"]
        head = "\n".join(str(p) for p in errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"the story has {len(errors)} error(s):\n{head}{more}")


class Reporter:
    """Collects problems while a story is read; one per load, never shared."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, code: str, pos: Pos, message: str) -> None:
        self.problems.append(Problem("error", code, pos, clip(printable(message))))

    def warning(self, code: str, pos: Pos, message: str) -> None:
        self.problems.append(Problem("warning", code, pos, clip(printable(message))))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
