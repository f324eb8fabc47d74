"""Mars at its harshest: the lava cave cut by one helmet beam through dust, and the dust storm
that veils everything.
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
from ..raster.light import glow, lit_from, radial
from ..raster.noise import fbm, jagged, line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import dusty_beam, ridge_layer

# Lava cave: one helmet beam through the dust
CAVE = {"ink": "#0b0d1a", "soot": "#1f1414", "rock": "#3d2620", "rust": "#8a4b33", "beam": "#ffd2a0"}

# Dust storm: everything veiled
STORM = {"dark": "#3a2418", "umber": "#6b3a22", "rust": "#a15a32", "dust": "#d08a55", "haze": "#f0c99a"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
BEAM_FROM = (-60.0, 170.0)  # the helmet light, out of frame up on the left
BEAM_TO = (930.0, 402.0)  # where it lands on the far floor
STREAK_ANGLE = 0.16  # the storm's sand streaks (radians below horizontal)


def lava_cave(name: str) -> np.ndarray:
    r = rng(name)
    img = np.broadcast_to(mix(CAVE["ink"], CAVE["soot"], 0.5), (H, W, 3)).astype(np.float32).copy()
    # the helmet beam: from up on the left, out of frame, slanting down into the tube
    bx, by = BEAM_FROM
    hx, hy = BEAM_TO
    ang = math.atan2(hy - by, hx - bx)
    dist = np.sqrt((XX - bx) ** 2 + (YY - by) ** 2)
    stop = 1 - smoothstep(math.hypot(hx - bx, hy - by) - 30, math.hypot(hx - bx, hy - by) + 40, dist)  # the beam ends on the floor
    cone = dusty_beam(bx, by, ang, 0.06, 1600.0, soft_start=40) * stop
    cone_wide = dusty_beam(bx, by, ang, 0.17, 1300.0, soft_start=40) * (0.3 + 0.7 * stop)
    reach = np.clip(cone_wide * 1.5 + cone, 0, 1.4) * np.exp(-dist / 1500.0)
    x = XX[0]
    # the far bend of the tube: rough rock round the landing spot, fading into dark
    far_tex = fbm(r, 40, 5)
    img = img + (radial(hx, hy - 60, 300, 170) * (0.35 + 0.65 * far_tex))[..., None] * rgb(CAVE["rock"]) * 0.55
    # sections of the tube, far to near: (centre x, left reach, right reach, apex y, floor y, jag, base mix)
    sections = [(900, 170, 150, 250, 392, 10, 0.0), (850, 330, 300, 170, 420, 18, 0.3),
                (760, 520, 470, 84, 460, 30, 0.55), (640, 760, 700, -10, 520, 46, 0.8)]
    for i, (cx, wl, wr, apex, floor, amp, k) in enumerate(sections):
        w_ = np.where(x < cx, wl, wr)
        u = np.clip(np.abs(x - cx) / w_, 0, 1.5)
        ceil = apex + (floor + 30 - apex) * np.clip(u, 0, 1) ** 2.4 + jagged(r, (14, 46), amp) + (u > 1) * 500
        # stalactites: narrow teeth hanging off the ceiling
        teeth = np.zeros(W, np.float32)
        for _ in range(10 + 4 * i):
            tx = float(r.uniform(cx - w_.mean() * 0.9, cx + w_.mean() * 0.9))
            tw = float(r.uniform(4, 10)) * (1 + k)
            tl = float(r.uniform(10, 34)) * (1 + k)
            teeth = np.maximum(teeth, tl * np.clip(1 - np.abs(x - tx) / tw, 0, 1))
        ceil = ceil + teeth
        flo = floor - 40 * smoothstep(0.55, 1.0, u) + jagged(r, (20, 70), amp * 0.35)
        m = np.clip(np.maximum(1 - below(ceil, 1.0), below(flo, 1.0)), 0, 1)
        base = mix(mix(CAVE["rock"], CAVE["soot"], 0.5), mix(CAVE["soot"], CAVE["ink"], 0.65), k)
        strata = fbm(r, 50 + 30 * i, 4, sx=5.0, sy=0.4)
        col = np.broadcast_to(base, img.shape) * (0.85 + 0.3 * strata[..., None])
        shade = lit_from(m, bx, by, soft=2.5 + 2 * i)
        lit_col = rgb(CAVE["rust"]) * 0.9 + rgb(CAVE["beam"]) * 0.35 * (1 - k)
        col = col + (shade * np.clip(reach * 1.8, 0, 1.2))[..., None] * lit_col
        col = col + (np.clip(reach, 0, 1) * (0.06 + 0.12 * strata))[..., None] * rgb(CAVE["rust"])
        img = img * (1 - m[..., None]) + col * m[..., None]
        if i == 1:
            # the pool of light where the beam lands, on the far floor
            pool = radial(hx, hy + 2, 110, 16) * (0.6 + 0.6 * fbm(r, 16, 3))
            img = glow(img, pool[..., None] * rgb(CAVE["beam"]) * 0.7, ((3, 0.5), (14, 0.5), (40, 0.3)))
    # the volumetric beam, from the camera's lamp: in front of every rock
    swirl = fbm(r, 70, 5, sx=2.2)
    dusty = 0.35 + 1.1 * smoothstep(0.3, 0.9, swirl)
    core = dusty_beam(bx, by, ang, 0.025, 1000.0, soft_start=30) * stop
    img = img + (cone * dusty)[..., None] * rgb(CAVE["beam"]) * 0.36 + (cone_wide * 0.07)[..., None] * rgb(CAVE["rust"])
    img = img + (core * (0.6 + 0.5 * swirl))[..., None] * rgb(CAVE["beam"]) * 0.22
    rr = rng(name + ":motes")
    motes = (rr.random((H, W)) > 0.997).astype(np.float32) * np.clip(cone * 3 - 0.5, 0, 1)
    motes *= 0.3 + rr.random((H, W)).astype(np.float32)
    img = glow(img, blur(motes, 1.0)[..., None] * rgb(CAVE["beam"]) * 2.0, ((1.5, 0.6), (5, 0.2)))
    # the near floor: dark and calm under the text box
    fl = 590 + jagged(r, (40, 120), 8)
    img, mfl = ridge_layer(img, fl, mix(CAVE["soot"], CAVE["ink"], 0.75), fade_to=CAVE["ink"], fade_k=0.4, fade_h=120)
    img = img + (np.exp(-np.maximum(YY - fl[None, :], 0) / 3.0) * mfl * np.clip(reach * 2, 0, 1))[..., None] * rgb(CAVE["rust"]) * 0.35
    # the lamp itself just off the frame: a warm flare at the edge
    img = glow(img, (radial(0, by + 60 * math.tan(ang), 22, 28) * 0.5)[..., None] * rgb(CAVE["beam"]), ((8, 0.6), (30, 0.5)))
    vign = smoothstep(0.5, 1.2, np.sqrt(((XX - 700) / 700) ** 2 + ((YY - 330) / 440) ** 2))
    img = paint(img, vign, CAVE["ink"], 0.5)
    return img


def streaks(r: np.random.Generator, density: float, length: int, angle: float, y0: float = 0, y1: float = H) -> np.ndarray:
    """Wind-blown sand streaks: sparse points smeared along ``angle`` (a motion blur by shifted sums)."""
    pts = (r.random((H, W)) < density).astype(np.float32) * r.random((H, W)).astype(np.float32)
    pts *= ((y0 <= YY) & (y1 > YY)).astype(np.float32)
    out = np.zeros_like(pts)
    ca, sa = math.cos(angle), math.sin(angle)
    for i in range(length):
        out += shift(pts, int(round(i * ca)), int(round(i * sa))) * (1.0 - abs(i / length - 0.5) * 1.6)
    return blur(out, 1.0)


def mars_storm(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, STORM["umber"]), (0.3, STORM["rust"]), (0.55, STORM["dust"]), (0.63, mix(STORM["dust"], STORM["haze"], 0.3)),
                 (0.72, STORM["rust"]),
                 (1.0, mix(STORM["umber"], STORM["dark"], 0.4))])
    # where the hidden sun is: only a broad brightening, no disc
    img = img + radial(860, 230, 560, 300)[..., None] * rgb(STORM["haze"]) * 0.14
    # billows of dust rolling in, domain-warped, in three depths; a dark front from the upper left
    for i, (scale, tone, alpha, yc, spread) in enumerate(((280, STORM["dust"], 0.5, 290, 260), (200, STORM["rust"], 0.5, 250, 240),
                                                          (150, STORM["umber"], 0.55, 170, 200))):
        wx = fbm(r, scale * 1.5, 3)
        n = fbm(r, scale, 5, sx=2.4, sy=0.8)
        n = n * 0.7 + wx * 0.3
        m = smoothstep(0.42, 0.78, n) * np.exp(-((YY - yc) / spread) ** 2)
        if i == 2:
            m = m * (1 - smoothstep(200, 1100, XX + YY * 0.8))
        img = paint(img, blur(m, 2.0 + i), tone, alpha)
        # lit tops of the billows (the light comes from above, diffused)
        top = np.clip(blur(m, 3.0) - shift(blur(m, 3.0), 0, 6), 0, 1)
        img = img + (top * 0.25)[..., None] * rgb(STORM["haze"])
    # ghosts of the land: two soft ridges almost lost
    far = 428 + 14 * line_noise(r, 300, 4)
    fm = blur(below(far), 3.0)
    img = paint(img, fm, mix(STORM["rust"], STORM["dust"], 0.55), 0.8)
    # the habitat's mast leaning in the wind, its pale beacon still on
    def mast(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(926, 452), (934, 452), (945, 330), (942, 330)], ss), fill=255)
        for k in range(6):
            y = 440 - k * 20
            x = 930 + (452 - y) * 0.09
            d.line(sc([(x - 3, y), (x + 4, y - 10)], ss), fill=255, width=max(1, int(1 * ss)))
        d.line(sc([(943, 340), (990, 454)], ss), fill=255, width=max(1, int(0.8 * ss)))
        d.chord(sorted_box(990, 418, 1072, 496, ss), 180, 360, fill=255)
        d.rectangle(sorted_box(1062, 440, 1124, 457, ss), fill=255)

    mm = blur(shapes(mast, 3), 1.4)
    img = paint(img, mm, mix(STORM["umber"], STORM["rust"], 0.6), 0.5)
    beacon = np.zeros_like(img)
    beacon += radial(944, 328, 2.6)[..., None] * rgb(STORM["haze"]) * 1.4
    img = glow(img, beacon, ((4, 0.8), (16, 0.6), (60, 0.4)))
    mid = 476 + 18 * line_noise(r, 260, 5)
    mmid = blur(below(mid), 2.0)
    img = paint(img, mmid, mix(STORM["umber"], STORM["rust"], 0.65), 0.85)
    # a veil over all that
    veil = fbm(r, 200, 5, sx=3.5, sy=0.7)
    img = paint(img, smoothstep(0.2, 0.9, veil) * smoothstep(250, 470, YY) * (1 - smoothstep(470, 640, YY) * 0.6), STORM["dust"], 0.4)
    # the near ground, calm for the text, veiled too; soft wisps of sand running over it
    near = 548 + 12 * line_noise(r, 400, 4)
    nm = blur(below(near), 1.5)
    gcol = vgrad([(0.0, STORM["umber"]), (0.76, mix(STORM["umber"], STORM["rust"], 0.35)), (1.0, mix(STORM["dark"], STORM["umber"], 0.5))])
    img = img * (1 - nm[..., None]) + gcol * nm[..., None]
    wisps = fbm(r, 90, 5, sx=6.0, sy=0.35)
    img = img + (smoothstep(0.5, 0.9, wisps) * nm * 0.1)[..., None] * rgb(STORM["dust"])
    img = img + (np.exp(-np.maximum(YY - near[None, :], 0) / 18.0) * nm * 0.12)[..., None] * rgb(STORM["dust"])
    # streaks: three layers, far thin and dim, near long and bright; denser in the gusts, sparse over the text
    ang = STREAK_ANGLE
    gusts = 0.25 + 1.3 * smoothstep(0.3, 0.8, fbm(r, 260, 3, sx=2.5, sy=0.8))
    calm = 1 - 0.6 * smoothstep(470, 560, YY)
    for dens, ln, amp, tone in ((0.005, 18, 0.3, STORM["dust"]), (0.0016, 40, 0.5, STORM["haze"]), (0.00035, 85, 0.75, STORM["haze"])):
        st = streaks(r, dens, ln, ang)
        img = img + (np.clip(st, 0, 1) * amp * calm * gusts)[..., None] * rgb(tone) * 0.55
    # a few big out-of-focus grains right in front of the lens
    big = streaks(r, 0.00004, 120, ang)
    img = img + (blur(np.clip(big * 3, 0, 1), 3.0) * (1 - smoothstep(380, 520, YY)))[..., None] * rgb(STORM["haze"]) * 0.3
    # a final gust of dust blowing across everything
    gust = fbm(r, 160, 4, sx=4.0, sy=0.5)
    img = paint(img, smoothstep(0.55, 0.95, gust), STORM["rust"], 0.22)
    vign = smoothstep(0.5, 1.25, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 320) / 460) ** 2))
    img = paint(img, vign, STORM["dark"], 0.5)
    return img


PICTURES = (
    Picture("lava_cave", lava_cave,
            "lava tube on Mars: one helmet beam cutting through dust to the far wall",
            look=space_look),
    Picture("mars_storm", mars_storm,
            "Mars dust storm: everything veiled, sand streaks, a leaning mast with its beacon, no sun",
            look=space_look),
)
