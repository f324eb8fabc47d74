"""The one reader of Tiled files (``.tmx`` maps, ``.tsx`` tilesets, ``.tx`` templates): pure, no pygame.

    tmap = read_map(path, root=story_folder)      # everything: layers, tiles, collision, images checked
    outline = read_outline(path, root=story_folder)  # what the story needs: objects and layers

Every part of the game reads maps through this package: the story loader
(spawn points and hotspots, from the outline), the checker (walkability from
the spawn), ``game.world`` (drawing, walking, ``starlight maps``) and the map
screen.  What a file names (tilesets, templates, images) is opened through
``game.story.files``: confined to the story folder, regular files only, bounded
sizes.  Everything that cannot be read raises ``MapFormatError`` (file, line and
one clear sentence); something that loads but cannot be used by the game (an
orientation, a missing or oversized picture) is a ``MapProblem`` on the map.

Modules, from the bottom up: ``limits`` (the caps), ``errors``, ``document``
(XML with line numbers), ``values`` (attributes and properties), ``sources``
(opening named files), ``tilesets``, ``templates``, ``data`` (tile data
decoding), ``layers`` (layers, cells, infinite-map chunks), ``objects``,
``model`` (the dataclasses), ``collision``, ``reach`` (walking on the grid),
``reader`` (one load, start to end).
"""

from __future__ import annotations

from .errors import MapFormatError, MapProblem
from .model import (
    GID_FLAGS,
    Flags,
    Frame,
    Layer,
    MapObject,
    MapOutline,
    TiledMap,
    Tileset,
    TileSource,
    gid_flags,
    truthy,
)
from .reader import read_map, read_outline

__all__ = [
    "GID_FLAGS", "Flags", "Frame", "Layer", "MapFormatError", "MapObject", "MapOutline", "MapProblem",
    "TileSource", "TiledMap", "Tileset", "gid_flags", "read_map", "read_outline", "truthy",
]
