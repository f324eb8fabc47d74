"""Our one adapter around pytmx: ``load_map(path)`` gives a ``TiledMap`` of our own.

pytmx 3.32 reads most Tiled maps, but has gaps and quirks.  Rather than work
around them wherever a map is used, this module fills them here, once, and the
rest of the game only sees the dataclasses below.  The map's XML is read first
(with line numbers, refusing DTDs) and normalised, then handed to pytmx:

============================  ==================================================
pytmx 3.32 gap or quirk       what this adapter does
============================  ==================================================
infinite maps (chunks)        supported: chunks are joined into one finite grid;
                              ``origin`` tells where Tiled's tile (0, 0) went
zstd-compressed layer data    supported when a zstd module is installed, else a
                              ``MapFormatError`` naming the layer and the fix
object templates (``.tx``)    supported: merged into their objects (gids remapped)
list / class properties       supported: read as Python lists / dicts; hidden
(Tiled 1.8, 1.12)             from pytmx, which crashes on them
tileset image without         supported: the size is read from the image file
width / height
XML ``<tile>`` layer data     supported (pytmx refuses it)
layers in document order      kept (pytmx sorts them by kind)
group visibility / offsets    inherited by the layers inside the group
``.//objectgroup`` also       tile collision shapes are kept out of pytmx
finds tile collision shapes
``load_all_tiles=`` ignored   the keyword pytmx really reads, ``load_all``, is given
reserved property names       no longer an error (pytmx never sees properties)
part-of-image tiles (1.9)     ``TileImages`` cuts them out (pytmx draws the whole image)
============================  ==================================================

Maps that are not orthogonal (isometric, staggered, hexagonal) load, so that
tools can describe them, but carry the problem "not supported by the game".
Everything that cannot be read raises ``MapFormatError(file, line, message)``
with one clear line; no other exception leaves ``load_map``.

Collision: a tile layer named ``collision`` (any non-empty tile blocks), any
tile whose tile property ``collision`` is true (in any tile layer), and every
object with the property ``collision`` true or the type (class) ``collision``
(it blocks the tiles its rectangle covers) make ``TiledMap.collision``.

pygame is never needed to load a map; ``game.world.render`` draws one.
"""

from __future__ import annotations

import base64
import gzip
import io
import math
import os
import struct
import xml.parsers.expat
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple
from xml.etree import ElementTree as ET

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # pytmx imports pygame when it can
import pytmx  # type: ignore[import-untyped]

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TILES = 4 * 1024 * 1024  # cells of one layer; a bigger map is refused, not allocated
SUPPORTED_ORIENTATIONS = ("orthogonal",)
ORIENTATIONS = ("orthogonal", "isometric", "staggered", "hexagonal")

FLIP_H = 0x80000000
FLIP_V = 0x40000000
FLIP_D = 0x20000000
FLIP_HEX120 = 0x10000000
GID_FLAGS = FLIP_H | FLIP_V | FLIP_D | FLIP_HEX120
SHAPES = ("ellipse", "point", "polygon", "polyline", "text")
LAYER_TAGS = {"layer": "tile", "objectgroup": "object", "imagelayer": "image", "group": "group"}


# --- what the rest of the game sees -------------------------------------------------------------


class MapFormatError(Exception):
    """A map (or a tileset or template it uses) that cannot be read; ``str()`` is one clear line."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class MapProblem:
    """Something in a map that loads but that the game cannot use (an orientation, a missing image)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class Flags(NamedTuple):
    """How a tile is flipped (``diagonal`` is Tiled's anti-diagonal flip, used for rotation)."""

    horizontal: bool
    vertical: bool
    diagonal: bool


@dataclass(frozen=True)
class Layer:
    """A layer of any kind, in Tiled's drawing order (``index`` is its place in ``TiledMap.layers``)."""

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
    tilecount: int
    columns: int
    margin: int
    spacing: int
    offset: tuple[int, int]
    line: int

    def contains(self, gid: int) -> bool:
        return self.firstgid <= gid < self.firstgid + max(self.tilecount, 1)


@dataclass(frozen=True)
class Frame:
    gid: int
    duration: int  # milliseconds


@dataclass(frozen=True)
class MapObject:
    """A Tiled object.  ``x, y`` is always the top-left corner (Tiled puts tile objects' at the bottom)."""

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
    layer: int  # index into TiledMap.layers
    line: int  # in the map file
    properties: Mapping[str, Any]  # a tile object's tile properties, the template's, then its own
    points: tuple[tuple[float, float], ...] = ()  # polygons and polylines, absolute pixels
    template: str | None = None

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


