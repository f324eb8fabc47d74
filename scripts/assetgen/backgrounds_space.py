"""Backgrounds of the launch, the flight and Mars, the four ending cards and the gallery's locked card.

Painterly-flat layered vector (see docs/art-direction.md): sky gradients, 4-7 depth layers with aerial
perspective, strong light sources with additive glow, dust and haze from blurred noise, film grain.
Everything is seeded by the picture's name, so every run gives the same bytes.

    python scripts/assetgen/backgrounds_space.py [NAME ...]   # quick preview of some pictures
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from assetgen.common import HEIGHT, WIDTH, Made, grain, rgb_array, rng, save_jpeg, save_png
else:
    from .common import HEIGHT, WIDTH, Made, grain, rgb_array, rng, save_jpeg, save_png

SCRIPT = "scripts/assetgen/backgrounds_space.py"
H, W = HEIGHT, WIDTH
YY, XX = np.mgrid[0:H, 0:W].astype(np.float32)
DARKEST = np.array([11, 13, 19], np.float32) / 255.0  # no pure black (the contract's darkest is #0b0d1a)
LIGHTEST = rgb_array("#f4f1ea")  # no pure white

# --------------------------------------------------------------------------------------------------
# small float-image toolkit (everything is HxW or HxWx3 float32 in 0..1)
# --------------------------------------------------------------------------------------------------


def C(colour: str | np.ndarray) -> np.ndarray:
    if isinstance(colour, np.ndarray):
        return colour.astype(np.float32)
    return rgb_array(colour)


def mixc(a: str | np.ndarray, b: str | np.ndarray, t: float) -> np.ndarray:
    a = C(a) if isinstance(a, str) else a
    b = C(b) if isinstance(b, str) else b
    return (a * (1.0 - t) + b * t).astype(np.float32)


def smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _box_axis0(a: np.ndarray, r: int) -> np.ndarray:
    n = a.shape[0]
    p = np.concatenate([np.repeat(a[:1], r + 1, axis=0), a, np.repeat(a[-1:], r, axis=0)], axis=0)
    c = np.cumsum(p, axis=0, dtype=np.float32)
    return (c[2 * r + 1 : 2 * r + 1 + n] - c[:n]) / float(2 * r + 1)


def _gauss(a: np.ndarray, sigma: float, passes: int = 3) -> np.ndarray:
    r = max(1, int(round((math.sqrt(12.0 / passes * sigma * sigma + 1.0) - 1.0) / 2.0)))
    a = np.ascontiguousarray(a, dtype=np.float32)
    for _ in range(passes):
        a = _box_axis0(a, r)
    a = np.ascontiguousarray(np.swapaxes(a, 0, 1))
    for _ in range(passes):
        a = _box_axis0(a, r)
    return np.ascontiguousarray(np.swapaxes(a, 0, 1))


def fblur(a: np.ndarray, radius: float) -> np.ndarray:
    """Float Gaussian blur (three box passes); large radii run at reduced resolution and are upscaled."""
    if radius < 0.5:
        return a.astype(np.float32).copy()
    a = np.asarray(a, np.float32)
    flat = a.ndim == 2
    if flat:
        a = a[..., None]
    f = 8 if radius >= 20 else (4 if radius >= 9 else (2 if radius >= 3.5 else 1))
    h, w, c = a.shape
    if f == 1:
        out = _gauss(a, radius, passes=2)
    else:
        hs, ws = -(-h // f), -(-w // f)
        p = np.pad(a, ((0, hs * f - h), (0, ws * f - w), (0, 0)), mode="edge")
        small = p.reshape(hs, f, ws, f, c).mean(axis=(1, 3))
        small = _gauss(small, radius / f)
        chans = [
            np.asarray(Image.fromarray(np.ascontiguousarray(small[..., i]), "F").resize((ws * f, hs * f), Image.BILINEAR))
            for i in range(c)
        ]
        out = np.stack(chans, axis=-1)[:h, :w]
    return out[..., 0] if flat else out


def fbm(r: np.random.Generator, scale: float, octaves: int = 5, gain: float = 0.5,
        sx: float = 1.0, sy: float = 1.0, h: int = H, w: int = W) -> np.ndarray:
    """Fractal value noise in 0..1; ``scale`` is the largest feature in px, sx/sy stretch it."""
    out = np.zeros((h, w), np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gh = max(2, int(h / (s * sy)) + 3)
        gw = max(2, int(w / (s * sx)) + 3)
        g = r.random((gh, gw), dtype=np.float32)
        im = Image.fromarray(g, "F").resize((w, h), Image.BICUBIC, box=(1, 1, gw - 2, gh - 2))
        out += np.asarray(im, np.float32) * amp
        total += amp
        amp *= gain
        s /= 2.0
    out /= total
    lo, hi = np.percentile(out, 0.5), np.percentile(out, 99.5)
    return np.clip((out - lo) / (hi - lo + 1e-6), 0.0, 1.0)


def line_noise(r: np.random.Generator, scale: float, octaves: int = 5, gain: float = 0.5, w: int = W) -> np.ndarray:
    """1-D fractal noise in roughly -1..1 along x (for ridgelines)."""
    out = np.zeros(w, np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gw = max(2, int(w / s) + 3)
        g = r.random((1, gw), dtype=np.float32) * 2.0 - 1.0
        im = Image.fromarray(g, "F").resize((w, 1), Image.BICUBIC, box=(1, 0, gw - 2, 1))
        out += np.asarray(im, np.float32)[0] * amp
        total += amp
        amp *= gain
        s /= 2.0
    return out / total


def below(hline: np.ndarray, soft: float = 1.0) -> np.ndarray:
    """Anti-aliased mask of everything under a ridgeline y = hline[x]."""
    return np.clip((YY - hline[None, :]) / soft + 0.5, 0.0, 1.0)


def paint(img: np.ndarray, mask: np.ndarray, colour: np.ndarray | str, alpha: float = 1.0) -> np.ndarray:
    colour = C(colour) if isinstance(colour, str) else colour
    m = (mask * alpha)[..., None]
    return img * (1.0 - m) + colour * m


def shapes(draw_fn: Callable[[ImageDraw.ImageDraw, int], None], ss: int = 3, size: tuple[int, int] = (W, H)) -> np.ndarray:
    """Anti-aliased mask of shapes drawn by ``draw_fn(draw, ss)`` at ``ss`` times the size."""
    im = Image.new("L", (size[0] * ss, size[1] * ss), 0)
    draw_fn(ImageDraw.Draw(im), ss)
    return np.asarray(im.reduce(ss), np.float32) / 255.0


def sc(points, ss: int) -> list[tuple[float, float]]:
    return [(x * ss, y * ss) for x, y in points]


def radial(cx: float, cy: float, rx: float, ry: float | None = None, power: float = 2.0) -> np.ndarray:
    ry = rx if ry is None else ry
    d2 = ((XX - cx) / rx) ** 2 + ((YY - cy) / ry) ** 2
    return np.exp(-(d2 ** (power / 2.0))).astype(np.float32)


def glow(img: np.ndarray, light: np.ndarray, radii=((3, 0.8), (14, 0.6), (48, 0.45))) -> np.ndarray:
    """Additive light: the bright layer itself plus blurred copies of it."""
    out = img + light
    for radius, k in radii:
        out = out + fblur(light, radius) * k
    return out


def beam(px: float, py: float, angle: float, spread: float, length: float, soft_start: float = 20.0) -> np.ndarray:
    """A volumetric cone of light from (px, py) toward ``angle`` (radians, y down), 0..1."""
    dx, dy = XX - px, YY - py
    dist = np.sqrt(dx * dx + dy * dy) + 1e-3
    a = np.arctan2(dy, dx) - angle
    a = (a + np.pi) % (2 * np.pi) - np.pi
    cone = np.exp(-((a / spread) ** 2))
    fall = np.exp(-dist / length) * smoothstep(0.0, soft_start, dist)
    return (cone * fall).astype(np.float32)


def shift(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    out = np.zeros_like(mask)
    h, w = mask.shape
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[yd, xd] = mask[ys, xs]
    return out


def rim(mask: np.ndarray, dx: float, dy: float, width: float = 2.0) -> np.ndarray:
    """The edge of ``mask`` that faces the light coming from direction (dx, dy)."""
    n = math.hypot(dx, dy) or 1.0
    sx, sy = int(round(dx / n * width)), int(round(dy / n * width))
    edge = np.clip(mask - shift(mask, -sx, -sy), 0.0, 1.0)
    return fblur(edge, 0.6) * mask


def stars(r: np.random.Generator, n_faint: int, n_bright: int, y0: float = 0.0, y1: float = H,
          x0: float = 0.0, x1: float = W, tints=("#f4f1ea",), cross: float = 14.0) -> np.ndarray:
    """A star layer: many faint points and a few bright ones with soft crosses (light to add)."""
    layer = np.zeros((H, W, 3), np.float32)
    tint = [C(t) for t in tints]
    xs = r.uniform(x0, x1, n_faint)
    ys = r.uniform(y0, y1, n_faint)
    bs = 0.08 + 0.55 * r.random(n_faint) ** 3
    ks = r.integers(0, len(tint), n_faint)
    for x, y, b, k in zip(xs, ys, bs, ks):
        ix, iy = int(x), int(y)
        fx, fy = x - ix, y - iy
        for ox, oy, wgt in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
            if 0 <= ix + ox < W and 0 <= iy + oy < H:
                layer[iy + oy, ix + ox] += tint[k] * (b * wgt * 1.6)
    bx = r.uniform(x0 + 20, x1 - 20, n_bright)
    by = r.uniform(y0 + 10, y1 - 10, n_bright)
    bb = 0.6 + 0.4 * r.random(n_bright)
    bk = r.integers(0, len(tint), n_bright)
    for x, y, b, k in zip(bx, by, bb, bk):
        add_star(layer, x, y, b, tint[k], cross * (0.6 + 0.8 * b))
    return layer


def add_star(layer: np.ndarray, x: float, y: float, b: float, colour: np.ndarray, length: float) -> None:
    """One bright star with a soft four-point cross, added into ``layer`` in place."""
    R = int(length * 2.2) + 3
    ix, iy = int(round(x)), int(round(y))
    y0, y1, x0, x1 = max(0, iy - R), min(H, iy + R + 1), max(0, ix - R), min(W, ix + R + 1)
    if y0 >= y1 or x0 >= x1:
        return
    yy, xx = YY[y0:y1, x0:x1] - y, XX[y0:y1, x0:x1] - x
    core = np.exp(-(xx * xx + yy * yy) / 1.1)
    halo = np.exp(-np.sqrt(xx * xx + yy * yy) / 3.0) * 0.25
    cross_h = np.exp(-(yy * yy) / 0.35) * np.exp(-np.abs(xx) / (length * 0.45))
    cross_v = np.exp(-(xx * xx) / 0.35) * np.exp(-np.abs(yy) / (length * 0.45))
    layer[y0:y1, x0:x1] += (core + halo + 0.55 * (cross_h + cross_v))[..., None] * colour * b


def earth_dot(img: np.ndarray, x: float, y: float, size: float = 1.0) -> np.ndarray:
    """Earth seen from Mars: a small, clearly blue point with a soft cross and a blue halo."""
    layer = np.zeros_like(img)
    add_star(layer, x, y, 0.16 * size, C("#7fb0e0"), 14 * size)
    layer += radial(x, y, 2.6 * size)[..., None] * C("#7fb0e0") * 0.3
    out = glow(img, layer, ((2, 0.8), (7, 0.7), (22, 0.5)))
    return out + radial(x, y, 40 * size)[..., None] * C("#2f4f7a") * 0.12


def tone(img: np.ndarray) -> np.ndarray:
    """Soft highlight shoulder up to the lightest colour, floor at the darkest."""
    k = 0.82
    hi = LIGHTEST
    over = np.maximum(img - k, 0.0)
    soft = k + (hi - k) * (1.0 - np.exp(-over / (hi - k)))
    out = np.where(img > k, soft, img)
    return np.maximum(out, DARKEST).astype(np.float32)


def finish(img: np.ndarray, name: str) -> np.ndarray:
    """Tone, film grain, and a last clamp so that not even the grain reaches pure black or white."""
    return np.clip(grain(tone(img), f"space:{name}"), DARKEST, LIGHTEST).astype(np.float32)


def vgrad(stops: list[tuple[float, str]]) -> np.ndarray:
    ys = np.linspace(0.0, 1.0, H, dtype=np.float32)
    pos = [p for p, _ in stops]
    chans = [np.interp(ys, pos, [C(c)[i] for _, c in stops]) for i in range(3)]
    col = np.stack(chans, axis=-1).astype(np.float32)
    return np.repeat(col[:, None, :], W, axis=1)


# --------------------------------------------------------------------------------------------------
# the two leads as small full-figure silhouettes (rim-lit in their colours)
# --------------------------------------------------------------------------------------------------


def _limb(d: ImageDraw.ImageDraw, pts, width: float, ss: int) -> None:
    p = sc(pts, ss)
    d.line(p, fill=255, width=max(1, int(round(width * ss))), joint="curve")
    for x, y in (p[0], p[-1]):
        rr = width * ss / 2.0
        d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=255)


def figure(kind: str, cx: float, base: float, h: float, facing: int = 1, arm: str = "down",
           hand: tuple[float, float] | None = None, suit: bool = False, look_up: float = 0.0) -> dict[str, np.ndarray]:
    """Masks of one lead: 'body' (the silhouette), 'detail' (inner lighter shapes), 'glass', 'spark'.

    kind 'nan': short bob with a clipped side lock, high collar jacket (or her suit and helmet).
    kind 'jay': shaggy hair to the jaw, loose knit cardigan over a T-shirt, headphones round the neck.
    ``facing`` is +1 (turned to the right) or -1; ``arm`` 'down' or 'reach' (the front arm goes to ``hand``).
    """
    u = h / 7.2
    f = float(facing)
    top = base - h
    tilt = look_up * 0.1 * u
    hx, hy = cx + (0.06 * u + tilt) * f, top + 0.55 * u

    def X(v: float) -> float:
        return cx + v * u * f

    def Yp(v: float) -> float:
        return top + v * u

    nan = kind == "nan"
    bulk = 0.16 if suit else 0.0

    def legs(d: ImageDraw.ImageDraw, ss: int) -> None:
        hipw = (0.64 if nan else 0.7) + bulk
        for side in (-1, 1):
            outer = [(X(side * hipw), Yp(3.65)), (X(side * (0.47 + bulk)), Yp(5.3)), (X(side * (0.38 + bulk * 0.6)), Yp(6.95))]
            inner = [(X(side * (0.16 + bulk * 0.5)), Yp(6.95)), (X(side * 0.1), Yp(5.3)), (X(side * 0.03), Yp(3.95))]
            d.polygon(sc(outer + inner + [(X(0), Yp(3.7))], ss), fill=255)
            fx = X(side * (0.27 + bulk * 0.5))
            d.ellipse(sorted_box(fx - 0.2 * u + 0.1 * u * f, base - 0.2 * u, fx + 0.24 * u + 0.1 * u * f, base + 0.02 * u, ss), fill=255)

    def arm_poly(d, ss, shoulder, elbow, wrist, w0, w1):
        _limb(d, [shoulder, elbow], w0, ss)
        _limb(d, [elbow, wrist], w1, ss)
        rr = w1 * 0.58
        d.ellipse(sorted_box(wrist[0] - rr, wrist[1] - rr * 0.5, wrist[0] + rr, wrist[1] + rr * 1.5, ss), fill=255)

    def body(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(hx - 0.36 * u, hy - 0.5 * u, hx + 0.38 * u, hy + 0.5 * u, ss), fill=255)
        if nan:
            # bob: a rounded cap cut straight above the chin; a longer clipped lock on the front side
            d.ellipse(sorted_box(hx - 0.47 * u, hy - 0.62 * u, hx + 0.46 * u, hy + 0.3 * u, ss), fill=255)
            d.polygon(sc([(hx - 0.47 * u, hy - 0.1 * u), (hx + 0.46 * u, hy - 0.1 * u),
                          (hx + 0.47 * u, hy + 0.33 * u), (hx - 0.49 * u, hy + 0.36 * u)], ss), fill=255)
            lx = hx + 0.34 * u * f
            d.polygon(sc([(lx - 0.1 * u * f, hy + 0.1 * u), (lx + 0.12 * u * f, hy + 0.05 * u),
                          (lx + 0.1 * u * f, hy + 0.62 * u), (lx - 0.07 * u * f, hy + 0.7 * u)], ss), fill=255)
            if suit:
                d.rounded_rectangle(sorted_box(X(-0.66), Yp(1.02), X(0.66), Yp(1.4), ss), radius=0.1 * u * ss, fill=255)
            else:  # high collar rising to the jaw
                d.polygon(sc([(X(-0.25), Yp(0.9)), (X(0.24), Yp(0.9)), (X(0.36), Yp(1.45)), (X(-0.38), Yp(1.45))], ss), fill=255)
            sw, ww = 0.84 + bulk, 0.56 + bulk
            torso = [(X(-0.5), Yp(1.3)), (X(0.5), Yp(1.3)), (X(sw), Yp(1.52)), (X(sw - 0.1), Yp(2.3)), (X(ww), Yp(3.0)),
                     (X(ww + 0.12), Yp(3.75)), (X(-ww - 0.12), Yp(3.75)), (X(-ww), Yp(3.0)), (X(-sw + 0.1), Yp(2.3)), (X(-sw), Yp(1.52))]
            d.polygon(sc(torso, ss), fill=255)
            if suit:  # life-support pack on the back
                d.rounded_rectangle(sorted_box(X(-0.7), Yp(1.4), X(-1.2), Yp(3.0), ss), radius=0.2 * u * ss, fill=255)
            legs(d, ss)
            w0, w1 = (0.3 + bulk) * u, (0.24 + bulk) * u
            bs, fs = (X(-sw + 0.1), Yp(1.62)), (X(sw - 0.1), Yp(1.62))
            arm_poly(d, ss, bs, (X(-sw - 0.1), Yp(2.75)), (X(-sw + 0.02), Yp(3.75)), w0, w1)
            if arm == "reach" and hand is not None:
                el = (fs[0] + (hand[0] - fs[0]) * 0.45 + 0.05 * u * f, fs[1] + (hand[1] - fs[1]) * 0.55 + 0.35 * u)
                arm_poly(d, ss, fs, el, hand, w0, w1)
            else:
                arm_poly(d, ss, fs, (X(sw + 0.1), Yp(2.75)), (X(sw - 0.02), Yp(3.75)), w0, w1)
        else:
            # shaggy hair falling to the jaw: a crown with soft bumps, uneven strands at the bottom edge
            pts = []
            n = 13
            for i in range(n + 1):
                a = math.pi + math.pi * i / n
                bump = 0.05 * u * (1 if i % 2 else -0.3) + 0.02 * u * math.sin(i * 2.3)
                pts.append((hx + math.cos(a) * (0.52 * u + bump), hy - 0.06 * u + math.sin(a) * (0.62 * u + bump)))
            right = [(hx + 0.56 * u, hy + 0.1 * u), (hx + 0.54 * u, hy + 0.46 * u), (hx + 0.46 * u, hy + 0.36 * u),
                     (hx + 0.44 * u, hy + 0.6 * u), (hx + 0.34 * u, hy + 0.4 * u), (hx + 0.3 * u, hy + 0.52 * u), (hx + 0.22 * u, hy + 0.2 * u)]
            left = [(hx - 0.22 * u, hy + 0.2 * u), (hx - 0.32 * u, hy + 0.55 * u), (hx - 0.38 * u, hy + 0.38 * u),
                    (hx - 0.47 * u, hy + 0.62 * u), (hx - 0.52 * u, hy + 0.4 * u), (hx - 0.58 * u, hy + 0.48 * u), (hx - 0.57 * u, hy + 0.1 * u)]
            d.polygon(sc(pts + right + [(hx, hy - 0.1 * u)] + left, ss), fill=255)
            d.polygon(sc([(X(-0.15), Yp(0.95)), (X(0.15), Yp(0.95)), (X(0.18), Yp(1.5)), (X(-0.18), Yp(1.5))], ss), fill=255)
            # headphones resting round the neck: the cups sit on the collarbones
            for side in (-1, 1):
                cxp = X(side * 0.4)
                d.ellipse(sorted_box(cxp - 0.2 * u, Yp(1.12), cxp + 0.2 * u, Yp(1.56), ss), fill=255)
            # loose cardigan: slouched shoulders, long flared hem
            sw = 0.94
            torso = [(X(-0.5), Yp(1.4)), (X(0.5), Yp(1.4)), (X(sw), Yp(1.62)), (X(sw - 0.04), Yp(2.4)), (X(0.78), Yp(3.1)),
                     (X(0.92), Yp(4.15)), (X(0.3), Yp(4.22)), (X(-0.3), Yp(4.22)), (X(-0.92), Yp(4.15)), (X(-0.78), Yp(3.1)),
                     (X(-sw + 0.04), Yp(2.4)), (X(-sw), Yp(1.62))]
            d.polygon(sc(torso, ss), fill=255)
            legs(d, ss)
            w0, w1 = 0.36 * u, 0.32 * u
            bs, fs = (X(-sw + 0.08), Yp(1.7)), (X(sw - 0.08), Yp(1.7))
            # hands in the cardigan pockets, elbows out
            arm_poly(d, ss, bs, (X(-sw - 0.16), Yp(2.8)), (X(-0.66), Yp(3.55)), w0, w1)
            if arm == "reach" and hand is not None:
                el = (fs[0] + (hand[0] - fs[0]) * 0.45 + 0.05 * u * f, fs[1] + (hand[1] - fs[1]) * 0.55 + 0.4 * u)
                arm_poly(d, ss, fs, el, hand, w0, w1)
            else:
                arm_poly(d, ss, fs, (X(sw + 0.16), Yp(2.8)), (X(0.66), Yp(3.55)), w0, w1)

    def detail(d: ImageDraw.ImageDraw, ss: int) -> None:
        if not nan:
            # the T-shirt between the open cardigan fronts, and the headphone band over the throat
            d.polygon(sc([(X(-0.17), Yp(1.52)), (X(0.17), Yp(1.52)), (X(0.24), Yp(4.18)), (X(-0.22), Yp(4.18))], ss), fill=255)
            d.arc(sorted_box(X(-0.42), Yp(0.98), X(0.42), Yp(1.62), ss), 15, 165, fill=255, width=max(1, int(0.08 * u * ss)))
        elif not suit:
            # the jacket's zip and the collar's edge
            d.line(sc([(X(0.06), Yp(1.46)), (X(0.1), Yp(3.72))], ss), fill=255, width=max(1, int(0.05 * u * ss)))
            d.line(sc([(X(-0.36), Yp(1.44)), (X(0.34), Yp(1.44))], ss), fill=255, width=max(1, int(0.05 * u * ss)))
        else:
            d.rectangle(sorted_box(X(-0.3), Yp(1.9), X(0.3), Yp(2.3), ss), fill=255)  # chest panel

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        if suit:
            gx, gy, gr = hx + 0.02 * u * f, hy + 0.02 * u, 0.84 * u
            d.ellipse(sorted_box(gx - gr, gy - gr, gx + gr, gy + gr, ss), outline=255, width=max(1, int(0.06 * u * ss)))

    def spark(d: ImageDraw.ImageDraw, ss: int) -> None:
        if nan:  # the hair clip on her side lock catches the light
            lx = hx + 0.36 * u * f
            d.line(sc([(lx - 0.09 * u, hy + 0.22 * u), (lx + 0.1 * u, hy + 0.16 * u)], ss), fill=255, width=max(1, int(0.06 * u * ss)))

    # draw only in the figure's neighbourhood (fast), then place into a full-frame mask
    x0 = int(max(0, cx - 2.2 * u * 1.0 - (abs(hand[0] - cx) if hand else 0)))
    x1 = int(min(W, cx + 2.2 * u + (abs(hand[0] - cx) if hand else 0)))
    y0, y1 = int(max(0, top - 1.2 * u)), int(min(H, base + 0.5 * u))
    out = {}
    for key, fn in (("body", body), ("detail", detail), ("glass", glass), ("spark", spark)):
        pw, ph = x1 - x0, y1 - y0
        im = Image.new("L", (pw * 4, ph * 4), 0)
        dr = ImageDraw.Draw(im)
        fn(_Shifted(dr, -x0 * 4, -y0 * 4), 4)
        m = np.zeros((H, W), np.float32)
        m[y0:y1, x0:x1] = np.asarray(im.reduce(4), np.float32) / 255.0
        out[key] = m
    out["detail"] *= out["body"]
    return out


class _Shifted:
    """An ImageDraw wrapper that offsets every coordinate (already scaled) by (dx, dy)."""

    def __init__(self, draw: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        self.d, self.dx, self.dy = draw, dx, dy

    def _pts(self, xy):
        if xy and isinstance(xy[0], (int, float, np.floating)):
            return [v + (self.dx if i % 2 == 0 else self.dy) for i, v in enumerate(xy)]
        return [(x + self.dx, y + self.dy) for x, y in xy]

    def __getattr__(self, item):
        fn = getattr(self.d, item)

        def call(xy, *a, **k):
            return fn(self._pts(xy), *a, **k)

        return call


class _Offset:
    """An ImageDraw wrapper that draws shapes given round (0, 0) at the centre of its canvas."""

    def __init__(self, draw: ImageDraw.ImageDraw, centre: float) -> None:
        self.d, self.c = draw, centre

    def _pts(self, xy):
        if xy and isinstance(xy[0], (int, float)):
            return [v + self.c for v in xy]
        return [(x + self.c, y + self.c) for x, y in xy]

    def __getattr__(self, item):
        fn = getattr(self.d, item)

        def call(xy, *a, **k):
            return fn(self._pts(xy), *a, **k)

        return call


def sorted_box(x0: float, y0: float, x1: float, y1: float, ss: int) -> list[float]:
    return [min(x0, x1) * ss, min(y0, y1) * ss, max(x0, x1) * ss, max(y0, y1) * ss]


def render_figure(img: np.ndarray, light: np.ndarray, fig: dict[str, np.ndarray], base: str | np.ndarray,
                  rims: list[tuple[float, float, str, float, float]], detail: str | np.ndarray | None = None,
                  detail_alpha: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Paint a silhouette and put its rim lights (dx, dy, colour, strength, width) into ``light``."""
    body = fig["body"]
    img = paint(img, body, base)
    if detail is not None:
        img = paint(img, fig["detail"], detail, detail_alpha)
    for dx, dy, colour, strength, width in rims:
        light = light + rim(body, dx, dy, width)[..., None] * C(colour) * strength
    return img, light


