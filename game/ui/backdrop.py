"""The glass behind full-screen menus: the screen under them, blurred and darkened; and the shade.

Both are made once per window size, not per frame.
"""

from __future__ import annotations

import pygame

from .resources import Resources
from .screens.base import Screen

SHADE = (5, 6, 12, 160)
DARK = (11, 13, 26)

def shade(resources: Resources, size: tuple[int, int], color: tuple[int, int, int, int] = SHADE) -> pygame.Surface:
    """A translucent full-screen darkening layer, made once per window size (kept by ``resources``)."""

    def make() -> pygame.Surface:
        surface = pygame.Surface(size, pygame.SRCALPHA)
        surface.fill(color)
        return surface

    return resources.piece(("shade", size, color), make)


class Backdrop:
    """The glass behind a full-screen menu: the game (or title) under it, blurred and darkened, made once.

    Only the opaque screen under the menus is drawn (not the menus between), so a
    save screen opened from the game menu shows the game, not the menu.  Call
    ``invalidate`` when that screen changes (a new language, text size...).
    """

    def __init__(self, screen: Screen, darken: float = 0.36) -> None:
        self.screen = screen
        self.darken = darken
        self._surface: pygame.Surface | None = None

    def invalidate(self) -> None:
        self._surface = None

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        if self._surface is None or self._surface.get_size() != size:
            self._surface = self.render(size)
        surface.blit(self._surface, (0, 0))

    def render(self, size: tuple[int, int]) -> pygame.Surface:
        below = self.screen.ctx.nav.below(self.screen)
        base = next((s for s in reversed(below) if s.opaque), None)
        canvas = pygame.Surface(size)
        canvas.fill(DARK)
        if base is not None:
            base.draw(canvas)
        w, h = size
        blurred = canvas
        for step in ((w // 4, h // 4), (w // 12, h // 12), (w // 28, h // 28),  # a strong, soft blur
                     (w // 12, h // 12), (w // 4, h // 4), (w, h)):
            blurred = pygame.transform.smoothscale(blurred, (max(1, step[0]), max(1, step[1])))
        level = round(255 * self.darken)
        blurred.fill((level, level, min(255, level + 8)), special_flags=pygame.BLEND_MULT)
        return blurred
