"""Until the walkable map screen lands: the map's active hotspots as a list to pick from.

The story goes on exactly as it will on the real map screen: picking a hotspot
takes it (a `goto` leaves the map, a `call` comes back here afterwards).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.story.presentation import Place
from game.story.runtime import MapEvent

from ..access.tree import Node, screen
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, TEXT_DIM, Button, ButtonList, fixed_label, panel
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context
    from ..ports import MapGame


class MapChoiceScreen(Screen):
    opaque = False

    def __init__(self, ctx: Context, game: MapGame) -> None:
        super().__init__(ctx)
        self.game = game
        self.event: MapEvent = game.event
        buttons = [Button(fixed_label(h.hotspot.name.replace("_", " ").capitalize()), partial(self.take, h.index))
                   for h in self.event.hotspots]
        top = HEIGHT / 2 - len(buttons) * 33
        self.list = ButtonList(ctx, buttons, x=WIDTH / 2 - 300, y=top, width=600, height=54, gap=12)

    def take(self, index: int) -> None:
        self.game.take(index, self.game.place() or Place(0.0, 0.0, "down"))

    def handle(self, inp: Input) -> None:
        if inp.action in (Action.BACK, Action.MENU):
            self.game.open_menu(self.game.place() or Place(0.0, 0.0, "down"))
        else:
            self.list.handle(inp)

    def access(self) -> Node:
        lang = self.ctx.language
        return screen(tr("map_title", lang), "map_choice", lang, self.list.access_nodes("hotspot"))

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        box = view.rect(WIDTH / 2 - 340, self.list.y - 110, 680, len(self.list.buttons) * 66 + 150)
        surface.blit(panel(self.ctx, box.size, 225), box)
        title = res.text(tr("map_title", self.ctx.language), view.px(30), TEXT, bold=True)
        surface.blit(title, title.get_rect(midtop=(box.centerx, box.y + view.px(26))))
        name = res.text(self.event.map.name.replace("_", " "), view.px(18), TEXT_DIM)
        surface.blit(name, name.get_rect(midtop=(box.centerx, box.y + view.px(66))))
        self.list.draw(surface)
