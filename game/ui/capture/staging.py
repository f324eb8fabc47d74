"""Staging checks on a captured picture: choice buttons, the phone and faces must not collide.

A player wants to see who is speaking: choice buttons over a character's face,
the phone over a character, or choices over the phone's bubbles are reported
for each picture (and summed up by ``starlight capture``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.layout import PHONE

if TYPE_CHECKING:
    from ..play.screen import PlayScreen


def collisions(play: PlayScreen) -> list[str]:
    """What covers what on the play screen as drawn now (empty when the stage is clear)."""
    view = play.ctx.view
    found: list[str] = []
    buttons = [view.rect(r.x, r.y, r.w, r.h) for r in play.choices.list.rects] if play.choices else []
    phone = view.rect(*PHONE) if play.stage.beside_phone else None
    for name, body, face in play.stage.figures():
        if any(button.colliderect(face) for button in buttons):
            found.append(f"choices cover {name}'s face")
        if phone is not None and phone.colliderect(body):
            found.append(f"the phone covers {name}")
    if phone is not None and any(button.colliderect(phone) for button in buttons):
        found.append("choices cover the phone")
    return found
