"""Jay's shop tiles the story names beyond the front room (scenes/seoul/repair_shop.yaml and
optional/opt_shop.yaml): Dori's charging dock under the counter (a nest of cables, a cushion that used
to be a tea towel, a tiny glowing list), his father's lathe under a tarp, the camp bed in the back room.
"""

from __future__ import annotations

from ..raster.colour import mix
from .canvas import Canvas
from .palettes import H_AMB, H_BLUE, H_BLUE_LIGHT, H_BROWN, H_CREAM, H_DARK, H_TAN, H_WOOD

CYAN = "#6fe3e1"
TOWEL = mix("#c2408a", H_CREAM, 0.55)  # a faded tea towel
TARP = mix(H_BLUE, "#5a6470", 0.5)


def h_dori_dock(cv: Canvas, f: int) -> None:
    """A charging dock on the floor: a cushion that used to be a tea towel, cables, a small lit screen
    (Dori stands on it)."""
    cv.ellipse(16, 26, 14, 4, H_DARK, 0.5)
    cv.ellipse(16, 23, 12, 5, mix(H_DARK, H_BROWN, 0.5))  # the dock's base
    cv.ellipse(16, 22, 10, 3.5, TOWEL)  # the cushion
    for x in (9, 13, 19, 23):  # the towel's checks
        cv.vline(x, 20, 25, mix(TOWEL, H_CREAM, 0.4), 0.7)
    cv.hline(8, 25, 22, mix(TOWEL, H_DARK, 0.2), 0.6)
    cv.line(3, 28, 8, 24, mix(H_DARK, H_BLUE, 0.4))  # cables curling off to the wall
    cv.line(1, 25, 6, 26, mix(H_DARK, H_TAN, 0.3))
    cv.line(24, 25, 30, 29, mix(H_DARK, H_BLUE, 0.4))
    cv.rect(23, 14, 30, 20, H_DARK)  # the tiny screen with its list
    cv.soft(cv.ellipse_m(26.5, 17, 4, 3), CYAN, 1.5, 0.5)
    for y in (15, 17):
        cv.hline(24, 29 - (y % 2) * 2, y, CYAN)
    cv.vline(26, 20, 23, mix(H_DARK, H_TAN, 0.3))


def h_lathe(cv: Canvas, f: int) -> None:
    """Two wide: a record-cutting lathe under a grey-blue tarp, one chrome corner and the platter's edge
    showing where the tarp has slipped."""
    cv.ellipse(32, 29, 28, 3, H_DARK, 0.5)
    cv.rect(6, 10, 58, 28, TARP)
    cv.ellipse(32, 10, 26, 5, mix(TARP, H_CREAM, 0.12))
    for x in (14, 27, 39, 50):  # folds
        cv.vline(x, 12, 28, mix(TARP, H_DARK, 0.3))
        cv.vline(x + 1, 12, 28, mix(TARP, H_CREAM, 0.15))
    cv.rect(6, 25, 58, 28, mix(TARP, H_DARK, 0.25))
    cv.rect(46, 18, 57, 28, mix(H_BLUE_LIGHT, "#a9b4c8", 0.5))  # a chrome corner
    cv.hline(46, 57, 18, H_CREAM)
    cv.ellipse(40, 13, 7, 2.2, mix(H_DARK, H_BROWN, 0.3))  # the platter's edge
    cv.hline(35, 45, 12, mix(H_AMB, H_CREAM, 0.4), 0.6)


def h_camp_bed(cv: Canvas, f: int) -> None:
    """One wide, two tall: a camp bed against the back room's wall, a rolled blanket and an old cardigan."""
    frame = mix(H_DARK, H_BLUE, 0.3)
    cv.ellipse(16, 61, 13, 3, H_DARK, 0.5)
    cv.rect(4, 6, 28, 58, frame)
    cv.rect(5, 7, 27, 57, mix("#4f6a58", H_BROWN, 0.35))  # the canvas
    cv.vline(5, 7, 57, mix("#4f6a58", H_CREAM, 0.2))
    cv.rect(7, 9, 25, 17, mix(H_CREAM, H_TAN, 0.3))  # the pillow
    cv.rect(6, 24, 26, 33, mix(H_TAN, H_BROWN, 0.3))  # the rolled blanket
    for y in (26, 29, 32):
        cv.hline(6, 26, y, mix(H_TAN, H_DARK, 0.4))
    cv.rect(9, 38, 23, 50, mix(H_WOOD, H_AMB, 0.25))  # a cardigan
    cv.vline(16, 38, 50, mix(H_WOOD, H_DARK, 0.4))
    for y in (41, 45):
        cv.px(17, y, H_CREAM)
    for x in (5, 26):
        cv.rect(x - 1, 56, x + 2, 61, frame)
