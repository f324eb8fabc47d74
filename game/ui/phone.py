"""Drawing the phone: the message exchange of a delay block as chat bubbles in the phone frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.layout.wrap import wrap
from game.play.feed import Entry

from .widgets import TEXT, TEXT_DIM, panel

if TYPE_CHECKING:
    from .context import Context

FRAME = (958, 24, 280, 440)  # logical: the phone beside the stage, above the text box
SCREEN_INSET = (18, 46, 18, 30)  # left, top, right, bottom inside the frame
FONT, SMALL = 15, 12
BLUE, AMBER = (154, 209, 255), (255, 194, 122)


def draw_phone(ctx: Context, surface: pygame.Surface, feed: list[Entry]) -> None:
    view, res = ctx.view, ctx.resources
    frame = view.rect(*FRAME)
    if res.exists("ui", "phone"):
        surface.blit(res.image("ui", "phone", frame.size), frame)
    else:
        surface.blit(panel(ctx, frame.size, 235), frame)
    left, top, right, bottom = SCREEN_INSET
    inner = pygame.Rect(frame.x + view.px(left), frame.y + view.px(top),
                        frame.w - view.px(left + right), frame.h - view.px(top + bottom))
    font = res.font(view.px(FONT))
    small = res.font(view.px(SMALL))
    lang = ctx.language
    blocks: list[tuple[str, list[str], pygame.font.Font]] = []
    for entry in feed:
        text = entry.line.text.get(lang)
        if entry.kind in ("header", "status", "incoming"):
            blocks.append((entry.kind, wrap(text.strip("[] "), lambda s: small.size(s)[0], inner.w - view.px(8)),
                           small))
        else:
            width = int(inner.w * 0.78)
            blocks.append((entry.kind, wrap(text, lambda s: font.size(s)[0], width - view.px(16)), font))
    # lay out from the bottom up, newest last, and keep what fits
    y = inner.bottom - view.px(6)
    clip = surface.get_clip()
    surface.set_clip(inner)
    for kind, rows, face in reversed(blocks):
        step = face.get_linesize()
        height = step * len(rows) + (view.px(12) if kind in ("sent", "received") else view.px(4))
        y -= height
        if y + height < inner.top:
            break
        if kind in ("sent", "received"):
            width = max(face.size(r)[0] for r in rows) + view.px(16)
            x = inner.right - width - view.px(4) if kind == "sent" else inner.x + view.px(4)
            bubble = pygame.Rect(x, y, width, height)
            colour = BLUE if kind == "sent" else AMBER
            pygame.draw.rect(surface, (*colour, 255), bubble, border_radius=view.px(10))
            for i, row in enumerate(rows):
                surface.blit(res.text(row, view.px(FONT), (20, 22, 34)),
                             (bubble.x + view.px(8), bubble.y + view.px(6) + i * step))
        else:
            colour = TEXT if kind == "header" else TEXT_DIM
            for i, row in enumerate(rows):
                label = res.text(row, view.px(SMALL), colour)
                surface.blit(label, label.get_rect(midtop=(inner.centerx, y + i * step)))
        y -= view.px(8)
    surface.set_clip(clip)
