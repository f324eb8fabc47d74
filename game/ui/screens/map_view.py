"""The map's picture on screen: drawn once at its own size, only the part in view scaled each frame.

The layers are drawn once at zoom 1 by ``game.world.draw`` (so a large map
costs its own size in memory, whatever the window's size).  Each frame the
camera's view of the layers under the walkers is cut out and scaled to the
window in one call, into a surface kept from frame to frame; the layers over the
walkers (awnings, roofs) are mostly empty, so they are kept as the non-empty
pieces of a grid and only pieces in view are scaled (and kept, a bounded few).
Animated tiles and the walkers' frames are scaled once per zoom and kept.
Scaling is nearest-neighbour: the tiles are pixel art.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

import pygame

from game.world.draw import AnimatedTile, draw_map
from game.world.walkers import Walker

if TYPE_CHECKING:
    from game.world.tiled import TiledMap

    from ..resources import Resources

BACKGROUND = (11, 13, 26)
PIECE = 128  # map pixels: the grid the layers over the walkers and the animated tiles are kept in
KEPT_PIECES = 32  # scaled pieces kept (more than a 1080p view shows at once)
KEPT_FRAMES = 512  # scaled animation frames kept
FRAME_W, FRAME_H = 32, 48  # a walker's frame in its sheet: four columns of steps, rows down, left, right, up
DIRECTIONS = {"down": 0, "left": 1, "right": 2, "up": 3}
Camera = tuple[float, float]  # the map pixel at the view's top-left corner


class MapView:
    """One map's pictures at zoom 1 and what is needed to show any part of them at any zoom."""

    def __init__(self, tmap: TiledMap, skip_objects: Collection[str] = ()) -> None:
        pictures = draw_map(tmap, tmap.load_images(), zoom=1.0, split=True, skip_objects=skip_objects)
        display = pygame.display.get_surface() is not None
        self.below = pictures.below.convert() if display else pictures.below  # opaque: the fastest to scale
        self.size = tmap.pixel_size
        self.above: dict[tuple[int, int], tuple[pygame.Rect, pygame.Surface]] = {}
        if pictures.above is not None:
            self.above = dict(_pieces(pictures.above))
        self.animated: dict[tuple[int, int], list[AnimatedTile]] = {}
        for tile in pictures.animated:
            self.animated.setdefault((tile.x // PIECE, tile.y // PIECE), []).append(tile)
        self.zoom = 0.0
        self.view: pygame.Surface | None = None  # the scaled view of the layers below, reused
        self.scaled_pieces: OrderedDict[tuple[int, int], pygame.Surface] = OrderedDict()
        self.scaled_frames: OrderedDict[int, pygame.Surface] = OrderedDict()
        self.walker_frames: dict[tuple[str, int, int], pygame.Surface] = {}

    def camera(self, focus: tuple[float, float], view_w: float, view_h: float) -> Camera:
        """The view of ``view_w`` x ``view_h`` map pixels following ``focus`` (centred when the map is smaller)."""
        mw, mh = self.size
        fx, fy = focus
        cx = (mw - view_w) / 2 if mw <= view_w else min(max(fx - view_w / 2, 0), mw - view_w)
        cy = (mh - view_h) / 2 if mh <= view_h else min(max(fy - view_h / 2, 0), mh - view_h)
        return cx, cy

    def set_zoom(self, zoom: float) -> None:
        if zoom != self.zoom:
            self.zoom = zoom
            self.view = None
            self.scaled_pieces.clear()
            self.scaled_frames.clear()
            self.walker_frames.clear()

    # --- the layers ---

    def draw_below(self, surface: pygame.Surface, rect: pygame.Rect, camera: Camera) -> None:
        """The layers under the walkers, the camera's view of them scaled into ``rect`` (window pixels)."""
        z = self.zoom
        cx, cy = camera
        mw, mh = self.size
        x0, y0 = max(math.floor(cx), 0), max(math.floor(cy), 0)
        x1, y1 = min(math.ceil(cx + rect.width / z), mw), min(math.ceil(cy + rect.height / z), mh)
        if x1 <= x0 or y1 <= y0:
            surface.fill(BACKGROUND, rect)
            return
        left, top = rect.x + round((x0 - cx) * z), rect.y + round((y0 - cy) * z)
        size = (round((x1 - x0) * z), round((y1 - y0) * z))
        if left > rect.x or top > rect.y or left + size[0] < rect.right or top + size[1] < rect.bottom:
            surface.fill(BACKGROUND, rect)  # the map is smaller than the view: around it, the night
        if self.view is None or self.view.get_size() != size:
            self.view = pygame.Surface(size, 0, self.below)
        pygame.transform.scale(self.below.subsurface((x0, y0, x1 - x0, y1 - y0)), size, self.view)
        surface.blit(self.view, (left, top))

    def draw_above(self, surface: pygame.Surface, rect: pygame.Rect, camera: Camera) -> None:
        """The non-empty pieces of the layers over the walkers that are in view."""
        z = self.zoom
        for key in self._in_view(rect, camera):
            found = self.above.get(key)
            if found is None:
                continue
            where, picture = found
            scaled = self.scaled_pieces.get(key)
            if scaled is None:
                scaled = pygame.transform.scale(picture, (max(round(where.width * z), 1), max(round(where.height * z), 1)))
                self.scaled_pieces[key] = scaled
                if len(self.scaled_pieces) > KEPT_PIECES:
                    self.scaled_pieces.popitem(last=False)
            else:
                self.scaled_pieces.move_to_end(key)
            surface.blit(scaled, self.to_window(rect, camera, where.x, where.y))

    def draw_animated(self, surface: pygame.Surface, rect: pygame.Rect, camera: Camera, over: bool, now_ms: int) -> None:
        """The animated tiles in view (those under the walkers, or those over them), at ``now_ms``."""
        for key in self._in_view(rect, camera):
            for tile in self.animated.get(key, ()):
                if tile.above == over and tile.frames:
                    picture = self._scaled_frame(_frame_at(tile.frames, now_ms % tile.total))
                    surface.blit(picture, self.to_window(rect, camera, tile.x, tile.y))

    def to_window(self, rect: pygame.Rect, camera: Camera, x: float, y: float) -> tuple[int, int]:
        """Where a map pixel is drawn, in window pixels."""
        return rect.x + round((x - camera[0]) * self.zoom), rect.y + round((y - camera[1]) * self.zoom)

    def to_map(self, rect: pygame.Rect, camera: Camera, x: float, y: float) -> tuple[float, float]:
        """The map pixel at a window pixel."""
        return camera[0] + (x - rect.x) / self.zoom, camera[1] + (y - rect.y) / self.zoom

    def _in_view(self, rect: pygame.Rect, camera: Camera) -> Iterator[tuple[int, int]]:
        cx, cy = camera
        # an animated tile is kept in the piece of its top-left corner and may reach into the next one
        for py in range(math.floor(cy / PIECE) - 1, math.floor((cy + rect.height / self.zoom) / PIECE) + 1):
            for px in range(math.floor(cx / PIECE) - 1, math.floor((cx + rect.width / self.zoom) / PIECE) + 1):
                yield px, py

    def _scaled_frame(self, picture: pygame.Surface) -> pygame.Surface:
        key = id(picture)  # the frames are the tile pictures the map keeps: one object per tile
        scaled = self.scaled_frames.get(key)
        if scaled is None:
            scaled = _scaled(picture, self.zoom)
            self.scaled_frames[key] = scaled
            if len(self.scaled_frames) > KEPT_FRAMES:
                self.scaled_frames.popitem(last=False)
        return scaled

    # --- the walkers ---

    def draw_walker(self, surface: pygame.Surface, rect: pygame.Rect, camera: Camera, walker: Walker,
                    resources: Resources) -> None:
        """A walker's frame standing on its feet, or a round marker when its sprite sheet is missing."""
        name = f"sprites/{walker.sprite}"
        feet = self.to_window(rect, camera, walker.x, walker.y)
        if not resources.exists("image", name):
            pygame.draw.circle(surface, (255, 194, 122), (feet[0], feet[1] - round(12 * self.zoom)), round(5 * self.zoom))
            return
        column = int(walker.phase) % 4 if walker.moving else 0
        row = DIRECTIONS.get(walker.facing, 0)
        key = (walker.sprite, column, row)
        frame = self.walker_frames.get(key)
        if frame is None:
            sheet = resources.image("image", name)
            cut = pygame.Rect(column * FRAME_W, row * FRAME_H, FRAME_W, FRAME_H).clip(sheet.get_rect())
            frame = _scaled(sheet.subsurface(cut), self.zoom)
            self.walker_frames[key] = frame
        surface.blit(frame, (feet[0] - round(FRAME_W / 2 * self.zoom), feet[1] - round(FRAME_H * self.zoom)))


def _pieces(picture: pygame.Surface) -> Iterator[tuple[tuple[int, int], tuple[pygame.Rect, pygame.Surface]]]:
    """The non-empty parts of a transparent picture, one per square of the grid, cropped to what they hold."""
    width, height = picture.get_size()
    for top in range(0, height, PIECE):
        for left in range(0, width, PIECE):
            square = pygame.Rect(left, top, min(PIECE, width - left), min(PIECE, height - top))
            held = picture.subsurface(square).get_bounding_rect()
            if held.width and held.height:
                where = held.move(left, top)
                yield (left // PIECE, top // PIECE), (where, picture.subsurface(where).copy())


def _scaled(picture: pygame.Surface, zoom: float) -> pygame.Surface:
    return pygame.transform.scale(picture, (max(round(picture.get_width() * zoom), 1),
                                            max(round(picture.get_height() * zoom), 1)))


def _frame_at(frames: list[tuple[pygame.Surface, int]], t: int) -> pygame.Surface:
    """The frame of an animation shown ``t`` milliseconds into its cycle."""
    for picture, duration in frames:
        if t < duration:
            return picture
        t -= duration
    return frames[-1][0]
