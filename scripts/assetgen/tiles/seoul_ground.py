"""Seoul alley tiles, ground: asphalt (dry, cracked, wet with neon reflections), puddles, road
markings, manhole and drain, sidewalk pavers, curbs, steps, roofs.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from ..raster.colour import mix
from .canvas import Canvas
from .palettes import ASPHALT, ASPHALT_HI, ASPHALT_LO, CONCRETE, PAVER, PAVER_SEAM, ROOF, S_AMB, S_CYAN, S_MAG, S_NAVY, S_NIGHT, S_TEAL


def asphalt(cv: Canvas, wet: float = 0.0) -> None:
    r = cv.rng
    cv.rect(0, 0, cv.w, cv.h, mix(ASPHALT, S_NIGHT, 0.25 * wet))
    cv.speckle(r, ASPHALT_HI, 0.09, 0.45)
    cv.speckle(r, ASPHALT_LO, 0.08, 0.6)
    cv.speckle(r, mix(ASPHALT_HI, S_TEAL, 0.5), 0.01, 0.7)


def ground_asphalt(cv: Canvas, f: int) -> None:
    asphalt(cv)


def ground_asphalt_crack(cv: Canvas, f: int) -> None:
    asphalt(cv)
    pts = [(3, 27), (8, 24), (11, 25), (15, 20), (19, 19), (22, 15), (27, 13)]
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        cv.line(x0, y0, x1, y1, ASPHALT_LO)
        cv.line(x0, y0 + 1, x1, y1 + 1, ASPHALT_HI, 0.35)
    cv.line(15, 20, 13, 15, ASPHALT_LO)


def reflections(cv: Canvas, streaks: list[tuple[float, str, float]]) -> None:
    """Vertical smeared neon reflections, broken by ripple lines; period 32 vertically (tileable)."""
    for x, col, strength in streaks:
        wob = np.sin(cv.ys / 32.0 * 2 * math.pi * 2 + x) * 0.6
        width = 2.2 + np.sin(cv.ys / 32.0 * 2 * math.pi + x * 1.7) * 0.8
        m = np.clip(1.0 - np.abs(cv.xs - x - wob) / width, 0.0, 1.0) ** 1.4
        ripple = 0.55 + 0.45 * (np.sin(cv.ys / 32.0 * 2 * math.pi * 4 + x) > -0.2)
        cv.paint(m * ripple, col, strength)


def ground_wet(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=1.0)
    reflections(cv, [(7.0, S_MAG, 0.34), (23.5, S_CYAN, 0.26)])
    cv.speckle(cv.rng, mix(S_TEAL, S_CYAN, 0.4), 0.02, 0.6)


def ground_wet_amber(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=1.0)
    reflections(cv, [(12.0, S_AMB, 0.40), (14.0, "#ffe0b0", 0.14), (27.0, S_MAG, 0.18)])
    cv.speckle(cv.rng, mix(S_TEAL, S_AMB, 0.3), 0.02, 0.5)


def puddle_shape(cv: Canvas) -> np.ndarray:
    m = cv.ellipse_m(16, 17, 13, 9) + cv.ellipse_m(9, 13, 6, 5) + cv.ellipse_m(22, 21, 7, 5)
    return np.clip(m, 0, 1)


def draw_puddle(cv: Canvas) -> None:
    m = puddle_shape(cv)
    cv.paint(m, mix(S_NIGHT, S_NAVY, 0.3))
    # Mirror of the sky glow and neon: soft vertical smears clipped to the water.
    sub = Canvas(cv.w, cv.h)
    sub.rng = cv.rng
    reflections(sub, [(11.0, S_MAG, 0.55), (12.5, "#f7c3e0", 0.2), (22.0, S_CYAN, 0.45)])
    cv.paint(sub.a * m, sub.c)
    # Rim: light on the far (top) edge, dark lip on the near edge.
    shifted = np.roll(m, 1, axis=0)
    cv.paint(np.clip(m - shifted, 0, 1), mix(S_TEAL, S_CYAN, 0.35), 0.9)
    below = np.roll(m, -1, axis=0)
    cv.paint(np.clip(m - below, 0, 1), S_NIGHT, 0.5)
    cv.ring(19.5, 20.5, 3.5, 1.5, mix(S_TEAL, "#f4f1ea", 0.3), 0.3)


def ground_puddle(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=0.6)
    draw_puddle(cv)


def overlay_puddle(cv: Canvas, f: int) -> None:
    draw_puddle(cv)


def ground_road_line(cv: Canvas, f: int) -> None:
    asphalt(cv)
    cv.rect(2, 14, 22, 18, mix(S_AMB, ASPHALT, 0.35))
    cv.speckle(cv.rng, ASPHALT, 0.22, box=(2, 14, 22, 18))
    cv.hline(2, 22, 14, mix(S_AMB, "#f4f1ea", 0.3), 0.45)


def ground_crosswalk(cv: Canvas, f: int) -> None:
    asphalt(cv)
    stripe = mix("#f4f1ea", S_NAVY, 0.55)
    for y0 in (4, 20):
        cv.rect(0, y0, 32, y0 + 9, stripe)
        cv.speckle(cv.rng, ASPHALT, 0.10, 0.5, box=(0, y0, 32, y0 + 9))
        cv.hline(0, 32, y0 + 8, mix(stripe, ASPHALT, 0.5), 0.7)


def ground_manhole(cv: Canvas, f: int) -> None:
    asphalt(cv)
    metal = mix(S_NAVY, S_TEAL, 0.25)
    cv.ellipse(16, 16, 12.5, 12.5, mix(S_NIGHT, S_NAVY, 0.2))
    cv.ellipse(16, 16, 11.5, 11.5, metal)
    cv.ring(16, 16, 11.5, 11.5, mix(metal, "#f4f1ea", 0.15), 0.8)
    for k in range(-8, 9, 4):
        cv.line(16 + k - 7, 16 - 7, 16 + k + 7, 16 + 7, mix(metal, S_NIGHT, 0.45), 0.55)
    cv.ellipse(16, 16, 3, 3, mix(metal, "#f4f1ea", 0.18))
    cv.ellipse(16, 16, 2, 2, metal)


def ground_drain(cv: Canvas, f: int) -> None:
    asphalt(cv)
    cv.rect(6, 6, 26, 26, mix(S_NAVY, S_TEAL, 0.2))
    cv.rect(7, 7, 25, 25, S_NIGHT)
    for x in range(8, 25, 3):
        cv.rect(x, 7, x + 1, 25, mix(S_NAVY, S_TEAL, 0.4))
    cv.hline(6, 26, 6, mix(S_TEAL, "#f4f1ea", 0.2), 0.6)


def pavers(cv: Canvas, wet: bool = False, y_from: int = 0, y_to: int = 32) -> None:
    """Square 16 px concrete slabs with a light far edge, so pavements never read as brick."""
    r = cv.rng
    base = PAVER if not wet else mix(PAVER, S_NIGHT, 0.18)
    cv.rect(0, y_from, 32, y_to, PAVER_SEAM)
    for j, y0 in enumerate((0, 16)):
        for i, x0 in enumerate((0, 16)):
            tone = mix(base, S_NAVY if (i + j) % 2 else S_TEAL, 0.10)
            ya, yb = max(y0 + 1, y_from), min(y0 + 16, y_to)
            if yb <= ya:
                continue
            cv.rect(x0 + 1, ya, x0 + 16, yb, tone)
            if y0 + 1 >= y_from:
                cv.hline(x0 + 1, x0 + 16, y0 + 1, mix(tone, "#f4f1ea", 0.08))
            cv.vline(x0 + 1, ya, yb, mix(tone, "#f4f1ea", 0.04))
    cv.speckle(r, mix(base, S_NIGHT, 0.25), 0.05, 0.7, box=(0, y_from, 32, y_to))
    cv.speckle(r, mix(base, "#f4f1ea", 0.08), 0.03, box=(0, y_from, 32, y_to))


def ground_sidewalk(cv: Canvas, f: int) -> None:
    pavers(cv)


def ground_sidewalk_wet(cv: Canvas, f: int) -> None:
    pavers(cv, wet=True)
    reflections(cv, [(20.0, S_MAG, 0.22), (6.0, S_AMB, 0.16)])


def ground_sidewalk_shadow(cv: Canvas, f: int) -> None:
    pavers(cv)
    fade = np.clip(1.0 - cv.ys / 14.0, 0.0, 1.0) ** 1.3
    cv.paint(fade, S_NIGHT, 0.6)


def ground_tactile(cv: Canvas, f: int) -> None:
    pavers(cv)
    yel = mix(S_AMB, PAVER, 0.62)
    cv.rect(4, 0, 28, 32, mix(yel, S_NIGHT, 0.35))
    cv.rect(5, 0, 27, 32, yel)
    for y in range(2, 32, 4):
        for x in range(7, 27, 4):
            cv.px(x, y, mix(yel, "#f4f1ea", 0.3))
            cv.px(x, y + 1, mix(yel, S_NIGHT, 0.3))


def ground_curb_s(cv: Canvas, f: int) -> None:
    """Sidewalk above, the curb's top and front face, road below."""
    asphalt(cv)
    pavers(cv, y_from=0, y_to=18)
    cv.rect(0, 18, 32, 22, mix(CONCRETE, "#f4f1ea", 0.12))
    cv.hline(0, 32, 18, mix(CONCRETE, "#f4f1ea", 0.3))
    cv.rect(0, 22, 32, 26, mix(CONCRETE, S_NIGHT, 0.35))
    for x in (0, 16):
        cv.vline(x, 18, 26, mix(CONCRETE, S_NIGHT, 0.55))
    cv.rect(0, 26, 32, 29, S_NIGHT, 0.55)
    cv.rect(0, 29, 32, 30, S_NIGHT, 0.25)


