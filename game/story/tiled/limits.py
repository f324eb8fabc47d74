"""How much of anything one map may hold: every cap the reader enforces, in one place.

A Tiled file is data someone else made.  These bounds keep the time and memory
of reading one map small whatever its bytes say, and each is far above what a
real map needs (the largest Tiled example has 5,000 tiles and 261 elements).
The caps are per map: a map, its tilesets and its templates together.
"""

from __future__ import annotations

MAX_FILE_BYTES = 16 * 1024 * 1024  # one .tmx, .tsx or .tx file
MAX_IMAGE_BYTES = 64 * 1024 * 1024  # one picture file (its pixel size is checked from its header)
MAX_DEPTH = 100  # elements nested inside each other (groups, class properties)
MAX_ELEMENTS = 200_000  # XML elements over all files of a map (a <tile> of XML layer data is not one)
MAX_LAYERS = 512
MAX_TILESETS = 256
MAX_OBJECTS = 10_000
MAX_POINTS = 100_000  # polygon and polyline points over all objects
MAX_CHUNKS = 16_384  # chunks of an infinite map, over all its layers
MAX_MAP_CELLS = 4 * 1024 * 1024  # tile cells decoded over all layers (and chunks) of a map
MAX_TILE_SIDE = 4096  # pixels: a map's or tileset's tile size
MAX_COORDINATE = 10_000_000.0  # pixels: positions and sizes of objects and layer offsets
MAX_DIGITS = 12  # of a whole number in an attribute
MAX_TEMPLATES = 1_000  # distinct template files
# Pictures the game draws a map into (the map screen's layers, `starlight maps --render`):
MAX_PICTURE_PIXELS = 50_000_000
MAX_PICTURE_SIDE = 32_767
