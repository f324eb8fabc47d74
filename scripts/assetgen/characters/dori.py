"""Dori, the small round companion robot: a white shell with one cyan face-screen and two stubby arms,
hovering at a grown-up's shoulder height. The stage draws every character 680 px tall, so Dori floats
in the upper half of a tall transparent canvas: its screen lands well above the text box. Poses: arms
at its sides; one arm up in a wave.
"""

from __future__ import annotations

import numpy as np

from ..raster.blur import soften
from ..raster.compose import shift
from ..raster.curves import curve, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse, Shape
from .arms import capsule
from .expressions import looks
from .face import Expr, Palette
from .figure import Figure
from .frame import CX, H, W, mask

EXPRESSIONS = {
    "neutral": Expr(eyes="neutral"),
    "happy": Expr(eyes="happy"),
    "worried": Expr(eyes="worried"),
    "surprised": Expr(eyes="surprised"),
    "sad": Expr(eyes="sad"),
}
DORI: dict[str, tuple[str, Expr]] = looks([
    ("", "float", ("neutral", "happy", "worried")),
    ("", "float", ("surprised", "sad")),
    ("wave", "wave", ("neutral", "happy")),
], EXPRESSIONS)

LIGHT = 1.0
PALETTE = Palette(
    skin="#14202e", hair="#eef1f5", hair_sheen="#ffffff", brow="#6fe3e1", iris="#6fe3e1", iris_light="#6fe3e1",
    lash="#6fe3e1", lip="#6fe3e1", tone="#4a5a80", rim="#b8f6f3", outline="#1a2436",
)
CY, R = 262.0, 128.0  # the shell's centre and radius: the screen's middle lands near y 240 of the stage's 720
SHELL, TRIM, CYAN, SCREEN = "#eef1f5", "#c9d1dd", "#6fe3e1", "#14202e"


def dori(pose: str) -> Figure:
    light, pal = LIGHT, PALETTE
    cx, cy, r = CX, CY, R
    under, front = Layer(W, H), Layer(W, H)
    # its shadow on the floor far below (the stage stands every picture on the floor, and finds a face in
    # the top third of what it sees: with the shadow, that is Dori's screen)
    under.paint(soften(mask(Ellipse(cx, H - 22, 84, 12)), 8), "#0b0d1a", 0.35)
    # hover glow and thruster below
    under.paint(soften(mask(Ellipse(cx, cy + r + 44, 74, 14)), 12), CYAN, 0.55)
    under.paint(soften(mask(Ellipse(cx, cy + r + 36, 36, 7)), 3), "#dffcff", 0.8)
    under.paint(mask(Ellipse(cx, cy + r - 2, 48, 19)), "#9aa6b8")
    under.paint(mask(Ellipse(cx, cy + r + 5, 31, 9)), "#3b4a63")
    under.paint(mask(Ellipse(cx, cy + r + 7, 22, 5)), CYAN)
    # antenna
    ant = curve([(cx + 12, cy - r + 8), (cx + 19, cy - r - 34), (cx + 34, cy - r - 60)], 8)
    under.paint(mask(ribbon(ant, 4.6), ss=3), "#9aa6b8")
    under.paint(soften(mask(Ellipse(cx + 34, cy - r - 65, 14, 14)), 5), CYAN, 0.5)
    under.paint(mask(Ellipse(cx + 34, cy - r - 65, 9.5, 9.5), ss=3), CYAN)
    under.paint(mask(Ellipse(cx + 32, cy - r - 67, 3, 3), ss=3), "#e6fffd")
    raised = pose == "wave"
    for s in (-1, 1):
        _arm(under, pal, s, up=raised and s > 0)
    # the round shell with its shadow side, a shine and a belly band
    m_shell = mask(Ellipse(cx, cy, r, r * 0.96))
    under.paint(m_shell, SHELL)
    under.shade(m_shell * (1 - shift(m_shell, int(light * 30), -18)), pal.dark(1.0))
    under.paint(mask(Ellipse(cx - 56, cy - 74, 29, 14, -35)) * m_shell, "#ffffff", 0.7)
    band = mask(Ellipse(cx, cy + 64, r * 0.96, 32)) * (1 - mask(Ellipse(cx, cy + 54, r * 0.96, 32))) * m_shell
    under.shade(band, pal.dark(0.6))
    for s in (-1, 1):  # side pods the arms hang from
        under.paint(mask(Ellipse(cx + s * (r - 4), cy + 6, 22, 37)), TRIM)
        under.paint(mask(Ellipse(cx + s * (r + 3), cy + 6, 8, 20)), CYAN)
    # face screen
    m_scr = mask(Ellipse(cx, cy - 8, 90, 62))
    under.paint(mask(Ellipse(cx, cy - 8, 97, 69)), TRIM)
    under.paint(m_scr, SCREEN)
    under.paint(mask(Ellipse(cx - 38, cy - 42, 37, 11, -18)) * m_scr, "#2b3a52", 0.9)
    if raised:
        for k in range(2):  # two little motion arcs beside the waving hand
            arc = curve([(cx + 208 + k * 16, 118 - k * 6), (cx + 222 + k * 16, 136), (cx + 212 + k * 16, 158 + k * 6)], 8)
            front.paint(mask(ribbon(arc, 2.6), ss=3), CYAN, 0.8 - k * 0.25)

    def features(layer: Layer, e: Expr) -> None:
        _screen_face(layer, cx, cy - 10, e)

    return Figure(under, Layer(W, H), front, features, m_scr, None, pal, light, rim_width=5)


