"""The KASA training centre: the isolation-sim module on its platform in a hall of ceiling light
strips, the control room window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import beam, glow, radial
from ..raster.vector import Point, Sketch, shape_mask
from .picture import Picture

TRAIN = {"ink": "#0e1624", "steel": "#24364f", "blue": "#5b7fa6", "ice": "#cfe9ff", "white": "#f4f1ea",
         "warn": "#ff7a59"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
CAMERA = (880.0, 600.0, 300.0, 1.8)  # focal length (px), centre x, centre y, eye height (m)
HALL = (14.0, 13.0, 52.0)  # half width, ceiling height, back wall distance (m)
NEAR_Z = 1.5  # the nearest depth drawn (m)
PLATFORM = (1.4, 11.5, 21.0, 40.0, 1.0)  # the module's platform: x from, x to, z from, z to, height (m)


def training_center(name: str) -> np.ndarray:
    T = TRAIN
    f, cx, cy, cam = CAMERA
    XW, YC, ZB = HALL

    def P(X: float, Y: float, Z: float, mirror: bool = False) -> Point:
        Yv = -Y if mirror else Y
        return cx + f * X / Z, cy - f * (Yv - cam) / Z

    def PP(pts: Sequence[tuple[float, float, float]], mirror: bool = False) -> list[Point]:
        return [P(X, Y, Z, mirror) for X, Y, Z in pts]

    steel, ink, blue = rgb(T["steel"]), rgb(T["ink"]), rgb(T["blue"])
    A = Sketch()
    z0 = NEAR_Z
    # shell: back wall, ceiling, walls, floor
    A.poly(PP([(-XW, 0, ZB), (XW, 0, ZB), (XW, YC, ZB), (-XW, YC, ZB)]), mix(steel, blue, 0.35))
    A.poly(PP([(-XW, YC, z0), (XW, YC, z0), (XW, YC, ZB), (-XW, YC, ZB)]), mix(ink, steel, 0.45))
    A.poly(PP([(-XW, 0, z0), (-XW, 0, ZB), (-XW, YC, ZB), (-XW, YC, z0)]), mix(steel, ink, 0.25))
    A.poly(PP([(XW, 0, z0), (XW, 0, ZB), (XW, YC, ZB), (XW, YC, z0)]), mix(steel, ink, 0.35))
    A.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), mix(ink, steel, 0.55))
    # wall panels and ceiling beams every 4 m
    for Z in np.arange(4.0, ZB, 4.0):
        for X in (-XW, XW):
            A.line(PP([(X, 0, Z), (X, YC, Z)]), max(1.0, 40 / Z), mix(ink, steel, 0.4), caps=False)
        A.line(PP([(-XW, YC, Z), (XW, YC, Z)]), max(1.0, 60 / Z), mix(ink, steel, 0.2), caps=False)
    for X in (-XW, XW):
        for Y in (3.2, 7.4):
            A.line(PP([(X, Y, z0), (X, Y, ZB)]), 1.2, mix(ink, steel, 0.5), caps=False)
    for Y in (3.2, 7.4):
        A.line(PP([(-XW, Y, ZB), (XW, Y, ZB)]), 1.2, mix(ink, steel, 0.5), caps=False)
    # floor grid
    for X in np.arange(-12.0, 13.0, 3.0):
        A.line(PP([(X, 0, 2.0), (X, 0, ZB)]), 1.0, mix(ink, steel, 0.7), caps=False)
    for Z in np.arange(4.0, ZB, 3.0):
        A.line(PP([(-XW, 0, Z), (XW, 0, Z)]), 1.0, mix(ink, steel, 0.7), caps=False)
    # painted walkway lines on the floor, leading in
    for X in (-1.6, 1.6):
        for Z in np.arange(3.0, ZB - 2, 2.0):
            A.poly(PP([(X - 0.08, 0.0, Z), (X + 0.08, 0.0, Z), (X + 0.08, 0.0, Z + 1.2), (X - 0.08, 0.0, Z + 1.2)]),
                   mix(T["warn"], steel, 0.68))
    # the mission wall screen: Earth, Mars and the transfer arc between them, rows of telemetry
    sx0, sy0 = P(-11.5, 8.6, ZB)
    sx1, sy1 = P(-2.0, 1.8, ZB)
    A.rect(sx0 - 3, sy0 - 3, sx1 + 3, sy1 + 3, ink)
    A.rect(sx0, sy0, sx1, sy1, mix(ink, blue, 0.3), rgb(T["blue"]) * 0.25)
    sw_, sh_ = sx1 - sx0, sy1 - sy0
    ecx_, ecy_ = sx0 + sw_ * 0.2, sy0 + sh_ * 0.55
    A.ellipse(ecx_, ecy_, sh_ * 0.16, sh_ * 0.16, mix(blue, T["ice"], 0.5), rgb(T["ice"]) * 0.7)
    mcx_, mcy_ = sx0 + sw_ * 0.8, sy0 + sh_ * 0.4
    A.ellipse(mcx_, mcy_, sh_ * 0.08, sh_ * 0.08, T["warn"], rgb(T["warn"]) * 0.9)
    arc_pts = [(ecx_ + (mcx_ - ecx_) * t, ecy_ + (mcy_ - ecy_) * t - sh_ * 0.45 * math.sin(math.pi * t)) for t in np.linspace(0.1, 0.92, 16)]
    for k in range(0, 16, 2):
        A.line(arc_pts[k:k + 2], 1.4, T["ice"], rgb(T["ice"]) * 0.9, caps=False)
    A.ellipse(arc_pts[9][0], arc_pts[9][1], 2.5, 2.5, T["white"], rgb(T["white"]) * 1.2)
    for k in range(4):
        y = sy0 + sh_ * (0.78 + k * 0.045)
        A.rect(sx0 + sw_ * 0.08, y, sx0 + sw_ * (0.25 + 0.12 * ((k * 7) % 5) / 4), y + 1.5, None, rgb(T["ice"]) * 0.45, base=False)
    # the mission emblem on the back wall: a ring, an orbit, a star (no letters)
    ex, ey = P(-6.8, 10.7, ZB)
    er_ = 1.5 * f / ZB
    A.ellipse(ex, ey, er_, er_, mix(steel, blue, 0.6))
    A.arc(ex, ey, er_ * 0.86, er_ * 0.86, 0, 360, 2.0, T["ice"], caps=False)
    A.arc(ex, ey, er_ * 1.2, er_ * 0.38, 200, 520, 1.6, T["warn"], caps=False)
    A.ellipse(ex, ey, er_ * 0.3, er_ * 0.3, T["ice"])
    A.ellipse(ex + er_ * 0.9, ey - er_ * 0.25, 2.4, 2.4, T["white"])
    # the hangar doors on the back wall (right), closed
    A.poly(PP([(3.0, 0, ZB), (11.5, 0, ZB), (11.5, 8.0, ZB), (3.0, 8.0, ZB)]), mix(steel, blue, 0.2))
    for X in np.arange(3.0, 11.6, 1.7):
        A.line(PP([(X, 0, ZB), (X, 8.0, ZB)]), 1.0, mix(ink, steel, 0.5), caps=False)
    for k in range(10):  # hazard chevrons along the door's foot
        X = 3.0 + k * 0.85
        A.poly(PP([(X, 0.0, ZB), (X + 0.42, 0.0, ZB), (X + 0.62, 0.6, ZB), (X + 0.2, 0.6, ZB)]), T["warn"])
    # the control room window high on the left wall: screens and two watchers
    cw = [(-XW, 4.2, 22.0), (-XW, 4.2, 36.0), (-XW, 7.0, 36.0), (-XW, 7.0, 22.0)]
    A.poly(PP(cw), mix(ink, blue, 0.45), rgb(T["blue"]) * 0.45)
    for k in range(6):
        Z = 22.6 + k * 2.2
        A.poly(PP([(-XW, 4.9, Z), (-XW, 4.9, Z + 1.2), (-XW, 5.7, Z + 1.2), (-XW, 5.7, Z)]), T["ice"],
               rgb(T["ice"]) * (0.45 + 0.1 * (k % 3)))
    for Z, hh in ((12.5, 1.5), (15.2, 1.4)):
        px, py = P(-XW, 4.2, Z)
        u = hh * f / Z / 7.2
        A.ellipse(px + u * 0.4, py - hh * f / Z * 0.78, 0.5 * u * 1.2, 0.6 * u * 1.2, ink)
        A.poly([(px - u * 0.4, py), (px + u * 2.4, py), (px + u * 2.0, py - hh * f / Z * 0.62), (px - u * 0.2, py - hh * f / Z * 0.64)], ink)
    for Z in (22.0, 29.0, 36.0):
        A.line(PP([(-XW, 4.2, Z), (-XW, 7.0, Z)]), 3.0, ink, caps=False)
    A.line(PP([(-XW, 4.2, 22.0), (-XW, 4.2, 36.0)]), 3.0, ink, caps=False)
    # small wall lights in a rhythm down both walls
    for Z in np.arange(6.0, ZB, 4.0):
        for X in (-XW, XW):
            A.poly(PP([(X, 2.6, Z), (X, 2.6, Z + 0.9), (X, 2.8, Z + 0.9), (X, 2.8, Z)]), T["ice"], rgb(T["ice"]) * 0.6)
    # the platform under the module, hazard stripes on its edge, a short stair
    px0, px1, pz0, pz1, ph = PLATFORM
    A.poly(PP([(px0, ph, pz0), (px1, ph, pz0), (px1, ph, pz1), (px0, ph, pz1)]), mix(steel, blue, 0.25))
    A.poly(PP([(px0, 0, pz0), (px0, 0, pz1), (px0, ph, pz1), (px0, ph, pz0)]), mix(ink, steel, 0.6))
    A.poly(PP([(px0, 0, pz0), (px1, 0, pz0), (px1, ph, pz0), (px0, ph, pz0)]), mix(ink, steel, 0.8))
    for k in range(int((px1 - px0) / 0.7)):
        X = px0 + k * 0.7
        A.poly(PP([(X, ph - 0.28, pz0), (X + 0.35, ph - 0.28, pz0), (X + 0.5, ph, pz0), (X + 0.15, ph, pz0)]), T["warn"])
    for k in range(4):
        Zs = pz0 - 0.4 * (k + 1)
        A.poly(PP([(3.0, ph * (1 - (k + 1) / 4), Zs), (5.0, ph * (1 - (k + 1) / 4), Zs),
                   (5.0, ph * (1 - k / 4), Zs), (3.0, ph * (1 - k / 4), Zs)]), mix(steel, blue, 0.15 + 0.05 * k))
    # the module: a ribbed cylinder lying along the hall, drawn from its far end forward
    mx, my, mrad, mz0, mz1 = 6.6, ph + 3.2, 3.0, 24.0, 38.0
    zs = np.arange(mz1, mz0, -0.2)
    for Z in zs:
        c_x, c_y = P(mx, my, Z)
        rr = mrad * f / Z
        t = (Z - mz0) / (mz1 - mz0)
        body = mix(mix(steel, blue, 0.55), T["ice"], 0.12 * (1 - t))
        rib = abs((Z - mz0) % 2.0) < 0.2
        A.ellipse(c_x, c_y, rr, rr, mix(body, ink, 0.35) if rib else body)
    c_x, c_y = P(mx, my, mz0)
    rr = mrad * f / mz0
    A.ellipse(c_x, c_y, rr, rr, mix(blue, T["ice"], 0.3))
    A.ellipse(c_x, c_y, rr * 0.9, rr * 0.9, mix(steel, blue, 0.7))
    for k in range(24):  # hazard ring round the hatch
        a0 = k * 15
        if k % 2 == 0:
            A.arc(c_x, c_y, rr * 0.8, rr * 0.8, a0, a0 + 9, rr * 0.08, T["warn"], caps=False)
    A.ellipse(c_x, c_y, rr * 0.66, rr * 0.66, mix(steel, blue, 0.45))
    A.ellipse(c_x, c_y, rr * 0.6, rr * 0.6, mix(steel, ink, 0.2))
    A.arc(c_x, c_y, rr * 0.22, rr * 0.22, 0, 360, 3.0, mix(blue, T["ice"], 0.4), caps=False)  # the hand wheel
    for k in range(4):
        a = math.radians(45 + 90 * k)
        A.line([(c_x, c_y), (c_x + math.cos(a) * rr * 0.22, c_y + math.sin(a) * rr * 0.22)], 2.4, mix(blue, T["ice"], 0.4), caps=False)
    # a small porthole: someone is inside, thirty hours in
    A.ellipse(c_x, c_y - rr * 0.4, rr * 0.075, rr * 0.075, mix(T["steel"], T["warn"], 0.4), mix(T["white"], T["warn"], 0.45) * 0.45)
    # status light and the warning beacon on top
    A.rect(c_x + rr * 0.72, c_y + rr * 0.05, c_x + rr * 0.8, c_y + rr * 0.2, T["warn"], rgb(T["warn"]) * 1.2)
    bx, by = P(mx, my + mrad + 0.25, mz0 + 1.5)
    A.rect(bx - 6, by, bx + 6, by + 8, ink)
    A.ellipse(bx, by - 2, 6, 7, T["warn"], rgb(T["warn"]) * 1.6)
    # cables snaking from the module across the floor
    for k, (xa, xb) in enumerate(((2.0, -4.0), (2.6, -2.0), (3.2, -6.5))):
        pts = [P(xa + (xb - xa) * t, 0.02, 24.0 - 14.0 * t + 0.8 * math.sin(t * 7 + k)) for t in np.linspace(0, 1, 30)]
        A.line(pts, 2.2, mix(ink, steel, 0.2), caps=False)
    # a flight suit on its stand, a crate of kit beside it
    sx, sy = P(-5.2, 0, 17.0)
    u = f / 17.0
    suit, shade_s, visor = mix(T["white"], T["blue"], 0.25), mix(T["blue"], T["steel"], 0.5), mix(T["ice"], T["warn"], 0.15)
    A.line([(sx, sy), (sx, sy - 1.0 * u)], 3, ink, caps=False)
    A.ellipse(sx, sy, 0.45 * u, 0.08 * u, ink)
    A.rrect(sx - 0.36 * u, sy - 1.92 * u, sx + 0.36 * u, sy - 1.1 * u, 0.12 * u, shade_s)  # life-support pack
    for d in (-1, 1):
        A.line([(sx + d * 0.14 * u, sy - 1.0 * u), (sx + d * 0.16 * u, sy - 0.15 * u)], 0.2 * u, suit, caps=True)
        A.line([(sx + d * 0.3 * u, sy - 1.72 * u), (sx + d * 0.42 * u, sy - 1.3 * u), (sx + d * 0.36 * u, sy - 0.98 * u)], 0.16 * u, suit)
        A.ellipse(sx + d * 0.36 * u, sy - 0.95 * u, 0.08 * u, 0.08 * u, shade_s)
    A.rrect(sx - 0.3 * u, sy - 1.78 * u, sx + 0.3 * u, sy - 0.95 * u, 0.12 * u, suit)
    A.rect(sx - 0.3 * u, sy - 1.12 * u, sx + 0.3 * u, sy - 1.04 * u, shade_s)
    A.rect(sx - 0.1 * u, sy - 1.6 * u, sx + 0.1 * u, sy - 1.42 * u, T["warn"])  # mission patch
    A.ellipse(sx, sy - 2.0 * u, 0.24 * u, 0.24 * u, suit)
    A.ellipse(sx + 0.03 * u, sy - 1.98 * u, 0.16 * u, 0.13 * u, visor, rgb(T["ice"]) * 0.35)
    A.ellipse(sx + 0.08 * u, sy - 2.02 * u, 0.05 * u, 0.035 * u, T["white"], rgb(T["white"]) * 0.5)
    for (X, Z, w_, h_) in ((-3.6, 16.0, 1.2, 0.8), (-3.4, 16.0, 0.9, 1.4)):
        bx0_, by0_ = P(X, h_, Z)
        bx1_, by1_ = P(X + w_, 0, Z)
        A.rect(bx0_, by0_, bx1_, by1_, mix(steel, blue, 0.3))
        A.rect(bx0_, by0_, bx1_, by0_ + 3, mix(blue, T["ice"], 0.3))
        A.rect(bx0_ + 2, (by0_ + by1_) / 2 - 1, bx1_ - 2, (by0_ + by1_) / 2 + 2, T["warn"])
    # a rolling chair and a monitor cart on the floor at the left
    for (X, Z) in ((-5.5, 11.0),):
        sx, sy = P(X, 0, Z)
        u = f / Z
        A.rect(sx - 0.3 * u, sy - 1.1 * u, sx + 0.3 * u, sy - 0.5 * u, mix(ink, steel, 0.3))
        A.rect(sx - 0.32 * u, sy - 0.5 * u, sx + 0.32 * u, sy - 0.42 * u, mix(ink, steel, 0.3))
        A.line([(sx, sy - 0.42 * u), (sx, sy - 0.1 * u)], 2.0, ink, caps=False)
        A.line([(sx - 0.3 * u, sy), (sx + 0.3 * u, sy)], 2.0, ink, caps=False)
    sx, sy = P(-7.5, 0, 15.0)
    u = f / 15.0
    A.rect(sx - 0.5 * u, sy - 1.0 * u, sx + 0.5 * u, sy - 0.9 * u, mix(ink, steel, 0.4))
    A.line([(sx - 0.4 * u, sy - 0.9 * u), (sx - 0.4 * u, sy)], 2, ink, caps=False)
    A.line([(sx + 0.4 * u, sy - 0.9 * u), (sx + 0.4 * u, sy)], 2, ink, caps=False)
    A.rect(sx - 0.42 * u, sy - 1.6 * u, sx + 0.42 * u, sy - 1.0 * u, ink)
    A.rect(sx - 0.36 * u, sy - 1.55 * u, sx + 0.36 * u, sy - 1.05 * u, T["blue"], rgb(T["blue"]) * 0.7)

    def strips(L: Sketch, mirror: bool) -> None:
        """The ceiling light strips (and, mirrored, their reflection in the floor)."""
        for X in (-8.5, -3.0, 3.0, 8.5):
            for Z in np.arange(2.5, ZB - 1, 4.0):
                q = [(X - 0.35, YC - 0.05, Z), (X + 0.35, YC - 0.05, Z), (X + 0.35, YC - 0.05, Z + 3.2), (X - 0.35, YC - 0.05, Z + 3.2)]
                L.poly(PP(q, mirror), T["white"] if not mirror else None, rgb(T["white"]) * 1.05, base=not mirror)

    strips(A, False)
    img = vgrad([(0.0, T["ink"]), (1.0, T["ink"])])
    pm, a = A.base()
    img = img * (1 - a[..., None]) + pm
    light = A.light()
    # the light from the strips: lanes of light on the floor under each row
    with np.errstate(divide="ignore", invalid="ignore"):
        Zf = np.where(cy + 1 < YY, f * cam / np.maximum(YY - cy, 1e-3), 1e6)
    Xf = (XX - cx) * Zf / f
    lanes = np.zeros((H, W), np.float32)
    for X in (-8.5, -3.0, 3.0, 8.5):
        lanes += np.exp(-((Xf - X) / 2.6) ** 2)
    lanes *= (Zf < ZB) * smoothstep(0, 6, Zf)
    fmask = shape_mask(lambda B: B.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), "#ffffff"))
    img *= (0.8 + 0.25 * lanes * fmask)[..., None]
    img += (lanes * fmask)[..., None] * rgb(T["blue"]) * 0.05
    img += radial(cx, cy - 40, 620, 260)[..., None] * rgb(T["blue"]) * 0.1
    # beacon glow on the module and the floor, and its turning beam in the haze
    img += radial(bx, by, 160, 120)[..., None] * rgb(T["warn"]) * 0.14
    light += beam(bx, by - 2, math.radians(200), 0.1, 420)[..., None] * rgb(T["warn"]) * 0.22
    # the floor mirrors the strips and the lit shapes, softly
    R = Sketch()
    strips(R, True)
    R.ellipse(bx, 2 * P(mx, 0, mz0 + 1.5)[1] - by, 5, 6, None, rgb(T["warn"]) * 1.2, base=False)
    floor_y = np.maximum(cy + f * cam / ZB, 0)
    fl = smoothstep(floor_y, floor_y + 4, YY)
    fm = shape_mask(lambda B: B.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), "#ffffff"))
    plat = shape_mask(lambda B: (B.poly(PP([(px0, 0, pz0), (px0, 0, pz1), (px0, ph, pz1), (px0, ph, pz0)]), "#ffffff"),
                                 B.poly(PP([(px0, 0, pz0), (px1, 0, pz0), (px1, ph, pz0), (px0, ph, pz0)]), "#ffffff"),
                                 B.poly(PP([(px0, ph, pz0), (px1, ph, pz0), (px1, ph, pz1), (px0, ph, pz1)]), "#ffffff")))
    fm = fm * (1 - plat) * fl
    refl = blur(R.light(), 22, 3)
    light += refl * (fm * 0.16 * (1 - smoothstep(430, 640, YY)))[..., None]
    # haze in the hall
    haze = smoothstep(120, 420, YY) * (1 - smoothstep(420, 640, YY))
    img += haze[..., None] * rgb(T["blue"]) * 0.05
    img = glow(img, light, ((2, 0.6), (8, 0.5), (30, 0.35), (80, 0.12)))
    img = calm_bottom(img, T["ink"], 0.45, 0.68)
    img = vignette(img, T["ink"], 0.4, cx, cy)
    return img


PICTURES = (
    Picture("training_center", training_center,
            "KASA training centre: the isolation-sim module on its platform, ceiling light strips, the control room window"),
)
