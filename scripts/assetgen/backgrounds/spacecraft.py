"""The spacecraft cabin: Earth shrinking in the round window, instrument glow, one warm lamp,
a photo and a cassette floating by.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint, shift
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial, rim
from ..raster.noise import fbm
from ..raster.vector import Moved, Point, sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import dusty_beam, stars

# Spacecraft: cool instruments, one warm lamp
CABIN = {"ink": "#0b0d1a", "hull": "#1d2633", "panel": "#3c4a5c", "steel": "#8fa3b8", "blue": "#9ad1ff", "lamp": "#ffc27a", "ice": "#cfe9ff",
         "paper": "#f4f1ea"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
PORTHOLE = (560.0, 262.0, 196.0)  # centre x, centre y, radius
EARTH = (622.0, 318.0, 58.0)  # Earth shrinking in the porthole: centre x, centre y, radius


def planet(cx: float, cy: float, R: float, light_dir: tuple[float, float, float], r: np.random.Generator,
           ocean: str, ocean_lit: str, cloud: str, land: str | None = None, atmo: str = CABIN["blue"],
           city: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A lit sphere (Earth-like): returns (colour, disc mask, atmosphere light to add)."""
    dx, dy = (XX - cx) / R, (YY - cy) / R
    d2 = dx * dx + dy * dy
    disc = np.clip((1.0 - np.sqrt(d2)) * R + 0.5, 0.0, 1.0)
    nz = np.sqrt(np.clip(1.0 - d2, 0.0, 1.0))
    lx, ly, lz = light_dir
    n = math.sqrt(lx * lx + ly * ly + lz * lz)
    lam = np.clip((dx * lx + dy * ly + nz * lz) / n, -1.0, 1.0)
    day = smoothstep(-0.12, 0.35, lam)
    # surface patterns, squeezed toward the limb so they wrap round the sphere
    u = dx / (0.3 + nz * 0.7)
    v = dy / (0.3 + nz * 0.7) * 0.8
    k = 320
    big = fbm(r, 34, 5, h=k, w=k)
    warp = fbm(r, 40, 3, h=k, w=k) - 0.5
    small = fbm(r, 10, 5, sx=3.0, h=k, w=k)
    ix = np.clip(((u * 0.42 + 0.5) * (k - 1)).astype(np.int32), 0, k - 1)
    iy = np.clip(((v * 0.42 + 0.5) * (k - 1)).astype(np.int32), 0, k - 1)
    wx_ = np.clip((ix + warp[iy, ix] * 50).astype(np.int32), 0, k - 1)
    shade = (0.3 + 0.7 * np.clip(lam, 0, 1))[..., None]
    col = mix(ocean, ocean_lit, 0.85) * shade * day[..., None] + rgb(ocean) * (1 - day[..., None]) * 0.35
    lm = np.zeros((H, W), np.float32)
    if land is not None:
        lm = smoothstep(0.6, 0.66, big[iy, ix])
        col = col * (1 - (lm * day)[..., None] * 0.85) + rgb(land) * shade * (lm * day)[..., None] * 0.85
        if city is not None:
            lights = (r.random((H, W)) > 0.955).astype(np.float32) * (1 - smoothstep(-0.2, 0.05, lam)) * disc * lm
            col = col + blur(lights, 1.0)[..., None] * rgb(city) * 0.9
    cl = smoothstep(0.5, 0.78, small[iy, wx_]) * 0.95
    col = col * (1 - (cl * day)[..., None]) + rgb(cloud) * (0.2 + 0.8 * np.clip(lam, 0, 1))[..., None] * (cl * day)[..., None]
    limb = smoothstep(0.55, 1.0, np.sqrt(np.clip(d2, 0, 1)))[..., None] * day[..., None]
    col = col * (1 - limb * 0.35) + rgb(atmo) * limb * 0.35
    col = col * disc[..., None]
    ring = np.exp(-((np.sqrt(d2) - 1.0) * R / (R * 0.06 + 1.5)) ** 2) * np.clip(0.3 + lam * 1.2, 0, 1) * (1 - disc * 0.6)
    atm = ring[..., None] * rgb(atmo)
    return col, disc, atm


