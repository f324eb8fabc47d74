"""Light: radial falloffs, cones of light, additive glow, stars with soft crosses, rims and edges."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .blur import blur
from .colour import Colour, rgb
from .compose import shift
from .frame import HEIGHT, WIDTH, XX, YY
from .gradient import smoothstep

GlowRadii = Sequence[tuple[float, float]]  # (blur radius, strength) pairs


def radial(cx: float, cy: float, rx: float, ry: float | None = None, power: float = 2.0) -> np.ndarray:
    """A full-frame falloff exp(-d^power) round (cx, cy), d the distance in radii (rx, ry)."""
    ry = rx if ry is None else ry
    d2 = ((XX - cx) / rx) ** 2 + ((YY - cy) / ry) ** 2
    if power == 2.0:
        return np.exp(-d2).astype(np.float32)
    return np.exp(-(d2 ** (power / 2.0))).astype(np.float32)


@dataclass(frozen=True)
class BeamLook:
    """How a cone of light looks: the sharpness of its edge and how it fades with distance."""

    edge: float = 4.0  # exponent of the angular falloff: 2 is a soft Gaussian cone, 4 a crisper one
    exponential: bool = False  # fade exp(-d / length) (dusty air) instead of 1 / (1 + (d / length)^2)


def beam(px: float, py: float, angle: float, spread: float, length: float, soft_start: float = 16.0,
         look: BeamLook = BeamLook()) -> np.ndarray:
    """A cone of light from (px, py) toward ``angle`` (radians, y down), 0..1, fading in over ``soft_start`` px."""
    dx, dy = XX - px, YY - py
    dist = np.sqrt(dx * dx + dy * dy) + 1e-3
    a = np.arctan2(dy, dx) - angle
    a = (a + np.pi) % (2 * np.pi) - np.pi
    cone = np.exp(-((a / spread) ** look.edge))
    fade = np.exp(-dist / length) if look.exponential else 1.0 / (1.0 + (dist / length) ** 2)
    return (cone * fade * smoothstep(0.0, soft_start, dist)).astype(np.float32)


def glow(img: np.ndarray, light: np.ndarray, radii: GlowRadii = ((2.5, 0.7), (10, 0.5), (40, 0.4))) -> np.ndarray:
    """Additive light: the emission ``light`` itself plus blurred copies of it (radius, strength)."""
    out = img + light
    for radius, k in radii:
        out = out + blur(light, radius) * k
    return out


@dataclass(frozen=True)
class StarLook:
    """The shape of a bright star and the brightness of a star field."""

    core: float = 1.2  # squared radius of the bright core
    halo: float = 3.2  # radius of the soft halo
    halo_k: float = 0.22
    cross_width: float = 0.4  # squared half-width of the cross's arms
    cross_reach: float = 0.42  # arm fall-off, as a share of the star's length
    cross_k: float = 0.5
    faint: tuple[float, float] = (0.06, 0.5)  # faint stars: base + range * u^3
    faint_gain: float = 1.5
    bright: tuple[float, float] = (0.5, 0.5)  # bright stars: base + range * u


def add_star(layer: np.ndarray, x: float, y: float, b: float, colour: Colour, length: float,
             look: StarLook = StarLook()) -> None:
    """One bright star with a soft four-point cross, added into the full-frame ``layer`` in place."""
    c = rgb(colour)
    reach = int(length * 2.2) + 3
    ix, iy = int(round(x)), int(round(y))
    y0, y1, x0, x1 = max(0, iy - reach), min(HEIGHT, iy + reach + 1), max(0, ix - reach), min(WIDTH, ix + reach + 1)
    if y0 >= y1 or x0 >= x1:
        return
    yy, xx = YY[y0:y1, x0:x1] - y, XX[y0:y1, x0:x1] - x
    core = np.exp(-(xx * xx + yy * yy) / look.core)
    halo = np.exp(-np.sqrt(xx * xx + yy * yy) / look.halo) * look.halo_k
    ch = np.exp(-(yy * yy) / look.cross_width) * np.exp(-np.abs(xx) / (length * look.cross_reach))
    cv = np.exp(-(xx * xx) / look.cross_width) * np.exp(-np.abs(yy) / (length * look.cross_reach))
    layer[y0:y1, x0:x1] += (core + halo + look.cross_k * (ch + cv))[..., None] * c * b


def starfield(r: np.random.Generator, n_faint: int, n_bright: int, y0: float = 0.0, y1: float = HEIGHT,
              x0: float = 0.0, x1: float = WIDTH, *, tints: Sequence[Colour] = ("#f4f1ea",), cross: float = 12.0,
              fade: np.ndarray | None = None, look: StarLook = StarLook()) -> np.ndarray:
    """Many faint stars (bilinear points) and a few bright ones with soft crosses: light to add."""
    layer = np.zeros((HEIGHT, WIDTH, 3), np.float32)
    tint = [rgb(t) for t in tints]
    xs, ys = r.uniform(x0, x1 - 1, n_faint), r.uniform(y0, y1 - 1, n_faint)
    bs = look.faint[0] + look.faint[1] * r.random(n_faint) ** 3
    ks = r.integers(0, len(tint), n_faint)
    ix, iy = xs.astype(int), ys.astype(int)
    fx, fy = (xs - ix).astype(np.float32), (ys - iy).astype(np.float32)
    for k in range(len(tint)):
        sel = ks == k
        for ox, oy, wgt in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
            np.add.at(layer, (np.clip(iy[sel] + oy, 0, HEIGHT - 1), np.clip(ix[sel] + ox, 0, WIDTH - 1)),
                      (bs[sel] * wgt[sel] * look.faint_gain)[:, None] * tint[k][None, :])
    bx, by = r.uniform(x0 + 20, x1 - 20, n_bright), r.uniform(y0 + 10, y1 - 10, n_bright)
    bb = look.bright[0] + look.bright[1] * r.random(n_bright)
    bk = r.integers(0, len(tint), n_bright)
    for x, y, b, k in zip(bx, by, bb, bk):
        add_star(layer, x, y, b, tint[k], cross * (0.6 + 0.8 * b), look)
    if fade is not None:
        layer *= fade[..., None]
    return layer


def top_edge(m: np.ndarray, width: int = 2) -> np.ndarray:
    """The upper rim of a mask (where light from the sky behind catches the roofs)."""
    return np.clip(m - shift(m, 0, width), 0.0, 1.0)


def rim(mask: np.ndarray, dx: float, dy: float, width: float = 2.0) -> np.ndarray:
    """The edge of ``mask`` that faces light coming from direction (dx, dy), softened a little."""
    n = math.hypot(dx, dy) or 1.0
    sx, sy = int(round(dx / n * width)), int(round(dy / n * width))
    edge = np.clip(mask - shift(mask, -sx, -sy), 0.0, 1.0)
    return blur(edge, 1.0) * mask


def lit_from(mask: np.ndarray, lx: float, ly: float, soft: float = 6.0) -> np.ndarray:
    """2-D Lambert shading of a silhouette's surface toward a point light at (lx, ly), near its outline."""
    m = blur(mask, soft)
    gy, gx = np.gradient(m)
    n = np.sqrt(gx * gx + gy * gy) + 1e-4
    nx, ny = -gx / n, -gy / n
    vx, vy = lx - XX, ly - YY
    vn = np.sqrt(vx * vx + vy * vy) + 1e-3
    lam = np.clip((nx * vx + ny * vy) / vn, 0, 1)
    edge = np.clip(n * soft * 2.5, 0, 1)  # only near the outline, the inside stays flat
    return (lam * edge * mask).astype(np.float32)
