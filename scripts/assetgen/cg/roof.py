"""The shop's rooftop seen close, for the event pictures played there (the record, the two endings on
the roof): the sky at night or at sunset, Euljiro below in haze layers, the parapet, the water tanks,
the string of bulbs. The pictures put their people and props in front of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..backgrounds.city import draw_towers, lotte_tower, namsan, towers
from ..backgrounds.rooftop import NIGHTSKY, SUNSET
from ..raster.colour import Colour, mix, rgb
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import add_star, radial, starfield, top_edge
from ..raster.noise import fbm
from ..raster.vector import Point, Sketch

# Where things sit (px in the 1280 x 720 frame)
HORIZON = 292.0  # the far city's skyline sits on it (high: the text box covers the lowest third)
PARAPET = 360.0  # the top of the parapet's coping
MARS_AT = (1010.0, 64.0)  # the red point at night, over the water tanks
SUN_AT = (930.0, 282.0)  # the low sun at sunset


@dataclass(frozen=True)
class Roof:
    """The finished backdrop and what the pictures need to place things on it."""

    img: np.ndarray
    light: np.ndarray
    night: bool
    dark: Colour  # the rooftop's darkest tone
    mid: Colour  # lit surfaces of the rooftop
    edge: Colour  # the rim colour the sky puts on edges
    warm: Colour  # the bulbs' colour
    bulbs: list[Point]


def sky(r: np.random.Generator, night: bool, sun: Point = SUN_AT) -> tuple[np.ndarray, np.ndarray]:
    """The sky and its light: stars, a faint Milky Way and Mars at night; the low sun and long clouds at sunset."""
    if night:
        P = NIGHTSKY
        img = vgrad([(0.0, P["ink"]), (0.4, P["deep"]), (0.56, mix(P["deep"], P["blue"], 0.6)),
                     (HORIZON / H, mix(P["blue"], P["ice"], 0.2)), (1.0, P["deep"])])
        light = np.zeros_like(img)
        band = np.exp(-(((YY - (10 + XX * 0.16)) / 70.0) ** 2))
        img += (smoothstep(0.35, 0.9, fbm(r, 80, 5) * band) * 0.07)[..., None] * mix(P["ice"], "#f4f1ea", 0.5)
        fade = 0.25 + 0.75 * (1 - smoothstep(HORIZON - 230, HORIZON, YY))
        light += starfield(r, 800, 9, 0, HORIZON - 30, tints=("#f4f1ea", "#cfe9ff", "#9ad1ff", "#ffe0b0"), cross=12, fade=fade)
        mx, my = MARS_AT  # Mars: a steady warm point, brighter than any star, that doesn't twinkle
        light += radial(mx, my, 2.8, power=4)[..., None] * rgb("#ffb38a") * 1.6
        light += radial(mx, my, 11)[..., None] * rgb("#ff9a5c") * 0.35
        add_star(light, mx, my, 0.4, "#ffc9a0", 12)
        img += radial(640, HORIZON + 40, 900, 140)[..., None] * rgb(P["blue"]) * 0.45
        return img, light
    P = SUNSET
    img = vgrad([(0.0, P["navy"]), (0.24, mix(P["navy"], P["wine"], 0.6)), (0.44, P["rose"]), (0.52, P["orange"]),
                 (HORIZON / H, mix(P["orange"], P["gold"], 0.6)), (1.0, P["wine"])])
    light = np.zeros_like(img)
    sx, sy = sun
    img += radial(sx, sy, 520, 230)[..., None] * rgb(P["gold"]) * 0.35
    n = fbm(r, 240, 5, sx=6.0, sy=0.55)
    clouds = smoothstep(0.56, 0.78, n) * smoothstep(20, 90, YY) * (1 - smoothstep(HORIZON - 110, HORIZON - 40, YY))
    lit = smoothstep(0.6, 0.85, fbm(r, 200, 3, sx=6, sy=0.6))
    ccol = mix(P["wine"], P["plum"], 0.3)[None, None, :] * (1 - lit[..., None]) + mix(P["rose"], P["gold"], 0.4)[None, None, :] * lit[..., None]
    img = img * (1 - clouds[..., None] * 0.7) + ccol * clouds[..., None] * 0.7
    light += radial(sx, sy, 24, power=6)[..., None] * rgb(P["gold"]) * 1.6
    light += radial(sx, sy, 60)[..., None] * rgb(P["gold"]) * 0.3
    return img, light


def city(r: np.random.Generator, img: np.ndarray, light: np.ndarray, night: bool) -> tuple[np.ndarray, np.ndarray]:
    """Euljiro and the towers beyond in three haze layers; at sunset the signs are just coming on."""
    if night:
        P = NIGHTSKY
        haze = mix(P["deep"], P["blue"], 0.7)
        cols = [mix(P["deep"], P["blue"], 0.55), mix(P["ink"], P["deep"], 0.9), mix(P["ink"], P["deep"], 0.55)]
        wins, lits, gains, roof = [P["amber"], P["amber"], "#f4e3c3", P["ice"]], [0.35, 0.3, 0.28], [0.5, 0.8, 1.0], "#c2408a"
    else:
        P = SUNSET
        haze = mix(P["rose"], P["orange"], 0.45)
        cols = [mix(P["rose"], P["orange"], 0.25), mix(P["wine"], P["rose"], 0.45), mix(P["plum"], P["wine"], 0.5)]
        wins, lits, gains, roof = [P["gold"], P["orange"], "#f4e3c3"], [0.06, 0.1, 0.16], [0.3, 0.45, 0.7], "#c2408a"
    specs = [((20, 70, 16, 40), HORIZON + 22, 0.55), ((14, 60, 26, 70), HORIZON + 40, 0.8), ((8, 46, 60, 140), HORIZON + 66, 1.2)]
    for i, ((hmin, hmax, wmin, wmax), base, scale) in enumerate(specs):
        L = Sketch()
        if i == 0:
            namsan(L, 420, base, 0.8, cols[0], rgb(P["amber"] if night else P["gold"]) * (1.0 if night else 0.4))
            lotte_tower(L, 1180, base, 180, 28, cols[0], haze, rgb("#c2408a") * (1.2 if night else 0.4))
        draw_towers(L, towers(r, -20, W + 20, hmin, hmax, wmin, wmax, (-4, 5), 0.12), base, cols[i], wins, scale, lits[i], gains[i],
                    roof, window_base_mix=0.4, side=P["blue"] if night else haze, side_k=0.12 if night else 0.2)
        pm, a = L.base()
        img = img * (1 - a[..., None]) + pm
        img += top_edge(a, 1)[..., None] * rgb(P["blue"] if night else P["gold"]) * (0.2 if night else 0.3)
        light = light * (1 - a[..., None]) + L.light()
        if not night:
            hz = smoothstep(HORIZON - 30, HORIZON + 60, YY) * (1 - smoothstep(HORIZON + 60, HORIZON + 120, YY))
            img = img * (1 - hz[..., None] * 0.2) + haze * hz[..., None] * 0.2
    return img, light


def roof(name: str, r: np.random.Generator, night: bool, tanks: tuple[float, ...] = (), bulbs_from: Point = (-20, 150),
         bulbs_to: Point = (W + 20, 120), sag: float = 90.0, sun: Point = SUN_AT) -> Roof:
    """The rooftop close up: sky, city, the parapet, water tanks standing at the given x, the string of bulbs."""
    img, light = sky(r, night, sun)
    img, light = city(r, img, light, night)
    if night:
        P = NIGHTSKY
        dark, mid_, edge, warm = mix(P["ink"], P["deep"], 0.6), mix(P["deep"], P["blue"], 0.3), P["blue"], P["amber"]
        floor = mix(P["ink"], P["deep"], 0.8)
    else:
        P = SUNSET
        dark, mid_, edge, warm = mix(P["plum"], P["navy"], 0.5), mix(P["plum"], P["wine"], 0.45), P["orange"], P["gold"]
        floor = mix(P["navy"], P["plum"], 0.55)
    R = Sketch()
    R.rect(-10, PARAPET + 40, W + 10, H + 10, floor)
    R.rect(-10, PARAPET + 8, W + 10, PARAPET + 70, dark)
    R.rect(-10, PARAPET, W + 10, PARAPET + 9, mid_)
    for sx in range(-20, W, 80):
        R.line([(sx, PARAPET + 9), (sx, PARAPET + 70)], 1.2, mix(dark, "#000000", 0.2), caps=False)
    for k, tx in enumerate(tanks):  # water tanks on their stands, a vent pipe on each
        w, top, bottom = 170.0, PARAPET - 246.0 + 18 * k, PARAPET - 4.0
        for lx in (tx - w * 0.42, tx - w * 0.12, tx + w * 0.16, tx + w * 0.44):
            R.line([(lx, bottom - 50), (lx + (lx - tx) * 0.08, PARAPET + 60)], 6, dark, caps=False)
        R.line([(tx - w * 0.48, PARAPET + 10), (tx + w * 0.48, PARAPET + 10)], 4, dark, caps=False)
        R.rect(tx - w / 2, top, tx + w / 2, bottom - 50, mid_)
        R.ellipse(tx, top, w / 2, 20, mix(mid_, edge, 0.25))
        R.ellipse(tx, bottom - 50, w / 2, 20, mid_)
        for y in np.linspace(top + 40, bottom - 70, 3):
            R.line([(tx - w / 2, y), (tx + w / 2, y)], 2.0, dark, caps=False)
        R.rect(tx + w / 2 - 26, top - 40, tx + w / 2 - 18, top, dark)
    wire = []
    (x0, y0), (x1, y1) = bulbs_from, bulbs_to
    for i in range(81):
        t = i / 80
        wire.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)))
    R.line(wire, 1.6, dark, caps=False)
    bulbs: list[Point] = []
    for i in range(2, 80, 4):
        bx, by = wire[i]
        R.line([(bx, by), (bx, by + 9)], 1.0, dark, caps=False)
        bulbs.append((bx, by + 13))
    pm, a = R.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + R.light()
    img += top_edge(a, 2)[..., None] * rgb(edge) * (0.35 if night else 0.5)
    bk = 1.5 if night else 0.8
    for bx, by in bulbs:
        light += radial(bx, by, 3.4, 4.2, power=4)[..., None] * mix(warm, "#f4f1ea", 0.3) * bk
    if night:  # the bulbs' light pooled on the floor
        img += (radial(640, PARAPET + 160, 620, 140) * smoothstep(PARAPET + 30, PARAPET + 90, YY))[..., None] * rgb(warm) * 0.07
    else:  # the sun raking across the floor
        img += (smoothstep(PARAPET + 60, PARAPET + 120, YY) * radial(sun[0], PARAPET + 120, 520, 120))[..., None] * rgb(P["orange"]) * 0.12
    return Roof(img, light, night, dark, mid_, edge, warm, bulbs)


def crate(L: Sketch, x: float, base: float, w: float, h: float, col: Colour, dark: Colour) -> None:
    """A plastic milk crate: a box with its grid of holes."""
    L.rect(x - w / 2, base - h, x + w / 2, base, col)
    for i in range(4):
        for j in range(2):
            cx = x - w / 2 + w * (i + 0.5) / 4
            cy = base - h + h * (j + 0.5) / 2
            L.rrect(cx - w * 0.08, cy - h * 0.17, cx + w * 0.08, cy + h * 0.17, 2, dark)
    L.rect(x - w / 2, base - h, x + w / 2, base - h + 3, mix(col, "#f4f1ea", 0.2))


def turntable(L: Sketch, x: float, base: float, w: float, body: Colour, top: Colour, spin: float, glow: Colour) -> tuple[Point, float]:
    """The 1984 Bando console seen from a little above: a wooden case, the platter with a record on it,
    the tonearm down, the smoked lid propped open behind; its small dial lamp glowing. Returns the
    record's centre and radius (for its shine)."""
    h = w * 0.22
    deck = w * 0.3  # the depth of the top deck as seen
    L.poly([(x - w * 0.46, base - h - deck - w * 0.3), (x + w * 0.46, base - h - deck - w * 0.3), (x + w * 0.48, base - h - deck),
            (x - w * 0.48, base - h - deck)], mix(top, "#f4f1ea", 0.1), alpha=0.45)  # the lid
    L.poly([(x - w / 2, base - h), (x + w / 2, base - h), (x + w * 0.47, base - h - deck), (x - w * 0.47, base - h - deck)], top)
    L.rect(x - w / 2, base - h, x + w / 2, base, body)
    L.line([(x - w / 2, base - h + 2), (x + w / 2, base - h + 2)], 1.5, mix(body, "#f4f1ea", 0.25), caps=False)
    cx, cy, rr = x - w * 0.08, base - h - deck * 0.5, w * 0.3
    L.ellipse(cx, cy, rr * 1.03, rr * 0.42, mix(top, "#0b0d1a", 0.5))  # the platter
    L.ellipse(cx, cy, rr * 0.97, rr * 0.39, "#14151b")  # the record
    for k in (0.8, 0.62):
        L.ellipse(cx, cy, rr * k, rr * 0.39 * k, None, None, base=False)
    L.ellipse(cx, cy, rr * 0.3, rr * 0.12, "#c2408a")  # its label
    L.ellipse(cx, cy, rr * 0.04, rr * 0.02, "#c9ccd4")
    arm_x, arm_y = x + w * 0.38, base - h - deck * 0.75
    L.ellipse(arm_x, arm_y, w * 0.035, w * 0.02, "#8a8f96")
    L.line([(arm_x, arm_y), (arm_x - w * 0.04, cy + rr * 0.05), (cx + rr * 0.55 * math.cos(spin), cy + rr * 0.2)],
           max(1.0, w * 0.012), "#c9ccd4", caps=False)
    for k in range(3):  # knobs on the front, and the small dial lamp
        L.ellipse(x + w * (0.12 + 0.1 * k), base - h * 0.5, w * 0.025, w * 0.025, mix(body, "#0b0d1a", 0.4))
    L.rrect(x - w * 0.4, base - h * 0.72, x - w * 0.22, base - h * 0.3, 2, mix(glow, "#f4f1ea", 0.3), rgb(glow) * 0.7)
    return (cx, cy), rr