def spacecraft_cabin(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, CABIN["hull"]), (0.55, CABIN["hull"]), (1.0, CABIN["ink"])]) * 0.7 + rgb(CABIN["ink"]) * 0.3
    # cabin wall curving away at the sides
    curve = smoothstep(0.25, 1.0, np.abs(XX - 600) / 700)[..., None]
    img = img * (1 - curve * 0.6) + rgb(CABIN["ink"]) * curve * 0.6
    wx, wy, wr = PORTHOLE
    dist = np.sqrt((XX - wx) ** 2 + (YY - wy) ** 2)

    # wall panels: slightly lighter plates with dark seams, arranged round the window
    def plates(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, y0, x1, y1 in ((-20, -20, 250, 200), (-20, 210, 250, 470), (880, -20, 1300, 150), (880, 160, 1300, 470),
                               (280, -20, 850, 40), (280, 490, 1300, 560), (-20, 480, 270, 560)):
            d.rounded_rectangle(sorted_box(x0, y0, x1, y1, ss), radius=18 * ss, fill=255)

    pl = shapes(plates, ss=2)
    img = paint(img, pl, CABIN["panel"], 0.16)
    # the window frame: thick bevelled ring
    frame = np.clip((wr + 46 - dist) + 0.5, 0, 1)
    img = paint(img, frame, mix(CABIN["hull"], CABIN["panel"], 0.38))
    bevel = np.clip((wr + 16 - dist) + 0.5, 0, 1)
    img = paint(img, bevel, mix(CABIN["ink"], CABIN["hull"], 0.7))
    # the ring darkens toward its outer edge (it curves away)
    img = img * (1 - ((frame - bevel) * smoothstep(wr + 20, wr + 46, dist) * 0.35)[..., None])
    ang = np.arctan2(YY - wy, XX - wx)
    # top-left of the frame catches the Earth light, bottom-right falls into shadow
    ring_shade = (np.cos(ang + 2.4) * 0.5 + 0.5)[..., None] * (frame - bevel)[..., None]
    img = img + ring_shade * rgb(CABIN["steel"]) * 0.18
    glass = np.clip((wr - dist) + 0.5, 0, 1)
    space = vgrad([(0.0, CABIN["ink"]), (1.0, CABIN["hull"])]) * 0.6 + rgb(CABIN["ink"]) * 0.4
    img = img * (1 - glass[..., None]) + space * glass[..., None]
    st = stars(r, 700, 5, wy - wr, wy + wr, wx - wr, wx + wr, tints=(CABIN["paper"], CABIN["blue"], CABIN["ice"]), cross=9)
    img = glow(img, st * glass[..., None], ((1.2, 0.5), (5, 0.25)))
    # Earth, small and far already, a gibbous disc with its thin blue air
    ex, ey, er = EARTH
    col, disc, atm = planet(ex, ey, er, (-0.8, -0.45, 0.4), r, CABIN["hull"], mix(CABIN["panel"], CABIN["blue"], 0.6),
                            mix(CABIN["paper"], CABIN["ice"], 0.4), land=mix(CABIN["panel"], CABIN["steel"], 0.7), city=CABIN["lamp"])
    disc = disc * glass
    img = img * (1 - disc[..., None]) + col * disc[..., None]
    img = glow(img, atm * glass[..., None], ((2, 0.6), (10, 0.5), (30, 0.35)))
    # the Moon, a pale sliver further off
    mcol, mdisc, _ = planet(470, 150, 9.0, (-0.8, -0.5, 0.45), r, CABIN["steel"], CABIN["ice"], CABIN["ice"], atmo=CABIN["steel"])
    img = img * (1 - (mdisc * glass)[..., None]) + mcol * (mdisc * glass)[..., None]
    # window reflections: a soft diagonal sheen and the faint warm lamp reflected
    sheen = np.exp(-(((XX - wx) + (YY - wy) * 0.9 + 90) / 60.0) ** 2) * glass * 0.06
    img = img + sheen[..., None] * rgb(CABIN["ice"])
    img = img + (radial(wx + 120, wy - 120, 40, 28) * glass)[..., None] * rgb(CABIN["lamp"]) * 0.06
    # bolts round the frame
    bolts = np.zeros((H, W), np.float32)
    for i in range(16):
        a = i / 16 * 2 * math.pi
        bolts = np.maximum(bolts, radial(wx + math.cos(a) * (wr + 31), wy + math.sin(a) * (wr + 31), 3.2, power=4))
    img = paint(img, bolts, CABIN["panel"], 0.9)
    light = np.zeros_like(img)
    light += (bolts - shift(bolts, 1, 1)).clip(0, 1)[..., None] * rgb(CABIN["steel"]) * 0.4
    # inner lip of the frame lit by the Earth
    lip = np.exp(-((dist - wr) / 2.0) ** 2) * np.clip(np.cos(ang - math.atan2(ey - wy, ex - wx)) * 0.5 + 0.5, 0, 1)
    light += lip[..., None] * rgb(CABIN["blue"]) * 0.45
    # blue spill on the wall round the window
    img = img + (radial(wx, wy, 360, 300) * (1 - frame))[..., None] * rgb(CABIN["blue"]) * 0.07

    # right: instrument column at an angle, rows of small indicators and one screen
    def column(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(930, 40), (1280, -20), (1280, 560), (930, 470)], ss), fill=255)

    colm = shapes(column, ss=2)
    img = paint(img, colm, mix(CABIN["ink"], CABIN["hull"], 0.8))
    img = img * (1 - (colm * smoothstep(930, 1280, XX) * 0.35)[..., None])

    def modules(d: ImageDraw.ImageDraw, ss: int) -> None:
        # panel modules in perspective (the column turns toward us on the right)
        for y0, y1 in ((70, 150), (160, 250), (262, 332)):
            for x0, x1 in ((948, 1080), (1092, 1265)):
                def yy(x: float, y: float) -> float:
                    t = (x - 930) / 350
                    return y + t * (-60 + (y - 40) * 0.25)
                d.polygon(sc([(x0, yy(x0, y0)), (x1, yy(x1, y0)), (x1, yy(x1, y1)), (x0, yy(x0, y1))], ss), fill=255)

    mods = shapes(modules, ss=2) * colm
    img = paint(img, mods, CABIN["hull"], 0.9)
    light_mod = np.clip(mods - shift(mods, 0, 2), 0, 1)
    img = img + light_mod[..., None] * rgb(CABIN["steel"]) * 0.15
    leds = np.zeros_like(img)
    rr = rng(name + ":leds")
    for cx0, cy0, n_, m_ in ((975, 95, 5, 2), (1115, 80, 7, 2), (975, 190, 4, 3), (1120, 175, 6, 3), (980, 290, 5, 1), (1120, 270, 3, 2)):
        for i in range(n_):
            for j in range(m_):
                x = cx0 + i * 18
                t = (x - 930) / 350
                y = cy0 + j * 16 + t * (-60 + (cy0 - 40) * 0.25)
                if rr.random() < 0.75:
                    c = (CABIN["blue"], CABIN["blue"], CABIN["steel"], CABIN["ice"], CABIN["lamp"])[int(rr.integers(0, 5))]
                    leds += radial(x, y, 2.0 + t, 1.5 + t * 0.8)[..., None] * rgb(c) * (0.35 + 0.6 * rr.random())
    # the small screen: abstract trajectory arc
    def screen(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(975, 370), (1190, 350), (1190, 450), (975, 440)], ss), fill=255)

    scm = shapes(screen, ss=2)
    img = paint(img, scm, mix(CABIN["ink"], CABIN["hull"], 0.6))
    def traj(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.arc(sorted_box(990, 370, 1300, 560, ss), 195, 265, fill=255, width=max(1, int(1.5 * ss)))
        d.ellipse(sorted_box(995, 415, 1007, 427, ss), outline=255, width=max(1, int(1.5 * ss)))
        d.ellipse(sorted_box(1148, 368, 1156, 376, ss), fill=255)
        for k in range(6):
            d.line(sc([(1000 + k * 30, 436 - k * 2), (1000 + k * 30, 430 - k * 2 - (k * 7 % 11))], ss), fill=255, width=max(1, int(2 * ss)))

    tr = shapes(traj, ss=3) * scm
    leds += tr[..., None] * rgb(CABIN["blue"]) * 0.55
    img = img + (scm * 0.05)[..., None] * rgb(CABIN["blue"])
    # the one warm lamp on a gooseneck over the left plates
    def lamp(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(140, 0), (150, 40), (180, 80), (228, 104)], ss), fill=255, width=int(5 * ss), joint="curve")
        d.polygon(sc([(210, 94), (252, 104), (246, 124), (216, 122)], ss), fill=255)

    lm = shapes(lamp, ss=3)
    img = paint(img, lm, mix(CABIN["ink"], CABIN["hull"], 0.5))
    warm = np.zeros_like(img)
    warm += radial(232, 124, 9, 4)[..., None] * rgb(CABIN["lamp"]) * 1.6
    pool = dusty_beam(232, 120, 1.72, 0.42, 300.0, soft_start=8)
    img = img + (pool * (1 - frame))[..., None] * rgb(CABIN["lamp"]) * 0.32
    img = img + radial(210, 250, 190, 170)[..., None] * rgb(CABIN["lamp"]) * 0.07

    # a photo clipped to the wall under the lamp: two small figures, warm paper
    def photo(d: ImageDraw.ImageDraw, ss: int) -> None:
        pts = [(170, 226), (250, 218), (258, 306), (178, 314)]
        d.polygon(sc(pts, ss), fill=255)

    ph = shapes(photo, ss=3)
    img = paint(img, ph, mix(CABIN["lamp"], CABIN["paper"], 0.4) * 0.75)

    def photo_in(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(176, 232), (245, 225), (251, 286), (182, 293)], ss), fill=255)

    def photo_people(d: ImageDraw.ImageDraw, ss: int) -> None:
        for px, py, hr in ((205, 268, 4.6), (222, 265, 5.0)):
            d.ellipse(sorted_box(px - hr, py - hr * 1.1, px + hr, py + hr * 1.1, ss), fill=255)
            d.chord(sorted_box(px - 10, py + 5, px + 10, py + 40, ss), 180, 360, fill=255)

    pin = shapes(photo_in, ss=3)
    photo_sky = vgrad([(0.0, CABIN["lamp"]), (232 / H, CABIN["lamp"]), (275 / H, mix(CABIN["lamp"], CABIN["panel"], 0.5)),
                       (300 / H, CABIN["panel"]), (1.0, CABIN["panel"])])
    img = img * (1 - pin[..., None]) + (photo_sky * 0.8 + rgb(CABIN["hull"]) * 0.2) * pin[..., None]
    img = img + (pin * radial(214, 270, 22, 10))[..., None] * rgb(CABIN["paper"]) * 0.25
    img = paint(img, blur(shapes(photo_people, ss=3), 1.0) * pin, mix(CABIN["hull"], CABIN["panel"], 0.2), 0.85)
    img = img + (pin * smoothstep(300, 220, YY))[..., None] * rgb(CABIN["lamp"]) * 0.12
    light += rim(lm, 0.3, 1, 1.5)[..., None] * rgb(CABIN["lamp"]) * 0.5

    # a cassette tape drifting in front of the window, rim-lit by the lamp and the Earth
    def cassette(d: ImageDraw.ImageDraw, ss: int) -> None:
        cx, cy, a = 388.0, 392.0, -0.42
        ca, sa = math.cos(a), math.sin(a)

        def rot(pts: list[Point]) -> list[Point]:
            return [(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in pts]

        d.rounded_rectangle(sorted_box(-40, -25, 40, 25, ss), radius=3 * ss, fill=255)
        # (drawn axis-aligned, rotated afterwards)

    def cassette_label(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rectangle(sorted_box(-34, -20, 34, 8, ss), fill=255)

    def cassette_window(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(-22, -9, 22, 3, ss), radius=5 * ss, fill=255)

    def cassette_reels(d: ImageDraw.ImageDraw, ss: int) -> None:
        for hx in (-13, 13):
            d.ellipse(sorted_box(hx - 4.2, -7.2, hx + 4.2, 1.2, ss), fill=255)

    def placed(fn: Callable[[Any, int], None], cx: float = 388.0, cy: float = 392.0, a: float = -24.0) -> np.ndarray:
        m = Image.new("L", (120 * 4, 120 * 4), 0)
        dd = ImageDraw.Draw(m)
        fn(Moved(dd, 60 * 4, 60 * 4), 4)
        m = m.rotate(-a, resample=Image.Resampling.BICUBIC, center=(240, 240)).reduce(4)
        out = np.zeros((H, W), np.float32)
        out[int(cy) - 60:int(cy) + 60, int(cx) - 60:int(cx) + 60] = np.asarray(m, np.float32) / 255.0
        return out

    cs = placed(cassette)
    lab = placed(cassette_label)
    win = placed(cassette_window)
    reels = placed(cassette_reels)
    img = paint(img, cs, mix(CABIN["hull"], CABIN["panel"], 0.6))
    img = paint(img, lab, mix(CABIN["steel"], CABIN["lamp"], 0.35), 0.8)
    img = paint(img, win, CABIN["hull"], 0.95)
    img = paint(img, reels, CABIN["steel"], 0.6)
    light += rim(cs, -1, -1, 1.6)[..., None] * rgb(CABIN["lamp"]) * 0.7
    light += rim(cs, 1, -0.6, 1.3)[..., None] * rgb(CABIN["blue"]) * 0.45
    # the console edge in front: a calm dark shelf for the text box
    shelf = below(np.full(W, 560.0) + 0.0 * XX[0], 1.0)
    img = paint(img, shelf, mix(CABIN["ink"], CABIN["hull"], 0.55))
    img = img + np.exp(-((YY - 561) / 1.5) ** 2)[..., None] * rgb(CABIN["steel"]) * 0.16
    for k in range(9):
        leds += radial(120 + k * 130, 590 + (k % 2) * 6, 1.8)[..., None] * rgb(CABIN["blue"] if k % 3 else CABIN["lamp"]) * 0.35
    img = glow(img, leds, ((1.5, 0.7), (6, 0.5), (20, 0.25)))
    img = glow(img, warm, ((4, 0.8), (18, 0.6), (60, 0.5)))
    img = glow(img, light, ((1.5, 0.6), (6, 0.4)))
    # a strap floating across the near upper-left corner, out of focus
    def rail(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-30, 250), (120, -30)], ss), fill=255, width=int(26 * ss))
        d.line(sc([(1180, -30), (1300, 130)], ss), fill=255, width=int(20 * ss))

    stp = blur(shapes(rail, ss=2), 6.0)
    img = paint(img, stp, CABIN["ink"], 0.92)
    img = img + np.clip(stp - shift(stp, 3, 3), 0, 1)[..., None] * rgb(CABIN["lamp"]) * 0.12
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 600) / 720) ** 2 + ((YY - 300) / 460) ** 2))
    img = paint(img, vign, CABIN["ink"], 0.55)
    return img


PICTURES = (
    Picture("spacecraft_cabin", spacecraft_cabin,
            "spacecraft cabin: Earth small in the porthole, one warm lamp, a drifting cassette",
            look=space_look),
)
