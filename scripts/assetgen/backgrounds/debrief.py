"""Debrief room B at the KASA training centre in Sacheon: a small plain room, a table with a paper cup on
it, a window with its blind half down and a training jet's trail across the sky, a dark wall screen,
ceiling light panels, one of them flickering warning orange behind where the commander stands.
"""

from __future__ import annotations

import numpy as np

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial
from ..raster.vector import Point, Sketch
from .picture import Picture
from .training import TRAIN

# The room in metres: camera at (0, EYE, 0) looking down +z (px for the projection)
F, CX, CY, EYE = 760.0, 640.0, 318.0, 1.45
LEFT, RIGHT, CEIL, BACK = -4.2, 4.2, 2.9, 6.0
WINDOW = (-3.5, -0.5, 1.0, 2.45)  # on the back wall: x0, x1, y0, y1
BLIND = 1.95  # the blind's bottom edge (m)
SCREEN = (0.7, 3.4, 1.05, 2.35)  # the dark wall screen
TABLE = (-1.9, 1.9, 2.9, 4.1, 0.74)  # x0, x1, z0, z1, height
STRIPS = (2.2, 3.8, 5.4)  # ceiling light panels (z); the last one flickers orange


def P(x: float, y: float, z: float) -> Point:
    return CX + F * x / z, CY - F * (y - EYE) / z


def Q(pts: list[tuple[float, float, float]]) -> list[Point]:
    return [P(*p) for p in pts]


