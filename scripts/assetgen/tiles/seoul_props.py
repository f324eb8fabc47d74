"""Seoul alley tiles, lights and props: neon signs that flicker (real words: 호프 over the basement bar,
노래방 down a projecting sign), a chasing-bulb arrow, the street
lamp and its light pool, vending machine, crates, boxes, plants, bins, bollards, a bicycle, cables, an
A-frame sign, the alley cat.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import Colour, mix
from .canvas import Canvas
from .lettering import word_mask
from .palettes import CONCRETE, S_AMB, S_CYAN, S_MAG, S_NAVY, S_NIGHT, S_TEAL


def neon(cv: Canvas, masks: list[np.ndarray], colour: Colour, level: list[float]) -> None:
    light = np.zeros((cv.h, cv.w), np.float32)
    for m, k in zip(masks, level):
        light = np.maximum(light, m * k)
    total = float(np.mean(level))
    cv.soft(light, colour, 3.5, 0.9 * total + 0.05)
    cv.soft(light, colour, 1.2, 0.8)
    cv.paint(light, mix(colour, "#f4f1ea", 0.55))


NEON_LEVELS = [[1, 1, 1], [0.25, 0.3, 0.25], [1, 0.12, 1]]  # all on; all dim; one letter's tube failing


def letters(cv: Canvas, word: str, size: float, centre: tuple[float, float], vertical: bool = False,
            gap: float = 0.0, tracking: float = 0.0) -> list[np.ndarray]:
    """One mask per letter of a real sign word, laid out as the whole word is (so one tube can fail)."""
    whole = word_mask(cv.w, cv.h, word, size, centre, vertical=vertical, gap=gap, tracking=tracking)
    if len(word) == 1:
        return [whole]
    # each letter is its own stretch of the word along its run: cut at the gaps between the letters
    ink = whole.max(axis=1 if vertical else 0) > 0.05
    runs, start = [], None
    for i, on in enumerate(list(ink) + [False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    while len(runs) > len(word):  # a letter drawn in two strokes (ㅎ's top, 방's parts): join the nearest
        gaps = [runs[i + 1][0] - runs[i][1] for i in range(len(runs) - 1)]
        k = gaps.index(min(gaps))
        runs[k:k + 2] = [(runs[k][0], runs[k + 1][1])]
    masks = []
    for a, b in runs:
        keep = np.zeros_like(whole)
        if vertical:
            keep[a:b, :] = 1
        else:
            keep[:, a:b] = 1
        masks.append(whole * keep)
    return masks


def neon_h(cv: Canvas, f: int) -> None:
    """Two tiles wide: a dark board with 호프 (a beer hall) in magenta tubes and a cyan underline."""
    board = mix(S_NIGHT, S_NAVY, 0.6)
    cv.rect(4, 8, 60, 25, board)
    cv.hline(4, 60, 8, mix(board, S_MAG, 0.3))
    cv.rect(4, 25, 60, 26, S_NIGHT, 0.6)
    cv.vline(10, 3, 8, mix(S_NAVY, S_TEAL, 0.3))
    cv.vline(54, 3, 8, mix(S_NAVY, S_TEAL, 0.3))
    masks = letters(cv, "호프", 14.0, (32, 16.5), tracking=2.5)
    extra = Canvas(cv.w, cv.h)
    extra.hline(6, 58, 23, (1, 1, 1))
    levels = NEON_LEVELS[f]
    neon(cv, masks, S_MAG, levels)
    neon(cv, [extra.a], S_CYAN, [levels[0] * 0.8])


def neon_v(cv: Canvas, f: int) -> None:
    """One tile wide, two tall: a projecting vertical sign, 노래방 (karaoke) in amber tubes in a cyan frame."""
    board = mix(S_NIGHT, S_NAVY, 0.5)
    cv.rect(8, 2, 24, 62, board)
    cv.rect(24, 4, 26, 62, S_NIGHT, 0.7)  # its edge seen at an angle
    cv.rect(12, 0, 20, 2, mix(S_NAVY, S_TEAL, 0.3))
    frame = Canvas(cv.w, cv.h)
    frame.ring(16, 32, 8, 30, (1, 1, 1), 1.0, 1.0)
    frame.a *= (frame.ys > 2) * (frame.ys < 62)
    masks = letters(cv, "노래방", 10.5, (16, 32), vertical=True, gap=2.0)
    levels = NEON_LEVELS[[0, 2, 1][f]]
    neon(cv, [frame.a], S_CYAN, [levels[0]])
    neon(cv, masks, S_AMB, levels)


def neon_arrow(cv: Canvas, f: int) -> None:
    """A small chasing-bulb arrow pointing right (2 frames)."""
    bulbs = [(5, 16), (8, 16), (11, 16), (14, 16), (17, 16), (20, 16), (23, 16),
             (20, 13), (17, 10), (20, 19), (17, 22), (26, 16)]
    board = mix(S_NIGHT, S_NAVY, 0.6)
    cv.rect(2, 6, 30, 27, board)
    cv.hline(2, 30, 6, mix(board, S_AMB, 0.25))
    cv.rect(2, 27, 30, 28, S_NIGHT, 0.5)
    on = Canvas(cv.w, cv.h)
    off = Canvas(cv.w, cv.h)
    for i, (x, y) in enumerate(bulbs):
        (on if (i + f) % 2 == 0 else off).rect(x - 1, y - 1, x + 1, y + 1, (1, 1, 1))
    cv.paint(off.a, mix(S_AMB, S_NIGHT, 0.45))
    cv.soft(on.a, S_AMB, 2.0, 0.9)
    cv.paint(on.a, mix(S_AMB, "#f4f1ea", 0.5))


def lamp_post(cv: Canvas, f: int) -> None:
    """One tile wide, three tall: lamp head (with glow) over a pole over its base."""
    pole = mix(S_NAVY, S_TEAL, 0.35)
    cv.soft(cv.ellipse_m(16, 14, 7, 5), S_AMB, 6.0, 0.85)
    cv.rect(15, 8, 18, 92, pole)
    cv.vline(15, 8, 92, mix(pole, "#f4f1ea", 0.2))
    cv.vline(17, 8, 92, mix(pole, S_NIGHT, 0.35))
    # Head: a curved arm and a flat lantern.
    cv.rect(8, 6, 24, 10, mix(pole, S_NIGHT, 0.2))
    cv.hline(8, 24, 6, mix(pole, "#f4f1ea", 0.25))
    cv.rect(9, 10, 23, 13, mix(S_AMB, "#f4f1ea", 0.55))
    cv.soft(cv.ellipse_m(16, 12, 6, 2), "#fff2dc", 1.5, 0.6)
    # Base on the ground.
    cv.rect(12, 84, 21, 92, mix(pole, S_NIGHT, 0.1))
    cv.hline(12, 21, 84, mix(pole, "#f4f1ea", 0.2))
    cv.ellipse(16.5, 92, 7, 2.5, S_NIGHT, 0.45)
    cv.rect(12, 90, 21, 92, mix(pole, S_NIGHT, 0.3))
    # A little light on the pole below the head.
    cv.paint(np.clip(1 - (cv.ys - 13) / 30, 0, 1) * (cv.ys > 13) * ((cv.xs > 15) & (cv.xs < 16)), S_AMB, 0.4)


def light_pool(cv: Canvas, f: int) -> None:
    """Two by two: a warm pool of lamp light to lay over the ground."""
    cv.radial(32, 32, 32, 26, S_AMB, 0.42, power=1.3)
    cv.radial(32, 32, 15, 11, "#ffe0b0", 0.18, power=1.2)


def spill(cv: Canvas, colour: Colour) -> None:
    """Light falling from a window or sign onto the ground below it: strong at the top, fading down.
    Tiles seamlessly side by side."""
    fade = np.clip(1.0 - cv.ys / 30.0, 0.0, 1.0) ** 1.6
    cv.paint(fade, colour, 0.30)


def vending(cv: Canvas, f: int) -> None:
    """One tile wide, two tall: a drinks machine with a lit front."""
    body = mix(S_MAG, S_NAVY, 0.35)
    cv.soft(cv.ellipse_m(16, 30, 16, 22), S_CYAN, 4.0, 0.25)
    cv.rect(3, 6, 29, 62, body)
    cv.rect(3, 2, 29, 6, mix(body, "#f4f1ea", 0.25))  # top face
    cv.hline(3, 29, 6, mix(body, S_NIGHT, 0.3))
    cv.vline(3, 6, 62, mix(body, "#f4f1ea", 0.15))
    cv.vline(28, 6, 62, mix(body, S_NIGHT, 0.35))
    # Lit display window with rows of cans.
    cv.rect(6, 9, 26, 36, mix(S_CYAN, "#f4f1ea", 0.55))
    can_cols = [S_MAG, S_AMB, S_TEAL, "#f4f1ea", S_NAVY, S_CYAN]
    for row, y in enumerate((11, 19, 27)):
        for i, x in enumerate(range(7, 25, 3)):
            c = can_cols[(i + row * 2) % len(can_cols)]
            cv.rect(x, y, x + 2, y + 5, c)
            cv.px(x, y, mix(c, "#f4f1ea", 0.5))
        cv.hline(6, 26, y + 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.line(8, 35, 20, 10, "#ffffff", 0.18)
    # Buttons, coin slot, price LEDs.
    for i, x in enumerate(range(7, 25, 3)):
        cv.rect(x, 38, x + 2, 40, S_AMB if i % 2 else S_CYAN)
    cv.rect(20, 42, 25, 48, mix(body, S_NIGHT, 0.4))
    cv.rect(22, 43, 23, 46, mix(S_AMB, "#f4f1ea", 0.3))
    cv.rect(7, 44, 17, 47, S_NIGHT)
    cv.hline(7, 17, 44, mix(S_CYAN, S_NIGHT, 0.4))
    cv.rect(6, 51, 26, 58, mix(body, S_NIGHT, 0.55))
    cv.rect(7, 52, 25, 57, S_NIGHT)
    cv.rect(3, 62, 29, 64, S_NIGHT, 0.55)


def crate(cv: Canvas, f: int) -> None:
    """Two stacked plastic bottle crates; green soju bottles show in the open top."""
    body = mix(S_TEAL, "#3f8a7a", 0.35)
    cv.ellipse(16, 29, 14, 3, S_NIGHT, 0.45)
    # Lower crate: front face only.
    cv.rect(3, 19, 29, 29, mix(body, S_NIGHT, 0.3))
    cv.hline(3, 29, 19, mix(body, "#f4f1ea", 0.15))
    for x in range(5, 28, 4):
        cv.vline(x, 21, 28, mix(body, S_NIGHT, 0.6))
    cv.rect(12, 21, 20, 23, S_NIGHT, 0.7)
    # Upper crate: its open top (seen from above) full of bottle necks, then its front.
    cv.rect(4, 3, 28, 12, mix(body, S_NIGHT, 0.55))
    cv.rect(4, 3, 28, 4, mix(body, "#f4f1ea", 0.3))
    cv.vline(4, 3, 12, mix(body, "#f4f1ea", 0.2))
    cv.vline(27, 3, 12, body)
    bottle = mix("#3f8a5a", S_CYAN, 0.2)
    for row, y in enumerate((5, 8)):
        for x in range(6 + row * 2, 26, 4):
            cv.rect(x, y, x + 2, y + 2, bottle)
            cv.px(x, y, mix(bottle, "#f4f1ea", 0.5))
    cv.rect(4, 12, 28, 19, body)
    cv.hline(4, 28, 12, mix(body, "#f4f1ea", 0.25))
    for x in range(6, 27, 4):
        cv.vline(x, 14, 18, mix(body, S_NIGHT, 0.45))
    cv.rect(12, 14, 20, 16, S_NIGHT, 0.7)
    cv.rect(4, 18, 28, 19, S_NIGHT, 0.4)


def cardboard(cv: Canvas, f: int) -> None:
    box = mix("#b07a46", S_NAVY, 0.45)
    cv.ellipse(16, 29, 13, 3, S_NIGHT, 0.45)
    cv.rect(5, 14, 27, 29, mix(box, S_NIGHT, 0.2))
    cv.rect(5, 8, 27, 14, mix(box, "#f4f1ea", 0.12))
    cv.hline(5, 27, 8, mix(box, "#f4f1ea", 0.3))
    cv.vline(16, 8, 14, mix(box, S_NIGHT, 0.35))
    cv.rect(14, 14, 18, 29, mix(box, "#f4f1ea", 0.2), 0.5)  # tape
    cv.rect(8, 18, 12, 21, S_NIGHT, 0.3)


def plant(cv: Canvas, f: int) -> None:
    """A potted plant on the pavement (a big round pot and dark glossy leaves)."""
    pot = mix("#8a4a2a", S_NAVY, 0.3)
    leaf = mix("#3f7a4a", S_TEAL, 0.35)
    cv.ellipse(16, 29, 11, 3, S_NIGHT, 0.45)
    cv.rect(8, 19, 24, 29, pot)
    cv.rect(7, 17, 25, 20, mix(pot, "#f4f1ea", 0.15))
    cv.vline(9, 20, 29, mix(pot, "#f4f1ea", 0.1))
    cv.vline(22, 20, 29, mix(pot, S_NIGHT, 0.3))
    leaves = [(16, 9, 6, 5), (10, 13, 5, 4), (22, 12, 5, 4), (13, 5, 4, 4), (20, 6, 4, 3), (16, 14, 6, 3)]
    for cx, cy, rx, ry in leaves:
        cv.ellipse(cx, cy, rx, ry, mix(leaf, S_NIGHT, 0.3))
    for cx, cy, rx, ry in leaves:
        cv.ellipse(cx - 1, cy - 1, rx - 1.5, ry - 1.5, leaf)
        cv.px(cx - 2, cy - 2, mix(leaf, "#f4f1ea", 0.35))


def trash(cv: Canvas, f: int) -> None:
    bag = mix(S_NAVY, S_TEAL, 0.15)
    cv.ellipse(16, 28, 14, 3.5, S_NIGHT, 0.45)
    for cx, cy, rx, ry in ((10, 21, 7, 7), (21, 22, 7, 6), (15, 15, 6, 6)):
        cv.ellipse(cx, cy, rx, ry, mix(bag, S_NIGHT, 0.2))
        cv.ellipse(cx - 1.5, cy - 2, rx - 2.5, ry - 3, mix(bag, "#f4f1ea", 0.1))
    cv.rect(14, 8, 17, 10, mix(bag, S_NIGHT, 0.4))


def bin_(cv: Canvas, f: int) -> None:
    can = mix(S_TEAL, S_NAVY, 0.2)
    cv.ellipse(16, 29, 10, 3, S_NIGHT, 0.45)
    cv.rect(7, 10, 25, 28, can)
    cv.ellipse(16, 28, 9, 2, can)
    cv.vline(8, 10, 28, mix(can, "#f4f1ea", 0.18))
    cv.vline(23, 10, 28, mix(can, S_NIGHT, 0.35))
    for x in (12, 16, 20):
        cv.vline(x, 13, 26, mix(can, S_NIGHT, 0.25))
    cv.ellipse(16, 9, 10, 3.5, mix(can, "#f4f1ea", 0.15))
    cv.ellipse(16, 9, 8, 2, mix(can, S_NIGHT, 0.4))


def bollard(cv: Canvas, f: int) -> None:
    post = mix(CONCRETE, "#f4f1ea", 0.1)
    cv.ellipse(16, 27, 7, 2.5, S_NIGHT, 0.45)
    cv.rect(12, 12, 20, 27, post)
    cv.ellipse(16, 12, 4, 2, mix(post, "#f4f1ea", 0.2))
    cv.rect(12, 16, 20, 18, mix(S_AMB, "#c86a2a", 0.2))
    cv.vline(19, 12, 27, mix(post, S_NIGHT, 0.35))


def bicycle(cv: Canvas, f: int) -> None:
    """Two tiles wide: a parked bicycle, side on."""
    frame = mix(S_MAG, S_NAVY, 0.2)
    tyre = mix(S_NIGHT, S_NAVY, 0.3)
    cv.ellipse(32, 28, 26, 3, S_NIGHT, 0.4)
    for cx in (15, 49):
        cv.ring(cx, 20, 9, 9, tyre, 1.0, 2.0)
        cv.ring(cx, 20, 7, 7, mix(S_TEAL, "#f4f1ea", 0.2), 0.5, 1.0)
        cv.px(cx, 20, mix(S_TEAL, "#f4f1ea", 0.3))
    for a, b in (((15, 20), (28, 20)), ((28, 20), (25, 9)), ((25, 9), (43, 9)), ((43, 9), (28, 20)),
                 ((43, 9), (49, 20)), ((42, 5), (44, 10))):
        cv.line(a[0], a[1], b[0], b[1], frame)
    cv.rect(21, 7, 28, 9, S_NIGHT)
    cv.rect(39, 4, 46, 6, mix(S_NAVY, S_TEAL, 0.2))
    cv.rect(14, 19, 16, 21, mix(S_AMB, "#f4f1ea", 0.2))


def cables(cv: Canvas, f: int) -> None:
    """Overhead cables sagging across the tile (goes on the top layer)."""
    for y0, sag, c in ((6, 4, mix(S_NAVY, S_TEAL, 0.5)), (12, 3, mix(S_NAVY, S_TEAL, 0.8)),
                       (9, 6, mix(S_NAVY, "#f4f1ea", 0.15))):
        prev = None
        for x in range(33):
            y = y0 + sag * math.sin(math.pi * x / 32.0)
            if prev is not None:
                cv.line(prev[0], prev[1], x, y, c, 0.95)
            prev = (x, y)


def sign_board(cv: Canvas, f: int) -> None:
    """A standing A-frame menu board with a glowing amber border."""
    cv.ellipse(16, 29, 10, 2.5, S_NIGHT, 0.45)
    board = mix(S_NIGHT, S_NAVY, 0.5)
    cv.line(8, 29, 11, 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.line(24, 29, 21, 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.rect(10, 6, 23, 25, board)
    frame_m = Canvas(cv.w, cv.h)
    frame_m.rect(10, 6, 23, 7, (1, 1, 1))
    frame_m.rect(10, 24, 23, 25, (1, 1, 1))
    frame_m.rect(10, 6, 11, 25, (1, 1, 1))
    frame_m.rect(22, 6, 23, 25, (1, 1, 1))
    cv.soft(frame_m.a, S_AMB, 1.5, 0.6)
    cv.paint(frame_m.a, mix(S_AMB, "#f4f1ea", 0.3))
    for y in (10, 14, 18):
        cv.hline(13, 20 - (y % 3), y, mix("#f4f1ea", S_NAVY, 0.3))
    cv.rect(13, 21, 16, 22, S_MAG)


def cat(cv: Canvas, f: int) -> None:
    """A small alley cat curled on the ground (a Seoul alley regular)."""
    fur = mix(S_NAVY, "#f4f1ea", 0.28)
    cv.ellipse(16, 26, 9, 2.5, S_NIGHT, 0.4)
    cv.ellipse(16, 21, 8, 5, fur)
    cv.ellipse(10, 18, 4.5, 4, fur)
    cv.px(7, 14, fur)
    cv.px(12, 14, fur)
    cv.rect(7, 15, 9, 16, fur)
    cv.rect(11, 15, 13, 16, fur)
    cv.px(8, 18, S_AMB)
    cv.px(11, 18, S_AMB)
    cv.hline(18, 25, 25, mix(fur, "#f4f1ea", 0.1))
    cv.ellipse(18, 19, 5, 2, mix(fur, "#f4f1ea", 0.15))
