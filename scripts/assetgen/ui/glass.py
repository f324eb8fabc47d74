"""Night glass (docs/art-direction.md, "The interface"): panels #0b0d1a at 82 %, a 1 px inner border
#f4f1ea at 18 %, radius 14 px; the pills of buttons and choices (focused ones with a white glow the game
tints), the name plate tab (white, tinted by the speaker's colour) and the four-point star cursor.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix, rgb
from ..raster.gradient import ramp
from ..raster.layer import Layer
from ..raster.sdf import band, falloff, fill, grid, round_box, round_tab

NIGHT = "#0b0d1a"


PAPER = "#f4f1ea"


BLUE = "#9ad1ff"


AMBER = "#ffc27a"


PANEL_ALPHA = 0.82


BORDER_ALPHA = 0.18


RADIUS = 14


def glass(width: int, height: int, inset: float, radius: float, alpha: float = PANEL_ALPHA,
          highlight: float = 0.07, border: float = BORDER_ALPHA, focus: bool = False) -> Layer:
    """The night-glass panel: fill, a faint cool top sheen, a top highlight line, 1 px inner border."""
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    d = round_box(xs, ys, inset, inset, width - inset, height - inset, radius)
    inside = fill(d)
    # Body: #0b0d1a, a touch lighter and bluer towards the top (glass catching the sky).
    tone = ramp(height, [(0.0, 1.0), (0.55, 0.0), (1.0, 0.0)])
    top_tint = np.array(mix(NIGHT, "#1b2340", 1.0), np.float32)
    base = rgb(NIGHT)
    body = base[None, None, :] * (1 - 0.55 * tone[..., None]) + top_tint[None, None, :] * (0.55 * tone[..., None])
    body = np.broadcast_to(body, (height, width, 3))
    layer.paint(inside * alpha, body)
    if focus:
        # Focus lifts the glass slightly and lights it from inside at the rim.
        inner_glow = np.exp(-np.maximum(-d, 0.0) / 7.0) * inside
        layer.paint(inner_glow * 0.16, PAPER)
    # A very subtle top highlight: a soft sheen over the upper band, fading down.
    span = max(10.0, min(36.0, (height - 2 * inset) * 0.3))
    sheen = np.clip(1.0 - (ys - inset) / span, 0.0, 1.0) ** 2
    layer.paint(inside * sheen * highlight, PAPER)
    # A brighter hairline along the top inner edge only (light from above), fading at the corners.
    top_line = band(d, -2.0, -1.0) * np.clip(1.0 - (ys - inset - 1.0) / (radius * 0.6 + 1.0), 0.0, 1.0)
    edge_fade = np.clip(np.minimum(xs - inset, width - inset - xs) / (radius * 2.5), 0.0, 1.0)
    layer.paint(top_line * edge_fade * (0.10 if not focus else 0.22), PAPER)
    # 1 px inner border.
    layer.paint(band(d, -1.0, 0.0) * (border if not focus else 0.55), PAPER)
    return layer


def pill(width: int, height: int, inset: float, focus: bool) -> Layer:
    radius = (height - 2 * inset) / 2.0
    layer = glass(width, height, inset, radius, alpha=0.78 if not focus else 0.84,
                  highlight=0.06 if not focus else 0.10, focus=focus)
    if focus:
        xs, ys = grid(width, height)
        d = round_box(xs, ys, inset, inset, width - inset, height - inset, radius)
        halo = falloff(d, inset * 0.62)
        layer.under(halo * 0.55, PAPER)
    return layer


def nameplate(width: int = 260, height: int = 44) -> Layer:
    """A light tab; the game multiplies it by the speaker's colour.  Neutral white to light grey."""
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    d = round_tab(xs, ys, 0, 0, width, height, 14, 5)
    shade = ramp(height, [(0.0, 1.0), (0.5, 0.955), (1.0, 0.90)])
    body = np.repeat(np.broadcast_to(shade, (height, width))[..., None], 3, axis=2)
    layer.paint(fill(d), body)
    # Soft inner top light and a slightly darker rim so the tab keeps its shape when tinted.
    sheen = np.clip(1.0 - ys / 9.0, 0.0, 1.0) ** 2 * fill(d)
    layer.paint(sheen * 0.6, (1.0, 1.0, 1.0))
    layer.paint(band(d, -1.0, 0.0) * 0.55, (0.70, 0.70, 0.72))
    return layer


def cursor(size: int = 32) -> Layer:
    xs, ys = grid(size, size)
    c = size / 2.0
    dx, dy = np.abs(xs - c), np.abs(ys - c)
    # Four-point star: |x|^p + |y|^p <= R^p with p < 1 gives concave sides.
    p, radius = 0.55, 10.5
    level = (dx / radius) ** p + (dy / radius) ** p
    # Approximate distance: scale the level-set error by the local gradient for anti-aliasing.
    eps = 1e-3
    gx = ((dx + eps) / radius) ** p + (dy / radius) ** p - level
    gy = (dx / radius) ** p + ((dy + eps) / radius) ** p - level
    grad = np.hypot(gx, gy) / eps
    d = (level - 1.0) / np.maximum(grad, 1e-3)
    star = fill(d)
    core = fill(np.hypot(xs - c, ys - c) - 2.6)
    halo = np.exp(-((xs - c) ** 2 + (ys - c) ** 2) / (2 * 5.5 ** 2))
    layer = Layer(size, size)
    layer.paint(halo * 0.45, (1.0, 1.0, 1.0))
    # A darker hairline rim so the star reads on light scenes too.
    layer.paint(band(d, 0.0, 1.1) * 0.45, "#1b2340")
    layer.paint(star, PAPER)
    layer.paint(core, (1.0, 1.0, 1.0))
    return layer
