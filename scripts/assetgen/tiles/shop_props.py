"""Jay's shop tiles, props and light: the radio table, record crate, stool, plant, boxes, amp, tape
deck, cables, the window's spill and the lamp's pool, a wall shelf, the keyboard.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import mix
from .canvas import Canvas
from .palettes import H_AMB, H_BLUE, H_BLUE_LIGHT, H_BROWN, H_CREAM, H_DARK, H_TAN, H_WOOD
from .shop_room import plaster


def h_radio_table(cv: Canvas, f: int) -> None:
    """A valve radio on a little side table, its dial breathing (2 frames)."""
    cv.ellipse(16, 30, 11, 2.5, H_DARK, 0.5)
    leg = mix(H_WOOD, H_BROWN, 0.3)
    cv.rect(6, 20, 26, 23, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(6, 26, 20, mix(H_TAN, H_AMB, 0.4))
    cv.rect(8, 23, 10, 30, leg)
    cv.rect(22, 23, 24, 30, leg)
    case = mix(H_WOOD, H_TAN, 0.2)
    # An arched cathedral radio.
    cv.rect(9, 8, 23, 20, case)
    cv.ellipse(16, 8.5, 7, 5, case)
    cv.hline(9, 23, 19, mix(case, H_DARK, 0.3))
    cv.ellipse(16, 9, 4.5, 3.5, mix(H_BROWN, H_DARK, 0.3))
    for x in (14, 16, 18):
        cv.vline(x, 6, 12, mix(case, H_TAN, 0.3))
    glow = [1.0, 0.55][f]
    cv.soft(cv.ellipse_m(16, 16, 4, 2), H_AMB, 2.0, 0.6 * glow)
    cv.rect(12, 14, 20, 17, mix(H_AMB, H_CREAM, 0.3 * glow), 0.5 + 0.5 * glow)
    cv.px(15 + f, 15, "#c2408a")
    cv.px(10, 17, H_CREAM)
    cv.px(21, 17, H_CREAM)


def h_record_crate(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 29, 13, 3, H_DARK, 0.5)
    crate_c = mix(H_WOOD, H_TAN, 0.15)
    r = cv.rng
    for x in range(6, 27, 2):  # record sleeves leaning, seen from above
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b"][int(r.integers(0, 6))]
        hgt = int(r.integers(0, 3))
        cv.rect(x, 7 + hgt, x + 2, 17, mix(c, H_BROWN, 0.25))
        cv.hline(x, x + 2, 7 + hgt, mix(c, H_CREAM, 0.35))
    cv.rect(4, 15, 28, 29, crate_c)
    cv.hline(4, 28, 15, mix(H_TAN, H_AMB, 0.4))
    for y in (20, 25):
        cv.hline(4, 28, y, mix(crate_c, H_DARK, 0.35))
    cv.vline(27, 15, 29, mix(crate_c, H_DARK, 0.3))
    cv.rect(12, 17, 20, 19, H_DARK, 0.6)


def h_stool(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 28, 9, 2.5, H_DARK, 0.5)
    leg = mix(H_DARK, H_BROWN, 0.4)
    for x0, x1 in ((9, 11), (20, 22)):
        cv.line(x0, 28, x1, 15, leg)
    cv.line(15, 29, 16, 15, leg)
    cv.hline(11, 21, 23, leg)
    cv.ellipse(16, 13, 8, 4, mix(H_WOOD, H_BROWN, 0.1))
    cv.ellipse(16, 12, 7, 3, mix(H_WOOD, H_TAN, 0.35))
    cv.px(13, 11, H_CREAM)


def h_plant(cv: Canvas, f: int) -> None:
    pot = mix(H_TAN, "#8a4a2a", 0.4)
    leaf = mix("#4f7a3a", H_BROWN, 0.25)
    cv.ellipse(16, 29, 10, 2.5, H_DARK, 0.5)
    cv.rect(10, 20, 22, 29, pot)
    cv.rect(9, 18, 23, 21, mix(pot, H_CREAM, 0.2))
    cv.vline(21, 21, 29, mix(pot, H_DARK, 0.3))
    for cx, cy, _ang in ((16, 10, 0), (10, 13, -0.7), (22, 13, 0.7), (12, 6, -0.3), (20, 6, 0.3)):
        cv.ellipse(cx, cy, 3, 6, mix(leaf, H_DARK, 0.25))
        cv.ellipse(cx - 0.5, cy - 0.5, 2, 5, leaf)
        cv.vline(cx, cy - 4, cy + 4, mix(leaf, H_CREAM, 0.25), 0.6)


def h_boxes(cv: Canvas, f: int) -> None:
    box = mix(H_TAN, H_BROWN, 0.35)
    cv.ellipse(16, 29, 14, 3, H_DARK, 0.5)
    for x0, y0, w, h in ((3, 14, 16, 15), (14, 18, 15, 11), (6, 4, 12, 10)):
        cv.rect(x0, y0 + 4, x0 + w, y0 + h, mix(box, H_DARK, 0.2))
        cv.rect(x0, y0, x0 + w, y0 + 4, mix(box, H_CREAM, 0.12))
        cv.hline(x0, x0 + w, y0, mix(box, H_CREAM, 0.3))
        cv.vline(x0 + w // 2, y0, y0 + 4, mix(box, H_DARK, 0.3))
    cv.rect(18, 22, 26, 25, H_CREAM, 0.6)  # label


def h_amp(cv: Canvas, f: int) -> None:
    """A small guitar amp with a warm pilot light."""
    cv.ellipse(16, 29, 13, 3, H_DARK, 0.5)
    tolex = mix(H_DARK, "#1b2340", 0.3)
    cv.rect(4, 9, 28, 29, tolex)
    cv.rect(4, 6, 28, 9, mix(tolex, H_CREAM, 0.15))
    cv.rect(6, 13, 26, 27, mix(H_TAN, H_BROWN, 0.45))
    cv.speckle(cv.rng, mix(H_TAN, H_BROWN, 0.7), 0.2, box=(6, 13, 26, 27))
    cv.rect(6, 9, 26, 12, mix("#a9b4c8", tolex, 0.4))
    for x in (9, 13, 17, 21):
        cv.px(x, 10, H_CREAM)
    cv.px(24, 10, H_AMB)
    cv.soft(cv.ellipse_m(24.5, 10.5, 1.5, 1.5), H_AMB, 1.2, 0.8)
    cv.rect(13, 4, 19, 6, H_DARK)


def h_tape_deck(cv: Canvas, f: int) -> None:
    """A reel-to-reel deck on a low table: the reels turn (3 frames)."""
    cv.ellipse(16, 30, 13, 2.5, H_DARK, 0.5)
    cv.rect(4, 20, 28, 23, mix(H_WOOD, H_TAN, 0.3))
    cv.rect(6, 23, 8, 30, H_BROWN)
    cv.rect(24, 23, 26, 30, H_BROWN)
    deck = "#8a96a8"
    cv.rect(4, 3, 28, 20, mix(deck, H_DARK, 0.25))
    cv.hline(4, 28, 3, deck)
    for cx in (10, 22):
        cv.ellipse(cx, 9, 5, 5, mix(H_BLUE, "#a9b4c8", 0.35))
        cv.ellipse(cx, 9, 3, 3, mix(H_BROWN, H_DARK, 0.2))
        t = [0.0, 2.1, 4.2][f]
        for k in range(3):
            a = t + k * 2.094
            cv.px(cx + 3.8 * math.cos(a) - 0.5, 9 + 3.8 * math.sin(a) - 0.5, H_CREAM)
    cv.hline(10, 22, 14, H_BROWN)
    cv.rect(6, 16, 26, 19, mix(deck, H_DARK, 0.5))
    cv.px(8, 17, H_AMB)
    cv.px(24, 17, "#c2408a" if f != 1 else H_DARK)


def h_cable(cv: Canvas, f: int) -> None:
    """A loose cable across the floor (overlay)."""
    prev = None
    for x in range(-2, 35):
        y = 16 + 5 * math.sin(x / 32.0 * 2 * math.pi)
        if prev:
            cv.line(prev[0], prev[1], x, y, H_DARK, 0.9)
            cv.line(prev[0], prev[1] - 1, x, y - 1, mix(H_DARK, H_TAN, 0.3), 0.5)
        prev = (x, y)


def h_window_spill(cv: Canvas, f: int) -> None:
    """Two wide: the window's blue night light falling onto the floor below it (overlay)."""
    fade = np.clip(1.0 - cv.ys / 30.0, 0.0, 1.0) ** 1.2
    # A trapezoid that widens away from the wall, soft at its sides.
    half = 24.0 + cv.ys * 0.25
    side = np.clip((half - np.abs(cv.xs - 32.0)) / 6.0, 0.0, 1.0)
    cv.paint(fade * side, H_BLUE_LIGHT, 0.14)
    # Faint shadows of the window bars.
    bars = (np.abs(cv.xs - 32.0 - (cv.ys * 0.1)) < 1.0) | (np.abs(cv.ys - 10.0) < 0.8)
    cv.paint(bars * fade * side, H_DARK, 0.18)


