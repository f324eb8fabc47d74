"""What a read map is: layers, tilesets, objects, tile cells and the collision grid (pure data).

``MapOutline`` is what the story needs (no tile data decoded, no picture
opened); ``TiledMap`` adds the tile cells and the collision grid.  Cells are
addressed ``(x, y)`` from the top left; an object's ``x, y`` is always its
top-left corner (Tiled anchors tile objects at their bottom-left; that is
undone on reading).
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..problems import Pos
from .errors import MapProblem
from .values import EMPTY

SUPPORTED_ORIENTATIONS = ("orthogonal",)
ORIENTATIONS = ("orthogonal", "isometric", "staggered", "hexagonal")
FLIP_H = 0x80000000
FLIP_V = 0x40000000
FLIP_D = 0x20000000
FLIP_HEX120 = 0x10000000
GID_FLAGS = FLIP_H | FLIP_V | FLIP_D | FLIP_HEX120


class Flags(NamedTuple):
    """How a tile is flipped (``diagonal`` is Tiled's anti-diagonal flip, used for rotation)."""

    horizontal: bool
    vertical: bool
    diagonal: bool


def gid_flags(raw_gid: int) -> Flags:
    return Flags(bool(raw_gid & FLIP_H), bool(raw_gid & FLIP_V), bool(raw_gid & FLIP_D))


def truthy(value: Any) -> bool:
    """A property meant as true: a bool true, the text true / yes / 1, or a non-zero number."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    if isinstance(value, (int, float)):
        return value != 0
    return False


@dataclass(frozen=True)
class Layer:
    """A layer of any kind, in Tiled's drawing order (``index`` is its place in ``layers``)."""

    index: int
    name: str
    kind: str  # "tile" | "object" | "image" | "group"
    visible: bool  # hidden when it or any group around it is hidden
    line: int
    parent: int | None  # the index of the group layer it is in
    offset: tuple[float, float]  # pixels, the groups' offsets included
    opacity: float  # the groups' opacities included
    properties: Mapping[str, Any]
    image: str | None = None  # image layers: the file, relative to the map's folder
    image_path: Path | None = None  # ... and where it is (links resolved)


@dataclass(frozen=True)
class TileSource:
    """Where the picture of one tile is: a rectangle of an image file."""

    image_path: Path
    x: int
    y: int
    width: int
    height: int
    trans: str | None  # a colour drawn transparent (Tiled's "trans", RRGGBB)
    file: str  # the file and line of the <image>, for messages
    line: int


@dataclass(frozen=True)
class Tileset:
    name: str
    firstgid: int
    source: str | None  # the .tsx file as the map names it; None for a tileset inside the map
    image: str | None  # the tileset image, relative to the map's folder; None for image collections
    image_width: int
    image_height: int
    tile_width: int
    tile_height: int
    tilecount: int  # how many gids it uses
    columns: int
    margin: int
    spacing: int
    offset: tuple[int, int]
    line: int  # in the map file
    image_path: Path | None = None
    image_line: int = 0
    image_file: str = ""  # the file the <image> is written in (the map or the .tsx)
    trans: str | None = None

    def contains(self, gid: int) -> bool:
        return self.firstgid <= gid < self.firstgid + max(self.tilecount, 1)

    def cut(self, local: int) -> TileSource | None:
        """The rectangle of tile ``local`` (0-based) in the tileset image, or None outside it."""
        if self.image_path is None or local < 0 or self.columns <= 0:
            return None
        column, row = local % self.columns, local // self.columns
        x = self.margin + column * (self.tile_width + self.spacing)
        y = self.margin + row * (self.tile_height + self.spacing)
        if x + self.tile_width > self.image_width or y + self.tile_height > self.image_height:
            return None
        return TileSource(self.image_path, x, y, self.tile_width, self.tile_height, self.trans, self.image_file,
                          self.image_line)


@dataclass(frozen=True)
class Frame:
    gid: int
    duration: int  # milliseconds


@dataclass(frozen=True)
class MapObject:
    """A Tiled object.  ``x, y`` is always the top-left corner."""

    id: int
    name: str
    type: str  # Tiled's "class" (called "type" before Tiled 1.9); a tile object inherits its tile's
    shape: str  # "rectangle" | "ellipse" | "point" | "polygon" | "polyline" | "text" | "tile"
    x: float
    y: float
    width: float
    height: float
    rotation: float
    gid: int  # a tile object's raw gid (flip bits included); 0 for other shapes
    visible: bool
    layer: int  # index into the map's layers
    line: int  # in the map file
    properties: Mapping[str, Any]  # a tile object's tile properties, the template's, then its own
    points: tuple[tuple[float, float], ...] = ()  # polygons and polylines, absolute pixels
    template: str | None = None
    file: str = ""  # the map file, as the reader names it
    column: int = 1
    property_pos: Mapping[str, Pos] = field(default_factory=lambda: EMPTY)  # where each property is written (a template's: in the .tx)

    @property
    def pos(self) -> Pos:
        return Pos(self.file, self.line, self.column)

    @property
    def action(self) -> str | None:
        """The story action of a hotspot, "goto" or "call"; None for other objects."""
        return "goto" if "goto" in self.properties else "call" if "call" in self.properties else None

    @property
    def trigger(self) -> str:
        value = self.properties.get("trigger", "interact")
        return value if isinstance(value, str) else "interact"

    @property
    def blocks(self) -> bool:
        """Whether the object is a collision rectangle."""
        return truthy(self.properties.get("collision")) or self.type.strip().lower() == "collision"


Span = tuple[int, int, int, int]  # x0, y0, x1, y1: cells, inclusive


@dataclass(eq=False)
class MapOutline:
    """A map as read without its tile data: what the story loader needs (build it with ``read_outline``)."""

    file: Path
    name: str  # the file as messages name it (relative to the story folder when read with one)
    root: Path | None  # the folder every file it names must stay in
    orientation: str
    width: int  # tiles
    height: int
    tile_width: int  # pixels
    tile_height: int
    infinite: bool
    origin: tuple[int, int]  # infinite maps: Tiled's tile coordinates of our tile (0, 0)
    background: str | None
    properties: Mapping[str, Any]
    layers: tuple[Layer, ...]
    tilesets: tuple[Tileset, ...]
    objects: tuple[MapObject, ...]
    animations: Mapping[int, tuple[Frame, ...]]  # gid -> frames
    problems: tuple[MapProblem, ...]
    tile_properties_by_gid: Mapping[int, Mapping[str, Any]] = field(repr=False)
    tile_classes: Mapping[int, str] = field(repr=False)
    collection: Mapping[int, TileSource] = field(repr=False)  # gid -> picture, for image-collection tiles
    _names: dict[str, MapObject] = field(init=False, repr=False)
    _lines: dict[int, MapObject] = field(init=False, repr=False)
    _firsts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._names = {}
        self._lines = {}
        for obj in self.objects:
            self._names.setdefault(obj.name, obj)
            self._lines.setdefault(obj.line, obj)
        self._firsts = [tileset.firstgid for tileset in self.tilesets]

    @property
    def supported(self) -> bool:
        """Whether the game can walk and draw this map (only orthogonal maps)."""
        return self.orientation in SUPPORTED_ORIENTATIONS

    @property
    def pixel_size(self) -> tuple[int, int]:
        return self.width * self.tile_width, self.height * self.tile_height

    def tile_layers(self) -> list[Layer]:
        return [layer for layer in self.layers if layer.kind == "tile"]

    def layer(self, which: int | str) -> Layer:
        """A layer by index, or the first layer with that name; KeyError when there is none."""
        if isinstance(which, int):
            if 0 <= which < len(self.layers):
                return self.layers[which]
            raise KeyError(f"no layer {which} in {self.name}")
        for layer in self.layers:
            if layer.name == which:
                return layer
        raise KeyError(f"no layer named {which!r} in {self.name}")

    def properties_of_gid(self, gid: int) -> Mapping[str, Any]:
        return self.tile_properties_by_gid.get(gid & ~GID_FLAGS, EMPTY)

    def animation_of(self, gid: int) -> tuple[Frame, ...]:
        return self.animations.get(gid & ~GID_FLAGS, ())

    def tileset_of(self, gid: int) -> Tileset | None:
        """The tileset a gid belongs to (the last one whose firstgid is not above it), or None."""
        gid &= ~GID_FLAGS
        if not gid:
            return None
        at = bisect.bisect_right(self._firsts, gid) - 1
        return self.tilesets[at] if at >= 0 else None

    def tile_source(self, gid: int) -> TileSource | None:
        """Where the picture of a gid (flip bits ignored) is, or None when it has none."""
        gid &= ~GID_FLAGS
        found = self.collection.get(gid)
        if found is not None:
            return found
        tileset = self.tileset_of(gid)
        return tileset.cut(gid - tileset.firstgid) if tileset is not None else None

    def object_named(self, name: str) -> MapObject | None:
        """The first object of that name (a lookup, not a search)."""
        return self._names.get(name)

    def object_at_line(self, line: int) -> MapObject | None:
        return self._lines.get(line)

    @property
    def hotspots(self) -> tuple[MapObject, ...]:
        """Objects with a ``goto`` or ``call`` property."""
        return tuple(obj for obj in self.objects if obj.action is not None)

    def cell_of(self, px: float, py: float) -> tuple[int, int]:
        """The cell that contains the pixel ``(px, py)`` (maybe outside the map)."""
        return math.floor(px / self.tile_width), math.floor(py / self.tile_height)

    def covered_span(self, x: float, y: float, width: float, height: float) -> Span | None:
        """The cells a rectangle overlaps, as an inclusive span clipped to the map (None: none of them).

        A zero-sized rectangle covers the cell it is in.
        """
        tw, th = self.tile_width, self.tile_height
        x0, y0 = math.floor(x / tw), math.floor(y / th)
        x1 = max(math.ceil((x + width) / tw - 1e-9) - 1, x0) if width > 0 else x0
        y1 = max(math.ceil((y + height) / th - 1e-9) - 1, y0) if height > 0 else y0
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, self.width - 1), min(y1, self.height - 1)
        return (x0, y0, x1, y1) if x0 <= x1 and y0 <= y1 else None

    def covered_cells(self, x: float, y: float, width: float, height: float) -> set[tuple[int, int]]:
        """The cells of the map that a rectangle overlaps (a set: costs its area)."""
        span = self.covered_span(x, y, width, height)
        if span is None:
            return set()
        x0, y0, x1, y1 = span
        return {(cx, cy) for cy in range(y0, y1 + 1) for cx in range(x0, x1 + 1)}


