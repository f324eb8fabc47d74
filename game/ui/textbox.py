"""The text box: the speaker's name plate, the line typed out, and the "go on" indicator.

A line is wrapped once (per language, text size and window size) and each
wrapped row rendered once; the typewriter then only changes how much of each
row is blitted, so typing costs a few blits a frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.layout import PADDING_TOP, PADDING_X, TEXT_WIDTH, box_rect, box_text_px, row_step
from game.layout import wrap as textlayout
from game.typeset import Typeface

from .widgets import READ_TEXT, TEXT, hex_color, panel

if TYPE_CHECKING:
    from .context import Context

def text_size(ctx: Context) -> int:
    return box_text_px(ctx.settings.text_size)


def box_of(ctx: Context) -> tuple[float, float, float, float]:
    """The text box (logical) at the player's text size and line spacing: taller for large or loose text."""
    return box_rect(text_size(ctx), ctx.settings.line_spacing)


def wrap_with_font(font: Typeface | pygame.font.Font, text: str, width: int) -> list[str]:
    """The rows of ``text`` laid out ``width`` pixels wide with ``font``.

    Needs no window: only a font (``pygame.font.init()`` is enough), so the headless
    text-fit check (game/check/textfit.py) lays lines out exactly as the box does.
    """
    return textlayout.wrap(text, lambda s: font.size(s)[0], width)


def wrap_for_box(ctx: Context, text: str, size: int | None = None) -> list[str]:
    """The rows of ``text`` as the text box lays them out at the window's scale."""
    size = size or text_size(ctx)
    return wrap_with_font(ctx.resources.font(ctx.view.px(size)), text, ctx.view.px(TEXT_WIDTH))


class TextBox:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ""
        self.speaker_name: str | None = None
        self.speaker_color = (255, 255, 255)
        self.rows: list[str] = []
        self.shown = 0.0
        self._layout_key: tuple[object, ...] = ()
        self.clock = 0.0
        self.read = False  # read in an earlier playthrough (drawn in READ_TEXT when the player asks for it)

    def set_line(self, text: str, speaker_name: str | None, color: str | None, complete: bool,
                 read: bool = False) -> None:
        self.text = text
        self.read = read
        self.speaker_name = speaker_name
        self.speaker_color = hex_color(color) if color else (255, 255, 255)
        self._layout_key = ()
        self.layout()
        self.shown = float(self.total) if complete or self.ctx.settings.reduce_motion else 0.0

    def layout(self) -> None:
        key = (self.text, self.ctx.settings.text_size, self.ctx.view.scale, self.ctx.settings.latin_font)
        if key != self._layout_key:
            self._layout_key = key
            self.rows = wrap_for_box(self.ctx, self.text)

    @property
    def total(self) -> int:
        return textlayout.total_chars(self.rows)

    @property
    def complete(self) -> bool:
        return self.shown >= self.total

    def finish(self) -> None:
        self.shown = float(self.total)

    def update(self, dt: float) -> None:
        self.clock += dt
        speed = 0 if self.ctx.settings.reduce_motion else self.ctx.settings.text_speed  # no typewriter
        if not self.complete:
            self.shown = float(self.total) if speed <= 0 else min(float(self.total), self.shown + speed * dt)

    def draw(self, surface: pygame.Surface, indicator: bool = True) -> None:
        """The box, its name plate and the text shown so far; ``indicator``: the "go on" mark once complete."""
        view, res = self.ctx.view, self.ctx.resources
        self.layout()
        box = view.rect(*box_of(self.ctx))
        alpha = 245 if self.ctx.settings.high_contrast else 210
        if res.exists("ui", "textbox") and not self.ctx.settings.high_contrast:
            surface.blit(res.image("ui", "textbox", box.size), box)
        else:
            surface.blit(panel(self.ctx, box.size, alpha), box)
        if self.speaker_name:
            self.draw_name(surface, box)
        size = view.px(text_size(self.ctx))
        step = view.px(row_step(text_size(self.ctx), self.ctx.settings.line_spacing))
        x, y = box.x + view.px(PADDING_X), box.y + view.px(PADDING_TOP)
        left = int(self.shown)
        color = READ_TEXT if self.read and self.ctx.settings.read_text_color else TEXT
        for row in self.rows:
            if left <= 0:
                break
            rendered = res.text(row, size, color)
            if left >= len(row):
                surface.blit(rendered, (x, y))
            else:
                width = res.font(size).size(row[:left])[0]
                surface.blit(rendered, (x, y), pygame.Rect(0, 0, width, rendered.get_height()))
            left -= len(row)
            y += step
        if indicator and self.complete and self.text:
            self.draw_indicator(surface, box)

    def draw_name(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        view, res = self.ctx.view, self.ctx.resources
        label = res.text(self.speaker_name or "", view.px(24), (20, 22, 34), bold=True)
        plate = pygame.Rect(0, 0, max(view.px(150), label.get_width() + view.px(48)), view.px(44))
        plate.bottomleft = (box.x + view.px(30), box.y + view.px(14))
        if res.exists("ui", "nameplate"):
            picture = res.image("ui", "nameplate", plate.size).copy()
            picture.fill((*self.speaker_color, 255), special_flags=pygame.BLEND_RGBA_MULT)
            surface.blit(picture, plate)
        else:
            pygame.draw.rect(surface, self.speaker_color, plate, border_radius=plate.h // 2)
        surface.blit(label, label.get_rect(center=plate.center))

    def draw_indicator(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        view = self.ctx.view
        cx, cy = box.right - view.px(40), box.bottom - view.px(30)
        s = view.px(8)
        pygame.draw.polygon(surface, TEXT, [(cx - s, cy - s * 0.6), (cx + s, cy - s * 0.6), (cx, cy + s * 0.6)])
