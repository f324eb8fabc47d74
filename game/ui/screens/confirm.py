"""A yes / no question over the current screen (quitting, deleting a save, leaving a game)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.layout.wrap import wrap

from ..access.tree import Node, screen
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, Button, ButtonList, panel
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context


class ConfirmScreen(Screen):
    opaque = False

    def __init__(self, ctx: Context, question: str, on_yes: Callable[[], None],
                 on_no: Callable[[], None] | None = None) -> None:
        super().__init__(ctx)
        self.question = question
        self.on_yes = on_yes
        self.on_no = on_no
        lang = ctx.language
        self.buttons = ButtonList(ctx, [Button(lambda: tr("yes", lang), self.yes),
                                        Button(lambda: tr("no", lang), self.no)],
                                  x=WIDTH / 2 - 230, y=HEIGHT / 2 + 30, width=220, height=52, gap=40,
                                  horizontal=True)
        self.buttons.focus = 1  # the safe answer first

    def yes(self) -> None:
        self.ctx.nav.pop()
        self.on_yes()

    def no(self) -> None:
        self.ctx.nav.pop()
        if self.on_no is not None:
            self.on_no()

    def handle(self, inp: Input) -> None:
        if inp.action in (Action.BACK, Action.MENU):
            self.no()
        else:
            self.buttons.handle(inp)

    def access(self) -> Node:
        lang = self.ctx.language
        return screen(self.question, f"confirm.{id(self)}", lang, self.buttons.access_nodes("answer"))

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((5, 6, 12, 150))
        surface.blit(shade, (0, 0))
        box = view.rect(WIDTH / 2 - 360, HEIGHT / 2 - 130, 720, 260)
        surface.blit(panel(self.ctx, box.size, 240), box)
        font = res.font(view.px(24))
        rows = wrap(self.question, lambda s: font.size(s)[0], view.px(640))
        y = box.y + view.px(36)
        for row in rows[:3]:
            label = res.text(row, view.px(24), TEXT)
            surface.blit(label, label.get_rect(midtop=(box.centerx, y)))
            y += view.px(36)
        self.buttons.draw(surface)
