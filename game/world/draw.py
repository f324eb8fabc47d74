"""Drawing a map's layers into pictures: the one drawing code of the map screen and ``--render``.

Layers are drawn in Tiled's order (tile layers, image layers and tile objects,
with offsets, opacity and tileset offsets; tiles larger than the grid grow up
and right from their cell's bottom-left corner).  With ``split``, tile and
object layers whose name contains "above" (or with the property ``above:
true``) go into a second, transparent picture drawn over the walkers.  Layers
named ``collision`` are not drawn.  Every picture made here, at any zoom, obeys
one pixel cap (``MAX_PICTURE_PIXELS``, ``MAX_PICTURE_SIDE``): a map or tile
object too large for it raises ``DrawError`` instead of exhausting memory.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import NamedTuple

import pygame

from game.story.tiled import Layer, MapFormatError, MapObject, TiledMap
from game.story.tiled.limits import MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE

from .images import TileImages, load_picture

BACKGROUND = (11, 13, 26)


class DrawError(Exception):
    """A map that cannot be drawn; ``str()`` is one line."""


class AnimatedTile(NamedTuple):
    """An animated tile in view: where (map pixels), its frames (surface, ms) at the zoom, their total ms."""

    above: bool
    x: int
    y: int
    frames: list[tuple[pygame.Surface, int]]
    total: int


class MapPictures(NamedTuple):
    below: pygame.Surface
    above: pygame.Surface | None  # only when split
    animated: list[AnimatedTile]


def check_picture(width: float, height: float, what: str) -> tuple[int, int]:
    """``(width, height)`` rounded, or DrawError when no picture that large may be made."""
    w, h = max(round(width), 1), max(round(height), 1)
    if w > MAX_PICTURE_SIDE or h > MAX_PICTURE_SIDE or w * h > MAX_PICTURE_PIXELS:
        raise DrawError(f"not drawn: {what} would be {w:,} x {h:,} px; pictures may be at most "
                        f"{MAX_PICTURE_SIDE:,} px a side and {MAX_PICTURE_PIXELS:,} px in all")
    return w, h


def is_above(layer: Layer) -> bool:
    return "above" in layer.name.lower() or bool(layer.properties.get("above"))


def draw_map(tmap: TiledMap, images: TileImages, *, zoom: float = 1.0, split: bool = False,
             skip_objects: Collection[str] = (), background: tuple[int, ...] = BACKGROUND) -> MapPictures:
    """The map's layers drawn at ``zoom``; DrawError for a map too large, MapFormatError for a bad picture."""
    if not tmap.supported:
        raise DrawError(f"not drawn: {tmap.orientation} maps are not supported by the game")
    width, height = tmap.pixel_size
    size = check_picture(width, height, f"the map ({width:,} x {height:,} px)")
    zoomed = check_picture(width * zoom, height * zoom, f"the map at zoom {zoom:g}")
    for obj in tmap.objects:
        if obj.gid and obj.visible:
            check_picture(obj.width, obj.height, f"the tile object {obj.name[:40]!r} (line {obj.line})")
    below = pygame.Surface(size, pygame.SRCALPHA)
    below.fill(background)
    above = pygame.Surface(size, pygame.SRCALPHA) if split else None
    animated: list[AnimatedTile] = []
    for layer in tmap.layers:
        if not layer.visible or layer.kind == "group" or layer.name.strip().lower() == "collision":
            continue
        over = above is not None and is_above(layer)
        target = above if over and above is not None else below
        canvas = target if layer.opacity >= 1 else pygame.Surface(size, pygame.SRCALPHA)
        if layer.kind == "tile":
            animated += _draw_tiles(tmap, images, layer, canvas, over)
        elif layer.kind == "image" and layer.image_path is not None:
            picture = load_picture(layer.image_path, tmap.root, tmap.name, layer.line,
                                   os.path.relpath(layer.image_path, tmap.file.parent))
            canvas.blit(picture, layer.offset)
        elif layer.kind == "object":
            for obj in tmap.objects:
                if obj.layer == layer.index and obj.gid and obj.visible and obj.name not in skip_objects:
                    _draw_tile_object(images, obj, layer.offset, canvas)
        if canvas is not target:
            canvas.set_alpha(round(255 * layer.opacity))
            target.blit(canvas, (0, 0))
    if zoomed != size:
        below = pygame.transform.scale(below, zoomed)
        above = pygame.transform.scale(above, zoomed) if above is not None else None
        animated = [tile._replace(frames=[(_scaled(p, zoom), d) for p, d in tile.frames]) for tile in animated]
    return MapPictures(below, above, animated)


def _scaled(picture: pygame.Surface, zoom: float) -> pygame.Surface:
    return pygame.transform.scale(picture, (max(round(picture.get_width() * zoom), 1),
                                            max(round(picture.get_height() * zoom), 1)))


def _draw_tiles(tmap: TiledMap, images: TileImages, layer: Layer, target: pygame.Surface,
                over: bool) -> list[AnimatedTile]:
    tw, th = tmap.tile_width, tmap.tile_height
    ox, oy = layer.offset
    animated = []
    for y, row in enumerate(tmap.cells[layer.index]):
        if not any(row):
            continue
        for x, raw in enumerate(row):
            image = images.of(raw) if raw else None
            if image is None:
                continue
            tileset = tmap.tileset_of(raw)
            sx, sy = tileset.offset if tileset is not None else (0, 0)
            left, top = round(x * tw + sx + ox), round((y + 1) * th - image.get_height() + sy + oy)
            target.blit(image, (left, top))
            frames = tmap.animation_of(raw)
            if frames:
                pictures = [(picture, f.duration) for f in frames if (picture := images.of(f.gid)) is not None]
                if pictures:
                    animated.append(AnimatedTile(over, left, top, pictures, sum(d for _, d in pictures) or 1))
    return animated


def _draw_tile_object(images: TileImages, obj: MapObject, offset: tuple[float, float], target: pygame.Surface) -> None:
    image = images.of(obj.gid)
    if image is None:
        return
    size = check_picture(obj.width, obj.height, f"the tile object {obj.name[:40]!r} (line {obj.line})")
    if image.get_size() != size:
        smooth = image.get_bitsize() >= 24  # smoothscale takes 24- and 32-bit pictures only
        image = pygame.transform.smoothscale(image, size) if smooth else pygame.transform.scale(image, size)
    target.blit(image, (obj.x + offset[0], obj.y + offset[1]))


__all__ = ["AnimatedTile", "DrawError", "MapFormatError", "MapPictures", "check_picture", "draw_map", "is_above"]