# --------------------------------------------------------------------------------------------------
# the pictures
# --------------------------------------------------------------------------------------------------


def launch_site_dawn(name: str) -> np.ndarray:
    r = rng(name)
    horizon = 468.0
    img = vgrad([(0.0, "#141a33"), (0.3, "#3a3f6b"), (0.5, "#9a7fb0"), (0.6, "#ffb38a"), (horizon / H, "#ffe9c7"), (1.0, "#141a33")])
    # the dawn behind the rocket
    sun_x = 905.0
    warm = radial(sun_x, horizon + 10, 560, 210) * 0.55 + radial(sun_x, horizon + 5, 190, 70) * 0.6
    img = img * (1 - warm[..., None] * 0.3) + (C("#ffb38a") * 0.55 + C("#ffe9c7") * 0.45) * warm[..., None] * 0.6
    core = radial(sun_x, horizon + 4, 150, 34)
    img = img + core[..., None] * C("#ffe9c7") * 0.45
    # fading stars high up
    st = stars(r, 500, 9, 0, 330, tints=("#f4f1ea", "#ffe9c7", "#9a7fb0"), cross=10)
    fade = (1.0 - smoothstep(60, 330, YY)) * (1.0 - radial(sun_x, horizon, 520, 360) * 0.9)
    img = glow(img, st * fade[..., None] * 0.9, ((1.5, 0.6), (6, 0.25)))
    # long thin clouds lit from below
    cl = fbm(r, 340, 5, sx=6.0, sy=0.6)
    band = smoothstep(230, 300, YY) * (1 - smoothstep(380, 440, YY))
    cloud = smoothstep(0.52, 0.8, cl) * band
    lit = np.clip(radial(sun_x, horizon, 700, 400) * 1.3, 0, 1)[..., None]
    ccol = C("#9a7fb0") * (1 - lit) + (C("#ffb38a") * 0.7 + C("#ffe9c7") * 0.3) * lit
    img = paint(img, fblur(cloud, 2.0), ccol * 0.95, 0.75)
    under = cloud - shift(cloud, 0, 3)
    img = img + np.clip(under, 0, 1)[..., None] * C("#ffe9c7") * lit * 0.35
    # far hills in haze (two layers), sea on the right where the dawn opens
    far = horizon - 34 - 36 * line_noise(r, 420, 4) - 40 * smoothstep(0, 500, 620 - XX[0])
    far = np.minimum(far + smoothstep(520, 760, XX[0]) * 80, horizon + 2)
    img = paint(img, below(far, 1.5), mixc("#9a7fb0", "#ffb38a", 0.25) * 0.92)
    mid = horizon - 8 - 22 * np.abs(line_noise(r, 260, 4)) - 60 * (1 - smoothstep(0, 420, XX[0])) ** 2
    mid = np.minimum(mid + smoothstep(380, 560, XX[0]) * 60, horizon + 4)
    img = paint(img, below(mid, 1.2), mixc("#3a3f6b", "#9a7fb0", 0.55))
    sea = (horizon < YY).astype(np.float32)
    seacol = vgrad([(0.0, "#9a7fb0"), (horizon / H, "#ffb38a"), (0.72, "#3a3f6b"), (1.0, "#141a33")])
    img = img * (1 - sea[..., None]) + seacol * sea[..., None] * (1 - below(mid, 1.2)[..., None] * 0) * 1.0
    # glitter path of the dawn on the water
    ripples = fbm(r, 60, 4, sx=8.0, sy=0.25)
    path = np.exp(-((XX - sun_x) / (90 + np.maximum(YY - horizon, 0) * 1.2)) ** 2) * sea * np.exp(-(YY - horizon) / 40)
    img = img + (smoothstep(0.4, 0.8, ripples) * path)[..., None] * C("#ffe9c7") * 1.2
    img = img * (1 - (sea * (1 - smoothstep(0.3, 0.6, ripples)) * 0.12)[..., None])

    # the launch complex on the near shore
    shore = 492 + 6 * line_noise(r, 300, 3)
    land = below(shore, 1.0)
    img = paint(img, land, mixc("#141a33", "#3a3f6b", 0.55))
    # pad structures: hangar blocks, the tower, lightning masts, the rocket
    rx0 = 872.0
    pad = 500.0

    def structures(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, w_, h_ in ((560, 120, 28), (690, 60, 44), (1040, 150, 24), (1200, 60, 36), (470, 70, 18)):
            d.rectangle(sorted_box(x0, pad + 8 - h_, x0 + w_, pad + 10, ss), fill=255)
        d.polygon(sc([(760, pad + 10), (1000, pad + 10), (980, pad - 6), (780, pad - 6)], ss), fill=255)
        # umbilical tower: lattice
        tx0, tx1, tt = 812.0, 840.0, 112.0
        lw = max(1, int(1.6 * ss))
        d.line(sc([(tx0, pad), (tx0, tt)], ss), fill=255, width=int(3 * ss))
        d.line(sc([(tx1, pad), (tx1, tt)], ss), fill=255, width=int(3 * ss))
        y = pad
        k = 0
        while y > tt + 10:
            y2 = y - 22
            d.line(sc([(tx0, y), (tx1, y2)] if k % 2 else [(tx1, y), (tx0, y2)], ss), fill=255, width=lw)
            d.line(sc([(tx0, y2), (tx1, y2)], ss), fill=255, width=lw)
            y, k = y2, k + 1
        d.rectangle(sorted_box(tx0 - 6, tt - 10, tx1 + 10, tt, ss), fill=255)
        d.line(sc([(tx0 + 14, tt - 10), (tx0 + 14, tt - 40)], ss), fill=255, width=int(2 * ss))
        for ya in (170, 262, 380):  # swing arms
            d.line(sc([(tx1, ya), (rx0 - 18, ya + 4)], ss), fill=255, width=int(4 * ss))
        # lightning masts with their wires
        for mx, mt in ((700, 150), (1060, 140)):
            d.polygon(sc([(mx - 4, pad + 8), (mx + 4, pad + 8), (mx + 1.2, mt), (mx - 1.2, mt)], ss), fill=255)
        for a, b in (((700, 150), (880, 60 + 40)), ((1060, 140), (880, 100)), ((700, 150), (600, pad)), ((1060, 140), (1170, pad))):
            d.line(sc([a, b], ss), fill=255, width=max(1, int(0.8 * ss)))
        # floodlight poles
        for fx, fy in ((640, 420), (1130, 430), (980, 445)):
            d.line(sc([(fx, pad + 8), (fx, fy)], ss), fill=255, width=int(2 * ss))
            d.rectangle(sorted_box(fx - 9, fy - 6, fx + 9, fy + 2, ss), fill=255)

    struct = shapes(structures, ss=3)
    struct_col = mixc("#141a33", "#3a3f6b", 0.35)
    img = paint(img, struct, struct_col)

    # the rocket: cylinder with a nose cone and two strap-on boosters, lit from the dawn side
    def rocket(d: ImageDraw.ImageDraw, ss: int) -> None:
        bw, top = 18.0, 128.0
        d.rectangle(sorted_box(rx0 - bw, top + 60, rx0 + bw, pad - 6, ss), fill=255)
        d.pieslice(sorted_box(rx0 - bw, top - 10, rx0 + bw, top + 130, ss), 180, 360, fill=255)
        d.polygon(sc([(rx0 - bw, top + 60), (rx0 + bw, top + 60), (rx0 + bw, top + 62), (rx0 - bw, top + 62)], ss), fill=255)
        for sx in (-1, 1):
            bx = rx0 + sx * (bw + 9)
            d.rectangle(sorted_box(bx - 9, 330, bx + 9, pad - 2, ss), fill=255)
            d.pieslice(sorted_box(bx - 9, 300, bx + 9, 360, ss), 180, 360, fill=255)
            d.polygon(sc([(bx - 11, pad - 2), (bx + 11, pad - 2), (bx + 8, pad - 14), (bx - 8, pad - 14)], ss), fill=255)

    rk = shapes(rocket, ss=4)
    u = np.clip((XX - rx0) / 36.0, -1, 1)
    shade = 0.35 + 0.65 * np.clip(0.5 + 0.5 * u, 0, 1) ** 1.5  # brighter on the dawn side
    body_col = mixc("#3a3f6b", "#9a7fb0", 0.5)[None, None, :] * (0.45 + 0.6 * shade[..., None])
    warm_side = (np.clip(u, 0, 1) ** 2)[..., None] * smoothstep(120, 480, YY)[..., None]
    body_col = body_col * (1 - warm_side * 0.5) + C("#ffb38a") * warm_side * 0.5
    flood = smoothstep(200, 490, YY)[..., None] * 0.3
    body_col = body_col * (1 - flood) + C("#ffe9c7") * flood * 0.75
    band = ((np.abs(YY - 230) < 3) | (np.abs(YY - 300) < 2)).astype(np.float32)[..., None]
    body_col = body_col * (1 - band * 0.35)
    img = img * (1 - rk[..., None]) + body_col * rk[..., None]

    light = np.zeros_like(img)
    light += rim(rk, 1, 0.15, 2.0)[..., None] * C("#ffe9c7") * 0.85
    light += rim(rk, -1, 0.1, 1.2)[..., None] * C("#ffb38a") * 0.25
    light += rim(struct, 1, 0.2, 1.5)[..., None] * C("#ffb38a") * 0.4
    img = glow(img, light, ((1.5, 0.5), (6, 0.3)))
    # floodlights: hot points, beams through the morning mist toward the rocket
    points = np.zeros_like(img)
    beams = np.zeros(img.shape[:2], np.float32)
    for fx, fy, ang in ((640, 420, -0.38), (1130, 430, math.pi + 0.42), (980, 445, math.pi + 1.0)):
        points += radial(fx, fy - 2, 4.5, 2.6)[..., None] * C("#f4f1ea") * 1.6
        beams += beam(fx, fy - 2, ang, 0.13, 300.0)
    for wx, wy in ((826, 96), (826, 250), (700, 146), (1060, 136)):  # aircraft warning lamps
        points += radial(wx, wy, 1.8)[..., None] * C("#ffb38a") * 1.5
    # lit windows in the hangars
    for wx, wy, ww in ((580, 488, 30), (622, 492, 14), (700, 470, 8), (1060, 494, 40), (1212, 482, 10)):
        points += (np.clip(1 - np.abs(XX - wx - ww / 2) / (ww / 2), 0, 1) > 0).astype(np.float32)[..., None] * \
            (np.abs(YY - wy) < 1.6).astype(np.float32)[..., None] * C("#ffb38a") * 0.7
    img = img + fblur(beams, 2.0)[..., None] * C("#ffe9c7") * 0.16
    img = glow(img, points, ((2, 0.7), (10, 0.45), (36, 0.25)))

    # steam and mist round the pad
    mist = fbm(r, 120, 5, sx=3.0, sy=1.0)
    mband = np.exp(-((YY - 492) / 26.0) ** 2)
    steam = radial(rx0 - 20, pad - 6, 130, 40) * smoothstep(0.3, 0.8, fbm(r, 50, 4))
    m = np.clip(mband * smoothstep(0.35, 0.85, mist) * 0.55 + steam * 0.8, 0, 1)
    mcol = C("#9a7fb0") * 0.55 + C("#ffe9c7") * 0.45
    img = paint(img, fblur(m, 3.0), mcol, 0.55)

    # wet apron in front of the pad: the dawn, the rocket and the lights mirrored, broken by dry patches
    top_y = 504
    span = 90
    mirror = np.zeros_like(img)
    mirror[top_y:top_y + span] = img[top_y - 1:top_y - 1 - span:-1]
    mirror = fblur(mirror, 2.5)
    wet = smoothstep(0.45, 0.6, fbm(r, 90, 4, sx=4.0, sy=0.4)) * (top_y <= YY) * np.exp(-np.maximum(YY - top_y, 0) / 40.0)
    img = img * (1 - wet[..., None] * 0.5) + mirror * wet[..., None] * 0.5
    # foreground: a calm dark slope for the text box, a fence line catching the dawn
    fg = 560 + 26 * line_noise(r, 500, 3) - XX[0] * 0.02
    fgm = below(fg, 1.2)
    fgcol = vgrad([(0.0, "#3a3f6b"), (0.75, "#3a3f6b"), (0.85, "#141a33"), (1.0, "#141a33")])
    img = img * (1 - fgm[..., None]) + (fgcol * 0.75 + C("#141a33") * 0.25) * fgm[..., None]

    def fence(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x in np.arange(14.0, W, 52.0):
            yb = float(fg[int(x)]) + 6
            d.line(sc([(x, yb), (x + 1, yb - 30)], ss), fill=255, width=max(1, int(2.2 * ss)))
        xs = np.arange(0, W + 1, 8)
        for off in (24, 12):
            d.line(sc([(float(x), float(fg[min(int(x), W - 1)]) + 6 - off) for x in xs], ss), fill=255, width=max(1, int(1 * ss)))

    img = paint(img, shapes(fence, ss=3), mixc("#141a33", "#3a3f6b", 0.3), 0.8)
    # a few birds
    def birds(d: ImageDraw.ImageDraw, ss: int) -> None:
        for bx, by, s in ((300, 210, 7), (322, 222, 5), (280, 232, 6)):
            d.line(sc([(bx - s, by - s * 0.4), (bx, by), (bx + s, by - s * 0.5)], ss), fill=255, width=max(1, int(1.3 * ss)), joint="curve")

    img = paint(img, shapes(birds, ss=4), "#3a3f6b", 0.8)
    vign = smoothstep(0.55, 1.25, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 330) / 480) ** 2))
    img = paint(img, vign, "#141a33", 0.45)
    return img



