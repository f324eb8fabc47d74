"""Ending card 'reunion': the two meet on the Seoul rooftop at dawn, a capsule's trail overhead.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint, shift
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import add_star, glow, radial, rim
from ..raster.noise import fbm
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .figures import JAY, NAN, figure, render_figure
from .picture import Picture, space_look
from .rooftop import SUNSET
from .space_kit import SPACE_STARS, lit_windows, roofline, stars

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
HORIZON = 420.0  # the city line at dawn
SUN_X = 1010.0  # the sunrise
TRAIL = (120.0, 40.0, 640.0, 176.0)  # the capsule's trail: from x, y to its head x, y
TRAIL_STEPS = 900  # points along the trail
ROOF_Y = 492.0  # the rooftop's floor line
FIGURE_HEIGHT = 250.0  # Jay's height; Nan-young is a little shorter
NAN_X, JAY_X = 575.0, 715.0  # where the two stand


def reunion(name: str) -> np.ndarray:
    r = rng(name)
    horizon = HORIZON
    img = vgrad([(0.0, SUNSET["navy"]), (0.25, mix(SUNSET["navy"], SUNSET["wine"], 0.55)), (0.42, SUNSET["wine"]), (0.52, SUNSET["rose"]),
                 (horizon / H, SUNSET["orange"]), (1.0, SUNSET["plum"])])
    # the sun about to rise on the right; the left of the sky stays blue
    sunx = SUN_X
    warm = radial(sunx, horizon, 520, 170)
    img = img + warm[..., None] * rgb(SUNSET["gold"]) * 0.45 + radial(sunx, horizon, 140, 40)[..., None] * rgb(SUNSET["gold"]) * 0.5
    cool = (1 - smoothstep(0, 700, XX)) * (1 - smoothstep(120, 400, YY))
    img = img * (1 - cool[..., None] * 0.3) + rgb(NAN["shadow"]) * cool[..., None] * 0.3
    st = stars(r, 380, 5, 0, 230, 0, 760, tints=("#f4f1ea", NAN["key"]), cross=8)
    img = glow(img, st * (1 - smoothstep(60, 240, YY))[..., None] * 0.8, ((1.2, 0.5), (5, 0.2)))
    # thin dawn clouds
    cl = fbm(r, 300, 5, sx=5.0, sy=0.5)
    cm = smoothstep(0.55, 0.85, cl) * smoothstep(260, 310, YY) * (1 - smoothstep(360, 400, YY))
    img = paint(img, blur(cm, 1.5), mix(SUNSET["rose"], SUNSET["orange"], 0.5), 0.5)
    img = img + np.clip(cm - shift(cm, 0, 3), 0, 1)[..., None] * rgb(SUNSET["gold"]) * 0.5 * warm[..., None] * 2
    # the capsule coming home: a long trail across the sky, bright at its head, under a small canopy
    trail = np.zeros_like(img)
    x0_, y0_, x1_, y1_ = TRAIL
    steps = TRAIL_STEPS
    for i in range(steps):
        t = i / (steps - 1)
        px = x0_ + (x1_ - x0_) * t
        py = y0_ + (y1_ - y0_) * t + 40 * math.sin(t * math.pi) * 0.6
        b = t ** 2.2
        iy, ix = int(py), int(px)
        if 0 <= iy < H and 0 <= ix < W:
            trail[iy, ix] += (rgb(NAN["key"]) * (1 - t) + rgb(SUNSET["gold"]) * t) * (0.25 + 0.9 * b)
    trail = blur(trail, 1.0) * 2.5
    img = glow(img, trail, ((2, 0.6), (8, 0.5), (26, 0.3)))
    head = np.zeros_like(img)
    add_star(head, x1_, y1_ + 2, 1.2, rgb("#f4f1ea"), 14, SPACE_STARS)
    img = glow(img, head, ((3, 0.7), (12, 0.5), (40, 0.3)))

    def canopy(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.chord(sorted_box(x1_ - 14, y1_ - 40, x1_ + 14, y1_ - 22, ss), 180, 360, fill=255)
        for sx_ in (-13, 0, 13):
            d.line(sc([(x1_ + sx_, y1_ - 31), (x1_, y1_ - 2)], ss), fill=255, width=max(1, int(0.6 * ss)))

    img = paint(img, shapes(canopy, 4), mix(SUNSET["wine"], SUNSET["orange"], 0.4), 0.8)
    # city: far skyline in haze, a mid skyline with lit windows, near roofs
    far_line, _ = roofline(r, horizon + 10, 20, 70, 20, 60, towers=0.2)
    img = paint(img, below(far_line), mix(SUNSET["wine"], SUNSET["rose"], 0.45) * 0.9 + rgb(SUNSET["orange"]) * 0.1, 0.9)
    mid_line, mid_blds = roofline(r, horizon + 40, 40, 120, 30, 80, towers=0.25)
    img = paint(img, below(mid_line), mix(SUNSET["plum"], SUNSET["wine"], 0.6))
    img = img + (np.exp(-np.maximum(YY - mid_line[None, :], 0) / 3.0) * below(mid_line) * warm * 1.5)[..., None] * rgb(SUNSET["orange"]) * 0.35
    wn = lit_windows(r, mid_blds, horizon + 40, 0.12)
    lights = wn[..., None] * rgb(JAY["key"]) * 0.7
    haze = np.exp(-((YY - horizon - 20) / 30.0) ** 2)
    img = paint(img, haze, mix(SUNSET["rose"], SUNSET["orange"], 0.4), 0.3)
    # the rooftop: floor, railing, a water tank, the string of bulbs
    roof_y = ROOF_Y
    floor = (roof_y <= YY).astype(np.float32)
    fcol = vgrad([(0.0, SUNSET["plum"]), (roof_y / H, mix(SUNSET["plum"], SUNSET["wine"], 0.45)), (1.0, SUNSET["plum"])])
    img = img * (1 - floor[..., None]) + fcol * floor[..., None]
    # the dawn and the sky mirrored faintly in the damp roof
    refl = np.flipud(img[:int(roof_y)])[: H - int(roof_y)]
    mirror = np.zeros_like(img)
    mirror[int(roof_y):int(roof_y) + refl.shape[0]] = refl
    mirror = blur(mirror, 6.0)
    img = img * (1 - floor[..., None] * 0.25) + mirror * floor[..., None] * 0.25 * np.exp(-(YY - roof_y) / 90.0)[..., None]

    def rooftop(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-10, 400), (W + 10, 396)], ss), fill=255, width=max(1, int(3 * ss)))
        d.line(sc([(-10, 446), (W + 10, 444)], ss), fill=255, width=max(1, int(2 * ss)))
        for px in range(20, W, 90):
            d.line(sc([(px, 398), (px, roof_y + 2)], ss), fill=255, width=max(1, int(3 * ss)))
        d.rectangle(sorted_box(-10, roof_y - 12, W + 10, roof_y + 2, ss), fill=255)
        # water tank on legs at the right, a pole for the bulbs on either side
        d.ellipse(sorted_box(1090, 236, 1210, 266, ss), fill=255)
        d.rectangle(sorted_box(1090, 251, 1210, 380, ss), fill=255)
        for lx in (1100, 1200):
            d.line(sc([(lx, 380), (lx - 6 if lx < 1150 else lx + 6, roof_y)], ss), fill=255, width=int(4 * ss))
        d.line(sc([(70, roof_y), (70, 170)], ss), fill=255, width=int(5 * ss))
        d.line(sc([(1040, roof_y), (1040, 190)], ss), fill=255, width=int(5 * ss))
        # potted plants along the railing
        rp = rng(name + ":plants")
        for px, pw in ((150, 40), (206, 30), (940, 34)):
            d.polygon(sc([(px, roof_y - 34), (px + pw, roof_y - 34), (px + pw - 5, roof_y), (px + 5, roof_y)], ss), fill=255)
            for _ in range(9):  # leaves: thin blades fanning out of the pot
                a = float(rp.uniform(-2.6, -0.5))
                ln = float(rp.uniform(30, 62))
                bx0 = px + pw / 2
                d.polygon(sc([(bx0 - 3, roof_y - 32), (bx0 + 3, roof_y - 32),
                              (bx0 + math.cos(a) * ln, roof_y - 32 + math.sin(a) * ln)], ss), fill=255)

    rt = shapes(rooftop, 3)
    img = paint(img, rt, mix(SUNSET["plum"], SUNSET["navy"], 0.4))
    light = np.zeros_like(img)
    light += rim(rt, 1, -0.4, 1.5)[..., None] * rgb(SUNSET["orange"]) * 0.5
    light += rim(rt, -1, -0.4, 1.2)[..., None] * rgb(NAN["key"]) * 0.3
    # the bulbs: a sagging string between the poles
    bulbs = np.zeros_like(img)

    def wire(d: ImageDraw.ImageDraw, ss: int) -> None:
        pts = [(70 + (1040 - 70) * t, 172 + (192 - 172) * t + 70 * math.sin(t * math.pi)) for t in np.linspace(0, 1, 60)]
        d.line(sc(pts, ss), fill=255, width=max(1, int(1.2 * ss)))

    img = paint(img, shapes(wire, 3), SUNSET["plum"], 0.9)
    for t in np.linspace(0.04, 0.96, 17):
        bx_ = 70 + (1040 - 70) * t
        by_ = 172 + 20 * t + 70 * math.sin(t * math.pi) + 6
        bulbs += radial(bx_, by_, 3.0, 3.6)[..., None] * rgb(SUNSET["gold"]) * 1.3
    img = glow(img, bulbs + lights, ((2, 0.7), (9, 0.6), (30, 0.35)))

    # the two of them, meeting in the middle: her hand reaching, his reaching back
    base = roof_y + 14
    hgt = FIGURE_HEIGHT
    nx, jx = NAN_X, JAY_X
    meet = ((nx + jx) / 2, base - hgt * 0.47)
    fn = figure("nan", nx, base, hgt * 0.94, facing=1, arm="reach", hand=(meet[0] - 6, meet[1] + 4))
    fj = figure("jay", jx, base, hgt, facing=-1, arm="reach", hand=(meet[0] + 6, meet[1]))
    sil = mix(SUNSET["plum"], "#0b0d1a", 0.4)
    img, light = render_figure(img, light, fn, sil, [(-1, -0.3, NAN["rim"], 1.0, 2.0), (1, -0.2, JAY["rim"], 0.45, 1.5)],
                               detail=NAN["shadow"], detail_alpha=0.6)
    img, light = render_figure(img, light, fj, sil, [(1, -0.3, JAY["rim"], 1.0, 2.0), (-1, -0.2, NAN["rim"], 0.45, 1.5)],
                               detail=JAY["shadow"], detail_alpha=0.45)
    light += fn["spark"][..., None] * rgb(NAN["rim"]) * 0.8
    # where their hands meet, the two lights mix
    img = glow(img, light, ((1.5, 0.6), (6, 0.35)))
    spark = radial(meet[0], meet[1] + 2, 5)[..., None] * (rgb(NAN["key"]) * 0.5 + rgb(JAY["key"]) * 0.5) * 0.9
    img = glow(img, spark, ((4, 0.6), (20, 0.4)))
    # their shadows/reflections on the roof
    for fig in (fn, fj):
        m = fig["body"]
        ys, _ = np.nonzero(m > 0.5)
        if len(ys):
            refl = np.zeros_like(m)
            b_ = int(ys.max())
            src = m[max(0, 2 * b_ - H):b_][::-1]
            refl[b_:b_ + src.shape[0]] = src
            refl = blur(refl, 3.0) * np.exp(-np.maximum(YY - b_, 0) / 60.0)
            img = paint(img, refl, mix(SUNSET["plum"], "#0b0d1a", 0.3), 0.5)
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 330) / 460) ** 2))
    img = paint(img, vign, SUNSET["plum"], 0.5)
    return img


PICTURES = (
    Picture("reunion", reunion,
            "ending card 'reunion': the two meet on the Seoul rooftop at dawn, a capsule's trail overhead",
            look=space_look, folder="endings"),
)
