"""The phone frame the Mars messages appear in: navy metal body, side buttons, a translucent dark
screen with a status bar (signal bars, the Mars link arc, battery) and a home indicator.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import mix, rgb
from ..raster.gradient import ramp
from ..raster.layer import Layer
from ..raster.sdf import band, fill, grid, round_box
from .glass import BLUE, NIGHT, PAPER


def phone(width: int = 420, height: int = 720) -> Layer:
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    # Side buttons peeking out of the body.
    buttons = np.minimum.reduce([
        round_box(xs, ys, 2, 150, 12, 196, 2),
        round_box(xs, ys, 2, 210, 12, 256, 2),
        round_box(xs, ys, width - 12, 186, width - 2, 262, 2),
    ])
    layer.paint(fill(buttons), "#232a45")
    # Device body: deep navy metal with a lighter rim and a cool sheen on its upper edge.
    body = round_box(xs, ys, 6, 0, width - 6, height, 54)
    shade = ramp(height, [(0.0, 0.0), (1.0, 1.0)])
    body_rgb = (np.array(mix("#1f2745", NIGHT, 0.0), np.float32)[None, None] * (1 - shade[..., None])
                + np.array(mix("#1b2340", NIGHT, 0.55), np.float32)[None, None] * shade[..., None])
    layer.paint(fill(body), np.broadcast_to(body_rgb, (height, width, 3)))
    layer.paint(band(body, -1.0, 0.0) * 0.85, "#5b6c9a")
    layer.paint(band(body, -3.0, -1.0) * 0.55, "#3a4a78")
    # Bezel and screen.
    sx0, sy0, sx1, sy1 = 20, 16, width - 20, height - 16
    bezel = round_box(xs, ys, sx0 - 4, sy0 - 4, sx1 + 4, sy1 + 4, 44)
    layer.paint(fill(bezel), NIGHT)
    screen = round_box(xs, ys, sx0, sy0, sx1, sy1, 40)
    inside = fill(screen)
    # Clear the screen to dark glass (slightly translucent so the game's scene shows faintly).
    glass_rgb = ramp(height, [(0.0, 0.0), (0.35, 0.25), (1.0, 1.0)])
    top = np.array(mix("#141a33", NIGHT, 0.0), np.float32)
    bottom = rgb(NIGHT)
    screen_rgb = top[None, None] * (1 - glass_rgb[..., None]) + bottom[None, None] * glass_rgb[..., None]
    # Replace (not blend) the screen area so it can be translucent.
    screen_alpha = 0.93
    layer.replace(inside, screen_rgb, screen_alpha)
    # A faint diagonal reflection across the upper screen.
    streak = np.clip(1.0 - np.abs((xs * 0.55 + ys) - 250.0) / 90.0, 0.0, 1.0) ** 2
    layer.paint(streak * inside * 0.035, PAPER)
    layer.paint(band(screen, -1.0, 0.0) * 0.14, PAPER)
    # Status bar: signal bars, a camera pill, battery; a hairline underneath.
    bar_y = sy0 + 26.0
    shapes_on = []
    for i in range(4):
        h = 4.0 + i * 3.0
        x = sx0 + 30 + i * 7
        shapes_on.append((round_box(xs, ys, x, bar_y + 6 - h, x + 4, bar_y + 6, 1.0), 0.85 if i < 3 else 0.30))
    # Small dots after the bars (a "carrier" placeholder drawn as dots, no text).
    for i in range(3):
        cx = sx0 + 66 + i * 9
        dd = np.hypot(xs - cx, ys - (bar_y + 2)) - 2.2
        shapes_on.append((dd, 0.55))
    camera = round_box(xs, ys, width / 2 - 46, sy0 + 10, width / 2 + 46, sy0 + 34, 12)
    lens = np.hypot(xs - (width / 2 + 28), ys - (sy0 + 22)) - 5.0
    battery = round_box(xs, ys, sx1 - 58, bar_y - 5, sx1 - 32, bar_y + 7, 3.0)
    battery_cap = round_box(xs, ys, sx1 - 32, bar_y - 1.5, sx1 - 29, bar_y + 3.5, 1.0)
    charge = round_box(xs, ys, sx1 - 55.5, bar_y - 2.5, sx1 - 43, bar_y + 4.5, 1.5)
    for dshape, alpha in shapes_on:
        layer.paint(fill(dshape) * alpha, PAPER)
    layer.paint(band(battery, -1.5, 0.0) * 0.7, PAPER)
    layer.paint(fill(battery_cap) * 0.7, PAPER)
    layer.paint(fill(charge) * 0.85, BLUE)
    layer.paint(fill(camera), "#05060d")
    layer.paint(fill(lens), "#1b2340")
    layer.paint(band(lens, -1.2, 0.0) * 0.9, "#3a4a78")
    # A small signal-arc glyph beside the battery (the Mars link indicator).
    cx, cy = sx1 - 78.0, bar_y + 5.0
    rr = np.hypot(xs - cx, ys - cy)
    ang = np.arctan2(-(ys - cy), xs - cx)
    wedge = (np.abs(ang - math.pi / 2) < 0.75).astype(np.float32)
    for r in (4.0, 8.0):
        layer.paint(np.clip(1.0 - np.abs(rr - r) / 0.9, 0.0, 1.0) * wedge * 0.9, BLUE)
    layer.paint(fill(rr - 1.6) * 0.9, BLUE)
    line_y = sy0 + 48.0
    hair = np.clip(1.0 - np.abs(ys - line_y), 0.0, 1.0) * inside
    hair *= np.clip(np.minimum(xs - sx0, sx1 - xs) / 40.0, 0.0, 1.0)
    layer.paint(hair * 0.16, PAPER)
    # Home indicator at the bottom.
    home = round_box(xs, ys, width / 2 - 60, sy1 - 16, width / 2 + 60, sy1 - 11, 2.5)
    layer.paint(fill(home) * 0.55, PAPER)
    return layer