def planet(cx: float, cy: float, R: float, light_dir: tuple[float, float, float], r: np.random.Generator,
           ocean: str, ocean_lit: str, cloud: str, land: str | None = None, atmo: str = "#9ad1ff",
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
    col = mixc(ocean, ocean_lit, 0.85) * shade * day[..., None] + C(ocean) * (1 - day[..., None]) * 0.35
    lm = np.zeros((H, W), np.float32)
    if land is not None:
        lm = smoothstep(0.6, 0.66, big[iy, ix])
        col = col * (1 - (lm * day)[..., None] * 0.85) + C(land) * shade * (lm * day)[..., None] * 0.85
        if city is not None:
            lights = (r.random((H, W)) > 0.955).astype(np.float32) * (1 - smoothstep(-0.2, 0.05, lam)) * disc * lm
            col = col + fblur(lights, 0.5)[..., None] * C(city) * 0.9
    cl = smoothstep(0.5, 0.78, small[iy, wx_]) * 0.95
    col = col * (1 - (cl * day)[..., None]) + C(cloud) * (0.2 + 0.8 * np.clip(lam, 0, 1))[..., None] * (cl * day)[..., None]
    limb = smoothstep(0.55, 1.0, np.sqrt(np.clip(d2, 0, 1)))[..., None] * day[..., None]
    col = col * (1 - limb * 0.35) + C(atmo) * limb * 0.35
    col = col * disc[..., None]
    ring = np.exp(-((np.sqrt(d2) - 1.0) * R / (R * 0.06 + 1.5)) ** 2) * np.clip(0.3 + lam * 1.2, 0, 1) * (1 - disc * 0.6)
    atm = ring[..., None] * C(atmo)
    return col, disc, atm


def spacecraft_cabin(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, "#1d2633"), (0.55, "#1d2633"), (1.0, "#0b0d1a")]) * 0.7 + C("#0b0d1a") * 0.3
    # cabin wall curving away at the sides
    curve = smoothstep(0.25, 1.0, np.abs(XX - 600) / 700)[..., None]
    img = img * (1 - curve * 0.6) + C("#0b0d1a") * curve * 0.6
    wx, wy, wr = 560.0, 262.0, 196.0
    dist = np.sqrt((XX - wx) ** 2 + (YY - wy) ** 2)

    # wall panels: slightly lighter plates with dark seams, arranged round the window
    def plates(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, y0, x1, y1 in ((-20, -20, 250, 200), (-20, 210, 250, 470), (880, -20, 1300, 150), (880, 160, 1300, 470),
                               (280, -20, 850, 40), (280, 490, 1300, 560), (-20, 480, 270, 560)):
            d.rounded_rectangle(sorted_box(x0, y0, x1, y1, ss), radius=18 * ss, fill=255)

    pl = shapes(plates, ss=2)
    img = paint(img, pl, "#3c4a5c", 0.16)
    # the window frame: thick bevelled ring
    frame = np.clip((wr + 46 - dist) + 0.5, 0, 1)
    img = paint(img, frame, mixc("#1d2633", "#3c4a5c", 0.38))
    bevel = np.clip((wr + 16 - dist) + 0.5, 0, 1)
    img = paint(img, bevel, mixc("#0b0d1a", "#1d2633", 0.7))
    # the ring darkens toward its outer edge (it curves away)
    img = img * (1 - ((frame - bevel) * smoothstep(wr + 20, wr + 46, dist) * 0.35)[..., None])
    ang = np.arctan2(YY - wy, XX - wx)
    # top-left of the frame catches the Earth light, bottom-right falls into shadow
    ring_shade = (np.cos(ang + 2.4) * 0.5 + 0.5)[..., None] * (frame - bevel)[..., None]
    img = img + ring_shade * C("#8fa3b8") * 0.18
    glass = np.clip((wr - dist) + 0.5, 0, 1)
    space = vgrad([(0.0, "#0b0d1a"), (1.0, "#1d2633")]) * 0.6 + C("#0b0d1a") * 0.4
    img = img * (1 - glass[..., None]) + space * glass[..., None]
    st = stars(r, 700, 5, wy - wr, wy + wr, wx - wr, wx + wr, tints=("#f4f1ea", "#9ad1ff", "#cfe9ff"), cross=9)
    img = glow(img, st * glass[..., None], ((1.2, 0.5), (5, 0.25)))
    # Earth, small and far already, a gibbous disc with its thin blue air
    ex, ey, er = 622.0, 318.0, 58.0
    col, disc, atm = planet(ex, ey, er, (-0.8, -0.45, 0.4), r, "#1d2633", mixc("#3c4a5c", "#9ad1ff", 0.6),
                            mixc("#f4f1ea", "#cfe9ff", 0.4), land=mixc("#3c4a5c", "#8fa3b8", 0.7), city="#ffc27a")
    disc = disc * glass
    img = img * (1 - disc[..., None]) + col * disc[..., None]
    img = glow(img, atm * glass[..., None], ((2, 0.6), (10, 0.5), (30, 0.35)))
    # the Moon, a pale sliver further off
    mcol, mdisc, _ = planet(470, 150, 9.0, (-0.8, -0.5, 0.45), r, "#8fa3b8", "#cfe9ff", "#cfe9ff", atmo="#8fa3b8")
    img = img * (1 - (mdisc * glass)[..., None]) + mcol * (mdisc * glass)[..., None]
    # window reflections: a soft diagonal sheen and the faint warm lamp reflected
    sheen = np.exp(-(((XX - wx) + (YY - wy) * 0.9 + 90) / 60.0) ** 2) * glass * 0.06
    img = img + sheen[..., None] * C("#cfe9ff")
    img = img + (radial(wx + 120, wy - 120, 40, 28) * glass)[..., None] * C("#ffc27a") * 0.06
    # bolts round the frame
    bolts = np.zeros((H, W), np.float32)
    for i in range(16):
        a = i / 16 * 2 * math.pi
        bolts = np.maximum(bolts, radial(wx + math.cos(a) * (wr + 31), wy + math.sin(a) * (wr + 31), 3.2, power=4))
    img = paint(img, bolts, "#3c4a5c", 0.9)
    light = np.zeros_like(img)
    light += (bolts - shift(bolts, 1, 1)).clip(0, 1)[..., None] * C("#8fa3b8") * 0.4
    # inner lip of the frame lit by the Earth
    lip = np.exp(-((dist - wr) / 2.0) ** 2) * np.clip(np.cos(ang - math.atan2(ey - wy, ex - wx)) * 0.5 + 0.5, 0, 1)
    light += lip[..., None] * C("#9ad1ff") * 0.45
    # blue spill on the wall round the window
    img = img + (radial(wx, wy, 360, 300) * (1 - frame))[..., None] * C("#9ad1ff") * 0.07

    # right: instrument column at an angle, rows of small indicators and one screen
    def column(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(930, 40), (1280, -20), (1280, 560), (930, 470)], ss), fill=255)

    colm = shapes(column, ss=2)
    img = paint(img, colm, mixc("#0b0d1a", "#1d2633", 0.8))
    img = img * (1 - (colm * smoothstep(930, 1280, XX) * 0.35)[..., None])

    def modules(d: ImageDraw.ImageDraw, ss: int) -> None:
        # panel modules in perspective (the column turns toward us on the right)
        for y0, y1 in ((70, 150), (160, 250), (262, 332)):
            for x0, x1 in ((948, 1080), (1092, 1265)):
                def yy(x, y):
                    t = (x - 930) / 350
                    return y + t * (-60 + (y - 40) * 0.25)
                d.polygon(sc([(x0, yy(x0, y0)), (x1, yy(x1, y0)), (x1, yy(x1, y1)), (x0, yy(x0, y1))], ss), fill=255)

    mods = shapes(modules, ss=2) * colm
    img = paint(img, mods, "#1d2633", 0.9)
    light_mod = np.clip(mods - shift(mods, 0, 2), 0, 1)
    img = img + light_mod[..., None] * C("#8fa3b8") * 0.15
    leds = np.zeros_like(img)
    rr = rng(name + ":leds")
    for cx0, cy0, n_, m_ in ((975, 95, 5, 2), (1115, 80, 7, 2), (975, 190, 4, 3), (1120, 175, 6, 3), (980, 290, 5, 1), (1120, 270, 3, 2)):
        for i in range(n_):
            for j in range(m_):
                x = cx0 + i * 18
                t = (x - 930) / 350
                y = cy0 + j * 16 + t * (-60 + (cy0 - 40) * 0.25)
                if rr.random() < 0.75:
                    c = ("#9ad1ff", "#9ad1ff", "#8fa3b8", "#cfe9ff", "#ffc27a")[int(rr.integers(0, 5))]
                    leds += radial(x, y, 2.0 + t, 1.5 + t * 0.8)[..., None] * C(c) * (0.35 + 0.6 * rr.random())
    # the small screen: abstract trajectory arc
    def screen(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(975, 370), (1190, 350), (1190, 450), (975, 440)], ss), fill=255)

    scm = shapes(screen, ss=2)
    img = paint(img, scm, mixc("#0b0d1a", "#1d2633", 0.6))
    def traj(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.arc(sorted_box(990, 370, 1300, 560, ss), 195, 265, fill=255, width=max(1, int(1.5 * ss)))
        d.ellipse(sorted_box(995, 415, 1007, 427, ss), outline=255, width=max(1, int(1.5 * ss)))
        d.ellipse(sorted_box(1148, 368, 1156, 376, ss), fill=255)
        for k in range(6):
            d.line(sc([(1000 + k * 30, 436 - k * 2), (1000 + k * 30, 430 - k * 2 - (k * 7 % 11))], ss), fill=255, width=max(1, int(2 * ss)))

    tr = shapes(traj, ss=3) * scm
    leds += tr[..., None] * C("#9ad1ff") * 0.55
    img = img + (scm * 0.05)[..., None] * C("#9ad1ff")
    # the one warm lamp on a gooseneck over the left plates
    def lamp(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(140, 0), (150, 40), (180, 80), (228, 104)], ss), fill=255, width=int(5 * ss), joint="curve")
        d.polygon(sc([(210, 94), (252, 104), (246, 124), (216, 122)], ss), fill=255)

    lm = shapes(lamp, ss=3)
    img = paint(img, lm, mixc("#0b0d1a", "#1d2633", 0.5))
    warm = np.zeros_like(img)
    warm += radial(232, 124, 9, 4)[..., None] * C("#ffc27a") * 1.6
    pool = beam(232, 120, 1.72, 0.42, 300.0, soft_start=8)
    img = img + (pool * (1 - frame))[..., None] * C("#ffc27a") * 0.32
    img = img + radial(210, 250, 190, 170)[..., None] * C("#ffc27a") * 0.07

    # a photo clipped to the wall under the lamp: two small figures, warm paper
    def photo(d: ImageDraw.ImageDraw, ss: int) -> None:
        pts = [(170, 226), (250, 218), (258, 306), (178, 314)]
        d.polygon(sc(pts, ss), fill=255)

    ph = shapes(photo, ss=3)
    img = paint(img, ph, mixc("#ffc27a", "#f4f1ea", 0.4) * 0.75)

    def photo_in(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(176, 232), (245, 225), (251, 286), (182, 293)], ss), fill=255)

    def photo_people(d: ImageDraw.ImageDraw, ss: int) -> None:
        for px, py, hr in ((205, 268, 4.6), (222, 265, 5.0)):
            d.ellipse(sorted_box(px - hr, py - hr * 1.1, px + hr, py + hr * 1.1, ss), fill=255)
            d.chord(sorted_box(px - 10, py + 5, px + 10, py + 40, ss), 180, 360, fill=255)

    pin = shapes(photo_in, ss=3)
    photo_sky = vgrad([(0.0, "#ffc27a"), (232 / H, "#ffc27a"), (275 / H, mixc("#ffc27a", "#3c4a5c", 0.5)), (300 / H, "#3c4a5c"), (1.0, "#3c4a5c")])
    img = img * (1 - pin[..., None]) + (photo_sky * 0.8 + C("#1d2633") * 0.2) * pin[..., None]
    img = img + (pin * radial(214, 270, 22, 10))[..., None] * C("#f4f1ea") * 0.25
    img = paint(img, fblur(shapes(photo_people, ss=3), 0.6) * pin, mixc("#1d2633", "#3c4a5c", 0.2), 0.85)
    img = img + (pin * smoothstep(300, 220, YY))[..., None] * C("#ffc27a") * 0.12
    light += rim(lm, 0.3, 1, 1.5)[..., None] * C("#ffc27a") * 0.5

    # a cassette tape drifting in front of the window, rim-lit by the lamp and the Earth
    def cassette(d: ImageDraw.ImageDraw, ss: int) -> None:
        cx, cy, a = 388.0, 392.0, -0.42
        ca, sa = math.cos(a), math.sin(a)

        def rot(pts):
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

    def placed(fn, cx=388.0, cy=392.0, a=-24.0):
        m = Image.new("L", (120 * 4, 120 * 4), 0)
        dd = ImageDraw.Draw(m)
        fn(_Offset(dd, 60 * 4), 4)
        m = m.rotate(-a, resample=Image.BICUBIC, center=(240, 240)).reduce(4)
        out = np.zeros((H, W), np.float32)
        out[int(cy) - 60:int(cy) + 60, int(cx) - 60:int(cx) + 60] = np.asarray(m, np.float32) / 255.0
        return out

    cs = placed(cassette)
    lab = placed(cassette_label)
    win = placed(cassette_window)
    reels = placed(cassette_reels)
    img = paint(img, cs, mixc("#1d2633", "#3c4a5c", 0.6))
    img = paint(img, lab, mixc("#8fa3b8", "#ffc27a", 0.35), 0.8)
    img = paint(img, win, "#1d2633", 0.95)
    img = paint(img, reels, "#8fa3b8", 0.6)
    light += rim(cs, -1, -1, 1.6)[..., None] * C("#ffc27a") * 0.7
    light += rim(cs, 1, -0.6, 1.3)[..., None] * C("#9ad1ff") * 0.45
    # the console edge in front: a calm dark shelf for the text box
    shelf = below(np.full(W, 560.0) + 0.0 * XX[0], 1.0)
    img = paint(img, shelf, mixc("#0b0d1a", "#1d2633", 0.55))
    img = img + np.exp(-((YY - 561) / 1.5) ** 2)[..., None] * C("#8fa3b8") * 0.16
    for k in range(9):
        leds += radial(120 + k * 130, 590 + (k % 2) * 6, 1.8)[..., None] * C("#9ad1ff" if k % 3 else "#ffc27a") * 0.35
    img = glow(img, leds, ((1.5, 0.7), (6, 0.5), (20, 0.25)))
    img = glow(img, warm, ((4, 0.8), (18, 0.6), (60, 0.5)))
    img = glow(img, light, ((1.5, 0.6), (6, 0.4)))
    # a strap floating across the near upper-left corner, out of focus
    def rail(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-30, 250), (120, -30)], ss), fill=255, width=int(26 * ss))
        d.line(sc([(1180, -30), (1300, 130)], ss), fill=255, width=int(20 * ss))

    stp = fblur(shapes(rail, ss=2), 6.0)
    img = paint(img, stp, "#0b0d1a", 0.92)
    img = img + np.clip(stp - shift(stp, 3, 3), 0, 1)[..., None] * C("#ffc27a") * 0.12
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 600) / 720) ** 2 + ((YY - 300) / 460) ** 2))
    img = paint(img, vign, "#0b0d1a", 0.55)
    return img



