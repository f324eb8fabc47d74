"""The screen protocol: a stack of screens, each handling input, updating and drawing itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..input import Input

if TYPE_CHECKING:
    from ..app import Context


class Screen:
    """One screen on the stack.  ``opaque`` screens hide everything below them."""

    opaque = True
    paints_all = False  # True if draw() covers every pixel, so the frame need not be cleared first
    frame_rate = 60  # frames a second while animating; slow ambient motion can ask for fewer

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def handle(self, inp: Input) -> None:
        """React to one input (only the top screen gets input)."""

    def update(self, dt: float) -> None:
        """Advance animations and timers by ``dt`` seconds (only the top screen is updated)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw onto the viewport surface (logical coordinates through ``ctx.view``)."""

    def animating(self) -> bool:
        """True while something moves, so the loop must keep drawing frames."""
        return False

    def resume(self) -> None:
        """Called when the screen above this one was closed."""
