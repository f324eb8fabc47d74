"""The ending card: the ending's picture and title, then back to the title screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..access.tree import Node, screen
from ..input import Action, Input
from ..strings import tr
from ..view import HEIGHT, WIDTH
from ..widgets import TEXT, TEXT_DIM, blit_faded
from .base import Screen

if TYPE_CHECKING:
    from ..context import Context

FADE = 1.5


class EndingScreen(Screen):
    def __init__(self, ctx: Context, ending: str) -> None:
        super().__init__(ctx)
        self.ending = ending
        self.clock = FADE if ctx.settings.reduce_motion else 0.0  # reduced motion: the card is there at once

    def handle(self, inp: Input) -> None:
        if self.clock < FADE:
            self.clock = FADE  # a first press only finishes the fade
            return
        if inp.action in (Action.CONFIRM, Action.CLICK, Action.BACK, Action.MENU):
            self.ctx.nav.home()

    def update(self, dt: float) -> None:
        self.clock += dt

    def animating(self) -> bool:
        return self.clock < FADE

    def access(self) -> Node:
        lang = self.ctx.language
        story = self.ctx.story
        title = story.endings[self.ending].title.get(lang) if story and self.ending in story.endings else self.ending
        return screen(tr("the_end", lang), "ending", lang,
                      [Node("text", tr("the_end", lang), key="ending", value=title, live=True)])

    def draw(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        story = self.ctx.story
        surface.fill((11, 13, 26))
        card = res.image("ending", self.ending, view.rect(0, 0, WIDTH, HEIGHT).size) \
            if res.exists("ending", self.ending) else None
        level = min(1.0, self.clock / FADE)
        if card is not None:
            blit_faded(surface, card, (0, 0), level)
        shade = pygame.Surface(view.rect(0, 0, WIDTH, 170).size, pygame.SRCALPHA)
        shade.fill((11, 13, 26, 150))
        surface.blit(shade, view.point(0, HEIGHT - 170))
        lang = self.ctx.language
        title = story.endings[self.ending].title.get(lang) if story and self.ending in story.endings else self.ending
        small = res.text(tr("the_end", lang).upper(), view.px(20), TEXT_DIM)
        big = res.text(title, view.px(52), TEXT, bold=True)
        for label in (small, big):
            label.set_alpha(round(255 * level))
        surface.blit(small, small.get_rect(midbottom=view.point(WIDTH / 2, HEIGHT - 112)))
        surface.blit(big, big.get_rect(midtop=view.point(WIDTH / 2, HEIGHT - 104)))
