"""Where the player can walk: the walkable grid, reachability on foot, and hotspot reach.

The rules live with the reader in the story layer (``game.story.tiled.reach``,
so that the checker reads them without the world); this module keeps the
world's names for them and adds the map-level helpers.  Headless: no pygame.
"""

from __future__ import annotations

from game.story.tiled.reach import (
    NEIGHBOURS,
    Area,
    Cell,
    Reach,
    hotspot_reachable,
    reachable_cells,
    reachable_rows,
    spawn_cell,
)

from .tiled import MapObject, TiledMap

__all__ = [
    "NEIGHBOURS",
    "Area",
    "Cell",
    "Reach",
    "hotspot_reachable",
    "reachable_cells",
    "reachable_from",
    "reachable_hotspots",
    "reachable_rows",
    "spawn_cell",
    "walkable_grid",
]


def walkable_grid(tmap: TiledMap) -> list[list[bool]]:
    """``grid[y][x]`` is True where the player may stand."""
    return [[not blocked for blocked in row] for row in tmap.collision]


def reachable_from(tmap: TiledMap, spawn_object_name: str) -> set[Cell]:
    """Every tile reachable on foot from the spawn object's tile; KeyError when there is no such object."""
    spawn = tmap.object_named(spawn_object_name)
    if spawn is None:
        raise KeyError(f"no object named {spawn_object_name!r} in {tmap.name}")
    return reachable_cells(tmap, spawn_cell(tmap, spawn))


def reachable_hotspots(tmap: TiledMap, spawn_object_name: str) -> list[MapObject]:
    """The map's hotspots (objects with goto / call) that the player can use from a spawn point."""
    reach = Reach.of_cells(tmap.width, tmap.height, reachable_from(tmap, spawn_object_name))
    return [obj for obj in tmap.hotspots if hotspot_reachable(tmap, obj, reach)]
