"""Walking sprites, the body: the frame size and directions, each walker's look (skin, hair style,
clothes, rim light), limbs, shading with a rim, the dark outline, and the head seen from four sides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..raster.colour import Colour, mix, rgb
from ..tiles.canvas import Canvas

FRAME_W, FRAME_H = 32, 48


DIRECTIONS = ["down", "left", "right", "up"]


@dataclass
class Look:
    skin: str
    skin_shade: str
    hair: str
    hair_light: str
    hair_shade: str
    top: str
    top_shade: str
    rim: str
    legs: str
    shoes: str
    style: str  # hair style: bob, shaggy, undercut
    accent: str = "#f4f1ea"
    inner: str | None = None  # T-shirt showing under an open cardigan


# Each walker wears its character sheet's colours (docs/art-direction.md): the key, shadow and rim colours of
# the two leads, the same clothes and hair as the busts, so the map's little figures are the same people.
LOOKS = {
    "nanyoung": Look(skin="#f1c9a5", skin_shade="#cf9c80", hair="#1a1f3a", hair_light="#3a4a78", hair_shade="#10121f",
                     top="#4a66a0", top_shade="#3a4a78", rim="#cfe9ff", legs="#252a42", shoes="#dcd8d0",
                     style="bob", accent="#9ad1ff"),
    "jay": Look(skin="#e6b690", skin_shade="#bf8a68", hair="#4a3020", hair_light="#7a4a2a", hair_shade="#221510",
                top="#a8774e", top_shade="#6b3f2a", rim="#ffe0b0", legs="#2f3752", shoes="#5a3a2a",
                style="shaggy", accent="#2a2a33", inner="#f4e3c3"),
    "minsu": Look(skin="#e8bd98", skin_shade="#c38f6d", hair="#efe0ae", hair_light="#fff5d6", hair_shade="#bba36a",
                  top="#3c4a3c", top_shade="#232c24", rim="#e37ab0", legs="#1c1c26", shoes="#e6e2da",
                  style="undercut", accent="#c2408a", inner="#e6e2da"),
}
PIN = "#ff7a59"  # the little badge on Nan-young's jacket, as on her bust


def limb(cv: Canvas, x0: float, y0: float, x1: float, y1: float, width: float, colour: Colour,
         shade: Colour | None = None) -> None:
    """A straight limb from (x0, y0) to (x1, y1), ``width`` px wide, drawn row by row."""
    m = np.zeros((cv.h, cv.w), np.float32)
    sm = np.zeros_like(m)
    for y in range(int(round(y0)), int(round(y1))):
        t = (y + 0.5 - y0) / max(y1 - y0, 1e-6)
        cx = x0 + (x1 - x0) * t
        a = int(round(cx - width / 2.0))
        b = a + int(round(width))
        if 0 <= y < cv.h:
            m[y, max(a, 0):max(min(b, cv.w), 0)] = 1
            if shade is not None and b - 1 >= 0:
                sm[y, b - 1] = 1
    cv.paint(m, colour)
    if shade is not None:
        cv.paint(sm, shade)


def shaded_mask(cv: Canvas, m: np.ndarray, base: Colour, shade_c: Colour, rim: Colour, rim_a: float = 0.55,
                side: int = 1) -> None:
    """Paint a part with a shadow band on the far side and a 1 px rim light on the lit side."""
    cv.paint(m, base)
    if side >= 0:
        far = m * (1 - np.roll(m, -2, axis=1))
        lit = m * (1 - np.roll(m, 1, axis=1))
    else:
        far = m * (1 - np.roll(m, 2, axis=1))
        lit = m * (1 - np.roll(m, -1, axis=1))
    cv.paint(far, shade_c, 0.9)
    cv.paint(lit, rim, rim_a)


def outline(cv: Canvas) -> None:
    """A 1 px outline in a deep shade of whatever it borders (selective outline)."""
    solid = (cv.a > 0.5).astype(np.float32)
    acc = np.zeros_like(cv.c)
    cnt = np.zeros_like(cv.a)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        sh = np.roll(np.roll(solid, dy, axis=0), dx, axis=1)
        shc = np.roll(np.roll(cv.c, dy, axis=0), dx, axis=1)
        acc += shc * sh[..., None]
        cnt += sh
    edge = (cnt > 0) & (solid == 0)
    neigh = acc / np.maximum(cnt, 1)[..., None]
    colour = neigh * 0.28 + rgb("#0b0d1a")[None, None] * 0.72
    m = edge.astype(np.float32)
    cv.paint(m, colour)


def head(cv: Canvas, look: Look, d: str, oy: int) -> None:
    cx, cy = 16.0, 14.5 + oy
    hair_m = np.zeros((cv.h, cv.w), np.float32)
    xs, ys = cv.xs - 0.5, cv.ys - 0.5  # integer pixel coordinates
    skull = cv.ellipse_m(cx, cy, 8.2, 8.0)
    side = d in ("left", "right")
    # Face / skin.
    if d == "down":
        face = cv.ellipse_m(cx, cy + 1.5, 6.6, 6.6)
    elif side:
        face = cv.ellipse_m(cx - 2.5, cy + 1.5, 5.8, 6.6)
    else:
        face = np.zeros_like(skull)
    neck = ((xs >= 14) & (xs <= 17) & (ys >= cy + 6) & (ys <= cy + 9)).astype(np.float32)
    cv.paint(neck, look.skin_shade)
    shaded_mask(cv, np.clip(skull, 0, 1), look.skin, look.skin_shade, "#ffffff", 0.0)
    # Hair per style.
    st = look.style
    if st == "bob":
        volume = cv.ellipse_m(cx, cy - 0.5, 9.0, 8.6)
        bottom = cy + 6.5
        hair_m = volume * (ys <= bottom)
        if d == "down":
            fringe = cy - 2.5 + 0.6 * np.sin(xs * 1.3)
            cut = face * (ys > fringe) * (np.abs(xs - cx + 0.5) < 5.6)
            hair_m = hair_m * (1 - cut)
            hair_m = np.maximum(hair_m, ((xs >= 7) & (xs <= 9) & (ys > cy) & (ys <= cy + 8)).astype(np.float32))
        elif side:
            cut = face * (ys > cy - 2.5) * (xs < cx + 1)
            hair_m = hair_m * (1 - cut)
            hair_m = np.maximum(hair_m, ((xs >= cx + 1) & (xs <= cx + 8) & (ys > cy) & (ys <= cy + 7)).astype(np.float32) * volume)
        else:
            hair_m = np.maximum(hair_m, ((xs >= 8) & (xs <= 23) & (ys > cy) & (ys <= cy + 6.5)).astype(np.float32) * volume)
    elif st == "shaggy":
        # Tufty outline: the radius wobbles with the angle, and the ends hang to the jaw in points.
        dxn, dyn = (cv.xs - cx) / 9.8, (cv.ys - (cy - 0.6)) / 9.0
        theta = np.arctan2(dyn, dxn)
        volume = (np.hypot(dxn, dyn) <= 1.0 + 0.07 * np.sin(9 * theta) + 0.04 * np.sin(13 * theta + 1.0)).astype(np.float32)
        jag = (cy + 6.5 + 1.4 * ((xs.astype(int) % 3) == 0) - 1.0 * ((xs.astype(int) % 4) == 1))
        hair_m = volume * (ys <= jag)
        if d == "down":
            fringe = cy - 1.8 + 1.6 * (((xs.astype(int) + 1) % 3) == 0) - 0.6 * ((xs.astype(int) % 5) == 2)
            cut = face * (ys > fringe) * (np.abs(xs - cx + 0.5) < 5.4)
            hair_m = hair_m * (1 - cut)
        elif side:
            fringe = cy - 1.8 + 1.5 * (((xs.astype(int) + 1) % 3) == 0)
            cut = face * (ys > fringe) * (xs < cx + 0.5)
            hair_m = hair_m * (1 - cut)
        # A few strands poking out on top.
        for px_, py_ in ((cx - 4, cy - 9), (cx + 2, cy - 9.5), (cx + 6, cy - 7)):
            hair_m[int(py_), int(px_)] = 1
    elif st == "undercut":
        top = cv.ellipse_m(cx + (0.8 if d == "down" else 0), cy - 2.5, 9.0, 7.2) * (ys <= cy - 1.5)
        shaved = skull * (ys > cy - 2.5) * (ys <= cy + 3)
        if d == "down":
            shaved = shaved * (1 - face)
            sweep = face * (ys <= cy - 1.5 + (xs - cx) * -0.25) * (ys > cy - 5)
            top = np.maximum(top, sweep)
        elif side:
            shaved = shaved * (xs > cx + 0.5)
            top = top * (1 - face * (ys > cy - 2.5))
        else:
            shaved = skull * (ys > cy - 1.5)
        cv.paint(shaved, mix(look.skin_shade, "#3b3540", 0.55))
        if side:
            cv.rect(int(cx + 1), int(cy + 1), int(cx + 3), int(cy + 3), look.skin_shade)  # ear
        hair_m = top
    hair_m = np.clip(hair_m, 0, 1)
    cv.paint(hair_m, look.hair)
    # Hair shading: dark at the bottom edge and far side, a sheen band across the crown.
    below = hair_m * (1 - np.roll(hair_m, -1, axis=0))
    cv.paint(below, look.hair_shade, 0.9)
    far = hair_m * (1 - np.roll(hair_m, -2, axis=1))
    cv.paint(far, look.hair_shade, 0.7)
    # A short curved shine on the crown (not a band, which would read as a headband).
    off = np.abs(xs - cx + 1.5)
    arc_y = cy - 5.5 + (off >= 2.5) * 1.0
    sheen = hair_m * (np.abs(ys - arc_y) < 0.6) * (off < 4.0)
    cv.paint(sheen, look.hair_light, 0.9 if d != "up" else 0.6)
    if d != "up":
        cv.paint(hair_m * (1 - np.roll(hair_m, 1, axis=1)), look.rim, 0.45)
    # Face details.
    ey = int(cy + 1.5)
    if d == "down":
        for ex in (int(cx - 4), int(cx + 3)):
            cv.rect(ex, ey, ex + 1, ey + 2, "#1b1a2a")
            cv.px(ex, ey, mix("#1b1a2a", look.rim, 0.25))
        cv.px(int(cx - 5), ey + 3, "#e08a8a", 0.35)
        cv.px(int(cx + 4), ey + 3, "#e08a8a", 0.35)
        cv.px(int(cx - 0.5), ey + 4, look.skin_shade)
    elif side:
        ex = int(cx - 6)
        cv.rect(ex, ey, ex + 1, ey + 2, "#1b1a2a")
        cv.px(ex - 1, ey + 3, "#e08a8a", 0.3)
    # Accessories.
    if st == "bob" and d == "down":
        cv.rect(8, int(cy - 1), 10, int(cy), look.accent)  # the clip on her side lock
