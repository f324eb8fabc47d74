"""The choice buttons over the stage, and the timed choice's bar.

A confirm pressed in the first moments after the options appear is ignored:
a player advancing quickly with Space or Enter would otherwise take the
highlighted option without ever reading it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.layout import CHOICE_FONT_SIZE, CHOICE_GAP, CHOICE_HEIGHT, CHOICE_WIDTH, choice_top, choice_x
from game.story.runtime import ChoiceEvent, ChoiceOption

from ..input import Action, Input
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
        self.list = ButtonList(ctx, buttons, x=choice_x(beside_phone), y=choice_top(len(buttons)), width=CHOICE_WIDTH,
                               height=CHOICE_HEIGHT, gap=CHOICE_GAP, picture="choice", font_size=CHOICE_FONT_SIZE)

    def label(self, option: ChoiceOption) -> str:
        return option.text.get(self.ctx.language)

    def update(self, dt: float) -> None:
        self.age += dt

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
        full = view.rect(self.list.x, max(8.0, self.list.y - 16), CHOICE_WIDTH, 6)
        pygame.draw.rect(surface, (*TEXT_DIM, 90), full, border_radius=3)
        left = full.copy()
        left.width = round(full.width * max(0.0, min(1.0, timer.left / max(timer.total, 0.01))))
        pygame.draw.rect(surface, AMBER, left, border_radius=3)