@dataclass(eq=False)
class TiledMap(MapOutline):
    """A whole map: the outline, its tile cells and where the player cannot walk (build it with ``read_map``)."""

    cells: Mapping[int, tuple[array[int], ...]] = field(default_factory=dict, repr=False)  # layer -> rows of raw gids
    collision: tuple[bytes, ...] = ()  # [y][x]: 1 where the player cannot walk

    def raw_gid_at(self, x: int, y: int, layer: int | str) -> int:
        """The raw gid (flip bits included) at a cell of a tile layer (by index or name); 0 outside or empty."""
        if isinstance(layer, str):
            layer = next((t.index for t in self.tile_layers() if t.name == layer), layer)
        rows: Sequence[Sequence[int]] | None = self.cells.get(self.layer(layer).index)
        if rows is None:
            raise KeyError(f"the layer {layer!r} is not a tile layer")
        if 0 <= y < len(rows) and 0 <= x < len(rows[y]):
            return rows[y][x]
        return 0

    def gid_at(self, x: int, y: int, layer: int | str) -> int:
        return self.raw_gid_at(x, y, layer) & ~GID_FLAGS

    def flags_at(self, x: int, y: int, layer: int | str) -> Flags:
        return gid_flags(self.raw_gid_at(x, y, layer))

    def tile_properties(self, x: int, y: int, layer: int | str) -> Mapping[str, Any]:
        """The tile properties of the tile at a cell (empty when none, or no tile)."""
        return self.properties_of_gid(self.gid_at(x, y, layer))

    def blocked(self, x: int, y: int) -> bool:
        """Whether the cell cannot be walked on (outside the map counts as blocked)."""
        return not (0 <= x < self.width and 0 <= y < self.height) or bool(self.collision[y][x])
