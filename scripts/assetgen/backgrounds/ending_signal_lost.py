"""Ending card 'signal_lost': static on the comms screen in a dark habitat, one cold light.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageDraw

from ..raster.colour import mix, rgb
from ..raster.compose import paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial, rim
from ..raster.noise import fbm
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import stars
from .spacecraft import CABIN

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
SCREEN = (400.0, 110.0, 900.0, 400.0)  # the comms screen full of static: x0, y0, x1, y1
DESK_Y = 466.0  # the desk's top
FRONT_Y = 556.0  # the desk's front edge
PORTHOLE = (1130.0, 160.0, 60.0)  # a dead porthole: centre x, centre y, radius


def signal_lost(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, CABIN["ink"]), (0.6, CABIN["hull"]), (1.0, CABIN["ink"])]) * 0.55 + rgb(CABIN["ink"]) * 0.45
    sx0, sy0, sx1, sy1 = SCREEN
    cx, cy = (sx0 + sx1) / 2, (sy0 + sy1) / 2

    def bezel(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0 - 16, sy0 - 16, sx1 + 16, sy1 + 16, ss), radius=20 * ss, fill=255)
        d.polygon(sc([(620, sy1 + 10), (680, sy1 + 10), (700, 466), (600, 466)], ss), fill=255)

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0, sy0, sx1, sy1, ss), radius=10 * ss, fill=255)

    bz = shapes(bezel, 3)
    gl = shapes(glass, 3)
    # the room takes the screen's cold light: a wash on the wall round it
    img = img + radial(cx, cy, 520, 330)[..., None] * rgb(CABIN["panel"]) * 0.22
    img = paint(img, bz, mix(CABIN["ink"], CABIN["hull"], 0.5))
    # static: fine noise, torn bands, scanlines; a flat line across where the signal was
    fine = r.random((H, W)).astype(np.float32)
    bands = fbm(r, 40, 3, sx=30.0, sy=0.05)
    tear = np.roll(fine, 7, axis=1) * (bands > 0.7) + fine * (bands <= 0.7)
    rows = (r.random((H, 1)) * 0.5 + 0.5).astype(np.float32)
    roll = 0.75 + 0.25 * np.sin((YY - sy0) / (sy1 - sy0) * math.pi * 3.0 + 0.8)
    stat = (0.2 + 0.8 * tear) * rows * (0.85 + 0.15 * (np.sin(YY * 2.0) > 0)) * roll
    stat = stat * (0.55 + 0.45 * radial(cx, cy, 300, 190))
    scol = rgb(CABIN["steel"]) * 0.7 + rgb("#6fe3e1") * 0.3
    screen = rgb(CABIN["hull"]) * 0.6 + scol[None, None, :] * stat[..., None] * 0.48
    img = img * (1 - gl[..., None]) + screen * gl[..., None]
    flat = np.exp(-((YY - (cy + 40)) / 1.3) ** 2) * gl * smoothstep(sx0 + 30, sx0 + 80, XX) * smoothstep(sx1 - 30, sx1 - 80, XX)
    light = np.zeros_like(img)
    light += flat[..., None] * rgb("#6fe3e1") * 0.7
    # the counter ring, all dim now
    def ring(d: ImageDraw.ImageDraw, ss: int) -> None:
        rr_ = 54
        for i in range(40):
            a0 = -90 + i * 9 + 1.5
            d.arc(sorted_box(cx - rr_, cy - 40 - rr_, cx + rr_, cy - 40 + rr_, ss), a0, a0 + 6, fill=255, width=int(5 * ss))

    light += (shapes(ring, 3) * gl * 0.18)[..., None] * rgb("#6fe3e1")
    img = img + (gl * 0.12)[..., None] * rgb(CABIN["steel"])
    # the single cold light falling on the desk
    desk_y = DESK_Y
    desk = (desk_y <= YY).astype(np.float32)
    front_y = FRONT_Y
    dcol = vgrad([(0.0, CABIN["panel"]), (desk_y / H, CABIN["panel"]), (front_y / H, CABIN["hull"]), (front_y / H + 0.001, CABIN["ink"]),
                  (1.0, CABIN["ink"])]) * 0.5 + rgb(CABIN["ink"]) * 0.5
    img = img * (1 - desk[..., None]) + dcol * desk[..., None]
    top = desk * (front_y > YY)
    pool = radial(cx, desk_y + 10, 380, 70) * top
    img = img + pool[..., None] * rgb(CABIN["steel"]) * 0.16
    img = img + np.exp(-((YY - front_y) / 1.2) ** 2)[..., None] * rgb(CABIN["steel"]) * 0.12 * radial(cx, front_y, 600, 200)[..., None]
    img = img + (np.exp(-(YY - front_y) / 30.0) * (front_y < YY))[..., None] * rgb(CABIN["hull"]) * 0.3
    img = img + np.exp(-((YY - desk_y) / 1.4) ** 2)[..., None] * rgb(CABIN["steel"]) * 0.25
    # left on the desk: the microphone, headphones hanging off the edge, a cold mug; the chair pushed back
    def things(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(250, 490, 320, 504, ss), fill=255)
        d.line(sc([(285, 497), (285, 420)], ss), fill=255, width=4 * ss)
        d.rounded_rectangle(sorted_box(268, 336, 302, 420, ss), radius=17 * ss, fill=255)
        d.rounded_rectangle(sorted_box(960, 438, 994, 482, ss), radius=4 * ss, fill=255)
        d.arc(sorted_box(986, 448, 1006, 470, ss), 270, 90, fill=255, width=3 * ss)
        # headphones dangling by their cable over the desk's front edge
        d.line(sc([(740, 500), (758, 530), (770, 556), (772, 590), (770, 606)], ss), fill=255, width=max(1, int(2 * ss)), joint="curve")
        d.arc(sorted_box(730, 600, 812, 672, ss), 180, 360, fill=255, width=6 * ss)
        d.ellipse(sorted_box(720, 624, 752, 660, ss), fill=255)
        d.ellipse(sorted_box(792, 624, 824, 660, ss), fill=255)
        # chair back at the right, turned away
        d.rounded_rectangle(sorted_box(1050, 380, 1180, 540, ss), radius=40 * ss, fill=255)
        d.rounded_rectangle(sorted_box(1030, 540, 1200, 566, ss), radius=10 * ss, fill=255)
        d.rectangle(sorted_box(1106, 566, 1122, 650, ss), fill=255)
        d.line(sc([(1046, 668), (1180, 660)], ss), fill=255, width=6 * ss)

    th = shapes(things, 3)
    img = paint(img, th, mix(CABIN["ink"], CABIN["hull"], 0.35))
    light += rim(th, -1, -0.6, 1.5)[..., None] * rgb(CABIN["steel"]) * 0.4 * radial(cx, cy, 700, 500)[..., None]
    img = glow(img, light, ((1.5, 0.6), (6, 0.4), (24, 0.25)))
    # screen glow (the only light in the room)
    screen_light = gl[..., None] * scol * 0.25
    img = glow(img, screen_light, ((12, 0.5), (50, 0.45)))
    # a dead porthole top right, a sliver of stars
    px, py, pr = PORTHOLE
    dd = np.sqrt((XX - px) ** 2 + (YY - py) ** 2)
    img = paint(img, np.clip(pr + 14 - dd + 0.5, 0, 1), mix(CABIN["ink"], CABIN["hull"], 0.4))
    pg = np.clip(pr - dd + 0.5, 0, 1)
    img = paint(img, pg, CABIN["ink"])
    img = glow(img, stars(r, 60, 1, py - pr, py + pr, px - pr, px + pr, tints=(CABIN["steel"],), cross=5) * pg[..., None] * 0.7, ((1.2, 0.4),))
    vign = smoothstep(0.45, 1.15, np.sqrt(((XX - cx) / 700) ** 2 + ((YY - cy) / 440) ** 2))
    img = paint(img, vign, CABIN["ink"], 0.7)
    return img


PICTURES = (
    Picture("signal_lost", signal_lost,
            "ending card 'signal_lost': static on the comms screen in a dark habitat, one cold light",
            look=space_look, folder="endings"),
)