def module_depth(vx: float, vy: float, A: float, B: float, floor: float = 0.72) -> tuple[np.ndarray, np.ndarray]:
    """Depth scale of every pixel in a one-point view down a habitat module (superellipse cross-section
    with a flat floor): returns (s, is_floor); s is 1 at the picture plane, smaller further away."""
    dx, dy = (XX - vx) / A, (YY - vy) / B
    s_super = (np.abs(dx) ** 4 + np.abs(dy) ** 4) ** 0.25
    s_floor = np.maximum(dy, 1e-3) / floor
    is_floor = (dy > 0) & (np.abs(dx) <= 0.87 * s_floor) & (s_floor >= s_super)
    s = np.where(is_floor, s_floor, s_super)
    return s.astype(np.float32), is_floor.astype(np.float32)


def mars_window_view(r: np.random.Generator, x0: float, y0: float, x1: float, y1: float, sky_top: str, sky_low: str,
                     far: str, near: str, sun: tuple[float, float] | None = None, sun_col: str = "#ffc27a") -> np.ndarray:
    """A small Mars landscape (for windows): sky, two ridges, the ground; full-frame colour to be masked."""
    h = y1 - y0
    ys = np.clip((YY - y0) / h, 0, 1)
    view = C(sky_top) * (1 - ys[..., None]) + C(sky_low) * ys[..., None]
    r1 = y0 + h * 0.62 + h * 0.08 * line_noise(r, 160, 4)
    r2 = y0 + h * 0.78 + h * 0.06 * line_noise(r, 90, 4)
    view = paint(view, below(r1), mixc(far, sky_low, 0.45))
    r15 = y0 + h * 0.7 + h * 0.05 * line_noise(r, 120, 4)
    view = paint(view, below(r15), mixc(far, near, 0.5))
    view = paint(view, below(r2), near)
    view = view * (1 - (below(r2) * smoothstep(r2.min(), y1, YY) * 0.3)[..., None])
    if sun is not None:
        view = view + radial(sun[0], sun[1], 4, power=2)[..., None] * C(sun_col) * 1.2
        view = view + radial(sun[0], sun[1], 40, 30)[..., None] * C(sun_col) * 0.35
    return view


def habitat_interior(name: str) -> np.ndarray:
    r = rng(name)
    vx, vy, A, B = 640.0, 300.0, 560.0, 330.0
    s, fl = module_depth(vx, vy, A, B)
    back = 0.46
    t = np.clip((s - back) / (1.7 - back), 0, 1)  # 0 at the back wall, 1 at the camera
    wall_far, wall_near = C("#7a5446"), C("#1a1413")
    wall = wall_far * (1 - t[..., None]) ** 1.6 + wall_near * (1 - (1 - t[..., None]) ** 1.6)
    # the ceiling side sits darker than the walls, the floor darker still
    dyn = (YY - vy) / (B * np.maximum(s, 1e-3))
    ceil = smoothstep(-0.4, -0.95, dyn)
    wall = wall * (1 - ceil[..., None] * 0.35)
    floor_col = C("#3d2a24") * (1 - t[..., None]) ** 1.3 + C("#1a1413") * (1 - (1 - t[..., None]) ** 1.3)
    img = wall * (1 - fl[..., None]) + floor_col * fl[..., None]
    # longitudinal stringers and panel seams
    phi = np.arctan2((YY - vy) / B, (XX - vx) / A)
    stringer = np.exp(-((np.sin(phi * 7.0)) / 0.04) ** 2) * (1 - fl) * smoothstep(back, back + 0.1, s)
    img = img * (1 - stringer[..., None] * 0.25)
    depth = 1.0 / np.maximum(s, 1e-3)
    seams = np.exp(-((np.sin(depth * 9.0)) / 0.05) ** 2) * smoothstep(back, back + 0.08, s)
    img = img * (1 - seams[..., None] * (0.12 - 0.08 * fl[..., None]))
    # the back wall with its window onto the plain
    bw = (s < back).astype(np.float32)
    bw = fblur(bw, 0.7)
    img = paint(img, bw, mixc("#7a5446", "#c98b6b", 0.25))
    wx0, wy0, wx1, wy1 = vx - 170, vy - 105, vx + 170, vy + 55
    view = mars_window_view(r, wx0, wy0, wx1, wy1, "#c98b6b", "#ffc27a", "#c98b6b", "#7a5446", sun=(vx + 90, wy0 + 52))

    def window(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(wx0, wy0, wx1, wy1, ss), radius=48 * ss, fill=255)

    wm = shapes(window, ss=3)
    img = paint(img, fblur(wm, 6) * (1 - wm), "#3d2a24", 0.6)
    img = img * (1 - wm[..., None]) + view * wm[..., None]
    light = np.zeros_like(img)
    light += (wm * 0.12)[..., None] * C("#ffc27a")
    # daylight from the window washing the far walls and the floor
    img = img + (radial(vx, vy - 20, 380, 260) * (1 - wm))[..., None] * C("#c98b6b") * 0.22
    refl = radial(vx, vy + 60 + 150, 150, 120) * fl
    img = img + refl[..., None] * C("#c98b6b") * 0.12
    # ribs: rings of the module at a few depths, their inner edge catching the light
    for sk in (0.6, 0.78, 1.02, 1.38):
        th = 0.035 * sk
        ring = smoothstep(th, th * 0.6, np.abs(s - sk)) * (1 - fl)
        tt = (sk - back) / (1.7 - back)
        rib_col = mixc("#3d2a24", "#1a1413", min(1.0, tt * 1.2))
        img = paint(img, ring.astype(np.float32), rib_col)
        inner = smoothstep(th * 0.4, 0.0, np.abs(s - (sk - th * 0.85))) * ring
        img = img + inner[..., None] * C("#c98b6b") * (0.35 - tt * 0.2)

    # furniture: a bunk on the left wall, a console on the right, shelves
    def ppt(sv: float, ux: float, uy: float) -> tuple[float, float]:
        """Point at depth scale sv, at module coords (ux, uy) in units of A, B."""
        return vx + ux * A * sv, vy + uy * B * sv

    def box(s0, s1, xin, xwall, ytop, ybot):
        """Masks of a box against a side wall: (top, aisle side, near end)."""
        def top(d, ss):
            d.polygon(sc([ppt(s0, xwall, ytop), ppt(s1, xwall, ytop), ppt(s1, xin, ytop), ppt(s0, xin, ytop)], ss), fill=255)

        def side(d, ss):
            d.polygon(sc([ppt(s0, xin, ytop), ppt(s1, xin, ytop), ppt(s1, xin, ybot), ppt(s0, xin, ybot)], ss), fill=255)

        def end(d, ss):
            d.polygon(sc([ppt(s1, xwall, ytop), ppt(s1, xin, ytop), ppt(s1, xin, ybot), ppt(s1, xwall, ybot)], ss), fill=255)

        return shapes(top, 2), shapes(side, 2), shapes(end, 2)

    # the bunk: mattress box, a blanket thrown over its far half, a pillow
    top_, side_, end_ = box(0.66, 1.06, -0.6, -0.93, 0.3, 0.72)
    img = paint(img, side_, mixc("#1a1413", "#3d2a24", 0.6))
    img = paint(img, end_, "#1a1413", 0.95)
    img = paint(img, top_, mixc("#3d2a24", "#7a5446", 0.55))
    img = img + np.clip(top_ - shift(top_, 0, 2), 0, 1)[..., None] * C("#ffc27a") * 0.3
    bt_, bs_, be_ = box(0.8, 1.065, -0.585, -0.94, 0.285, 0.46)
    drape = smoothstep(0.0, 1.0, np.sin(XX * 0.07) * 0.5 + 0.5) * 0.25
    img = paint(img, np.maximum(bs_, be_), mixc("#7a5446", "#c98b6b", 0.12) * (1 - drape[..., None]))
    img = paint(img, bt_, mixc("#7a5446", "#c98b6b", 0.45))
    pt_, ps_, pe_ = box(0.68, 0.76, -0.66, -0.9, 0.24, 0.3)
    img = paint(img, np.maximum(pt_, np.maximum(ps_, pe_)), mixc("#c98b6b", "#ffc27a", 0.25), 0.9)
    # the console on the right, its screens on the wall above
    ct_, cs_, ce_ = box(0.64, 1.12, 0.6, 0.93, 0.22, 0.72)
    img = paint(img, cs_, mixc("#1a1413", "#3d2a24", 0.5))
    img = paint(img, ce_, "#1a1413", 0.95)
    img = paint(img, ct_, mixc("#3d2a24", "#7a5446", 0.4))
    img = img + np.clip(ct_ - shift(ct_, 0, 2), 0, 1)[..., None] * C("#6fe3e1") * 0.2

    def mug(d: ImageDraw.ImageDraw, ss: int) -> None:
        mx, my = ppt(0.98, 0.72, 0.22)
        d.rounded_rectangle(sorted_box(mx - 11, my - 26, mx + 11, my, ss), radius=3 * ss, fill=255)
        d.arc(sorted_box(mx + 6, my - 21, mx + 19, my - 8, ss), 270, 90, fill=255, width=3 * ss)

    mg = shapes(mug, ss=3)
    img = paint(img, mg, mixc("#7a5446", "#c98b6b", 0.3))
    light += rim(mg, -1, -0.5, 1.5)[..., None] * C("#ffc27a") * 0.5
    steam = fbm(r, 18, 3, sx=0.3, sy=2.0) * np.exp(-((XX - ppt(0.98, 0.72, 0.22)[0]) / 8.0) ** 2) * \
        smoothstep(ppt(0.98, 0.72, 0.22)[1] - 120, ppt(0.98, 0.72, 0.22)[1] - 40, YY) * (ppt(0.98, 0.72, 0.22)[1] - 28 > YY)
    img = img + fblur(steam, 2.5)[..., None] * C("#c98b6b") * 0.35

    def bezels(d: ImageDraw.ImageDraw, ss: int) -> None:
        for s0, s1 in ((0.69, 0.84), (0.88, 1.06)):
            d.polygon(sc([ppt(s0, 0.96, -0.34), ppt(s1, 0.96, -0.34), ppt(s1, 0.96, 0.12), ppt(s0, 0.96, 0.12)], ss), fill=255)

    def screens(d: ImageDraw.ImageDraw, ss: int) -> None:
        for s0, s1 in ((0.7, 0.83), (0.89, 1.05)):
            d.polygon(sc([ppt(s0, 0.96, -0.3), ppt(s1, 0.96, -0.3), ppt(s1, 0.96, 0.08), ppt(s0, 0.96, 0.08)], ss), fill=255)

    img = paint(img, shapes(bezels, ss=2), "#1a1413")
    scn = shapes(screens, ss=3)
    img = paint(img, scn, mixc("#1a1413", "#6fe3e1", 0.18))
    # abstract read-outs: a waveform band and a few level bars
    wave = np.exp(-((YY - (vy - 40 + 9 * np.sin(XX * 0.09 + XX * XX * 0.00004) * np.sin(XX * 0.023))) / 1.2) ** 2)
    lv = (np.sin(XX * 0.35) > 0.2) & (vy + 0.02 * B + 10 - 28 * fbm(r, 12, 2, sx=0.2) < YY) & (vy + 0.05 * B + 12 > YY)
    light += (scn * 0.16 + scn * wave * 0.6 + scn * lv * 0.3)[..., None] * C("#6fe3e1")
    img = img + (radial(1060, 300, 220, 180) * (1 - scn))[..., None] * C("#6fe3e1") * 0.05

    # shelves above the bunk with a few boxes and a small radio
    def shelf(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([ppt(0.72, -0.99, -0.3), ppt(1.2, -0.99, -0.3), ppt(1.2, -0.84, -0.3), ppt(0.72, -0.84, -0.3)], ss), fill=255)
        d.polygon(sc([ppt(0.72, -0.84, -0.3), ppt(1.2, -0.84, -0.3), ppt(1.2, -0.84, -0.27), ppt(0.72, -0.84, -0.27)], ss), fill=255)
        for sv, hgt, wdt in ((0.76, 0.14, 0.05), (0.84, 0.09, 0.08), (0.98, 0.17, 0.04), (1.08, 0.1, 0.07)):
            a_ = ppt(sv, -0.86, -0.3)
            b_ = ppt(sv + wdt, -0.86, -0.3 - hgt)
            d.rectangle(sorted_box(a_[0], a_[1], b_[0], b_[1], ss), fill=255)

    sh = shapes(shelf, ss=2)
    img = paint(img, sh, mixc("#1a1413", "#3d2a24", 0.6))
    img = img + np.clip(sh - shift(sh, -2, 0), 0, 1)[..., None] * C("#ffc27a") * 0.3

    # a round woven rug on the floor between the bunk and the console
    rug = np.clip((1.0 - np.sqrt(((XX - 630) / 250.0) ** 2 + ((YY - 548) / 46.0) ** 2)) * 60 + 0.5, 0, 1) * fl
    rug_in = np.clip((1.0 - np.sqrt(((XX - 630) / 222.0) ** 2 + ((YY - 548) / 39.0) ** 2)) * 60 + 0.5, 0, 1) * fl
    img = paint(img, rug, mixc("#3d2a24", "#7a5446", 0.45), 0.55)
    img = paint(img, rug_in, mixc("#3d2a24", "#7a5446", 0.25), 0.55)
    weave = (np.sin(np.sqrt(((XX - 630) / 250.0) ** 2 + ((YY - 548) / 46.0) ** 2) * 60) > 0.6) * rug_in
    img = img * (1 - (weave * 0.06)[..., None])
    # pendant lamps hanging on the centre line, warm pools on the floor
    lamps = np.zeros_like(img)
    for sv, ux in ((0.74, 0.16), (1.05, -0.2)):
        lx, top_y = ppt(sv, ux, -0.98)
        _, ly = ppt(sv, ux, -0.62)
        def pend(d, ss, lx=lx, top_y=top_y, ly=ly, sv=sv):
            d.line(sc([(lx, top_y), (lx, ly)], ss), fill=255, width=max(1, int(1.5 * ss)))
            w_ = 26 * sv
            d.polygon(sc([(lx - w_ * 0.35, ly), (lx + w_ * 0.35, ly), (lx + w_, ly + w_ * 0.7), (lx - w_, ly + w_ * 0.7)], ss), fill=255)

        pm = shapes(pend, ss=3)
        img = paint(img, pm, "#1a1413")
        lamps += radial(lx, ly + 26 * sv * 0.72, 12 * sv, 4 * sv)[..., None] * C("#ffc27a") * 1.4
        cone = beam(lx, ly + 10 * sv, math.pi / 2, 0.55, 260 * sv, soft_start=6)
        img = img + cone[..., None] * C("#ffc27a") * 0.12
        fx, fy = ppt(sv, ux, 0.72)
        img = img + (radial(fx, fy, 190 * sv, 36 * sv) * fl)[..., None] * C("#ffc27a") * 0.22
    img = glow(img, lamps, ((3, 0.8), (14, 0.6), (50, 0.5)))
    img = glow(img, light, ((2, 0.5), (10, 0.4), (36, 0.3)))
    # a soft floating dust in the window light
    dust = (r.random((H, W)) > 0.9992).astype(np.float32) * radial(vx, vy, 420, 300)
    img = img + fblur(dust, 0.7)[..., None] * C("#ffc27a") * 0.6
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 320) / 460) ** 2))
    img = paint(img, vign, "#1a1413", 0.55)
    return img



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
    img = vgrad([(0.0, "#1a1413"), (0.6, "#3d2a24"), (0.64, "#3d2a24"), (1.0, "#1a1413")])
    img = img * 0.75 + C("#1a1413") * 0.25
    # wall plates and a conduit
    def plates(d: ImageDraw.ImageDraw, ss: int) -> None:
        for x0, y0, x1, y1 in ((-20, -20, 330, 320), (-20, 330, 330, 470), (1040, -20, 1300, 200), (1040, 210, 1300, 470)):
            d.rounded_rectangle(sorted_box(x0, y0, x1, y1, ss), radius=14 * ss, fill=255)
        d.line(sc([(340, -10), (340, 470)], ss), fill=255, width=8 * ss)
        d.line(sc([(1025, -10), (1025, 470)], ss), fill=255, width=5 * ss)

    img = paint(img, shapes(plates, 2), "#3d2a24", 0.35)
    # a small porthole: Mars night, a few stars over the dark ridge
    px, py, pr = 1160.0, 150.0, 66.0
    dd = np.sqrt((XX - px) ** 2 + (YY - py) ** 2)
    pf = np.clip(pr + 16 - dd + 0.5, 0, 1)
    pg = np.clip(pr - dd + 0.5, 0, 1)
    img = paint(img, pf, mixc("#1a1413", "#3d2a24", 0.6))
    night = vgrad([(0.0, "#1a1413"), (0.12, "#1a1413"), (0.27, "#3d2a24"), (0.31, "#7a5446"), (1.0, "#1a1413")])
    img = img * (1 - pg[..., None]) + night * pg[..., None]
    ridge = py + 44 + 8 * line_noise(r, 60, 3)
    img = paint(img, below(ridge) * pg, "#1a1413")
    st = stars(r, 120, 2, py - pr, py + 20, px - pr, px + pr, tints=("#ffc27a", "#f4f1ea"), cross=6)
    img = glow(img, st * pg[..., None], ((1.2, 0.4),))
    light = np.zeros_like(img)
    light += np.exp(-((dd - pr) / 1.5) ** 2)[..., None] * C("#c98b6b") * 0.2 * (py > YY)[..., None]

    # the screen
    sx0, sy0, sx1, sy1 = 420.0, 66.0, 1000.0, 410.0

    def bezel(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0 - 18, sy0 - 18, sx1 + 18, sy1 + 18, ss), radius=22 * ss, fill=255)
        d.polygon(sc([(680, sy1 + 10), (740, sy1 + 10), (760, 470), (660, 470)], ss), fill=255)

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0, sy0, sx1, sy1, ss), radius=10 * ss, fill=255)

    bz = shapes(bezel, 3)
    gl = shapes(glass, 3)
    img = paint(img, bz, mixc("#1a1413", "#3d2a24", 0.4))
    light += rim(bz, -1, 0.3, 1.5)[..., None] * C("#ffc27a") * 0.3
    scr = C("#1a1413") * 0.7 + C("#6fe3e1") * 0.08
    img = paint(img, gl, scr)
    ui = comms_screen_ui(r, sx0 + 10, sy0 + 6, sx1 - 10, sy1 - 6, progress=0.62)
    scan = 0.85 + 0.15 * (np.sin(YY * 2.1) > 0)
    cyan = (ui * gl * scan)[..., None] * C("#6fe3e1")
    img = img + (gl * radial(710, 238, 360, 220) * 0.08)[..., None] * C("#6fe3e1")
    img = glow(img, cyan * 0.85, ((1.2, 0.5), (6, 0.4), (24, 0.25)))
    # the travelling pulse, brighter than the rest
    t = 0.62
    ax, bx = sx0 + 10 + (sx1 - sx0 - 20) * 0.08, sx0 + 10 + (sx1 - sx0 - 20) * 0.56
    ay = sy0 + 6 + (sy1 - sy0 - 12) * 0.2
    ppx = ax + (bx - ax) * t
    ppy = ay - math.sin(t * math.pi) * (sy1 - sy0 - 12) * 0.1
    pulse = np.zeros_like(img)
    add_star(pulse, ppx, ppy, 1.3, C("#6fe3e1"), 22)
    pulse += radial(ppx, ppy, 5)[..., None] * C("#6fe3e1") * 1.2
    img = glow(img, pulse, ((3, 0.8), (12, 0.6), (30, 0.3)))
    # screen glass: a faint reflection band
    img = img + (gl * np.exp(-(((XX - 500) - (YY - 60) * 1.4) / 50.0) ** 2) * 0.04)[..., None] * C("#f4f1ea")
    # cyan spill on the wall and the desk
    img = img + (radial(710, 240, 520, 330) * (1 - bz))[..., None] * C("#6fe3e1") * 0.06

    # the desk: warm surface, calm under the text box
    desk_y = 470.0
    desk = (desk_y <= YY).astype(np.float32)
    dcol = vgrad([(0.0, "#7a5446"), (desk_y / H, "#7a5446"), (0.76, "#3d2a24"), (1.0, "#1a1413")]) * 0.85 + C("#3d2a24") * 0.15
    dcol = dcol * (0.94 + 0.06 * fbm(r, 200, 3, sx=8.0, sy=0.2))[..., None]
    img = img * (1 - desk[..., None]) + dcol * desk[..., None]
    img = img + (np.exp(-((YY - desk_y) / 1.5) ** 2))[..., None] * C("#c98b6b") * 0.35
    img = img * (1 - (np.exp(-np.maximum(desk_y - YY, 0) / 10.0) * (desk_y > YY) * 0.4)[..., None])
    # screen reflection on the desk (blurred, faint)
    mirror = np.zeros_like(img)
    span = int(H - desk_y)
    src_y0 = int(2 * desk_y - H)
    mirror[int(desk_y):] = cyan[int(desk_y) - 1:src_y0 - 1:-1][:span] if src_y0 > 0 else 0
    mirror = fblur(mirror, 10.0)
    img = img + mirror * 0.25 * np.exp(-(YY - desk_y) / 80.0)[..., None] * desk[..., None]

    # desk lamp on the left, warm pool on the desk
    def lamp(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(40, 474, 130, 490, ss), fill=255)
        d.line(sc([(85, 480), (60, 330), (150, 250)], ss), fill=255, width=6 * ss, joint="curve")
        d.polygon(sc([(130, 236), (176, 252), (198, 300), (128, 280)], ss), fill=255)

    lm = shapes(lamp, 3)
    img = paint(img, lm, "#1a1413")
    warm = np.zeros_like(img)
    warm += radial(168, 290, 14, 7)[..., None] * C("#ffc27a") * 1.6
    img = img + (beam(168, 288, 1.2, 0.5, 400.0, 10) * 0.25)[..., None] * C("#ffc27a")
    img = img + (radial(300, 520, 300, 70) * desk)[..., None] * C("#ffc27a") * 0.25
    light += rim(lm, 1, 0.2, 1.5)[..., None] * C("#ffc27a") * 0.4

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
    img = paint(img, nt, mixc("#c98b6b", "#ffc27a", 0.3) * 0.55)
    scrib = (np.sin(YY * 1.1) > 0.85) * nt * smoothstep(0.3, 0.6, fbm(r, 14, 2, sx=3.0))
    img = img * (1 - (scrib * 0.18)[..., None])
    ph = shapes(photo, 3)
    img = paint(img, ph, mixc("#c98b6b", "#ffc27a", 0.4) * 0.6)
    pin = shapes(photo_in, 3)
    psky = vgrad([(0.0, "#ffc27a"), (200 / H, "#ffc27a"), (232 / H, "#7a5446"), (1.0, "#3d2a24")]) * 0.55
    img = img * (1 - pin[..., None]) + psky * pin[..., None]
    img = paint(img, shapes(people, 3) * pin, "#1a1413", 0.8)
    for px_, py_ in ((200, 100), (272, 124), (250, 194)):
        light += radial(px_, py_, 2.0)[..., None] * C("#c98b6b") * 0.6
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
    img = paint(img, mm, mixc("#1a1413", "#3d2a24", 0.5))
    img = paint(img, shapes(grille, 3) * mm, "#7a5446", 0.5)
    light += rim(mm, -1, -0.3, 2.0)[..., None] * C("#ffc27a") * 0.7
    light += rim(mm, 1, -0.2, 1.5)[..., None] * C("#6fe3e1") * 0.45
    # headphones lying on the desk, cable curling toward the screen
    def phones(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.arc(sorted_box(1040, 440, 1170, 540, ss), 180, 350, fill=255, width=7 * ss)
        d.ellipse(sorted_box(1026, 478, 1066, 514, ss), fill=255)
        d.ellipse(sorted_box(1146, 470, 1184, 504, ss), fill=255)
        d.line(sc([(1046, 512), (1010, 530), (960, 522), (900, 534), (860, 520)], ss), fill=255, width=2 * ss, joint="curve")

    hp = shapes(phones, 3)
    img = paint(img, hp, mixc("#1a1413", "#3d2a24", 0.6))
    light += rim(hp, -0.5, -1, 1.5)[..., None] * C("#6fe3e1") * 0.4
    # a mug
    def mug(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(560, 452, 598, 500, ss), radius=4 * ss, fill=255)
        d.arc(sorted_box(588, 462, 612, 488, ss), 270, 90, fill=255, width=4 * ss)

    mg = shapes(mug, 3)
    img = paint(img, mg, mixc("#7a5446", "#3d2a24", 0.4))
    light += rim(mg, -1, -0.3, 1.5)[..., None] * C("#ffc27a") * 0.35 + rim(mg, 1, -0.3, 1.5)[..., None] * C("#6fe3e1") * 0.3
    # object shadows on the desk
    shadow = fblur(shift(np.maximum(np.maximum(mm, hp), mg) * (YY > 440), 18, 6), 6.0) * desk
    img = img * (1 - shadow[..., None] * 0.35)
    img = glow(img, warm, ((4, 0.8), (18, 0.6), (60, 0.4)))
    img = glow(img, light, ((1.5, 0.6), (6, 0.3)))
    dust = (r.random((H, W)) > 0.9993).astype(np.float32) * beam(168, 288, 1.2, 0.5, 400.0, 10)
    img = img + fblur(dust, 0.7)[..., None] * C("#ffc27a") * 1.5
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 680) / 700) ** 2 + ((YY - 280) / 460) ** 2))
    img = paint(img, vign, "#1a1413", 0.6)
    return img



