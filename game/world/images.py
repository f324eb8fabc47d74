"""A map's tile pictures as pygame surfaces: cut from tileset images, flipped as the cell says.

Pictures are read through ``game.story.files`` (confined to the map's story
folder, regular files, bounded, their size checked from the header before
pygame decodes them) and cut with subsurfaces; flipped and rotated tiles are
made once and kept, up to ``MAX_CACHED`` of them.  A picture that cannot be
drawn raises ``MapFormatError`` at the line of its ``<image>``: the map screen
shows it as the map's error, ``--render`` as a line of its report.
"""

from __future__ import annotations

import io
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pygame

from game.story import files
from game.story.tiled import GID_FLAGS, MapFormatError, TiledMap, TileSource, gid_flags
from game.story.tiled.limits import MAX_IMAGE_BYTES
from game.story.tiled.sources import detail

MAX_CACHED = 4096  # tile pictures kept (flipped ones are copies; plain ones share their sheet's pixels)


def load_picture(path: Path, root: Path | None, file: str, line: int, name: str) -> pygame.Surface:
    """A picture file as a surface (with alpha when a display is set); MapFormatError naming file and line."""
    try:
        data = files.read_image(path, MAX_IMAGE_BYTES, root)
        surface = pygame.image.load(io.BytesIO(data), path.name)
    except files.FileRefused as exc:
        raise MapFormatError(file, line, f"the image {name} cannot be drawn: {detail(exc, path)}") from None
    except (pygame.error, ValueError, OSError) as exc:
        raise MapFormatError(file, line, f"the image {name} cannot be drawn: {str(exc)[:120] or 'damaged'}") from None
    return surface.convert_alpha() if pygame.display.get_surface() is not None else surface


def _colour(text: str) -> tuple[int, int, int] | None:
    digits = text.lstrip("#")
    if len(digits) != 6:
        return None
    try:
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    except ValueError:
        return None


class TileImages:
    """The tile pictures of one map; ``at(layer, x, y)`` and ``of(raw_gid)`` give a surface or None."""

    def __init__(self, tmap: TiledMap) -> None:
        self.tmap = tmap
        self.sheets: dict[tuple[Path, str | None], pygame.Surface] = {}
        self.tiles: OrderedDict[int, pygame.Surface | None] = OrderedDict()

    def sheet(self, source: TileSource) -> pygame.Surface:
        key = (source.image_path, source.trans)
        found = self.sheets.get(key)
        if found is None:
            name = os.path.relpath(source.image_path, self.tmap.file.parent)
            found = load_picture(source.image_path, self.tmap.root, source.file, source.line, name)
            colour = _colour(source.trans) if source.trans else None
            if colour is not None:
                keyed = found.convert() if pygame.display.get_surface() is not None else found.copy()
                keyed.set_colorkey(colour)
                found = keyed.convert_alpha() if pygame.display.get_surface() is not None else keyed
            self.sheets[key] = found
        return found

    def at(self, layer: int, x: int, y: int) -> pygame.Surface | None:
        """The picture of the tile at a cell of a tile layer (by index), or None."""
        raw = self.tmap.cells[layer][y][x]
        return self.of(raw) if raw else None

    def of(self, raw_gid: int) -> pygame.Surface | None:
        """The picture of a raw gid (flip bits included), or None."""
        if raw_gid in self.tiles:
            self.tiles.move_to_end(raw_gid)
            return self.tiles[raw_gid]
        picture = self.make(raw_gid)
        self.tiles[raw_gid] = picture
        if len(self.tiles) > MAX_CACHED:
            self.tiles.popitem(last=False)
        return picture

    def make(self, raw_gid: int) -> pygame.Surface | None:
        source = self.tmap.tile_source(raw_gid & ~GID_FLAGS)
        if source is None:
            return None
        sheet = self.sheet(source)
        rect = pygame.Rect(source.x, source.y, source.width, source.height).clip(sheet.get_rect())
        if rect.width <= 0 or rect.height <= 0:
            return None
        tile: Any = sheet.subsurface(rect)
        horizontal, vertical, diagonal = gid_flags(raw_gid)
        if diagonal:  # Tiled flips along the anti-diagonal first: a transpose
            tile = pygame.transform.flip(pygame.transform.rotate(tile, 90), False, True)
        if horizontal or vertical:
            tile = pygame.transform.flip(tile, horizontal, vertical)
        surface: pygame.Surface = tile
        return surface
