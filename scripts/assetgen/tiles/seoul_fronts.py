"""Seoul alley frontages the story names (docs/story-bible.md, scenes/seoul/repair_shop.yaml): Eunha
Sound's brass sign (은하음향사), its amber window with radios and Dori's face at the glass, its door; the
lighting wholesaler's window where every lamp is on; the KASA hologram over a shuttered shop; a wall of
gig posters pasted over each other for years.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from .canvas import Canvas
from .lettering import word_mask
from .palettes import S_AMB, S_CYAN, S_MAG, S_NAVY, S_NIGHT, S_TEAL
from .seoul_walls import bricks, wall_base

BRASS, VERDIGRIS = "#c9a45a", "#5f9e8c"
WOOD, WOOD_DARK = mix("#7a4a2a", S_NAVY, 0.35), mix("#3b2618", S_NIGHT, 0.3)
CREAM = "#f4f1ea"


def brick_wall(cv: Canvas) -> None:
    """Brick over the whole canvas, a tile at a time (the wall pieces beside it are the same brick)."""
    for y in range(0, cv.h, 32):
        for x in range(0, cv.w, 32):
            tile = Canvas(32, 32)
            tile.rng = cv.rng
            bricks(tile)
            cv.paste(tile, x, y)


def eunha_sign(cv: Canvas, f: int) -> None:
    """Three wide, the upper wall row: 은하음향사 in brass letters gone half green, on a dark board, lit
    by two little gooseneck lamps."""
    brick_wall(cv)
    cv.rect(4, 7, 92, 27, S_NIGHT, 0.5)  # the board's shadow
    cv.rect(3, 6, 91, 26, WOOD_DARK)
    cv.hline(3, 91, 6, mix(WOOD_DARK, BRASS, 0.35))
    cv.hline(3, 91, 25, mix(WOOD_DARK, S_NIGHT, 0.5))
    for x in (22, 72):  # the lamps and the light they throw down the board
        cv.radial(x, 10, 22, 14, S_AMB, 0.35, power=1.2)
        cv.rect(x - 3, 1, x + 3, 4, mix(S_NAVY, S_TEAL, 0.2))
        cv.hline(x - 2, x + 3, 4, mix(S_AMB, CREAM, 0.6))
    letters = word_mask(cv.w, cv.h, "은하음향사", 11.5, (47, 16.5), tracking=0.6)
    green = cv.rng.random((cv.h, cv.w)) < 0.28
    shade = np.clip(1.0 - (cv.ys - 10) / 14.0, 0.55, 1.0)
    cv.paint(letters, mix(BRASS, "#6b4a1a", 0.25))
    cv.paint(letters * (cv.ys < 15) * shade, BRASS)
    cv.paint(letters * green, VERDIGRIS, 0.85)
    cv.paint(np.roll(letters, 1, axis=0) * (1 - letters), S_NIGHT, 0.35)  # the letters stand off the board


def eunha_window(cv: Canvas, f: int) -> None:
    """Two wide, the bottom wall row: the shop window glowing amber, radios stacked behind the glass with
    their dials lit like small moons, and Dori's round face pressed to the glass, one cyan smile."""
    frame = WOOD_DARK
    cv.rect(0, 0, 64, 32, frame)
    glass = Canvas(64, 32)
    glass.rect(3, 3, 61, 27, mix(S_AMB, "#b0502a", 0.35))
    glass.paint(np.clip(1 - (cv.ys - 3) / 24, 0, 1) * (cv.ys >= 3) * (cv.ys < 27) * (cv.xs >= 3) * (cv.xs < 61),
                mix(S_AMB, CREAM, 0.35), 0.55)
    cv.paste(glass, 0, 0)
    r = cv.rng
    for shelf in (11, 19, 26):  # shelves of radios, each with a dial
        cv.hline(3, 61, shelf, mix(WOOD, S_NIGHT, 0.3))
        x = 4 + int(r.integers(0, 3))
        while x < 58:
            w = int(r.integers(6, 10))
            h = int(r.integers(5, 7))
            body = mix(WOOD, [S_TEAL, "#8a4a2a", CREAM, S_NAVY][int(r.integers(0, 4))], 0.35)
            cv.rect(x, shelf - h, min(x + w, 60), shelf, body)
            cv.hline(x, min(x + w, 60), shelf - h, mix(body, CREAM, 0.3))
            dial = (x + w / 2, shelf - h / 2)
            cv.soft(cv.ellipse_m(dial[0], dial[1], 2.0, 2.0), S_AMB, 1.5, 0.8)
            cv.ellipse(dial[0], dial[1], 1.4, 1.4, mix(S_AMB, CREAM, 0.6))
            x += w + 1
    # Dori, pressed to the glass at the bottom left: white shell, dark screen, cyan eyes and smile
    cv.soft(cv.ellipse_m(15, 20, 8, 7), S_CYAN, 3.0, 0.35)
    cv.ellipse(15, 20, 7, 6.5, mix(CREAM, "#c8d2dc", 0.3))
    cv.ellipse(15, 19.5, 5, 3.6, mix(S_NIGHT, S_NAVY, 0.5))
    cv.px(13, 19, S_CYAN)
    cv.px(17, 19, S_CYAN)
    cv.hline(13, 18, 21, S_CYAN)
    cv.vline(15, 12, 14, mix(CREAM, S_CYAN, 0.4))
    cv.px(15, 11, S_CYAN)
    for x in (31, 32):  # the middle post
        cv.vline(x, 3, 27, frame)
    cv.line(6, 26, 16, 4, "#fff2dc", 0.25)  # a reflection on the glass
    cv.line(38, 26, 46, 4, "#fff2dc", 0.18)
    cv.rect(0, 27, 64, 32, mix(WOOD_DARK, S_NIGHT, 0.2))
    cv.hline(0, 64, 27, mix(WOOD, CREAM, 0.2))
    cv.hline(0, 64, 31, S_NIGHT, 0.6)


