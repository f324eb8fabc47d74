"""The mouse over a screen of items with a Back button (the music room, the picture room).

Pointing at an item focuses it and lights Back under the pointer; a click goes back or picks the item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import pygame

from ..input import Action, Input


class Pointed(Protocol):
    focus: int
    hover_back: bool

    def back(self) -> None: ...


def point_and_pick(screen: Pointed, inp: Input, back: tuple[int, int, int, int],
                   item_at: Callable[[tuple[float, float]], int | None], pick: Callable[[int], None]) -> bool:
    """Handle a POINT or CLICK on ``screen``; False for any other input (or one without a position)."""
    pos = inp.pos
    if pos is None or inp.action not in (Action.POINT, Action.CLICK):
        return False
    on_back = pygame.Rect(back).collidepoint(pos)
    if inp.action == Action.CLICK and on_back:
        screen.back()
        return True
    hit = item_at(pos)
    if hit is not None:
        screen.focus = hit
    if inp.action == Action.POINT:
        screen.hover_back = on_back
    elif hit is not None:
        pick(hit)
    return True
