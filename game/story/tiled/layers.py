"""Layers in Tiled's drawing order, and the tile cells of tile layers (infinite maps' chunks joined).

Groups pass their visibility, offset and opacity on to the layers inside them;
the walk over nested groups uses a stack, not recursion.  What the cells of a
map will cost is added up from the sizes the file declares, over all its tile
layers and chunks, before anything is decoded: a map over ``MAX_MAP_CELLS`` is
refused at the layer (or chunk) that goes over, in a moment and in no memory.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from .data import decode
from .document import Node
from .limits import MAX_CHUNKS, MAX_LAYERS, MAX_MAP_CELLS
from .values import fail, integer

LAYER_TAGS = {"layer": "tile", "objectgroup": "object", "imagelayer": "image", "group": "group"}
MAX_SIDE = 1 << 20  # tiles along one side of a layer or chunk
Rows: TypeAlias = "tuple[array[int], ...]"  # array is subscriptable at run time only from 3.12


@dataclass(frozen=True)
class LayerNode:
    """A layer element found in the map, with its kind and the index of the group around it."""

    node: Node
    kind: str
    parent: int | None


def walk(map_node: Node) -> list[LayerNode]:
    """Every layer element in drawing order (a group before the layers inside it)."""
    found: list[LayerNode] = []
    stack: list[tuple[Iterator[Node], int | None]] = [(iter(map_node.children), None)]
    while stack:
        children, parent = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        kind = LAYER_TAGS.get(child.tag)
        if kind is None:
            continue
        if len(found) >= MAX_LAYERS:
            raise fail(child, f"the map has more than {MAX_LAYERS} layers")
        found.append(LayerNode(child, kind, parent))
        if kind == "group":
            stack.append((iter(child.children), len(found) - 1))
    return found


def _what(layer: Node) -> str:
    return f"the layer {layer.attrs.get('name', '')[:60]!r}"


@dataclass(frozen=True)
class Chunk:
    layer: int  # index into the walked layers
    node: Node
    x: int
    y: int
    width: int
    height: int


class Cells:
    """The cost, the extent and (on request) the decoded gids of one map's tile layers."""

    def __init__(self, map_node: Node, walked: list[LayerNode], infinite: bool) -> None:
        self.map_node = map_node
        self.tile_layers = [(index, entry.node) for index, entry in enumerate(walked) if entry.kind == "tile"]
        self.infinite = infinite
        self.chunks: list[Chunk] = []
        self.origin = (0, 0)
        if infinite:
            self.width, self.height = self.chunk_extent()
        else:
            self.width = integer(map_node, "width", 0, 0, MAX_SIDE)
            self.height = integer(map_node, "height", 0, 0, MAX_SIDE)
            self.check_finite_cost()

    def refuse(self, node: Node, cells: int) -> None:
        raise fail(node, f"the map's tile layers would hold {cells:,} cells here; a map may have at most "
                         f"{MAX_MAP_CELLS:,} over all its layers")

    def check_finite_cost(self) -> None:
        area = self.width * self.height
        if area > MAX_MAP_CELLS:
            raise fail(self.map_node, f"the map size {self.width:,} x {self.height:,} is not allowed (at most "
                                      f"{MAX_MAP_CELLS:,} tiles)")
        total = 0
        for _index, layer in self.tile_layers:
            width = integer(layer, "width", self.width, 0, MAX_SIDE)
            height = integer(layer, "height", self.height, 0, MAX_SIDE)
            total += max(width * height, area)
            if total > MAX_MAP_CELLS:
                self.refuse(layer, total)

    def chunk_extent(self) -> tuple[int, int]:
        """The bounding box of every chunk (the joined map's size); ``origin`` is its top-left in Tiled's tiles."""
        cost = 0
        for index, layer in self.tile_layers:
            data = layer.find("data")
            for chunk in data.findall("chunk") if data is not None else []:
                if len(self.chunks) >= MAX_CHUNKS:
                    raise fail(chunk, f"the map has more than {MAX_CHUNKS:,} chunks")
                width = integer(chunk, "width", 0, 0, MAX_SIDE)
                height = integer(chunk, "height", 0, 0, MAX_SIDE)
                cost += width * height
                if cost > MAX_MAP_CELLS:
                    self.refuse(chunk, cost)
                self.chunks.append(Chunk(index, chunk, integer(chunk, "x", 0, -MAX_SIDE, MAX_SIDE),
                                         integer(chunk, "y", 0, -MAX_SIDE, MAX_SIDE), width, height))
        if not self.chunks:
            return 0, 0
        left = min(c.x for c in self.chunks)
        top = min(c.y for c in self.chunks)
        width = max(c.x + c.width for c in self.chunks) - left
        height = max(c.y + c.height for c in self.chunks) - top
        if width * height * max(len(self.tile_layers), 1) > MAX_MAP_CELLS:
            raise fail(self.map_node, f"the infinite map's chunks span {width:,} x {height:,} tiles over "
                                      f"{len(self.tile_layers)} layer(s); at most {MAX_MAP_CELLS:,} cells are allowed")
        self.origin = (left, top)
        return width, height

    def decode(self) -> dict[int, Rows]:
        """Every tile layer's raw gids, map-sized, by layer index."""
        if self.infinite:
            return self.decode_chunks()
        cells: dict[int, Rows] = {}
        for index, layer in self.tile_layers:
            width = integer(layer, "width", self.width, 0, MAX_SIDE)
            height = integer(layer, "height", self.height, 0, MAX_SIDE)
            data = layer.find("data")
            if data is None:
                gids = array("I", bytes(4 * width * height))
            elif data.find("chunk") is not None:
                raise fail(data, f"{_what(layer)} is stored in chunks, but the map is not infinite")
            else:
                gids = decode(data, data.attrs.get("encoding"), data.attrs.get("compression"), width * height,
                              _what(layer))
            cells[index] = self.rows(gids, width, height)
        return cells

    def rows(self, gids: array[int], width: int, height: int) -> Rows:
        """Rows of the map's width, cropped or padded from a layer of another size."""
        blank = array("I", bytes(4 * self.width))
        rows = []
        for y in range(self.height):
            if y >= height:
                rows.append(array("I", blank))
                continue
            row = gids[y * width:y * width + min(width, self.width)]
            if len(row) < self.width:
                row.extend(blank[:self.width - len(row)])
            rows.append(row)
        return tuple(rows)

    def decode_chunks(self) -> dict[int, Rows]:
        grids = {index: array("I", bytes(4 * self.width * self.height)) for index, _ in self.tile_layers}
        left, top = self.origin
        by_index = dict(self.tile_layers)
        for chunk in self.chunks:
            layer = by_index[chunk.layer]
            data = layer.find("data")
            assert data is not None  # a chunk is inside its layer's <data>
            gids = decode(chunk.node, data.attrs.get("encoding"), data.attrs.get("compression"),
                          chunk.width * chunk.height, _what(layer))
            grid = grids[chunk.layer]
            for row in range(chunk.height):
                start = (chunk.y - top + row) * self.width + (chunk.x - left)
                grid[start:start + chunk.width] = gids[row * chunk.width:(row + 1) * chunk.width]
        return {index: self.rows(grid, self.width, self.height) for index, grid in grids.items()}
