"""Seoul's skyline: the title screen's two layers (dusk sky with Mars small and bright; the near
city as an alpha layer for parallax) and the establishing shot across the Han at dusk.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ..raster.blur import blur
from ..raster.colour import LIGHTEST, mix, rgb
from ..raster.compose import calm_bottom, paint, tone
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep
from ..raster.light import add_star, glow, radial, starfield, top_edge
from ..raster.noise import fbm, grain, line_noise
from ..raster.vector import Sketch, shape_mask
from ..seeds import choice, rng
from .city import NIGHT, draw_towers, dusk_sky, hologram, lotte_tower, namsan, reflect, towers, whale_shape
from .picture import Picture, flat
from .signs import draw_glyphs

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
TITLE_SKY_HORIZON = 560  # the title's city line
TITLE_MARS = (1012, 168)  # Mars, small and bright in the title sky
SEOUL_DUSK_HORIZON = 452  # the far bank / waterline
DUSK_POST_X = 92  # the railing's lamp post in the foreground


def title_sky(name: str) -> np.ndarray:
    r = rng(name)
    horizon = TITLE_SKY_HORIZON
    img = dusk_sky(r, horizon)
    # keep the title's corner quiet and deep
    img = paint(img, radial(300, 120, 520, 260), mix(NIGHT["ink"], NIGHT["navy"], 0.5), 0.35)
    light = np.zeros_like(img)
    fade = 1 - smoothstep(horizon * 0.35, horizon * 0.85, YY)
    light += starfield(r, 260, 4, 0, horizon * 0.8, tints=("#f4f1ea", "#cfe9ff"), cross=10, fade=fade)
    # Mars: small, warm and bright, upper right
    mx, my = TITLE_MARS
    disc = radial(mx, my, 4.2, power=6)
    light += disc[..., None] * rgb("#ffb38a") * 1.4
    light += radial(mx, my, 14)[..., None] * rgb("#ff9a5c") * 0.45
    light += radial(mx, my, 46)[..., None] * rgb("#d9576b") * 0.12
    add_star(light, mx, my, 0.5, "#ffd2a0", 16)
    # far city in haze, and Namsan's tower in the middle distance
    far = Sketch()
    haze = mix(mix(NIGHT["magenta"], NIGHT["amber"], 0.35), NIGHT["navy"], 0.35)
    draw_towers(far, towers(r, -20, W + 20, 30, 80, 18, 46, (-2, 3)), horizon + 40, haze,
                [NIGHT["amber"], "#f4e3c3"], 0.6, 0.18, 0.45, None, window_base_mix=0.3)
    # the city's carpet of lights below the far towers
    far.rect(-10, horizon + 36, W + 10, H + 10, mix(haze, NIGHT["navy"], 0.35))
    cr = rng("title:carpet")
    for _ in range(700):
        x, y = cr.uniform(0, W), horizon + 40 + (H - horizon - 40) * cr.random() ** 1.4
        tint = rgb(choice(cr, [NIGHT["amber"], NIGHT["amber"], "#f4e3c3", NIGHT["cyan"]]))
        far.rect(x, y, x + 1.6, y + 1.2, None, tint * cr.uniform(0.2, 0.6), base=False)
    img = far.over(img)
    light += far.light()
    mid = Sketch()
    mid_col = mix(NIGHT["navy"], NIGHT["magenta"], 0.28)
    namsan(mid, 830, horizon + 60, 1.25, mid_col, rgb(NIGHT["amber"]) * 1.2)
    mid_bs = [b for b in towers(r, -20, W + 20, 200, 290, 26, 70, (-6, 20)) if not (700 < (b["x0"] + b["x1"]) / 2 < 960)]
    draw_towers(mid, mid_bs, H + 10, mid_col,
                [NIGHT["amber"], NIGHT["cyan"]], 0.8, 0.2, 0.6, NIGHT["magenta"], window_base_mix=0.4)
    pm, a = mid.base()
    img = img * (1 - a[..., None]) + pm
    img += top_edge(a, 2)[..., None] * rgb(NIGHT["amber"]) * 0.25
    light += mid.light()
    img = glow(img, light, ((2, 0.6), (9, 0.45), (36, 0.3)))
    return img


def title_city(name: str) -> np.ndarray:
    """RGBA: two near layers of towers; the sky stays transparent."""
    r = rng(name)
    city_rgb = np.zeros((H, W, 3), np.float32)
    alpha = np.zeros((H, W), np.float32)
    light = np.zeros((H, W, 3), np.float32)

    def heights(bs: list[dict[str, Any]], fn: Callable[[float, float], float]) -> list[dict[str, Any]]:
        for b in bs:
            b["h"] = fn((b["x0"] + b["x1"]) / 2, b["h"])
        return bs

    # middle layer: lower on the left (the menu), dipping where Namsan shows, tall to the right
    def mid_h(x: float, h: float) -> float:
        prof = 160 + 120 * smoothstep(420, 1100, x) - 90 * math.exp(-((x - 830) / 110) ** 2)
        return prof * h / 100

    mid = Sketch()
    mid_col = mix(NIGHT["navy"], NIGHT["teal"], 0.18)
    bs = heights(towers(r, -30, W + 30, 70, 130, 34, 90, (-10, 6), 0.15), mid_h)
    draw_towers(mid, bs, H + 4, mid_col, [NIGHT["amber"], NIGHT["cyan"], "#f4e3c3"], 1.0, 0.16, 0.75,
                NIGHT["magenta"], edge=NIGHT["cyan"], window_base_mix=0.5)
    pm, a = mid.base()
    city_rgb = city_rgb * (1 - a[..., None]) + pm
    alpha = alpha * (1 - a) + a
    city_rgb += top_edge(a, 2)[..., None] * rgb(mix(NIGHT["magenta"], NIGHT["amber"], 0.6)) * 0.35 * a[..., None]
    light += mid.light()
    # a little haze over the middle layer (aerial perspective), strongest at its feet
    hz = smoothstep(420, 720, YY)[..., None] * 0.25
    city_rgb = city_rgb * (1 - hz * a[..., None]) + rgb(mix(NIGHT["navy"], NIGHT["magenta"], 0.3)) * hz * a[..., None]

    # near layer: dark, low on the left, one big tower at the right edge, neon on a few faces
    def near_h(x: float, h: float) -> float:
        prof = 95 + 70 * smoothstep(300, 900, x) + 240 * smoothstep(1060, 1200, x)
        return prof * h / 100

    near = Sketch()
    near_col = mix(NIGHT["ink"], NIGHT["navy"], 0.45)
    bs = heights(towers(r, -30, W + 30, 70, 125, 60, 140, (-20, 0), 0.1), near_h)
    draw_towers(near, bs, H + 4, near_col, [NIGHT["amber"], "#f4e3c3"], 1.35, 0.1, 0.9, NIGHT["magenta"],
                window_base_mix=0.5, strips_p=0.15)
    # vertical neon signs on the near faces (abstract glyphs)
    for sx, sy, n, col, colw in ((560, 520, 4, NIGHT["magenta"], 2.2), (1105, 392, 5, NIGHT["cyan"], 2.4),
                                 (905, 470, 3, NIGHT["amber"], 2.0)):
        size = 26
        near.rect(sx - 6, sy - 8, sx + size + 6, sy + n * size * 1.22 + 2, mix(NIGHT["ink"], col, 0.12))
        near.rect(sx - 6, sy - 8, sx + size + 6, sy + n * size * 1.22 + 2, None, None, base=False)
        draw_glyphs(near, r, sx, sy, size, n, True, colw, mix(col, LIGHTEST, 0.45), rgb(col) * 1.2)
    # a horizontal sign band on a low roof right of the menu
    near.rect(640, 610, 800, 636, mix(NIGHT["ink"], NIGHT["cyan"], 0.1))
    draw_glyphs(near, r, 648, 615, 16, 6, False, 1.6, mix(NIGHT["cyan"], LIGHTEST, 0.4), rgb(NIGHT["cyan"]) * 1.1)
    pm, a = near.base()
    city_rgb = city_rgb * (1 - a[..., None]) + pm
    alpha = alpha * (1 - a) + a
    city_rgb += top_edge(a, 2)[..., None] * rgb(NIGHT["amber"]) * 0.3 * a[..., None]
    light = light * (1 - a[..., None]) + near.light()

    # the glow: inside the silhouettes it adds; in the sky it becomes a soft coloured halo
    g = blur(light, 3) * 0.7 + blur(light, 12) * 0.5 + blur(light, 40) * 0.25
    city_rgb = city_rgb + (light + g) * alpha[..., None]
    halo = g * (1 - alpha[..., None])
    ha = np.clip(halo.max(axis=-1), 0.0, 1.0)
    halo_col = halo / np.maximum(ha, 1e-4)[..., None]
    city_rgb = tone(city_rgb)
    city_rgb = city_rgb * alpha[..., None] + np.clip(halo_col, 0, 1) * (1 - alpha[..., None]) * (ha > 0)[..., None]
    alpha = np.clip(alpha + ha * 0.9, 0.0, 1.0)
    # no grain in empty sky: grain only where opaque
    out = np.concatenate([city_rgb, alpha[..., None]], axis=-1)
    g2 = grain(out, f"seoul:{name}")
    out[..., :3] = out[..., :3] * (1 - alpha[..., None]) + g2[..., :3] * alpha[..., None]
    return out


def seoul_dusk(name: str) -> np.ndarray:
    """The establishing shot: Seoul across the Han at dusk, a hologram whale between the towers."""
    r = rng(name)
    horizon = SEOUL_DUSK_HORIZON
    img = dusk_sky(r, horizon - 10)
    light = np.zeros_like(img)
    fade = 1 - smoothstep(110, 320, YY)
    light += starfield(r, 170, 3, 0, 260, tints=("#f4f1ea", "#cfe9ff"), cross=9, fade=fade)
    glow_col = mix(NIGHT["magenta"], NIGHT["amber"], 0.55)
    # 1: the ring of mountains in the far haze, violet against the afterglow
    for base_y, amp, col in ((372, 60, mix(mix(NIGHT["navy"], NIGHT["magenta"], 0.45), glow_col, 0.35)),
                             (400, 44, mix(NIGHT["navy"], NIGHT["magenta"], 0.42))):
        ridge = base_y - (line_noise(r, 360, 4) * amp + amp * 0.35)
        m = np.clip(YY - ridge[None, :] + 0.5, 0, 1)
        img = paint(img, m, col)
        img += top_edge(m, 1)[..., None] * glow_col * 0.12
    # 2: far towers, 3: Namsan, the needle and the middle towers, 4: the riverside towers
    far_col = mix(mix(NIGHT["navy"], NIGHT["magenta"], 0.5), glow_col, 0.22)
    mid_col = mix(NIGHT["navy"], NIGHT["magenta"], 0.3)
    near_col = mix(mix(NIGHT["ink"], NIGHT["navy"], 0.7), NIGHT["magenta"], 0.08)
    layers = [
        ({"x0": -20, "x1": W + 20, "hmin": 26, "hmax": 64, "wmin": 14, "wmax": 34, "gap": (-2, 5)}, 0.55, far_col, 0.45, 0.22, 0.3),
        ({"x0": -20, "x1": W + 20, "hmin": 46, "hmax": 120, "wmin": 22, "wmax": 50, "gap": (-4, 16)}, 0.75, mid_col, 0.7, 0.24, 0.22),
        ({"x0": -20, "x1": W + 20, "hmin": 60, "hmax": 200, "wmin": 30, "wmax": 74, "gap": (6, 80)}, 1.0, near_col, 1.0, 0.28, 0.14),
    ]
    for i, (tw, scale, col, gain, lit, side_k) in enumerate(layers):
        L = Sketch()
        if i == 1:
            namsan(L, 330, horizon - 2, 1.25, col, rgb(NIGHT["amber"]) * 1.1)
            lotte_tower(L, 1150, horizon + 2, 300, 46, col, glow_col, rgb(NIGHT["magenta"]) * 1.5)
        bs = towers(r, **tw, tall_p=0.16 if i == 2 else 0.1)
        if i == 2:  # keep Namsan in view
            bs = [b for b in bs if not (200 < (b["x0"] + b["x1"]) / 2 < 470)]
        if i == 1:
            bs = [b for b in bs if not (250 < (b["x0"] + b["x1"]) / 2 < 410)]
        draw_towers(L, bs, horizon + 2, col, [NIGHT["amber"], NIGHT["amber"], "#f4e3c3", NIGHT["cyan"]], scale, lit,
                    gain, NIGHT["magenta"], edge=NIGHT["cyan"], window_base_mix=0.5, side=glow_col, side_k=side_k)
        if i == 2:  # vertical neon on the tallest riverside towers
            tall = sorted(bs, key=lambda b: -b["h"])[:4]
            for j, b in enumerate(tall):
                sx = b["x0"] + 5 if j % 2 else b["x1"] - 21
                n = 3
                cc = [NIGHT["magenta"], NIGHT["cyan"], NIGHT["amber"], NIGHT["magenta"]][j]
                sy = horizon - b["h"] + 26
                L.rect(sx - 3, sy - 4, sx + 17, sy + n * 14 * 1.22 + 1, mix(col, cc, 0.18))
                draw_glyphs(L, r, sx, sy, 14, n, True, 1.3, mix(cc, LIGHTEST, 0.4), rgb(cc) * 1.1)
        pm, a = L.base()
        img = img * (1 - a[..., None]) + pm
        img += top_edge(a, 1)[..., None] * glow_col * (0.16 + 0.08 * i)
        light = light * (1 - a[..., None]) + L.light()
        if i == 1:
            # the hologram whale swims over the middle towers, projected from a rooftop
            wx, wy, wlen = 820, 205, 320
            wl = Sketch(emission=False)
            pts = whale_shape(wl, wx, wy, wlen, facing=-1)
            fill_m = wl.mask()
            ln = Sketch(emission=False)
            ln.line(pts + [pts[0]], 1.4, "#ffffff", caps=False)
            for g in range(5):  # throat grooves
                x0 = wx - wlen * 0.44
                ln.line([(x0 + g * 2, wy + wlen * 0.035 + g * 3.0), (x0 + wlen * 0.32, wy + wlen * 0.05 + g * 2.2)],
                        0.8, "#ffffff", caps=False)
            ln.ellipse(wx - wlen * 0.36, wy - wlen * 0.01, 2.4, 2.4, "#ffffff")
            line_m = ln.mask()
            holo = hologram(fill_m, line_m, NIGHT["cyan"], r, 0.15, 0.65, fringe=NIGHT["magenta"], glitch=4)
            # sparkle motes trailing the tail
            for _ in range(40):
                t = r.random()
                px = wx + wlen * 0.5 + t * 150 + r.normal(0, 6)
                py = wy - wlen * 0.12 + r.normal(0, 14) * (1 + t)
                add_star(holo, px, py, 0.25 * (1 - t) + 0.05, NIGHT["cyan"], 2)
            emitter = (980, 318)
            cone = [(emitter[0] - 2, emitter[1]), (emitter[0] + 2, emitter[1]), (wx + wlen * 0.3, wy + 30),
                    (wx - wlen * 0.25, wy + 26)]
            beam_m = shape_mask(lambda B, cone=cone: B.poly(cone, "#ffffff"))
            holo += blur(beam_m, 8)[..., None] * rgb(NIGHT["cyan"]) * 0.07
            light += holo
    # 5: the far bank, a bridge and its lamps
    bank = Sketch()
    bank_col = mix(NIGHT["ink"], NIGHT["navy"], 0.6)
    bank.rect(-10, horizon - 3, W + 10, horizon + 6, bank_col)
    by = horizon - 16
    bank.rect(-10, by, W + 10, by + 4, mix(bank_col, glow_col, 0.12))
    for x in np.arange(-10, W + 10, 110):
        bank.rect(x, by + 4, x + 9, horizon + 4, mix(bank_col, glow_col, 0.06))
    for x in np.arange(4, W, 22):
        bank.ellipse(x, by - 1.5, 1.3, 1.3, None, rgb(NIGHT["amber"]) * 1.2, base=False)
    pm, a = bank.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + bank.light()
    # 6: the river: a darkened mirror of sky and lights, broken into ripples
    water = smoothstep(horizon + 4, horizon + 6, YY)
    src_y = np.clip((2 * (horizon + 5) - YY).astype(int), 0, H - 1)
    mirror_sky = blur(img, 6, 1)[src_y, XX.astype(int)]
    ripple = fbm(r, 36, 4, sx=16, sy=0.45)
    water_col = mix(NIGHT["ink"], NIGHT["navy"], 0.6)
    depth = smoothstep(horizon, H, YY)[..., None]
    wimg = mirror_sky * (0.5 - 0.3 * depth) + water_col * (0.5 + 0.3 * depth)
    wimg *= (0.9 + 0.2 * ripple)[..., None]
    img = img * (1 - water[..., None]) + wimg * water[..., None]
    refl = reflect(light, float(horizon + 5), blur_y=16, blur_x=1.2, ripple=7, r=r)
    shimmer = 0.25 + 1.1 * smoothstep(0.4, 0.8, ripple)
    refl *= (shimmer * (1 - 0.7 * smoothstep(horizon, H, YY)))[..., None]
    light += refl * 1.1
    # air taxis: small lights with short trails
    for x, y, d in ((560, 120, 1), (600, 128, 1), (1060, 250, -1), (180, 190, -1)):
        path = [(x, y), (x - d * 46, y + 3)]
        trail = shape_mask(lambda B, path=path: B.line(path, 1.2, "#ffffff", caps=False))
        trail *= np.clip(1 - np.abs(XX - x) / 46, 0, 1)
        light += trail[..., None] * rgb(NIGHT["cyan"]) * 0.35
        add_star(light, x, y, 0.7, mix(NIGHT["amber"], LIGHTEST, 0.4), 4)
    # 7: the near bank: a promenade rail and one lamp post, dark against the water
    fg = Sketch()
    fg_col = mix(NIGHT["ink"], NIGHT["navy"], 0.25)
    fg.rect(-10, 664, W + 10, 670, fg_col)
    fg.rect(-10, 700, W + 10, H + 10, fg_col)
    for x in np.arange(10, W, 64):
        fg.rect(x, 664, x + 5, 704, fg_col)
    lx = DUSK_POST_X
    fg.rect(lx - 4, 250, lx + 4, 704, fg_col)
    fg.rect(lx - 10, 690, lx + 10, 704, fg_col)
    fg.line([(lx, 258), (lx + 6, 236), (lx + 34, 228)], 4, fg_col)
    fg.rrect(lx + 22, 226, lx + 58, 236, 4, fg_col)
    fg.ellipse(lx + 40, 238, 13, 3.5, None, rgb(NIGHT["amber"]) * 1.6, base=False)
    pm, a = fg.base()
    img = img * (1 - a[..., None]) + pm
    img += top_edge(a, 1)[..., None] * glow_col * 0.25
    light = light * (1 - a[..., None]) + fg.light()
    light += radial(lx + 40, 250, 70, 40)[..., None] * rgb(NIGHT["amber"]) * 0.1
    img = glow(img, light, ((2, 0.7), (8, 0.5), (34, 0.35)))
    img = calm_bottom(img, NIGHT["ink"], 0.35, 0.7)
    return img


PICTURES = (
    Picture("seoul_dusk", seoul_dusk,
            "Seoul at dusk across the Han: towers, Namsan tower, a hologram whale, the river mirroring the lights"),
    Picture("title_sky", title_sky,
            "title far layer: dusk sky over Seoul, Mars small and bright",
            folder="ui"),
    Picture("title_city", title_city,
            "title near layer: skyline silhouette with lit windows and neon (alpha)",
            look=flat, folder="ui", ext="png"),
)
