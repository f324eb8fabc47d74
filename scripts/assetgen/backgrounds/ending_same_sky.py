"""Ending card 'same_sky': a split picture, Jay on a Seoul roof and Nan-young on Mars under the
same star.
"""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import add_star, glow, radial, rim
from ..raster.noise import line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .figures import JAY, NAN, figure, render_figure
from .mars import BLUE_SUNSET
from .picture import Picture, space_look
from .rooftop import NIGHTSKY
from .space_kit import SPACE_STARS, lit_windows, ridge_layer, roofline, stars

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
STAR = (640.0, 118.0)  # the one star both see, over the seam
SEOUL_HORIZON = 430.0  # left half: Seoul's city line
SEOUL_ROOF = 520.0  # left half: the roof Jay stands on
MARS_HORIZON = 450.0  # right half: the Martian horizon


def same_sky(name: str) -> np.ndarray:
    r = rng(name)
    # the seam: a soft diagonal between Seoul (left) and Mars (right), through the shared star
    star_x, star_y = STAR
    seam_x = star_x + (YY - star_y) * -0.16
    right = smoothstep(-26, 26, XX - seam_x)
    # --- Seoul at night: city glow on the horizon, few stars, a rooftop
    hz_l = SEOUL_HORIZON
    seoul = vgrad([(0.0, NIGHTSKY["ink"]), (0.35, NIGHTSKY["deep"]), (hz_l / H, NIGHTSKY["blue"]), (1.0, NIGHTSKY["ink"])])
    seoul = seoul + radial(300, hz_l + 20, 520, 110)[..., None] * rgb(NIGHTSKY["amber"]) * 0.22
    seoul = glow(seoul, stars(r, 160, 2, 0, 320, 0, 700, tints=("#f4f1ea", NIGHTSKY["ice"]), cross=7) * 0.6, ((1.2, 0.4),))
    far_line, _ = roofline(r, hz_l + 16, 30, 90, 18, 50, towers=0.25)
    seoul = paint(seoul, below(far_line), mix(NIGHTSKY["deep"], NIGHTSKY["blue"], 0.55))
    mid_line, mid_blds = roofline(r, hz_l + 60, 50, 150, 30, 70, towers=0.3)
    seoul = paint(seoul, below(mid_line), mix(NIGHTSKY["ink"], NIGHTSKY["deep"], 0.7))
    win = lit_windows(r, mid_blds, hz_l + 60, 0.16)
    wl = win[..., None] * (rgb(NIGHTSKY["amber"]) * 0.75)
    seoul = glow(seoul, wl * 0.8, ((1.5, 0.5), (8, 0.4)))
    # a hologram ad far off, a few tower beacons
    # a far tower with a blinking beacon
    seoul = glow(seoul, radial(24, 214, 2.2)[..., None] * rgb(NIGHTSKY["amber"]) * 1.2, ((2, 0.6), (8, 0.5), (24, 0.3)))
    roof_l = SEOUL_ROOF
    seoul = paint(seoul, (roof_l <= YY).astype(np.float32), mix(NIGHTSKY["ink"], NIGHTSKY["deep"], 0.6))
    seoul = seoul + np.exp(-((YY - roof_l) / 1.5) ** 2)[..., None] * rgb(NIGHTSKY["amber"]) * 0.12

    def rail(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-10, 440), (720, 440)], ss), fill=255, width=int(3 * ss))
        for px in range(10, 720, 80):
            d.line(sc([(px, 440), (px, roof_l)], ss), fill=255, width=int(3 * ss))
        d.rectangle(sorted_box(-10, roof_l - 10, 720, roof_l + 1, ss), fill=255)

    rl = shapes(rail, 3)
    seoul = paint(seoul, rl, NIGHTSKY["ink"])
    # --- Mars at night: clear, many stars, a faint blue afterglow, dark ridges
    hz_r = MARS_HORIZON
    mars = vgrad([(0.0, NIGHTSKY["ink"]), (0.3, BLUE_SUNSET["plum"]), (0.55, BLUE_SUNSET["mauve"]),
                  (hz_r / H, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["blue"], 0.5)), (1.0, BLUE_SUNSET["plum"])])
    mars = mars + radial(1180, hz_r, 360, 90)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.5
    mars = glow(mars, stars(r, 900, 8, 0, 400, 560, W, tints=("#f4f1ea", BLUE_SUNSET["rose"], BLUE_SUNSET["glow"]), cross=8) * 0.8,
                ((1.2, 0.5), (5, 0.2)))
    far = hz_r - 12 - 18 * line_noise(r, 260, 5)
    mars, _ = ridge_layer(mars, far, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["blue"], 0.35))
    near = 520 + 20 * line_noise(r, 300, 5) - 24 * smoothstep(900, 1100, XX[0]) * smoothstep(1260, 1100, XX[0])
    mars, _ = ridge_layer(mars, near, mix(BLUE_SUNSET["plum"], NIGHTSKY["ink"], 0.4), fade_to=BLUE_SUNSET["plum"], fade_k=0.2, fade_h=120)
    img = seoul * (1 - right[..., None]) + mars * right[..., None]
    # the seam itself: a faint line of light that fades downward
    seam = np.exp(-((XX - seam_x) / 1.4) ** 2) * (1 - smoothstep(star_y, 560, YY)) * smoothstep(star_y - 80, star_y, YY)
    seam = blur(seam, 1.2)
    img = img + seam[..., None] * (rgb(NIGHTSKY["ice"]) * 0.5 + rgb(NIGHTSKY["amber"]) * 0.5) * 0.14
    # the two of them, looking up at the same star
    light = np.zeros_like(img)
    fj = figure("jay", 330, roof_l + 20, 300, facing=1, look_up=1.0)
    fn = figure("nan", 955, 560, 290, facing=-1, suit=True, look_up=1.0)
    sil = mix(NIGHTSKY["ink"], NIGHTSKY["deep"], 0.4)
    img, light = render_figure(img, light, fj, sil, [(-1, 0.2, JAY["rim"], 0.9, 2.2), (1, -1, NAN["rim"], 0.3, 1.5)],
                               detail=JAY["shadow"], detail_alpha=0.3)
    img, light = render_figure(img, light, fn, mix(BLUE_SUNSET["plum"], NIGHTSKY["ink"], 0.5),
                               [(1, 0.1, NAN["rim"], 0.9, 2.2), (-1, -1, BLUE_SUNSET["rose"], 0.3, 1.5)], detail=NIGHTSKY["blue"], detail_alpha=0.5)
    img = img + fn["glass"][..., None] * rgb(NAN["rim"]) * 0.45
    light += fn["glass"][..., None] * rgb(NIGHTSKY["ice"]) * 0.3
    # the rock she stands on
    def rock(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(780, 660), (818, 622), (848, 590), (874, 566), (918, 556), (990, 554), (1030, 562), (1062, 580),
                      (1094, 612), (1150, 650), (1220, 690), (1220, 730), (760, 730)], ss), fill=255)

    rk = shapes(rock, 3)
    img = paint(img, rk, mix(BLUE_SUNSET["plum"], NIGHTSKY["ink"], 0.5))
    light += rim(rk, 1, -1, 2.0)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.6
    img = glow(img, light, ((1.5, 0.6), (6, 0.35)))
    # the shared star, big and soft, on the seam
    star = np.zeros_like(img)
    add_star(star, star_x, star_y, 0.9, rgb("#f4f1ea"), 60, SPACE_STARS)
    star += radial(star_x, star_y, 3.5)[..., None] * (rgb(NIGHTSKY["ice"]) * 0.5 + rgb(NIGHTSKY["amber"]) * 0.5) * 0.9
    img = glow(img, star, ((2, 0.8), (8, 0.7), (30, 0.6), (90, 0.35)))
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 330) / 460) ** 2))
    img = paint(img, vign, NIGHTSKY["ink"], 0.5)
    return img


PICTURES = (
    Picture("same_sky", same_sky,
            "ending card 'same_sky': split picture, Jay on a Seoul roof and Nan-young on Mars under the same star",
            look=space_look, folder="endings"),
)
