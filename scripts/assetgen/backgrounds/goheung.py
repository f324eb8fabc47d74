"""Goheung seen from the families' side: the launch over the sea an hour after dawn (the rocket climbing
on its flame, "a second sun standing up out of the sea", the crowd at the shore railing far off), and the
long bright hall where the families wait behind glass, at dawn before the launch and in the morning of
the return (one hall; the gate in the glass, the guard, the line painted on the floor).
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial
from ..raster.noise import fbm, line_noise
from ..raster.vector import Sketch
from ..seeds import rng
from .city import person
from .launch import DAWN
from .picture import Picture, space_look

# Where things sit (px in the 1280 x 720 frame)
SEA = 452.0  # the sea's horizon
SUN = (250.0, 430.0)  # the sun, an hour up, low over the sea on the left
PAD = (860.0, 446.0)  # the launch pad on the far headland
ROCKET = (905.0, 196.0)  # the rocket at the head of its plume (the launch view)
SHORE = 560.0  # the viewing terrace's railing (the launch view)


def launch_view(name: str, rocket: tuple[float, float] | None = ROCKET, morning: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Sky, sea, the far headland with the pad and, if ``rocket`` is given, the rocket climbing on its plume.
    ``morning`` 0 is an hour after dawn (peach), 1 a clear morning a few hours on. Returns (picture, light)."""
    r = rng(f"goheung:{name}")
    m = morning
    top = mix(mix(DAWN["dusk"], DAWN["lavender"], 0.35), "#6f9ccc", m)
    low = mix(DAWN["peach"], "#e9eef2", m)
    img = vgrad([(0.0, top), (0.42, mix(DAWN["lavender"], "#9fc1df", m)), (SEA / H * 0.9, low), (SEA / H, mix(DAWN["cream"], "#f1f2ea", m)),
                 (1.0, DAWN["night"])])
    sx, sy = SUN[0], SUN[1] - 150 * m
    img += radial(sx, sy, 360, 160)[..., None] * rgb(DAWN["cream"]) * (0.35 - 0.2 * m)
    light = np.zeros_like(img)
    light += radial(sx, sy, 22, power=6)[..., None] * rgb(DAWN["paper"]) * 1.5
    light += radial(sx, sy, 70)[..., None] * rgb(DAWN["cream"]) * 0.35
    # long thin clouds
    cl = smoothstep(0.55, 0.8, fbm(r, 320, 5, sx=6.0, sy=0.55)) * smoothstep(120, 220, YY) * (1 - smoothstep(330, 400, YY))
    img = paint(img, blur(cl, 2.0), mix(mix(DAWN["lavender"], DAWN["peach"], 0.5), "#f4f1ea", m * 0.6), 0.6)
    # the sea, and the sun's glitter path on it
    sea = (YY > SEA).astype(np.float32)
    seacol = vgrad([(0.0, DAWN["lavender"]), (SEA / H, mix(DAWN["peach"], "#cfdde8", m)), (0.8, mix(DAWN["dusk"], "#3f6f96", m)),
                    (1.0, DAWN["night"])])
    img = img * (1 - sea[..., None]) + seacol * sea[..., None]
    rip = fbm(r, 50, 4, sx=9.0, sy=0.22)
    for px, k in ((sx, 1.0), ((rocket or PAD)[0], 0.6 if rocket else 0.0)):
        path = np.exp(-((XX - px) / (60 + np.maximum(YY - SEA, 0) * 0.9)) ** 2) * sea * np.exp(-(YY - SEA) / 60)
        img += (smoothstep(0.45, 0.8, rip) * path)[..., None] * rgb(DAWN["cream"]) * 1.1 * k
    # the far headland with the launch complex
    head = SEA - 6 - 26 * smoothstep(560, 760, XX[0]) * (1 - smoothstep(1100, 1280, XX[0])) - 8 * line_noise(r, 200, 3)
    land = below(head, 1.0) * (XX > 520) * (YY < SEA + 3)
    img = paint(img, land, mix(mix(DAWN["dusk"], DAWN["lavender"], 0.45), "#6d7f98", m))
    far = Sketch()
    px, py = PAD
    col = mix(DAWN["dusk"], "#4f607a", m)
    far.rect(px - 8, py - 70, px - 3, py, col)  # the tower
    for k in range(7):
        far.line([(px - 8, py - k * 10), (px - 3, py - k * 10 - 10)], 1.0, col, caps=False)
    for x0, w_, h_ in ((700, 60, 10), (780, 30, 16), (960, 70, 9), (1040, 26, 13)):
        far.rect(x0, py + 6 - h_, x0 + w_, py + 6, col)
    for mx_ in (820, 900):
        far.line([(mx_, py + 4), (mx_, py - 64)], 1.2, col, caps=False)
    if rocket is None:  # on the pad, waiting
        far.rrect(px + 2, py - 66, px + 12, py, 4, mix(DAWN["lavender"], "#f4f1ea", 0.4 + 0.3 * m))
    pm, a = far.base()
    img = img * (1 - a[..., None]) + pm
    if rocket is not None:
        img, light = _plume(r, img, light, rocket)
    return img, light