def ridge_layer(img: np.ndarray, hline: np.ndarray, colour, crest=None, crest_w: float = 6.0, crest_k: float = 0.35,
                fade_to=None, fade_h: float = 120.0, fade_k: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Paint everything under a ridgeline; optional lit crest band and a fade toward ``fade_to`` downward."""
    m = below(hline, 1.0)
    col = np.broadcast_to(C(colour), img.shape).astype(np.float32)
    if fade_to is not None:
        depth = np.clip((YY - hline[None, :]) / fade_h, 0, 1)[..., None]
        col = col * (1 - depth * fade_k) + C(fade_to) * depth * fade_k
    if crest is not None:
        band = np.exp(-np.maximum(YY - hline[None, :], 0) / crest_w)[..., None]
        col = col * (1 - band * crest_k) + C(crest) * band * crest_k
    return img * (1 - m[..., None]) + col * m[..., None], m


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
    img = vgrad([(0.0, mixc("#c96f3b", "#e8a56b", 0.55)), (0.25, mixc("#e8a56b", "#f0c99a", 0.25)), (0.5, mixc("#e8a56b", "#f0c99a", 0.7)),
                 (0.6, "#f0c99a"), (1.0, "#f0c99a")])
    sunx, suny = 935.0, 130.0
    img = img * (1 - radial(sunx, suny, 300, 260)[..., None] * 0.3) + radial(sunx, suny, 300, 260)[..., None] * mixc("#f0c99a", "#f4f1ea", 0.4) * 0.3
    # Phobos, a pale lump in the day sky
    ph = np.clip((6.0 - np.sqrt(((XX - 300) / 1.25) ** 2 + (YY - 96) ** 2)) + 0.5, 0, 1)
    img = paint(img, ph, mixc("#f0c99a", "#e8a56b", 0.3), 0.55)
    sun = np.zeros_like(img)
    sun += radial(sunx, suny, 8.5, power=8)[..., None] * C("#f4f1ea") * 1.2
    img = glow(img, sun, ((3, 0.7), (14, 0.5), (50, 0.35)))
    # thin high dust veils
    veil = fbm(r, 300, 5, sx=4.0, sy=0.6) * (1 - smoothstep(120, 380, YY))
    img = img + (smoothstep(0.5, 0.9, veil) * 0.08)[..., None] * C("#f0c99a")
    haze = C("#f0c99a")
    # 1: the far crater rim, almost lost in haze
    far = 372 + 10 * line_noise(r, 300, 5) - 18 * smoothstep(0, 400, XX[0]) * smoothstep(900, 500, XX[0])
    img, _ = ridge_layer(img, far, mixc("#e8a56b", haze, 0.55), fade_to=mixc("#e8a56b", haze, 0.35), fade_k=0.5, fade_h=40)
    # 2: buttes
    b = mesas(r, 404, [(170, 90, 70), (330, 40, 44), (1080, 120, 56), (1240, 50, 34)], rough=2.5)
    img, _ = ridge_layer(img, b, mixc("#c96f3b", haze, 0.5), crest=mixc("#f0c99a", "#e8a56b", 0.5), crest_w=4, crest_k=0.3)
    # strata on the buttes: faint horizontal bands
    strata = smoothstep(0.55, 0.75, fbm(r, 120, 3, sx=6.0, sy=0.05)) * below(b) * (YY < 404) * smoothstep(330, 360, YY)
    img = img * (1 - (strata * 0.06)[..., None])
    # 3: long dune field, lit flanks
    dn = 420 + 14 * line_noise(r, 220, 4)
    img, m3 = ridge_layer(img, dn, mixc("#c96f3b", haze, 0.25), crest=mixc("#e8a56b", haze, 0.3), crest_w=10, crest_k=0.5,
                          fade_to="#c96f3b", fade_k=0.4, fade_h=60)
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
    img = paint(img, hm, mixc("#9c4a2a", haze, 0.35))
    light = np.zeros_like(img)
    light += rim(hm, 1, -1, 1.2)[..., None] * C("#f4f1ea") * 0.4
    light += radial(726, 393, 1.6)[..., None] * C("#f4f1ea") * 1.2
    # 4: nearer ridge with a rocky crest
    nr = 468 + 20 * line_noise(r, 360, 5) + 26 * smoothstep(500, 1000, XX[0]) - 10 * smoothstep(1000, 1280, XX[0])
    img, m4 = ridge_layer(img, nr, "#9c4a2a", crest="#c96f3b", crest_w=8, crest_k=0.6, fade_to="#9c4a2a", fade_k=0.0)
    # wind ripples on the dune flank (faint, long)
    rip = (np.sin(YY * 0.9 + XX * 0.05 + fbm(r, 80, 3) * 9) > 0.8) * m3 * (1 - m4) * smoothstep(0.45, 0.7, fbm(r, 160, 3))
    img = img * (1 - (fblur(rip.astype(np.float32), 0.8) * 0.05)[..., None])
    rk, rkl = scatter_rocks(r, 26, 470, 520, (2.5, 7), 0, W)
    rk = rk * m4
    img = paint(img, rk, "#5a2e1f", 0.8)
    img = img + (rkl * m4)[..., None] * C("#e8a56b") * 0.15
    # 5: the foreground plain, calm for the text box, fine texture only
    fg = 540 + 8 * line_noise(r, 500, 4)
    img, m5 = ridge_layer(img, fg, mixc("#9c4a2a", "#5a2e1f", 0.35), crest=mixc("#c96f3b", "#9c4a2a", 0.5), crest_w=14, crest_k=0.5,
                          fade_to="#5a2e1f", fade_k=0.8, fade_h=180)
    tex = fbm(r, 30, 4, sx=3.0)
    img = img * (1 + ((tex - 0.5) * 0.07 * m5)[..., None])
    pebbles, plit = scatter_rocks(r, 30, 560, 715, (1.5, 5), 0, W)
    img = paint(img, pebbles * m5, "#5a2e1f", 0.5)
    img = img + (plit * m5)[..., None] * C("#c96f3b") * 0.12
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
    img = paint(img, tk * (0.35 + 0.3 * wid), "#5a2e1f", 0.55)
    # two bigger boulders at the sides, out of the way of the text: a dark body and a lit facet
    def boulders(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(-10, 600), (-4, 548), (34, 518), (92, 510), (146, 526), (184, 560), (196, 602)], ss), fill=255)
        d.polygon(sc([(1108, 596), (1124, 556), (1160, 530), (1214, 522), (1290, 536), (1290, 596)], ss), fill=255)

    def facets(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(34, 518), (92, 510), (146, 526), (184, 560), (120, 552), (70, 540)], ss), fill=255)
        d.polygon(sc([(1160, 530), (1214, 522), (1290, 536), (1290, 560), (1230, 556), (1180, 548)], ss), fill=255)

    bd = shapes(boulders, 3)
    fc = shapes(facets, 3) * bd
    bshadow = fblur(shift(bd, -30, 6), 5.0) * (1 - bd)
    img = img * (1 - (bshadow * 0.3)[..., None])
    bcol = np.broadcast_to(C("#5a2e1f"), img.shape) * (1.1 - 0.25 * smoothstep(515, 605, YY))[..., None]
    img = img * (1 - bd[..., None]) + bcol * bd[..., None]
    img = paint(img, fc, mixc("#9c4a2a", "#c96f3b", 0.3), 0.9)
    # low dust drifting in bands across the far layers
    dust = fbm(r, 160, 5, sx=5.0, sy=0.5)
    band = np.exp(-((YY - 420) / 40.0) ** 2) + 0.5 * np.exp(-((YY - 470) / 30.0) ** 2)
    img = paint(img, smoothstep(0.35, 0.85, dust) * band, "#f0c99a", 0.35)
    img = glow(img, light, ((1.5, 0.5), (6, 0.3)))
    vign = smoothstep(0.65, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 340) / 460) ** 2))
    img = paint(img, vign, "#5a2e1f", 0.35)
    return img



def mars_sunset(name: str) -> np.ndarray:
    r = rng(name)
    horizon = 452.0
    img = vgrad([(0.0, "#3b2a3a"), (0.35, "#5a3a4a"), (0.58, mixc("#5a3a4a", "#d9a07a", 0.45)), (horizon / H, mixc("#5a3a4a", "#d9a07a", 0.7)),
                 (1.0, "#3b2a3a")])
    sx, sy = 700.0, 418.0
    # the blue aureole: tall round the sun, a wider faint blue along the horizon
    blue1 = radial(sx, sy - 40, 230, 300, power=1.6)
    blue2 = radial(sx, sy, 90, 80)
    hband = radial(sx, horizon, 520, 60)
    img = img * (1 - blue1[..., None] * 0.75) + C("#2f4f7a") * blue1[..., None] * 0.75
    img = img * (1 - (hband * 0.4)[..., None]) + C("#2f4f7a") * (hband * 0.4)[..., None]
    img = img * (1 - blue2[..., None] * 0.8) + C("#7fb0e0") * blue2[..., None] * 0.8
    sun = np.zeros_like(img)
    sun += radial(sx, sy, 5.5, power=8)[..., None] * C("#f4f1ea") * 1.2
    sun += radial(sx, sy, 16, 14)[..., None] * C("#7fb0e0") * 0.35
    img = glow(img, sun, ((2, 0.6), (10, 0.45), (40, 0.35)))
    # stars coming out where the sky is darkest, and Earth: a small bright blue dot high up
    st = stars(r, 420, 3, 0, 330, tints=("#d9a07a", "#f4f1ea"), cross=6)
    fade = (1 - smoothstep(80, 330, YY)) * (1 - blue1 * 1.2).clip(0, 1)
    img = glow(img, st * fade[..., None] * 0.7, ((1.2, 0.5), (5, 0.2)))
    img = earth_dot(img, 404.0, 118.0, 1.3)
    # thin high cloud (water-ice) catching the blue
    cl = fbm(r, 260, 5, sx=5.0, sy=0.5)
    cband = smoothstep(250, 300, YY) * (1 - smoothstep(340, 400, YY))
    clm = smoothstep(0.55, 0.85, cl) * cband
    img = img + (fblur(clm, 1.5) * (0.25 + 0.6 * blue1))[..., None] * C("#7fb0e0") * 0.12
    # 1: far hills taking the blue haze
    far = horizon - 16 - 20 * line_noise(r, 380, 5) - 30 * smoothstep(400, 0, XX[0])
    img, mf = ridge_layer(img, far, mixc("#5a3a4a", "#2f4f7a", 0.45) * 0.9)
    near_sun = radial(sx, horizon, 420, 200)
    img = img + (np.exp(-np.maximum(YY - far[None, :], 0) / 3.0) * mf * near_sun)[..., None] * C("#7fb0e0") * 0.3
    # 2: mid ridge with the habitat on it, one warm window
    mid = horizon + 6 + 16 * line_noise(r, 260, 5) + 20 * smoothstep(500, 1100, XX[0])
    img, mm = ridge_layer(img, mid, mixc("#3b2a3a", "#5a3a4a", 0.42), fade_to=mixc("#3b2a3a", "#0b0d1a", 0.1), fade_k=0.6, fade_h=70)
    img = img + (np.exp(-np.maximum(YY - mid[None, :], 0) / 3.0) * mm * near_sun)[..., None] * C("#7fb0e0") * 0.25

    def hab(d: ImageDraw.ImageDraw, ss: int) -> None:
        hx = 1010.0
        hy = float(mid[int(hx)]) + 2
        d.chord(sorted_box(hx - 26, hy - 24, hx + 26, hy + 24, ss), 180, 360, fill=255)
        d.rectangle(sorted_box(hx + 20, hy - 10, hx + 62, hy, ss), fill=255)
        d.line(sc([(hx - 40, hy), (hx - 40, hy - 40)], ss), fill=255, width=max(1, int(1.4 * ss)))
        d.chord(sorted_box(hx - 52, hy - 50, hx - 30, hy - 34, ss), 200, 340, fill=255)

    hm = shapes(hab, 4)
    img = paint(img, hm, mixc("#3b2a3a", "#5a3a4a", 0.5))
    win = np.zeros_like(img)
    hy = float(mid[1010]) + 2
    win += radial(1040, hy - 5, 12, 1.6, power=6)[..., None] * C("#d9a07a") * 1.2
    win += radial(1006, hy - 3, 2.2, 4.5, power=6)[..., None] * C("#d9a07a") * 1.0
    win += radial(970, hy - 44, 1.3)[..., None] * C("#d9a07a") * 1.5
    win += rim(hm, -1, -0.6, 1.2)[..., None] * C("#7fb0e0") * 0.5
    img = glow(img, win, ((2, 0.7), (8, 0.5), (24, 0.3)))
    # 3: near ground falling into dusk, a rocky crest, long blue glints
    near = 520 + 24 * line_noise(r, 420, 5) - 34 * smoothstep(700, 0, XX[0]) ** 2
    img, mn = ridge_layer(img, near, mixc("#3b2a3a", "#5a3a4a", 0.25), fade_to=mixc("#3b2a3a", "#0b0d1a", 0.1), fade_k=0.9, fade_h=120)
    ripl = (np.sin(YY * 0.8 + XX * 0.02 + fbm(r, 90, 3) * 10) > 0.85) * mn * near_sun * smoothstep(0.4, 0.7, fbm(r, 150, 3))
    img = img + fblur(ripl.astype(np.float32), 0.8)[..., None] * C("#2f4f7a") * 0.18
    img = img + (np.exp(-np.maximum(YY - near[None, :], 0) / 6.0) * mn * near_sun)[..., None] * C("#2f4f7a") * 0.35
    rk, rkl = scatter_rocks(r, 24, 530, 600, (2, 6), 0, W)
    img = paint(img, rk * mn, "#3b2a3a", 0.9)
    img = img + (rkl * mn * (1 - smoothstep(0, 700, np.abs(XX - sx))))[..., None] * C("#2f4f7a") * 0.3
    # 4: the foreground: a dark calm slope for the text, a boulder at the left edge
    fg = 600 + 22 * line_noise(r, 300, 4) + 30 * smoothstep(300, 1280, XX[0])
    img, mfg = ridge_layer(img, fg, mixc("#3b2a3a", "#0b0d1a", 0.2))
    img = img + (np.exp(-np.maximum(YY - fg[None, :], 0) / 5.0) * mfg * near_sun)[..., None] * C("#2f4f7a") * 0.25

    def boulder(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(-10, 640), (20, 560), (80, 540), (150, 566), (186, 620), (-10, 660)], ss), fill=255)

    def facet(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(80, 540), (150, 566), (186, 620), (130, 600), (96, 570)], ss), fill=255)

    bd = shapes(boulder, 3)
    img = paint(img, bd, mixc("#3b2a3a", "#0b0d1a", 0.3))
    img = paint(img, shapes(facet, 3) * bd, mixc("#3b2a3a", "#2f4f7a", 0.35), 0.85)
    img = img + rim(bd, 1, -0.5, 1.5)[..., None] * C("#2f4f7a") * 0.35
    # a faint dust haze over the horizon
    dust = fbm(r, 180, 4, sx=5.0, sy=0.5)
    img = paint(img, smoothstep(0.4, 0.9, dust) * np.exp(-((YY - horizon) / 26.0) ** 2), mixc("#2f4f7a", "#d9a07a", 0.5), 0.25)
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 660) / 700) ** 2 + ((YY - 360) / 460) ** 2))
    img = paint(img, vign, "#3b2a3a", 0.5)
    return img



def lit_from(mask: np.ndarray, lx: float, ly: float, soft: float = 6.0) -> np.ndarray:
    """2-D Lambert shading of a silhouette's surface toward a point light at (lx, ly)."""
    m = fblur(mask, soft)
    gy, gx = np.gradient(m)
    n = np.sqrt(gx * gx + gy * gy) + 1e-4
    nx, ny = -gx / n, -gy / n
    vx, vy = lx - XX, ly - YY
    vn = np.sqrt(vx * vx + vy * vy) + 1e-3
    lam = np.clip((nx * vx + ny * vy) / vn, 0, 1)
    edge = np.clip(n * soft * 2.5, 0, 1)  # only near the outline, the inside stays flat
    return (lam * edge * mask).astype(np.float32)


def jagged(r: np.random.Generator, spacing: tuple[float, float], amp: float) -> np.ndarray:
    """Angular piecewise-linear noise along x (rock outlines), roughly -amp..amp."""
    xs = [-60.0]
    while xs[-1] < W + 60:
        xs.append(xs[-1] + float(r.uniform(*spacing)))
    ys = r.uniform(-amp, amp, len(xs))
    return np.interp(XX[0], xs, ys).astype(np.float32)


def lava_cave(name: str) -> np.ndarray:
    r = rng(name)
    img = np.broadcast_to(mixc("#0b0d1a", "#1f1414", 0.5), (H, W, 3)).astype(np.float32).copy()
    # the helmet beam: from up on the left, out of frame, slanting down into the tube
    bx, by = -60.0, 170.0
    hx, hy = 930.0, 402.0  # where it lands on the far floor
    ang = math.atan2(hy - by, hx - bx)
    dist = np.sqrt((XX - bx) ** 2 + (YY - by) ** 2)
    stop = 1 - smoothstep(math.hypot(hx - bx, hy - by) - 30, math.hypot(hx - bx, hy - by) + 40, dist)  # the beam ends on the floor
    cone = beam(bx, by, ang, 0.06, 1600.0, soft_start=40) * stop
    cone_wide = beam(bx, by, ang, 0.17, 1300.0, soft_start=40) * (0.3 + 0.7 * stop)
    reach = np.clip(cone_wide * 1.5 + cone, 0, 1.4) * np.exp(-dist / 1500.0)
    x = XX[0]
    # the far bend of the tube: rough rock round the landing spot, fading into dark
    far_tex = fbm(r, 40, 5)
    img = img + (radial(hx, hy - 60, 300, 170) * (0.35 + 0.65 * far_tex))[..., None] * C("#3d2620") * 0.55
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
        base = mixc(mixc("#3d2620", "#1f1414", 0.5), mixc("#1f1414", "#0b0d1a", 0.65), k)
        strata = fbm(r, 50 + 30 * i, 4, sx=5.0, sy=0.4)
        col = np.broadcast_to(base, img.shape) * (0.85 + 0.3 * strata[..., None])
        shade = lit_from(m, bx, by, soft=2.5 + 2 * i)
        lit_col = C("#8a4b33") * 0.9 + C("#ffd2a0") * 0.35 * (1 - k)
        col = col + (shade * np.clip(reach * 1.8, 0, 1.2))[..., None] * lit_col
        col = col + (np.clip(reach, 0, 1) * (0.06 + 0.12 * strata))[..., None] * C("#8a4b33")
        img = img * (1 - m[..., None]) + col * m[..., None]
        if i == 1:
            # the pool of light where the beam lands, on the far floor
            pool = radial(hx, hy + 2, 110, 16) * (0.6 + 0.6 * fbm(r, 16, 3))
            img = glow(img, pool[..., None] * C("#ffd2a0") * 0.7, ((3, 0.5), (14, 0.5), (40, 0.3)))
    # the volumetric beam, from the camera's lamp: in front of every rock
    swirl = fbm(r, 70, 5, sx=2.2)
    dusty = 0.35 + 1.1 * smoothstep(0.3, 0.9, swirl)
    core = beam(bx, by, ang, 0.025, 1000.0, soft_start=30) * stop
    img = img + (cone * dusty)[..., None] * C("#ffd2a0") * 0.36 + (cone_wide * 0.07)[..., None] * C("#8a4b33")
    img = img + (core * (0.6 + 0.5 * swirl))[..., None] * C("#ffd2a0") * 0.22
    rr = rng(name + ":motes")
    motes = (rr.random((H, W)) > 0.997).astype(np.float32) * np.clip(cone * 3 - 0.5, 0, 1)
    motes *= 0.3 + rr.random((H, W)).astype(np.float32)
    img = glow(img, fblur(motes, 0.6)[..., None] * C("#ffd2a0") * 2.0, ((1.5, 0.6), (5, 0.2)))
    # the near floor: dark and calm under the text box
    fl = 590 + jagged(r, (40, 120), 8)
    img, mfl = ridge_layer(img, fl, mixc("#1f1414", "#0b0d1a", 0.75), fade_to="#0b0d1a", fade_k=0.4, fade_h=120)
    img = img + (np.exp(-np.maximum(YY - fl[None, :], 0) / 3.0) * mfl * np.clip(reach * 2, 0, 1))[..., None] * C("#8a4b33") * 0.35
    # the lamp itself just off the frame: a warm flare at the edge
    img = glow(img, (radial(0, by + 60 * math.tan(ang), 22, 28) * 0.5)[..., None] * C("#ffd2a0"), ((8, 0.6), (30, 0.5)))
    vign = smoothstep(0.5, 1.2, np.sqrt(((XX - 700) / 700) ** 2 + ((YY - 330) / 440) ** 2))
    img = paint(img, vign, "#0b0d1a", 0.5)
    return img



def streaks(r: np.random.Generator, density: float, length: int, angle: float, y0: float = 0, y1: float = H) -> np.ndarray:
    """Wind-blown sand streaks: sparse points smeared along ``angle`` (a motion blur by shifted sums)."""
    pts = (r.random((H, W)) < density).astype(np.float32) * r.random((H, W)).astype(np.float32)
    pts *= ((y0 <= YY) & (y1 > YY)).astype(np.float32)
    out = np.zeros_like(pts)
    ca, sa = math.cos(angle), math.sin(angle)
    for i in range(length):
        out += shift(pts, int(round(i * ca)), int(round(i * sa))) * (1.0 - abs(i / length - 0.5) * 1.6)
    return fblur(out, 0.6)


def mars_storm(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, "#6b3a22"), (0.3, "#a15a32"), (0.55, "#d08a55"), (0.63, mixc("#d08a55", "#f0c99a", 0.3)), (0.72, "#a15a32"),
                 (1.0, mixc("#6b3a22", "#3a2418", 0.4))])
    # where the hidden sun is: only a broad brightening, no disc
    img = img + radial(860, 230, 560, 300)[..., None] * C("#f0c99a") * 0.14
    # billows of dust rolling in, domain-warped, in three depths; a dark front from the upper left
    for i, (scale, tone, alpha, yc, spread) in enumerate(((280, "#d08a55", 0.5, 290, 260), (200, "#a15a32", 0.5, 250, 240),
                                                          (150, "#6b3a22", 0.55, 170, 200))):
        wx = fbm(r, scale * 1.5, 3)
        n = fbm(r, scale, 5, sx=2.4, sy=0.8)
        n = n * 0.7 + wx * 0.3
        m = smoothstep(0.42, 0.78, n) * np.exp(-((YY - yc) / spread) ** 2)
        if i == 2:
            m = m * (1 - smoothstep(200, 1100, XX + YY * 0.8))
        img = paint(img, fblur(m, 2.0 + i), tone, alpha)
        # lit tops of the billows (the light comes from above, diffused)
        top = np.clip(fblur(m, 3.0) - shift(fblur(m, 3.0), 0, 6), 0, 1)
        img = img + (top * 0.25)[..., None] * C("#f0c99a")
    # ghosts of the land: two soft ridges almost lost
    far = 428 + 14 * line_noise(r, 300, 4)
    fm = fblur(below(far), 3.0)
    img = paint(img, fm, mixc("#a15a32", "#d08a55", 0.55), 0.8)
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

    mm = fblur(shapes(mast, 3), 1.4)
    img = paint(img, mm, mixc("#6b3a22", "#a15a32", 0.6), 0.5)
    beacon = np.zeros_like(img)
    beacon += radial(944, 328, 2.6)[..., None] * C("#f0c99a") * 1.4
    img = glow(img, beacon, ((4, 0.8), (16, 0.6), (60, 0.4)))
    mid = 476 + 18 * line_noise(r, 260, 5)
    mmid = fblur(below(mid), 2.0)
    img = paint(img, mmid, mixc("#6b3a22", "#a15a32", 0.65), 0.85)
    # a veil over all that
    veil = fbm(r, 200, 5, sx=3.5, sy=0.7)
    img = paint(img, smoothstep(0.2, 0.9, veil) * smoothstep(250, 470, YY) * (1 - smoothstep(470, 640, YY) * 0.6), "#d08a55", 0.4)
    # the near ground, calm for the text, veiled too; soft wisps of sand running over it
    near = 548 + 12 * line_noise(r, 400, 4)
    nm = fblur(below(near), 1.5)
    gcol = vgrad([(0.0, "#6b3a22"), (0.76, mixc("#6b3a22", "#a15a32", 0.35)), (1.0, mixc("#3a2418", "#6b3a22", 0.5))])
    img = img * (1 - nm[..., None]) + gcol * nm[..., None]
    wisps = fbm(r, 90, 5, sx=6.0, sy=0.35)
    img = img + (smoothstep(0.5, 0.9, wisps) * nm * 0.1)[..., None] * C("#d08a55")
    img = img + (np.exp(-np.maximum(YY - near[None, :], 0) / 18.0) * nm * 0.12)[..., None] * C("#d08a55")
    # streaks: three layers, far thin and dim, near long and bright; denser in the gusts, sparse over the text
    ang = 0.16
    gusts = 0.25 + 1.3 * smoothstep(0.3, 0.8, fbm(r, 260, 3, sx=2.5, sy=0.8))
    calm = 1 - 0.6 * smoothstep(470, 560, YY)
    for dens, ln, amp, tone in ((0.005, 18, 0.3, "#d08a55"), (0.0016, 40, 0.5, "#f0c99a"), (0.00035, 85, 0.75, "#f0c99a")):
        st = streaks(r, dens, ln, ang)
        img = img + (np.clip(st, 0, 1) * amp * calm * gusts)[..., None] * C(tone) * 0.55
    # a few big out-of-focus grains right in front of the lens
    big = streaks(r, 0.00004, 120, ang)
    img = img + (fblur(np.clip(big * 3, 0, 1), 3.0) * (1 - smoothstep(380, 520, YY)))[..., None] * C("#f0c99a") * 0.3
    # a final gust of dust blowing across everything
    gust = fbm(r, 160, 4, sx=4.0, sy=0.5)
    img = paint(img, smoothstep(0.55, 0.95, gust), "#a15a32", 0.22)
    vign = smoothstep(0.5, 1.25, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 320) / 460) ** 2))
    img = paint(img, vign, "#3a2418", 0.5)
    return img



