"""Where the player can walk: the walkable grid, reachability on foot, and hotspot reach.

The player moves one tile at a time in four directions and never onto a blocked
tile (``TiledMap.collision``).  A hotspot is reachable when the player can use
it: an ``interact`` hotspot by standing on or next to it and facing it, a
``touch`` hotspot by stepping onto it.  Headless: no pygame.
"""

from __future__ import annotations

from collections import deque
from typing import Protocol

from .tiled import MapObject, TiledMap

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


def walkable_grid(tmap: TiledMap) -> list[list[bool]]:
    """``grid[y][x]`` is True where the player may stand."""
    return [[not blocked for blocked in row] for row in tmap.collision]


def spawn_cell(tmap: TiledMap, obj: Area) -> Cell:
    """The tile the player starts on at a spawn object: the one under its centre."""
    return tmap.cell_of(obj.x + obj.width / 2, obj.y + obj.height / 2)


def reachable_from(tmap: TiledMap, spawn_object_name: str) -> set[Cell]:
    """Every tile reachable on foot from the spawn object's tile (breadth first, four directions).

    The spawn tile itself always counts, even when blocked (the player was put
    there); outside the map nothing is reachable.  KeyError when there is no such object.
    """
    spawn = tmap.object_named(spawn_object_name)
    if spawn is None:
        raise KeyError(f"no object named {spawn_object_name!r} in {tmap.file}")
    return reachable_cells(tmap, spawn_cell(tmap, spawn))


def reachable_cells(tmap: TiledMap, start: Cell) -> set[Cell]:
    x, y = start
    if not (0 <= x < tmap.width and 0 <= y < tmap.height):
        return set()
    walkable = walkable_grid(tmap)
    seen = {start}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for dx, dy in NEIGHBOURS:
            nx, ny = x + dx, y + dy
            if 0 <= nx < tmap.width and 0 <= ny < tmap.height and walkable[ny][nx] and (nx, ny) not in seen:
                seen.add((nx, ny))
                queue.append((nx, ny))
    return seen


def hotspot_reachable(tmap: TiledMap, hotspot: Area, reachable: set[Cell], trigger: str | None = None) -> bool:
    """Whether the player, walking within ``reachable``, can use the hotspot.

    ``touch``: a reachable tile lies inside its rectangle.  ``interact`` (the
    default): a reachable tile lies inside it or next to it (four directions).
    The trigger is taken from the hotspot (``.trigger``) unless given.
    """
    if trigger is None:
        trigger = getattr(hotspot, "trigger", "interact")
    inside = tmap.covered_cells(hotspot.x, hotspot.y, hotspot.width, hotspot.height)
    if not inside:
        return False
    if trigger == "touch":
        return not inside.isdisjoint(reachable)
    return any((x + dx, y + dy) in reachable or (x, y) in reachable
               for x, y in inside for dx, dy in NEIGHBOURS)


def reachable_hotspots(tmap: TiledMap, spawn_object_name: str) -> list[MapObject]:
    """The map's hotspots (objects with goto / call) that the player can use from a spawn point."""
    cells = reachable_from(tmap, spawn_object_name)
    return [obj for obj in tmap.hotspots if hotspot_reachable(tmap, obj, cells)]
