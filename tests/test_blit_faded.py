"""A faded blit must leave a shared picture's transparency intact (set_alpha(None) would not)."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"

import pygame

from game.ui.widgets import blit_faded


def test_transparent_pixels_stay_transparent_after_a_fade() -> None:
    pygame.display.init()
    try:
        pygame.display.set_mode((8, 8))
        picture = pygame.Surface((4, 4), pygame.SRCALPHA)
        picture.fill((0, 0, 0, 0))
        picture.fill((0, 0, 255, 255), (0, 0, 2, 4))  # left half opaque blue, right half clear
        target = pygame.Surface((4, 4))
        target.fill((255, 0, 0))
        blit_faded(target, picture, (0, 0), 0.5)
        assert target.get_at((3, 0))[:3] == (255, 0, 0)
        target.fill((255, 0, 0))
        target.blit(picture, (0, 0))  # the cached picture is used again at full opacity
        assert target.get_at((3, 0))[:3] == (255, 0, 0)  # still see-through
        assert target.get_at((0, 0))[:3] == (0, 0, 255)
    finally:
        pygame.display.quit()
