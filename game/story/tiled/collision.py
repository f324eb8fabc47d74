"""Where the player cannot walk: one byte per cell, built in time linear in the map.

Blocked are: every non-empty cell of a tile layer named ``collision``; every
tile whose tile property ``collision`` is true (in any tile layer); every cell
covered by an object with the property ``collision`` true or the class
``collision``.  Rows are combined with C-level passes (``map``, ``accumulate``),
and objects through a two-dimensional difference grid, so ten thousand objects
covering the whole map cost no more than one pass over it.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Any

from .model import FLIP_D, FLIP_H, FLIP_HEX120, FLIP_V, Layer, MapObject, Span, truthy

_FLAG_SETS = [h | v | d | x for h in (0, FLIP_H) for v in (0, FLIP_V) for d in (0, FLIP_D) for x in (0, FLIP_HEX120)]


def collision_grid(width: int, height: int, tile_layers: Sequence[Layer], cells: Mapping[int, Sequence[array[int]]],
                   tile_props: Mapping[int, Mapping[str, Any]], blocking: Sequence[Span]) -> tuple[bytes, ...]:
    """``grid[y][x]`` is 1 where the player cannot walk; ``blocking``: the spans of collision objects."""
    grid = [bytes(width) for _ in range(height)]
    solid = {gid | flags for gid, props in tile_props.items() if truthy(props.get("collision")) for flags in _FLAG_SETS}
    for layer in tile_layers:
        whole = layer.name.strip().lower() == "collision"
        if not whole and not solid:
            continue
        test = bool if whole else solid.__contains__
        for y, row in enumerate(cells[layer.index]):
            if any(row):
                grid[y] = bytes(map(operator.or_, grid[y], map(test, row)))
    if blocking:
        grid = _add_spans(grid, width, height, blocking)
    return tuple(grid)


def _add_spans(grid: list[bytes], width: int, height: int, spans: Sequence[Span]) -> list[bytes]:
    stride = width + 1
    diff = [array("i", bytes(4 * stride)) for _ in range(height + 1)]
    for x0, y0, x1, y1 in spans:
        diff[y0][x0] += 1
        diff[y0][x1 + 1] -= 1
        diff[y1 + 1][x0] -= 1
        diff[y1 + 1][x1 + 1] += 1
    above = array("i", bytes(4 * stride))
    out = []
    for y in range(height):
        above = array("i", map(operator.add, above, accumulate(diff[y])))
        covered = bytes(map(bool, above[:width]))
        out.append(bytes(map(operator.or_, grid[y], covered)))
    return out


def blocking_spans(objects: Sequence[MapObject], span_of: Any) -> list[Span]:
    """The cell spans of the collision objects (``span_of``: the map's ``covered_span``)."""
    spans = []
    for obj in objects:
        if obj.blocks:
            span = span_of(obj.x, obj.y, obj.width, obj.height)
            if span is not None:
                spans.append(span)
    return spans
