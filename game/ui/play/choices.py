"""The choice buttons over the stage, and the timed choice's bar.

A confirm pressed in the first moments after the options appear is ignored:
a player advancing quickly with Space or Enter would otherwise take the
highlighted option without ever reading it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.layout import CHOICE_GAP, choice_look, choice_top, choice_x
from game.story.runtime import ChoiceEvent, ChoiceOption

from ..access.tree import Node
from ..input import Action, Input
from ..textbox import box_of
from ..widgets import AMBER, TEXT_DIM, Button, ButtonList

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.play.controller import Timer

    from ..context import Context

CONFIRM_GRACE = 0.35  # seconds after the options appear during which Enter / Space / pad A do nothing


class ChoiceMenu:
    """The visible options of a choice as a focusable list of buttons."""

    def __init__(self, ctx: Context, event: ChoiceEvent, choose: Callable[[int], None],
                 beside_phone: bool = False) -> None:
        self.ctx = ctx
        self.event = event
        self.age = 0.0
        buttons = [Button(partial(self.label, o), partial(choose, o.index)) for o in event.options]
        look = choice_look(ctx.settings.text_size)  # larger text, larger buttons (game.layout: the checker's too)
        top = choice_top(len(buttons), box_of(ctx)[1], look.height, CHOICE_GAP)
        self.list = ButtonList(ctx, buttons, x=choice_x(beside_phone, look.width), y=top, width=look.width,
                               height=look.height, gap=CHOICE_GAP, picture="choice", font_size=look.font_px,
                               scaled=False)

    def label(self, option: ChoiceOption) -> str:
        return option.text.get(self.ctx.language)

    def update(self, dt: float) -> None:
        self.age += dt
        self.list.scan(dt, self.ctx.settings.switch_scan)  # one-switch scanning: any confirm takes the lit option

    def access(self) -> list[Node]:
        return self.list.access_nodes("option", role="option")

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.CONFIRM and self.age < CONFIRM_GRACE:
            return True  # swallowed: the options have only just appeared
        return self.list.handle(inp)

    def draw(self, surface: pygame.Surface, timer: Timer | None) -> None:
        self.list.draw(surface)
        if timer is not None:
            self.draw_timer(surface, timer)

    def draw_timer(self, surface: pygame.Surface, timer: Timer) -> None:
        view = self.ctx.view
        full = view.rect(self.list.x, max(8.0, self.list.y - 16), self.list.width, 6)
        pygame.draw.rect(surface, (*TEXT_DIM, 90), full, border_radius=3)
        left = full.copy()
        left.width = round(full.width * max(0.0, min(1.0, timer.left / max(timer.total, 0.01))))
        pygame.draw.rect(surface, AMBER, left, border_radius=3)
