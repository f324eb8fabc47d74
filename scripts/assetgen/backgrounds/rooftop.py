"""The shop's rooftop at sunset (low sun, string of bulbs, the city in haze) and at night (stars,
Mars a warm point, city glow).
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import Colour, mix, rgb
from ..raster.compose import calm_bottom, shift, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import add_star, glow, radial, starfield, top_edge
from ..raster.noise import fbm
from ..raster.vector import Sketch
from ..seeds import rng
from .city import draw_towers, lotte_tower, namsan, towers
from .picture import Picture

SUNSET = {"plum": "#2a1b3d", "wine": "#6b2f5b", "rose": "#d9576b", "orange": "#ff9a5c", "gold": "#ffd58a",
          "navy": "#23304f"}


NIGHTSKY = {"ink": "#0b0d1a", "deep": "#16213e", "blue": "#3a4a78", "ice": "#9ad1ff", "amber": "#ffc27a"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
HORIZON = 432  # the far city's skyline sits on it
SUN = (870, 402)  # the low sun (at sunset)
WATER_TANK = (40, 250, 230, 420)  # x0, x1, y0, y1


def monobloc(L: Sketch, x: float, base: float, h: float, col: Colour, edge: Colour | None = None, turn: float = 0.0) -> None:
    """A white plastic garden chair seen from behind: slatted back, armrests, splayed legs."""
    u = h / 10.0
    w = 5.2 * u
    L.line([(x - w * 0.42, base - 4.2 * u), (x - w * 0.55, base)], 0.55 * u, col, caps=False)
    L.line([(x + w * 0.42, base - 4.2 * u), (x + w * 0.55, base)], 0.55 * u, col, caps=False)
    L.line([(x - w * 0.3 + turn, base - 4.4 * u), (x - w * 0.36 + turn, base - 0.2 * u)], 0.4 * u, col, caps=False)
    L.line([(x + w * 0.3 + turn, base - 4.4 * u), (x + w * 0.36 + turn, base - 0.2 * u)], 0.4 * u, col, caps=False)
    L.poly([(x - w * 0.52, base - 4.6 * u), (x + w * 0.52, base - 4.6 * u), (x + w * 0.48, base - 4.0 * u),
            (x - w * 0.48, base - 4.0 * u)], col)
    L.rrect(x - w * 0.5, base - 10 * u, x + w * 0.5, base - 4.4 * u, 1.4 * u, col)
    for k in range(4):
        sx = x - w * 0.28 + k * w * 0.187
        L.rrect(sx - 0.35 * u, base - 9.0 * u, sx + 0.35 * u, base - 5.4 * u, 0.3 * u, None if edge is None else edge,
                None, base=edge is not None)
    L.line([(x - w * 0.5, base - 6.2 * u), (x - w * 0.66, base - 5.8 * u), (x - w * 0.6, base - 4.4 * u)], 0.5 * u, col)
    L.line([(x + w * 0.5, base - 6.2 * u), (x + w * 0.66, base - 5.8 * u), (x + w * 0.6, base - 4.4 * u)], 0.5 * u, col)


def rooftop(name: str, night: bool) -> np.ndarray:
    r = rng("rooftop")
    rn = rng(name)
    P = NIGHTSKY if night else SUNSET
    horizon = HORIZON
    sun = SUN
    # --- sky ---
    if night:
        img = vgrad([(0.0, P["ink"]), (0.35, P["deep"]), (0.52, mix(P["deep"], P["blue"], 0.55)),
                     (horizon / H, mix(P["blue"], P["ice"], 0.18)), (1.0, P["deep"])])
        light = np.zeros_like(img)
        fade = 0.25 + 0.75 * (1 - smoothstep(200, horizon, YY))
        # a faint band of the Milky Way, dust lanes and all
        band = np.exp(-(((YY - (80 + XX * 0.28)) / 90.0) ** 2))
        mw = fbm(rn, 80, 5) * band
        img += (smoothstep(0.35, 0.9, mw) * 0.07)[..., None] * mix(P["ice"], "#f4f1ea", 0.5)
        light += starfield(rn, 900, 10, 0, horizon - 30, tints=("#f4f1ea", "#cfe9ff", "#9ad1ff", "#ffe0b0"), cross=13, fade=fade)
        dense = np.zeros_like(light)
        dense += starfield(rn, 700, 0, 0, horizon - 60, tints=("#f4f1ea", "#cfe9ff"), cross=8)
        light += dense * band[..., None] * 0.8
        # Mars: a steady warm point a little brighter than any star
        mx, my = 1000, 150
        light += radial(mx, my, 2.6, power=4)[..., None] * rgb("#ffb38a") * 1.5
        light += radial(mx, my, 10)[..., None] * rgb("#ff9a5c") * 0.35
        add_star(light, mx, my, 0.45, "#ffc9a0", 12)
        city_glow = radial(640, horizon + 40, 900, 150)
        img += city_glow[..., None] * rgb(P["blue"]) * 0.45
        img += radial(640, horizon + 10, 700, 60)[..., None] * rgb(P["amber"]) * 0.06
    else:
        img = vgrad([(0.0, P["navy"]), (0.25, mix(P["navy"], P["wine"], 0.6)), (0.45, P["rose"]),
                     (0.56, P["orange"]), (horizon / H, mix(P["orange"], P["gold"], 0.6)), (1.0, P["wine"])])
        light = np.zeros_like(img)
        img += radial(sun[0], sun[1], 520, 230)[..., None] * rgb(P["gold"]) * 0.35
        img += radial(sun[0], sun[1], 160, 90)[..., None] * rgb(P["gold"]) * 0.3
        # long clouds, dark-edged above, lit gold underneath
        n = fbm(rn, 240, 5, sx=6.0, sy=0.55)
        clouds = smoothstep(0.56, 0.78, n) * smoothstep(40, 150, YY) * (1 - smoothstep(300, 380, YY))
        under = smoothstep(0.6, 0.85, fbm(rn, 200, 3, sx=6, sy=0.6))
        ccol = mix(P["wine"], P["plum"], 0.3)[None, None, :] * (1 - under[..., None]) + \
            mix(P["rose"], P["gold"], 0.4)[None, None, :] * under[..., None]
        ccol = ccol + radial(sun[0], 300, 400, 200)[..., None] * rgb(P["gold"]) * 0.4
        img = img * (1 - clouds[..., None] * 0.75) + ccol * clouds[..., None] * 0.75
        light += radial(sun[0], sun[1], 26, power=6)[..., None] * rgb(P["gold"]) * 1.6
        light += radial(sun[0], sun[1], 60)[..., None] * rgb(P["gold"]) * 0.3
        add_star(light, sun[0], sun[1], 0.3, P["gold"], 40)
    # --- the city below, in haze layers ---
    if night:
        haze = mix(P["deep"], P["blue"], 0.7)
        cols = [mix(P["deep"], P["blue"], 0.55), mix(P["ink"], P["deep"], 0.9), mix(P["ink"], P["deep"], 0.55)]
        wins = [P["amber"], P["amber"], "#f4e3c3", P["ice"]]
        lits = [0.35, 0.3, 0.26]
        gains = [0.5, 0.8, 1.0]
    else:
        haze = mix(P["rose"], P["orange"], 0.45)
        cols = [mix(P["rose"], P["orange"], 0.25), mix(P["wine"], P["rose"], 0.45), mix(P["plum"], P["wine"], 0.5)]
        wins = [P["gold"], P["orange"], P["gold"]]
        lits = [0.06, 0.08, 0.1]
        gains = [0.3, 0.4, 0.5]
    specs = [({"x0": -20, "x1": W + 20, "hmin": 20, "hmax": 70, "wmin": 16, "wmax": 40, "gap": (-2, 4)}, horizon + 26, 0.55),
             ({"x0": -20, "x1": W + 20, "hmin": 14, "hmax": 60, "wmin": 26, "wmax": 70, "gap": (-4, 6)}, horizon + 44, 0.8),
             ({"x0": -20, "x1": W + 20, "hmin": 8, "hmax": 40, "wmin": 60, "wmax": 140, "gap": (-10, 4)}, horizon + 70, 1.2)]
    for i, (tw, base, scale) in enumerate(specs):
        L = Sketch()
        if i == 0:
            namsan(L, 585, base, 0.8, cols[0], rgb(P["amber"] if night else P["gold"]) * (1.0 if night else 0.4))
            lotte_tower(L, 1160, base, 190, 30, cols[0], haze, rgb("#c2408a") * (1.2 if night else 0.3))
        bs = towers(r, **tw, tall_p=0.12)
        draw_towers(L, bs, base, cols[i], wins, scale, lits[i], gains[i], "#c2408a" if night else None,
                    window_base_mix=0.4, side=haze if not night else P["blue"], side_k=0.2 if not night else 0.12)
        pm, a = L.base()
        img = img * (1 - a[..., None]) + pm
        rimc = rgb(P["gold"]) if not night else rgb(P["blue"])
        img += top_edge(a, 1)[..., None] * rimc * (0.3 if not night else 0.2)
        light = light * (1 - a[..., None]) + L.light()
        if not night:  # haze drifting between the layers, brightest toward the sun
            hz = smoothstep(horizon - 30, horizon + 60, YY) * (1 - smoothstep(horizon + 60, horizon + 120, YY))
            img = img * (1 - hz[..., None] * 0.22) + haze * hz[..., None] * 0.22
    # --- the rooftop: parapet, floor, water tank, stair hut, chairs, the bulbs ---
    if night:
        dark, mid_, lit_edge, floor_c = mix(P["ink"], P["deep"], 0.6), mix(P["deep"], P["blue"], 0.3), P["blue"], mix(P["ink"], P["deep"], 0.8)
    else:
        dark, mid_, lit_edge, floor_c = mix(P["plum"], P["navy"], 0.5), mix(P["plum"], P["wine"], 0.45), P["orange"], mix(P["navy"], P["plum"], 0.55)
    R = Sketch()
    R.rect(-10, 490, W + 10, H + 10, floor_c)  # floor
    R.rect(-10, 468, W + 10, 530, dark)  # parapet face
    R.rect(-10, 462, W + 10, 470, mid_)  # its coping
    for x in range(0, W, 64):  # seams in the parapet
        R.line([(x, 470), (x, 530)], 1.0, mix(dark, "#000000", 0.2), caps=False)
    # styrofoam planters with peppers and lettuce along the parapet
    for k, x in enumerate((420, 505, 960, 1045)):
        R.rect(x, 500, x + 74, 536, mix(mid_, "#f4f1ea", 0.25 if not night else 0.1))
        pr = np.random.default_rng(k + 7)
        for j in range(7):
            px = x + 6 + j * 10
            R.ellipse(px, 494 - pr.uniform(0, 10), 7, 9, mix(dark, "#3a5a3a", 0.5))
        for j in range(3):
            R.ellipse(x + 14 + j * 22, 500 - pr.uniform(0, 8), 2.2, 4, "#b83a3a" if not night else "#5a2a30")
    # the water tank on its stand (left)
    tx0, tx1, ty0, ty1 = WATER_TANK
    for lx in (60, 130, 200, 236):
        R.line([(lx, ty1), (lx + (lx - 145) * 0.08, 540)], 6, dark, caps=False)
    R.line([(52, 480), (244, 480)], 4, dark, caps=False)
    R.line([(60, 420), (236, 480)], 3, dark, caps=False)
    R.line([(236, 420), (60, 480)], 3, dark, caps=False)
    R.rect(tx0, ty0, tx1, ty1, mid_)
    R.ellipse((tx0 + tx1) / 2, ty0, (tx1 - tx0) / 2, 22, mix(mid_, lit_edge, 0.25))
    R.ellipse((tx0 + tx1) / 2, ty1, (tx1 - tx0) / 2, 22, mid_)
    for y in (280, 340, 390):
        R.line([(tx0, y), (tx1, y)], 2.0, dark, caps=False)
    R.rect(tx1 - 26, ty0 - 40, tx1 - 18, ty0, dark)  # vent pipe
    # the stair hut (right) with its door and lamp
    R.rect(1100, 250, W + 10, 540, mid_)
    R.rect(1090, 238, W + 10, 252, dark)
    R.rect(1150, 330, 1236, 530, dark)
    R.rect(1156, 336, 1230, 526, mix(dark, mid_, 0.4))
    R.ellipse(1168, 440, 4, 4, lit_edge)
    R.rect(1184, 300, 1204, 312, dark, rgb(P["amber"] if night else P["gold"]) * (1.3 if night else 0.2))
    # a satellite dish on the hut
    R.ellipse(1136, 212, 24, 18, mid_)
    R.line([(1136, 212), (1140, 240)], 3, dark, caps=False)
    # the workbench by the tank: a folding table, the record player under repair, a toolbox
    R.rect(300, 470, 470, 480, mix(mid_, lit_edge, 0.15))
    for lx, rx in ((310, 330), (460, 440)):
        R.line([(lx, 480), (rx, 560)], 4, dark, caps=False)
        R.line([(rx, 480), (lx, 560)], 4, dark, caps=False)
    R.rect(330, 446, 420, 470, mix(mid_, lit_edge, 0.3))  # the record player's case
    R.ellipse(366, 446, 30, 6, dark)
    R.line([(404, 442), (388, 450)], 2, mix(mid_, "#f4f1ea", 0.4), caps=False)
    R.rect(430, 454, 464, 470, "#9a3a3a" if not night else "#4a2a3a")
    # two plastic chairs facing the view
    chair = mix(mix("#f4f1ea", P["rose"], 0.4), P["plum"], 0.45) if not night else mix(P["blue"], P["deep"], 0.35)
    chair_edge = mix(chair, dark, 0.35)
    monobloc(R, 700, 612, 150, chair, chair_edge)
    monobloc(R, 862, 606, 142, chair, chair_edge, turn=-4)
    R.rect(766, 540, 800, 600, mix(mid_, "#9a3a3a", 0.3))  # an upturned crate as a table
    R.rect(762, 536, 804, 544, mix(mid_, lit_edge, 0.2))
    # poles and the string of bulbs
    R.line([(290, 540), (290, 120)], 5, dark, caps=False)
    R.line([(1096, 300), (1096, 196)], 4, dark, caps=False)
    wire = []
    for i in range(61):
        t = i / 60
        x = 290 + (1096 - 290) * t
        y = 124 + (198 - 124) * t + 110 * 4 * t * (1 - t)
        wire.append((x, y))
    R.line(wire, 1.6, dark, caps=False)
    bulbs = []
    for i in range(3, 60, 3):
        x, y = wire[i]
        R.line([(x, y), (x, y + 8)], 1.0, dark, caps=False)
        bulbs.append((x, y + 12))
    pm, a = R.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + R.light()
    # rim light on everything facing the sun (right) or the city glow (top)
    if night:
        img += top_edge(a, 2)[..., None] * rgb(P["blue"]) * 0.35
    else:
        edge = np.clip(a - shift(a, -3, 0), 0, 1) + top_edge(a, 2)
        edge[:, W - 4:] = 0
        img += np.clip(edge, 0, 1)[..., None] * rgb(P["orange"]) * 0.8 * radial(sun[0], sun[1], 1000, 600)[..., None]
        # warm light raking across the floor
        img += (smoothstep(530, 600, YY) * (1 - smoothstep(600, H, YY)) * radial(sun[0], 560, 500, 120))[..., None] * rgb(P["orange"]) * 0.12
    # the bulbs: amber, bright at night, soft in the sunset
    bl = np.zeros_like(img)
    bk = 1.5 if night else 0.75
    for x, y in bulbs:
        bl += radial(x, y, 3.2, 4.0, power=4)[..., None] * mix(P["amber"] if night else P["gold"], "#f4f1ea", 0.3) * bk
    light += bl
    if night:  # their light on the floor and the chairs' backs
        pool = radial(690, 600, 520, 120)
        img += pool[..., None] * rgb(P["amber"]) * 0.06
        img += (a * radial(780, 300, 500, 300))[..., None] * rgb(P["amber"]) * 0.05
    img = glow(img, light, ((2, 0.8), (8, 0.55), (30, 0.4), (90, 0.15)))
    img = calm_bottom(img, P["ink"] if night else P["plum"], 0.4, 0.72)
    img = vignette(img, P["ink"] if night else P["plum"], 0.35, 640, 330)
    return img


def rooftop_sunset(name: str) -> np.ndarray:
    return rooftop(name, night=False)


def rooftop_night(name: str) -> np.ndarray:
    return rooftop(name, night=True)


PICTURES = (
    Picture("rooftop_sunset", rooftop_sunset,
            "the shop's rooftop at sunset: water tank, string of bulbs, two plastic chairs, the city in orange haze"),
    Picture("rooftop_night", rooftop_night,
            "the shop's rooftop at night: stars and a faint Milky Way, Mars a warm point, bulbs lit, city glow"),
)
