"""Jay's shop tiles, furniture: cabinets and shelves of radios and reels, speakers, the floor
lamp, a guitar, the counter with its register and turntable, the work bench.
"""

from __future__ import annotations

import math

from ..raster.colour import Colour, mix
from .canvas import Canvas
from .palettes import H_AMB, H_BLUE, H_BLUE_LIGHT, H_BROWN, H_CREAM, H_DARK, H_TAN, H_WOOD


def cabinet(cv: Canvas, x0: int, y0: int, x1: int, y1: int) -> None:
    """A wooden shelving unit outline with a crown, shelves are drawn by the caller."""
    wood = mix(H_WOOD, H_BROWN, 0.15)
    cv.rect(x0, y0, x1, y1, mix(H_DARK, H_BROWN, 0.4))
    cv.rect(x0, y0, x0 + 2, y1, wood)
    cv.rect(x1 - 2, y0, x1, y1, mix(wood, H_DARK, 0.25))
    cv.rect(x0 - 1, y0 - 3, x1 + 1, y0 + 1, mix(wood, H_TAN, 0.25))
    cv.hline(x0 - 1, x1 + 1, y0 - 3, mix(H_TAN, H_AMB, 0.4))
    cv.rect(x0, y1 - 3, x1, y1, mix(wood, H_DARK, 0.2))


def shelf_board(cv: Canvas, x0: int, x1: int, y: int) -> None:
    wood = mix(H_WOOD, H_TAN, 0.2)
    cv.rect(x0, y, x1, y + 2, wood)
    cv.hline(x0, x1, y, mix(H_TAN, H_AMB, 0.35))


def radio(cv: Canvas, x: int, y: int, w: int, h: int, case: Colour, dial_on: float = 1.0) -> None:
    """A small vintage radio: wooden case, round grille, amber dial."""
    cv.rect(x, y, x + w, y + h, case)
    cv.hline(x, x + w, y, mix(case, H_CREAM, 0.3))
    cv.vline(x + w - 1, y, y + h, mix(case, H_DARK, 0.35))
    gr = max(1.5, min(w, h) * 0.28)
    cv.ellipse(x + gr + 1.5, y + h / 2, gr, gr, mix(H_CREAM, case, 0.5))
    cv.ellipse(x + gr + 1.5, y + h / 2, gr - 0.7, gr - 0.7, mix(case, H_DARK, 0.35))
    dx0 = int(x + 2 * gr + 3)
    cv.rect(dx0, y + 2, x + w - 2, y + h - 3, mix(H_AMB, H_TAN, 0.3), dial_on)
    cv.rect(dx0, y + 2, x + w - 2, y + h - 3, H_BROWN, 1.0 - dial_on)
    cv.px(dx0 + 1, y + 3, "#c2408a")


def h_shelf_radios(cv: Canvas, f: int) -> None:
    """One wide, two tall: a shelf of vintage radios and valve sets."""
    cabinet(cv, 2, 4, 30, 64)
    for y in (22, 40, 58):
        shelf_board(cv, 2, 30, y)
    radio(cv, 4, 9, 15, 13, mix(H_WOOD, H_TAN, 0.35))
    radio(cv, 20, 13, 9, 9, mix("#2e5a6b", H_BROWN, 0.4))
    radio(cv, 4, 29, 12, 11, mix(H_CREAM, H_TAN, 0.45))
    radio(cv, 17, 27, 12, 13, mix(H_WOOD, H_DARK, 0.2))
    # Valves (tubes) standing on the lower shelf.
    for x, hgt in ((6, 9), (10, 11), (14, 8)):
        cv.rect(x, 58 - hgt, x + 3, 58, mix(H_BLUE_LIGHT, H_CREAM, 0.3), 0.5)
        cv.px(x + 1, 58 - hgt + 2, H_AMB)
    radio(cv, 18, 47, 11, 11, mix("#c2408a", H_BROWN, 0.55))


