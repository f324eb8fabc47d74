"""The Byeol-1 memorial garden: a low stone with an engraved orbit, chrysanthemums, a ginkgo and a maple;
in summer green (Jay's visit on 11 June) and in autumn (October, the New Orbit ending).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..raster.blur import blur
from ..raster.colour import Colour, mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import beam, glow, radial, top_edge
from ..raster.noise import fbm
from ..raster.vector import Sketch
from ..seeds import choice, rng
from .city import draw_towers, lotte_tower, towers
from .picture import Picture

AUTUMN = {"slate": "#1f2433", "plum": "#3d3346", "rust": "#a8492f", "maple": "#d0603a", "gold": "#e8b04a",
          "sky": "#f2dcc0", "haze": "#b9aab0"}

# June: the same garden in full leaf; "gold" stays the sunlight, the greens carry the trees and the lawn
SUMMER = {"slate": "#1f2433", "plum": "#2c3a3c", "rust": "#3d6b3f", "maple": "#6f9e4c", "gold": "#f0d58a",
          "sky": "#eef0de", "haze": "#a9b8b8", "leaf": "#a7c45e"}


@dataclass(frozen=True)
class Season:
    """What changes with the season: the palette, the trees' and the lawn's tones, what lies on the grass."""

    palette: dict[str, str]
    woods: tuple[Colour, ...]  # tints of the band of trees on the far slope
    maple: tuple[Colour, ...]  # the left crown's tones, dark to light
    ginkgo: tuple[Colour, ...]  # the right crown's tones, dark to light
    lawn: Colour
    litter: tuple[Colour, ...]  # colours of what lies on the lawn (fallen leaves; in summer, clover and light)
    litter_keep: float  # share of the litter kept away from the trees
    falling: int  # leaves in the air


def autumn() -> Season:
    A_ = AUTUMN
    return Season(A_, (A_["rust"], A_["gold"], A_["maple"], A_["rust"]),
                  (mix(A_["rust"], A_["plum"], 0.55), A_["rust"], A_["maple"], mix(A_["maple"], A_["gold"], 0.5)),
                  (mix(A_["rust"], A_["plum"], 0.3), mix(A_["rust"], A_["gold"], 0.55), A_["gold"],
                   mix(A_["gold"], A_["sky"], 0.45)),
                  mix(A_["rust"], A_["plum"], 0.55), (A_["gold"], A_["gold"], A_["maple"], A_["rust"]), 0.25, 26)


def summer() -> Season:
    S = SUMMER
    return Season(S, (S["rust"], S["maple"], S["rust"], S["leaf"]),
                  (mix(S["rust"], S["plum"], 0.6), S["rust"], S["maple"], mix(S["leaf"], S["gold"], 0.35)),
                  (mix(S["rust"], S["plum"], 0.45), mix(S["rust"], S["maple"], 0.5), S["leaf"],
                   mix(S["leaf"], S["sky"], 0.4)),
                  mix(S["rust"], S["plum"], 0.45), (S["maple"], S["leaf"], S["rust"], "#e9e4cf"), 0.12, 0)


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
SUN = (170, 250)  # the low autumn sun, behind the trees on the left
HORIZON = 372  # where the lawn meets the far hedge
STONE = (470, 660, 402, 474)  # the memorial stone: x0, x1, y0, y1
BENCH_X = 820  # the bench under the ginkgo


def foliage(r: np.random.Generator, cx: float, cy: float, rx: float, ry: float, sun: tuple[float, float],
            tones: list, clump: float = 34.0) -> tuple[np.ndarray, np.ndarray]:
    """A tree crown as painted masses: a noisy-edged silhouette, lit by the slope facing the sun and
    broken into leaf clumps, posterised into a few flat tones. Returns (colour, alpha)."""
    x0, x1 = int(max(0, cx - rx * 1.3)), int(min(W, cx + rx * 1.3))
    y0, y1 = int(max(0, cy - ry * 1.3)), int(min(H, cy + ry * 1.3))
    h, w = y1 - y0, x1 - x0
    yy, xx = YY[y0:y1, x0:x1], XX[y0:y1, x0:x1]
    d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
    big = fbm(r, clump * 2.2, 4, h=h, w=w)
    small = fbm(r, clump * 0.55, 3, h=h, w=w)
    field = 1.0 - d + (big - 0.5) * 0.5 + (small - 0.5) * 0.16
    alpha = smoothstep(0.0, 0.04, field)
    # light: the crown's dome facing the sun, plus each clump's own dome
    sx, sy = sun
    n = math.hypot(sx - cx, sy - cy) or 1.0
    ux, uy = (sx - cx) / n, (sy - cy) / n
    dome = ((xx - cx) / rx * ux + (yy - cy) / ry * uy) * 0.6 + 0.45 - 0.35 * d * d
    lump = np.gradient(blur(big, 6), axis=1) * ux + np.gradient(blur(big, 6), axis=0) * uy
    shade = blur(dome + lump * 12.0 + (small - 0.5) * 0.2, 1.5)
    k = len(tones)
    idx = np.clip(((shade + 0.25) * k / 1.2).astype(np.int32), 0, k - 1)
    col = np.stack([rgb(t) for t in tones])[idx]
    out_c = np.zeros((H, W, 3), np.float32)
    out_a = np.zeros((H, W), np.float32)
    out_c[y0:y1, x0:x1] = col
    out_a[y0:y1, x0:x1] = alpha
    return out_c, out_a


def memorial(name: str, season: Season) -> np.ndarray:
    """A small memorial garden in Seoul: a low stone with an engraved orbit, white chrysanthemums, a ginkgo
    and a maple, a bench, long light through the trees (and in autumn, falling leaves)."""
    r = rng("memorial_park")  # both seasons share one garden
    A_ = season.palette
    sun = SUN
    horizon = HORIZON
    img = vgrad([(0.0, mix(A_["haze"], A_["plum"], 0.25)), (0.3, A_["haze"]), (0.48, A_["sky"]),
                 (horizon / H, mix(A_["sky"], A_["gold"], 0.3)), (1.0, A_["plum"])])
    img += radial(sun[0], sun[1], 420, 300)[..., None] * rgb(A_["gold"]) * 0.35
    light = np.zeros_like(img)
    # far: the city in haze
    far = Sketch()
    draw_towers(far, towers(r, -20, W + 20, 30, 110, 18, 50, (0, 14)), horizon + 4, mix(A_["haze"], A_["sky"], 0.35),
                [A_["gold"]], 0.6, 0.0, 0.0, None, window_base_mix=0.0, side=A_["sky"], side_k=0.3)
    lotte_tower(far, 930, horizon + 4, 200, 30, mix(A_["haze"], A_["sky"], 0.3), A_["sky"], rgb(A_["gold"]) * 0.0)
    img = far.over(img)
    # mid: a wooded slope and the garden's hedge
    mid = Sketch()
    ridge = [(x, horizon - 8 - 24 * math.sin(x / 210.0 + 1.3) - 10 * math.sin(x / 67.0)) for x in range(-10, W + 20, 20)]
    mid.poly([(-10, H)] + ridge + [(W + 10, H)], mix(A_["plum"], A_["haze"], 0.45))
    img = mid.over(img)
    # a band of autumn woods on the slope, hazy
    mr = rng("memorial:woods")
    for k in range(9):
        x = -40 + k * 170 + mr.uniform(-30, 30)
        tint = choice(mr, list(season.woods))
        tones = [mix(mix(tint, A_["plum"], 0.5), A_["haze"], 0.5), mix(tint, A_["haze"], 0.5), mix(mix(tint, A_["sky"], 0.4), A_["haze"], 0.4)]
        c_, a_ = foliage(mr, x, horizon - 30, 120, 46, sun, tones, 16)
        img = img * (1 - a_[..., None]) + c_ * a_[..., None]
    # the lawn
    G = Sketch()
    G.poly([(-10, 404), (W + 10, 396), (W + 10, H), (-10, H)], season.lawn)
    # a low hedge behind the stone
    for k in range(30):
        x = 300 + k * 16
        G.ellipse(x, 404 - 14 * math.sin(k * 1.7) ** 2, 22, 18, mix(A_["plum"], "#3a4a3a", 0.4))
    G.rect(290, 404, 790, 420, mix(A_["plum"], "#3a4a3a", 0.4))
    # the stepping-stone path coming toward us
    for k in range(7):
        t = k / 6
        y = 478 + t ** 1.4 * 230
        x = 560 + 60 * t + 30 * math.sin(t * 3.0)
        w_ = 34 + 70 * t
        G.ellipse(x, y + 2, w_, w_ * 0.26, mix(A_["slate"], A_["plum"], 0.5))
        G.ellipse(x, y, w_ * 0.96, w_ * 0.22, mix(A_["plum"], A_["haze"], 0.35))
    # the memorial stone: low, wide, dark and polished, an orbit engraved and inlaid in gold
    sx0, sx1, sy0, sy1 = STONE
    G.poly([(sx0 + 8, sy0 + 6), (sx1 - 4, sy0), (sx1, sy1), (sx0, sy1)], A_["slate"])
    G.poly([(sx0 + 8, sy0 + 6), (sx1 - 4, sy0), (sx1 - 10, sy0 - 8), (sx0 + 12, sy0 - 2)], mix(A_["slate"], A_["haze"], 0.25))
    G.rect(sx0 - 16, sy1, sx1 + 16, sy1 + 10, mix(A_["haze"], A_["plum"], 0.45))  # plinth
    ecx, ecy = sx0 + 52, (sy0 + sy1) / 2 + 4
    G.arc(ecx, ecy, 22, 22, 0, 360, 1.6, mix(A_["gold"], A_["sky"], 0.3), caps=False)
    G.arc(ecx, ecy, 34, 11, 190, 520, 1.4, mix(A_["gold"], A_["sky"], 0.3), caps=False)
    G.ellipse(ecx + 30, ecy - 7, 2.4, 2.4, A_["sky"])
    for k, ln in enumerate((70, 54, 62)):  # the engraved lines of her name and dates (no letters)
        y = sy0 + 20 + k * 14
        G.line([(sx0 + 98, y), (sx0 + 98 + ln, y)], 2.0 if k == 0 else 1.2, mix(A_["slate"], A_["haze"], 0.5), caps=False)
    # white chrysanthemums at its foot, and a paper cup of coffee (Jay)
    fr = rng("memorial:flowers")
    G.poly([(590, sy1 + 4), (640, sy1 - 6), (652, sy1 + 6), (600, sy1 + 12)], "#5a6a4a")
    for _ in range(14):
        x, y = fr.uniform(592, 648), fr.uniform(sy1 - 14, sy1 + 2)
        G.ellipse(x, y, 5.5, 4.5, mix(A_["sky"], "#ffffff", 0.4))
        G.ellipse(x, y, 1.6, 1.4, A_["gold"])
    G.rect(448, sy1 - 10, 460, sy1 + 8, A_["sky"])
    G.rect(448, sy1 - 10, 460, sy1 - 6, AUTUMN["rust"])
    # the bench under the ginkgo
    bx = BENCH_X
    wood = mix(AUTUMN["gold"], AUTUMN["rust"], 0.55)
    for x in (bx + 12, bx + 154):
        G.line([(x, 416), (x, 488)], 4, A_["slate"], caps=False)
        G.line([(x, 452), (x + 8, 488)], 4, A_["slate"], caps=False)
    G.rect(bx, 416, bx + 170, 424, wood)
    G.rect(bx, 430, bx + 170, 437, wood)
    G.rect(bx - 4, 450, bx + 174, 458, mix(wood, A_["sky"], 0.25))
    G.rect(bx - 2, 458, bx + 172, 462, mix(wood, A_["plum"], 0.5))
    # trunks
    G.poly([(1040, 470), (1080, 470), (1072, 300), (1100, 150), (1084, 150), (1058, 290), (1030, 180), (1020, 184), (1050, 300)],
           mix(A_["slate"], A_["plum"], 0.4))
    G.poly([(150, 520), (196, 520), (190, 360), (240, 220), (226, 214), (178, 330), (130, 230), (118, 238), (166, 360)],
           mix(A_["slate"], A_["plum"], 0.3))
    pm, a = G.base()
    img = img * (1 - a[..., None]) + pm
    # crowns: the maple (left, red) and the ginkgo (right, gold)
    mc, ma = foliage(rng("memorial:maple"), 200, 160, 250, 165, sun, list(season.maple), 30)
    gc, ga = foliage(rng("memorial:ginkgo"), 1090, 150, 240, 200, sun, list(season.ginkgo), 30)
    for c_, a_ in ((mc, ma), (gc, ga)):
        img = img * (1 - a_[..., None]) + c_ * a_[..., None]
        a = np.maximum(a, a_)
    # fallen leaves on the lawn, thicker under the trees
    lr = rng("memorial:leaves")
    LL = Sketch(emission=False)
    for _ in range(1500):
        x = lr.uniform(-10, W + 10)
        y = 404 + (H - 404) * lr.random() ** 0.8
        under = math.exp(-((x - 1080) / 260) ** 2) + math.exp(-((x - 180) / 240) ** 2)
        if lr.random() > season.litter_keep + (1 - season.litter_keep) * under:
            continue
        sz = 1.5 + 4.0 * (y - 404) / (H - 404)
        c = choice(lr, list(season.litter))
        LL.ellipse(x, y, sz, sz * 0.55, c)
    pm, a2 = LL.base()
    img = img * (1 - a2[..., None] * 0.85) + pm * 0.85
    # light: long tree shadows across the lawn, a warm shaft from the low sun, dust in it
    dapple = fbm(rng("memorial:dapple"), 70, 4, sx=3.0, sy=0.4)
    shadow = smoothstep(0.45, 0.6, dapple) * smoothstep(420, 470, YY)
    shadow = np.maximum(shadow, smoothstep(560, H, YY) * 0.9)
    img *= (1 - 0.45 * shadow)[..., None]
    img += ((1 - shadow) * smoothstep(404, 440, YY) * radial(sun[0] + 300, 480, 700, 200))[..., None] * rgb(A_["gold"]) * 0.12
    rays = beam(sun[0], sun[1], math.radians(22), 0.22, 700)
    img += rays[..., None] * rgb(A_["gold"]) * 0.18
    img += top_edge(a, 2)[..., None] * rgb(A_["gold"]) * 0.15 * radial(sun[0], sun[1], 900, 600)[..., None]
    # the stone's polish catches the sky
    img += (radial(560, 420, 60, 14) * (YY < 474))[..., None] * rgb(A_["sky"]) * 0.08
    # falling leaves
    fl = Sketch(emission=False)
    for _ in range(season.falling):
        x, y = r.uniform(0, W), r.uniform(40, 500)
        a_ = r.uniform(0, math.pi)
        sz = r.uniform(3, 6)
        c = choice(r, [A_["gold"], A_["maple"], A_["gold"]])
        fl.poly([(x + math.cos(a_) * sz, y + math.sin(a_) * sz), (x - math.sin(a_) * sz * 0.4, y + math.cos(a_) * sz * 0.4),
                 (x - math.cos(a_) * sz, y - math.sin(a_) * sz), (x + math.sin(a_) * sz * 0.4, y - math.cos(a_) * sz * 0.4)], c)
    pm, a3 = fl.base()
    img = img * (1 - a3[..., None]) + pm
    light += radial(sun[0], sun[1], 30)[..., None] * rgb(A_["sky"]) * 0.5
    img = glow(img, light, ((4, 0.5), (20, 0.4), (70, 0.3)))
    img = calm_bottom(img, A_["plum"], 0.35, 0.72)
    img = vignette(img, A_["slate"], 0.35, 640, 330)
    return img


def memorial_park(name: str) -> np.ndarray:
    return memorial(name, summer())


def memorial_park_autumn(name: str) -> np.ndarray:
    return memorial(name, autumn())


PICTURES = (
    Picture("memorial_park", memorial_park,
            "the Byeol-1 memorial garden in summer (June): a low stone with an engraved orbit, chrysanthemums, "
            "a ginkgo and a maple in full leaf"),
    Picture("memorial_park_autumn", memorial_park_autumn,
            "the same memorial garden in October: ginkgo gold, maple red, falling leaves"),
)