def _plume(r: np.random.Generator, img: np.ndarray, light: np.ndarray, rocket: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """The rocket on its flame, the exhaust column curving down to the pad, lit gold from inside."""
    rx, ry = rocket
    px, py = PAD
    column = Sketch(emission=False)  # the exhaust column, thin at the flame, billowing wide at the pad
    pts = []
    for i in range(41):
        t = i / 40
        pts.append((px + (rx - px) * t ** 1.5 + 8 * math.sin(t * 4.0), py - 8 + (ry - py + 8) * t))
    for (x0, y0), (x1, y1), t in zip(pts, pts[1:], np.linspace(0, 1, 40)):
        column.line([(x0, y0), (x1, y1)], 4 + 34 * (1 - t) ** 1.8, "#ffffff")
    column.ellipse(px, py - 6, 110, 18, "#ffffff")  # the ground cloud spreading over the pad
    billow = fbm(r, 16, 4)
    plume = blur(column.mask(), 2.5) * (0.8 + 0.3 * billow)
    plume = np.clip(plume, 0, 1)
    lit = radial(rx, ry + 30, 40, 180)
    pcol = rgb(DAWN["paper"]) * (0.8 + 0.2 * billow[..., None]) * (1 - lit[..., None] * 0.3) + rgb(DAWN["peach"]) * lit[..., None] * 0.45
    shadow_side = smoothstep(-6, 10, XX - (px + (rx - px) * np.clip((py - YY) / (py - ry), 0, 1) ** 1.5))
    pcol = pcol * (1 - shadow_side[..., None] * 0.16) + rgb(DAWN["lavender"]) * shadow_side[..., None] * 0.16
    img = img * (1 - plume[..., None]) + pcol * plume[..., None]
    body = Sketch()
    body.rrect(rx - 4, ry - 42, rx + 4, ry, 3, mix(DAWN["paper"], DAWN["lavender"], 0.25))
    body.poly([(rx - 4, ry - 40), (rx, ry - 52), (rx + 4, ry - 40)], mix(DAWN["paper"], DAWN["lavender"], 0.25))
    pm, a = body.base()
    img = img * (1 - a[..., None]) + pm
    # the flame: a second sun
    light += radial(rx, ry + 8, 4, 10, power=2.5)[..., None] * rgb(DAWN["paper"]) * 2.0
    light += radial(rx, ry + 12, 12, 24)[..., None] * rgb(DAWN["peach"]) * 0.9
    light += radial(rx, ry + 16, 80)[..., None] * rgb(DAWN["peach"]) * 0.15
    return img, light


def goheung_launch(name: str) -> np.ndarray:
    """The launch from the viewing terrace: the rocket climbing over the sea, the crowd at the railing below."""
    r = rng(name)
    img, light = launch_view(name)
    # the viewing terrace: a dark lawn, the railing, the crowd, the lamp posts
    near = Sketch()
    ground = SHORE - 8 + 6 * line_noise(r, 400, 3)
    img = paint(img, below(ground + 18, 1.0), mix(DAWN["night"], DAWN["dusk"], 0.5))
    crowd_col = mix(DAWN["night"], DAWN["dusk"], 0.35)
    for _ in range(90):
        x = float(r.uniform(-20, W + 20))
        y = float(SHORE + 14 + r.uniform(-4, 10))
        person(near, x, y, float(r.uniform(34, 46)), crowd_col, r)
    near.line([(-10, SHORE - 14), (W + 10, SHORE - 18)], 2.5, mix(DAWN["night"], DAWN["dusk"], 0.6), caps=False)
    for x in range(10, W, 60):
        near.line([(x, SHORE - 16), (x, SHORE + 6)], 2.0, mix(DAWN["night"], DAWN["dusk"], 0.6), caps=False)
    pm, a = near.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + near.light()
    img += (a * radial(ROCKET[0], ROCKET[1], 700, 300))[..., None] * rgb(DAWN["peach"]) * 0.06
    # the foreground: a calm dark slope where the text box sits
    fg = below(640 + 20 * line_noise(r, 600, 3), 1.0)
    img = paint(img, fg, DAWN["night"], 0.9)
    img = glow(img, light, ((2, 0.7), (10, 0.5), (40, 0.35), (120, 0.15)))
    return vignette(img, DAWN["night"], 0.4, rx=720, ry=470)


PICTURES = (
    Picture("goheung_launch", goheung_launch,
            "the launch seen from Goheung's viewing terrace an hour after dawn: the rocket climbing on its flame over "
            "the sea, the crowd at the railing far below", look=space_look),
)
