"""Tilesets: inside the map or in ``.tsx`` files, sheets cut into tiles or collections of images.

For each tileset: its geometry, and per tile its custom properties, class,
animation and (collections) its own picture, possibly a part of an image
(Tiled 1.9).  Pictures are located and confined here; with ``images`` on,
their sizes are read from their headers, and a picture that cannot be used is
a problem of the map (the map still loads for tools to describe it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Node
from .errors import MapProblem
from .limits import MAX_TILESETS
from .model import GID_FLAGS, Frame, Tileset, TileSource
from .sources import Sources
from .values import fail, integer, properties

MAX_GID = ~GID_FLAGS & 0xFFFFFFFF
MAX_LOCAL_ID = 1 << 24
MAX_SIDE = 8192  # a tileset's tile: an image collection's tiles are as large as their pictures


@dataclass
class TileData:
    """Everything the tilesets of one map say about single tiles, by gid."""

    properties: dict[int, Mapping[str, Any]] = field(default_factory=dict)
    classes: dict[int, str] = field(default_factory=dict)
    animations: dict[int, tuple[Frame, ...]] = field(default_factory=dict)
    collection: dict[int, TileSource] = field(default_factory=dict)
    problems: list[MapProblem] = field(default_factory=list)


class TilesetReader:
    """Reads the ``<tileset>`` elements of one map (``images``: check pictures from their headers)."""

    def __init__(self, sources: Sources, map_dir: Path, images: bool) -> None:
        self.sources = sources
        self.map_dir = map_dir
        self.images = images
        self.tiles = TileData()

    def read_all(self, map_node: Node) -> tuple[Tileset, ...]:
        elements = map_node.findall("tileset")
        if len(elements) > MAX_TILESETS:
            raise fail(elements[MAX_TILESETS], f"the map uses more than {MAX_TILESETS} tilesets")
        return tuple(self.read(element) for element in elements)

    def definition(self, element: Node) -> tuple[Node, Path, str | None]:
        """The node that defines a tileset (the .tsx root for an external one), its folder, and its source."""
        source = element.attrs.get("source")
        if not source:
            return element, self.map_dir, None
        if not source.lower().endswith(".tsx"):
            raise fail(element, f"the tileset {source} is not a .tsx file (only TMX/TSX are read)")
        path = self.sources.resolve(source, self.map_dir, element, "the tileset")
        tree = self.sources.xml(path, element, "tileset", source)
        if tree.tag != "tileset":
            raise fail(tree, f"not a Tiled tileset: the root element is <{tree.tag}>")
        return tree, path.parent, source

    def span(self, element: Node) -> int:
        """How many gids a tileset uses (its tile count, or its highest tile id + 1)."""
        node, _base, _source = self.definition(element)
        return _span(node)

    def read(self, element: Node) -> Tileset:
        if "firstgid" not in element.attrs:
            raise fail(element, "a <tileset> without firstgid")
        firstgid = integer(element, "firstgid", 1, 1, MAX_GID)
        node, base, source = self.definition(element)
        tile_width = integer(node, "tilewidth", 0, 0, MAX_SIDE)
        tile_height = integer(node, "tileheight", 0, 0, MAX_SIDE)
        margin, spacing = integer(node, "margin", 0, 0, MAX_SIDE), integer(node, "spacing", 0, 0, MAX_SIDE)
        offset = node.find("tileoffset")
        image = node.find("image")
        name = node.attrs.get("name", "")
        image_path, image_size = None, (0, 0)
        if image is not None:
            image_path, image_size = self.sheet(image, base, name)
        columns = integer(node, "columns", 0, 0, MAX_LOCAL_ID)
        if image is not None and not columns and tile_width + spacing > 0:
            columns = max((image_size[0] - 2 * margin + spacing) // (tile_width + spacing), 0)
        span = _span(node)
        if firstgid + span - 1 > MAX_GID:
            raise fail(element, f"the tileset's gids run past {MAX_GID:,}")
        self.read_tiles(node, base, firstgid, name)
        shown = os.path.relpath(image_path, self.map_dir) if image_path is not None else None
        return Tileset(
            name=name, firstgid=firstgid, source=source, image=shown,
            image_width=image_size[0], image_height=image_size[1], tile_width=tile_width, tile_height=tile_height,
            tilecount=span, columns=columns, margin=margin, spacing=spacing,
            offset=(integer(offset, "x", 0, -MAX_SIDE, MAX_SIDE), integer(offset, "y", 0, -MAX_SIDE, MAX_SIDE))
            if offset is not None else (0, 0),
            line=element.line, image_path=image_path, image_line=image.line if image is not None else 0,
            image_file=image.file if image is not None else "",
            trans=image.attrs.get("trans") if image is not None else None)

    def sheet(self, image: Node, base: Path, tileset: str) -> tuple[Path | None, tuple[int, int]]:
        """A tileset's image: where it is and its size (from the XML, checked against the header)."""
        source = image.attrs.get("source")
        if not source:
            raise fail(image, "a tileset <image> without a source (embedded image data is not supported)")
        path = self.sources.resolve(source, base, image, "the tileset image")
        width, height = integer(image, "width", 0, 0, 1 << 16), integer(image, "height", 0, 0, 1 << 16)
        if not self.images:
            return path, (width, height)
        found = self.sources.image_size(path)
        if isinstance(found, str):
            if not (width and height):
                raise fail(image, f"the tileset image {source} has no width/height and its size cannot be read: "
                                  f"{found}")
            self.problem(image, f"the image {source} of the tileset {tileset!r} cannot be used: {found}")
            return path, (width, height)
        return path, (width or found[0], height or found[1])

    def read_tiles(self, node: Node, base: Path, firstgid: int, tileset: str) -> None:
        tiles = self.tiles
        for tile in node.findall("tile"):
            gid = firstgid + integer(tile, "id", 0, 0, MAX_LOCAL_ID)
            if gid > MAX_GID:
                raise fail(tile, f"the tile's gid runs past {MAX_GID:,}")
            found, _where = properties(tile)
            if found:
                tiles.properties[gid] = found
            kind = tile.attrs.get("class") or tile.attrs.get("type")
            if kind:
                tiles.classes[gid] = kind
            animation = tile.find("animation")
            if animation is not None:
                frames = tuple(Frame(firstgid + integer(f, "tileid", 0, 0, MAX_LOCAL_ID),
                                     integer(f, "duration", 0, 0, 2**31 - 1)) for f in animation.findall("frame"))
                if frames:
                    tiles.animations[gid] = frames
            image = tile.find("image")
            if image is not None:
                source = self.collection_tile(tile, image, base, tileset)
                if source is not None:
                    tiles.collection[gid] = source

    def collection_tile(self, tile: Node, image: Node, base: Path, tileset: str) -> TileSource | None:
        """The picture of a tile of an image collection (a part of the image when the tile says so)."""
        source = image.attrs.get("source")
        if not source:
            raise fail(image, "a tile <image> without a source (embedded image data is not supported)")
        path = self.sources.resolve(source, base, image, "the tile image")
        width, height = integer(image, "width", 0, 0, 1 << 16), integer(image, "height", 0, 0, 1 << 16)
        if self.images:
            found = self.sources.image_size(path)
            if isinstance(found, str):
                self.problem(image, f"the image {source} of a tile of the tileset {tileset!r} cannot be used: {found}")
                return None
            width, height = found
        return TileSource(path, integer(tile, "x", 0, 0, 1 << 16), integer(tile, "y", 0, 0, 1 << 16),
                          integer(tile, "width", width, 0, 1 << 16), integer(tile, "height", height, 0, 1 << 16),
                          image.attrs.get("trans"), image.file, image.line)

    def problem(self, node: Node, message: str) -> None:
        self.tiles.problems.append(MapProblem(node.file, node.line, message))


def _span(node: Node) -> int:
    count = integer(node, "tilecount", 0, 0, MAX_LOCAL_ID)
    highest = max((integer(tile, "id", 0, 0, MAX_LOCAL_ID) for tile in node.findall("tile")), default=-1)
    return max(count, highest + 1, 1)