def h_shelf_reels(cv: Canvas, f: int) -> None:
    """One wide, two tall: reel-to-reel tapes, cassettes and records."""
    cabinet(cv, 2, 4, 30, 64)
    for y in (22, 40, 58):
        shelf_board(cv, 2, 30, y)
    # Tape reels.
    for cx, cy in ((9, 15), (22, 15)):
        cv.ellipse(cx, cy, 6, 6, mix(H_BLUE, "#a9b4c8", 0.4))
        cv.ellipse(cx, cy, 4, 4, mix(H_BROWN, H_DARK, 0.2))
        cv.ellipse(cx, cy, 1.5, 1.5, "#a9b4c8")
    # Cassettes stacked.
    for i, y in enumerate(range(26, 40, 3)):
        c = [H_CREAM, "#c2408a", H_AMB, "#6fe3e1", H_TAN][i % 5]
        cv.rect(4, y, 15, y + 2, mix(c, H_BROWN, 0.3))
        cv.hline(4, 15, y, mix(c, H_CREAM, 0.3))
    # Record spines.
    r = cv.rng
    for x in range(17, 29):
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b"][int(r.integers(0, 6))]
        cv.vline(x, 28, 40, mix(c, H_BROWN, 0.35))
    for x in range(4, 29):
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b", H_DARK][int(r.integers(0, 7))]
        hh = int(r.integers(12, 15))
        cv.vline(x, 58 - hh, 58, mix(c, H_BROWN, 0.35))
    cv.vline(13, 44, 58, H_DARK)


def h_speaker(cv: Canvas, f: int) -> None:
    """One wide, two tall: a floor-standing wooden speaker cabinet."""
    cv.ellipse(16, 61, 13, 3, H_DARK, 0.5)
    wood = mix(H_WOOD, H_BROWN, 0.1)
    cv.rect(5, 14, 27, 62, wood)
    cv.rect(5, 10, 27, 14, mix(wood, H_TAN, 0.3))  # top
    cv.hline(5, 27, 10, mix(H_TAN, H_AMB, 0.4))
    cv.vline(26, 14, 62, mix(wood, H_DARK, 0.3))
    grille = mix(H_BROWN, H_DARK, 0.35)
    cv.rect(7, 16, 25, 58, grille)
    cv.speckle(cv.rng, mix(grille, H_TAN, 0.2), 0.15, box=(7, 16, 25, 58))
    cv.ellipse(16, 23, 3, 3, mix(grille, H_DARK, 0.4))
    cv.ring(16, 23, 3, 3, mix(H_TAN, grille, 0.5), 0.8)
    cv.ellipse(16, 44, 7.5, 7.5, mix(grille, H_DARK, 0.4))
    cv.ring(16, 44, 7.5, 7.5, mix(H_TAN, grille, 0.5), 0.8)
    cv.ellipse(16, 44, 2.5, 2.5, mix(H_TAN, grille, 0.4))
    cv.hline(14, 19, 55, H_AMB, 0.7)  # name badge


def h_floor_lamp(cv: Canvas, f: int) -> None:
    """One wide, two tall: a standing lamp with a glowing fabric shade."""
    cv.soft(cv.ellipse_m(16, 16, 12, 10), H_AMB, 5.0, 0.55)
    cv.ellipse(16, 61, 7, 2.5, H_DARK, 0.5)
    pole = mix(H_BROWN, H_DARK, 0.2)
    cv.rect(15, 20, 17, 60, pole)
    cv.vline(15, 20, 60, mix(pole, H_TAN, 0.3))
    cv.rect(11, 58, 21, 61, pole)
    # Shade: a trapezoid lit from inside.
    for y in range(8, 20):
        half = 5 + (y - 8) * 0.45
        cv.hline(int(16 - half), int(16 + half), y, mix(H_AMB, H_CREAM, 0.25 + 0.02 * (20 - y)))
    cv.hline(10, 22, 19, mix(H_AMB, H_TAN, 0.5))
    cv.hline(11, 21, 8, mix(H_TAN, H_BROWN, 0.3))
    cv.soft(cv.ellipse_m(16, 21, 5, 1.5), "#fff2dc", 1.2, 0.8)


