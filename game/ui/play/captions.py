"""Captions of sounds and music: "[shop bell rings]", "[music: Seoul Night]", at the top of the stage.

The story declares a caption per sound and per music track (``captions:`` in
story.yaml); when one plays and the player has captions on, its caption shows
in a pill for a few seconds (the newest replaces the one before), and
self-voicing says it.  The pill's size follows the player's text size; the
checker's text fit proves each caption fits it (``game.layout``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.layout import CAPTION_PADDING, CAPTION_WIDTH, CAPTION_Y, WIDTH, caption_px
from game.story import model as m

from ..widgets import TEXT, panel

if TYPE_CHECKING:
    from ..context import Context

SECONDS = 3.5  # how long a caption stays
FADE = 0.4  # its last part fades (not with reduced motion)


class Captions:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text: m.Text | None = None
        self.left = 0.0
        self.serial = 0

    def show(self, caption: m.Text | None) -> None:
        """A sound started: show its caption (when the story has one and the player wants captions)."""
        if caption is None or not self.ctx.settings.captions:
            return
        self.text = caption
        self.left = SECONDS
        self.serial += 1

    def current(self) -> str:
        """The caption on screen now, in the player's language ("" for none)."""
        return self.text.get(self.ctx.language) if self.text is not None and self.left > 0 else ""

    def update(self, dt: float) -> None:
        self.left = max(0.0, self.left - dt)

    def animating(self) -> bool:
        return self.left > 0

    def draw(self, surface: pygame.Surface) -> None:
        text = self.current()
        if not text:
            return
        view, res = self.ctx.view, self.ctx.resources
        label = res.text(text, view.px(caption_px(self.ctx.settings.text_size)), TEXT)
        width = min(view.px(CAPTION_WIDTH), label.get_width() + view.px(2 * CAPTION_PADDING))
        box = pygame.Rect(0, 0, width, label.get_height() + view.px(14))
        box.midtop = view.point(WIDTH / 2, CAPTION_Y)
        fading = not self.ctx.settings.reduce_motion and self.left < FADE
        level = self.left / FADE if fading else 1.0
        pill = panel(self.ctx, box.size, 225)
        if level < 1.0:
            pill = pill.copy()
            pill.set_alpha(round(255 * level))
            label = label.copy()
            label.set_alpha(round(255 * level))
        surface.blit(pill, box)
        surface.blit(label, label.get_rect(center=box.center))
