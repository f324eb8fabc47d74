"""Mars outside: the desert by day under a butterscotch sky, and the blue sunset with Earth a blue
dot high above.
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
from ..raster.light import glow, radial, rim
from ..raster.noise import fbm, line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import earth_dot, ridge_layer, stars

# Mars desert by day: rust and ochre under a butterscotch sky
DESERT = {"umber": "#5a2e1f", "rust": "#9c4a2a", "ochre": "#c96f3b", "sand": "#e8a56b", "sky": "#f0c99a"}

# Mars sunset: the blue glow round the sun
BLUE_SUNSET = {"plum": "#3b2a3a", "mauve": "#5a3a4a", "blue": "#2f4f7a", "glow": "#7fb0e0", "rose": "#d9a07a"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
DAY_SUN = (935.0, 130.0)  # the small pale sun by day
SUNSET_HORIZON = 452.0
SUNSET_SUN = (700.0, 418.0)  # the sun low in its blue glow


def mesas(r: np.random.Generator, base: float, spots: list[tuple[float, float, float]], rough: float = 4.0) -> np.ndarray:
    """A ridgeline with flat-topped buttes: spots are (centre x, half width, height)."""
    x = XX[0]
    h = np.full(W, base, np.float32)
    for cx, hw, ht in spots:
        plateau = smoothstep(hw + 26, hw, np.abs(x - cx))
        h = np.minimum(h, base - ht * plateau)
    return h + rough * line_noise(r, 40, 4)


def scatter_rocks(r: np.random.Generator, n: int, y0: float, y1: float, size: tuple[float, float], x0: float = 0, x1: float = W
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Small rocks: (mask, lit top edge)."""
    def draw(d: ImageDraw.ImageDraw, ss: int) -> None:
        for _ in range(n):
            y = r.uniform(y0, y1)
            t = (y - y0) / max(1.0, y1 - y0)
            sz = size[0] + (size[1] - size[0]) * t * r.random()
            x = r.uniform(x0, x1)
            pts = []
            k = 7
            for i in range(k):
                a = math.pi + math.pi * i / (k - 1)
                rr = sz * (0.7 + 0.5 * r.random())
                pts.append((x + math.cos(a) * rr * 1.4, y + math.sin(a) * rr * 0.8))
            d.polygon(sc(pts, ss), fill=255)

    m = shapes(draw, 2)
    return m, np.clip(m - shift(m, 0, 2), 0, 1)


