"""The map screen as the accessible tree describes it: where the player is, what is in front, and every
hotspot as a button that walks there and uses it.

A player who cannot see the map still plays it: self-voicing says the place,
then what stands in front of the player whenever that changes ("In front of
you: Eunha Sound, Enter"); Tab steps through the hotspots (each said with where
it lies: "Dori: up and to the right, a few steps") and Enter walks there over the
tiles and uses it, as a click does.  A screen reader sees the same hotspots as
buttons and presses them through AccessKit.  Directions are the screen's (up is
the top of the map), distances coarse so that walking does not make the voice
chase every tile.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.story.runtime import HotspotOption

from ..access.tree import Node, screen
from ..strings import tr
from .map_overlay import key_name

if TYPE_CHECKING:
    from .map_walk import MapWalkScreen

NEAR, FAR = 3.0, 10.0  # tiles: "close by" within NEAR, "far" beyond FAR, "a few steps" between
TILE = 32.0  # map pixels a step stands for when the map is not loaded


def direction(dx: float, dy: float, lang: str) -> str:
    """One of eight screen directions ("up", "down and to the left") for a vector in map pixels."""
    angle = math.degrees(math.atan2(dy, dx)) % 360  # 0 right, 90 down
    names = ("right", "down_right", "down", "down_left", "left", "up_left", "up", "up_right")
    return tr(f"map_dir_{names[round(angle / 45) % 8]}", lang)


def where(walker_x: float, walker_y: float, target: tuple[float, float], tile: float, here: bool,
          lang: str) -> str:
    """Where ``target`` lies from the player, in words: "here", or a direction and a coarse distance."""
    if here:
        return tr("map_here", lang)
    dx, dy = target[0] - walker_x, target[1] - walker_y
    steps = math.hypot(dx, dy) / tile
    distance = "map_near" if steps <= NEAR else "map_far" if steps > FAR else "map_some"
    return f"{direction(dx, dy, lang)}, {tr(distance, lang)}"


def map_tree(walk: MapWalkScreen) -> Node:
    """The tree of the map screen ``walk`` (built each frame it is read: a few nodes per hotspot)."""
    lang = walk.ctx.language
    name = walk.title() or tr("map_place", lang)
    if walk.ground is None:
        return screen(name, "map", lang, [Node("notice", walk.error or "", key="error", live=True)])
    nodes = [Node("text", tr("map_access_help", lang).format(key=key_name(walk.device, lang)), key="help",
                  live=True)]  # said once, on arrival
    front = walk.in_front()
    if front is not None:
        nodes.append(Node("notice", tr("map_ahead", lang).format(label=label(front, lang),
                                                                  key=key_name(walk.device, lang)),
                          key=f"front.{front.hotspot.name}", live=True))
    tile = float(walk.ground.grid.tile_width) or TILE
    player = walk.player
    for i, option in enumerate(walk.event.hotspots):
        here = option is front
        nodes.append(Node("button", label(option, lang), key=f"hotspot.{option.hotspot.name}",
                          value=where(player.x, player.y, walk.anchor(option), tile, here, lang),
                          focused=i == walk.target, activate=lambda option=option: walk.go(option)))  # type: ignore[misc]
    return screen(name, "map", lang, nodes)


def label(option: HotspotOption, lang: str) -> str:
    """A hotspot's name as the player reads it: its label, or its name made readable."""
    return option.hotspot.label.get(lang) or option.hotspot.name.replace("_", " ").capitalize()
