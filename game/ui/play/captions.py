"""Captions of sounds and music: "[shop bell rings]", "[music: Seoul Night]", at the top of the stage.

The story declares a caption per sound and per music track (``captions:`` in
story.yaml); when one plays and the player has captions on, its caption shows
in a pill for a few seconds, and self-voicing says it.  Sounds that start
together (a track and a door bell on one step) are shown together, one pill
under the other, the oldest first; at most ``SHOWN`` at once.  The pill's size follows the player's text size; the
checker's text fit proves each caption fits it (``game.layout``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.layout import CAPTION_PADDING, CAPTION_WIDTH, CAPTION_Y, WIDTH, caption_px
from game.story import model as m

from ..widgets import TEXT, panel

if TYPE_CHECKING:
    from ..context import Context

SECONDS = 3.5  # how long a caption stays
SHOWN = 3  # captions on screen at once (a fourth pushes out the oldest)
GAP = 6  # logical pixels between two pills
FADE = 0.4  # its last part fades (not with reduced motion)


@dataclass
class Shown:
    text: m.Text
    left: float  # seconds still to show
    serial: int  # counts every caption shown (the accessible tree's key: a repeated sound is news again)


class Captions:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.entries: list[Shown] = []
        self.serial = 0

    def show(self, caption: m.Text | None) -> None:
        """A sound started: show its caption (when the story has one and the player wants captions)."""
        if caption is None or not self.ctx.settings.captions:
            return
        self.serial += 1
        self.entries = [*self.entries, Shown(caption, SECONDS, self.serial)][-SHOWN:]

    def shown(self) -> list[tuple[int, str]]:
        """(serial, text in the player's language) of each caption on screen, the oldest first."""
        return [(e.serial, e.text.get(self.ctx.language)) for e in self.entries]

    def current(self) -> str:
        """The newest caption on screen, in the player's language ("" for none)."""
        return self.entries[-1].text.get(self.ctx.language) if self.entries else ""

    def update(self, dt: float) -> None:
        for entry in self.entries:
            entry.left = max(0.0, entry.left - dt)
        self.entries = [e for e in self.entries if e.left > 0]

    def animating(self) -> bool:
        return bool(self.entries)

    def draw(self, surface: pygame.Surface) -> None:
        y = float(CAPTION_Y)
        for entry in self.entries:
            y = self.draw_one(surface, entry, y)

    def draw_one(self, surface: pygame.Surface, entry: Shown, y: float) -> float:
        """One pill with its top at logical ``y``; the logical ``y`` under it for the next."""
        view, res = self.ctx.view, self.ctx.resources
        label = res.text(entry.text.get(self.ctx.language), view.px(caption_px(self.ctx.settings.text_size)), TEXT)
        width = min(view.px(CAPTION_WIDTH), label.get_width() + view.px(2 * CAPTION_PADDING))
        box = pygame.Rect(0, 0, width, label.get_height() + view.px(14))
        box.midtop = view.point(WIDTH / 2, y)
        fading = not self.ctx.settings.reduce_motion and entry.left < FADE
        level = entry.left / FADE if fading else 1.0
        pill = panel(self.ctx, box.size, 225)
        if level < 1.0:
            pill = pill.copy()
            pill.set_alpha(round(255 * level))
            label = label.copy()
            label.set_alpha(round(255 * level))
        surface.blit(pill, box)
        surface.blit(label, label.get_rect(center=box.center))
        return y + box.height / view.scale + GAP
