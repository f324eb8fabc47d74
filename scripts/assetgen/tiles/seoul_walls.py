"""Seoul alley tiles, wall faces: brick and concrete, pipes, windows (lit and dark), AC units,
doors, a shop's glass door, shutters, the striped awning.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import mix, rgb
from .canvas import Canvas
from .palettes import BRICK, BRICK_HI, CONCRETE, CONCRETE_HI, MORTAR, S_AMB, S_CYAN, S_MAG, S_NAVY, S_NIGHT, S_TEAL


def bricks(cv: Canvas, x0: int = 0, y0: int = 0, x1: int = 32, y1: int = 32) -> None:
    r = cv.rng
    cv.rect(x0, y0, x1, y1, MORTAR)
    for row in range(4):
        y = row * 8
        off = 0 if row % 2 == 0 else 8
        for bx in range(-16 + off, 32, 16):
            v = r.random()
            tone = mix(BRICK, BRICK_HI if v > 0.6 else S_NIGHT, 0.25 * abs(v - 0.5))
            ya, yb = max(y, y0), min(y + 7, y1)
            xa, xb = max(bx + 1, x0), min(bx + 16, x1)
            if yb > ya and xb > xa:
                cv.rect(xa, ya, xb, yb, tone)
                if y >= y0:
                    cv.hline(xa, xb, y, mix(tone, S_AMB, 0.12))
    cv.speckle(r, mix(BRICK, S_NIGHT, 0.35), 0.05, box=(x0, y0, x1, y1))


def wall_brick(cv: Canvas, f: int) -> None:
    bricks(cv)


def wall_base(cv: Canvas) -> None:
    """Grime and a contact shadow at the foot of a wall face."""
    fade = np.clip((cv.ys - 22.0) / 10.0, 0.0, 1.0)
    cv.paint(fade, S_NIGHT, 0.45)
    cv.hline(0, 32, 31, S_NIGHT, 0.6)


def wall_brick_base(cv: Canvas, f: int) -> None:
    bricks(cv)
    wall_base(cv)


def concrete(cv: Canvas) -> None:
    r = cv.rng
    cv.rect(0, 0, 32, 32, CONCRETE)
    # Soft water stains running down, tileable vertically.
    for x, k in ((5, 0.10), (21, 0.07), (27, 0.05)):
        m = np.clip(1.0 - np.abs(cv.xs - x) / 2.5, 0, 1)
        cv.paint(m, S_NIGHT, k)
    cv.speckle(r, mix(CONCRETE, S_NIGHT, 0.2), 0.06)
    cv.speckle(r, CONCRETE_HI, 0.03)
    # Form-work seams and tie holes (Korean cast concrete).
    cv.vline(0, 0, 32, mix(CONCRETE, S_NIGHT, 0.35))
    cv.hline(0, 32, 0, mix(CONCRETE, S_NIGHT, 0.3))
    for x, y in ((8, 8), (24, 8), (8, 24), (24, 24)):
        cv.px(x, y, mix(CONCRETE, S_NIGHT, 0.5))
        cv.px(x, y + 1, CONCRETE_HI)


def wall_concrete(cv: Canvas, f: int) -> None:
    concrete(cv)


def wall_concrete_base(cv: Canvas, f: int) -> None:
    concrete(cv)
    wall_base(cv)


def wall_pipe(cv: Canvas, f: int) -> None:
    bricks(cv)
    pipe = mix(S_TEAL, S_NAVY, 0.35)
    cv.rect(22, 0, 27, 32, pipe)
    cv.vline(22, 0, 32, mix(pipe, "#f4f1ea", 0.18))
    cv.vline(26, 0, 32, mix(pipe, S_NIGHT, 0.4))
    cv.rect(27, 0, 29, 32, S_NIGHT, 0.35)
    for y in (6, 22):
        cv.rect(21, y, 28, y + 2, mix(pipe, S_NIGHT, 0.3))
        cv.hline(21, 28, y, mix(pipe, "#f4f1ea", 0.2))


def window_frame(cv: Canvas, x0: int, y0: int, x1: int, y1: int, lit: bool) -> None:
    frame = mix(S_NAVY, S_TEAL, 0.2)
    if lit:
        cv.soft(cv.ellipse_m((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) * 0.7, (y1 - y0) * 0.7), S_AMB, 4.0, 0.25)
    cv.rect(x0 - 1, y0 - 1, x1 + 1, y1 + 2, frame)
    if lit:
        glass = Canvas(cv.w, cv.h)
        glass.rect(x0, y0, x1, y1, mix(S_AMB, "#c86a2a", 0.25))
        glass.paint(np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1) * (cv.ys < y1), "#ffe0b0", 0.35)
        cv.paste(glass, 0, 0)
        for y in range(y0 + 2, y1, 3):  # blinds
            cv.hline(x0, x1, y, mix(S_AMB, "#8a4a2a", 0.5), 0.55)
        cv.rect(x0, y0, x1, y0 + 2, mix(S_AMB, "#8a4a2a", 0.6), 0.8)  # blind head
    else:
        cv.rect(x0, y0, x1, y1, mix(S_NIGHT, S_TEAL, 0.35))
        cv.line(x0 + 2, y1 - 2, x1 - 3, y0 + 3, mix(S_TEAL, S_CYAN, 0.3), 0.35)
        cv.line(x0 + 4, y1 - 2, x1 - 2, y0 + 5, mix(S_TEAL, S_CYAN, 0.3), 0.2)
    cv.vline((x0 + x1) // 2, y0, y1, frame)
    cv.rect(x0 - 2, y1 + 1, x1 + 2, y1 + 3, mix(CONCRETE, "#f4f1ea", 0.15))  # sill
    cv.hline(x0 - 2, x1 + 2, y1 + 3, S_NIGHT, 0.5)


def wall_window_lit(cv: Canvas, f: int) -> None:
    bricks(cv)
    window_frame(cv, 7, 5, 25, 24, lit=True)


def wall_window_dark(cv: Canvas, f: int) -> None:
    concrete(cv)
    window_frame(cv, 7, 5, 25, 24, lit=False)


def wall_ac(cv: Canvas, f: int) -> None:
    concrete(cv)
    box = mix("#f4f1ea", S_NAVY, 0.62)
    cv.rect(4, 8, 28, 27, box)
    cv.hline(4, 28, 8, mix(box, "#f4f1ea", 0.25))
    cv.rect(4, 27, 28, 29, S_NIGHT, 0.5)
    cv.ellipse(12.5, 17.5, 6.5, 6.5, mix(box, S_NIGHT, 0.55))
    for a in range(0, 180, 45):
        t = math.radians(a)
        cv.line(12.5 - 5 * math.cos(t), 17.5 - 5 * math.sin(t), 12.5 + 5 * math.cos(t), 17.5 + 5 * math.sin(t),
                mix(box, S_NIGHT, 0.25), 0.8)
    cv.ellipse(12.5, 17.5, 1.5, 1.5, box)
    for y in range(11, 25, 2):
        cv.hline(21, 26, y, mix(box, S_NIGHT, 0.35))
    cv.vline(6, 29, 32, mix(S_NAVY, S_TEAL, 0.2))  # drip pipe


def wall_door(cv: Canvas, f: int) -> None:
    bricks(cv)
    wall_base(cv)
    frame = mix(S_NAVY, S_TEAL, 0.15)
    door = mix(S_TEAL, S_NAVY, 0.3)
    cv.rect(5, 2, 27, 32, frame)
    cv.rect(7, 4, 25, 32, door)
    cv.vline(7, 4, 32, mix(door, "#f4f1ea", 0.15))
    cv.rect(9, 7, 23, 15, mix(door, S_NIGHT, 0.2))
    cv.rect(9, 18, 23, 29, mix(door, S_NIGHT, 0.2))
    cv.hline(9, 23, 7, mix(door, S_NIGHT, 0.45))
    cv.hline(9, 23, 18, mix(door, S_NIGHT, 0.45))
    cv.rect(21, 16, 24, 18, mix(S_AMB, "#f4f1ea", 0.3))
    cv.soft(cv.ellipse_m(16, 1, 5, 2), S_AMB, 2.0, 0.7)
    cv.rect(13, 0, 19, 2, mix(S_AMB, "#f4f1ea", 0.4))


def shop_interior(cv: Canvas, x0: int, y0: int, x1: int, y1: int, seed_shift: int) -> None:
    """Warm shop window glass with shelves of goods and a reflection."""
    glass_top, glass_bottom = mix(S_AMB, "#f4f1ea", 0.15), mix(S_AMB, "#b0502a", 0.45)
    t = np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1)
    col = rgb(glass_top)[None, None] * (1 - t[..., None]) + rgb(glass_bottom)[None, None] * t[..., None]
    m = np.zeros((cv.h, cv.w), np.float32)
    m[y0:y1, x0:x1] = 1
    cv.paint(m, col)
    r = cv.rng
    goods = [S_MAG, S_TEAL, "#8a4a2a", S_CYAN, S_NAVY, "#f4f1ea"]
    for sy in (y0 + 9, y0 + 19):
        cv.hline(x0, x1, sy, mix(S_NAVY, S_AMB, 0.3))
        x = x0 + 1 + (seed_shift % 3)
        while x < x1 - 2:
            w = int(r.integers(2, 5))
            h = int(r.integers(3, 7))
            c = goods[int(r.integers(0, len(goods)))]
            cv.rect(x, sy - h, min(x + w, x1), sy, mix(c, S_AMB, 0.25))
            cv.hline(x, min(x + w, x1), sy - h, mix(c, "#f4f1ea", 0.35))
            x += w + int(r.integers(1, 3))
    cv.line(x0 + 3, y1 - 1, x0 + 14, y0, "#fff2dc", 0.22)
    cv.line(x0 + 6, y1 - 1, x0 + 17, y0, "#fff2dc", 0.12)


def shop_door(cv: Canvas, f: int) -> None:
    frame = mix(S_NAVY, S_NIGHT, 0.3)
    cv.rect(0, 0, 32, 32, frame)
    cv.rect(0, 0, 32, 2, mix(S_NAVY, S_TEAL, 0.3))
    shop_interior(cv, 5, 4, 27, 32, 1)
    cv.vline(16, 4, 32, frame)
    cv.rect(13, 16, 15, 22, mix(S_AMB, "#f4f1ea", 0.5))
    cv.rect(18, 16, 20, 22, mix(S_AMB, "#f4f1ea", 0.5))
    cv.rect(5, 28, 27, 32, mix(S_NAVY, S_TEAL, 0.25))


def shutter(cv: Canvas, f: int) -> None:
    base = mix(CONCRETE, S_NAVY, 0.25)
    cv.rect(0, 0, 32, 32, base)
    for y in range(0, 32, 3):
        cv.hline(0, 32, y, mix(base, "#f4f1ea", 0.12))
        cv.hline(0, 32, y + 2, mix(base, S_NIGHT, 0.35))
    cv.rect(0, 0, 2, 32, mix(base, S_NIGHT, 0.4))
    cv.rect(30, 0, 32, 32, mix(base, S_NIGHT, 0.4))
    cv.rect(13, 28, 19, 30, mix(base, S_NIGHT, 0.5))
    # An old magenta tag, faded.
    cv.line(6, 14, 10, 9, S_MAG, 0.35)
    cv.line(10, 9, 13, 15, S_MAG, 0.35)
    cv.line(15, 12, 22, 12, S_MAG, 0.3)


def awning(cv: Canvas, f: int) -> None:
    """Three tiles wide striped awning over a shopfront; transparent above."""
    a, b = mix(S_TEAL, "#f4f1ea", 0.05), mix("#f4f1ea", S_NAVY, 0.45)
    cv.soft(((cv.ys > 24) & (cv.ys < 31)).astype(np.float32), S_NIGHT, 2.0, 0.5)
    for x in range(0, 96, 8):
        cv.rect(x, 8, x + 4, 26, a)
        cv.rect(x + 4, 8, x + 8, 26, b)
    # Top edge in light, shading towards the hem (the fabric slopes towards us).
    shade_m = np.clip((cv.ys - 8) / 18.0, 0, 1) * (cv.ys < 26) * (cv.ys >= 8)
    cv.paint(shade_m, S_NIGHT, 0.25)
    cv.hline(0, 96, 8, mix("#f4f1ea", S_TEAL, 0.3), 0.8)
    cv.rect(0, 6, 96, 8, mix(S_NAVY, S_NIGHT, 0.2))
    # Scalloped hem.
    for x in range(0, 96, 8):
        cv.ellipse(x + 4, 26, 4, 3, a if (x // 8) % 2 == 0 else b)
    cv.paint(((cv.ys > 26) & (cv.ys < 29.5)).astype(np.float32) * cv.a, S_NIGHT, 0.3)