def eunha_door(cv: Canvas, f: int) -> None:
    """The bottom wall row: Eunha Sound's wooden door, warm light through its glass, a brass bell above."""
    brick_wall(cv)
    wall_base(cv)
    cv.rect(5, 1, 27, 32, WOOD_DARK)
    cv.rect(7, 3, 25, 32, WOOD)
    cv.rect(9, 5, 23, 17, mix(S_AMB, "#b0502a", 0.3))
    cv.paint(np.clip(1 - (cv.ys - 5) / 12, 0, 1) * (cv.ys >= 5) * (cv.ys < 17) * (cv.xs >= 9) * (cv.xs < 23),
             mix(S_AMB, CREAM, 0.4), 0.5)
    cv.vline(16, 5, 17, WOOD_DARK)
    cv.rect(9, 20, 23, 29, mix(WOOD, S_NIGHT, 0.2))
    cv.hline(9, 23, 20, mix(WOOD, CREAM, 0.15))
    cv.rect(21, 18, 24, 20, BRASS)
    cv.ellipse(16, 1.5, 2, 1.5, BRASS)  # the bell
    cv.soft(cv.ellipse_m(16, 17, 12, 6), S_AMB, 3.0, 0.25)


def lamp_window(cv: Canvas, f: int) -> None:
    """Three wide, the bottom wall row: a lighting wholesaler's window that is nothing but lamps, every
    one of them switched on."""
    frame = mix(S_NAVY, S_NIGHT, 0.3)
    cv.rect(0, 0, 96, 32, frame)
    cv.rect(3, 3, 93, 26, mix(S_NIGHT, "#3b2618", 0.5))
    r = cv.rng
    glow = np.zeros((cv.h, cv.w), np.float32)
    for x in range(7, 92, 9):  # pendant lamps hanging from the top
        drop = int(r.integers(5, 11))
        cv.vline(x, 3, 3 + drop, mix(S_NAVY, CREAM, 0.2))
        shade = [S_AMB, CREAM, "#ffd58a", S_MAG][int(r.integers(0, 4))]
        cv.rect(x - 3, 3 + drop, x + 4, 6 + drop, mix(shade, S_NIGHT, 0.2))
        glow += cv.ellipse_m(x + 0.5, 7.5 + drop, 3, 2)
    for x in range(10, 92, 12):  # table lamps on the floor of the window
        shade = ["#ffd58a", CREAM, S_AMB][int(r.integers(0, 3))]
        cv.vline(x, 18, 25, mix(S_NAVY, CREAM, 0.3))
        cv.rect(x - 3, 14, x + 4, 18, shade)
        cv.rect(x - 2, 24, x + 3, 26, mix(S_NAVY, CREAM, 0.25))
        glow += cv.ellipse_m(x + 0.5, 18.5, 3, 2)
    glow = np.clip(glow, 0, 1) * (cv.xs >= 3) * (cv.xs < 93) * (cv.ys >= 3) * (cv.ys < 26)
    cv.soft(glow, S_AMB, 4.0, 0.8)
    cv.soft(glow, "#fff2dc", 1.2, 0.8)
    cv.paint(glow, "#fff6e6")
    for x in (31, 63):
        cv.rect(x, 3, x + 2, 26, frame)
    cv.line(8, 25, 18, 4, "#fff2dc", 0.2)
    cv.rect(0, 26, 96, 32, mix(S_NAVY, S_TEAL, 0.25))
    cv.hline(0, 96, 26, mix(S_TEAL, CREAM, 0.2))
    cv.hline(0, 96, 31, S_NIGHT, 0.6)


HOLO_FRAMES = [2400, 160, 1600]


