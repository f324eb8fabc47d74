"""Event picture 'cg/cave_cairn': the cairn and the skylight in the lava tube, sol 3. Down the collapse
slope, under the lip of the skylight where a shaft of butterscotch daylight falls through the dust, the
knee-high cairn of basalt with its steel plate wired on; Nan-young in her suit, helmet closed, down on one
knee with her glove flat on the plate, her helmet beam on it; Yoon a step back in the dark, her beam
falling behind Nan-young's instead of beside it.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from ..backgrounds.cave_storm import CAVE
from ..backgrounds.picture import Picture, space_look
from ..backgrounds.space_kit import dusty_beam
from ..raster.colour import mix, rgb
from ..raster.compose import below, calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep
from ..raster.light import glow, radial
from ..raster.noise import fbm, line_noise
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp

SKY = "#f0c99a"  # the Martian day through the skylight
# Where things sit (px in the 1280 x 720 frame)
SKYLIGHT = (860.0, -6.0, 250.0, 64.0)  # the hole in the roof (cut by the frame's top): centre x, y, half width, half height
GROUND = 472.0  # the cave floor under the cairn (high: the text box covers the lowest third)
CAIRN = (900.0, 118.0, 126.0)  # centre x, width, height
U = 46.0  # Nan-young's head unit
NAN_HIPS = (738.0, GROUND - 1.8 * U)
YOON = (420.0, 328.0, 38.0)  # hips x, y and head unit, a step back up the slope


def cave_cairn(name: str) -> np.ndarray:
    r = rng(name)
    C = CAVE
    img = np.broadcast_to(mix(C["ink"], C["soot"], 0.6), (H, W, 3)).astype(np.float32).copy()
    light = np.zeros_like(img)
    tex = fbm(r, 36, 5)
    # the rock of the tube: rough walls lit only where the shaft and the beams reach
    img += (tex * 0.5)[..., None] * rgb(C["rock"]) * 0.5
    # the skylight: a ragged hole in the roof (the roof's broken edge lit round it), the hazy sky through it
    sx, sy, sw, sh = SKYLIGHT
    edge = 1 + 0.16 * (line_noise(r, 70, 4)[None, :] - 0.5)
    d = np.sqrt(((XX - sx) / sw) ** 2 + ((YY - sy) / sh) ** 2) / edge
    hole = np.clip((1 - d) * 10, 0, 1).astype(np.float32)
    lip = (np.clip((1.25 - d) * 8, 0, 1) * (1 - hole)).astype(np.float32)
    img = (img * (1 - lip[..., None]) + (rgb(C["rock"]) * 0.8 + rgb(SKY) * 0.15) * lip[..., None] * (0.7 + 0.5 * tex[..., None])).astype(np.float32)
    img = (img * (1 - hole[..., None]) + mix(SKY, "#d9a07a", 0.25) * hole[..., None]).astype(np.float32)
    light += hole[..., None] * rgb(SKY) * 0.12
    # the shaft: daylight slanting down through the dust to the floor by the cairn, motes turning in it
    ang = math.atan2(GROUND - sy, CAIRN[0] - 40 - sx)
    shaft = dusty_beam(sx, sy + 40, ang, 0.22, 1000.0, soft_start=30) * (YY < GROUND + 40)
    img += (shaft * (0.7 + 0.4 * tex))[..., None] * rgb(SKY) * 0.3
    motes = np.zeros((H, W), np.float32)
    for _ in range(70):
        t = float(r.uniform(0.05, 1.0))
        mx = sx + (CAIRN[0] - 40 - sx) * t + float(r.normal(0, 26 + 40 * t))
        my = sy + 40 + (GROUND - sy - 40) * t
        motes += radial(mx, my, float(r.uniform(0.8, 1.6)), power=4) * float(r.uniform(0.3, 1.0))
    light += (motes * shaft * 2.0)[..., None] * rgb(SKY) * 0.6
    # the floor: rubble down the collapse slope, the lit pool under the skylight
    floor_line = GROUND - 10 - 40 * smoothstep(700, 0, XX[0]) + 10 * line_noise(r, 200, 4)
    fl = below(floor_line, 1.0)
    fcol = mix(C["soot"], C["rock"], 0.5) * (0.8 + 0.4 * tex[..., None])
    img = img * (1 - fl[..., None]) + fcol * fl[..., None]
    img += (fl * radial(CAIRN[0] - 30, GROUND + 10, 260, 60))[..., None] * rgb(SKY) * 0.3
    # the cairn: basalt stones, every one chosen, the steel plate wired to the front
    cx, cw, ch = CAIRN
    stones = Sketch()
    rs = rng("cairn:stones")
    rows = [(GROUND, 5, 0.24), (GROUND - ch * 0.3, 4, 0.22), (GROUND - ch * 0.56, 3, 0.2), (GROUND - ch * 0.8, 2, 0.16)]
    for base, n, size in rows:
        span = cw * (n / 5 + 0.05)
        for k in range(n):
            x = cx - span / 2 + span * (k + 0.5) / n + float(rs.uniform(-4, 4))
            rr = cw * size * float(rs.uniform(0.9, 1.1))
            pts = [(x + math.cos(t) * rr * float(rs.uniform(0.85, 1.1)), base - rr * 0.55 + math.sin(t) * rr * 0.6 * float(rs.uniform(0.85, 1.1)))
                   for t in np.linspace(0, 2 * math.pi, 9, endpoint=False)]
            grow = [(x + (px_ - x) * 1.07, base - rr * 0.55 + (py_ - base + rr * 0.55) * 1.07) for px_, py_ in pts]
            stones.poly(grow, mix(C["ink"], C["soot"], 0.5))  # the dark seam round each stone
            stones.poly(pts, mix(C["rock"], "#5a5660", float(rs.uniform(0.35, 0.75))))
            stones.poly([(px_, py_ - rr * 0.12) for px_, py_ in pts[5:8]] + [pts[7], pts[6], pts[5]], mix("#8a8f96", SKY, 0.3), alpha=0.35)
    px0, py0 = cx - 24, GROUND - ch * 0.5
    stones.rect(px0, py0, px0 + 48, py0 + 26, mix("#8a8f96", C["rock"], 0.25))  # the plate
    for wx in (px0 + 4, px0 + 44):
        stones.line([(wx, py0), (wx + 2, py0 - 10)], 1.0, "#8a8f96", caps=False)
    for k in range(3):  # the letters stamped on it, too small to read here: three lines
        stones.line([(px0 + 6, py0 + 6 + 5 * k), (px0 + 34 - 6 * k, py0 + 6 + 5 * k)], 1.0, mix("#8a8f96", C["ink"], 0.5), caps=False)
    star = [(px0 + 40 + 4 * math.cos(a) * (1 if i % 2 == 0 else 0.45), py0 + 18 + 4 * math.sin(a) * (1 if i % 2 == 0 else 0.45))
            for i, a in enumerate(np.linspace(-math.pi / 2, 1.5 * math.pi, 10, endpoint=False))]
    stones.poly(star, mix("#cfd6df", C["beam"], 0.3))  # the small crooked star, scratched by hand
    pm, a = stones.base()
    img = img * (1 - a[..., None]) + pm
    img += (a * (radial(cx + 40, GROUND - ch, 120, 90)))[..., None] * rgb(SKY) * 0.25  # the shaft on the cairn's top
    # Yoon a step back up the slope, then Nan-young down on one knee at the cairn
    lit = pp.Lighting(key=(0.5, -1.0), shadow=mix(C["ink"], C["soot"], 0.5), rim=SKY, rim_k=0.55, fill=C["beam"], fill_k=0.15,
                      band=0.4, depth=0.6, haze=C["soot"], haze_k=0.4, glass=SKY)
    yx, yy, yu = YOON
    yoon = pp.person(pp.YOON_SUIT, pp.standing_side(tilt=0.25), yx, yy, yu, "side", 1)
    img = pp.render(img, light, yoon, yu, replace(lit, haze_k=0.6))
    hand = ((px0 + 20 - NAN_HIPS[0]) / U, (py0 + 14 - NAN_HIPS[1]) / U)
    pose = replace(pp.kneeling_side(hand), el_b=(hand[0] * 0.55, hand[1] * 0.3 - 1.2), tilt=0.35)
    nan = pp.person(pp.NANYOUNG_SUIT, pose, NAN_HIPS[0], NAN_HIPS[1], U, "side", 1)
    img = pp.render(img, light, nan, U, lit)
    # the helmet beams: hers short and bright on the plate, Yoon's falling behind her on the rock
    for fig, target, strength in ((nan, (px0 + 24, py0 + 12), 1.0), (yoon, (NAN_HIPS[0] - 120, GROUND + 4), 0.7)):
        if fig.lamp is None:
            continue
        lx, ly = fig.lamp
        cone = dusty_beam(lx, ly, math.atan2(target[1] - ly, target[0] - lx), 0.09, 700.0, soft_start=12)
        reach = math.hypot(target[0] - lx, target[1] - ly)
        cone *= 1 - smoothstep(reach, reach + 60, np.sqrt((XX - lx) ** 2 + (YY - ly) ** 2))
        img += cone[..., None] * rgb(C["beam"]) * 0.22 * strength
        light += radial(lx, ly, 3)[..., None] * rgb(C["beam"]) * 1.4
        light += radial(target[0], target[1], 26, 12)[..., None] * rgb(C["beam"]) * 0.5 * strength
    img = glow(img, light, ((2, 0.7), (10, 0.5), (40, 0.35), (120, 0.15)))
    img = calm_bottom(img, C["ink"], 0.35, 0.76)
    return vignette(img, C["ink"], 0.5, 760, 330)


PICTURES = (
    Picture("cg/cave_cairn", cave_cairn,
            "event picture: the cairn and the skylight in the lava tube, Nan-young in her suit and closed helmet down on one "
            "knee with her glove on the plate, her beam on it, Yoon a step back in the dark, daylight falling through the dust",
            look=space_look),
)
