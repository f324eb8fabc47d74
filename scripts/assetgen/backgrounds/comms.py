"""Close on the habitat's comms desk: the screen with its signal-delay counter, the microphone,
notes and photos, a mug.
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
from ..raster.noise import fbm, line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .habitat import HABITAT
from .picture import Picture, space_look
from .space_kit import SPACE_STARS, dusty_beam, stars

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
PORTHOLE = (1160.0, 150.0, 66.0)  # the small porthole: centre x, centre y, radius
SCREEN = (420.0, 66.0, 1000.0, 410.0)  # the comms screen: x0, y0, x1, y1
SIGNAL_PROGRESS = 0.62  # how far the message has travelled between the worlds (0..1)
DESK_Y = 470.0  # the desk's front edge


def comms_screen_ui(r: np.random.Generator, x0: float, y0: float, x1: float, y1: float, progress: float,
                    static: float = 0.0) -> np.ndarray:
    """The delay counter as abstract shapes (no text): a signal crossing between two worlds, a ring of
    segments counting down, a segmented bar and a voice waveform. Returns an intensity mask."""
    w, h = x1 - x0, y1 - y0

    def ui(d: ImageDraw.ImageDraw, ss: int) -> None:
        lw = max(1, int(1.6 * ss))
        # two worlds and the dotted path of the signal between them
        ax, ay, bx, by = x0 + w * 0.08, y0 + h * 0.2, x0 + w * 0.56, y0 + h * 0.2
        d.ellipse(sorted_box(ax - 10, ay - 10, ax + 10, ay + 10, ss), outline=255, width=lw)
        d.ellipse(sorted_box(ax - 4, ay - 4, ax + 4, ay + 4, ss), fill=140)
        d.ellipse(sorted_box(bx - 7, by - 7, bx + 7, by + 7, ss), fill=200)
        n = 30
        for i in range(1, n):
            t = i / n
            px = ax + (bx - ax) * t
            py = ay - math.sin(t * math.pi) * h * 0.1
            rad = 1.5 if t > progress else 2.2
            val = 110 if t > progress else 230
            d.ellipse(sorted_box(px - rad, py - rad, px + rad, py + rad, ss), fill=val)
        # ring of segments counting the minutes down
        cx, cy, rr = x0 + w * 0.3, y0 + h * 0.63, h * 0.25
        segs = 40
        for i in range(segs):
            a0 = -90 + i * 360 / segs + 1.5
            a1 = a0 + 360 / segs - 3
            val = 235 if i / segs < 1 - progress else 70
            d.arc(sorted_box(cx - rr, cy - rr, cx + rr, cy + rr, ss), a0, a1, fill=val, width=max(1, int(7 * ss)))
        d.arc(sorted_box(cx - rr * 0.78, cy - rr * 0.78, cx + rr * 0.78, cy + rr * 0.78, ss), 0, 360, fill=90, width=lw)
        # in the ring: big abstract blocks that read as a counter without being digits
        for k, (bw, bh) in enumerate(((0.1, 0.26), (0.1, 0.18), (0.04, 0.04), (0.1, 0.22), (0.1, 0.12))):
            bx0 = cx - rr * 0.6 + k * rr * 0.26
            d.rounded_rectangle(sorted_box(bx0, cy + rr * 0.18 - h * bh * 0.9, bx0 + rr * bw * 2, cy + rr * 0.18, ss),
                                radius=2 * ss, fill=200)
        # segmented countdown bar along the bottom
        bx0, by0, bw_ = x0 + w * 0.58, y0 + h * 0.82, w * 0.36
        for i in range(16):
            sx0 = bx0 + i * bw_ / 16
            val = 230 if i / 16 < 1 - progress else 60
            d.rectangle(sorted_box(sx0, by0, sx0 + bw_ / 16 - 4, by0 + 14, ss), fill=val)
        # the voice message waveform
        wx0, wy, ww = x0 + w * 0.6, y0 + h * 0.52, w * 0.34
        for i in range(46):
            amp = (0.2 + 0.8 * abs(math.sin(i * 0.37) * math.sin(i * 0.11 + 1.0))) * h * 0.12
            xx = wx0 + i * ww / 46
            d.line(sc([(xx, wy - amp), (xx, wy + amp)], ss), fill=170, width=max(1, int(2.2 * ss)))
        # small status pills
        for i in range(4):
            d.rounded_rectangle(sorted_box(x0 + w * (0.62 + i * 0.085), y0 + h * 0.12, x0 + w * (0.69 + i * 0.085), y0 + h * 0.16, ss),
                                radius=4 * ss, fill=(220 if i == 1 else 90))
        d.line(sc([(x0 + w * 0.6, y0 + h * 0.3), (x0 + w * 0.95, y0 + h * 0.3)], ss), fill=80, width=lw)

    return shapes(ui, ss=3)


def habitat_comms(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, HABITAT["dark"]), (0.6, HABITAT["brown"]), (0.64, HABITAT["brown"]), (1.0, HABITAT["dark"])])
    img = img * 0.75 + rgb(HABITAT["dark"]) * 0.25
    # wall plates and a conduit
    def plates(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, y0, x1, y1 in ((-20, -20, 330, 320), (-20, 330, 330, 470), (1040, -20, 1300, 200), (1040, 210, 1300, 470)):
            d.rounded_rectangle(sorted_box(x0, y0, x1, y1, ss), radius=14 * ss, fill=255)
        d.line(sc([(340, -10), (340, 470)], ss), fill=255, width=8 * ss)
        d.line(sc([(1025, -10), (1025, 470)], ss), fill=255, width=5 * ss)

    img = paint(img, shapes(plates, 2), HABITAT["brown"], 0.35)
    # a small porthole: Mars night, a few stars over the dark ridge
    px, py, pr = PORTHOLE
    dd = np.sqrt((XX - px) ** 2 + (YY - py) ** 2)
    pf = np.clip(pr + 16 - dd + 0.5, 0, 1)
    pg = np.clip(pr - dd + 0.5, 0, 1)
    img = paint(img, pf, mix(HABITAT["dark"], HABITAT["brown"], 0.6))
    night = vgrad([(0.0, HABITAT["dark"]), (0.12, HABITAT["dark"]), (0.27, HABITAT["brown"]), (0.31, HABITAT["clay"]), (1.0, HABITAT["dark"])])
    img = img * (1 - pg[..., None]) + night * pg[..., None]
    ridge = py + 44 + 8 * line_noise(r, 60, 3)
    img = paint(img, below(ridge) * pg, HABITAT["dark"])
    st = stars(r, 120, 2, py - pr, py + 20, px - pr, px + pr, tints=(HABITAT["lamp"], HABITAT["paper"]), cross=6)
    img = glow(img, st * pg[..., None], ((1.2, 0.4),))
    light = np.zeros_like(img)
    light += np.exp(-((dd - pr) / 1.5) ** 2)[..., None] * rgb(HABITAT["rose"]) * 0.2 * (py > YY)[..., None]

    # the screen
    sx0, sy0, sx1, sy1 = SCREEN

    def bezel(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0 - 18, sy0 - 18, sx1 + 18, sy1 + 18, ss), radius=22 * ss, fill=255)
        d.polygon(sc([(680, sy1 + 10), (740, sy1 + 10), (760, 470), (660, 470)], ss), fill=255)

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0, sy0, sx1, sy1, ss), radius=10 * ss, fill=255)

    bz = shapes(bezel, 3)
    gl = shapes(glass, 3)
    img = paint(img, bz, mix(HABITAT["dark"], HABITAT["brown"], 0.4))
    light += rim(bz, -1, 0.3, 1.5)[..., None] * rgb(HABITAT["lamp"]) * 0.3
    scr = rgb(HABITAT["dark"]) * 0.7 + rgb(HABITAT["screen"]) * 0.08
    img = paint(img, gl, scr)
    ui = comms_screen_ui(r, sx0 + 10, sy0 + 6, sx1 - 10, sy1 - 6, progress=0.62)
    scan = 0.85 + 0.15 * (np.sin(YY * 2.1) > 0)
    cyan = (ui * gl * scan)[..., None] * rgb(HABITAT["screen"])
    img = img + (gl * radial(710, 238, 360, 220) * 0.08)[..., None] * rgb(HABITAT["screen"])
    img = glow(img, cyan * 0.85, ((1.2, 0.5), (6, 0.4), (24, 0.25)))
    # the travelling pulse, brighter than the rest
    t = SIGNAL_PROGRESS
    ax, bx = sx0 + 10 + (sx1 - sx0 - 20) * 0.08, sx0 + 10 + (sx1 - sx0 - 20) * 0.56
    ay = sy0 + 6 + (sy1 - sy0 - 12) * 0.2
    ppx = ax + (bx - ax) * t
    ppy = ay - math.sin(t * math.pi) * (sy1 - sy0 - 12) * 0.1
    pulse = np.zeros_like(img)
    add_star(pulse, ppx, ppy, 1.3, rgb(HABITAT["screen"]), 22, SPACE_STARS)
    pulse += radial(ppx, ppy, 5)[..., None] * rgb(HABITAT["screen"]) * 1.2
    img = glow(img, pulse, ((3, 0.8), (12, 0.6), (30, 0.3)))
    # screen glass: a faint reflection band
    img = img + (gl * np.exp(-(((XX - 500) - (YY - 60) * 1.4) / 50.0) ** 2) * 0.04)[..., None] * rgb(HABITAT["paper"])
    # cyan spill on the wall and the desk
    img = img + (radial(710, 240, 520, 330) * (1 - bz))[..., None] * rgb(HABITAT["screen"]) * 0.06

    # the desk: warm surface, calm under the text box
    desk_y = DESK_Y
    desk = (desk_y <= YY).astype(np.float32)
    dcol = vgrad([(0.0, HABITAT["clay"]), (desk_y / H, HABITAT["clay"]), (0.76, HABITAT["brown"]),
                  (1.0, HABITAT["dark"])]) * 0.85 + rgb(HABITAT["brown"]) * 0.15
    dcol = dcol * (0.94 + 0.06 * fbm(r, 200, 3, sx=8.0, sy=0.2))[..., None]
    img = img * (1 - desk[..., None]) + dcol * desk[..., None]
    img = img + (np.exp(-((YY - desk_y) / 1.5) ** 2))[..., None] * rgb(HABITAT["rose"]) * 0.35
    img = img * (1 - (np.exp(-np.maximum(desk_y - YY, 0) / 10.0) * (desk_y > YY) * 0.4)[..., None])
    # screen reflection on the desk (blurred, faint)
    mirror = np.zeros_like(img)
    span = int(H - desk_y)
    src_y0 = int(2 * desk_y - H)
    mirror[int(desk_y):] = cyan[int(desk_y) - 1:src_y0 - 1:-1][:span] if src_y0 > 0 else 0
    mirror = blur(mirror, 10.0)
    img = img + mirror * 0.25 * np.exp(-(YY - desk_y) / 80.0)[..., None] * desk[..., None]

    # desk lamp on the left, warm pool on the desk
    def lamp(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(40, 474, 130, 490, ss), fill=255)
        d.line(sc([(85, 480), (60, 330), (150, 250)], ss), fill=255, width=6 * ss, joint="curve")
        d.polygon(sc([(130, 236), (176, 252), (198, 300), (128, 280)], ss), fill=255)

    lm = shapes(lamp, 3)
    img = paint(img, lm, HABITAT["dark"])
    warm = np.zeros_like(img)
    warm += radial(168, 290, 14, 7)[..., None] * rgb(HABITAT["lamp"]) * 1.6
    img = img + (dusty_beam(168, 288, 1.2, 0.5, 400.0, 10) * 0.25)[..., None] * rgb(HABITAT["lamp"])
    img = img + (radial(300, 520, 300, 70) * desk)[..., None] * rgb(HABITAT["lamp"]) * 0.25
    light += rim(lm, 1, 0.2, 1.5)[..., None] * rgb(HABITAT["lamp"]) * 0.4

    # notes and a photo pinned on the wall in the lamp light
    def notes(d: ImageDraw.ImageDraw, ss: int) -> None:
        for (x0, y0, w_, h_, a) in ((170, 96, 62, 74, -5), (246, 120, 54, 62, 4)):
            ca, sa = math.cos(math.radians(a)), math.sin(math.radians(a))
            cx_, cy_ = x0 + w_ / 2, y0 + h_ / 2
            pts = [(-w_ / 2, -h_ / 2), (w_ / 2, -h_ / 2), (w_ / 2, h_ / 2), (-w_ / 2, h_ / 2)]
            d.polygon(sc([(cx_ + x * ca - y * sa, cy_ + x * sa + y * ca) for x, y in pts], ss), fill=255)

    def photo(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(214, 196), (282, 190), (287, 250), (219, 256)], ss), fill=255)

    def photo_in(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(219, 200), (277, 195), (281, 238), (223, 243)], ss), fill=255)

    def people(d: ImageDraw.ImageDraw, ss: int) -> None:
        for px, py, hr in ((240, 224, 3.8), (255, 222, 4.2)):
            d.ellipse(sorted_box(px - hr, py - hr, px + hr, py + hr, ss), fill=255)
            d.chord(sorted_box(px - 8, py + 4, px + 8, py + 30, ss), 180, 360, fill=255)

    nt = shapes(notes, 3)
    img = paint(img, nt, mix(HABITAT["rose"], HABITAT["lamp"], 0.3) * 0.55)
    scrib = (np.sin(YY * 1.1) > 0.85) * nt * smoothstep(0.3, 0.6, fbm(r, 14, 2, sx=3.0))
    img = img * (1 - (scrib * 0.18)[..., None])
    ph = shapes(photo, 3)
    img = paint(img, ph, mix(HABITAT["rose"], HABITAT["lamp"], 0.4) * 0.6)
    pin = shapes(photo_in, 3)
    psky = vgrad([(0.0, HABITAT["lamp"]), (200 / H, HABITAT["lamp"]), (232 / H, HABITAT["clay"]), (1.0, HABITAT["brown"])]) * 0.55
    img = img * (1 - pin[..., None]) + psky * pin[..., None]
    img = paint(img, shapes(people, 3) * pin, HABITAT["dark"], 0.8)
    for px_, py_ in ((200, 100), (272, 124), (250, 194)):
        light += radial(px_, py_, 2.0)[..., None] * rgb(HABITAT["rose"]) * 0.6
    # a broadcast microphone on a short stand, lit amber from the lamp and cyan from the screen
    def mic(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(270, 500, 350, 516, ss), fill=255)
        d.line(sc([(310, 508), (310, 420)], ss), fill=255, width=5 * ss)
        d.arc(sorted_box(282, 360, 338, 430, ss), 0, 180, fill=255, width=4 * ss)
        d.rounded_rectangle(sorted_box(290, 318, 330, 414, ss), radius=20 * ss, fill=255)

    def grille(d: ImageDraw.ImageDraw, ss: int) -> None:
        for y in range(330, 402, 6):
            d.line(sc([(294, y), (326, y)], ss), fill=255, width=max(1, int(1.2 * ss)))

    mm = shapes(mic, 3)
    img = paint(img, mm, mix(HABITAT["dark"], HABITAT["brown"], 0.5))
    img = paint(img, shapes(grille, 3) * mm, HABITAT["clay"], 0.5)
    light += rim(mm, -1, -0.3, 2.0)[..., None] * rgb(HABITAT["lamp"]) * 0.7
    light += rim(mm, 1, -0.2, 1.5)[..., None] * rgb(HABITAT["screen"]) * 0.45
    # headphones lying on the desk, cable curling toward the screen
    def phones(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.arc(sorted_box(1040, 440, 1170, 540, ss), 180, 350, fill=255, width=7 * ss)
        d.ellipse(sorted_box(1026, 478, 1066, 514, ss), fill=255)
        d.ellipse(sorted_box(1146, 470, 1184, 504, ss), fill=255)
        d.line(sc([(1046, 512), (1010, 530), (960, 522), (900, 534), (860, 520)], ss), fill=255, width=2 * ss, joint="curve")

    hp = shapes(phones, 3)
    img = paint(img, hp, mix(HABITAT["dark"], HABITAT["brown"], 0.6))
    light += rim(hp, -0.5, -1, 1.5)[..., None] * rgb(HABITAT["screen"]) * 0.4
    # a mug
    def mug(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(560, 452, 598, 500, ss), radius=4 * ss, fill=255)
        d.arc(sorted_box(588, 462, 612, 488, ss), 270, 90, fill=255, width=4 * ss)

    mg = shapes(mug, 3)
    img = paint(img, mg, mix(HABITAT["clay"], HABITAT["brown"], 0.4))
    light += rim(mg, -1, -0.3, 1.5)[..., None] * rgb(HABITAT["lamp"]) * 0.35 + rim(mg, 1, -0.3, 1.5)[..., None] * rgb(HABITAT["screen"]) * 0.3
    # object shadows on the desk
    shadow = blur(shift(np.maximum(np.maximum(mm, hp), mg) * (YY > 440), 18, 6), 6.0) * desk
    img = img * (1 - shadow[..., None] * 0.35)
    img = glow(img, warm, ((4, 0.8), (18, 0.6), (60, 0.4)))
    img = glow(img, light, ((1.5, 0.6), (6, 0.3)))
    dust = (r.random((H, W)) > 0.9993).astype(np.float32) * dusty_beam(168, 288, 1.2, 0.5, 400.0, 10)
    img = img + blur(dust, 1.0)[..., None] * rgb(HABITAT["lamp"]) * 1.5
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 680) / 700) ** 2 + ((YY - 280) / 460) ** 2))
    img = paint(img, vign, HABITAT["dark"], 0.6)
    return img


PICTURES = (
    Picture("habitat_comms", habitat_comms,
            "habitat comms desk: the delay counter as abstract shapes, microphone, headphones, desk lamp",
            look=space_look),
)
