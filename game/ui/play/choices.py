"""The choice buttons over the stage, their marks, and the timed choice's bar.

A confirm pressed in the first moments after the options appear is ignored:
a player advancing quickly with Space or Enter would otherwise take the
highlighted option without ever reading it.  An option taken in an earlier
playthrough has a small check beside it and a dimmer face; with the hint
turned on (settings), one leading to something not seen yet says "New".
The first timed choice a player meets says that timers can be turned off.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.layout import CHOICE_GAP, choice_look, choice_top, choice_x
from game.story.runtime import ChoiceEvent, ChoiceOption

from ..access.tree import Node
from ..input import Action, Input
from ..strings import tr
from ..textbox import box_of
from ..widgets import AMBER, BLUE, GLASS, TEXT, TEXT_DIM, Button, ButtonList

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.play.controller import Timer
    from game.play.flowview import OptionMark

    from ..context import Context

CONFIRM_GRACE = 0.35  # seconds after the options appear during which Enter / Space / pad A do nothing


class ChoiceMenu:
    """The visible options of a choice as a focusable list of buttons."""

    def __init__(self, ctx: Context, event: ChoiceEvent, choose: Callable[[int], None],
                 beside_phone: bool = False, marks: list[OptionMark] | None = None) -> None:
        self.ctx = ctx
        self.event = event
        self.marks = marks or []
        self.age = 0.0
        self._dim: pygame.Surface | None = None
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
        self.draw_marks(surface)
        if timer is not None:
            self.draw_timer(surface, timer)

    def draw_marks(self, surface: pygame.Surface) -> None:
        view, res = self.ctx.view, self.ctx.resources
        hint = self.ctx.settings.unseen_hint
        for mark, r in zip(self.marks, self.list.rects):
            rect = view.rect(r.x, r.y, r.w, r.h)
            if mark.taken:
                if self._dim is None or self._dim.get_size() != rect.size:
                    self._dim = pygame.Surface(rect.size, pygame.SRCALPHA)
                    pygame.draw.rect(self._dim, (*GLASS, 110), self._dim.get_rect(), border_radius=rect.h // 2)
                surface.blit(self._dim, rect)
                draw_check(surface, (rect.x - view.px(20), rect.centery), view.px(9), BLUE)
            elif hint and mark.new:
                label = res.text(tr("new_content", self.ctx.language), view.px(15), (20, 22, 34), bold=True)
                badge = label.get_rect(midleft=(rect.right + view.px(10), rect.centery)).inflate(view.px(14), view.px(6))
                pygame.draw.rect(surface, AMBER, badge, border_radius=badge.h // 2)
                surface.blit(label, label.get_rect(center=badge.center))

    def draw_timer(self, surface: pygame.Surface, timer: Timer) -> None:
        view = self.ctx.view
        full = view.rect(self.list.x, max(8.0, self.list.y - 16), self.list.width, 6)
        pygame.draw.rect(surface, (*TEXT_DIM, 90), full, border_radius=3)
        left = full.copy()
        left.width = round(full.width * max(0.0, min(1.0, timer.left / max(timer.total, 0.01))))
        pygame.draw.rect(surface, AMBER, left, border_radius=3)
        if timer.hint:
            self.draw_timer_hint(surface, full)

    def draw_timer_hint(self, surface: pygame.Surface, bar: pygame.Rect) -> None:
        """The first timed choice's explanation, in a pill just above its bar."""
        view, res = self.ctx.view, self.ctx.resources
        label = res.text(tr("timer_hint", self.ctx.language), view.px(17), TEXT)
        pill = label.get_rect(midbottom=(bar.centerx, bar.top - view.px(8))).inflate(view.px(24), view.px(10))
        pygame.draw.rect(surface, GLASS, pill, border_radius=pill.h // 2)
        pygame.draw.rect(surface, AMBER, pill, width=max(1, view.px(1)), border_radius=pill.h // 2)
        surface.blit(label, label.get_rect(center=pill.center))


def draw_check(surface: pygame.Surface, center: tuple[int, int], size: int, color: tuple[int, int, int]) -> None:
    """A small check mark of ``size`` pixels (half its width) around ``center``."""
    x, y = center
    width = max(2, size // 3)
    pygame.draw.lines(surface, color, False, [(x - size, y), (x - size // 3, y + size * 2 // 3), (x + size, y - size)],
                      width)