@dataclass(eq=False)
class TiledMap:
    """A loaded map; build it with ``load_map``.  Tile cells are addressed ``(x, y)`` from the top left."""

    file: Path
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
    collision: tuple[tuple[bool, ...], ...]  # [y][x]: True where the player cannot walk
    cells: Mapping[int, tuple[tuple[int, ...], ...]] = field(repr=False)  # tile layer index -> raw gids [y][x]
    tile_properties_by_gid: Mapping[int, Mapping[str, Any]] = field(repr=False)
    tile_classes: Mapping[int, str] = field(repr=False)
    tile_rects: Mapping[int, tuple[str, int, int, int, int]] = field(repr=False)  # gid -> image, x, y, w, h
    tmx: Any = field(repr=False)  # the pytmx.TiledMap: use load_images() rather than this

    def load_images(self) -> TileImages:
        """The tile pictures as pygame surfaces (pygame must have a display mode set)."""
        return TileImages(self)

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
            raise KeyError(f"no layer {which} in {self.file}")
        for layer in self.layers:
            if layer.name == which:
                return layer
        raise KeyError(f"no layer named {which!r} in {self.file}")

    def raw_gid_at(self, x: int, y: int, layer: int | str) -> int:
        """The raw gid (flip bits included) at a cell of a tile layer (by index or name); 0 outside or empty."""
        if isinstance(layer, str):
            layer = next((t.index for t in self.tile_layers() if t.name == layer), layer)
        rows = self.cells.get(self.layer(layer).index)
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

    def properties_of_gid(self, gid: int) -> Mapping[str, Any]:
        return self.tile_properties_by_gid.get(gid & ~GID_FLAGS, _EMPTY)

    def animation_of(self, gid: int) -> tuple[Frame, ...]:
        return self.animations.get(gid & ~GID_FLAGS, ())

    def tileset_of(self, gid: int) -> Tileset | None:
        gid &= ~GID_FLAGS
        found = None
        for tileset in self.tilesets:
            if tileset.firstgid <= gid:
                found = tileset
        return found if gid and found is not None else None

    def object_named(self, name: str) -> MapObject | None:
        for obj in self.objects:
            if obj.name == name:
                return obj
        return None

    def object_at_line(self, line: int) -> MapObject | None:
        for obj in self.objects:
            if obj.line == line:
                return obj
        return None

    @property
    def hotspots(self) -> tuple[MapObject, ...]:
        """Objects with a ``goto`` or ``call`` property."""
        return tuple(obj for obj in self.objects if obj.action is not None)

    def cell_of(self, px: float, py: float) -> tuple[int, int]:
        """The cell that contains the pixel ``(px, py)`` (maybe outside the map)."""
        return math.floor(px / self.tile_width), math.floor(py / self.tile_height)

    def covered_cells(self, x: float, y: float, width: float, height: float) -> set[tuple[int, int]]:
        """The cells of the map that a rectangle overlaps; a zero-sized one covers the cell it is in."""
        tw, th = self.tile_width, self.tile_height
        x0, y0 = math.floor(x / tw), math.floor(y / th)
        x1 = max(math.ceil((x + width) / tw - 1e-9) - 1, x0) if width > 0 else x0
        y1 = max(math.ceil((y + height) / th - 1e-9) - 1, y0) if height > 0 else y0
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, self.width - 1), min(y1, self.height - 1)
        return {(cx, cy) for cy in range(y0, y1 + 1) for cx in range(x0, x1 + 1)}


_EMPTY: Mapping[str, Any] = MappingProxyType({})


def gid_flags(raw_gid: int) -> Flags:
    return Flags(bool(raw_gid & FLIP_H), bool(raw_gid & FLIP_V), bool(raw_gid & FLIP_D))


