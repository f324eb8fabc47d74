"""Dori, the small round companion robot: a white shell with one cyan face-screen, hovering low.
"""

from __future__ import annotations

import numpy as np

from ..raster.blur import soften
from ..raster.compose import shift
from ..raster.curves import curve, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse, Shape
from .body import Bust, make_bust
from .face import Expr, Palette
from .frame import CX, H, W, mask

DORI: dict[str, tuple[str, Expr]] = {
    "neutral": ("shell", Expr(eyes="neutral")),
    "happy": ("shell", Expr(eyes="happy")),
    "worried": ("shell", Expr(eyes="worried")),
}


LIGHT = 1.0
PALETTE = Palette(
    skin="#14202e", hair="#eef1f5", hair_sheen="#ffffff", brow="#6fe3e1", iris="#6fe3e1", iris_light="#6fe3e1",
    lash="#6fe3e1", lip="#6fe3e1", tone="#4a5a80", rim="#b8f6f3", outline="#1a2436",
)


def dori(outfit: str) -> Bust:
    light, pal = LIGHT, PALETTE
    cx, cy, r = CX, 622.0, 104.0  # low in the frame, but the face clears a dialogue box over the bottom fifth
    under, over = Layer(W, H), Layer(W, H)
    shell = "#eef1f5"
    # hover glow and thruster below
    glow = soften(mask(Ellipse(cx, cy + r + 36, 62, 12)), 10)
    under.paint(glow, "#6fe3e1", 0.55)
    under.paint(soften(mask(Ellipse(cx, cy + r + 30, 30, 6)), 3), "#dffcff", 0.8)
    m_thr = mask(Ellipse(cx, cy + r - 2, 40, 16))
    under.paint(m_thr, "#9aa6b8")
    under.paint(mask(Ellipse(cx, cy + r + 4, 26, 8)), "#3b4a63")
    under.paint(mask(Ellipse(cx, cy + r + 6, 18, 4)), "#6fe3e1")
    # antenna
    ant = curve([(cx + 10, cy - r + 6), (cx + 16, cy - r - 30), (cx + 28, cy - r - 52)], 8)
    under.paint(mask(ribbon(ant, 4.0), ss=3), "#9aa6b8")
    under.paint(soften(mask(Ellipse(cx + 28, cy - r - 56, 12, 12)), 4), "#6fe3e1", 0.5)
    under.paint(mask(Ellipse(cx + 28, cy - r - 56, 8, 8), ss=3), "#6fe3e1")
    under.paint(mask(Ellipse(cx + 26, cy - r - 58, 2.5, 2.5), ss=3), "#e6fffd")
    # side pods ("ears")
    for s in (-1, 1):
        pod = mask(Ellipse(cx + s * (r - 2), cy + 4, 18, 30))
        under.paint(pod, "#c9d1dd")
        under.paint(mask(Ellipse(cx + s * (r + 4), cy + 4, 7, 16)), "#6fe3e1")
    # the round shell
    m_shell = mask(Ellipse(cx, cy, r, r * 0.96))
    under.paint(m_shell, shell)
    under.shade(m_shell * (1 - shift(mask(Ellipse(cx, cy, r, r * 0.96)), int(light * 26), -16)), pal.dark(1.0))
    under.paint(mask(Ellipse(cx - 46, cy - 60, 24, 12, -35)) * m_shell, "#ffffff", 0.7)
    band = mask(Ellipse(cx, cy + 52, r * 0.96, 26)) * (1 - mask(Ellipse(cx, cy + 44, r * 0.96, 26))) * m_shell
    under.shade(band, pal.dark(0.6))
    # face screen
    scr = Ellipse(cx, cy - 6, 72, 50)
    m_scr = mask(scr)
    under.paint(mask(Ellipse(cx, cy - 6, 78, 56)), "#c9d1dd")
    under.paint(m_scr, "#14202e")
    under.paint(mask(Ellipse(cx - 30, cy - 34, 30, 9, -18)) * m_scr, "#2b3a52", 0.9)

    def features(layer: Layer, e: Expr) -> None:
        eye_col = "#6fe3e1"
        ex, ey = 27.0, cy - 8
        shapes: list[Shape] = []
        if e.eyes == "happy":
            for s in (-1, 1):
                arc = curve([(cx + s * ex - 13, ey + 5), (cx + s * ex, ey - 9), (cx + s * ex + 13, ey + 5)], 10)
                shapes.append(ribbon(arc, 7.0))
            mouth = curve([(cx - 12, ey + 22), (cx, ey + 30), (cx + 12, ey + 22)], 8)
            shapes.append(ribbon(mouth, 4.5))
        elif e.eyes == "worried":
            for s in (-1, 1):
                shapes.append(Ellipse(cx + s * ex, ey + 4, 8, 12))
                brow = np.array([(cx + s * (ex - 13), ey - 20), (cx + s * (ex + 11), ey - 14)])
                shapes.append(ribbon(brow, 4.0))
            wave = np.array([(cx - 14 + k * 2.0, ey + 28 + 2.5 * np.sin(k * 0.8)) for k in range(15)])
            shapes.append(ribbon(wave, 3.5))
        else:
            for s in (-1, 1):
                shapes.append(Ellipse(cx + s * ex, ey, 9, 15))
        m = mask(*shapes, ss=3)
        layer.paint(soften(m, 5), eye_col, 0.6)
        layer.paint(m, eye_col)
        if e.eyes == "neutral":
            layer.paint(mask(*[Ellipse(cx + s * ex - 3, ey - 6, 2.5, 3.5) for s in (-1, 1)], ss=3), "#e6fffd")
        if e.eyes == "happy":
            for s in (-1, 1):
                layer.paint(mask(Ellipse(cx + s * 50, ey + 18, 9, 4), ss=3), "#ff8fb8", 0.7)

    return make_bust(under, over, pal, light, features, m_scr)