def ground_curb_n(cv: Canvas, f: int) -> None:
    """Road above, then the curb's top edge, sidewalk below (the curb's face looks away)."""
    asphalt(cv)
    pavers(cv, y_from=14, y_to=32)
    cv.rect(0, 10, 32, 14, mix(CONCRETE, "#f4f1ea", 0.1))
    cv.hline(0, 32, 10, mix(CONCRETE, "#f4f1ea", 0.28))
    cv.hline(0, 32, 13, mix(CONCRETE, S_NIGHT, 0.3))
    for x in (0, 16):
        cv.vline(x, 10, 14, mix(CONCRETE, S_NIGHT, 0.55))


def ground_stairs(cv: Canvas, f: int) -> None:
    step_top = mix(CONCRETE, "#f4f1ea", 0.10)
    riser = mix(CONCRETE, S_NIGHT, 0.38)
    for y0 in (0, 8, 16, 24):
        cv.rect(0, y0, 32, y0 + 5, step_top)
        cv.hline(0, 32, y0, mix(step_top, "#f4f1ea", 0.2))
        cv.rect(0, y0 + 5, 32, y0 + 8, riser)
        cv.hline(0, 32, y0 + 7, mix(riser, S_NIGHT, 0.4))
    cv.speckle(cv.rng, mix(CONCRETE, S_NIGHT, 0.2), 0.05)
    # Worn centre and anti-slip strips in faded amber.
    for y0 in (0, 8, 16, 24):
        cv.hline(3, 29, y0 + 1, mix(S_AMB, CONCRETE, 0.55), 0.5)