def truthy(value: Any) -> bool:
    """A property meant as true: a bool true, or the text true / yes / 1."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    if isinstance(value, (int, float)):
        return value != 0
    return False


def load_map(path: Path | str, *, root: Path | None = None) -> TiledMap:
    """Read the Tiled map at ``path`` (with its tilesets and templates).

    With ``root``, every file the map names must be inside that folder (a story's
    maps never reach outside the story).  Raises ``MapFormatError`` and nothing else.
    """
    return _Loader(Path(path), root).load()


# --- reading ------------------------------------------------------------------------------------


class _Loader:
    """One load: the XML trees read so far, with the file and line of every element."""

    def __init__(self, path: Path, root: Path | None) -> None:
        self.path = path
        self.file = str(path)
        self.dir = path.parent
        self.root = os.path.realpath(root) if root is not None else None
        self.where: dict[ET.Element, tuple[str, int]] = {}
        self.trees: dict[str, ET.Element] = {}
        self.problems: list[MapProblem] = []
        self.templates: dict[ET.Element, str] = {}  # object -> the template it was made from
        self.tileset_sources: dict[ET.Element, tuple[str | None, Path]] = {}  # -> (source, its folder)
        self.origin = (0, 0)

    # errors and files

    def fail(self, elem: ET.Element | None, message: str) -> MapFormatError:
        file, line = self.where.get(elem, (self.file, 0)) if elem is not None else (self.file, 0)
        return MapFormatError(file, line or None, message)

    def resolve(self, name: str, base: Path, elem: ET.Element) -> Path:
        """The file a map, tileset or template names, relative to ``base``."""
        if not name:
            raise self.fail(elem, "an empty file name")
        path = base / name
        if self.root is not None:
            real = os.path.realpath(path)
            if os.path.commonpath([real, self.root]) != self.root:
                raise self.fail(elem, f"{name} is outside the story folder")
        return path

    def read(self, path: Path, elem: ET.Element | None = None) -> ET.Element:
        """Parse an XML file, remembering the line of each element; refuse DTDs."""
        key = os.path.realpath(path)
        if key in self.trees:
            return self.trees[key]
        shown = str(path)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise MapFormatError(shown, None, f"the file is larger than {MAX_FILE_BYTES:,} bytes")
            data = path.read_bytes()
        except OSError as exc:
            if elem is None:
                raise MapFormatError(shown, None, f"cannot read: {exc.strerror or exc}") from None
            raise self.fail(elem, f"cannot read {path.name}: {exc.strerror or exc}") from None
        parser = xml.parsers.expat.ParserCreate()
        builder = ET.TreeBuilder()
        where = self.where

        def start(tag: str, attrs: dict[str, str]) -> None:
            where[builder.start(tag, attrs)] = (shown, parser.CurrentLineNumber)

        def doctype(_name: str, _system: str | None, _public: str | None, internal: int) -> None:
            # Old Tiled wrote <!DOCTYPE map SYSTEM "...map.dtd">, harmless (never fetched); but
            # declarations inside the file could define entities: those are refused.
            if internal:
                no_entities()

        def no_entities(*_args: object) -> None:
            raise MapFormatError(shown, parser.CurrentLineNumber, "the file declares a DTD of its own; "
                                 "Tiled files never need one")

        parser.StartElementHandler = start
        parser.EndElementHandler = builder.end
        parser.CharacterDataHandler = builder.data
        parser.StartDoctypeDeclHandler = doctype
        parser.EntityDeclHandler = no_entities
        try:
            parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as exc:
            raise MapFormatError(shown, exc.lineno, f"not valid XML: {xml.parsers.expat.ErrorString(exc.code)}") from None
        tree = builder.close()
        self.trees[key] = tree
        return tree

    def copy(self, elem: ET.Element) -> ET.Element:
        """A deep copy that keeps the lines of the original."""
        new = ET.Element(elem.tag, dict(elem.attrib))
        new.text, new.tail = elem.text, elem.tail
        if elem in self.where:
            self.where[new] = self.where[elem]
        for child in elem:
            new.append(self.copy(child))
        return new

    # attributes

    def number(self, elem: ET.Element, name: str, default: float = 0.0) -> float:
        value = elem.get(name)
        if value is None or value == "":
            return default
        try:
            number = float(value)
        except ValueError:
            raise self.fail(elem, f"<{elem.tag}> {name}={value!r} is not a number") from None
        if not math.isfinite(number):
            raise self.fail(elem, f"<{elem.tag}> {name}={value!r} is not a finite number")
        return number

    def integer(self, elem: ET.Element, name: str, default: int = 0) -> int:
        value = elem.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise self.fail(elem, f"<{elem.tag}> {name}={value!r} is not a whole number") from None

    # the whole load

    def load(self) -> TiledMap:
        root = self.read(self.path)
        if root.tag != "map":
            raise self.fail(root, f"not a Tiled map: the root element is <{root.tag}>, not <map>")
        orientation = root.get("orientation", "orthogonal")
        if orientation not in ORIENTATIONS:
            raise self.fail(root, f"unknown orientation {orientation!r}")
        if orientation not in SUPPORTED_ORIENTATIONS:
            self.problems.append(MapProblem(self.file, self.where[root][1],
                                            f"not supported by the game: {orientation}"))
        tile_width, tile_height = self.integer(root, "tilewidth"), self.integer(root, "tileheight")
        if tile_width <= 0 or tile_height <= 0:
            raise self.fail(root, f"the tile size {tile_width} x {tile_height} is not positive")
        self.resolve_templates(root)
        self.inline_tilesets(root)
        self.fill_image_sizes(root)
        infinite = self.truth(root.get("infinite", "0"))
        if infinite:
            self.join_chunks(root)
        width, height = self.integer(root, "width"), self.integer(root, "height")
        if width < 0 or height < 0 or width * height > MAX_TILES:
            raise self.fail(root, f"the map size {width} x {height} is not allowed (at most {MAX_TILES:,} tiles)")
        cells = self.decode_layers(root, width, height)
        tilesets = tuple(self.tileset(ts) for ts in root.findall("tileset"))
        tile_props, tile_classes, animations, tile_rects = self.tiles(root)
        layers, objects = self.layers_and_objects(root, tile_props, tile_classes, tilesets)
        self.check_images(tilesets, layers)
        tmx = self.pytmx_map(root)
        tmap = TiledMap(
            file=self.path, orientation=orientation, width=width, height=height,
            tile_width=tile_width, tile_height=tile_height, infinite=infinite, origin=self.origin,
            background=root.get("backgroundcolor"), properties=self.properties(root),
            layers=tuple(layers), tilesets=tilesets, objects=tuple(objects),
            animations=MappingProxyType(animations), problems=tuple(self.problems),
            collision=(), cells=MappingProxyType(cells),
            tile_properties_by_gid=MappingProxyType(tile_props),
            tile_classes=MappingProxyType(tile_classes), tile_rects=MappingProxyType(tile_rects), tmx=tmx)
        tmap.collision = _collision(tmap)
        return tmap

    @staticmethod
    def truth(value: str) -> bool:
        return value.strip().lower() in ("1", "true")

    # templates (.tx)

    def object_elements(self, root: ET.Element) -> Iterator[ET.Element]:
        """The <object>s of the map's object layers (not tile collision shapes)."""
        for elem, _kind, _parent in self.layer_elements(root):
            if elem.tag == "objectgroup":
                yield from elem.findall("object")

    def layer_elements(self, root: ET.Element, parent: int | None = None,
                       counter: list[int] | None = None) -> Iterator[tuple[ET.Element, str, int | None]]:
        """Every layer element in drawing order, with the index of the group around it."""
        counter = counter if counter is not None else [0]
        for child in root:
            kind = LAYER_TAGS.get(child.tag)
            if kind is None:
                continue
            index = counter[0]
            counter[0] += 1
            yield child, kind, parent
            if kind == "group":
                yield from self.layer_elements(child, index, counter)

    def resolve_templates(self, root: ET.Element) -> None:
        for obj in self.object_elements(root):
            name = obj.get("template")
            if not name:
                continue
            path = self.resolve(name, self.dir, obj)
            tree = self.read(path, obj)
            template = tree.find("object") if tree.tag == "template" else None
            if template is None:
                raise self.fail(obj, f"the template {name} has no <template><object>")
            own_gid = "gid" in obj.attrib
            for key, value in template.attrib.items():
                if key not in obj.attrib and key not in ("id", "x", "y"):
                    obj.set(key, value)
            if not own_gid and "gid" in template.attrib:
                obj.set("gid", str(self.template_gid(root, tree, template, path, obj)))
            self.merge_properties(obj, template)
            if not any(obj.find(shape) is not None for shape in SHAPES):
                for shape in SHAPES:
                    found = template.find(shape)
                    if found is not None:
                        obj.append(self.copy(found))
            del obj.attrib["template"]
            self.templates[obj] = name

    def merge_properties(self, obj: ET.Element, template: ET.Element) -> None:
        theirs = template.find("properties")
        if theirs is None:
            return
        mine = obj.find("properties")
        if mine is None:
            obj.insert(0, self.copy(theirs))
            return
        names = {p.get("name") for p in mine.findall("property")}
        for prop in theirs.findall("property"):
            if prop.get("name") not in names:
                mine.append(self.copy(prop))

    def template_gid(self, root: ET.Element, tree: ET.Element, template: ET.Element, path: Path,
                     obj: ET.Element) -> int:
        """A template's tile gid in the map's numbering (adding the template's tileset when missing)."""
        tileset = tree.find("tileset")
        raw = self.integer(template, "gid")
        if tileset is None or not tileset.get("source"):
            raise self.fail(obj, f"the template {obj.get('template')} has a tile but no external tileset")
        tsx = self.resolve(tileset.get("source", ""), path.parent, tileset)
        local = (raw & ~GID_FLAGS) - self.integer(tileset, "firstgid", 1)
        wanted = os.path.realpath(tsx)
        next_gid = 1
        for mine in root.findall("tileset"):
            first = self.integer(mine, "firstgid", 1)
            source = mine.get("source")
            if source and os.path.realpath(self.resolve(source, self.dir, mine)) == wanted:
                return (first + local) | (raw & GID_FLAGS)
            next_gid = max(next_gid, first + self.span(mine, source))
        added = ET.Element("tileset", {"firstgid": str(next_gid), "source": os.path.relpath(tsx, self.dir)})
        self.where[added] = self.where[tileset]
        position = max((i + 1 for i, child in enumerate(root) if child.tag == "tileset"), default=0)
        root.insert(position, added)
        return (next_gid + local) | (raw & GID_FLAGS)

    def span(self, tileset: ET.Element, source: str | None) -> int:
        """How many gids a tileset uses."""
        if source:
            tileset = self.read(self.resolve(source, self.dir, tileset), tileset)
        count = self.integer(tileset, "tilecount")
        ids = [self.integer(tile, "id") for tile in tileset.findall("tile")]
        return max(count, max(ids, default=-1) + 1, 1)

    # tilesets

    def inline_tilesets(self, root: ET.Element) -> None:
        """Put each external tileset's content into the map, with image paths made relative to the map."""
        for position, elem in enumerate(list(root)):
            if elem.tag != "tileset":
                continue
            source = elem.get("source")
            base = self.dir
            tileset = elem
            if source:
                if not source.lower().endswith(".tsx"):
                    raise self.fail(elem, f"the tileset {source} is not a .tsx file (only TMX/TSX are read)")
                path = self.resolve(source, self.dir, elem)
                tree = self.read(path, elem)
                if tree.tag != "tileset":
                    raise self.fail(tree, f"not a Tiled tileset: the root element is <{tree.tag}>")
                tileset = self.copy(tree)
                tileset.set("firstgid", elem.get("firstgid", "1"))
                base = path.parent
                root.remove(elem)
                root.insert(position, tileset)
            if "firstgid" not in tileset.attrib:
                raise self.fail(elem, "a <tileset> without firstgid")
            for image in tileset.iter("image"):
                if image.get("source"):
                    path = self.resolve(image.get("source", ""), base, image)
                    image.set("source", os.path.relpath(path, self.dir))
            self.tileset_sources[tileset] = (source, base)

    def fill_image_sizes(self, root: ET.Element) -> None:
        """pytmx needs width and height on a tileset image; Tiled may leave them out."""
        for tileset in root.findall("tileset"):
            image = tileset.find("image")
            if image is None or (image.get("width") and image.get("height")):
                continue
            if not image.get("source"):
                raise self.fail(image, "a tileset <image> with neither a source nor a size")
            path = self.dir / image.get("source", "")
            try:
                width, height = image_size(path)
            except (OSError, ValueError) as exc:
                raise self.fail(image, f"the tileset image {image.get('source')} has no width/height "
                                f"and its size cannot be read: {exc}") from None
            image.set("width", str(width))
            image.set("height", str(height))

    def tileset(self, elem: ET.Element) -> Tileset:
        source, _base = self.tileset_sources.get(elem, (None, self.dir))
        image = elem.find("image")
        offset = elem.find("tileoffset")
        return Tileset(
            name=elem.get("name", ""), firstgid=self.integer(elem, "firstgid", 1), source=source,
            image=image.get("source") if image is not None else None,
            image_width=self.integer(image, "width") if image is not None else 0,
            image_height=self.integer(image, "height") if image is not None else 0,
            tile_width=self.integer(elem, "tilewidth"), tile_height=self.integer(elem, "tileheight"),
            tilecount=self.span(elem, None), columns=self.integer(elem, "columns"),
            margin=self.integer(elem, "margin"), spacing=self.integer(elem, "spacing"),
            offset=(self.integer(offset, "x"), self.integer(offset, "y")) if offset is not None else (0, 0),
            line=self.where.get(elem, (self.file, 0))[1])

    def tiles(self, root: ET.Element) -> tuple[dict[int, Mapping[str, Any]], dict[int, str],
                                               dict[int, tuple[Frame, ...]], dict[int, tuple[str, int, int, int, int]]]:
        props: dict[int, Mapping[str, Any]] = {}
        classes: dict[int, str] = {}
        animations: dict[int, tuple[Frame, ...]] = {}
        rects: dict[int, tuple[str, int, int, int, int]] = {}
        for tileset in root.findall("tileset"):
            first = self.integer(tileset, "firstgid", 1)
            for tile in tileset.findall("tile"):
                gid = first + self.integer(tile, "id")
                image = tile.find("image")
                if image is not None and image.get("source") and any(k in tile.attrib for k in ("x", "y", "width", "height")):
                    # Tiled 1.9: a tile of an image collection may be a part of its image; pytmx draws it whole
                    rects[gid] = (image.get("source", ""), self.integer(tile, "x"), self.integer(tile, "y"),
                                  self.integer(tile, "width", self.integer(image, "width")),
                                  self.integer(tile, "height", self.integer(image, "height")))
                found = self.properties(tile)
                if found:
                    props[gid] = found
                kind = tile.get("class") or tile.get("type")
                if kind:
                    classes[gid] = kind
                animation = tile.find("animation")
                if animation is not None:
                    frames = tuple(Frame(first + self.integer(f, "tileid"), self.integer(f, "duration"))
                                   for f in animation.findall("frame"))
                    if frames:
                        animations[gid] = frames
        return props, classes, animations, rects

    # custom properties, list and class ones included

    def properties(self, elem: ET.Element) -> Mapping[str, Any]:
        found: dict[str, Any] = {}
        holder = elem.find("properties")
        if holder is not None:
            for prop in holder.findall("property"):
                found[prop.get("name", "")] = self.value(prop)
        return MappingProxyType(found)

    def value(self, prop: ET.Element) -> Any:
        kind = prop.get("type", "string")
        if kind == "class":
            return self.properties(prop)
        if kind == "list":
            return tuple(self.value(item) for item in prop.findall("item"))
        text = prop.get("value")
        if text is None:
            text = prop.text or ""
        try:
            if kind == "int" or kind == "object":
                return int(text) if text.strip() else 0
            if kind == "float":
                return float(text) if text.strip() else 0.0
        except ValueError:
            raise self.fail(prop, f"the property {prop.get('name', '')!r} is not a valid {kind}: {text!r}") from None
        if kind == "bool":
            return text.strip().lower() == "true"
        return text  # string, color, file, enum values and unknown types stay text

    # tile layer data

    def decode(self, data: ET.Element, count: int, what: str) -> list[int]:
        """The raw gids of a <data> or <chunk> element (csv, base64 + zlib / gzip / zstd, or XML tiles)."""
        encoding = data.get("encoding")
        compression = data.get("compression")
        if encoding is None:
            gids = [self.integer(tile, "gid") for tile in data.findall("tile")]
        elif encoding == "csv":
            text = (data.text or "").strip()
            try:
                gids = [int(part) for part in text.split(",")] if text else []
            except ValueError:
                raise self.fail(data, f"{what}: the CSV tile data holds something other than numbers") from None
        elif encoding == "base64":
            try:
                raw = base64.b64decode((data.text or "").strip())
            except ValueError:
                raise self.fail(data, f"{what}: the base64 tile data is damaged") from None
            raw = self.decompress(raw, compression, count * 4, data, what)
            if len(raw) % 4:
                raise self.fail(data, f"{what}: the tile data is not a whole number of gids")
            gids = list(struct.unpack(f"<{len(raw) // 4}I", raw))
        else:
            raise self.fail(data, f"{what}: unknown tile data encoding {encoding!r} (use CSV or Base64)")
        if len(gids) != count:
            raise self.fail(data, f"{what}: {len(gids):,} tiles where {count:,} were expected")
        if gids and (min(gids) < 0 or max(gids) > 0xFFFFFFFF):
            raise self.fail(data, f"{what}: a tile gid is out of range")
        return gids

    def decompress(self, raw: bytes, compression: str | None, limit: int, data: ET.Element, what: str) -> bytes:
        try:
            if not compression:
                return raw
            if compression in ("zlib", "gzip"):
                inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if compression == "gzip" else 0))
                out = inflate.decompress(raw, limit + 4)
                if inflate.unconsumed_tail:
                    raise self.fail(data, f"{what}: more tile data than the layer holds")
                return out
            if compression == "zstd":
                return _zstd_decompress(raw, limit + 4, lambda: self.fail(
                    data, f"{what}: the tile data is zstd-compressed, which this game cannot read; in Tiled set "
                    "Map Properties > Tile Layer Format to CSV or Base64 (zlib)"))
        except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
            raise self.fail(data, f"{what}: the {compression} tile data is damaged ({exc})") from None
        raise self.fail(data, f"{what}: unknown tile data compression {compression!r} (use zlib or gzip)")

    def join_chunks(self, root: ET.Element) -> None:
        """An infinite map becomes finite: the bounding box of all chunks, as one CSV grid per layer."""
        layers = [elem for elem, kind, _ in self.layer_elements(root) if kind == "tile"]
        chunks: list[tuple[ET.Element, ET.Element, int, int, int, int]] = []
        for layer in layers:
            data = layer.find("data")
            for chunk in data.findall("chunk") if data is not None else []:
                cx, cy = self.integer(chunk, "x"), self.integer(chunk, "y")
                cw, ch = self.integer(chunk, "width"), self.integer(chunk, "height")
                if cw < 0 or ch < 0 or cw * ch > MAX_TILES:
                    raise self.fail(chunk, f"a chunk of {cw} x {ch} tiles is not allowed")
                chunks.append((layer, chunk, cx, cy, cw, ch))
        if chunks:
            left = min(c[2] for c in chunks)
            top = min(c[3] for c in chunks)
            width = max(c[2] + c[4] for c in chunks) - left
            height = max(c[3] + c[5] for c in chunks) - top
        else:
            left = top = width = height = 0
        if width * height > MAX_TILES:
            raise self.fail(root, f"the infinite map's chunks span {width} x {height} tiles; at most "
                            f"{MAX_TILES:,} are allowed")
        grids = {layer: [0] * (width * height) for layer in layers}
        for layer, chunk, cx, cy, cw, ch in chunks:
            data = layer.find("data")
            assert data is not None
            if data.get("encoding") is not None:
                chunk.set("encoding", data.get("encoding", ""))
            if data.get("compression"):
                chunk.set("compression", data.get("compression", ""))
            gids = self.decode(chunk, cw * ch, f"the layer {layer.get('name', '')!r}")
            grid = grids[layer]
            for row in range(ch):
                start = (cy - top + row) * width + (cx - left)
                grid[start:start + cw] = gids[row * cw:(row + 1) * cw]
        for layer, grid in grids.items():
            data = layer.find("data")
            if data is None:
                data = ET.SubElement(layer, "data")
                self.where[data] = self.where[layer]
            self.set_csv(layer, data, grid, width, height)
        root.set("width", str(width))
        root.set("height", str(height))
        root.set("infinite", "0")
        self.origin = (left, top)
        dx, dy = left * self.integer(root, "tilewidth"), top * self.integer(root, "tileheight")
        for obj in self.object_elements(root):
            obj.set("x", repr(self.number(obj, "x") - dx))
            obj.set("y", repr(self.number(obj, "y") - dy))
        for elem, kind, _ in self.layer_elements(root):
            if kind == "image":
                elem.set("offsetx", repr(self.number(elem, "offsetx") - dx))
                elem.set("offsety", repr(self.number(elem, "offsety") - dy))

    @staticmethod
    def set_csv(layer: ET.Element, data: ET.Element, gids: list[int], width: int, height: int) -> None:
        data.attrib.clear()
        for child in list(data):  # <tile> elements or <chunk>s: now all in the text
            data.remove(child)
        data.set("encoding", "csv")
        rows = (",".join(map(str, gids[y * width:(y + 1) * width])) for y in range(height))
        data.text = "\n" + ",\n".join(rows) + "\n"
        layer.set("width", str(width))
        layer.set("height", str(height))

    def decode_layers(self, root: ET.Element, width: int, height: int) -> dict[int, tuple[tuple[int, ...], ...]]:
        """Every tile layer's raw gids, map-sized; the layer data is rewritten as CSV for pytmx."""
        cells: dict[int, tuple[tuple[int, ...], ...]] = {}
        for index, (layer, kind, _parent) in enumerate(self.layer_elements(root)):
            if kind != "tile":
                continue
            what = f"the layer {layer.get('name', '')!r}"
            lw, lh = self.integer(layer, "width", width), self.integer(layer, "height", height)
            if lw < 0 or lh < 0 or lw * lh > MAX_TILES:
                raise self.fail(layer, f"{what}: the size {lw} x {lh} is not allowed")
            data = layer.find("data")
            if data is None:
                gids = [0] * (lw * lh)
                data = ET.SubElement(layer, "data")
                self.where[data] = self.where[layer]
            elif data.find("chunk") is not None:
                raise self.fail(data, f"{what} is stored in chunks, but the map is not infinite")
            else:
                gids = self.decode(data, lw * lh, what)
            if (lw, lh) != (width, height):  # keep the map's size: crop or pad
                gids = [gids[y * lw + x] if x < lw and y < lh else 0 for y in range(height) for x in range(width)]
            self.set_csv(layer, data, gids, width, height)
            cells[index] = tuple(tuple(gids[y * width:(y + 1) * width]) for y in range(height))
        return cells

    # layers and objects

    def layers_and_objects(self, root: ET.Element, tile_props: Mapping[int, Mapping[str, Any]],
                           tile_classes: Mapping[int, str], tilesets: tuple[Tileset, ...]
                           ) -> tuple[list[Layer], list[MapObject]]:
        layers: list[Layer] = []
        objects: list[MapObject] = []
        for index, (elem, kind, parent) in enumerate(self.layer_elements(root)):
            visible = self.truth(elem.get("visible", "1"))
            offset = (self.number(elem, "offsetx"), self.number(elem, "offsety"))
            opacity = self.number(elem, "opacity", 1.0)
            if parent is not None:
                outer = layers[parent]
                visible = visible and outer.visible
                offset = (offset[0] + outer.offset[0], offset[1] + outer.offset[1])
                opacity *= outer.opacity
            image = None
            if kind == "image":
                found = elem.find("image")
                if found is not None and found.get("source"):
                    image = os.path.relpath(self.resolve(found.get("source", ""), self.dir, found), self.dir)
            layers.append(Layer(index, elem.get("name", ""), kind, visible, self.where[elem][1], parent,
                                offset, opacity, self.properties(elem), image))
            if kind == "object":
                for obj in elem.findall("object"):
                    objects.append(self.map_object(obj, index, visible, tile_props, tile_classes, tilesets))
        return layers, objects

    def map_object(self, elem: ET.Element, layer: int, layer_visible: bool,
                   tile_props: Mapping[int, Mapping[str, Any]], tile_classes: Mapping[int, str],
                   tilesets: tuple[Tileset, ...]) -> MapObject:
        x, y = self.number(elem, "x"), self.number(elem, "y")
        width, height = self.number(elem, "width"), self.number(elem, "height")
        gid = self.integer(elem, "gid")
        kind = elem.get("class") or elem.get("type") or ""
        properties = dict(self.properties(elem))
        shape = "rectangle"
        points: tuple[tuple[float, float], ...] = ()
        if gid:
            shape = "tile"
            bare = gid & ~GID_FLAGS
            properties = {**tile_props.get(bare, {}), **properties}
            kind = kind or tile_classes.get(bare, "")
            if not (width and height):
                found = next((t for t in reversed(tilesets) if t.firstgid <= bare), None)
                if found is not None:
                    width, height = width or found.tile_width, height or found.tile_height
            y -= height  # Tiled anchors tile objects at their bottom-left corner
        else:
            for candidate in SHAPES:
                child = elem.find(candidate)
                if child is None:
                    continue
                shape = candidate
                if candidate in ("polygon", "polyline"):
                    points = self.points(child, x, y)
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    if xs:
                        x, y = min(xs), min(ys)
                        width, height = max(xs) - x, max(ys) - y
                break
        return MapObject(
            id=self.integer(elem, "id"), name=elem.get("name", ""), type=kind, shape=shape, x=x, y=y,
            width=width, height=height, rotation=self.number(elem, "rotation"), gid=gid,
            visible=layer_visible and self.truth(elem.get("visible", "1")), layer=layer,
            line=self.where[elem][1], properties=MappingProxyType(properties), points=points,
            template=self.templates.get(elem))

    def points(self, elem: ET.Element, x: float, y: float) -> tuple[tuple[float, float], ...]:
        found = []
        for pair in (elem.get("points") or "").split():
            try:
                px, _, py = pair.partition(",")
                found.append((x + float(px), y + float(py)))
            except ValueError:
                raise self.fail(elem, f"the point {pair!r} is not x,y") from None
        return tuple(found)

    def check_images(self, tilesets: tuple[Tileset, ...], layers: list[Layer]) -> None:
        """Missing image files do not stop a load (the game checks them); they are problems."""
        for tileset in tilesets:
            if tileset.image is not None and not (self.dir / tileset.image).is_file():
                self.problems.append(MapProblem(self.file, tileset.line, f"the image {tileset.image} of the "
                                                f"tileset {tileset.name!r} does not exist"))
        for layer in layers:
            if layer.image is not None and not (self.dir / layer.image).is_file():
                self.problems.append(MapProblem(self.file, layer.line, f"the image {layer.image} of the "
                                                f"image layer {layer.name!r} does not exist"))

    # pytmx

    def pytmx_map(self, root: ET.Element) -> Any:
        """pytmx reads the normalised tree, minus what it would trip on (we read those ourselves)."""
        tree = self.copy(root)
        for parent in list(tree.iter()):
            if parent.tag == "image" and parent.get("trans"):  # pytmx's pygame loader adds its own "#"
                parent.set("trans", parent.get("trans", "").lstrip("#"))
            for child in list(parent):
                if child.tag == "properties" or child.tag == "imagelayer" or \
                        (parent.tag == "tile" and child.tag == "objectgroup"):
                    parent.remove(child)
        try:
            # pytmx 3.32 reads the keyword `load_all`, not the documented `load_all_tiles`.
            tmx = pytmx.TiledMap(None, load_all=False, load_all_tiles=False, allow_duplicate_names=True)
            tmx.filename = str(self.path)
            tmx.parse_xml(tree)
        except Exception as exc:  # noqa: BLE001 - pytmx raises bare Exceptions; keep its message, never its traceback
            raise MapFormatError(self.file, None, f"pytmx cannot read the map: {type(exc).__name__}: "
                                 f"{exc or 'no message'}") from None
        return tmx


