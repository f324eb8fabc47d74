"""Drawing a whole map into one picture: a preview for writers and tests, not the walking view.

Tile layers and image layers are drawn in Tiled's order with their images
(loaded by pytmx's pygame image loader, flips and rotations included), tile
objects with their tile, every object's shape outlined (hotspots yellow,
collision objects red, others cyan) and blocked tiles tinted red.  Only
orthogonal maps are drawn.  pygame is needed here and only here in ``game.world``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .tiled import MapObject, TiledMap, TileImages

MAX_PIXELS = 50_000_000
HOTSPOT = (255, 214, 0)
BLOCKING = (255, 64, 64)
OTHER = (0, 200, 255)
BLOCKED_TINT = (255, 0, 0, 64)
BACKGROUND = (40, 40, 48)


class RenderError(Exception):
    """A map that cannot be drawn; ``str()`` is one line."""


def ensure_display() -> None:
    """pygame needs a display mode to convert images: without one, use SDL's dummy driver."""
    import pygame

    if pygame.display.get_surface() is None:
        if not pygame.display.get_init():
            os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
            pygame.display.init()
        pygame.display.set_mode((1, 1))


def render_surface(tmap: TiledMap) -> Any:
    """The whole map as a pygame Surface of ``tmap.pixel_size``."""
    if not tmap.supported:
        raise RenderError(f"not drawn: {tmap.orientation} maps are not supported by the game")
    width, height = tmap.pixel_size
    if width * height > MAX_PIXELS:
        raise RenderError(f"not drawn: {width} x {height} pixels is too large a picture")
    import pygame

    ensure_display()
    try:
        images = tmap.load_images()
    except (pygame.error, OSError, ValueError) as exc:
        raise RenderError(f"cannot load the map's images: {exc}") from None
    surface = pygame.Surface((max(width, 1), max(height, 1)), pygame.SRCALPHA)
    surface.fill(_color(tmap.background) or BACKGROUND)
    for layer in tmap.layers:
        if not layer.visible or layer.kind == "group":
            continue
        target = surface if layer.opacity >= 1 else pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        if layer.kind == "tile":
            _draw_tiles(tmap, images, layer.index, layer.offset, target)
        elif layer.kind == "image" and layer.image:
            try:
                picture = pygame.image.load(str(tmap.file.parent / layer.image))
            except (pygame.error, OSError) as exc:
                raise RenderError(f"cannot load the image layer {layer.name!r}: {exc}") from None
            target.blit(picture, layer.offset)
        elif layer.kind == "object":
            for obj in tmap.objects:
                if obj.layer == layer.index and obj.gid and obj.visible:
                    _draw_tile_object(images, obj, layer.offset, target)
        if target is not surface:
            target.set_alpha(round(255 * max(layer.opacity, 0.0)))
            surface.blit(target, (0, 0))
    _draw_collision(tmap, surface)
    for obj in tmap.objects:
        _outline(obj, tmap.layers[obj.layer].offset, surface)
    return surface


def render_png(tmap: TiledMap, path: Path) -> tuple[int, int]:
    """Draw the map into a PNG file; return its size in pixels."""
    import pygame

    surface = render_surface(tmap)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
    except (pygame.error, OSError) as exc:
        raise RenderError(f"cannot write {path}: {exc}") from None
    size: tuple[int, int] = surface.get_size()
    return size


def _draw_tiles(tmap: TiledMap, images: TileImages, index: int, offset: tuple[float, float], target: Any) -> None:
    tw, th = tmap.tile_width, tmap.tile_height
    for y, row in enumerate(tmap.cells[index]):
        for x, raw in enumerate(row):
            if not raw:
                continue
            image = images.at(index, x, y)
            if image is None:
                continue
            tileset = tmap.tileset_of(raw)
            ox, oy = tileset.offset if tileset is not None else (0, 0)
            # Tiles larger than the grid grow up and to the right from the cell's bottom-left corner.
            target.blit(image, (x * tw + ox + offset[0], (y + 1) * th - image.get_height() + oy + offset[1]))


def _draw_tile_object(images: TileImages, obj: MapObject, offset: tuple[float, float], target: Any) -> None:
    import pygame

    image = images.of(obj.gid)
    if image is None:
        return
    size = (max(round(obj.width), 1), max(round(obj.height), 1))
    if image.get_size() != size:
        image = pygame.transform.smoothscale(image.convert_alpha(), size)
    target.blit(image, (obj.x + offset[0], obj.y + offset[1]))


def _draw_collision(tmap: TiledMap, surface: Any) -> None:
    import pygame

    tint = pygame.Surface((tmap.tile_width, tmap.tile_height), pygame.SRCALPHA)
    tint.fill(BLOCKED_TINT)
    for y, row in enumerate(tmap.collision):
        for x, blocked in enumerate(row):
            if blocked:
                surface.blit(tint, (x * tmap.tile_width, y * tmap.tile_height))


def _outline(obj: MapObject, offset: tuple[float, float], surface: Any) -> None:
    import pygame

    color = HOTSPOT if obj.action else BLOCKING if obj.blocks else OTHER
    x, y = obj.x + offset[0], obj.y + offset[1]
    if obj.shape in ("polygon", "polyline") and len(obj.points) >= 2:
        points = [(px + offset[0], py + offset[1]) for px, py in obj.points]
        pygame.draw.lines(surface, color, obj.shape == "polygon", points, 2)
    elif obj.shape == "point" or (obj.width <= 0 and obj.height <= 0):
        pygame.draw.circle(surface, color, (round(x), round(y)), 4, 2)
    else:
        rect = pygame.Rect(round(x), round(y), max(round(obj.width), 2), max(round(obj.height), 2))
        if obj.shape == "ellipse":
            pygame.draw.ellipse(surface, color, rect, 2)
        else:
            pygame.draw.rect(surface, color, rect, 2)


def _color(text: str | None) -> tuple[int, int, int, int] | None:
    """A Tiled colour (#RRGGBB or #AARRGGBB)."""
    if not text:
        return None
    digits = text.lstrip("#")
    try:
        if len(digits) == 6:
            return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), 255
        if len(digits) == 8:
            return int(digits[2:4], 16), int(digits[4:6], 16), int(digits[6:8], 16), int(digits[0:2], 16)
    except ValueError:
        return None
    return None
