"""Objects of object layers: rectangles, shapes, points and tile objects, with their properties.

An object's ``x, y`` becomes its top-left corner whatever Tiled anchors (tile
objects are anchored at their bottom-left); polygons and polylines get the
bounding box of their points.  A tile object takes its tile's properties and
class (its own win) and, without a size of its own, its tileset's tile size.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from .document import Node
from .limits import MAX_OBJECTS, MAX_POINTS
from .model import GID_FLAGS, MapObject, Tileset
from .values import fail, flag, integer, number, properties, real

SHAPES = ("ellipse", "point", "polygon", "polyline", "text")


class ObjectReader:
    """Builds the map's objects, counting them and their points against the map's caps."""

    def __init__(self, tile_props: Mapping[int, Mapping[str, Any]], tile_classes: Mapping[int, str],
                 tilesets: tuple[Tileset, ...], templates: Mapping[int, str], shift: tuple[float, float]) -> None:
        self.tile_props = tile_props
        self.tile_classes = tile_classes
        self.tilesets = tilesets
        self.templates = templates
        self.shift = shift  # infinite maps: pixels from Tiled's origin to our (0, 0)
        self.count = 0
        self.points = 0

    def read(self, node: Node, layer: int, layer_visible: bool) -> MapObject:
        self.count += 1
        if self.count > MAX_OBJECTS:
            raise fail(node, f"the map has more than {MAX_OBJECTS:,} objects")
        x, y = number(node, "x") - self.shift[0], number(node, "y") - self.shift[1]
        width, height = number(node, "width"), number(node, "height")
        if width < 0 or height < 0:
            raise fail(node, f"the object's size {width:g} x {height:g} is negative")
        gid = integer(node, "gid", 0, 0, 0xFFFFFFFF)
        kind = node.attrs.get("class") or node.attrs.get("type") or ""
        found, where = properties(node)
        props = dict(found)
        shape = "rectangle"
        points: tuple[tuple[float, float], ...] = ()
        if gid:
            shape = "tile"
            bare = gid & ~GID_FLAGS
            props = {**self.tile_props.get(bare, {}), **props}
            kind = kind or self.tile_classes.get(bare, "")
            if not (width and height):
                tileset = next((t for t in reversed(self.tilesets) if t.firstgid <= bare), None)
                if tileset is not None:
                    width, height = width or tileset.tile_width, height or tileset.tile_height
            y -= height  # Tiled anchors tile objects at their bottom-left corner
        else:
            for candidate in SHAPES:
                child = node.find(candidate)
                if child is None:
                    continue
                shape = candidate
                if candidate in ("polygon", "polyline"):
                    points = self.read_points(child, x, y)
                    if points:
                        xs, ys = [p[0] for p in points], [p[1] for p in points]
                        x, y = min(xs), min(ys)
                        width, height = max(xs) - x, max(ys) - y
                break
        return MapObject(
            id=integer(node, "id", 0, 0, 2**31 - 1), name=node.attrs.get("name", ""), type=kind, shape=shape,
            x=x, y=y, width=width, height=height, rotation=number(node, "rotation"), gid=gid,
            visible=layer_visible and flag(node, "visible"), layer=layer, line=node.line,
            properties=MappingProxyType(props), points=points, template=self.templates.get(id(node)),
            file=node.file, column=node.column, property_pos=where)

    def read_points(self, node: Node, x: float, y: float) -> tuple[tuple[float, float], ...]:
        pairs = (node.attrs.get("points") or "").split()
        self.points += len(pairs)
        if self.points > MAX_POINTS:
            raise fail(node, f"the map's polygons and polylines have more than {MAX_POINTS:,} points")
        found = []
        for pair in pairs:
            px, comma, py = pair.partition(",")
            if not comma:
                raise fail(node, f"the point {pair[:40]!r} is not x,y")
            found.append((x + real(px, node, "a point's x"), y + real(py, node, "a point's y")))
        return tuple(found)
