"""The city at night, shared by the Seoul pictures: the night palette, towers with lit windows,
Namsan and the Lotte tower, holograms, people, rain and wet reflections, the dusk sky.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from ..raster.blur import blur
from ..raster.colour import Colour, mix, rgb
from ..raster.compose import paint, shift
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import radial
from ..raster.noise import fbm, line_noise
from ..raster.vector import Point, Sketch, shape_mask

NIGHT = {"ink": "#0b0d1a", "navy": "#1b2340", "teal": "#2e5a6b", "magenta": "#c2408a", "amber": "#ffb454",
         "cyan": "#6fe3e1"}


def dusk_sky(r: np.random.Generator, horizon: float) -> np.ndarray:
    """Seoul's dusk: deep navy above, a magenta band, amber at the horizon; lit cloud streaks."""
    h = horizon / H
    navy, mag, amb = rgb(NIGHT["navy"]), rgb(NIGHT["magenta"]), rgb(NIGHT["amber"])
    sky = vgrad([(0.0, mix(NIGHT["ink"], navy, 0.55)), (h * 0.42, navy), (h * 0.68, mix(navy, mag, 0.38)),
                 (h * 0.87, mix(mag, amb, 0.35)), (h, mix(amb, mag, 0.25)), (1.0, mix(amb, mag, 0.3))])
    # a warm bloom round the sunken sun (right of centre)
    sun = radial(820, horizon + 30, 560, 150)
    sky = sky + sun[..., None] * rgb(NIGHT["amber"]) * 0.16
    # cloud streaks: long thin bands, lit from below
    n = fbm(r, 260, 5, sx=5.0, sy=0.6)
    band = smoothstep(0.55, 0.8, n) * smoothstep(horizon * 0.2, horizon * 0.55, YY) * (1 - smoothstep(horizon * 0.85, horizon, YY))
    under = mix(mag, amb, 0.3)
    lit = smoothstep(horizon * 0.4, horizon * 0.9, YY)[..., None]
    cloud_col = rgb(navy) * (1 - lit) * 0.9 + under * lit * 0.85
    sky = paint(sky, band * 0.55, cloud_col)
    return sky


def towers(r: np.random.Generator, x0: float, x1: float, hmin: float, hmax: float, wmin: float, wmax: float,
           gap: tuple[float, float] = (-6, 4), tall_p: float = 0.12) -> list[dict]:
    out = []
    x = x0 + r.uniform(-wmax, 0)
    while x < x1:
        w = r.uniform(wmin, wmax)
        h = r.uniform(hmin, hmax)
        if r.random() < tall_p:
            h *= r.uniform(1.25, 1.6)
        kind = r.choice(["flat", "flat", "step", "step", "spire", "antenna", "slant", "crown"])
        out.append({"x0": x, "x1": x + w, "h": h, "kind": str(kind), "seed": int(r.integers(1 << 30))})
        x += w + r.uniform(*gap)
    order = r.permutation(len(out))  # overlapping order, not left-to-right
    return [out[i] for i in order]