def mars_desert_day(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, mix(DESERT["ochre"], DESERT["sand"], 0.55)), (0.25, mix(DESERT["sand"], DESERT["sky"], 0.25)),
                 (0.5, mix(DESERT["sand"], DESERT["sky"], 0.7)),
                 (0.6, DESERT["sky"]), (1.0, DESERT["sky"])])
    sunx, suny = DAY_SUN
    img = img * (1 - radial(sunx, suny, 300, 260)[..., None] * 0.3) + radial(sunx, suny, 300, 260)[..., None] * mix(DESERT["sky"], "#f4f1ea",
                                                                                                                    0.4) * 0.3
    # Phobos, a pale lump in the day sky
    ph = np.clip((6.0 - np.sqrt(((XX - 300) / 1.25) ** 2 + (YY - 96) ** 2)) + 0.5, 0, 1)
    img = paint(img, ph, mix(DESERT["sky"], DESERT["sand"], 0.3), 0.55)
    sun = np.zeros_like(img)
    sun += radial(sunx, suny, 8.5, power=8)[..., None] * rgb("#f4f1ea") * 1.2
    img = glow(img, sun, ((3, 0.7), (14, 0.5), (50, 0.35)))
    # thin high dust veils
    veil = fbm(r, 300, 5, sx=4.0, sy=0.6) * (1 - smoothstep(120, 380, YY))
    img = img + (smoothstep(0.5, 0.9, veil) * 0.08)[..., None] * rgb(DESERT["sky"])
    haze = rgb(DESERT["sky"])
    # 1: the far crater rim, almost lost in haze
    far = 372 + 10 * line_noise(r, 300, 5) - 18 * smoothstep(0, 400, XX[0]) * smoothstep(900, 500, XX[0])
    img, _ = ridge_layer(img, far, mix(DESERT["sand"], haze, 0.55), fade_to=mix(DESERT["sand"], haze, 0.35), fade_k=0.5, fade_h=40)
    # 2: buttes
    b = mesas(r, 404, [(170, 90, 70), (330, 40, 44), (1080, 120, 56), (1240, 50, 34)], rough=2.5)
    img, _ = ridge_layer(img, b, mix(DESERT["ochre"], haze, 0.5), crest=mix(DESERT["sky"], DESERT["sand"], 0.5), crest_w=4, crest_k=0.3)
    # strata on the buttes: faint horizontal bands
    strata = smoothstep(0.55, 0.75, fbm(r, 120, 3, sx=6.0, sy=0.05)) * below(b) * (YY < 404) * smoothstep(330, 360, YY)
    img = img * (1 - (strata * 0.06)[..., None])
    # 3: long dune field, lit flanks
    dn = 420 + 14 * line_noise(r, 220, 4)
    img, m3 = ridge_layer(img, dn, mix(DESERT["ochre"], haze, 0.25), crest=mix(DESERT["sand"], haze, 0.3), crest_w=10, crest_k=0.5,
                          fade_to=DESERT["ochre"], fade_k=0.4, fade_h=60)
    # the habitat, tiny on the dune field: a dome, a cylinder, an antenna with its glint
    def hab(d: ImageDraw.ImageDraw, ss: int) -> None:
        hx, hy = 760.0, 428.0
        d.chord(sorted_box(hx - 22, hy - 20, hx + 22, hy + 20, ss), 180, 360, fill=255)
        d.rectangle(sorted_box(hx + 18, hy - 9, hx + 54, hy, ss), fill=255)
        d.chord(sorted_box(hx + 46, hy - 13, hx + 70, hy + 13, ss), 180, 360, fill=255)
        d.line(sc([(hx - 34, hy), (hx - 34, hy - 34)], ss), fill=255, width=max(1, int(1.4 * ss)))
        d.chord(sorted_box(hx - 44, hy - 44, hx - 26, hy - 30, ss), 200, 340, fill=255)
        for k in range(5):  # solar panels
            d.line(sc([(hx - 90 + k * 9, hy + 1), (hx - 84 + k * 9, hy - 5)], ss), fill=255, width=max(1, int(2 * ss)))

    hm = shapes(hab, 4)
    img = paint(img, hm, mix(DESERT["rust"], haze, 0.35))
    light = np.zeros_like(img)
    light += rim(hm, 1, -1, 1.2)[..., None] * rgb("#f4f1ea") * 0.4
    light += radial(726, 393, 1.6)[..., None] * rgb("#f4f1ea") * 1.2
    # 4: nearer ridge with a rocky crest
    nr = 468 + 20 * line_noise(r, 360, 5) + 26 * smoothstep(500, 1000, XX[0]) - 10 * smoothstep(1000, 1280, XX[0])
    img, m4 = ridge_layer(img, nr, DESERT["rust"], crest=DESERT["ochre"], crest_w=8, crest_k=0.6, fade_to=DESERT["rust"], fade_k=0.0)
    # wind ripples on the dune flank (faint, long)
    rip = (np.sin(YY * 0.9 + XX * 0.05 + fbm(r, 80, 3) * 9) > 0.8) * m3 * (1 - m4) * smoothstep(0.45, 0.7, fbm(r, 160, 3))
    img = img * (1 - (blur(rip.astype(np.float32), 1.0) * 0.05)[..., None])
    rk, rkl = scatter_rocks(r, 26, 470, 520, (2.5, 7), 0, W)
    rk = rk * m4
    img = paint(img, rk, DESERT["umber"], 0.8)
    img = img + (rkl * m4)[..., None] * rgb(DESERT["sand"]) * 0.15
    # 5: the foreground plain, calm for the text box, fine texture only
    fg = 540 + 8 * line_noise(r, 500, 4)
    img, m5 = ridge_layer(img, fg, mix(DESERT["rust"], DESERT["umber"], 0.35), crest=mix(DESERT["ochre"], DESERT["rust"], 0.5), crest_w=14,
                          crest_k=0.5,
                          fade_to=DESERT["umber"], fade_k=0.8, fade_h=180)
    tex = fbm(r, 30, 4, sx=3.0)
    img = img * (1 + ((tex - 0.5) * 0.07 * m5)[..., None])
    pebbles, plit = scatter_rocks(r, 30, 560, 715, (1.5, 5), 0, W)
    img = paint(img, pebbles * m5, DESERT["umber"], 0.5)
    img = img + (plit * m5)[..., None] * rgb(DESERT["ochre"]) * 0.12
    # rover tracks curving away toward the habitat: leading lines, faint
    def tracks(d: ImageDraw.ImageDraw, ss: int) -> None:
        for off in (-1, 1):
            pts = []
            for t in np.linspace(0, 1, 80):
                y = 730 - (730 - 436) * (1 - (1 - t) ** 1.6)
                x = 330 + (742 - 330) * t ** 0.9 + 90 * math.sin(t * math.pi) * (1 - t)
                gap = 26 * (1 - t) ** 1.8 + 1.2
                pts.append((x + off * gap, y))
            d.line(sc(pts, ss), fill=255, width=max(1, int(3.2 * ss)), joint="curve")

    tk = shapes(tracks, 3)
    wid = smoothstep(436, 720, YY)
    img = paint(img, tk * (0.35 + 0.3 * wid), DESERT["umber"], 0.55)
    # two bigger boulders at the sides, out of the way of the text: a dark body and a lit facet
    def boulders(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(-10, 600), (-4, 548), (34, 518), (92, 510), (146, 526), (184, 560), (196, 602)], ss), fill=255)
        d.polygon(sc([(1108, 596), (1124, 556), (1160, 530), (1214, 522), (1290, 536), (1290, 596)], ss), fill=255)

    def facets(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(34, 518), (92, 510), (146, 526), (184, 560), (120, 552), (70, 540)], ss), fill=255)
        d.polygon(sc([(1160, 530), (1214, 522), (1290, 536), (1290, 560), (1230, 556), (1180, 548)], ss), fill=255)

    bd = shapes(boulders, 3)
    fc = shapes(facets, 3) * bd
    bshadow = blur(shift(bd, -30, 6), 5.0) * (1 - bd)
    img = img * (1 - (bshadow * 0.3)[..., None])
    bcol = np.broadcast_to(rgb(DESERT["umber"]), img.shape) * (1.1 - 0.25 * smoothstep(515, 605, YY))[..., None]
    img = img * (1 - bd[..., None]) + bcol * bd[..., None]
    img = paint(img, fc, mix(DESERT["rust"], DESERT["ochre"], 0.3), 0.9)
    # low dust drifting in bands across the far layers
    dust = fbm(r, 160, 5, sx=5.0, sy=0.5)
    band = np.exp(-((YY - 420) / 40.0) ** 2) + 0.5 * np.exp(-((YY - 470) / 30.0) ** 2)
    img = paint(img, smoothstep(0.35, 0.85, dust) * band, DESERT["sky"], 0.35)
    img = glow(img, light, ((1.5, 0.5), (6, 0.3)))
    vign = smoothstep(0.65, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 340) / 460) ** 2))
    img = paint(img, vign, DESERT["umber"], 0.35)
    return img


