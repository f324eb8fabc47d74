"""Seoul alley street furniture the story names: the dead phone booth people use to "call" the ones
they lost (a hand-lettered sign taped inside its glass), and a delivery scooter with the alley cat
under it.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from .canvas import Canvas
from .lettering import word_mask
from .palettes import S_AMB, S_CYAN, S_MAG, S_NAVY, S_NIGHT, S_TEAL
from .seoul_fronts import CREAM, brick_wall

BOOTH = mix("#a9b4c8", S_NAVY, 0.35)  # brushed metal in the night
GLASS = mix(S_TEAL, S_NIGHT, 0.45)


def phone_booth(cv: Canvas, f: int) -> None:
    """One wide, both wall rows: a narrow glass booth against the wall, 전화 on its header, the handset
    on the back wall, a laminated sign taped inside the glass, one weak tube light."""
    brick_wall(cv)
    cv.paint(np.clip((cv.ys - 54.0) / 10.0, 0, 1), S_NIGHT, 0.45)  # the foot of the wall
    cv.ellipse(16, 62, 14, 2.5, S_NIGHT, 0.5)
    cv.rect(3, 6, 29, 63, BOOTH)  # the frame
    cv.rect(3, 6, 29, 14, mix(BOOTH, S_NIGHT, 0.25))  # the header
    cv.hline(3, 29, 6, mix(BOOTH, CREAM, 0.45))
    cv.rect(4, 4, 28, 6, mix(BOOTH, CREAM, 0.25))  # the roof, seen from above
    letters = word_mask(32, 64, "전화", 7.5, (16, 10))
    cv.paint(letters, mix(CREAM, S_CYAN, 0.15))
    inside = Canvas(32, 64)  # the glass, the lit inside seen through it
    inside.rect(5, 15, 27, 60, GLASS)
    inside.radial(16, 18, 14, 20, mix(S_CYAN, CREAM, 0.5), 0.45)
    cv.paste(inside, 0, 0)
    cv.hline(6, 26, 16, mix(S_CYAN, CREAM, 0.7))  # the tube light
    cv.rect(11, 22, 21, 34, mix(S_NAVY, S_NIGHT, 0.3))  # the phone on the back wall
    cv.rect(12, 23, 16, 33, mix(BOOTH, CREAM, 0.25))  # its handset
    cv.rect(17, 24, 20, 30, mix(S_NIGHT, S_NAVY, 0.2))
    for y in (25, 27, 29):
        cv.hline(17, 20, y, mix(S_AMB, CREAM, 0.3), 0.7)
    cv.line(14, 33, 12, 40, mix(S_NIGHT, S_NAVY, 0.3))  # the cord, running into nothing
    cv.line(12, 40, 15, 44, mix(S_NIGHT, S_NAVY, 0.3))
    cv.rect(18, 37, 25, 46, mix(CREAM, S_AMB, 0.1))  # the laminated sign, lines of handwriting
    for y in (39, 41, 43):
        cv.hline(19, 24 - (y % 3), y, mix(S_NAVY, S_NIGHT, 0.2))
    cv.vline(16, 15, 60, BOOTH)  # the folding door's seam and handle
    cv.rect(14, 40, 16, 44, mix(BOOTH, CREAM, 0.4))
    cv.line(6, 58, 13, 17, "#f4f9ff", 0.22)  # reflections
    cv.line(20, 58, 26, 30, "#f4f9ff", 0.14)
    cv.rect(3, 60, 29, 63, mix(BOOTH, S_NIGHT, 0.35))
    cv.vline(3, 6, 63, mix(BOOTH, CREAM, 0.2))
    cv.vline(28, 6, 63, mix(BOOTH, S_NIGHT, 0.4))


def scooter(cv: Canvas, f: int) -> None:
    """Two wide: a delivery scooter parked side on, its box on the back, and the alley cat curled up in
    the dry under it."""
    body, tyre = mix(S_MAG, S_NAVY, 0.35), mix(S_NIGHT, S_NAVY, 0.3)
    cv.ellipse(32, 29, 27, 3, S_NIGHT, 0.45)
    fur = mix(S_NAVY, CREAM, 0.28)  # the cat, under the footboard
    cv.ellipse(31, 25, 6, 3.5, fur)
    cv.ellipse(26, 23.5, 3.2, 3, fur)
    cv.px(24, 21, fur)
    cv.px(27, 21, fur)
    cv.px(25, 23, S_AMB)
    cv.px(27, 23, S_AMB)
    for cx in (13, 51):
        cv.ring(cx, 23, 6, 6, tyre, 1.0, 2.5)
        cv.ellipse(cx, 23, 2, 2, mix(S_TEAL, CREAM, 0.3))
    cv.rect(18, 17, 40, 20, body)  # the footboard
    cv.hline(18, 40, 17, mix(body, CREAM, 0.2))
    cv.rect(38, 9, 52, 20, body)  # the back, under the seat
    cv.ellipse(44, 11, 7, 2.5, mix(S_NIGHT, S_NAVY, 0.4))  # the seat
    cv.rect(40, 1, 56, 9, mix(CREAM, S_NAVY, 0.3))  # the delivery box
    cv.hline(40, 56, 1, mix(CREAM, S_NAVY, 0.1))
    cv.rect(45, 4, 51, 6, S_MAG)
    cv.line(18, 17, 14, 5, mix(body, S_NIGHT, 0.2))  # the steering column and handlebar
    cv.line(19, 17, 15, 5, body)
    cv.rect(10, 3, 19, 5, mix(S_NIGHT, S_NAVY, 0.4))
    cv.rect(10, 6, 14, 9, mix(S_AMB, CREAM, 0.5))  # the headlamp
    cv.soft(cv.ellipse_m(11, 8, 3, 2), S_AMB, 1.5, 0.4)
    cv.rect(10, 17, 17, 19, body)  # the front mudguard