def skyline(r: np.random.Generator, ground: float, hmin: float, hmax: float, wmin: float, wmax: float,
            towers: float = 0.15) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
    """Building tops along x (a ridge) and the list of buildings (x0, x1, top)."""
    line = np.full(W, ground, np.float32)
    blds = []
    x = -20.0
    while x < W + 20:
        w_ = float(r.uniform(wmin, wmax))
        hgt = float(r.uniform(hmin, hmax)) * (1.8 if r.random() < towers else 1.0)
        top = ground - hgt
        x0, x1 = int(max(0, x)), int(min(W, x + w_))
        if x1 > x0:
            line[x0:x1] = np.minimum(line[x0:x1], top)
            if r.random() < 0.3 and x1 - x0 > 20:  # a stepped crown or a mast
                cx_ = (x0 + x1) // 2
                line[cx_ - 4:cx_ + 4] = np.minimum(line[cx_ - 4:cx_ + 4], top - hgt * 0.12)
        blds.append((x, x + w_, top))
        x += w_ + float(r.uniform(-4, 6))
    return line, blds


def windows(r: np.random.Generator, blds, ground: float, density: float, cell: tuple[int, int] = (7, 9)) -> np.ndarray:
    """A mask of small lit windows on the buildings."""
    m = np.zeros((H, W), np.float32)
    for x0, x1, top in blds:
        for wy in np.arange(top + 6, ground - 4, cell[1]):
            for wx in np.arange(x0 + 4, x1 - 4, cell[0]):
                if r.random() < density:
                    iy, ix = int(wy), int(wx)
                    if 0 <= iy < H - 2 and 0 <= ix < W - 3:
                        m[iy:iy + 2, ix:ix + 3] = 0.5 + 0.5 * r.random()
    return m


