"""The launch site at dawn: the rocket on its pad against the sunrise over the sea, floodlights
and steam, a wet apron mirroring it all.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint, shift, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial, rim
from ..raster.noise import fbm, line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import dusty_beam, stars

# Launch site at dawn (docs/art-direction.md)
DAWN = {"night": "#141a33", "dusk": "#3a3f6b", "lavender": "#9a7fb0", "peach": "#ffb38a", "cream": "#ffe9c7", "paper": "#f4f1ea"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
HORIZON = 468.0  # the sea's horizon
SUN_X = 905.0  # the dawn, behind the rocket
ROCKET_X = 872.0  # the rocket's axis
PAD_Y = 500.0  # the launch pad's ground line
APRON_Y = 504  # the wet apron's top, where the mirror starts
APRON_DEPTH = 90  # rows of the picture mirrored in it


def launch_site_dawn(name: str) -> np.ndarray:
    r = rng(name)
    horizon = HORIZON
    img = vgrad([(0.0, DAWN["night"]), (0.3, DAWN["dusk"]), (0.5, DAWN["lavender"]), (0.6, DAWN["peach"]), (horizon / H, DAWN["cream"]),
                 (1.0, DAWN["night"])])
    # the dawn behind the rocket
    sun_x = SUN_X
    warm = radial(sun_x, horizon + 10, 560, 210) * 0.55 + radial(sun_x, horizon + 5, 190, 70) * 0.6
    img = img * (1 - warm[..., None] * 0.3) + (rgb(DAWN["peach"]) * 0.55 + rgb(DAWN["cream"]) * 0.45) * warm[..., None] * 0.6
    core = radial(sun_x, horizon + 4, 150, 34)
    img = img + core[..., None] * rgb(DAWN["cream"]) * 0.45
    # fading stars high up
    st = stars(r, 500, 9, 0, 330, tints=(DAWN["paper"], DAWN["cream"], DAWN["lavender"]), cross=10)
    fade = (1.0 - smoothstep(60, 330, YY)) * (1.0 - radial(sun_x, horizon, 520, 360) * 0.9)
    img = glow(img, st * fade[..., None] * 0.9, ((1.5, 0.6), (6, 0.25)))
    # long thin clouds lit from below
    cl = fbm(r, 340, 5, sx=6.0, sy=0.6)
    band = smoothstep(230, 300, YY) * (1 - smoothstep(380, 440, YY))
    cloud = smoothstep(0.52, 0.8, cl) * band
    lit = np.clip(radial(sun_x, horizon, 700, 400) * 1.3, 0, 1)[..., None]
    ccol = rgb(DAWN["lavender"]) * (1 - lit) + (rgb(DAWN["peach"]) * 0.7 + rgb(DAWN["cream"]) * 0.3) * lit
    img = paint(img, blur(cloud, 2.0), ccol * 0.95, 0.75)
    under = cloud - shift(cloud, 0, 3)
    img = img + np.clip(under, 0, 1)[..., None] * rgb(DAWN["cream"]) * lit * 0.35
    # far hills in haze (two layers), sea on the right where the dawn opens
    far = horizon - 34 - 36 * line_noise(r, 420, 4) - 40 * smoothstep(0, 500, 620 - XX[0])
    far = np.minimum(far + smoothstep(520, 760, XX[0]) * 80, horizon + 2)
    img = paint(img, below(far, 1.5), mix(DAWN["lavender"], DAWN["peach"], 0.25) * 0.92)
    mid = horizon - 8 - 22 * np.abs(line_noise(r, 260, 4)) - 60 * (1 - smoothstep(0, 420, XX[0])) ** 2
    mid = np.minimum(mid + smoothstep(380, 560, XX[0]) * 60, horizon + 4)
    img = paint(img, below(mid, 1.2), mix(DAWN["dusk"], DAWN["lavender"], 0.55))
    sea = (horizon < YY).astype(np.float32)
    seacol = vgrad([(0.0, DAWN["lavender"]), (horizon / H, DAWN["peach"]), (0.72, DAWN["dusk"]), (1.0, DAWN["night"])])
    img = img * (1 - sea[..., None]) + seacol * sea[..., None] * (1 - below(mid, 1.2)[..., None] * 0) * 1.0
    # glitter path of the dawn on the water
    ripples = fbm(r, 60, 4, sx=8.0, sy=0.25)
    path = np.exp(-((XX - sun_x) / (90 + np.maximum(YY - horizon, 0) * 1.2)) ** 2) * sea * np.exp(-(YY - horizon) / 40)
    img = img + (smoothstep(0.4, 0.8, ripples) * path)[..., None] * rgb(DAWN["cream"]) * 1.2
    img = img * (1 - (sea * (1 - smoothstep(0.3, 0.6, ripples)) * 0.12)[..., None])

    # the launch complex on the near shore
    shore = 492 + 6 * line_noise(r, 300, 3)
    land = below(shore, 1.0)
    img = paint(img, land, mix(DAWN["night"], DAWN["dusk"], 0.55))
    # pad structures: hangar blocks, the tower, lightning masts, the rocket
    rx0 = ROCKET_X
    pad = PAD_Y

    def structures(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, w_, h_ in ((560, 120, 28), (690, 60, 44), (1040, 150, 24), (1200, 60, 36), (470, 70, 18)):
            d.rectangle(sorted_box(x0, pad + 8 - h_, x0 + w_, pad + 10, ss), fill=255)
        d.polygon(sc([(760, pad + 10), (1000, pad + 10), (980, pad - 6), (780, pad - 6)], ss), fill=255)
        # umbilical tower: lattice
        tx0, tx1, tt = 812.0, 840.0, 112.0
        lw = max(1, int(1.6 * ss))
        d.line(sc([(tx0, pad), (tx0, tt)], ss), fill=255, width=int(3 * ss))
        d.line(sc([(tx1, pad), (tx1, tt)], ss), fill=255, width=int(3 * ss))
        y = pad
        k = 0
        while y > tt + 10:
            y2 = y - 22
            d.line(sc([(tx0, y), (tx1, y2)] if k % 2 else [(tx1, y), (tx0, y2)], ss), fill=255, width=lw)
            d.line(sc([(tx0, y2), (tx1, y2)], ss), fill=255, width=lw)
            y, k = y2, k + 1
        d.rectangle(sorted_box(tx0 - 6, tt - 10, tx1 + 10, tt, ss), fill=255)
        d.line(sc([(tx0 + 14, tt - 10), (tx0 + 14, tt - 40)], ss), fill=255, width=int(2 * ss))
        for ya in (170, 262, 380):  # swing arms
            d.line(sc([(tx1, ya), (rx0 - 18, ya + 4)], ss), fill=255, width=int(4 * ss))
        # lightning masts with their wires
        for mx, mt in ((700, 150), (1060, 140)):
            d.polygon(sc([(mx - 4, pad + 8), (mx + 4, pad + 8), (mx + 1.2, mt), (mx - 1.2, mt)], ss), fill=255)
        for a, b in (((700, 150), (880, 60 + 40)), ((1060, 140), (880, 100)), ((700, 150), (600, pad)), ((1060, 140), (1170, pad))):
            d.line(sc([a, b], ss), fill=255, width=max(1, int(0.8 * ss)))
        # floodlight poles
        for fx, fy in ((640, 420), (1130, 430), (980, 445)):
            d.line(sc([(fx, pad + 8), (fx, fy)], ss), fill=255, width=int(2 * ss))
            d.rectangle(sorted_box(fx - 9, fy - 6, fx + 9, fy + 2, ss), fill=255)

    struct = shapes(structures, ss=3)
    struct_col = mix(DAWN["night"], DAWN["dusk"], 0.35)
    img = paint(img, struct, struct_col)

    # the rocket: cylinder with a nose cone and two strap-on boosters, lit from the dawn side
    def rocket(d: ImageDraw.ImageDraw, ss: int) -> None:
        bw, top = 18.0, 128.0
        d.rectangle(sorted_box(rx0 - bw, top + 60, rx0 + bw, pad - 6, ss), fill=255)
        d.pieslice(sorted_box(rx0 - bw, top - 10, rx0 + bw, top + 130, ss), 180, 360, fill=255)
        d.polygon(sc([(rx0 - bw, top + 60), (rx0 + bw, top + 60), (rx0 + bw, top + 62), (rx0 - bw, top + 62)], ss), fill=255)
        for sx in (-1, 1):
            bx = rx0 + sx * (bw + 9)
            d.rectangle(sorted_box(bx - 9, 330, bx + 9, pad - 2, ss), fill=255)
            d.pieslice(sorted_box(bx - 9, 300, bx + 9, 360, ss), 180, 360, fill=255)
            d.polygon(sc([(bx - 11, pad - 2), (bx + 11, pad - 2), (bx + 8, pad - 14), (bx - 8, pad - 14)], ss), fill=255)

    rk = shapes(rocket, ss=4)
    u = np.clip((XX - rx0) / 36.0, -1, 1)
    shade = 0.35 + 0.65 * np.clip(0.5 + 0.5 * u, 0, 1) ** 1.5  # brighter on the dawn side
    body_col = mix(DAWN["dusk"], DAWN["lavender"], 0.5)[None, None, :] * (0.45 + 0.6 * shade[..., None])
    warm_side = (np.clip(u, 0, 1) ** 2)[..., None] * smoothstep(120, 480, YY)[..., None]
    body_col = body_col * (1 - warm_side * 0.5) + rgb(DAWN["peach"]) * warm_side * 0.5
    flood = smoothstep(200, 490, YY)[..., None] * 0.3
    body_col = body_col * (1 - flood) + rgb(DAWN["cream"]) * flood * 0.75
    band = ((np.abs(YY - 230) < 3) | (np.abs(YY - 300) < 2)).astype(np.float32)[..., None]
    body_col = body_col * (1 - band * 0.35)
    img = img * (1 - rk[..., None]) + body_col * rk[..., None]

    light = np.zeros_like(img)
    light += rim(rk, 1, 0.15, 2.0)[..., None] * rgb(DAWN["cream"]) * 0.85
    light += rim(rk, -1, 0.1, 1.2)[..., None] * rgb(DAWN["peach"]) * 0.25
    light += rim(struct, 1, 0.2, 1.5)[..., None] * rgb(DAWN["peach"]) * 0.4
    img = glow(img, light, ((1.5, 0.5), (6, 0.3)))
    # floodlights: hot points, beams through the morning mist toward the rocket
    points = np.zeros_like(img)
    beams = np.zeros(img.shape[:2], np.float32)
    for fx, fy, ang in ((640, 420, -0.38), (1130, 430, math.pi + 0.42), (980, 445, math.pi + 1.0)):
        points += radial(fx, fy - 2, 4.5, 2.6)[..., None] * rgb(DAWN["paper"]) * 1.6
        beams += dusty_beam(fx, fy - 2, ang, 0.13, 300.0)
    for wx, wy in ((826, 96), (826, 250), (700, 146), (1060, 136)):  # aircraft warning lamps
        points += radial(wx, wy, 1.8)[..., None] * rgb(DAWN["peach"]) * 1.5
    # lit windows in the hangars
    for wx, wy, ww in ((580, 488, 30), (622, 492, 14), (700, 470, 8), (1060, 494, 40), (1212, 482, 10)):
        points += (np.clip(1 - np.abs(XX - wx - ww / 2) / (ww / 2), 0, 1) > 0).astype(np.float32)[..., None] * \
            (np.abs(YY - wy) < 1.6).astype(np.float32)[..., None] * rgb(DAWN["peach"]) * 0.7
    img = img + blur(beams, 2.0)[..., None] * rgb(DAWN["cream"]) * 0.16
    img = glow(img, points, ((2, 0.7), (10, 0.45), (36, 0.25)))

    # steam and mist round the pad
    mist = fbm(r, 120, 5, sx=3.0, sy=1.0)
    mband = np.exp(-((YY - 492) / 26.0) ** 2)
    steam = radial(rx0 - 20, pad - 6, 130, 40) * smoothstep(0.3, 0.8, fbm(r, 50, 4))
    m = np.clip(mband * smoothstep(0.35, 0.85, mist) * 0.55 + steam * 0.8, 0, 1)
    mcol = rgb(DAWN["lavender"]) * 0.55 + rgb(DAWN["cream"]) * 0.45
    img = paint(img, blur(m, 3.0), mcol, 0.55)

    # wet apron in front of the pad: the dawn, the rocket and the lights mirrored, broken by dry patches
    top_y = APRON_Y
    span = APRON_DEPTH
    mirror = np.zeros_like(img)
    mirror[top_y:top_y + span] = img[top_y - 1:top_y - 1 - span:-1]
    mirror = blur(mirror, 2.5)
    wet = smoothstep(0.45, 0.6, fbm(r, 90, 4, sx=4.0, sy=0.4)) * (top_y <= YY) * np.exp(-np.maximum(YY - top_y, 0) / 40.0)
    img = img * (1 - wet[..., None] * 0.5) + mirror * wet[..., None] * 0.5
    # foreground: a calm dark slope for the text box, a fence line catching the dawn
    fg = 560 + 26 * line_noise(r, 500, 3) - XX[0] * 0.02
    fgm = below(fg, 1.2)
    fgcol = vgrad([(0.0, DAWN["dusk"]), (0.75, DAWN["dusk"]), (0.85, DAWN["night"]), (1.0, DAWN["night"])])
    img = img * (1 - fgm[..., None]) + (fgcol * 0.75 + rgb(DAWN["night"]) * 0.25) * fgm[..., None]

    def fence(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x in np.arange(14.0, W, 52.0):
            yb = float(fg[int(x)]) + 6
            d.line(sc([(x, yb), (x + 1, yb - 30)], ss), fill=255, width=max(1, int(2.2 * ss)))
        xs = np.arange(0, W + 1, 8)
        for off in (24, 12):
            d.line(sc([(float(x), float(fg[min(int(x), W - 1)]) + 6 - off) for x in xs], ss), fill=255, width=max(1, int(1 * ss)))

    img = paint(img, shapes(fence, ss=3), mix(DAWN["night"], DAWN["dusk"], 0.3), 0.8)
    # a few birds
    def birds(d: ImageDraw.ImageDraw, ss: int) -> None:
        for bx, by, s in ((300, 210, 7), (322, 222, 5), (280, 232, 6)):
            d.line(sc([(bx - s, by - s * 0.4), (bx, by), (bx + s, by - s * 0.5)], ss), fill=255, width=max(1, int(1.3 * ss)), joint="curve")

    img = paint(img, shapes(birds, ss=4), DAWN["dusk"], 0.8)
    return vignette(img, DAWN["night"], 0.45, rx=700, ry=480)


PICTURES = (
    Picture("launch_site_dawn", launch_site_dawn,
            "launch site at dawn: rocket on its pad before the sunrise, floodlights in the mist",
            look=space_look),
)
