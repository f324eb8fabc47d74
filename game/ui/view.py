"""The logical 1280x720 canvas, letterboxed into a window of any size.

Screens draw in logical coordinates; the View turns them into pixels of the
viewport at the window's scale, so text is rendered at its real pixel size
(crisp at any window size) and images are scaled once per size, never per frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.layout import HEIGHT, WIDTH

__all__ = ["HEIGHT", "WIDTH", "View"]


@dataclass
class View:
    window_size: tuple[int, int] = (WIDTH, HEIGHT)

    @property
    def scale(self) -> float:
        w, h = self.window_size
        return min(w / WIDTH, h / HEIGHT)

    @property
    def viewport(self) -> pygame.Rect:
        s = self.scale
        vw, vh = round(WIDTH * s), round(HEIGHT * s)
        w, h = self.window_size
        return pygame.Rect((w - vw) // 2, (h - vh) // 2, vw, vh)

    def px(self, value: float) -> int:
        """A logical length in pixels."""
        return round(value * self.scale)

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A logical rectangle in viewport pixels."""
        s = self.scale
        return pygame.Rect(round(x * s), round(y * s), round(w * s), round(h * s))

    def point(self, x: float, y: float) -> tuple[int, int]:
        s = self.scale
        return round(x * s), round(y * s)

    def to_logical(self, pos: tuple[int, int]) -> tuple[float, float]:
        """A window pixel position (a mouse position) in logical coordinates."""
        vp = self.viewport
        s = self.scale
        return (pos[0] - vp.x) / s, (pos[1] - vp.y) / s
