"""Drawing the phone: the message exchange of a delay block as chat bubbles in the phone frame.

While a message is in flight (the story's ``transmit`` / ``elapse`` steps), a
strip at the top of the phone's screen shows where it is: a dot travelling
between Mars and Earth and the light-minutes covered, then "arrived".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.layout import PHONE
from game.layout.wrap import wrap
from game.play.feed import Entry
from game.story.presentation import Signal
from game.typeset import Typeface

from .strings import tr
from .widgets import TEXT, TEXT_DIM, panel

if TYPE_CHECKING:
    from .context import Context

FRAME = PHONE  # logical: the phone beside the stage, above the text box
SCREEN_INSET = (18, 46, 18, 30)  # left, top, right, bottom inside the frame
FONT, SMALL = 15, 12
BLUE, AMBER = (154, 209, 255), (255, 194, 122)


def draw_phone(ctx: Context, surface: pygame.Surface, feed: list[Entry], clock: float = 0.0,
               signals: tuple[Signal, ...] = ()) -> None:
    view, res = ctx.view, ctx.resources
    frame = view.rect(*FRAME)
    if res.exists("ui", "phone"):
        surface.blit(res.image("ui", "phone", frame.size), frame)
    else:
        surface.blit(panel(ctx, frame.size, 235), frame)
    left, top, right, bottom = SCREEN_INSET
    inner = pygame.Rect(frame.x + view.px(left), frame.y + view.px(top),
                        frame.w - view.px(left + right), frame.h - view.px(top + bottom))
    if signals:
        strip = draw_signals(ctx, surface, inner, clock, signals)
        inner = pygame.Rect(inner.x, strip.bottom + view.px(6), inner.w, inner.bottom - strip.bottom - view.px(6))
    font = res.font(view.px(FONT))
    small = res.font(view.px(SMALL))
    lang = ctx.language
    blocks: list[tuple[str, list[str], Typeface]] = []
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


def signal_label(signal: Signal, clock: float, lang: str) -> str:
    """"▲ to Earth · 4.0 / 11.2 light-min", or "✓ to Earth · arrived" once the light time has passed."""
    mark = "▲" if signal.to == "earth" else "▼"
    where = tr(f"signal_to_{signal.to}", lang)
    if signal.arrived(clock):
        return f"✓ {where} · {tr('signal_arrived', lang)}"
    return f"{mark} {where} · {signal.travelled(clock):.1f} / {signal.minutes:.1f} {tr('light_minutes', lang)}"


def draw_signals(ctx: Context, surface: pygame.Surface, inner: pygame.Rect, clock: float,
                 signals: tuple[Signal, ...]) -> pygame.Rect:
    """One row per message in flight (the last three); returns the strip's rectangle."""
    view, res = ctx.view, ctx.resources
    row_h = view.px(30)
    shown = signals[-3:]
    strip = pygame.Rect(inner.x, inner.y, inner.w, row_h * len(shown) + view.px(4))
    pygame.draw.rect(surface, (17, 22, 40), strip, border_radius=view.px(8))
    for i, signal in enumerate(shown):
        y = strip.y + view.px(4) + i * row_h
        label = res.text(signal_label(signal, clock, ctx.language), view.px(SMALL), TEXT if not signal.arrived(clock)
                         else TEXT_DIM)
        surface.blit(label, (strip.x + view.px(8), y))
        track = pygame.Rect(strip.x + view.px(8), y + view.px(19), strip.w - view.px(16), view.px(3))
        pygame.draw.rect(surface, (60, 68, 96), track, border_radius=2)
        done = signal.travelled(clock) / max(signal.minutes, 0.01)
        start, end = (track.left, track.right) if signal.to == "earth" else (track.right, track.left)
        x = round(start + (end - start) * done)
        pygame.draw.circle(surface, BLUE if signal.to == "earth" else AMBER, (x, track.centery), view.px(4))
    return strip
