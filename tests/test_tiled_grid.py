"""The reader's fast grid code agrees with the plain definitions, on random maps (hypothesis).

The collision grid (C-level row passes, a difference grid for objects), the
scanline flood fill and the summed-table hotspot test are written for speed;
here each is held to the obvious cell-by-cell version of the same rule.
"""

from __future__ import annotations

from array import array
from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from game.story.tiled.collision import collision_grid
from game.story.tiled.model import FLIP_H, Layer, Span
from game.story.tiled.reach import NEIGHBOURS, Reach

SOLID = 2  # gid of the tile whose property collision is true


@st.composite
def maps(draw: st.DrawFn) -> tuple[int, int, list[list[int]], list[Span]]:
    width = draw(st.integers(1, 12))
    height = draw(st.integers(1, 12))
    gids = st.sampled_from([0, 1, SOLID, SOLID | FLIP_H])
    cells = [[draw(gids) for _ in range(width)] for _ in range(height)]
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        x0, x1 = sorted((draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))))
        y0, y1 = sorted((draw(st.integers(0, height - 1)), draw(st.integers(0, height - 1))))
        spans.append((x0, y0, x1, y1))
    return width, height, cells, spans


def layer(index: int, name: str) -> Layer:
    return Layer(index, name, "tile", True, 1, None, (0.0, 0.0), 1.0, {})


@given(maps(), st.booleans())
@settings(max_examples=150, deadline=None)
def test_the_collision_grid_is_the_cell_by_cell_rule(case: tuple[int, int, list[list[int]], list[Span]],
                                                    named: bool) -> None:
    width, height, cells, spans = case
    rows = {0: tuple(array("I", row) for row in cells)}
    grid = collision_grid(width, height, [layer(0, "collision" if named else "ground")], rows,
                          {SOLID: {"collision": True}}, spans)
    for y in range(height):
        for x in range(width):
            raw = cells[y][x]
            tile = bool(raw) if named else (raw & 0x0FFFFFFF) == SOLID
            covered = any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in spans)
            assert grid[y][x] == int(tile or covered), (x, y)


class Grid:
    """Just enough of a TiledMap for the walk: width, height, collision."""

    def __init__(self, width: int, height: int, blocked: list[list[int]]) -> None:
        self.width, self.height = width, height
        self.collision = tuple(bytes(row) for row in blocked)


def plain_walk(grid: Grid, start: tuple[int, int]) -> set[tuple[int, int]]:
    seen = {start}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for dx, dy in NEIGHBOURS:
            nx, ny = x + dx, y + dy
            if 0 <= nx < grid.width and 0 <= ny < grid.height and not grid.collision[ny][nx] and (nx, ny) not in seen:
                seen.add((nx, ny))
                queue.append((nx, ny))
    return seen


@given(maps(), st.data())
@settings(max_examples=150, deadline=None)
def test_the_fill_and_the_summed_table_agree_with_a_plain_walk(case: tuple[int, int, list[list[int]], list[Span]],
                                                               data: st.DataObject) -> None:
    from game.story.tiled.reach import reachable_rows

    width, height, cells, spans = case
    grid = Grid(width, height, [[1 if c == SOLID else 0 for c in row] for row in cells])
    start = (data.draw(st.integers(0, width - 1)), data.draw(st.integers(0, height - 1)))
    rows = reachable_rows(grid, start)  # type: ignore[arg-type]  # a stand-in with the three fields it reads
    expected = plain_walk(grid, start)
    assert {(x, y) for y, row in enumerate(rows) for x, v in enumerate(row) if v} == expected
    reach = Reach(width, height, rows)
    for x0, y0, x1, y1 in spans:
        inside = {(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)}
        beside = {(x + dx, y + dy) for x, y in inside for dx, dy in NEIGHBOURS}
        assert reach.usable((x0, y0, x1, y1), "touch") == bool(inside & expected)
        assert reach.usable((x0, y0, x1, y1), "interact") == bool((inside | beside) & expected)
