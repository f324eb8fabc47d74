"""Using a map's hotspots: which the player can use from where they stand, which one they face, where to go.

The rule is the checker's (``game.story.tiled.reach``): an ``interact`` hotspot is
used from a tile it covers or a tile beside one of them (four directions), a
``touch`` hotspot by stepping onto it.  So whatever the checker calls reachable
the player can use, by keyboard or by click, and a click walks to the nearest
such tile.  Pure geometry in map pixels, no pygame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from game.story.runtime import HotspotOption
from game.story.tiled.reach import Area

from .walkers import FEET, STEP, Cell, Ground, Walker, facing_towards

CLICK_MIN = 16  # map pixels: a smaller hotspot is clicked as if this large
FACING_BONUS = 12.0  # map pixels: a hotspot the player faces counts as this much nearer
SPRITE = (32, 48)  # a walker's picture (width, height) standing on its feet: clicking it clicks its hotspot


def span(ground: Ground, area: Area) -> tuple[int, int, int, int]:
    """The tiles a rectangle covers, inclusive (a rectangle of no size covers the tile it is in)."""
    tw, th = ground.grid.tile_width, ground.grid.tile_height
    x0, y0 = math.floor(area.x / tw), math.floor(area.y / th)
    x1 = max(math.ceil((area.x + area.width) / tw - 1e-9) - 1, x0) if area.width > 0 else x0
    y1 = max(math.ceil((area.y + area.height) / th - 1e-9) - 1, y0) if area.height > 0 else y0
    return x0, y0, x1, y1


def beside(cell: Cell, covered: tuple[int, int, int, int], trigger: str) -> bool:
    """Whether a hotspot covering ``covered`` is used from ``cell`` (on it; for interact also next to it)."""
    x, y = cell
    x0, y0, x1, y1 = covered
    if trigger == "touch":
        return x0 <= x <= x1 and y0 <= y <= y1
    return (x0 <= x <= x1 and y0 - 1 <= y <= y1 + 1) or (y0 <= y <= y1 and x0 - 1 <= x <= x1 + 1)


def stand_cells(ground: Ground, option: HotspotOption) -> set[Cell]:
    """Every tile the hotspot can be used from (walkable or not: the path finder keeps the walkable)."""
    h = option.hotspot
    x0, y0, x1, y1 = span(ground, h)
    cells = {(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)}
    if h.trigger != "touch":
        cells |= {(x, y) for x in range(x0, x1 + 1) for y in (y0 - 1, y1 + 1)}
        cells |= {(x, y) for y in range(y0, y1 + 1) for x in (x0 - 1, x1 + 1)}
    return cells


def inside(option: HotspotOption, walker: Walker) -> bool:
    """Whether the walker's feet are on the hotspot's rectangle (what fires a touch hotspot)."""
    h = option.hotspot
    return h.x <= walker.x <= h.x + max(h.width, 1) and h.y <= walker.y - 4 <= h.y + max(h.height, 1)


def usable(ground: Ground, option: HotspotOption, walker: Walker) -> bool:
    """Whether the walker can use the hotspot from where it stands."""
    if option.hotspot.trigger == "touch":
        return inside(option, walker)
    return beside(ground.cell_of(walker.x, walker.y), span(ground, option.hotspot), "interact")


def nearest_point(area: Area, x: float, y: float) -> tuple[float, float]:
    """The point of the rectangle nearest to ``(x, y)``."""
    return min(max(x, area.x), area.x + area.width), min(max(y, area.y), area.y + area.height)


def facing_to(walker: Walker, area: Area) -> str:
    """The direction from the walker's feet to the nearest point of ``area`` (unchanged when on it)."""
    cy = walker.y - FEET[1] / 2
    px, py = nearest_point(area, walker.x, cy)
    return facing_towards(px - walker.x, py - cy, walker.facing)


def in_front(ground: Ground, walker: Walker, options: Iterable[HotspotOption]) -> HotspotOption | None:
    """The interact hotspot the walker faces or stands by, nearest first (None: none usable here)."""
    candidates = [o for o in options if o.hotspot.trigger == "interact" and usable(ground, o, walker)]
    if not candidates:
        return None
    fx, fy = STEP.get(walker.facing, (0, 1))
    cy = walker.y - FEET[1] / 2

    def score(option: HotspotOption) -> float:
        px, py = nearest_point(option.hotspot, walker.x, cy)
        dx, dy = px - walker.x, py - cy
        ahead = dx * fx + dy * fy > 0 or (dx == 0 and dy == 0)
        return math.hypot(dx, dy) - FACING_BONUS * ahead

    return min(candidates, key=score)


def hotspot_at(options: Sequence[HotspotOption], x: float, y: float,
               npcs: Mapping[str, Walker]) -> HotspotOption | None:
    """The hotspot under a map point: its rectangle (at least ``CLICK_MIN`` across), or the picture of
    the NPC standing for it; the smallest when several overlap."""
    hits = []
    for option in options:
        h = option.hotspot
        w, hh = max(h.width, CLICK_MIN), max(h.height, CLICK_MIN)
        left, top = h.x + h.width / 2 - w / 2, h.y + h.height / 2 - hh / 2
        npc = npcs.get(h.name)
        on_npc = npc is not None and abs(x - npc.x) <= SPRITE[0] / 2 and npc.y - SPRITE[1] <= y <= npc.y
        if on_npc or (left <= x <= left + w and top <= y <= top + hh):
            hits.append((w * hh, option.index, option))
    return min(hits, key=lambda hit: hit[:2])[2] if hits else None