def _arm(layer: Layer, pal: Palette, s: float, up: bool) -> None:
    """A stubby arm from the side pod ending in a round mitt."""
    x0, y0 = CX + s * (R + 2), CY + 18
    if up:
        elbow, hand = (x0 + s * 36, y0 - 40), (x0 + s * 62, y0 - 116)
    else:
        elbow, hand = (x0 + s * 24, y0 + 40), (x0 + s * 30, y0 + 84)
    m = mask(capsule((x0, y0), elbow, 13, 12), capsule(elbow, hand, 12, 11))
    layer.paint(m, "#9aa6b8")
    layer.paint(mask(ribbon(np.array([(x0, y0), elbow, hand]), 3.0)) * m, "#c9d1dd", 0.8)
    mitt = mask(Ellipse(hand[0], hand[1], 21, 20))
    layer.paint(mitt, SHELL)
    layer.shade(mitt * (1 - shift(mitt, 6, -4)), pal.dark(1.0))
    layer.paint(mask(Ellipse(hand[0] - 6, hand[1] - 6, 5, 3.5, -30), ss=3), "#ffffff", 0.8)


def _screen_face(layer: Layer, cx: float, ey: float, e: Expr) -> None:
    """Eyes and mouth in the screen's cyan light: dots, arcs, tilted brows and a small mouth."""
    ex = 34.0
    shapes: list[Shape] = []
    if e.eyes == "happy":
        for s in (-1, 1):
            shapes.append(ribbon(curve([(cx + s * ex - 16, ey + 6), (cx + s * ex, ey - 11), (cx + s * ex + 16, ey + 6)], 10), 8.5))
        shapes.append(ribbon(curve([(cx - 15, ey + 27), (cx, ey + 37), (cx + 15, ey + 27)], 8), 5.5))
    elif e.eyes == "worried":
        for s in (-1, 1):
            shapes.append(Ellipse(cx + s * ex, ey + 5, 10, 15))
            shapes.append(ribbon(np.array([(cx + s * (ex - 16), ey - 25), (cx + s * (ex + 14), ey - 17)]), 5.0))
        shapes.append(ribbon(np.array([(cx - 17 + k * 2.4, ey + 34 + 3 * np.sin(k * 0.8)) for k in range(15)]), 4.2))
    elif e.eyes == "surprised":
        for s in (-1, 1):
            ring = Ellipse(cx + s * ex, ey - 2, 17, 20)
            shapes.append(ring)
        shapes.append(Ellipse(cx, ey + 34, 8, 9))
    elif e.eyes == "sad":
        for s in (-1, 1):
            shapes.append(Ellipse(cx + s * ex, ey + 6, 11, 14))
            shapes.append(ribbon(np.array([(cx + s * (ex - 15), ey - 22), (cx + s * (ex + 14), ey - 13)]), 4.4))
        shapes.append(ribbon(curve([(cx - 13, ey + 38), (cx, ey + 31), (cx + 13, ey + 38)], 8), 4.8))
    else:
        for s in (-1, 1):
            shapes.append(Ellipse(cx + s * ex, ey, 11, 19))
    m = mask(*shapes, ss=3)
    layer.paint(soften(m, 6), CYAN, 0.6)
    layer.paint(m, CYAN)
    if e.eyes == "surprised":
        layer.paint(mask(*[Ellipse(cx + s * ex, ey - 2, 9, 12) for s in (-1, 1)], ss=3), SCREEN)
        layer.paint(mask(*[Ellipse(cx + s * ex - 3, ey - 6, 4, 5) for s in (-1, 1)], ss=3), CYAN)
        layer.paint(mask(Ellipse(cx, ey + 34, 4, 5), ss=3), SCREEN)
    if e.eyes == "neutral":
        layer.paint(mask(*[Ellipse(cx + s * ex - 4, ey - 7, 3, 4.4) for s in (-1, 1)], ss=3), "#e6fffd")
    if e.eyes == "happy":
        layer.paint(mask(*[Ellipse(cx + s * 62, ey + 22, 11, 5) for s in (-1, 1)], ss=3), "#ff8fb8", 0.7)
    if e.eyes == "sad":  # lids drooping toward the outer corners, and a tear
        for s in (-1, 1):
            lid = np.array([(cx + s * (ex - 14), ey - 12), (cx + s * (ex - 14), ey - 4), (cx + s * (ex + 14), ey + 4),
                            (cx + s * (ex + 14), ey - 12)])
            layer.paint(mask(lid, ss=3), SCREEN)
        layer.paint(mask(Ellipse(cx + ex + 9, ey + 26, 3.5, 5.5), ss=3), CYAN, 0.9)
