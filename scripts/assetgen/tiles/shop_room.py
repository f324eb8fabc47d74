"""Jay's shop tiles, the room: plank floor, doormat, rug, wall tops, plaster walls with wainscot,
poster, pegboard, clock, the night window and the door.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ..raster.colour import mix, rgb
from .canvas import Canvas
from .palettes import H_AMB, H_BLUE, H_BLUE_LIGHT, H_BROWN, H_CREAM, H_DARK, H_TAN, H_WOOD, PLANK, PLASTER


def wood_floor(cv: Canvas, variant: int = 0) -> None:
    """Long planks, 8 px wide, one butt joint per row; low-contrast seams so it never reads as brick."""
    r = cv.rng
    seam = mix(H_DARK, PLANK, 0.55)
    cv.rect(0, 0, 32, 32, seam)
    offsets = [0, 19, 7, 26] if variant == 0 else [13, 3, 23, 16]
    tones = [0.0, 0.025, -0.02, 0.015, -0.01, 0.03, -0.025, 0.005]
    for row in range(4):
        y0 = row * 8
        off = offsets[row]
        for k, x0 in enumerate((off - 32, off)):
            t = tones[(row * 2 + k + variant * 3) % len(tones)]
            tone = mix(PLANK, H_TAN if t > 0 else H_DARK, abs(t) * 2.0)
            xa, xb = max(x0 + 1, 0), min(x0 + 32, 32)
            if xb <= xa:
                continue
            cv.rect(xa, y0, xb, y0 + 7, tone)
            # Long, soft grain lines that run the plank's length.
            for gy in (y0 + 1, y0 + 3, y0 + 5):
                gx = int(r.integers(-10, 20))
                cv.hline(max(gx, xa), min(gx + int(r.integers(12, 26)), xb), gy, mix(tone, H_DARK, 0.16))
            gx = int(r.integers(0, 24))
            cv.hline(max(gx, xa), min(gx + 8, xb), y0 + 2 + (row % 2) * 2, mix(tone, H_TAN, 0.10))
        cv.vline(off % 32, y0, y0 + 7, mix(seam, H_DARK, 0.4))
    cv.speckle(r, mix(PLANK, H_DARK, 0.25), 0.02)
    if variant == 1:
        cv.ellipse(21, 11.5, 2, 1, mix(PLANK, H_DARK, 0.4))  # a knot


def floor_shadow_fn(base: Callable[[Canvas, int], None]) -> Callable[[Canvas, int], None]:
    def draw(cv: Canvas, f: int) -> None:
        base(cv, f)
        cv.paint(np.clip(1.0 - cv.ys / 12.0, 0.0, 1.0) ** 1.3, H_DARK, 0.6)
    return draw


def h_floor(cv: Canvas, f: int) -> None:
    wood_floor(cv, 0)


def h_floor_b(cv: Canvas, f: int) -> None:
    wood_floor(cv, 1)


def h_doormat(cv: Canvas, f: int) -> None:
    wood_floor(cv, 0)
    mat = mix(H_WOOD, H_BROWN, 0.3)
    cv.rect(3, 7, 29, 27, mix(mat, H_DARK, 0.2))
    cv.rect(4, 8, 28, 26, mat)
    cv.speckle(cv.rng, mix(mat, H_DARK, 0.25), 0.25, box=(4, 8, 28, 26))
    for x in range(7, 25, 3):
        cv.vline(x, 11, 23, mix(mat, H_CREAM, 0.2), 0.6)


def rug(cv: Canvas, f: int) -> None:
    """Three by three rug; the centre, edges and corners repeat for bigger rugs."""
    base = mix("#6b3f2a", "#8a2f2a", 0.4)
    band = mix(H_BROWN, H_DARK, 0.3)
    cv.rect(2, 2, 94, 94, base)
    # Border band with small diamonds.
    cv.rect(2, 2, 94, 10, band)
    cv.rect(2, 86, 94, 94, band)
    cv.rect(2, 2, 10, 94, band)
    cv.rect(86, 2, 94, 94, band)
    for t in range(6, 92, 8):
        for (x, y) in ((t, 6), (t, 90), (6, t), (90, t)):
            cv.px(x, y - 1, H_TAN)
            cv.rect(x - 1, y, x + 2, y + 1, H_TAN)
            cv.px(x, y + 1, H_TAN)
    cv.rect(10, 10, 86, 11, H_CREAM, 0.7)
    cv.rect(10, 85, 86, 86, H_CREAM, 0.7)
    cv.rect(10, 10, 11, 86, H_CREAM, 0.7)
    cv.rect(85, 10, 86, 86, H_CREAM, 0.7)
    # Field: a lattice of diamonds with a 16 px period, aligned to the tiles.
    xs, ys = cv.xs - 0.5, cv.ys - 0.5
    lat = (np.abs(((xs + 8) % 16) - 8) + np.abs(((ys + 8) % 16) - 8))
    inside = ((xs >= 12) & (xs < 84) & (ys >= 12) & (ys < 84)).astype(np.float32)
    cv.paint((np.abs(lat - 6) < 0.6) * inside, mix(H_TAN, base, 0.35))
    cv.paint((lat < 1.6) * inside, H_AMB, 0.8)
    cv.paint((np.abs(lat - 6) < 0.6) * inside * (((xs // 16 + ys // 16) % 2) == 0), H_CREAM, 0.25)
    # Fringe at the top and bottom ends.
    for x in range(3, 93, 2):
        cv.vline(x, 0, 2, H_CREAM, 0.7)
        cv.vline(x, 94, 96, H_CREAM, 0.7)
    cv.speckle(cv.rng, H_DARK, 0.04, 0.5, box=(2, 2, 94, 94))


def h_wall_top(cv: Canvas, f: int) -> None:
    cv.rect(0, 0, 32, 32, mix(H_DARK, H_BROWN, 0.35))
    cv.speckle(cv.rng, H_DARK, 0.05)
    cv.speckle(cv.rng, mix(H_BROWN, H_WOOD, 0.3), 0.03)


def h_wall_top_edge(cv: Canvas, f: int) -> None:
    h_wall_top(cv, f)
    cv.rect(0, 25, 32, 29, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(0, 32, 25, mix(H_TAN, H_AMB, 0.4))
    cv.rect(0, 29, 32, 32, mix(H_BROWN, H_DARK, 0.3))


def plaster(cv: Canvas) -> None:
    cv.rect(0, 0, 32, 32, PLASTER)
    cv.speckle(cv.rng, mix(PLASTER, H_DARK, 0.18), 0.08)
    cv.speckle(cv.rng, mix(PLASTER, H_TAN, 0.15), 0.05)
    # Warm lamplight washing down the wall, tileable sideways.
    cv.paint(np.clip(cv.ys / 32.0, 0, 1), H_DARK, 0.15)


def h_wall(cv: Canvas, f: int) -> None:
    plaster(cv)


def wainscot(cv: Canvas, y0: int = 10) -> None:
    wood = mix(H_WOOD, H_BROWN, 0.25)
    cv.rect(0, y0, 32, 32, wood)
    cv.rect(0, y0, 32, y0 + 3, mix(H_WOOD, H_TAN, 0.35))  # rail
    cv.hline(0, 32, y0, mix(H_TAN, H_AMB, 0.3))
    cv.hline(0, 32, y0 + 3, mix(wood, H_DARK, 0.5))
    for x0 in (2, 18):
        cv.rect(x0, y0 + 6, x0 + 12, 27, mix(wood, H_DARK, 0.15))
        cv.hline(x0, x0 + 12, y0 + 6, mix(wood, H_DARK, 0.45))
        cv.vline(x0, y0 + 6, 27, mix(wood, H_DARK, 0.45))
        cv.hline(x0, x0 + 12, 26, mix(wood, H_TAN, 0.25))
        cv.vline(x0 + 11, y0 + 6, 27, mix(wood, H_TAN, 0.2))
    cv.rect(0, 28, 32, 32, mix(H_BROWN, H_DARK, 0.4))  # skirting
    cv.hline(0, 32, 28, mix(H_WOOD, H_TAN, 0.2))


def h_wall_base(cv: Canvas, f: int) -> None:
    plaster(cv)
    wainscot(cv)


def h_wall_poster(cv: Canvas, f: int) -> None:
    plaster(cv)
    cv.rect(8, 4, 25, 27, H_DARK, 0.4)
    cv.rect(7, 3, 24, 26, mix(H_CREAM, H_TAN, 0.35))
    cv.ellipse(15.5, 11.5, 5, 5, "#c2408a")
    cv.ellipse(15.5, 11.5, 2, 2, mix(H_CREAM, H_TAN, 0.35))
    for y, w in ((19, 13), (21, 9), (23, 11)):
        cv.hline(9, 9 + w, y, H_BROWN)
    cv.px(15, 3, "#9ad1ff")


def h_wall_pegboard(cv: Canvas, f: int) -> None:
    plaster(cv)
    board = mix(H_TAN, H_WOOD, 0.55)
    cv.rect(2, 3, 30, 29, board)
    cv.rect(2, 29, 30, 30, H_DARK, 0.5)
    for y in range(5, 29, 4):
        for x in range(4, 30, 4):
            cv.px(x, y, mix(board, H_DARK, 0.45))
    steel = "#a9b4c8"
    # pliers
    cv.line(6, 8, 8, 20, steel)
    cv.line(10, 8, 8, 20, steel)
    cv.rect(6, 19, 8, 25, "#c2408a")
    cv.rect(9, 19, 11, 25, "#c2408a")
    # screwdrivers
    for x, c in ((15, H_AMB), (18, "#6fe3e1"), (21, H_AMB)):
        cv.vline(x, 6, 16, steel)
        cv.rect(x - 1, 16, x + 2, 24, c)
    # coil of wire
    cv.ring(26, 13, 3.5, 3.5, "#c2408a", 1.0, 1.5)
    cv.ring(26, 22, 3, 3, H_CREAM, 0.9, 1.2)


def h_wall_clock(cv: Canvas, f: int) -> None:
    plaster(cv)
    cv.ellipse(16.5, 14.5, 9, 9, H_DARK, 0.4)
    cv.ellipse(16, 14, 9, 9, mix(H_WOOD, H_BROWN, 0.3))
    cv.ellipse(16, 14, 7, 7, H_CREAM)
    for a in range(0, 360, 30):
        t = math.radians(a)
        cv.px(16 + 5.6 * math.cos(t) - 0.5, 14 + 5.6 * math.sin(t) - 0.5, H_BROWN)
    cv.line(16, 14, 16, 9, H_DARK)
    cv.line(16, 14, 19, 16, H_DARK)
    cv.px(15.5, 13.5, "#c2408a")


def night_glass(cv: Canvas, x0: int, y0: int, x1: int, y1: int) -> None:
    t = np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1)
    col = rgb(H_BLUE)[None, None] * (1 - t[..., None]) + rgb("#1b2340")[None, None] * t[..., None]
    m = np.zeros((cv.h, cv.w), np.float32)
    m[y0:y1, x0:x1] = 1
    cv.paint(m, col)
    # Far city lights and rain on the glass.
    r = cv.rng
    for _ in range((x1 - x0) * (y1 - y0) // 40):
        x, y = int(r.integers(x0, x1)), int(r.integers(y0 + (y1 - y0) // 2, y1))
        cv.px(x, y, [H_AMB, "#c2408a", "#6fe3e1", H_BLUE_LIGHT][int(r.integers(0, 4))], 0.6)
    for _ in range((x1 - x0) // 3):
        x, y = int(r.integers(x0, x1)), int(r.integers(y0, y1 - 4))
        cv.vline(x, y, y + int(r.integers(2, 5)), H_BLUE_LIGHT, 0.35)


def h_window(cv: Canvas, f: int) -> None:
    """Two tiles wide on the wall: a night window with rain and far city lights."""
    for x in range(0, 64, 32):
        sub = Canvas(32, 32)
        sub.rng = cv.rng
        plaster(sub)
        cv.paste(sub, x, 0)
    frame = mix(H_WOOD, H_BROWN, 0.2)
    cv.rect(4, 2, 60, 29, frame)
    cv.hline(4, 60, 2, mix(H_WOOD, H_TAN, 0.4))
    night_glass(cv, 7, 5, 57, 26)
    cv.rect(31, 5, 33, 26, frame)
    cv.rect(7, 15, 57, 16, frame)
    cv.rect(2, 26, 62, 29, mix(H_WOOD, H_TAN, 0.35))  # sill
    cv.hline(2, 62, 26, mix(H_TAN, H_AMB, 0.35))
    cv.rect(2, 29, 62, 30, H_DARK, 0.5)
    cv.px(48, 24, "#3f7a4a")
    cv.rect(46, 21, 51, 26, mix("#3f7a4a", H_DARK, 0.2))  # a small cactus pot on the sill
    cv.rect(45, 24, 52, 27, mix(H_TAN, "#8a4a2a", 0.3))


def h_door(cv: Canvas, f: int) -> None:
    """One wide, two tall (both wall rows): the shop's wooden door with a glass pane and a bell."""
    for y in (0, 32):
        sub = Canvas(32, 32)
        sub.rng = cv.rng
        plaster(sub)
        if y == 32:
            wainscot(sub)
        cv.paste(sub, 0, y)
    frame = mix(H_WOOD, H_BROWN, 0.1)
    door = mix(H_WOOD, H_TAN, 0.15)
    cv.rect(3, 4, 29, 64, frame)
    cv.rect(5, 6, 27, 64, door)
    cv.vline(5, 6, 64, mix(door, H_AMB, 0.3))
    cv.vline(26, 6, 64, mix(door, H_DARK, 0.3))
    night_glass(cv, 8, 9, 24, 30)
    cv.rect(8, 19, 24, 20, frame)
    cv.rect(8, 36, 24, 58, mix(door, H_DARK, 0.12))
    cv.hline(8, 24, 36, mix(door, H_DARK, 0.35))
    cv.vline(8, 36, 58, mix(door, H_DARK, 0.35))
    cv.rect(21, 35, 24, 38, H_AMB)
    cv.px(21, 35, H_CREAM)
    # Bell over the door.
    cv.vline(16, 1, 4, H_DARK)
    cv.ellipse(16, 5, 2.5, 2.5, H_AMB)
    cv.px(15, 4, H_CREAM)
    cv.rect(5, 62, 27, 64, H_DARK, 0.45)
