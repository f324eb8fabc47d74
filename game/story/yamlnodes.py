"""Mappings and lists read from YAML, each remembering where it and its items were written.

The parser (``yamlsrc``) builds them; the loader, the compiler and every check
read them.  Kept apart from the parser so that what only reads them (the save
schema's messages, for one) does not import PyYAML: the game starts from the
compiled-story cache without it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .problems import Pos


class _Mark(NamedTuple):
    line: int
    column: int


_TOP = _Mark(0, 0)
_new_tuple = tuple.__new__


def mark_pos(file: str, mark: Any) -> Pos:
    """Where ``mark`` is: the parser's mark, or a (line, column) tuple (``yamlcompact``), both counted from 0."""
    if type(mark) is tuple:
        return _new_tuple(Pos, (file, mark[0] + 1, mark[1] + 1))
    return _new_tuple(Pos, (file, mark.line + 1, mark.column + 1))  # Pos(...) without its Python __new__


class YMap(dict[str, Any]):
    """A mapping read from YAML, with the position of itself, each key and each value.

    Positions are kept as marks (see ``mark_pos``) and turned into ``Pos`` only
    when asked for: most are never needed.
    """

    __slots__ = ("file", "mark", "marks")

    def __init__(self, file: str, mark: Any) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        self.marks: dict[str, tuple[Any, Any]] = {}  # key -> (key mark, value mark)

    @classmethod
    def empty(cls, file: str) -> YMap:
        """An empty mapping standing at the top of ``file`` (for files that hold something else)."""
        return cls(file, _TOP)

    @property
    def pos(self) -> Pos:
        return mark_pos(self.file, self.mark)

    def at(self, key: str) -> Pos:
        """Where the value of ``key`` starts (or the mapping itself if the key is absent)."""
        marks = self.marks.get(key)
        return mark_pos(self.file, marks[1] if marks else self.mark)

    def key_at(self, key: str) -> Pos:
        """Where ``key`` itself is written."""
        marks = self.marks.get(key)
        return mark_pos(self.file, marks[0] if marks else self.mark)


class YList(list[Any]):
    """A sequence read from YAML, with the position of itself and of each item."""

    __slots__ = ("file", "mark", "marks")

    def __init__(self, file: str, mark: Any) -> None:
        super().__init__()
        self.file = file
        self.mark = mark
        self.marks: list[Any] = []

    @property
    def pos(self) -> Pos:
        return mark_pos(self.file, self.mark)

    def at(self, index: int) -> Pos:
        return mark_pos(self.file, self.marks[index] if 0 <= index < len(self.marks) else self.mark)
