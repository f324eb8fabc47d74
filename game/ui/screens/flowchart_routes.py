"""Which way to play from a node reached by several routes: each labelled by the choices that set it apart."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.persist.progress import Passage
from game.play.flowview import Route

from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, Button, ButtonList, panel
from .base import Screen
from .flowchart_access import routes_tree
from .flowchart_draw import fit

if TYPE_CHECKING:
    from ..access.tree import Node
    from ..context import Context

PANEL_W, BUTTON_H, GAP, HEAD = 860, 50, 10, 92


class RoutePicker(Screen):
    """A list of routes over the flowchart; Enter / click / A plays from the one chosen, Esc goes back."""

    opaque = False

    def __init__(self, ctx: Context, routes: list[Route], choose: Callable[[Passage], None]) -> None:
        super().__init__(ctx)
        self.routes = routes
        self._choose = choose
        buttons = [Button(partial(self.label, i), partial(self.pick, i)) for i in range(len(routes))]
        height = len(buttons) * (BUTTON_H + GAP) - GAP
        self.box = (WIDTH / 2 - PANEL_W / 2, (HEIGHT - height - HEAD - 32) / 2, PANEL_W, height + HEAD + 32)
        self.list = ButtonList(ctx, buttons, x=WIDTH / 2 - PANEL_W / 2 + 30, y=self.box[1] + HEAD,
                               width=PANEL_W - 60, height=BUTTON_H, gap=GAP, font_size=20)

    def label(self, index: int) -> str:
        lang = self.ctx.language
        route = self.routes[index]
        if not route.decisions:
            return tr("route_first", lang)
        words = "  ·  ".join(text.get(lang) for text in route.decisions)
        font = self.ctx.resources.font(self.ctx.view.px(20))
        return fit(font, tr("route_via", lang).format(choices=words), self.ctx.view.px(PANEL_W - 100))

    def pick(self, index: int) -> None:
        self.ctx.nav.pop()
        self._choose(self.routes[index].passage)

    def access(self) -> Node:
        return routes_tree(self)

    def handle(self, inp: Input) -> None:
        if inp.action in (Action.BACK, Action.MENU):
            self.ctx.audio.play_sfx("ui_back")
            self.ctx.nav.pop()
        else:
            self.list.handle(inp)

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((5, 6, 12, 140))
        surface.blit(shade, (0, 0))
        box = view.rect(*self.box)
        surface.blit(panel(self.ctx, box.size, 240), box)
        head = res.text(tr("routes_title", self.ctx.language), view.px(26), TEXT, bold=True)
        surface.blit(head, head.get_rect(midtop=(box.centerx, box.y + view.px(30))))
        self.list.draw(surface)