def draw_towers(L: Sketch, bs: list[dict[str, Any]], base: float, body: Colour, win_colours: Sequence[Colour], scale: float,
                lit: float, win_gain: float = 1.0, rooflight: str | None = "#c2408a", edge: Colour | None = None,
                window_base_mix: float = 0.6, strips_p: float = 0.3, side: Colour | None = None, side_k: float = 0.0) -> None:
    """Buildings with windows (emission) standing on y = base; ``scale`` sets the window grid."""
    body = rgb(body)
    wc = [rgb(c) for c in win_colours]
    for b in bs:
        rb = np.random.default_rng(b["seed"])
        x0, x1, top = b["x0"], b["x1"], base - b["h"]
        w = x1 - x0
        col = body * rb.uniform(0.9, 1.08)
        L.rect(x0, top, x1, base + 2, col)
        if side is not None and side_k > 0:  # the face turned to the light, a shade lighter
            f = rb.uniform(0.22, 0.4)
            L.rect(x1 - w * f, top, x1, base + 2, mix(col, side, side_k))
        k = b["kind"]
        if k == "step":
            inset = w * rb.uniform(0.15, 0.3)
            h2 = b["h"] * rb.uniform(0.06, 0.14)
            L.rect(x0 + inset, top - h2, x1 - inset, top + 1, col)
            if rb.random() < 0.5:
                L.rect(x0 + inset * 1.8, top - h2 * 1.8, x1 - inset * 1.8, top - h2 + 1, col)
        elif k == "spire":
            L.poly([(x0 + w * 0.3, top + 1), (x0 + w * 0.5, top - b["h"] * 0.22), (x0 + w * 0.7, top + 1)], col)
        elif k == "antenna":
            ax = x0 + w * rb.uniform(0.3, 0.7)
            ah = b["h"] * rb.uniform(0.12, 0.25)
            L.line([(ax, top), (ax, top - ah)], max(1.0, scale * 1.2), col, caps=False)
            if rooflight:
                L.ellipse(ax, top - ah, 1.6 * scale, 1.6 * scale, rooflight, rooflight, base=False)
        elif k == "slant":
            d = rb.choice([-1, 1])
            hh = min(w * 0.5, b["h"] * 0.2)
            pts = [(x0, top + 1), (x1, top + 1), (x1, top - (hh if d > 0 else 0)), (x0, top - (hh if d < 0 else 0))]
            L.poly(pts, col)
        elif k == "crown":
            L.rect(x0 + w * 0.1, top - 4 * scale, x1 - w * 0.1, top + 1, col)
            if edge is not None:
                L.rect(x0 + w * 0.1, top - 4 * scale, x1 - w * 0.1, top - 3 * scale, None, edge, base=False)
        # windows
        px, py = max(3.0, 6.0 * scale), max(3.0, 8.0 * scale)
        ww, wh = max(1.0, 2.6 * scale), max(1.0, 3.4 * scale)
        mx = max(2.0, 4.0 * scale)
        nx = int((w - 2 * mx) // px)
        ny = int((b["h"] - 6 * scale) // py)
        if nx < 1 or ny < 1:
            continue
        frac = lit * rb.uniform(0.3, 1.6)
        strips = rb.random() < strips_p
        cidx = int(rb.integers(0, len(wc)))
        ox = x0 + (w - (nx - 1) * px - ww) / 2
        for j in range(ny):
            yy = top + 5 * scale + j * py
            if yy + wh > base - 2:
                break
            if strips:
                if rb.random() < frac * 1.2:
                    e = wc[cidx] * rb.uniform(0.35, 0.8) * win_gain
                    L.rect(ox, yy, ox + (nx - 1) * px + ww, yy + wh * 0.55, mix(col, e, window_base_mix * 0.6), e)
                continue
            row_on = rb.random() < 0.85
            for i in range(nx):
                if row_on and rb.random() < frac:
                    c = wc[cidx] if rb.random() < 0.8 else wc[int(rb.integers(0, len(wc)))]
                    e = c * rb.uniform(0.3, 1.0) * win_gain
                    xx = ox + i * px
                    L.rect(xx, yy, xx + ww, yy + wh, mix(col, e, window_base_mix), e)


def lotte_tower(L: Sketch, cx: float, base: float, h: float, w: float, col: Colour, side: Colour, emit: Colour) -> None:
    """A super-tall tapering tower (the city's needle), split into a shade and a lit face."""
    n = 24
    left, right = [], []
    for i in range(n + 1):
        t = i / n
        half = w / 2 * (1 - t) ** 0.85 + 2.5
        left.append((cx - half, base - t * h))
        right.append((cx + half, base - t * h))
    L.poly(left + right[::-1], col)
    L.poly([(cx + 1, base)] + right + [(cx + 1, base - h)], mix(col, side, 0.25))
    L.line([(cx, base - h), (cx, base - h - h * 0.06)], 1.6, col, caps=False)
    L.ellipse(cx, base - h - h * 0.06, 2.0, 2.0, None, emit, base=False)
    for k in range(6):  # thin lit seams up the crown
        y = base - h * (0.8 + k * 0.03)
        t = (base - y) / h
        half = w / 2 * (1 - t) ** 0.85 + 2.5
        L.rect(cx - half + 1, y, cx + half - 1, y + 1.2, None, rgb(NIGHT["amber"]) * 0.5, base=False)


def namsan(L: Sketch, cx: float, base: float, scale: float, col: Colour, light_col: Colour) -> None:
    """Namsan with its tower: a soft hill, the tower's shaft, the observation pod and mast."""
    hill = [(cx - 260 * scale, base)]
    for i in range(81):
        t = i / 80
        x = cx + (t - 0.5) * 520 * scale
        y = (base - 70 * scale * math.exp(-((t - 0.5) / 0.28) ** 2) - 3.5 * scale * abs(math.sin(t * 41))
             - 2.5 * scale * math.sin(t * 13 + 1.0))
        hill.append((x, y))
    hill.append((cx + 260 * scale, base))
    L.poly(hill, col)
    top = base - 70 * scale
    L.rect(cx - 3.2 * scale, top - 95 * scale, cx + 3.2 * scale, top + 4, col)
    L.poly([(cx - 9 * scale, top + 2), (cx + 9 * scale, top + 2), (cx + 3.2 * scale, top - 30 * scale),
            (cx - 3.2 * scale, top - 30 * scale)], col)
    L.rrect(cx - 11 * scale, top - 112 * scale, cx + 11 * scale, top - 93 * scale, 3 * scale, col)
    L.rect(cx - 8 * scale, top - 108 * scale, cx + 8 * scale, top - 104 * scale, None, light_col, base=False)
    L.rect(cx - 1.3 * scale, top - 160 * scale, cx + 1.3 * scale, top - 110 * scale, col)
    L.ellipse(cx, top - 160 * scale, 1.8 * scale, 1.8 * scale, None, rgb(NIGHT["magenta"]) * 1.4, base=False)


def scanlines(period: float = 3.0, duty: float = 0.55, y0: float = 0.0) -> np.ndarray:
    ph = ((YY - y0) / period) % 1.0
    return (0.45 + 0.55 * (ph < duty)).astype(np.float32)


def hologram(fill_m: np.ndarray, line_m: np.ndarray, colour: Colour, r: np.random.Generator, fill_a: float = 0.22,
             line_a: float = 0.95, fringe: Colour | None = None, glitch: int = 3) -> np.ndarray:
    """Translucent projected light: a scanlined fill, brighter strokes, a chromatic fringe, glitch slices."""
    colour = rgb(colour)
    lum = fill_m * fill_a * scanlines() + line_m * line_a
    light = lum[..., None] * colour[None, None, :]
    if fringe is not None:
        fr = shift(line_m, 3, 0) * 0.35 + shift(fill_m, 3, 0) * 0.05
        light = light + fr[..., None] * rgb(fringe)[None, None, :]
    ys, _ = np.nonzero(fill_m > 0.05)
    if glitch and len(ys):
        for _ in range(glitch):
            y = int(r.uniform(ys.min(), ys.max()))
            hgt = int(r.integers(2, 7))
            dx = int(r.integers(-14, 15))
            light[y:y + hgt] = np.roll(light[y:y + hgt], dx, axis=1) * 1.2
    return light


def whale_shape(L: Sketch, cx: float, cy: float, length: float, facing: int = -1, fill: bool = True) -> list[Point]:
    """A whale's outline, head toward ``facing`` (-1 left); draws the filled body and fin into L if fill."""
    n = 40
    top, bot = [], []
    for i in range(n + 1):
        t = i / n
        th = length * 0.11 * (math.sin(math.pi * min(1.0, t * 0.9 + 0.08)) ** 0.7) * (1 - 0.8 * t ** 2.5)
        yc = cy - length * 0.08 * t ** 2.4
        x = cx + facing * (0.5 - t) * length
        top.append((x, yc - th * 0.85))
        bot.append((x, yc + th * 1.15))
    tx, ty = top[-1][0], (top[-1][1] + bot[-1][1]) / 2
    back = -facing
    flukes = [(tx + back * length * 0.08, ty - length * 0.13), (tx + back * length * 0.035, ty - length * 0.01),
              (tx + back * length * 0.1, ty + length * 0.06)]
    pts = top + flukes + bot[::-1]
    if fill:
        L.poly(pts, "#ffffff")
        fx, fy = cx + facing * length * 0.2, cy + length * 0.06
        L.poly([(fx, fy), (fx + back * length * 0.04, fy + length * 0.11),
                (fx + back * length * 0.13, fy + length * 0.04)], "#ffffff")
    return pts


def person(L: Sketch, x: float, base: float, h: float, colour: Colour, r: np.random.Generator,
           umbrella: Colour | None = None, emit: Colour | None = None) -> None:
    """A standing or walking figure seen from behind or in front: head, shoulders, arms, legs; a jacket,
    a long coat, a backpack or long hair so that a crowd is not a row of clones."""
    u = h / 7.2
    top = base - h
    kind = int(r.integers(0, 4))
    sw = u * float(r.uniform(0.82, 1.02))
    stride = float(r.uniform(-0.35, 0.35)) * u
    colour = rgb(colour)
    hy = top + 0.6 * u
    if kind == 3:  # long hair down to the shoulder blades
        L.poly([(x - 0.48 * u, hy - 0.2 * u), (x + 0.48 * u, hy - 0.2 * u), (x + 0.56 * u, hy + 1.6 * u),
                (x - 0.56 * u, hy + 1.6 * u)], colour)
    L.ellipse(x, hy, 0.4 * u, 0.52 * u, colour)
    L.rect(x - 0.17 * u, hy + 0.3 * u, x + 0.17 * u, hy + 0.85 * u, colour)
    hip = top + 3.85 * u
    hem = top + (5.3 if kind == 1 else 4.05) * u
    flare = 0.98 if kind == 1 else 0.8
    L.poly([(x - sw * 0.42, top + 1.12 * u), (x + sw * 0.42, top + 1.12 * u), (x + sw, top + 1.42 * u),
            (x + sw * 0.86, hip - 0.6 * u), (x + sw * flare, hem), (x - sw * flare, hem),
            (x - sw * 0.86, hip - 0.6 * u), (x - sw, top + 1.42 * u)], colour)
    swing = float(r.uniform(-0.25, 0.25)) * u
    for d in (-1, 1):  # arms, a little apart from the body
        L.line([(x + d * sw * 0.9, top + 1.5 * u), (x + d * sw * 1.08 + swing * d, top + 2.9 * u),
                (x + d * sw * 1.0 + swing * d * 1.4, top + 4.0 * u)], 0.44 * u, colour)
    for d, st_ in ((-1, stride), (1, -stride)):  # legs
        L.poly([(x + d * 0.62 * u, hip - 0.1 * u), (x + d * 0.04 * u, hip - 0.1 * u), (x + d * 0.1 * u + st_, base - 0.15 * u),
                (x + d * 0.48 * u + st_, base - 0.15 * u)], colour)
        L.ellipse(x + d * 0.3 * u + st_ * 1.05, base - 0.12 * u, 0.3 * u, 0.14 * u, colour)
    if kind == 2:  # a backpack's straps and bulk (a shade darker)
        L.rrect(x - sw * 0.6, top + 1.55 * u, x + sw * 0.6, top + 3.3 * u, 0.3 * u, colour * 0.8)
    if umbrella is not None:
        ux = x + float(r.uniform(-0.3, 0.3)) * u
        uy = top - 0.6 * u
        L.line([(ux, uy), (x + 0.4 * u, top + 2.4 * u)], max(1.0, 0.12 * u), colour, caps=False)
        L.poly([(ux - 2.1 * u, uy + 0.9 * u), (ux - 1.4 * u, uy + 0.1 * u), (ux, uy - 0.45 * u),
                (ux + 1.4 * u, uy + 0.1 * u), (ux + 2.1 * u, uy + 0.9 * u)], umbrella, emit)


def rain(r: np.random.Generator, n: int, length: tuple[float, float], angle: float, width: float,
         y0: float = -40, y1: float = H, blur_r: float = 0.0) -> np.ndarray:
    """A layer of rain streaks (mask 0..1); ``angle`` in degrees from vertical, positive leaning right."""
    im = Image.new("L", (W * 2, H * 2), 0)
    d = ImageDraw.Draw(im)
    a = math.radians(angle)
    sx, sy = math.sin(a), math.cos(a)
    xs = r.uniform(-60, W + 60, n)
    ys = r.uniform(y0, y1, n)
    ls = r.uniform(length[0], length[1], n)
    vs = r.uniform(90, 255, n)
    wi = max(1, int(round(width * 2)))
    for x, y, ln, v in zip(xs, ys, ls, vs):
        d.line([(x * 2, y * 2), ((x + sx * ln) * 2, (y + sy * ln) * 2)], fill=int(v), width=wi)
    m = np.asarray(im.reduce(2), np.float32) / 255.0
    if blur_r > 0:
        m = blur(m, blur_r)
    return m


def splashes(r: np.random.Generator, n: int, y0: float, y1: float, size: tuple[float, float]) -> np.ndarray:
    """Small ring ripples and ticks where rain hits the ground (mask)."""
    def fn(L: Sketch) -> None:
        for _ in range(n):
            y = r.uniform(y0, y1)
            t = (y - y0) / max(1.0, y1 - y0)
            rx = r.uniform(*size) * (0.4 + t)
            x = r.uniform(0, W)
            L.arc(x, y, rx, rx * 0.28, 180 + r.uniform(0, 40), 360 - r.uniform(0, 40), 0.9, "#ffffff", caps=False)
    return shape_mask(fn)


def reflect(light: np.ndarray, axis_y: float | np.ndarray, blur_y: float = 18.0, blur_x: float = 2.0,
            ripple: float = 4.0, r: np.random.Generator | None = None) -> np.ndarray:
    """Mirror ``light`` about the line y = axis_y (scalar or per column), blurred vertically, with ripples."""
    if np.isscalar(axis_y):
        src = np.clip((2 * axis_y - YY).astype(np.int32), 0, H - 1)
    else:
        src = np.clip((2 * axis_y[None, :] - YY).astype(np.int32), 0, H - 1)
    cols = XX.astype(np.int32)
    if ripple > 0 and r is not None:
        wob = (line_noise(r, 3.0, 3, w=H) * ripple)[:, None]
        cols = np.clip(cols + wob.astype(np.int32), 0, W - 1)
    out = light[src, cols]
    below = ((axis_y if np.isscalar(axis_y) else axis_y[None, :]) < YY).astype(np.float32)
    out = out * below[..., None]
    return blur(out, blur_y, blur_x)
