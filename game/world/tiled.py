"""The game world's view of a Tiled map: the story layer's one reader, plus the tile pictures.

``load_map(path, root=story)`` reads a map with ``game.story.tiled.read_map``
(everything the map names confined to the story folder) and gives a
``TiledMap`` that can also load its tile pictures (``load_images()``, pygame).
The names here are the ones the map screen has always used.  Importing this
module does not import pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from game.story.tiled import (
    GID_FLAGS,
    Flags,
    Frame,
    Layer,
    MapFormatError,
    MapObject,
    MapProblem,
    Tileset,
    gid_flags,
    read_map,
    truthy,
)
from game.story.tiled import TiledMap as _StoryMap

if TYPE_CHECKING:
    from .images import TileImages

__all__ = ["GID_FLAGS", "Flags", "Frame", "Layer", "MapFormatError", "MapObject", "MapProblem",
           "TiledMap", "Tileset", "gid_flags", "load_map", "truthy"]


@dataclass(eq=False)
class TiledMap(_StoryMap):
    """A read map that can load its tile pictures."""

    def load_images(self) -> TileImages:
        """The tile pictures as pygame surfaces (loaded on first use; a display mode lets them convert)."""
        from .images import TileImages  # pygame only when pictures are wanted: reading a map stays headless

        return TileImages(self)


def load_map(path: Path | str, root: Path | None = None) -> TiledMap:
    """Read the Tiled map at ``path`` (its tilesets, templates and cells); MapFormatError and nothing else.

    With ``root`` (the story folder) every file the map names must stay inside it.
    """
    read = read_map(path, root=root)
    return TiledMap(**{f.name: getattr(read, f.name) for f in fields(read) if f.init})