def dori(L: Sketch, x: float, base: float, size: float, facing_away: bool = True, ambient: Colour = "#0b0d1a",
         dim: float = 0.0) -> Point:
    """Dori, the small round companion robot: a white shell on a short hover-foot, the antenna with its
    cyan tip; seen from behind only a glow of the face-screen at its edge. ``dim`` tints its shell toward
    the ``ambient`` light of the place. Returns the antenna tip."""
    r = size / 2

    def c(colour: Colour) -> Colour:
        return mix(colour, ambient, dim)

    cy = base - r
    L.ellipse(x, base + 2, r * 0.5, r * 0.12, c("#3b4a63"))  # the hover-foot
    L.ellipse(x, base + 3, r * 0.34, r * 0.06, None, rgb("#6fe3e1") * 0.8, base=False)
    L.ellipse(x, cy, r, r * 0.94, c("#dfe4ec"))
    L.ellipse(x - r * 0.28, cy - r * 0.4, r * 0.36, r * 0.18, c("#f4f1ea"))  # the shine on its shell
    L.arc(x, cy + r * 0.1, r * 0.98, r * 0.5, 10, 170, max(1.0, r * 0.05), c("#b6c0cf"), caps=False)  # the seam
    for s_ in (-1, 1):  # the side pods
        L.ellipse(x + s_ * r * 0.98, cy + r * 0.05, r * 0.12, r * 0.28, c("#c9d1dd"))
        L.ellipse(x + s_ * r * 1.02, cy + r * 0.05, r * 0.05, r * 0.16, None, rgb("#6fe3e1") * 1.1, base=False)
    if not facing_away:
        L.ellipse(x, cy - r * 0.05, r * 0.72, r * 0.52, c("#14202e"))
        for s_ in (-1, 1):
            L.ellipse(x + s_ * r * 0.28, cy - r * 0.08, r * 0.1, r * 0.14, "#6fe3e1", rgb("#6fe3e1") * 1.2)
    tip = (x + r * 0.3, cy - r * 1.55)
    L.line([(x + r * 0.2, cy - r * 0.9), tip], max(1.0, r * 0.06), c("#9aa6b8"), caps=False)
    L.ellipse(tip[0], tip[1], r * 0.1, r * 0.1, "#6fe3e1", rgb("#6fe3e1") * 1.4)
    return tip
