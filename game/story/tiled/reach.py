"""Where the player can walk on a map's grid, and which hotspots they can use: headless, linear.

The player moves one tile at a time in four directions and never onto a blocked
tile.  A hotspot is usable when the player can use it: an ``interact`` hotspot
by standing on or next to it (four directions), a ``touch`` hotspot by stepping
onto it.  The walk is a scanline flood fill (whole runs of a row at a time, with
``bytes`` searches), and ``Reach`` answers "any reachable cell in this
rectangle?" in constant time from a summed table, so checking every hotspot of a
map costs a few passes over the map plus one step per hotspot.
"""

from __future__ import annotations

import operator
from array import array
from itertools import accumulate
from typing import Protocol

from .model import MapOutline, Span, TiledMap

Cell = tuple[int, int]  # (x, y) in tiles
NEIGHBOURS = ((1, 0), (-1, 0), (0, 1), (0, -1))


class Area(Protocol):
    """Anything with a rectangle in pixels: a MapObject, or the story's ``model.Hotspot``."""

    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...


def spawn_cell(tmap: MapOutline, obj: Area) -> Cell:
    """The tile the player starts on at a spawn object: the one under its centre."""
    return tmap.cell_of(obj.x + obj.width / 2, obj.y + obj.height / 2)


def reachable_rows(tmap: TiledMap, start: Cell) -> list[bytearray]:
    """``rows[y][x]`` is 1 for every tile reachable on foot from ``start`` (which counts even when blocked)."""
    width, height = tmap.width, tmap.height
    seen = [bytearray(width) for _ in range(height)]
    x, y = start
    if not (0 <= x < width and 0 <= y < height):
        return seen
    walls = [bytearray(row) for row in tmap.collision]  # blocked, and (as the fill goes) already filled
    walls[y][x] = 0
    stack = [(x, y)]
    while stack:
        x, y = stack.pop()
        row = walls[y]
        if row[x]:
            continue
        left = row.rfind(1, 0, x) + 1
        right = row.find(1, x)
        if right < 0:
            right = width
        row[left:right] = b"\x01" * (right - left)
        seen[y][left:right] = b"\x01" * (right - left)
        for ny in (y - 1, y + 1):
            if not 0 <= ny < height:
                continue
            other = walls[ny]
            at = other.find(0, left, right)
            while at >= 0:
                stack.append((at, ny))
                end = other.find(1, at, right)
                if end < 0:
                    break
                at = other.find(0, end, right)
    return seen


def reachable_cells(tmap: TiledMap, start: Cell) -> set[Cell]:
    """Every tile reachable on foot from ``start`` as a set (none when ``start`` is outside the map)."""
    found: set[Cell] = set()
    for y, row in enumerate(reachable_rows(tmap, start)):
        at = row.find(1)
        while at >= 0:
            found.add((at, y))
            at = row.find(1, at + 1)
    return found


class Reach:
    """The reachable cells of a map as a summed-area table: "any reachable cell in this span?" in O(1)."""

    def __init__(self, width: int, height: int, rows: list[bytearray]) -> None:
        self.width, self.height = width, height
        self.stride = width + 1
        table = array("i", bytes(4 * self.stride))
        previous = array("i", bytes(4 * self.stride))
        for row in rows:
            line = array("i", [0])
            line.extend(accumulate(row))
            line = array("i", map(operator.add, line, previous))
            table.extend(line)
            previous = line
        self.table = table

    @classmethod
    def of_cells(cls, width: int, height: int, cells: set[Cell]) -> Reach:
        rows = [bytearray(width) for _ in range(height)]
        for x, y in cells:
            if 0 <= x < width and 0 <= y < height:
                rows[y][x] = 1
        return cls(width, height, rows)

    def count(self, x0: int, y0: int, x1: int, y1: int) -> int:
        """Reachable cells in the inclusive span, clipped to the map."""
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, self.width - 1), min(y1, self.height - 1)
        if x0 > x1 or y0 > y1:
            return 0
        t, s = self.table, self.stride
        return t[(y1 + 1) * s + x1 + 1] - t[y0 * s + x1 + 1] - t[(y1 + 1) * s + x0] + t[y0 * s + x0]

    def usable(self, span: Span | None, trigger: str) -> bool:
        """Whether a hotspot covering ``span`` can be used: stepped on (touch), or stood on or beside (interact)."""
        if span is None:
            return False
        x0, y0, x1, y1 = span
        if trigger == "touch":
            return self.count(x0, y0, x1, y1) > 0
        return self.count(x0 - 1, y0, x1 + 1, y1) > 0 or self.count(x0, y0 - 1, x1, y1 + 1) > 0


def hotspot_reachable(tmap: MapOutline, hotspot: Area, reachable: Reach | set[Cell], trigger: str | None = None) -> bool:
    """Whether the player, walking within ``reachable``, can use the hotspot (its ``.trigger`` unless given)."""
    if trigger is None:
        trigger = getattr(hotspot, "trigger", "interact")
    if not isinstance(reachable, Reach):
        reachable = Reach.of_cells(tmap.width, tmap.height, reachable)
    return reachable.usable(tmap.covered_span(hotspot.x, hotspot.y, hotspot.width, hotspot.height), trigger)
