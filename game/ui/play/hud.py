"""What the play screen draws over the stage besides the text: the quick menu, modes, story errors."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from ..input import Action, Input
from ..strings import tr
from ..view import WIDTH
from ..widgets import AMBER, TEXT, TEXT_DIM, Button, ButtonList, panel, tr_label, ui_px

if TYPE_CHECKING:
    from ..context import Context

QUICK_MENU = ("last_choice", "history", "skip", "next_choice", "auto", "save", "load", "qsave", "qload", "settings")
QUICK_W, QUICK_H, QUICK_GAP = 78, 24, 4
QUICK_RIGHT, QUICK_BOTTOM = 1230, 714  # the row ends at the text box's right edge, under it


class QuickMenu:
    """The row of small buttons under the text box; ``act(key)`` runs one."""

    def __init__(self, ctx: Context, act: Callable[[str], None]) -> None:
        self.ctx = ctx
        self.act = act
        self.scale = 0.0
        self.list = self.build()

    def build(self) -> ButtonList:
        """The row at the player's interface size (buttons and labels grow together, the row stays on screen)."""
        self.scale = scale = self.ctx.settings.ui_scale
        width, height = round(QUICK_W * scale), round(QUICK_H * scale)
        x = QUICK_RIGHT - len(QUICK_MENU) * (width + QUICK_GAP) + QUICK_GAP
        row = ButtonList(self.ctx, [Button(tr_label(self.ctx, k), partial(self.act, k)) for k in QUICK_MENU],
                         x=x, y=QUICK_BOTTOM - height, width=width, height=height, gap=QUICK_GAP, horizontal=True,
                         picture="quick", font_size=15, hover_sound=False)
        row.focus = -1
        return row

    def follow_scale(self) -> None:
        if self.scale != self.ctx.settings.ui_scale:  # (changed on the accessibility screen during the game)
            self.list = self.build()

    def handle(self, inp: Input) -> bool:
        """Pointer input over the quick menu (keys and the pad never reach it)."""
        if inp.action not in (Action.POINT, Action.CLICK):
            return False
        self.follow_scale()
        used = self.list.handle(inp)
        if inp.action == Action.POINT and not used:
            self.list.focus = -1
        return used

    def draw(self, surface: pygame.Surface, active: set[str]) -> None:
        self.follow_scale()
        view, res = self.ctx.view, self.ctx.resources
        rects = self.list.rects
        first, last = rects[0], rects[-1]
        strip = view.rect(first.x - 10, first.y, last.right - first.x + 20, first.h)
        surface.blit(panel(self.ctx, strip.size, 150), strip)
        for i, (button, r) in enumerate(zip(self.list.buttons, rects)):
            color = AMBER if QUICK_MENU[i] in active else TEXT if i == self.list.focus else TEXT_DIM
            label = res.text(button.label(), ui_px(self.ctx, 15), color)
            surface.blit(label, label.get_rect(center=view.rect(r.x, r.y, r.w, r.h).center))


def draw_modes(ctx: Context, surface: pygame.Surface, skipping: bool, auto: bool) -> None:
    """"Skipping · Auto ▶▶" at the top left while either mode is on."""
    words = [tr("skipping", ctx.language)] if skipping else []
    if auto:
        words.append(tr("auto_on", ctx.language))
    if not words:
        return
    view, res = ctx.view, ctx.resources
    label = res.text("  ·  ".join(words) + "  ▶▶", view.px(20), AMBER)
    box = label.get_rect(topleft=view.point(28, 22)).inflate(view.px(24), view.px(12))
    surface.blit(panel(ctx, box.size, 200), box)
    surface.blit(label, label.get_rect(center=box.center))


def draw_story_errors(ctx: Context, surface: pygame.Surface, errors: list[str]) -> None:
    """The errors of an edited story that could not be loaded (play goes on with the last good one)."""
    view, res = ctx.view, ctx.resources
    rows = [tr("story_errors", ctx.language), *errors[:8]]
    box = view.rect(40, 40, WIDTH - 80, 40 + 30 * len(rows))
    overlay = pygame.Surface(box.size, pygame.SRCALPHA)
    overlay.fill((60, 10, 20, 235))
    surface.blit(overlay, box)
    y = box.y + view.px(18)
    for i, row in enumerate(rows):
        label = res.text(row[:150], view.px(18 if i else 20), (255, 220, 220) if i else (255, 255, 255), bold=not i)
        surface.blit(label, (box.x + view.px(20), y))
        y += view.px(30)