class TileImages:
    """A map's tile pictures as pygame surfaces, loaded by pytmx's pygame image loader.

    Filled in here rather than by pytmx: parts of images (Tiled 1.9 image
    collection tiles with a rectangle), which pytmx 3.32 loads whole.
    """

    def __init__(self, tmap: TiledMap) -> None:
        import pygame
        from pytmx.util_pygame import handle_transformation, pygame_image_loader  # type: ignore[import-untyped]

        tmx = tmap.tmx
        tmx.image_loader = pygame_image_loader
        tmx.reload_images()
        self.tmx = tmx
        sheets: dict[str, Any] = {}
        for gid, (source, x, y, width, height) in tmap.tile_rects.items():
            for pytmx_gid, flags in tmx.gidmap.get(gid, []):
                if source not in sheets:
                    sheets[source] = pygame.image.load(str(tmap.file.parent / source))
                tile = sheets[source].subsurface(pygame.Rect(x, y, width, height).clip(sheets[source].get_rect()))
                if flags:
                    tile = handle_transformation(tile, flags)
                tmx.images[pytmx_gid] = tile.convert_alpha()
        pytmx_layers = [layer for layer in tmx.layers if isinstance(layer, pytmx.TiledTileLayer)]
        self.rows = dict(zip((layer.index for layer in tmap.tile_layers()), (layer.data for layer in pytmx_layers)))

    def at(self, layer: int, x: int, y: int) -> Any:
        """The picture of the tile at a cell of a tile layer (by index), or None."""
        gid = self.rows[layer][y][x]
        return self.tmx.images[gid] if gid else None

    def of(self, raw_gid: int) -> Any:
        """The picture of a raw gid (flip bits included), or None."""
        found = self.tmx.imagemap.get((raw_gid & ~GID_FLAGS, pytmx.TileFlags(*gid_flags(raw_gid))))
        if found is None or found[0] >= len(self.tmx.images):
            return None
        return self.tmx.images[found[0]]


