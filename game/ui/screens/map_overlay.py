"""What the map screen draws around and over the map: the frame, the marks on usable hotspots, the prompt.

The map is pixel art and the story's pictures are flat vector art; the map is
shown as a deliberate inset, a window in the interface's night glass (a frame
with rounded inner corners, the place's name above, the controls below), so
that the change of style reads as a change of mode.  The frame is opaque bands
and four small corner pieces (no full-screen alpha blit).  Usable hotspots wear
a small four-point star, the interface's own mark, that bobs and breathes; the
one the player can use now shows a prompt naming its button on the device in
use ("Enter · Eunha Sound", "Ⓐ · 도리").
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.layout import HEIGHT, MAP_PROMPT_FONT_SIZE, WIDTH

from ..strings import tr
from ..widgets import AMBER, GLASS, TEXT, TEXT_DIM, blit_faded, panel

if TYPE_CHECKING:
    from ..context import Context

SIDE, TOP, BOTTOM = 14, 46, 38  # logical pixels of frame around the map
VIEW = (SIDE, TOP, WIDTH - 2 * SIDE, HEIGHT - TOP - BOTTOM)  # the map's window, logical
RADIUS = 14  # the window's inner corners
BORDER = tuple(round(g + (t - g) * 0.18) for g, t in zip(GLASS, TEXT))  # the panels' 18 % light line, on glass
STAR = 11  # logical pixels: the mark's radius
DEVICES = ("keyboard", "pad", "mouse")


def key_name(device: str, lang: str) -> str:
    """The name of the button that uses a hotspot, on ``device``."""
    return tr(f"map_key_{device if device in DEVICES else 'keyboard'}", lang)


def prompt_text(device: str, lang: str, label: str) -> str:
    return tr("map_prompt", lang).format(key=key_name(device, lang), label=label)


class Overlay:
    """The frame and the marks, with their pictures made once per window size."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.scale = 0.0
        self.corners: list[pygame.Surface] = []
        self.star: pygame.Surface | None = None

    def view_rect(self) -> pygame.Rect:
        """The map's window in viewport pixels."""
        return self.ctx.view.rect(*VIEW)

    def _refresh(self) -> None:
        scale = self.ctx.view.scale
        if scale != self.scale:
            self.scale = scale
            self.corners = _corners(self.ctx.view.px(RADIUS))
            self.star = _star(self.ctx.view.px(STAR))

    # --- the frame ---

    def draw_frame(self, surface: pygame.Surface, title: str | None, device: str) -> None:
        self._refresh()
        view, res, lang = self.ctx.view, self.ctx.resources, self.ctx.language
        inner = self.view_rect()
        outer = surface.get_rect()
        for band in (pygame.Rect(0, 0, outer.width, inner.top), pygame.Rect(0, inner.bottom, outer.width, outer.height - inner.bottom),
                     pygame.Rect(0, inner.top, inner.left, inner.height),
                     pygame.Rect(inner.right, inner.top, outer.width - inner.right, inner.height)):
            surface.fill(GLASS, band)
        r = self.corners[0].get_width()
        left, top, right, bottom = inner.left, inner.top, inner.right - 1, inner.bottom - 1
        for start, end in (((left + r, top), (right - r, top)), ((left + r, bottom), (right - r, bottom)),
                           ((left, top + r), (left, bottom - r)), ((right, top + r), (right, bottom - r))):
            pygame.draw.line(surface, BORDER, start, end)  # the light line, between the rounded corners
        for corner, pos in zip(self.corners, (inner.topleft, (inner.right - r, inner.top),
                                              (inner.left, inner.bottom - r), (inner.right - r, inner.bottom - r))):
            surface.blit(corner, pos)
        where = title or tr("map_title", lang)
        name = res.text(where, view.px(21), TEXT, bold=True)
        surface.blit(name, name.get_rect(midleft=(view.px(SIDE + 10), view.px(TOP / 2 + 1))))
        if title:
            ask = res.text(tr("map_title", lang), view.px(18), TEXT_DIM)
            surface.blit(ask, ask.get_rect(midright=(view.px(WIDTH - SIDE - 10), view.px(TOP / 2 + 1))))
        hint = res.text(tr(f"map_hint_{device if device in DEVICES else 'keyboard'}", lang), view.px(16), TEXT_DIM)
        surface.blit(hint, hint.get_rect(midleft=(view.px(SIDE + 10), view.px(HEIGHT - BOTTOM / 2))))

    # --- over the map ---

    def draw_mark(self, surface: pygame.Surface, x: int, y: int, clock: float, phase: float) -> None:
        """The mark of a usable hotspot, its bottom tip at ``(x, y)`` (window pixels); it bobs and breathes."""
        self._refresh()
        if self.star is None:
            return
        t = clock * 2.2 + phase
        lift = round(self.ctx.view.px(3) * (1 + math.sin(t)) / 2)
        level = 0.7 + 0.3 * (1 + math.sin(t * 0.8)) / 2
        rect = self.star.get_rect(midbottom=(x, y - lift)).clamp(self.view_rect())  # a wall's top may be out of view
        blit_faded(surface, self.star, rect.topleft, level)

    def draw_prompt(self, surface: pygame.Surface, x: int, y: int, label: str, device: str) -> None:
        """The prompt over the hotspot the player can use now, its bottom edge centred at ``(x, y)``."""
        view, res = self.ctx.view, self.ctx.resources
        text = res.text(prompt_text(device, self.ctx.language, label), view.px(MAP_PROMPT_FONT_SIZE), TEXT)
        box = text.get_rect(midbottom=(x, y - view.px(6))).inflate(view.px(20), view.px(10))
        box.clamp_ip(self.view_rect())
        surface.blit(panel(self.ctx, box.size, 220), box)
        surface.blit(text, text.get_rect(center=box.center))


def _corners(radius: int) -> list[pygame.Surface]:
    """The frame's four rounded inner corners (top-left, top-right, bottom-left, bottom-right), smoothed."""
    radius = max(radius, 2)
    big = radius * 4
    sheet = pygame.Surface((big, big), pygame.SRCALPHA)
    sheet.fill((*GLASS, 255))
    pygame.draw.circle(sheet, (*BORDER, 255), (big, big), big)
    pygame.draw.circle(sheet, (0, 0, 0, 0), (big, big), big - 4)
    top_left = pygame.transform.smoothscale(sheet, (radius, radius))
    return [top_left, pygame.transform.flip(top_left, True, False), pygame.transform.flip(top_left, False, True),
            pygame.transform.flip(top_left, True, True)]


def _star(radius: int) -> pygame.Surface:
    """A four-point star with a soft warm halo, drawn large and smoothed down."""
    radius = max(radius, 3)
    k = 4
    size = radius * 2 * k
    sheet = pygame.Surface((size, size), pygame.SRCALPHA)
    centre = size / 2
    for step in range(8, 0, -1):  # the halo: rings fading outwards
        pygame.draw.circle(sheet, (*AMBER, 10 + 4 * (8 - step)), (centre, centre), centre * (0.35 + 0.08 * step))
    points = []
    for i in range(8):
        angle = math.pi / 4 * i - math.pi / 2
        reach = centre * (0.92 if i % 2 == 0 else 0.26)
        points.append((centre + reach * math.cos(angle), centre + reach * math.sin(angle)))
    pygame.draw.polygon(sheet, (*TEXT, 255), points)
    return pygame.transform.smoothscale(sheet, (radius * 2, radius * 2))