def debrief_room(name: str) -> np.ndarray:
    T = TRAIN
    wall, wall_d = mix(T["steel"], T["blue"], 0.35), mix(T["steel"], T["ink"], 0.3)
    img = vgrad([(0.0, T["ink"]), (1.0, T["ink"])])
    light = np.zeros_like(img)
    # outside the window: a pale afternoon sky over the airfield, a training jet's trail across it
    wx0, wx1, wy0, wy1 = WINDOW
    (ax, ay), (bx, by) = P(wx0, wy1, BACK), P(wx1, wy0, BACK)
    sky = vgrad([(0.0, "#8fb4d8"), (ay / H, "#8fb4d8"), (by / H, mix(T["ice"], T["white"], 0.4)), (1.0, T["ice"])])
    win = ((ax <= XX) & (bx > XX) & (ay <= YY) & (by > YY)).astype(np.float32)
    img = img * (1 - win[..., None]) + sky * win[..., None]
    trail = np.exp(-(((YY - (ay + 34 + (XX - ax) * 0.16)) / 1.6) ** 2)) * smoothstep(ax, ax + 220, XX) * win
    img += blur(trail, 1.0)[..., None] * rgb(T["white"]) * 0.6
    jx = ax + 236
    jet = Sketch()
    jy = ay + 34 + (jx - ax) * 0.16
    jet.poly([(jx + 10, jy), (jx - 6, jy - 3), (jx - 4, jy + 1), (jx - 10, jy + 6), (jx - 2, jy + 2)], mix(T["steel"], T["blue"], 0.4))
    img = jet.over(img)
    horizon_y = by - 18  # the far hangars and the tree line
    img = img * (1 - (win * (horizon_y < YY))[..., None] * 0.7) + rgb(mix(T["blue"], T["steel"], 0.4)) * (win * (horizon_y < YY))[..., None] * 0.7
    S = Sketch()
    # walls, ceiling, floor
    S.poly(Q([(LEFT, 0, 0.8), (LEFT, CEIL, 0.8), (LEFT, CEIL, BACK), (LEFT, 0, BACK)]), wall_d)
    S.poly(Q([(RIGHT, 0, 0.8), (RIGHT, CEIL, 0.8), (RIGHT, CEIL, BACK), (RIGHT, 0, BACK)]), wall_d)
    S.poly(Q([(LEFT, CEIL, 0.8), (RIGHT, CEIL, 0.8), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), mix(wall, T["white"], 0.12))
    S.poly(Q([(LEFT, 0, 0.8), (RIGHT, 0, 0.8), (RIGHT, 0, BACK), (LEFT, 0, BACK)]), mix(T["ink"], T["steel"], 0.55))
    S.poly(Q([(LEFT, 0, BACK), (RIGHT, 0, BACK), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), wall)
    pm, a = S.base()
    keep = 1 - win[..., None]  # the room everywhere but through the window
    img = img * (1 - a[..., None] * keep) + pm * keep
    R = Sketch()
    # the window's frame and the blind, half down, its slats catching the light
    R.poly(Q([(wx0, BLIND, BACK), (wx1, BLIND, BACK), (wx1, wy1, BACK), (wx0, wy1, BACK)]), mix(T["white"], T["blue"], 0.3))
    for y in np.arange(BLIND, wy1, 0.07):
        R.line(Q([(wx0, y, BACK), (wx1, y, BACK)]), 1.0, mix(T["white"], T["steel"], 0.35), caps=False)
    R.line(Q([(wx0, BLIND, BACK), (wx1, BLIND, BACK)]), 3.0, mix(T["white"], T["steel"], 0.2), caps=False)
    for xa, ya, xb, yb in ((wx0, wy0, wx1, wy0), (wx0, wy1, wx1, wy1), (wx0, wy0, wx0, wy1), (wx1, wy0, wx1, wy1),
                           ((wx0 + wx1) / 2, wy0, (wx0 + wx1) / 2, wy1)):
        R.line(Q([(xa, ya, BACK), (xb, yb, BACK)]), 4.0, mix(T["steel"], T["ink"], 0.2), caps=False)
    # the dark wall screen with the agency's ring on it, asleep
    sx0, sx1, sy0, sy1 = SCREEN
    R.poly(Q([(sx0, sy0, BACK), (sx1, sy0, BACK), (sx1, sy1, BACK), (sx0, sy1, BACK)]), mix(T["ink"], T["steel"], 0.3))
    cx_, cy_ = P((sx0 + sx1) / 2, (sy0 + sy1) / 2, BACK)
    R.arc(cx_, cy_, 26, 26, 0, 360, 1.6, None, rgb(T["ice"]) * 0.25, base=False, caps=False)
    R.arc(cx_, cy_, 44, 12, 200, 520, 1.4, None, rgb(T["warn"]) * 0.25, base=False, caps=False)
    # a skirting line, a door on the right wall, a water cooler in the corner
    R.line(Q([(LEFT, 0.1, BACK), (RIGHT, 0.1, BACK)]), 3.0, wall_d, caps=False)
    R.poly(Q([(RIGHT, 0, 2.6), (RIGHT, 2.1, 2.6), (RIGHT, 2.1, 3.6), (RIGHT, 0, 3.6)]), mix(wall_d, T["ink"], 0.25))
    R.ellipse(*P(RIGHT - 0.02, 1.0, 3.45), 3, 3, mix(T["white"], T["steel"], 0.3))
    R.poly(Q([(LEFT + 0.5, 0, 5.4), (LEFT + 0.9, 0, 5.4), (LEFT + 0.9, 1.0, 5.4), (LEFT + 0.5, 1.0, 5.4)]), mix(T["white"], T["steel"], 0.45))
    R.ellipse(*P(LEFT + 0.7, 1.22, 5.4), 15, 22, mix(T["ice"], T["blue"], 0.35))
    # the table, its chairs, the paper cup drunk in three exact thirds
    x0, x1, z0, z1, th = TABLE
    for x in (x0 + 0.15, x1 - 0.15):
        for z in (z0 + 0.15, z1 - 0.15):
            R.line([P(x, 0, z), P(x, th, z)], 4.0, mix(T["steel"], T["ink"], 0.4), caps=False)
    for cxz in ((-0.9, z1 + 0.5), (0.9, z1 + 0.5)):  # the two chairs on the far side
        cx2, cz = cxz
        R.poly(Q([(cx2 - 0.25, 0.45, cz), (cx2 + 0.25, 0.45, cz), (cx2 + 0.25, 1.0, cz + 0.05), (cx2 - 0.25, 1.0, cz + 0.05)]),
               mix(T["steel"], T["blue"], 0.2))
    R.poly(Q([(x0, th, z0), (x1, th, z0), (x1, th, z1), (x0, th, z1)]), mix(T["white"], T["blue"], 0.45))
    R.poly(Q([(x0, th, z0), (x1, th, z0), (x1, th - 0.05, z0), (x0, th - 0.05, z0)]), mix(T["steel"], T["blue"], 0.5))
    R.poly(Q([(-0.6, th, 3.2), (0.3, th, 3.2), (0.3, th, 3.5), (-0.6, th, 3.5)]), mix(T["white"], T["ice"], 0.3))  # a file folder
    cup_x, cup_z = -1.25, 3.25
    (ux0, uy0), (ux1, uy1) = P(cup_x - 0.04, th + 0.11, cup_z), P(cup_x + 0.04, th, cup_z)
    R.poly([(ux0 - 1, uy0), (ux1 + 1, uy0), (ux1 - 1, uy1), (ux0 + 1, uy1)], T["white"])
    pm, a = R.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + R.light()
    # the ceiling panels: cold white, and the last one warning orange (it flickers every four seconds)
    for k, z in enumerate(STRIPS):
        colour = T["warn"] if k == len(STRIPS) - 1 else T["white"]
        Ls = Sketch()
        warn = k == len(STRIPS) - 1
        Ls.poly(Q([(-2.6, CEIL - 0.01, z), (2.6, CEIL - 0.01, z), (2.6, CEIL - 0.01, z + 0.35), (-2.6, CEIL - 0.01, z + 0.35)]),
                mix(colour, T["white"], 0.0 if warn else 0.3), rgb(colour) * (0.45 if warn else 0.9))
        pm, a = Ls.base()
        img = img * (1 - a[..., None]) + pm
        light += Ls.light()
        px_, py_ = P(0, CEIL, z + 0.2)
        img += radial(px_, py_ + 200, 520, 260)[..., None] * rgb(colour) * (0.1 if warn else 0.05)
    # daylight from the window across the table and the floor
    (lx, ly) = P((wx0 + wx1) / 2, 1.0, BACK)
    spill = radial(lx + 80, ly + 180, 360, 170) * smoothstep(ly - 20, ly + 60, YY)
    img += spill[..., None] * rgb(T["ice"]) * 0.08
    light += radial((ax + bx) / 2, (ay + by) / 2, 90, 60)[..., None] * rgb(T["white"]) * 0.04
    img = glow(img, light, ((2, 0.6), (10, 0.45), (40, 0.3)))
    img = calm_bottom(img, T["ink"], 0.4, 0.7)
    img = vignette(img, T["ink"], 0.35, 640, 330)
    return img


PICTURES = (
    Picture("debrief_room", debrief_room,
            "debrief room B at the training centre: a plain table with a paper cup, the window's blind half down and a "
            "training jet's trail outside, a dark wall screen, one ceiling panel flickering warning orange"),
)