def reunion(name: str) -> np.ndarray:
    r = rng(name)
    horizon = 420.0
    img = vgrad([(0.0, "#23304f"), (0.25, mixc("#23304f", "#6b2f5b", 0.55)), (0.42, "#6b2f5b"), (0.52, "#d9576b"),
                 (horizon / H, "#ff9a5c"), (1.0, "#2a1b3d")])
    # the sun about to rise on the right; the left of the sky stays blue
    sunx = 1010.0
    warm = radial(sunx, horizon, 520, 170)
    img = img + warm[..., None] * C("#ffd58a") * 0.45 + radial(sunx, horizon, 140, 40)[..., None] * C("#ffd58a") * 0.5
    cool = (1 - smoothstep(0, 700, XX)) * (1 - smoothstep(120, 400, YY))
    img = img * (1 - cool[..., None] * 0.3) + C("#3a4a78") * cool[..., None] * 0.3
    st = stars(r, 380, 5, 0, 230, 0, 760, tints=("#f4f1ea", "#9ad1ff"), cross=8)
    img = glow(img, st * (1 - smoothstep(60, 240, YY))[..., None] * 0.8, ((1.2, 0.5), (5, 0.2)))
    # thin dawn clouds
    cl = fbm(r, 300, 5, sx=5.0, sy=0.5)
    cm = smoothstep(0.55, 0.85, cl) * smoothstep(260, 310, YY) * (1 - smoothstep(360, 400, YY))
    img = paint(img, fblur(cm, 1.5), mixc("#d9576b", "#ff9a5c", 0.5), 0.5)
    img = img + np.clip(cm - shift(cm, 0, 3), 0, 1)[..., None] * C("#ffd58a") * 0.5 * warm[..., None] * 2
    # the capsule coming home: a long trail across the sky, bright at its head, under a small canopy
    trail = np.zeros_like(img)
    x0_, y0_, x1_, y1_ = 120.0, 40.0, 640.0, 176.0
    steps = 900
    for i in range(steps):
        t = i / (steps - 1)
        px = x0_ + (x1_ - x0_) * t
        py = y0_ + (y1_ - y0_) * t + 40 * math.sin(t * math.pi) * 0.6
        b = t ** 2.2
        iy, ix = int(py), int(px)
        if 0 <= iy < H and 0 <= ix < W:
            trail[iy, ix] += (C("#9ad1ff") * (1 - t) + C("#ffd58a") * t) * (0.25 + 0.9 * b)
    trail = fblur(trail, 0.8) * 2.5
    img = glow(img, trail, ((2, 0.6), (8, 0.5), (26, 0.3)))
    head = np.zeros_like(img)
    add_star(head, x1_, y1_ + 2, 1.2, C("#f4f1ea"), 14)
    img = glow(img, head, ((3, 0.7), (12, 0.5), (40, 0.3)))

    def canopy(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.chord(sorted_box(x1_ - 14, y1_ - 40, x1_ + 14, y1_ - 22, ss), 180, 360, fill=255)
        for sx_ in (-13, 0, 13):
            d.line(sc([(x1_ + sx_, y1_ - 31), (x1_, y1_ - 2)], ss), fill=255, width=max(1, int(0.6 * ss)))

    img = paint(img, shapes(canopy, 4), mixc("#6b2f5b", "#ff9a5c", 0.4), 0.8)
    # city: far skyline in haze, a mid skyline with lit windows, near roofs
    far_line, _ = skyline(r, horizon + 10, 20, 70, 20, 60, towers=0.2)
    img = paint(img, below(far_line), mixc("#6b2f5b", "#d9576b", 0.45) * 0.9 + C("#ff9a5c") * 0.1, 0.9)
    mid_line, mid_blds = skyline(r, horizon + 40, 40, 120, 30, 80, towers=0.25)
    img = paint(img, below(mid_line), mixc("#2a1b3d", "#6b2f5b", 0.6))
    img = img + (np.exp(-np.maximum(YY - mid_line[None, :], 0) / 3.0) * below(mid_line) * warm * 1.5)[..., None] * C("#ff9a5c") * 0.35
    wn = windows(r, mid_blds, horizon + 40, 0.12)
    lights = wn[..., None] * C("#ffc27a") * 0.7
    haze = np.exp(-((YY - horizon - 20) / 30.0) ** 2)
    img = paint(img, haze, mixc("#d9576b", "#ff9a5c", 0.4), 0.3)
    # the rooftop: floor, railing, a water tank, the string of bulbs
    roof_y = 492.0
    floor = (roof_y <= YY).astype(np.float32)
    fcol = vgrad([(0.0, "#2a1b3d"), (roof_y / H, mixc("#2a1b3d", "#6b2f5b", 0.45)), (1.0, "#2a1b3d")])
    img = img * (1 - floor[..., None]) + fcol * floor[..., None]
    # the dawn and the sky mirrored faintly in the damp roof
    refl = np.flipud(img[:int(roof_y)])[: H - int(roof_y)]
    mirror = np.zeros_like(img)
    mirror[int(roof_y):int(roof_y) + refl.shape[0]] = refl
    mirror = fblur(mirror, 6.0)
    img = img * (1 - floor[..., None] * 0.25) + mirror * floor[..., None] * 0.25 * np.exp(-(YY - roof_y) / 90.0)[..., None]

    def rooftop(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-10, 400), (W + 10, 396)], ss), fill=255, width=max(1, int(3 * ss)))
        d.line(sc([(-10, 446), (W + 10, 444)], ss), fill=255, width=max(1, int(2 * ss)))
        for px in range(20, W, 90):
            d.line(sc([(px, 398), (px, roof_y + 2)], ss), fill=255, width=max(1, int(3 * ss)))
        d.rectangle(sorted_box(-10, roof_y - 12, W + 10, roof_y + 2, ss), fill=255)
        # water tank on legs at the right, a pole for the bulbs on either side
        d.ellipse(sorted_box(1090, 236, 1210, 266, ss), fill=255)
        d.rectangle(sorted_box(1090, 251, 1210, 380, ss), fill=255)
        for lx in (1100, 1200):
            d.line(sc([(lx, 380), (lx - 6 if lx < 1150 else lx + 6, roof_y)], ss), fill=255, width=int(4 * ss))
        d.line(sc([(70, roof_y), (70, 170)], ss), fill=255, width=int(5 * ss))
        d.line(sc([(1040, roof_y), (1040, 190)], ss), fill=255, width=int(5 * ss))
        # potted plants along the railing
        rp = rng(name + ":plants")
        for px, pw in ((150, 40), (206, 30), (940, 34)):
            d.polygon(sc([(px, roof_y - 34), (px + pw, roof_y - 34), (px + pw - 5, roof_y), (px + 5, roof_y)], ss), fill=255)
            for _ in range(9):  # leaves: thin blades fanning out of the pot
                a = float(rp.uniform(-2.6, -0.5))
                ln = float(rp.uniform(30, 62))
                bx0 = px + pw / 2
                d.polygon(sc([(bx0 - 3, roof_y - 32), (bx0 + 3, roof_y - 32),
                              (bx0 + math.cos(a) * ln, roof_y - 32 + math.sin(a) * ln)], ss), fill=255)

    rt = shapes(rooftop, 3)
    img = paint(img, rt, mixc("#2a1b3d", "#23304f", 0.4))
    light = np.zeros_like(img)
    light += rim(rt, 1, -0.4, 1.5)[..., None] * C("#ff9a5c") * 0.5
    light += rim(rt, -1, -0.4, 1.2)[..., None] * C("#9ad1ff") * 0.3
    # the bulbs: a sagging string between the poles
    bulbs = np.zeros_like(img)

    def wire(d: ImageDraw.ImageDraw, ss: int) -> None:
        pts = [(70 + (1040 - 70) * t, 172 + (192 - 172) * t + 70 * math.sin(t * math.pi)) for t in np.linspace(0, 1, 60)]
        d.line(sc(pts, ss), fill=255, width=max(1, int(1.2 * ss)))

    img = paint(img, shapes(wire, 3), "#2a1b3d", 0.9)
    for t in np.linspace(0.04, 0.96, 17):
        bx_ = 70 + (1040 - 70) * t
        by_ = 172 + 20 * t + 70 * math.sin(t * math.pi) + 6
        bulbs += radial(bx_, by_, 3.0, 3.6)[..., None] * C("#ffd58a") * 1.3
    img = glow(img, bulbs + lights, ((2, 0.7), (9, 0.6), (30, 0.35)))

    # the two of them, meeting in the middle: her hand reaching, his reaching back
    base = roof_y + 14
    hgt = 250.0
    nx, jx = 575.0, 715.0
    meet = ((nx + jx) / 2, base - hgt * 0.47)
    fn = figure("nan", nx, base, hgt * 0.94, facing=1, arm="reach", hand=(meet[0] - 6, meet[1] + 4))
    fj = figure("jay", jx, base, hgt, facing=-1, arm="reach", hand=(meet[0] + 6, meet[1]))
    sil = mixc("#2a1b3d", "#0b0d1a", 0.4)
    img, light = render_figure(img, light, fn, sil, [(-1, -0.3, "#cfe9ff", 1.0, 2.0), (1, -0.2, "#ffe0b0", 0.45, 1.5)],
                               detail="#3a4a78", detail_alpha=0.6)
    img, light = render_figure(img, light, fj, sil, [(1, -0.3, "#ffe0b0", 1.0, 2.0), (-1, -0.2, "#cfe9ff", 0.45, 1.5)],
                               detail="#6b3f2a", detail_alpha=0.45)
    light += fn["spark"][..., None] * C("#cfe9ff") * 0.8
    # where their hands meet, the two lights mix
    img = glow(img, light, ((1.5, 0.6), (6, 0.35)))
    spark = radial(meet[0], meet[1] + 2, 5)[..., None] * (C("#9ad1ff") * 0.5 + C("#ffc27a") * 0.5) * 0.9
    img = glow(img, spark, ((4, 0.6), (20, 0.4)))
    # their shadows/reflections on the roof
    for fig in (fn, fj):
        m = fig["body"]
        ys, _ = np.nonzero(m > 0.5)
        if len(ys):
            refl = np.zeros_like(m)
            b_ = int(ys.max())
            src = m[max(0, 2 * b_ - H):b_][::-1]
            refl[b_:b_ + src.shape[0]] = src
            refl = fblur(refl, 3.0) * np.exp(-np.maximum(YY - b_, 0) / 60.0)
            img = paint(img, refl, mixc("#2a1b3d", "#0b0d1a", 0.3), 0.5)
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 330) / 460) ** 2))
    img = paint(img, vign, "#2a1b3d", 0.5)
    return img



def new_orbit(name: str) -> np.ndarray:
    r = rng(name)
    # outside: Mars at dusk, the blue glow low on the right, Earth a dot high up
    horizon = 400.0
    sky = vgrad([(0.0, "#3b2a3a"), (0.3, "#5a3a4a"), (horizon / H, mixc("#5a3a4a", "#d9a07a", 0.5)), (1.0, "#3b2a3a")])
    sx, sy = 905.0, 392.0
    blue = radial(sx, sy - 40, 220, 260, power=1.6)
    sky = sky * (1 - blue[..., None] * 0.75) + C("#2f4f7a") * blue[..., None] * 0.75
    inner = radial(sx, sy, 80, 60)
    sky = sky * (1 - inner[..., None] * 0.8) + C("#7fb0e0") * inner[..., None] * 0.8
    st = stars(r, 380, 3, 40, 300, tints=("#d9a07a", "#f4f1ea"), cross=6)
    sky = glow(sky, st * (1 - blue[..., None]) * 0.7, ((1.2, 0.5), (5, 0.2)))
    sky = earth_dot(sky, 640.0, 116.0, 1.3)
    sun = radial(sx, sy, 5.0, power=8)[..., None] * C("#f4f1ea") * 1.2
    sky = glow(sky, sun, ((3, 0.6), (12, 0.5), (36, 0.35)))
    far = horizon - 10 - 16 * line_noise(r, 320, 5)
    sky, _ = ridge_layer(sky, far, mixc("#5a3a4a", "#2f4f7a", 0.45) * 0.9)
    near_sun = radial(sx, horizon, 380, 160)
    sky = sky + (np.exp(-np.maximum(YY - far[None, :], 0) / 3.0) * below(far) * near_sun)[..., None] * C("#7fb0e0") * 0.3
    mid = horizon + 28 + 14 * line_noise(r, 220, 5)
    sky, _ = ridge_layer(sky, mid, mixc("#3b2a3a", "#5a3a4a", 0.4), fade_to="#3b2a3a", fade_k=0.6, fade_h=60)

    # inside: the dark habitat, a wide window of three panes
    img = vgrad([(0.0, "#1a1413"), (0.7, "#3d2a24"), (1.0, "#1a1413")]) * 0.6 + C("#1a1413") * 0.4
    wx0, wy0, wx1, wy1 = 150.0, 56.0, 1130.0, 478.0

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
    img = img + (pm * radial(260, 420, 260, 140) * 0.06)[..., None] * C("#ffc27a")
    img = paint(img, mm, mixc("#1a1413", "#3d2a24", 0.4))
    light = np.zeros_like(img)
    light += rim(mm, 1, -0.3, 1.5)[..., None] * C("#7fb0e0") * 0.35
    # a blue glow round the frame, where the light from outside spills
    frame = np.clip(fblur(pm, 6.0) - pm, 0, 1)
    img = img + (frame * 0.5)[..., None] * C("#2f4f7a")
    # the window's blue light falls into the room: on the floor, soft
    floor_y = 540.0
    fl = (floor_y <= YY).astype(np.float32)
    img = paint(img, fl, mixc("#1a1413", "#3d2a24", 0.25))
    # the window mirrored in the polished floor, blurred and dim
    span = H - int(floor_y)
    mirror = np.zeros_like(img)
    mirror[int(floor_y):] = img[int(floor_y) - 1:int(floor_y) - 1 - span:-1]
    mirror = fblur(mirror, 5.0)
    img = img + mirror * (fl * 0.35 * np.exp(-(YY - floor_y) / 70.0))[..., None]
    spill = np.exp(-((XX - 640) / 520.0) ** 2) * np.exp(-(YY - floor_y) / 90.0) * fl
    img = img + spill[..., None] * C("#2f4f7a") * 0.14
    img = img * (1 - (fl * smoothstep(560, 720, YY) * 0.45)[..., None])
    img = img + (np.exp(-((YY - floor_y) / 1.2) ** 2))[..., None] * C("#7fb0e0") * 0.12
    # a warm lamp behind us on the left: a wash of amber on the wall and the floor
    img = img + radial(40, 640, 460, 240)[..., None] * C("#ffc27a") * 0.12
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
    img = paint(img, pr, mixc("#1a1413", "#3d2a24", 0.3))
    light += rim(pr, 0.3, -1, 1.5)[..., None] * C("#7fb0e0") * 0.45
    dial = radial(922, 450, 9, 9, power=6)
    light += dial[..., None] * C("#ffc27a") * 0.5
    # the two of them at the window, backs to us, close; her head tipped toward his shoulder
    base = floor_y + 22
    hgt = 300.0
    fn = figure("nan", 560, base, hgt * 0.94, facing=1)
    fj = figure("jay", 668, base, hgt, facing=-1)
    sil = mixc("#1a1413", "#0b0d1a", 0.3)
    img, light = render_figure(img, light, fj, sil, [(1, -0.4, "#cfe9ff", 0.7, 2.0), (0, -1, "#cfe9ff", 0.35, 1.5),
                                                      (-1, 0.3, "#ffe0b0", 0.4, 1.5)], detail="#6b3f2a", detail_alpha=0.2)
    img, light = render_figure(img, light, fn, sil, [(-1, -0.4, "#cfe9ff", 0.9, 2.0), (0, -1, "#cfe9ff", 0.35, 1.5),
                                                      (1, 0.3, "#ffe0b0", 0.35, 1.5)], detail="#3a4a78", detail_alpha=0.3)
    light += fn["spark"][..., None] * C("#cfe9ff") * 0.6
    img = glow(img, light, ((1.5, 0.6), (6, 0.35), (20, 0.2)))
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 300) / 460) ** 2))
    img = paint(img, vign, "#1a1413", 0.6)
    return img