def h_guitar(cv: Canvas, f: int) -> None:
    """One wide, two tall: Jay's electric guitar on a stand."""
    cv.ellipse(16, 61, 9, 2.5, H_DARK, 0.5)
    stand = "#3c3a40"
    cv.line(9, 61, 16, 44, stand)
    cv.line(23, 61, 16, 44, stand)
    body = mix("#2e5a6b", H_BLUE_LIGHT, 0.2)
    # Neck and head.
    cv.rect(15, 8, 18, 38, mix(H_WOOD, H_TAN, 0.3))
    cv.rect(14, 3, 19, 9, mix(H_DARK, H_BROWN, 0.5))
    for y in (4, 6, 8):
        cv.px(13, y, "#a9b4c8")
        cv.px(19, y, "#a9b4c8")
    for y in range(12, 38, 4):
        cv.hline(15, 18, y, "#a9b4c8", 0.6)
    # Body: two rounded bouts.
    cv.ellipse(16, 42, 7, 6, body)
    cv.ellipse(16, 52, 9, 8, body)
    cv.ellipse(14, 40, 3, 2, mix(body, H_CREAM, 0.3), 0.6)
    cv.rect(13, 44, 20, 52, mix(H_CREAM, body, 0.2))  # pickguard
    cv.hline(13, 20, 47, H_DARK)
    cv.hline(13, 20, 50, H_DARK)
    cv.rect(13, 54, 20, 56, "#a9b4c8")
    cv.vline(16, 38, 56, "#a9b4c8", 0.5)


def counter(cv: Canvas, x0: int, x1: int, left_end: bool, right_end: bool) -> None:
    """A wooden shop counter in 3/4 view: a deep top surface and a panelled front."""
    top = mix(H_TAN, H_WOOD, 0.35)
    front = mix(H_WOOD, H_BROWN, 0.35)
    xa = x0 + (3 if left_end else 0)
    xb = x1 - (3 if right_end else 0)
    cv.rect(xa, 30, xb, 32, H_DARK, 0.55)
    cv.rect(xa, 15, xb, 30, front)
    cv.rect(xa, 2, xb, 15, top)
    cv.hline(xa, xb, 2, mix(H_TAN, H_AMB, 0.5))
    cv.hline(xa, xb, 14, mix(top, H_DARK, 0.3))
    cv.hline(xa, xb, 15, mix(front, H_TAN, 0.3))
    for gy in (6, 10):
        cv.hline(xa + 2, xb - 4, gy, mix(top, H_BROWN, 0.15))
    for px0 in range(xa + 2, xb - 4, 16):
        cv.rect(px0, 18, min(px0 + 12, xb - 2), 27, mix(front, H_DARK, 0.15))
        cv.hline(px0, min(px0 + 12, xb - 2), 18, mix(front, H_DARK, 0.4))
        cv.hline(px0, min(px0 + 12, xb - 2), 26, mix(front, H_TAN, 0.2))
    if left_end:
        cv.vline(xa, 2, 30, mix(H_TAN, H_AMB, 0.3))
    if right_end:
        cv.vline(xb - 1, 2, 30, mix(front, H_DARK, 0.35))


def h_counter_l(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, True, False)


def h_counter_m(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, False)


def h_counter_r(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, True)


def h_register(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, False)
    body = mix(H_CREAM, H_TAN, 0.5)
    cv.rect(6, 0, 26, 12, mix(body, H_DARK, 0.15))
    cv.rect(8, 0, 24, 4, mix(H_DARK, H_BROWN, 0.3))
    cv.rect(9, 1, 23, 3, H_AMB, 0.9)  # little display
    for y in (6, 8, 10):
        for x in range(8, 24, 3):
            cv.rect(x, y, x + 2, y + 1, mix(H_CREAM, H_WOOD, 0.2 if (x + y) % 2 else 0.5))
    cv.rect(6, 12, 26, 14, mix(body, H_DARK, 0.4))