def roof(cv: Canvas, f: int) -> None:
    """Flat Seoul roof in worn green waterproof paint, seen from above."""
    base = mix(ROOF, "#3f6b5a", 0.45)
    cv.rect(0, 0, 32, 32, base)
    cv.speckle(cv.rng, mix(base, S_NIGHT, 0.3), 0.06)
    cv.speckle(cv.rng, mix(base, "#f4f1ea", 0.07), 0.04)
    for x, k in ((9, 0.10), (23, 0.06)):
        cv.paint(np.clip(1.0 - np.abs(cv.ys - x) / 3.0, 0, 1), S_NIGHT, k)
    cv.hline(0, 32, 0, mix(base, S_NIGHT, 0.3))
    cv.vline(0, 0, 32, mix(base, S_NIGHT, 0.3))


def roof_edge(cv: Canvas, f: int) -> None:
    """Roof with its parapet lip at the bottom, above a wall face."""
    roof(cv, f)
    cv.rect(0, 22, 32, 28, mix(CONCRETE, S_NAVY, 0.3))
    cv.hline(0, 32, 22, mix(CONCRETE, "#f4f1ea", 0.22))
    cv.rect(0, 28, 32, 32, mix(CONCRETE, S_NIGHT, 0.45))
    cv.hline(0, 32, 31, S_NIGHT, 0.5)
    for x in (0, 16):
        cv.vline(x, 22, 28, mix(CONCRETE, S_NIGHT, 0.5), 0.6)
