"""The screen protocol: each screen handles input, updates and draws itself; the navigator stacks them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..input import Input

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context


class Screen:
    """One screen on the stack.  ``opaque`` screens hide everything below them."""

    opaque = True
    paints_all = False  # True if draw() covers every pixel, so the frame need not be cleared first
    frame_rate = 60  # frames a second while animating; slow ambient motion can ask for fewer
    guards_quit = False  # True for a game in progress: closing the window asks first

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # --- life on the stack (called by the navigator) ---

    def enter(self) -> None:
        """The screen was placed on the stack (open what it opens here, never in the constructor)."""

    def pause(self) -> None:
        """Another screen was pushed over this one."""

    def resume(self) -> None:
        """The screen above this one was closed."""

    def leave(self) -> None:
        """The screen was taken off the stack."""

    def language_changed(self) -> None:
        """The player switched language: text drawn from cached layouts must be laid out again."""

    # --- the loop (only the top screen gets input and updates) ---

    def handle(self, inp: Input) -> None:
        """React to one input."""

    def update(self, dt: float) -> None:
        """Advance animations and timers by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw onto the viewport surface (logical coordinates through ``ctx.view``)."""

    def after_draw(self, surface: pygame.Surface) -> None:
        """After the frame is shown (the play screen takes its autosave's picture here)."""

    def animating(self) -> bool:
        """True while something moves, so the loop must keep drawing frames."""
        return False

    def access(self) -> Node | None:
        """What the screen shows, for self-voicing and screen readers (game.ui.access.tree); None: nothing."""
        return None