def mars_sunset(name: str) -> np.ndarray:
    r = rng(name)
    horizon = SUNSET_HORIZON
    img = vgrad([(0.0, BLUE_SUNSET["plum"]), (0.35, BLUE_SUNSET["mauve"]), (0.58, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["rose"], 0.45)),
                 (horizon / H, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["rose"], 0.7)),
                 (1.0, BLUE_SUNSET["plum"])])
    sx, sy = SUNSET_SUN
    # the blue aureole: tall round the sun, a wider faint blue along the horizon
    blue1 = radial(sx, sy - 40, 230, 300, power=1.6)
    blue2 = radial(sx, sy, 90, 80)
    hband = radial(sx, horizon, 520, 60)
    img = img * (1 - blue1[..., None] * 0.75) + rgb(BLUE_SUNSET["blue"]) * blue1[..., None] * 0.75
    img = img * (1 - (hband * 0.4)[..., None]) + rgb(BLUE_SUNSET["blue"]) * (hband * 0.4)[..., None]
    img = img * (1 - blue2[..., None] * 0.8) + rgb(BLUE_SUNSET["glow"]) * blue2[..., None] * 0.8
    sun = np.zeros_like(img)
    sun += radial(sx, sy, 5.5, power=8)[..., None] * rgb("#f4f1ea") * 1.2
    sun += radial(sx, sy, 16, 14)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.35
    img = glow(img, sun, ((2, 0.6), (10, 0.45), (40, 0.35)))
    # stars coming out where the sky is darkest, and Earth: a small bright blue dot high up
    st = stars(r, 420, 3, 0, 330, tints=(BLUE_SUNSET["rose"], "#f4f1ea"), cross=6)
    fade = (1 - smoothstep(80, 330, YY)) * (1 - blue1 * 1.2).clip(0, 1)
    img = glow(img, st * fade[..., None] * 0.7, ((1.2, 0.5), (5, 0.2)))
    img = earth_dot(img, 404.0, 118.0, 1.3)
    # thin high cloud (water-ice) catching the blue
    cl = fbm(r, 260, 5, sx=5.0, sy=0.5)
    cband = smoothstep(250, 300, YY) * (1 - smoothstep(340, 400, YY))
    clm = smoothstep(0.55, 0.85, cl) * cband
    img = img + (blur(clm, 1.5) * (0.25 + 0.6 * blue1))[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.12
    # 1: far hills taking the blue haze
    far = horizon - 16 - 20 * line_noise(r, 380, 5) - 30 * smoothstep(400, 0, XX[0])
    img, mf = ridge_layer(img, far, mix(BLUE_SUNSET["mauve"], BLUE_SUNSET["blue"], 0.45) * 0.9)
    near_sun = radial(sx, horizon, 420, 200)
    img = img + (np.exp(-np.maximum(YY - far[None, :], 0) / 3.0) * mf * near_sun)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.3
    # 2: mid ridge with the habitat on it, one warm window
    mid = horizon + 6 + 16 * line_noise(r, 260, 5) + 20 * smoothstep(500, 1100, XX[0])
    img, mm = ridge_layer(img, mid, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["mauve"], 0.42), fade_to=mix(BLUE_SUNSET["plum"], "#0b0d1a", 0.1),
                          fade_k=0.6, fade_h=70)
    img = img + (np.exp(-np.maximum(YY - mid[None, :], 0) / 3.0) * mm * near_sun)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.25

    def hab(d: ImageDraw.ImageDraw, ss: int) -> None:
        hx = 1010.0
        hy = float(mid[int(hx)]) + 2
        d.chord(sorted_box(hx - 26, hy - 24, hx + 26, hy + 24, ss), 180, 360, fill=255)
        d.rectangle(sorted_box(hx + 20, hy - 10, hx + 62, hy, ss), fill=255)
        d.line(sc([(hx - 40, hy), (hx - 40, hy - 40)], ss), fill=255, width=max(1, int(1.4 * ss)))
        d.chord(sorted_box(hx - 52, hy - 50, hx - 30, hy - 34, ss), 200, 340, fill=255)

    hm = shapes(hab, 4)
    img = paint(img, hm, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["mauve"], 0.5))
    win = np.zeros_like(img)
    hy = float(mid[1010]) + 2
    win += radial(1040, hy - 5, 12, 1.6, power=6)[..., None] * rgb(BLUE_SUNSET["rose"]) * 1.2
    win += radial(1006, hy - 3, 2.2, 4.5, power=6)[..., None] * rgb(BLUE_SUNSET["rose"]) * 1.0
    win += radial(970, hy - 44, 1.3)[..., None] * rgb(BLUE_SUNSET["rose"]) * 1.5
    win += rim(hm, -1, -0.6, 1.2)[..., None] * rgb(BLUE_SUNSET["glow"]) * 0.5
    img = glow(img, win, ((2, 0.7), (8, 0.5), (24, 0.3)))
    # 3: near ground falling into dusk, a rocky crest, long blue glints
    near = 520 + 24 * line_noise(r, 420, 5) - 34 * smoothstep(700, 0, XX[0]) ** 2
    img, mn = ridge_layer(img, near, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["mauve"], 0.25), fade_to=mix(BLUE_SUNSET["plum"], "#0b0d1a", 0.1),
                          fade_k=0.9, fade_h=120)
    ripl = (np.sin(YY * 0.8 + XX * 0.02 + fbm(r, 90, 3) * 10) > 0.85) * mn * near_sun * smoothstep(0.4, 0.7, fbm(r, 150, 3))
    img = img + blur(ripl.astype(np.float32), 1.0)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.18
    img = img + (np.exp(-np.maximum(YY - near[None, :], 0) / 6.0) * mn * near_sun)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.35
    rk, rkl = scatter_rocks(r, 24, 530, 600, (2, 6), 0, W)
    img = paint(img, rk * mn, BLUE_SUNSET["plum"], 0.9)
    img = img + (rkl * mn * (1 - smoothstep(0, 700, np.abs(XX - sx))))[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.3
    # 4: the foreground: a dark calm slope for the text, a boulder at the left edge
    fg = 600 + 22 * line_noise(r, 300, 4) + 30 * smoothstep(300, 1280, XX[0])
    img, mfg = ridge_layer(img, fg, mix(BLUE_SUNSET["plum"], "#0b0d1a", 0.2))
    img = img + (np.exp(-np.maximum(YY - fg[None, :], 0) / 5.0) * mfg * near_sun)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.25

    def boulder(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(-10, 640), (20, 560), (80, 540), (150, 566), (186, 620), (-10, 660)], ss), fill=255)

    def facet(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(80, 540), (150, 566), (186, 620), (130, 600), (96, 570)], ss), fill=255)

    bd = shapes(boulder, 3)
    img = paint(img, bd, mix(BLUE_SUNSET["plum"], "#0b0d1a", 0.3))
    img = paint(img, shapes(facet, 3) * bd, mix(BLUE_SUNSET["plum"], BLUE_SUNSET["blue"], 0.35), 0.85)
    img = img + rim(bd, 1, -0.5, 1.5)[..., None] * rgb(BLUE_SUNSET["blue"]) * 0.35
    # a faint dust haze over the horizon
    dust = fbm(r, 180, 4, sx=5.0, sy=0.5)
    img = paint(img, smoothstep(0.4, 0.9, dust) * np.exp(-((YY - horizon) / 26.0) ** 2), mix(BLUE_SUNSET["blue"], BLUE_SUNSET["rose"], 0.5), 0.25)
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 660) / 700) ** 2 + ((YY - 360) / 460) ** 2))
    img = paint(img, vign, BLUE_SUNSET["plum"], 0.5)
    return img


PICTURES = (
    Picture("mars_desert_day", mars_desert_day,
            "Mars desert by day: butterscotch sky, small pale sun, buttes and dunes, the habitat far off",
            look=space_look),
    Picture("mars_sunset", mars_sunset,
            "Mars sunset: the blue glow round a small sun, Earth a blue dot high in the sky, the habitat's warm window",
            look=space_look),
)