def h_turntable(cv: Canvas, f: int) -> None:
    """Counter with a turntable; the record's sheen turns (3 frames)."""
    counter(cv, 0, 32, False, False)
    plinth = mix(H_WOOD, H_BROWN, 0.2)
    cv.rect(3, 0, 29, 14, plinth)
    cv.hline(3, 29, 0, mix(H_TAN, H_AMB, 0.3))
    cv.rect(3, 13, 29, 14, H_DARK, 0.5)
    cv.ellipse(14, 7, 9.5, 5.8, mix(H_DARK, "#1b2340", 0.3))
    # Grooves and a sheen that turns.
    cv.ring(14, 7, 7.5, 4.5, mix(H_DARK, H_TAN, 0.18), 0.8)
    cv.ring(14, 7, 5.5, 3.3, mix(H_DARK, H_TAN, 0.14), 0.8)
    ang = [0.3, 2.4, 4.5][f]
    sheen = Canvas(cv.w, cv.h)
    for k in range(6):
        t = ang + k * 0.08
        sheen.px(14 + 8 * math.cos(t) - 0.5, 7 + 4.8 * math.sin(t) - 0.5, (1, 1, 1))
        sheen.px(14 + 6.5 * math.cos(t) - 0.5, 7 + 3.9 * math.sin(t) - 0.5, (1, 1, 1))
    cv.paint(sheen.a, H_CREAM, 0.55)
    cv.ellipse(14, 7, 2.5, 1.6, "#c2408a")
    cv.px(14 + round(1.5 * math.cos(ang + 1)) - 0.5, 6.5, H_CREAM)
    # Tone arm.
    cv.ellipse(25, 3.5, 1.8, 1.8, "#a9b4c8")
    cv.line(25, 4, 21, 10, "#a9b4c8")
    cv.rect(19, 9, 22, 11, H_CREAM)
    cv.px(26, 11, H_AMB)


def h_bench(cv: Canvas, f: int) -> None:
    """Three tiles wide: Jay's repair bench: soldering station, an open valve chassis, a desk lamp."""
    top = mix(H_WOOD, H_TAN, 0.25)
    cv.rect(1, 30, 95, 32, H_DARK, 0.5)
    # Legs and a drawer under an overhanging top.
    cv.rect(2, 16, 94, 30, mix(H_DARK, H_BROWN, 0.35))
    for x in (3, 45, 89):
        cv.rect(x, 16, x + 4, 30, mix(H_WOOD, H_BROWN, 0.3))
    cv.rect(52, 16, 86, 24, mix(H_WOOD, H_BROWN, 0.2))
    cv.hline(52, 86, 16, mix(H_WOOD, H_TAN, 0.2))
    cv.rect(67, 19, 71, 21, H_AMB)
    cv.rect(12, 22, 40, 29, mix(H_BROWN, "#2e5a6b", 0.3))  # a crate of parts under it
    cv.rect(1, 3, 95, 16, top)
    cv.hline(1, 95, 3, mix(H_TAN, H_AMB, 0.5))
    cv.rect(1, 14, 95, 16, mix(top, H_DARK, 0.35))
    # Soldering station and iron.
    cv.rect(5, 4, 15, 11, mix(H_DARK, "#1b2340", 0.3))
    cv.rect(7, 5, 12, 7, H_AMB)
    cv.px(13, 9, "#c2408a")
    cv.line(16, 11, 25, 6, "#a9b4c8")
    cv.rect(15, 10, 18, 12, H_DARK)
    cv.ring(24, 11, 2.5, 1.8, H_CREAM, 0.9)
    # Multimeter.
    cv.rect(28, 4, 34, 12, mix(H_AMB, "#c86a2a", 0.4))
    cv.rect(29, 5, 33, 7, "#6fe3e1", 0.8)
    cv.ellipse(31, 9.5, 1.5, 1.5, H_DARK)
    # Open chassis with glowing valves.
    chassis = "#8a96a8"
    cv.rect(38, 4, 60, 13, mix(chassis, H_DARK, 0.3))
    cv.hline(38, 60, 4, chassis)
    cv.soft(cv.ellipse_m(48, 5, 10, 4), H_AMB, 2.5, 0.7)
    for x in (41, 46, 51, 56):
        cv.rect(x, 0, x + 3, 6, mix(H_BLUE_LIGHT, H_CREAM, 0.5), 0.55)
        cv.rect(x + 1, 2, x + 2, 5, H_AMB)
    cv.rect(40, 8, 44, 11, "#2e5a6b")
    cv.rect(53, 8, 58, 11, H_CREAM, 0.8)
    # Desk lamp with a pool of light on the bench.
    cv.radial(80, 10, 16, 6, H_AMB, 0.55, power=1.2)
    cv.rect(84, 9, 90, 12, H_DARK)
    cv.line(87, 9, 83, 0, "#3c3a40")
    cv.rect(77, 0, 84, 3, mix(H_DARK, H_BROWN, 0.4))
    cv.hline(78, 83, 3, "#fff2dc")
    cv.rect(70, 7, 76, 12, mix(H_CREAM, H_TAN, 0.2))  # schematic sheet
    cv.hline(71, 75, 9, H_BROWN, 0.6)
