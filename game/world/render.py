"""Drawing a whole map into one picture: a preview for writers and tests, not the walking view.

The layers are drawn by the map screen's own drawing code (``game.world.draw``,
the same pixel cap), then every object's shape is outlined (hotspots yellow,
collision objects red, others cyan) and blocked tiles are tinted red.  Only
orthogonal maps are drawn.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.story.tiled import MapFormatError

from .draw import DrawError, draw_map
from .tiled import MapObject, TiledMap

HOTSPOT = (255, 214, 0)
BLOCKING = (255, 64, 64)
OTHER = (0, 200, 255)
BLOCKED_TINT = (255, 0, 0, 64)
BACKGROUND = (40, 40, 48)
RenderError = DrawError


def ensure_display() -> None:
    """pygame needs a display mode to convert images: without one, use SDL's dummy driver."""
    if pygame.display.get_surface() is None:
        if not pygame.display.get_init():
            os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
            pygame.display.init()
        pygame.display.set_mode((1, 1))


def render_surface(tmap: TiledMap) -> pygame.Surface:
    """The whole map as a pygame Surface of ``tmap.pixel_size``; RenderError when it cannot be drawn."""
    ensure_display()
    try:
        surface = draw_map(tmap, tmap.load_images(), background=_color(tmap.background) or BACKGROUND).below
    except MapFormatError as exc:
        raise RenderError(f"not drawn: {exc}") from None
    _draw_collision(tmap, surface)
    for obj in tmap.objects:
        _outline(obj, tmap.layers[obj.layer].offset, surface)
    return surface


def render_png(tmap: TiledMap, path: Path) -> tuple[int, int]:
    """Draw the map into a PNG file; return its size in pixels."""
    surface = render_surface(tmap)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
    except (pygame.error, OSError) as exc:
        raise RenderError(f"cannot write {path}: {exc}") from None
    size: tuple[int, int] = surface.get_size()
    return size


def _draw_collision(tmap: TiledMap, surface: pygame.Surface) -> None:
    tint = pygame.Surface((tmap.tile_width, tmap.tile_height), pygame.SRCALPHA)
    tint.fill(BLOCKED_TINT)
    for y, row in enumerate(tmap.collision):
        if not any(row):
            continue
        for x, blocked in enumerate(row):
            if blocked:
                surface.blit(tint, (x * tmap.tile_width, y * tmap.tile_height))


def _outline(obj: MapObject, offset: tuple[float, float], surface: pygame.Surface) -> None:
    color = HOTSPOT if obj.action else BLOCKING if obj.blocks else OTHER
    x, y = obj.x + offset[0], obj.y + offset[1]
    limit = max(surface.get_size()) * 2  # an outline far larger than the picture is clipped, never allocated
    if obj.shape in ("polygon", "polyline") and len(obj.points) >= 2:
        points = [(_clamp(px + offset[0], limit), _clamp(py + offset[1], limit)) for px, py in obj.points]
        pygame.draw.lines(surface, color, obj.shape == "polygon", points, 2)
    elif obj.shape == "point" or (obj.width <= 0 and obj.height <= 0):
        pygame.draw.circle(surface, color, (round(_clamp(x, limit)), round(_clamp(y, limit))), 4, 2)
    else:
        left, top = _clamp(x, limit), _clamp(y, limit)
        rect = pygame.Rect(round(left), round(top), max(round(_clamp(x + obj.width, limit) - left), 2),
                           max(round(_clamp(y + obj.height, limit) - top), 2))
        if obj.shape == "ellipse":
            pygame.draw.ellipse(surface, color, rect, 2)
        else:
            pygame.draw.rect(surface, color, rect, 2)


def _clamp(value: float, limit: float) -> float:
    return min(max(value, -limit), limit)


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