def _zstd_decompress(raw: bytes, limit: int, missing: Any) -> bytes:
    try:
        import zstandard  # type: ignore[import-not-found]
        return bytes(zstandard.ZstdDecompressor().decompressobj().decompress(raw)[:limit])
    except ImportError:
        pass
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14
        return bytes(zstd.decompress(raw)[:limit])
    except ImportError:
        raise missing() from None


def image_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, GIF, BMP or JPEG file, read from its header."""
    with open(path, "rb") as handle:
        head = handle.read(32)
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            width, height = struct.unpack(">II", head[16:24])
            return int(width), int(height)
        if head[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", head[6:10])
            return int(width), int(height)
        if head.startswith(b"BM"):
            width, height = struct.unpack("<ii", head[18:26])
            return int(width), abs(int(height))
        if head.startswith(b"\xff\xd8"):
            handle.seek(2)
            return _jpeg_size(handle)
    raise ValueError("not a PNG, GIF, BMP or JPEG image")


def _jpeg_size(handle: io.BufferedReader) -> tuple[int, int]:
    while True:
        marker = handle.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            raise ValueError("a damaged JPEG")
        length_bytes = handle.read(2)
        if len(length_bytes) < 2:
            raise ValueError("a damaged JPEG")
        length = struct.unpack(">H", length_bytes)[0]
        if 0xC0 <= marker[1] <= 0xCF and marker[1] not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">xHH", handle.read(5))
            return int(width), int(height)
        handle.seek(length - 2, io.SEEK_CUR)


# --- collision ----------------------------------------------------------------------------------


def _collision(tmap: TiledMap) -> tuple[tuple[bool, ...], ...]:
    """Blocked cells: a `collision` tile layer, tiles with the `collision` property, collision objects."""
    blocked = [[False] * tmap.width for _ in range(tmap.height)]
    solid = {gid for gid, props in tmap.tile_properties_by_gid.items() if truthy(props.get("collision"))}
    for layer in tmap.tile_layers():
        whole = layer.name.strip().lower() == "collision"
        for y, row in enumerate(tmap.cells[layer.index]):
            line = blocked[y]
            for x, raw in enumerate(row):
                if raw and (whole or (raw & ~GID_FLAGS) in solid):
                    line[x] = True
    for obj in tmap.objects:
        if obj.blocks:
            for x, y in tmap.covered_cells(obj.x, obj.y, obj.width, obj.height):
                blocked[y][x] = True
    return tuple(tuple(row) for row in blocked)