def same_sky(name: str) -> np.ndarray:
    r = rng(name)
    # the seam: a soft diagonal between Seoul (left) and Mars (right), through the shared star
    star_x, star_y = 640.0, 118.0
    seam_x = star_x + (YY - star_y) * -0.16
    right = smoothstep(-26, 26, XX - seam_x)
    # --- Seoul at night: city glow on the horizon, few stars, a rooftop
    hz_l = 430.0
    seoul = vgrad([(0.0, "#0b0d1a"), (0.35, "#16213e"), (hz_l / H, "#3a4a78"), (1.0, "#0b0d1a")])
    seoul = seoul + radial(300, hz_l + 20, 520, 110)[..., None] * C("#ffc27a") * 0.22
    seoul = glow(seoul, stars(r, 160, 2, 0, 320, 0, 700, tints=("#f4f1ea", "#9ad1ff"), cross=7) * 0.6, ((1.2, 0.4),))
    far_line, _ = skyline(r, hz_l + 16, 30, 90, 18, 50, towers=0.25)
    seoul = paint(seoul, below(far_line), mixc("#16213e", "#3a4a78", 0.55))
    mid_line, mid_blds = skyline(r, hz_l + 60, 50, 150, 30, 70, towers=0.3)
    seoul = paint(seoul, below(mid_line), mixc("#0b0d1a", "#16213e", 0.7))
    win = windows(r, mid_blds, hz_l + 60, 0.16)
    wl = win[..., None] * (C("#ffc27a") * 0.75)
    seoul = glow(seoul, wl * 0.8, ((1.5, 0.5), (8, 0.4)))
    # a hologram ad far off, a few tower beacons
    # a far tower with a blinking beacon
    seoul = glow(seoul, radial(24, 214, 2.2)[..., None] * C("#ffc27a") * 1.2, ((2, 0.6), (8, 0.5), (24, 0.3)))
    roof_l = 520.0
    seoul = paint(seoul, (roof_l <= YY).astype(np.float32), mixc("#0b0d1a", "#16213e", 0.6))
    seoul = seoul + np.exp(-((YY - roof_l) / 1.5) ** 2)[..., None] * C("#ffc27a") * 0.12

    def rail(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.line(sc([(-10, 440), (720, 440)], ss), fill=255, width=int(3 * ss))
        for px in range(10, 720, 80):
            d.line(sc([(px, 440), (px, roof_l)], ss), fill=255, width=int(3 * ss))
        d.rectangle(sorted_box(-10, roof_l - 10, 720, roof_l + 1, ss), fill=255)

    rl = shapes(rail, 3)
    seoul = paint(seoul, rl, "#0b0d1a")
    # --- Mars at night: clear, many stars, a faint blue afterglow, dark ridges
    hz_r = 450.0
    mars = vgrad([(0.0, "#0b0d1a"), (0.3, "#3b2a3a"), (0.55, "#5a3a4a"), (hz_r / H, mixc("#5a3a4a", "#2f4f7a", 0.5)), (1.0, "#3b2a3a")])
    mars = mars + radial(1180, hz_r, 360, 90)[..., None] * C("#2f4f7a") * 0.5
    mars = glow(mars, stars(r, 900, 8, 0, 400, 560, W, tints=("#f4f1ea", "#d9a07a", "#7fb0e0"), cross=8) * 0.8, ((1.2, 0.5), (5, 0.2)))
    far = hz_r - 12 - 18 * line_noise(r, 260, 5)
    mars, _ = ridge_layer(mars, far, mixc("#3b2a3a", "#2f4f7a", 0.35))
    near = 520 + 20 * line_noise(r, 300, 5) - 24 * smoothstep(900, 1100, XX[0]) * smoothstep(1260, 1100, XX[0])
    mars, _ = ridge_layer(mars, near, mixc("#3b2a3a", "#0b0d1a", 0.4), fade_to="#3b2a3a", fade_k=0.2, fade_h=120)
    img = seoul * (1 - right[..., None]) + mars * right[..., None]
    # the seam itself: a faint line of light that fades downward
    seam = np.exp(-((XX - seam_x) / 1.4) ** 2) * (1 - smoothstep(star_y, 560, YY)) * smoothstep(star_y - 80, star_y, YY)
    seam = fblur(seam, 1.2)
    img = img + seam[..., None] * (C("#9ad1ff") * 0.5 + C("#ffc27a") * 0.5) * 0.14
    # the two of them, looking up at the same star
    light = np.zeros_like(img)
    fj = figure("jay", 330, roof_l + 20, 300, facing=1, look_up=1.0)
    fn = figure("nan", 955, 560, 290, facing=-1, suit=True, look_up=1.0)
    sil = mixc("#0b0d1a", "#16213e", 0.4)
    img, light = render_figure(img, light, fj, sil, [(-1, 0.2, "#ffe0b0", 0.9, 2.2), (1, -1, "#cfe9ff", 0.3, 1.5)],
                               detail="#6b3f2a", detail_alpha=0.3)
    img, light = render_figure(img, light, fn, mixc("#3b2a3a", "#0b0d1a", 0.5),
                               [(1, 0.1, "#cfe9ff", 0.9, 2.2), (-1, -1, "#d9a07a", 0.3, 1.5)], detail="#3a4a78", detail_alpha=0.5)
    img = img + fn["glass"][..., None] * C("#cfe9ff") * 0.45
    light += fn["glass"][..., None] * C("#9ad1ff") * 0.3
    # the rock she stands on
    def rock(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([(780, 660), (818, 622), (848, 590), (874, 566), (918, 556), (990, 554), (1030, 562), (1062, 580),
                      (1094, 612), (1150, 650), (1220, 690), (1220, 730), (760, 730)], ss), fill=255)

    rk = shapes(rock, 3)
    img = paint(img, rk, mixc("#3b2a3a", "#0b0d1a", 0.5))
    light += rim(rk, 1, -1, 2.0)[..., None] * C("#2f4f7a") * 0.6
    img = glow(img, light, ((1.5, 0.6), (6, 0.35)))
    # the shared star, big and soft, on the seam
    star = np.zeros_like(img)
    add_star(star, star_x, star_y, 0.9, C("#f4f1ea"), 60)
    star += radial(star_x, star_y, 3.5)[..., None] * (C("#9ad1ff") * 0.5 + C("#ffc27a") * 0.5) * 0.9
    img = glow(img, star, ((2, 0.8), (8, 0.7), (30, 0.6), (90, 0.35)))
    vign = smoothstep(0.6, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 330) / 460) ** 2))
    img = paint(img, vign, "#0b0d1a", 0.5)
    return img



def signal_lost(name: str) -> np.ndarray:
    r = rng(name)
    img = vgrad([(0.0, "#0b0d1a"), (0.6, "#1d2633"), (1.0, "#0b0d1a")]) * 0.55 + C("#0b0d1a") * 0.45
    sx0, sy0, sx1, sy1 = 400.0, 110.0, 900.0, 400.0
    cx, cy = (sx0 + sx1) / 2, (sy0 + sy1) / 2

    def bezel(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0 - 16, sy0 - 16, sx1 + 16, sy1 + 16, ss), radius=20 * ss, fill=255)
        d.polygon(sc([(620, sy1 + 10), (680, sy1 + 10), (700, 466), (600, 466)], ss), fill=255)

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(sx0, sy0, sx1, sy1, ss), radius=10 * ss, fill=255)

    bz = shapes(bezel, 3)
    gl = shapes(glass, 3)
    # the room takes the screen's cold light: a wash on the wall round it
    img = img + radial(cx, cy, 520, 330)[..., None] * C("#3c4a5c") * 0.22
    img = paint(img, bz, mixc("#0b0d1a", "#1d2633", 0.5))
    # static: fine noise, torn bands, scanlines; a flat line across where the signal was
    fine = r.random((H, W)).astype(np.float32)
    bands = fbm(r, 40, 3, sx=30.0, sy=0.05)
    tear = np.roll(fine, 7, axis=1) * (bands > 0.7) + fine * (bands <= 0.7)
    rows = (r.random((H, 1)) * 0.5 + 0.5).astype(np.float32)
    roll = 0.75 + 0.25 * np.sin((YY - sy0) / (sy1 - sy0) * math.pi * 3.0 + 0.8)
    stat = (0.2 + 0.8 * tear) * rows * (0.85 + 0.15 * (np.sin(YY * 2.0) > 0)) * roll
    stat = stat * (0.55 + 0.45 * radial(cx, cy, 300, 190))
    scol = C("#8fa3b8") * 0.7 + C("#6fe3e1") * 0.3
    screen = C("#1d2633") * 0.6 + scol[None, None, :] * stat[..., None] * 0.48
    img = img * (1 - gl[..., None]) + screen * gl[..., None]
    flat = np.exp(-((YY - (cy + 40)) / 1.3) ** 2) * gl * smoothstep(sx0 + 30, sx0 + 80, XX) * smoothstep(sx1 - 30, sx1 - 80, XX)
    light = np.zeros_like(img)
    light += flat[..., None] * C("#6fe3e1") * 0.7
    # the counter ring, all dim now
    def ring(d: ImageDraw.ImageDraw, ss: int) -> None:
        rr_ = 54
        for i in range(40):
            a0 = -90 + i * 9 + 1.5
            d.arc(sorted_box(cx - rr_, cy - 40 - rr_, cx + rr_, cy - 40 + rr_, ss), a0, a0 + 6, fill=255, width=int(5 * ss))

    light += (shapes(ring, 3) * gl * 0.18)[..., None] * C("#6fe3e1")
    img = img + (gl * 0.12)[..., None] * C("#8fa3b8")
    # the single cold light falling on the desk
    desk_y = 466.0
    desk = (desk_y <= YY).astype(np.float32)
    front_y = 556.0
    dcol = vgrad([(0.0, "#3c4a5c"), (desk_y / H, "#3c4a5c"), (front_y / H, "#1d2633"), (front_y / H + 0.001, "#0b0d1a"),
                  (1.0, "#0b0d1a")]) * 0.5 + C("#0b0d1a") * 0.5
    img = img * (1 - desk[..., None]) + dcol * desk[..., None]
    top = desk * (front_y > YY)
    pool = radial(cx, desk_y + 10, 380, 70) * top
    img = img + pool[..., None] * C("#8fa3b8") * 0.16
    img = img + np.exp(-((YY - front_y) / 1.2) ** 2)[..., None] * C("#8fa3b8") * 0.12 * radial(cx, front_y, 600, 200)[..., None]
    img = img + (np.exp(-(YY - front_y) / 30.0) * (front_y < YY))[..., None] * C("#1d2633") * 0.3
    img = img + np.exp(-((YY - desk_y) / 1.4) ** 2)[..., None] * C("#8fa3b8") * 0.25
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
    img = paint(img, th, mixc("#0b0d1a", "#1d2633", 0.35))
    light += rim(th, -1, -0.6, 1.5)[..., None] * C("#8fa3b8") * 0.4 * radial(cx, cy, 700, 500)[..., None]
    img = glow(img, light, ((1.5, 0.6), (6, 0.4), (24, 0.25)))
    # screen glow (the only light in the room)
    screen_light = gl[..., None] * scol * 0.25
    img = glow(img, screen_light, ((12, 0.5), (50, 0.45)))
    # a dead porthole top right, a sliver of stars
    px, py, pr = 1130.0, 160.0, 60.0
    dd = np.sqrt((XX - px) ** 2 + (YY - py) ** 2)
    img = paint(img, np.clip(pr + 14 - dd + 0.5, 0, 1), mixc("#0b0d1a", "#1d2633", 0.4))
    pg = np.clip(pr - dd + 0.5, 0, 1)
    img = paint(img, pg, "#0b0d1a")
    img = glow(img, stars(r, 60, 1, py - pr, py + pr, px - pr, px + pr, tints=("#8fa3b8",), cross=5) * pg[..., None] * 0.7, ((1.2, 0.4),))
    vign = smoothstep(0.45, 1.15, np.sqrt(((XX - cx) / 700) ** 2 + ((YY - cy) / 440) ** 2))
    img = paint(img, vign, "#0b0d1a", 0.7)
    return img



def locked(name: str) -> np.ndarray:
    """The gallery's locked card: dark night glass, a faint field of stars, a small line-drawn padlock."""
    r = rng(name)
    img = vgrad([(0.0, "#16213e"), (1.0, "#0b0d1a")]) * 0.55 + C("#0b0d1a") * 0.45
    img = img + radial(640, 360, 620, 360)[..., None] * C("#3a4a78") * 0.12
    # faint stars and a thin diagonal band of denser ones, like a glimpse of the sky behind frosted glass
    st = stars(r, 700, 10, tints=("#f4f1ea", "#9ad1ff", "#ffc27a"), cross=9)
    band = np.exp(-(((XX - 640) * 0.45 + (YY - 360)) / 170.0) ** 2)
    st2 = stars(r, 900, 0, tints=("#cfe9ff",)) * band[..., None]
    img = glow(img, (st * 0.45 + st2 * 0.35), ((1.2, 0.5), (5, 0.2)))
    # frosted glass: soft blotches and a diagonal sheen
    frost = fbm(r, 220, 5)
    img = img + ((frost - 0.5) * 0.025)[..., None] * C("#9ad1ff")
    sheen = np.exp(-(((XX - 300) - (YY - 0) * 0.9) / 180.0) ** 2) * 0.04
    img = img + sheen[..., None] * C("#f4f1ea")
    # a 1 px inner border at low opacity, rounded corners (the interface's glass panel)
    def border(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(12, 12, W - 12, H - 12, ss), radius=14 * ss, outline=255, width=max(1, int(1.2 * ss)))

    img = img + (shapes(border, 3) * 0.16)[..., None] * C("#f4f1ea")
    # the padlock, 2 px-ish lines with round caps, centred, a soft glow of both leads' colours
    def lock(d: ImageDraw.ImageDraw, ss: int) -> None:
        lw = int(3.2 * ss)
        bx0, by0, bx1, by1 = 604.0, 352.0, 676.0, 414.0
        d.rounded_rectangle(sorted_box(bx0, by0, bx1, by1, ss), radius=10 * ss, outline=255, width=lw)
        d.arc(sorted_box(614, 306, 666, 368, ss), 180, 360, fill=255, width=lw)
        for x_ in (614.0 + 1.6, 666.0 - 1.6):
            d.line(sc([(x_, 337), (x_, by0)], ss), fill=255, width=lw)
        d.ellipse(sorted_box(634, 372, 646, 384, ss), outline=255, width=int(2.6 * ss))
        d.line(sc([(640, 384), (640, 396)], ss), fill=255, width=int(2.6 * ss))
        for x_, y_ in ((614.0 + 1.6, 337.0), (666.0 - 1.6, 337.0)):
            rr = lw / ss / 2
            d.ellipse(sorted_box(x_ - rr, y_ - rr, x_ + rr, y_ + rr, ss), fill=255)

    lm = shapes(lock, 4)
    col = C("#f4f1ea") * 0.62
    img = img * (1 - lm[..., None] * 0.8) + col * lm[..., None] * 0.8
    halo = lm[..., None] * (C("#9ad1ff") * 0.5 + C("#ffc27a") * 0.5) * 0.35
    img = glow(img, halo, ((3, 0.6), (14, 0.5), (50, 0.35)))
    vign = smoothstep(0.5, 1.25, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 360) / 420) ** 2))
    img = paint(img, vign, "#0b0d1a", 0.5)
    return img


PICTURES: dict[str, tuple[str, Callable[[str], np.ndarray], str]] = {
    "launch_site_dawn": ("backgrounds", launch_site_dawn, "launch site at dawn: rocket on its pad before the sunrise, floodlights in the mist"),
    "spacecraft_cabin": ("backgrounds", spacecraft_cabin, "spacecraft cabin: Earth small in the porthole, one warm lamp, a drifting cassette"),
    "habitat_interior": ("backgrounds", habitat_interior, "Mars habitat interior: ribbed module, pendant lamps, bunk, screens, a window on the plain"),
    "habitat_comms": ("backgrounds", habitat_comms, "habitat comms desk: the delay counter as abstract shapes, microphone, headphones, desk lamp"),
    "mars_desert_day": ("backgrounds", mars_desert_day, "Mars desert by day: butterscotch sky, small pale sun, buttes and dunes, the habitat far off"),
    "mars_sunset": ("backgrounds", mars_sunset, "Mars sunset: the blue glow round a small sun, Earth a blue dot high in the sky, the habitat's warm window"),
    "lava_cave": ("backgrounds", lava_cave, "lava tube on Mars: one helmet beam cutting through dust to the far wall"),
    "mars_storm": ("backgrounds", mars_storm, "Mars dust storm: everything veiled, sand streaks, a leaning mast with its beacon, no sun"),
    "reunion": ("endings", reunion, "ending card 'reunion': the two meet on the Seoul rooftop at dawn, a capsule's trail overhead"),
    "new_orbit": ("endings", new_orbit, "ending card 'new_orbit': the two at a Mars habitat window at dusk, Earth a dot above"),
    "same_sky": ("endings", same_sky, "ending card 'same_sky': split picture, Jay on a Seoul roof and Nan-young on Mars under the same star"),
    "signal_lost": ("endings", signal_lost, "ending card 'signal_lost': static on the comms screen in a dark habitat, one cold light"),
    "locked": ("endings", locked, "gallery's locked card: dark glass, faint stars, a line-drawn padlock"),
}


def _out_path(assets: Path, name: str) -> Path:
    folder, _, _ = PICTURES[name]
    ext = "png" if name == "locked" else "jpg"
    return assets / "images" / folder / f"{name}.{ext}"


def listing(assets: Path) -> list[Made]:
    return [Made(_out_path(assets, n), what, SCRIPT) for n, (_, _, what) in PICTURES.items()]


def generate(assets: Path, only: list[str] | None = None) -> list[Made]:
    made = []
    for name, (_, fn, what) in PICTURES.items():
        path = _out_path(assets, name)
        if only and name not in only:
            continue
        img = fn(name)
        # every full-screen picture gets the film grain; the locked card is interface glass (and stays small)
        img = tone(img) if name == "locked" else finish(img, name)
        if path.suffix == ".png":
            save_png(img, path)
        else:
            save_jpeg(img, path)
        made.append(Made(path, what, SCRIPT))
    return made


if __name__ == "__main__":
    import time

    root = Path(__file__).resolve().parents[2]
    for n in sys.argv[1:] or list(PICTURES):
        t = time.time()
        generate(root / "assets", [n])
        print(f"{n}: {time.time() - t:.2f}s", flush=True)
