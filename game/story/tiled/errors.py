"""The two ways a Tiled file can fail: it cannot be read at all, or it loads with something unusable."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Pos


class MapFormatError(Exception):
    """A map (or a tileset, template or picture it names) that cannot be read.

    ``file`` is the file at fault (relative to the story folder when the map was
    read with one), ``line`` its 1-based line (None when no line applies), and
    ``str()`` is one clear line: ``file:line: message``.
    """

    def __init__(self, file: str, line: int | None, message: str, column: int = 1) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.message = message

    @property
    def pos(self) -> Pos:
        """Where to report it in a story (line 1 when the fault has no line)."""
        return Pos(self.file, self.line or 1, self.column)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class MapProblem:
    """Something in a map that loads but that the game cannot use (an orientation, a missing picture)."""

    file: str
    line: int | None
    message: str

    @property
    def pos(self) -> Pos:
        return Pos(self.file, self.line or 1, 1)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"
