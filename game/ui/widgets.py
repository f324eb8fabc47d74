"""Interface pieces every screen uses: glass panels, buttons, and a focusable button list.

A button list works the same with the mouse (hover + click), the keyboard
(arrows + Enter) and a pad (d-pad / stick + A).  Pictures come from the shipped
interface art (images/ui); when one is missing the piece is drawn instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from .access.tree import Node, buttons
from .input import Action, Input

if TYPE_CHECKING:
    from .context import Context

TEXT = (244, 241, 234)
TEXT_DIM = (169, 180, 200)
TEXT_DISABLED = (110, 116, 130)
GLASS = (11, 13, 26)
BLUE = (154, 209, 255)
AMBER = (255, 194, 122)
HIGH_CONTRAST_RING = (255, 236, 120)  # high contrast: focus drawn as a thick yellow ring on opaque black glass
READ_TEXT = (176, 206, 236)  # a line read in an earlier playthrough, when the player colours read text
SLICE = 16


def blit_faded(target: pygame.Surface, picture: pygame.Surface, pos: tuple[int, int], level: float) -> None:
    """Blit ``picture`` at ``level`` (0..1) of its opacity, leaving the (shared, cached) picture as it was.

    ``set_alpha(None)`` would also switch off a picture's per-pixel alpha, so a
    picture with an alpha channel goes back to 255 and an opaque one to None.
    """
    if level >= 1.0:
        target.blit(picture, pos)
        return
    picture.set_alpha(round(255 * max(0.0, level)))
    target.blit(picture, pos)
    picture.set_alpha(255 if picture.get_flags() & pygame.SRCALPHA else None)


def draw_back_button(ctx: Context, surface: pygame.Surface, box: tuple[float, float, float, float],
                     hovered: bool) -> None:
    """The small "Back" button the menu screens share (logical ``box``)."""
    from .strings import tr
    view, res = ctx.view, ctx.resources
    rect = view.rect(*box)
    surface.blit(panel(ctx, rect.size, 220 if hovered else 160), rect)
    label = res.text(tr("back", ctx.language), view.px(18), TEXT if hovered else TEXT_DIM)
    surface.blit(label, label.get_rect(center=rect.center))


def ui_px(ctx: Context, size: float) -> int:
    """Pixels of interface text of logical ``size``, at the window's scale and the player's interface size."""
    return ctx.view.px(size * ctx.settings.ui_scale)


def hex_color(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def panel(ctx: Context, size: tuple[int, int], alpha: int = 210, picture: str = "panel") -> pygame.Surface:
    """A glass panel of ``size`` pixels: the 9-slice of images/ui/<picture>.png, or a drawn one.

    Made once per size and kept by the resources (a bounded cache, dropped when the window's scale changes).
    """
    key = ("panel", picture, size[0], size[1], alpha, ctx.settings.high_contrast)
    return ctx.resources.piece(key, lambda: _make_panel(ctx, size, alpha, picture))


def draw_focus_row(ctx: Context, surface: pygame.Surface, r: pygame.Rect, inset: int = 11) -> None:
    """The focused row of a list of settings: a lit panel and the blue marker at its left (``r`` in 1280x720)."""
    rect = ctx.view.rect(*r)
    surface.blit(panel(ctx, rect.size, 120, picture="row_focus"), rect)
    marker = ctx.view.rect(r.x + 10, r.y + inset, 4, r.h - 2 * inset)
    pygame.draw.rect(surface, BLUE, marker, border_radius=marker.w // 2)


def _make_panel(ctx: Context, size: tuple[int, int], alpha: int, picture: str) -> pygame.Surface:
    w, h = size
    surface = pygame.Surface((max(w, 1), max(h, 1)), pygame.SRCALPHA)
    if ctx.resources.exists("ui", picture):
        source = ctx.resources.image("ui", picture)
        sw, sh = source.get_size()
        s = min(SLICE, sw // 3, sh // 3, w // 2, h // 2)
        cuts = [(0, s), (s, sw - s), (sw - s, sw)]
        rows = [(0, s), (s, sh - s), (sh - s, sh)]
        dest_x = [(0, s), (s, w - s), (w - s, w)]
        dest_y = [(0, s), (s, h - s), (h - s, h)]
        for (sy0, sy1), (dy0, dy1) in zip(rows, dest_y):
            for (sx0, sx1), (dx0, dx1) in zip(cuts, dest_x):
                if sx1 <= sx0 or sy1 <= sy0 or dx1 <= dx0 or dy1 <= dy0:
                    continue
                piece = source.subsurface((sx0, sy0, sx1 - sx0, sy1 - sy0))
                surface.blit(pygame.transform.smoothscale(piece, (dx1 - dx0, dy1 - dy0)), (dx0, dy0))
        if ctx.settings.high_contrast:
            surface.fill((0, 0, 0, 250), rect=surface.get_rect().inflate(-4, -4))
    else:
        radius = max(4, min(14, h // 4))
        high = ctx.settings.high_contrast
        pygame.draw.rect(surface, (0, 0, 0, 250) if high else (*GLASS, alpha), surface.get_rect(), border_radius=radius)
        pygame.draw.rect(surface, (*TEXT, 200 if high else 46), surface.get_rect(), width=2 if high else 1,
                         border_radius=radius)
    return surface


def tr_label(ctx: Context, key: str) -> Callable[[], str]:
    """A button label: the interface text ``key`` in the language of the moment."""
    from .strings import tr
    return lambda: tr(key, ctx.language)


def fixed_label(text: str) -> Callable[[], str]:
    """A button label that is the same in every language (a language's own name, say)."""
    return lambda: text


@dataclass
class Button:
    label: Callable[[], str]
    action: Callable[[], None]
    enabled: Callable[[], bool] = lambda: True


@dataclass
class ButtonList:
    """Buttons stacked vertically (or in a row) with one focused.  Coordinates are logical."""

    ctx: Context
    buttons: list[Button]
    x: float
    y: float
    width: float
    height: float = 52
    gap: float = 12
    horizontal: bool = False
    picture: str = "button"
    font_size: int = 24
    focus: int = 0
    hover_sound: bool = True
    rects: list[pygame.Rect] = field(default_factory=list)
    scan_clock: float = 0.0
    scaled: bool = True  # labels follow the interface size (choices follow the text size instead)

    def __post_init__(self) -> None:
        self.layout()
        self._skip_disabled(1)

    def layout(self) -> None:
        self.rects = []
        for i in range(len(self.buttons)):
            if self.horizontal:
                r = pygame.Rect(0, 0, 0, 0)
                r.update(self.x + i * (self.width + self.gap), self.y, self.width, self.height)
            else:
                r = pygame.Rect(0, 0, 0, 0)
                r.update(self.x, self.y + i * (self.height + self.gap), self.width, self.height)
            self.rects.append(r)

    def _skip_disabled(self, step: int) -> None:
        for _ in range(len(self.buttons)):
            if self.buttons[self.focus].enabled():
                return
            self.focus = (self.focus + step) % len(self.buttons)

    def move(self, step: int) -> None:
        if not self.buttons:
            return
        self.focus = (self.focus + step) % len(self.buttons)
        self._skip_disabled(step)
        if self.hover_sound:
            self.ctx.audio.play_sfx("ui_move")

    def at(self, pos: tuple[float, float]) -> int | None:
        for i, r in enumerate(self.rects):
            if r.collidepoint(pos) and self.buttons[i].enabled():
                return i
        return None

    def activate(self, index: int) -> None:
        if self.buttons[index].enabled():
            self.ctx.audio.play_sfx("ui_select")
            self.buttons[index].action()

    def handle(self, inp: Input) -> bool:
        """React to navigation and activation; True when the input was used."""
        back, forward = (Action.LEFT, Action.RIGHT) if self.horizontal else (Action.UP, Action.DOWN)
        if inp.action == back:
            self.move(-1)
        elif inp.action == forward:
            self.move(1)
        elif inp.action == Action.CONFIRM and self.buttons:
            self.activate(self.focus)
        elif inp.action == Action.POINT and inp.pos is not None:
            hit = self.at(inp.pos)
            if hit is not None and hit != self.focus:
                self.focus = hit
            return hit is not None
        elif inp.action == Action.CLICK and inp.pos is not None:
            hit = self.at(inp.pos)
            if hit is None:
                return False
            self.focus = hit
            self.activate(hit)
        else:
            return False
        return True

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        for i, (button, r) in enumerate(zip(self.buttons, self.rects)):
            rect = view.rect(r.x, r.y, r.w, r.h)
            focused = i == self.focus
            name = f"{self.picture}_focus" if focused else self.picture
            if res.exists("ui", name) and not self.ctx.settings.high_contrast:
                surface.blit(res.image("ui", name, rect.size), rect)
            else:
                surface.blit(panel(self.ctx, rect.size, 235 if focused else 190), rect)
                if focused:
                    pygame.draw.rect(surface, BLUE, rect, width=2, border_radius=rect.h // 2)
            color = TEXT if button.enabled() else TEXT_DISABLED
            if self.ctx.settings.high_contrast and focused:  # a focus ring that does not rely on colour alone
                pygame.draw.rect(surface, HIGH_CONTRAST_RING, rect, width=max(2, view.px(3)), border_radius=rect.h // 2)
            size = ui_px(self.ctx, self.font_size) if self.scaled else view.px(self.font_size)
            label = res.text(button.label(), size, color, bold=focused)
            surface.blit(label, label.get_rect(center=rect.center))

    def access_nodes(self, key: str, role: str = "button") -> list[Node]:
        """The buttons as accessible nodes (game.ui.access.tree), the focused one focused."""
        return buttons([(b.label(), b.action, b.enabled()) for b in self.buttons], self.focus, key, role)

    def scan(self, dt: float, every: float) -> None:
        """One-switch scanning: the focus moves on by itself every ``every`` seconds (0: off)."""
        if every <= 0 or not self.buttons:
            return
        self.scan_clock += dt
        if self.scan_clock >= every:
            self.scan_clock = 0.0
            self.move(1)
