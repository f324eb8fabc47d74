"""One read of one map, start to end: the map, its templates, tilesets, layers, objects and cells.

``read_outline`` is what the story loader needs (objects, spawn points,
hotspots, templates applied): it leaves out the tile data, the pictures and the
tilesets (unless a tile object needs its tileset).  ``read_map`` reads all of
it: every tile layer decoded, the collision grid built, every picture checked
from its header.  The same code reads both, so the outline's objects are the
whole map's objects, and what the outline refuses, ``read_map`` refuses with
the same message; ``read_map`` refuses more (a tileset outside the story, a
broken tile layer), which ``check`` reports and the map screen shows.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType

from .collision import blocking_spans, collision_grid
from .document import Node
from .errors import MapFormatError, MapProblem
from .layers import Cells, LayerNode, walk
from .limits import MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE, MAX_TILE_SIDE
from .model import ORIENTATIONS, SUPPORTED_ORIENTATIONS, Layer, MapObject, MapOutline, TiledMap
from .objects import ObjectReader
from .sources import Sources
from .templates import TemplateReader
from .tilesets import TilesetReader
from .values import fail, flag, integer, number, properties


def read_outline(path: Path | str, root: Path | None = None) -> MapOutline:
    """The map at ``path`` without its tile data, pictures and (unless tile objects need them) tilesets.

    With ``root`` (the story folder) every file the map names must stay inside
    it, and files are named relative to it in messages.  Raises ``MapFormatError``
    and nothing else.
    """
    return _Read(Path(path), root, full=False).outline()


def read_map(path: Path | str, root: Path | None = None) -> TiledMap:
    """The whole map at ``path``: the outline, its tile cells, collision grid and pictures checked."""
    read = _Read(Path(path), root, full=True)
    outline = read.outline()
    cells = read.cells.decode()
    collision = collision_grid(outline.width, outline.height, outline.tile_layers(), cells,
                               outline.tile_properties_by_gid, blocking_spans(outline.objects, outline.covered_span))
    fields = {name: getattr(outline, name) for name in outline.__dataclass_fields__
              if outline.__dataclass_fields__[name].init}
    return TiledMap(**fields, cells=MappingProxyType(cells), collision=collision)


class _Read:
    def __init__(self, path: Path, root: Path | None, full: bool) -> None:
        self.path = path
        self.dir = Path(os.path.realpath(path)).parent
        self.full = full
        self.sources = Sources(root)
        self.problems: list[MapProblem] = []

    def outline(self) -> MapOutline:
        sources = self.sources
        real = Path(os.path.realpath(self.path))
        if sources.root is not None and not real.is_relative_to(sources.root):
            raise MapFormatError(str(self.path), None, "the map is outside the story folder")
        # In a story, files are named relative to it; a map read on its own keeps the name it was given.
        name = sources.shown(real) if sources.root is not None else str(self.path)
        root = sources.xml(real, None, "map", str(self.path), name)
        if root.tag != "map":
            raise fail(root, f"not a Tiled map: the root element is <{root.tag[:40]}>, not <map>")
        orientation = root.attrs.get("orientation", "orthogonal")
        if orientation not in ORIENTATIONS:
            raise fail(root, f"unknown orientation {orientation[:40]!r}")
        if orientation not in SUPPORTED_ORIENTATIONS:
            self.problems.append(MapProblem(name, root.line, f"not supported by the game: {orientation}"))
        tile_width, tile_height = integer(root, "tilewidth", 0, 0), integer(root, "tileheight", 0, 0)
        if not (0 < tile_width <= MAX_TILE_SIDE and 0 < tile_height <= MAX_TILE_SIDE):
            raise fail(root, f"the tile size {tile_width} x {tile_height} px is not allowed (from 1 to "
                             f"{MAX_TILE_SIDE} px a side)")
        infinite = flag(root, "infinite", False)
        walked = walk(root)
        object_nodes = [obj for entry in walked if entry.kind == "object" for obj in entry.node.findall("object")]
        tileset_reader = TilesetReader(sources, self.dir, images=self.full)
        templates = TemplateReader(sources, tileset_reader, root, self.dir).apply(object_nodes)
        # The outline reads tilesets only when an object is a tile (its size and properties come from
        # its tileset): the story needs nothing else of them, and reading them is most of a map's cost.
        needed = self.full or any("gid" in obj.attrs for obj in object_nodes)
        tilesets = tileset_reader.read_all(root) if needed else ()
        tiles = tileset_reader.tiles
        self.problems.extend(tiles.problems)
        self.cells = Cells(root, walked, infinite)
        width, height = self.cells.width, self.cells.height
        shift = (self.cells.origin[0] * tile_width, self.cells.origin[1] * tile_height)
        objects = ObjectReader(tiles.properties, tiles.classes, tilesets, templates, shift)
        layers, found = self.layers(walked, objects, shift)
        map_properties, _where = properties(root)
        outline = MapOutline(
            file=self.path, name=name, root=sources.root, orientation=orientation, width=width, height=height,
            tile_width=tile_width, tile_height=tile_height, infinite=infinite, origin=self.cells.origin,
            background=root.attrs.get("backgroundcolor"), properties=map_properties, layers=tuple(layers),
            tilesets=tilesets, objects=tuple(found), animations=MappingProxyType(tiles.animations), problems=(),
            tile_properties_by_gid=MappingProxyType(tiles.properties), tile_classes=MappingProxyType(tiles.classes),
            collection=MappingProxyType(tiles.collection))
        if self.full:
            self.check_drawable(outline, root)
        outline.problems = tuple(self.problems)
        return outline

    def layers(self, walked: list[LayerNode], objects: ObjectReader,
               shift: tuple[float, float]) -> tuple[list[Layer], list[MapObject]]:
        layers: list[Layer] = []
        found: list[MapObject] = []
        for index, entry in enumerate(walked):
            node = entry.node
            visible = flag(node, "visible")
            offset = (number(node, "offsetx"), number(node, "offsety"))
            opacity = min(max(number(node, "opacity", 1.0), 0.0), 1.0)
            if entry.parent is not None:
                outer = layers[entry.parent]
                visible = visible and outer.visible
                offset = (offset[0] + outer.offset[0], offset[1] + outer.offset[1])
                opacity *= outer.opacity
            image = image_path = None
            if entry.kind == "image":
                offset = (offset[0] - shift[0], offset[1] - shift[1]) if entry.parent is None else offset
                image, image_path = self.layer_image(node)
            layers.append(Layer(index, node.attrs.get("name", ""), entry.kind, visible, node.line, entry.parent,
                                offset, opacity, properties(node)[0], image, image_path))
            if entry.kind == "object":
                found.extend(objects.read(obj, index, visible) for obj in node.findall("object"))
        return layers, found

    def layer_image(self, node: Node) -> tuple[str | None, Path | None]:
        """An image layer's picture: named relative to the map's folder, located, checked when reading fully."""
        image = node.find("image")
        if image is None or not image.attrs.get("source"):
            return None, None
        source = image.attrs["source"]
        path = self.sources.resolve(source, self.dir, image, "the image layer's image")
        if self.full:
            size = self.sources.image_size(path)
            if isinstance(size, str):
                self.problems.append(MapProblem(image.file, image.line, f"the image {source} of the image layer "
                                                f"{node.attrs.get('name', '')[:60]!r} cannot be used: {size}"))
        return os.path.relpath(path, self.dir), path

    def check_drawable(self, outline: MapOutline, root: Node) -> None:
        """Problems for what no picture could hold: the map's pixel size, oversized tile objects."""
        if not outline.supported:
            return
        width, height = outline.pixel_size
        if _too_large(width, height):
            self.problems.append(MapProblem(outline.name, root.line, f"the map is {width:,} x {height:,} px; a map "
                                            f"the game draws may have at most {MAX_PICTURE_PIXELS:,} px"))
        for obj in outline.objects:
            if obj.gid and _too_large(obj.width, obj.height):
                self.problems.append(MapProblem(obj.file, obj.line, f"the tile object {obj.name[:60]!r} is "
                                                f"{obj.width:,.0f} x {obj.height:,.0f} px; too large to draw"))


def _too_large(width: float, height: float) -> bool:
    return width > MAX_PICTURE_SIDE or height > MAX_PICTURE_SIDE or width * height > MAX_PICTURE_PIXELS
