"""The gallery's drawn pieces, shared by its rooms: gradients, the small star, rounded cards and the padlock."""

from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import pygame

from ..widgets import TEXT_DIM

if TYPE_CHECKING:
    from ..context import Context

DEEP = (27, 35, 64)
DARK = (11, 13, 26)


def gradient(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> pygame.Surface:
    """A soft vertical gradient of ``size`` pixels."""
    seed = pygame.Surface((1, 2))
    seed.set_at((0, 0), top)
    seed.set_at((0, 1), bottom)
    return pygame.transform.smoothscale(seed, (max(1, size[0]), max(2, size[1])))


def star(surface: pygame.Surface, center: tuple[float, float], size: float, color: tuple[int, ...]) -> None:
    """The game's small four-point star."""
    x, y = center
    thin = size * 0.22
    points = [(x, y - size), (x + thin, y - thin), (x + size, y), (x + thin, y + thin),
              (x, y + size), (x - thin, y + thin), (x - size, y), (x - thin, y - thin)]
    pygame.draw.polygon(surface, color, points)


def rounded(picture: pygame.Surface, radius: int) -> pygame.Surface:
    """A copy of ``picture`` with rounded corners."""
    result = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
    result.blit(picture, (0, 0))
    mask = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    result.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return result


def draw_lock(surface: pygame.Surface, center: tuple[int, int], size: int, color: tuple[int, ...]) -> None:
    """A 2 px line padlock (when the interface art has no lock icon)."""
    cx, cy = center
    width = max(2, size // 14)
    body = pygame.Rect(0, 0, size * 0.72, size * 0.52)
    body.midtop = (cx, round(cy - size * 0.06))
    pygame.draw.rect(surface, color, body, width=width, border_radius=max(2, size // 10))
    shackle = pygame.Rect(0, 0, size * 0.46, size * 0.62)
    shackle.midtop = (cx, round(cy - size * 0.44))
    pygame.draw.arc(surface, color, shackle, 0, math.pi, width)
    for x in (shackle.left + width / 2, shackle.right - width / 2):
        pygame.draw.line(surface, color, (x, shackle.centery), (x, body.top), width)
    pygame.draw.circle(surface, color, (cx, body.centery), max(2, width))


def locked_card(ctx: Context, size: tuple[int, int]) -> pygame.Surface:
    """The silhouette of something not yet seen: a night gradient, faint stars and the lock."""
    res, view = ctx.resources, ctx.view
    base = gradient(size, DEEP, DARK)
    rng = random.Random(2050)  # the same faint stars on every locked card
    for _i in range(18):
        x = rng.uniform(0.04, 0.96) * size[0]
        y = rng.uniform(0.04, 0.7) * size[1]
        glow = rng.randint(70, 150)
        star(base, (x, y), view.px(rng.choice((1.5, 2.5, 3.5))), (glow, glow + 8, glow + 30))
    icon = min(size) // 3
    if res.exists("ui", "icon_lock"):
        lock = res.image("ui", "icon_lock", (icon, icon))
        base.blit(lock, lock.get_rect(center=(size[0] // 2, size[1] // 2)))
    else:
        draw_lock(base, (size[0] // 2, size[1] // 2), icon, TEXT_DIM)
    return base
