"""Isolation module two at the training centre, inside: four metres by three, a bunk, a desk, the comms
panel with its amber status light (amber since the blackout) and the backup channel under a red guard, the
camera in the corner she has stopped pretending not to see, the sealed hatch.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.gradient import vgrad
from ..raster.light import glow, radial
from ..raster.vector import Point, Sketch
from .picture import Picture
from .training import TRAIN

# The room in metres: camera at (0, EYE, 0) looking down +z, close to the module's end wall (px for the projection)
F, CX, CY, EYE = 640.0, 640.0, 300.0, 1.4
LEFT, RIGHT, CEIL, BACK = -1.5, 1.5, 2.3, 4.0
DESK = (-0.6, 1.3, 3.35, 0.74)  # x0, x1, front z, height (against the back wall)
PANEL = (-0.3, 1.1, 1.0, 1.75)  # the comms panel on the back wall: x0, x1, y0, y1
AMBER = "#ffb454"


def P(x: float, y: float, z: float) -> Point:
    return CX + F * x / z, CY - F * (y - EYE) / z


def Q(pts: list[tuple[float, float, float]]) -> list[Point]:
    return [P(*p) for p in pts]


def sim_module(name: str) -> np.ndarray:
    T = TRAIN
    pad, pad_d = mix(T["steel"], T["blue"], 0.3), mix(T["steel"], T["ink"], 0.35)
    img = vgrad([(0.0, T["ink"]), (1.0, T["ink"])])
    light = np.zeros_like(img)
    S = Sketch()
    z0 = 0.7
    S.poly(Q([(LEFT, 0, z0), (LEFT, CEIL, z0), (LEFT, CEIL, BACK), (LEFT, 0, BACK)]), pad_d)
    S.poly(Q([(RIGHT, 0, z0), (RIGHT, CEIL, z0), (RIGHT, CEIL, BACK), (RIGHT, 0, BACK)]), pad_d)
    S.poly(Q([(LEFT, CEIL, z0), (RIGHT, CEIL, z0), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), mix(pad, T["ink"], 0.2))
    S.poly(Q([(LEFT, 0, z0), (RIGHT, 0, z0), (RIGHT, 0, BACK), (LEFT, 0, BACK)]), mix(T["ink"], T["steel"], 0.5))
    S.poly(Q([(LEFT, 0, BACK), (RIGHT, 0, BACK), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), pad)
    for x in np.arange(LEFT + 0.5, RIGHT, 0.5):  # the padded wall's quilting
        S.line(Q([(x, 0.05, BACK - 0.01), (x, CEIL - 0.05, BACK - 0.01)]), 1.0, mix(pad, T["ink"], 0.25), caps=False)
    for z in np.arange(z0 + 0.3, BACK, 0.5):
        for x in (LEFT + 0.01, RIGHT - 0.01):
            S.line(Q([(x, 0.05, z), (x, CEIL - 0.05, z)]), 1.0, mix(pad_d, T["ink"], 0.25), caps=False)
    # the bunk along the left wall, a folded blanket
    S.poly(Q([(LEFT, 0.45, 1.1), (LEFT + 0.8, 0.45, 1.1), (LEFT + 0.8, 0.45, 3.1), (LEFT, 0.45, 3.1)]), mix(T["blue"], T["white"], 0.25))
    S.poly(Q([(LEFT + 0.8, 0.0, 1.1), (LEFT + 0.8, 0.45, 1.1), (LEFT + 0.8, 0.45, 3.1), (LEFT + 0.8, 0.0, 3.1)]), mix(T["steel"], T["ink"], 0.3))
    S.poly(Q([(LEFT + 0.1, 0.45, 2.5), (LEFT + 0.7, 0.45, 2.5), (LEFT + 0.7, 0.58, 2.5), (LEFT + 0.1, 0.58, 2.5)]), mix(T["blue"], T["steel"], 0.4))
    # the desk against the back wall, the comms panel over it
    x0, x1, dz, dh = DESK
    S.poly(Q([(x0, dh, dz), (x1, dh, dz), (x1, dh, BACK), (x0, dh, BACK)]), mix(T["white"], T["blue"], 0.5))
    S.poly(Q([(x0, dh - 0.05, dz), (x1, dh - 0.05, dz), (x1, dh, dz), (x0, dh, dz)]), mix(T["steel"], T["blue"], 0.3))
    for x in (x0 + 0.05, x1 - 0.05):
        S.line([P(x, 0, dz + 0.05), P(x, dh - 0.05, dz + 0.05)], 3, mix(T["steel"], T["ink"], 0.3), caps=False)
    px0, px1, py0, py1 = PANEL
    S.poly(Q([(px0, py0, BACK - 0.01), (px1, py0, BACK - 0.01), (px1, py1, BACK - 0.01), (px0, py1, BACK - 0.01)]), mix(T["ink"], T["steel"], 0.5))
    S.poly(Q([(px0 + 0.06, py0 + 0.25, BACK - 0.02), (px1 - 0.06, py0 + 0.25, BACK - 0.02), (px1 - 0.06, py1 - 0.06, BACK - 0.02),
              (px0 + 0.06, py1 - 0.06, BACK - 0.02)]), mix(T["ink"], T["steel"], 0.2))  # the dead comms screen
    # the backup channel on the desk by her right hand: a red guard over a toggle
    gx, gz = 0.95, 3.55
    S.poly(Q([(gx - 0.07, dh, gz - 0.06), (gx + 0.07, dh, gz - 0.06), (gx + 0.07, dh + 0.06, gz + 0.04), (gx - 0.07, dh + 0.06, gz + 0.04)]),
           "#c0392b")
    # the hatch in the right wall, sealed, its small round window dark
    S.poly(Q([(RIGHT - 0.01, 0.05, 1.22), (RIGHT - 0.01, 2.02, 1.22), (RIGHT - 0.01, 2.02, 2.28), (RIGHT - 0.01, 0.05, 2.28)]),
           mix(T["steel"], T["white"], 0.2))  # its frame
    S.poly(Q([(RIGHT - 0.01, 0.1, 1.3), (RIGHT - 0.01, 1.95, 1.3), (RIGHT - 0.01, 1.95, 2.2), (RIGHT - 0.01, 0.1, 2.2)]), mix(pad_d, T["ink"], 0.3))
    hx, hy = P(RIGHT - 0.02, 1.45, 1.75)
    S.ellipse(hx, hy, 14, 30, mix(T["ink"], T["steel"], 0.2))
    # the camera dome up in the corner, its red light on
    cx_, cy_ = P(LEFT + 0.15, CEIL - 0.12, BACK - 0.15)
    S.ellipse(cx_, cy_, 14, 11, mix(T["steel"], T["white"], 0.3))
    S.ellipse(cx_, cy_ + 3, 8, 7, T["ink"])
    pm, a = S.base()
    img = img * (1 - a[..., None]) + pm
    light += radial(cx_ + 4, cy_ + 2, 2.2)[..., None] * rgb("#ff5a4a") * 1.4
    # the status light, amber since the blackout, and its glow on the panel and the desk
    sx, sy = P(px0 + 0.15, py0 + 0.12, BACK - 0.02)
    light += radial(sx, sy, 5, power=4)[..., None] * rgb(AMBER) * 0.75
    img += radial(sx, sy + 40, 180, 90)[..., None] * rgb(AMBER) * 0.12
    gxs, gys = P(gx, dh + 0.05, gz)
    light += radial(gxs, gys, 6, 3)[..., None] * rgb("#ff7a59") * 0.4
    # one cold ceiling panel
    Lc = Sketch()
    panel = [(-0.6, CEIL - 0.01, 1.8), (0.6, CEIL - 0.01, 1.8), (0.6, CEIL - 0.01, 2.6), (-0.6, CEIL - 0.01, 2.6)]
    Lc.poly(Q(panel), T["white"], rgb(T["white"]) * 0.8)
    pm, a = Lc.base()
    img = img * (1 - a[..., None]) + pm
    light += Lc.light()
    img += radial(640, 400, 520, 300)[..., None] * rgb(T["ice"]) * 0.08
    img = glow(img, light, ((2, 0.6), (10, 0.45), (40, 0.3)))
    img = calm_bottom(img, T["ink"], 0.4, 0.7)
    return vignette(img, T["ink"], 0.45, 640, 320)


PICTURES = (
    Picture("sim_module", sim_module,
            "isolation module two at the training centre, inside: a bunk, a desk, the dead comms panel with its amber "
            "status light, the backup channel under a red guard, the camera in the corner, the sealed hatch"),
)