def h_wall_shelf(cv: Canvas, f: int) -> None:
    """Plaster wall with a small shelf of cassettes and a photo (upper row)."""
    plaster(cv)
    cv.rect(3, 17, 29, 19, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(3, 29, 17, mix(H_TAN, H_AMB, 0.4))
    cv.rect(3, 19, 29, 20, H_DARK, 0.5)
    for i, x in enumerate(range(5, 17, 3)):
        c = [H_CREAM, "#c2408a", H_AMB, "#6fe3e1"][i % 4]
        cv.rect(x, 10, x + 2, 17, mix(c, H_BROWN, 0.3))
        cv.px(x, 10, mix(c, H_CREAM, 0.4))
    cv.rect(19, 7, 27, 17, H_CREAM)
    cv.rect(20, 8, 26, 14, mix(H_BLUE, H_BLUE_LIGHT, 0.4))
    cv.rect(20, 12, 26, 14, mix(H_AMB, H_BROWN, 0.4))
    cv.px(22, 10, H_DARK)
    cv.px(24, 10, H_DARK)


def h_lamp_pool(cv: Canvas, f: int) -> None:
    cv.radial(32, 32, 32, 26, H_AMB, 0.40, power=1.3)
    cv.radial(32, 32, 14, 10, "#ffe0b0", 0.12, power=1.2)


def h_keyboard(cv: Canvas, f: int) -> None:
    """Two tiles wide: a keyboard under a grey dust sheet (the back room), one corner lifted."""
    cv.ellipse(32, 30, 29, 3, H_DARK, 0.5)
    sheet = mix("#a9b4c8", H_BROWN, 0.3)
    cv.rect(3, 8, 61, 29, sheet)
    cv.ellipse(32, 8, 29, 4, sheet)
    for x in (12, 25, 40, 52):
        cv.vline(x, 12, 29, mix(sheet, H_BROWN, 0.3))
        cv.vline(x + 1, 12, 29, mix(sheet, H_CREAM, 0.4))
    cv.rect(3, 26, 61, 29, mix(sheet, H_BROWN, 0.2))
    cv.rect(45, 24, 59, 29, H_DARK)  # the sheet lifted at one corner: keys peek out
    for x in range(46, 59, 2):
        cv.rect(x, 25, x + 1, 29, H_CREAM)
    cv.rect(3, 29, 61, 30, H_DARK, 0.5)