def hologram(cv: Canvas, f: int) -> None:
    """Two wide, the upper wall row: a KASA hologram ad flickering over a shuttered shop: the 2036 footage
    of a woman in a white suit waving, projected from a little box on the wall (frame 1 flickers)."""
    brick_wall(cv)
    beam = np.clip(1 - np.abs(cv.xs - 32) / (4 + (31 - cv.ys) * 0.9), 0, 1) * (cv.ys < 31)
    level = [1.0, 0.35, 0.9][f]
    cv.paint(beam, S_CYAN, 0.12 * level)
    figure = Canvas(64, 32)
    white = (1, 1, 1)
    figure.ellipse(32, 8, 3.2, 3.2, white)  # the head (visor up)
    figure.rect(29, 11, 36, 21, white)  # the suit
    figure.rect(29, 21, 31, 28, white)
    figure.rect(33, 21, 35, 28, white)
    if f == 2:  # the wave: the arm up, or down
        figure.line(36, 13, 40, 6, white)
        figure.line(37, 13, 41, 6, white)
    else:
        figure.line(36, 12, 41, 9, white)
        figure.line(36, 13, 41, 10, white)
    figure.line(29, 13, 26, 19, white)
    lines = (np.asarray(cv.ys, np.int32) % 2 == (0 if f != 1 else 1)).astype(np.float32)
    mask = figure.a * (0.55 + 0.45 * lines) * level
    if f == 1:
        mask = np.roll(mask, 2, axis=1)
    cv.soft(figure.a, S_CYAN, 2.5, 0.5 * level)
    cv.paint(mask, mix(S_CYAN, CREAM, 0.45), 0.85)
    letters = word_mask(64, 32, "KASA", 7.5, (13, 7), bold=True)
    cv.soft(letters, S_CYAN, 1.5, 0.6 * level)
    cv.paint(letters, mix(S_CYAN, CREAM, 0.6), 0.9 * level)
    cv.rect(27, 29, 38, 32, mix(S_NAVY, S_TEAL, 0.3))  # the projector
    cv.hline(27, 38, 29, mix(S_TEAL, CREAM, 0.3))
    cv.rect(31, 29, 34, 30, mix(S_CYAN, CREAM, 0.5))


def posters(cv: Canvas, f: int) -> None:
    """One wide, both wall rows: gig posters pasted over gig posters, years deep, peeling in the wet, held
    by strips of tape; the newest magenta one is Signal Delay's 2044 showcase, its corner peeled back."""
    brick_wall(cv)
    r = cv.rng
    colours = [CREAM, S_AMB, mix(S_TEAL, CREAM, 0.3), "#d9576b", mix(S_NAVY, CREAM, 0.45), mix(S_AMB, "#b0502a", 0.4)]
    cv.rect(1, 4, 31, 58, mix(CREAM, S_NAVY, 0.55))  # the oldest layer, grey with years of paste
    for i in range(8):  # layers, each pasted a little to the side of the last
        x0, y0 = int(r.integers(-3, 12)), int(r.integers(3, 36))
        w, h = int(r.integers(14, 21)), int(r.integers(15, 22))
        c = mix(colours[i % len(colours)], S_NIGHT, 0.2 + 0.03 * (7 - i))
        cv.rect(x0, y0, x0 + w, y0 + h, c)
        cv.rect(x0 + 1, y0 + 2, x0 + w - 1, y0 + 6, mix(c, [S_MAG, S_NAVY, S_TEAL][i % 3], 0.55))  # a title band
        for y in range(y0 + 8, y0 + h - 2, 3):  # lines of print
            cv.hline(x0 + 2, x0 + w - 2 - int(r.integers(0, 6)), y, mix(c, S_NIGHT, 0.45), 0.7)
        cv.rect(x0 + w - 3, y0 - 1, x0 + w + 1, y0 + 2, mix(CREAM, S_AMB, 0.2), 0.8)  # tape
        tear = int(r.integers(0, w - 3))
        cv.rect(x0 + tear, y0 + h - 2, x0 + tear + 3, y0 + h, mix(CREAM, S_NAVY, 0.55))  # a torn strip
    # the 2044 showcase: magenta, a signal's rings spreading from a point of light, a setlist, its corner
    # curling back
    cv.rect(7, 22, 27, 48, mix(S_MAG, S_NIGHT, 0.1))
    cv.rect(8, 23, 26, 27, mix(S_MAG, CREAM, 0.55))
    cv.soft(cv.ellipse_m(13, 38, 3, 3), mix(S_MAG, CREAM, 0.6), 2.0, 0.8)
    for radius in (4.0, 7.0, 10.0):
        ring = np.clip(1 - np.abs(np.hypot(cv.xs - 13, cv.ys - 38) - radius) / 0.8, 0, 1)
        cv.paint(ring * (cv.xs > 13) * (cv.ys < 38) * (cv.xs < 26) * (cv.ys > 27), mix(S_MAG, CREAM, 0.7))
    cv.ellipse(13, 38, 1.2, 1.2, CREAM)
    for y in (42, 44, 46):  # the setlist
        cv.hline(9, 24 - (y % 4), y, mix(S_MAG, CREAM, 0.6))
    for i in range(5):  # the peeled corner, folded over
        cv.hline(27 - 5 + i, 27, 22 + i, mix(CREAM, S_NAVY, 0.35))
    cv.line(22, 22, 27, 27, mix(S_NIGHT, S_NAVY, 0.4))
    for x in (5, 14, 23):  # wet streaks over everything
        cv.paint(np.clip(1 - np.abs(cv.xs - x) / 1.5, 0, 1) * (cv.ys > 10), S_NIGHT, 0.12)
    cv.paint(np.clip((cv.ys - 54.0) / 10.0, 0, 1), S_NIGHT, 0.45)
