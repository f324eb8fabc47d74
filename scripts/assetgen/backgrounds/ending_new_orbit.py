"""Ending card 'new_orbit': the two at a Mars habitat window at dusk, Earth a dot above.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial, rim
from ..raster.noise import line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .figures import JAY, NAN, figure, render_figure
from .habitat import HABITAT
from .mars import BLUE_SUNSET
from .picture import Picture, space_look
from .space_kit import earth_dot, ridge_layer, stars

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
HORIZON = 400.0  # the plain's horizon through the window
SUN = (905.0, 392.0)  # the sun setting in its blue glow
WINDOW = (150.0, 56.0, 1130.0, 478.0)  # the habitat's window: x0, y0, x1, y1
FLOOR_Y = 540.0  # where the floor meets the wall
FIGURE_HEIGHT = 300.0  # Jay's height; Nan-young is a little shorter


def new_orbit(name: str) -> np.ndarray:
    r = rng(name)
    # outside: Mars at dusk, the blue glow low on the right, Earth a dot high up
    horizon = HORIZON
    sky = vgrad([(0.0, BLUE_SUNSET["plum"]), (0.3, BLUE_SUNSET["mauve"]), (horizon / H, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["rose"], 0.5)),
                 (1.0, BLUE_SUNSET["plum"])])
    sx, sy = SUN
    blue = radial(sx, sy - 40, 220, 260, power=1.6)
    sky = sky * (1 - blue[..., None] * 0.75) + rgb(BLUE_SUNSET["blue"]) * blue[..., None] * 0.75
    inner = radial(sx, sy, 80, 60)
    sky = sky * (1 - inner[..., None] * 0.8) + rgb(BLUE_SUNSET["glow"]) * inner[..., None] * 0.8
    st = stars(r, 380, 3, 40, 300, tints=(BLUE_SUNSET["rose"], HABITAT["paper"]), cross=6)
    sky = glow(sky, st * (1 - blue[..., None]) * 0.7, ((1.2, 0.5), (5, 0.2)))
    sky = earth_dot(sky, 640.0, 116.0, 1.3)
    sun = radial(sx, sy, 5.0, power=8)[..., None] * rgb(HABITAT["paper"]) * 1.2
    sky = glow(sky, sun, ((3, 0.6), (12, 0.5), (36, 0.35)))
    far = horizon - 10 - 16 * line_noise(r, 320, 5)
    sky, _ = ridge_layer(sky, far, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["blue"], 0.45) * 0.9)
    near_sun = radial(sx, horizon, 380, 160)
    sky = sky + (np.exp(-np.maximum(YY - far[None, :], 0) / 3.0) * below(far) * near_sun)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.3
    mid = horizon + 28 + 14 * line_noise(r, 220, 5)
    sky, _ = ridge_layer(sky, mid, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["mauve"], 0.4), fade_to=BLUE_SUNSET["plum"], fade_k=0.6, fade_h=60)

    # inside: the dark habitat, a wide window of three panes
    img = vgrad([(0.0, HABITAT["dark"]), (0.7, HABITAT["brown"]), (1.0, HABITAT["dark"])]) * 0.6 + rgb(HABITAT["dark"]) * 0.4
    wx0, wy0, wx1, wy1 = WINDOW

    def panes(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(wx0, wy0, wx1, wy1, ss), radius=70 * ss, fill=255)

    def mullions(d: ImageDraw.ImageDraw, ss: int) -> None:
        for mx in (wx0 + (wx1 - wx0) / 3, wx0 + 2 * (wx1 - wx0) / 3):
            d.rectangle(sorted_box(mx - 9, wy0 - 5, mx + 9, wy1 + 5, ss), fill=255)
        d.rectangle(sorted_box(wx0, 300, wx1, 310, ss), fill=255)

    pm = shapes(panes, 3)
    mm = shapes(mullions, 3) * pm
    img = img * (1 - pm[..., None]) + sky * pm[..., None]
    # glass: a faint reflection of the warm room
    img = img + (pm * radial(260, 420, 260, 140) * 0.06)[..., None] * rgb(HABITAT["lamp"])
    img = paint(img, mm, mix(HABITAT["dark"], HABITAT["brown"], 0.4))
    light = np.zeros_like(img)
    light += rim(mm, 1, -0.3, 1.5)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.35
    # a blue glow round the frame, where the light from outside spills
    frame = np.clip(blur(pm, 6.0) - pm, 0, 1)
    img = img + (frame * 0.5)[..., None] * rgb(BLUE_SUNSET["blue"])
    # the window's blue light falls into the room: on the floor, soft
    floor_y = FLOOR_Y
    fl = (floor_y <= YY).astype(np.float32)
    img = paint(img, fl, mix(HABITAT["dark"], HABITAT["brown"], 0.25))
    # the window mirrored in the polished floor, blurred and dim
    span = H - int(floor_y)
    mirror = np.zeros_like(img)
    mirror[int(floor_y):] = img[int(floor_y) - 1:int(floor_y) - 1 - span:-1]
    mirror = blur(mirror, 5.0)
    img = img + mirror * (fl * 0.35 * np.exp(-(YY - floor_y) / 70.0))[..., None]
    spill = np.exp(-((XX - 640) / 520.0) ** 2) * np.exp(-(YY - floor_y) / 90.0) * fl
    img = img + spill[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.14
    img = img * (1 - (fl * smoothstep(560, 720, YY) * 0.45)[..., None])
    img = img + (np.exp(-((YY - floor_y) / 1.2) ** 2))[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.12
    # a warm lamp behind us on the left: a wash of amber on the wall and the floor
    img = img + radial(40, 640, 460, 240)[..., None] * rgb(HABITAT["lamp"]) * 0.12
    # a small table with a radio under the window (Jay brought it), a plant
    def props(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rectangle(sorted_box(860, 470, 1040, 480, ss), fill=255)
        d.line(sc([(875, 480), (875, floor_y + 4)], ss), fill=255, width=3 * ss)
        d.line(sc([(1025, 480), (1025, floor_y + 4)], ss), fill=255, width=3 * ss)
        d.rounded_rectangle(sorted_box(900, 430, 980, 470, ss), radius=8 * ss, fill=255)
        d.line(sc([(960, 430), (990, 396)], ss), fill=255, width=max(1, int(1.5 * ss)))
        d.polygon(sc([(230, floor_y + 4), (270, floor_y + 4), (276, 480), (224, 480)], ss), fill=255)
        rp = rng(name + ":plant")
        for _ in range(11):
            a = float(rp.uniform(-2.7, -0.45))
            ln = float(rp.uniform(40, 90))
            d.polygon(sc([(247, 482), (253, 482), (250 + math.cos(a) * ln, 482 + math.sin(a) * ln)], ss), fill=255)

    pr = shapes(props, 3)
    img = paint(img, pr, mix(HABITAT["dark"], HABITAT["brown"], 0.3))
    light += rim(pr, 0.3, -1, 1.5)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.45
    dial = radial(922, 450, 9, 9, power=6)
    light += dial[..., None] * rgb(HABITAT["lamp"]) * 0.5
    # the two of them at the window, backs to us, close; her head tipped toward his shoulder
    base = floor_y + 22
    hgt = FIGURE_HEIGHT
    fn = figure("nan", 560, base, hgt * 0.94, facing=1)
    fj = figure("jay", 668, base, hgt, facing=-1)
    sil = mix(HABITAT["dark"], "#0b0d1a", 0.3)
    img, light = render_figure(img, light, fj, sil, [(1, -0.4, NAN["rim"], 0.7, 2.0), (0, -1, NAN["rim"], 0.35, 1.5),
                                                      (-1, 0.3, JAY["rim"], 0.4, 1.5)], detail=JAY["shadow"], detail_alpha=0.2)
    img, light = render_figure(img, light, fn, sil, [(-1, -0.4, NAN["rim"], 0.9, 2.0), (0, -1, NAN["rim"], 0.35, 1.5),
                                                      (1, 0.3, JAY["rim"], 0.35, 1.5)], detail=NAN["shadow"], detail_alpha=0.3)
    light += fn["spark"][..., None] * rgb(NAN["rim"]) * 0.6
    img = glow(img, light, ((1.5, 0.6), (6, 0.35), (20, 0.2)))
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 300) / 460) ** 2))
    img = paint(img, vign, HABITAT["dark"], 0.6)
    return img


PICTURES = (
    Picture("new_orbit", new_orbit,
            "ending card 'new_orbit': the two at a Mars habitat window at dusk, Earth a dot above",
            look=space_look, folder="endings"),
)
