"""The 48x48 line icons: 2 px strokes with round caps from distance fields, white for tinting.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.layer import Layer
from ..raster.sdf import arc, fill, grid, polyline, ring, round_box, segment
from .glass import PAPER


def box_outline(xs: np.ndarray, ys: np.ndarray, x0: float, y0: float, x1: float, y1: float, r: float) -> np.ndarray:
    return np.abs(round_box(xs, ys, x0, y0, x1, y1, r))


STROKE = 2.3  # line width in px at 48x48


def icon_layer(dist: np.ndarray, dots: np.ndarray | None = None) -> Layer:
    """Coverage of a stroke of width STROKE around the distance field (round caps come for free)."""
    cov = np.clip(STROKE / 2.0 + 0.5 - dist, 0.0, 1.0)
    if dots is not None:
        cov = np.maximum(cov, fill(dots))
    layer = Layer(48, 48)
    layer.paint(cov, PAPER)
    return layer


def icon(name: str) -> Layer:
    xs, ys = grid(48, 48)
    dots = None
    if name == "icon_save":
        # Down arrow into a tray.
        d = np.minimum.reduce([
            segment(xs, ys, (24, 8), (24, 29)),
            polyline(xs, ys, [(15.5, 21), (24, 29.5), (32.5, 21)]),
            polyline(xs, ys, [(9, 27), (9, 38), (39, 38), (39, 27)]),
        ])
    elif name == "icon_load":
        # Up arrow out of a tray.
        d = np.minimum.reduce([
            segment(xs, ys, (24, 30), (24, 9)),
            polyline(xs, ys, [(15.5, 17.5), (24, 9), (32.5, 17.5)]),
            polyline(xs, ys, [(9, 27), (9, 38), (39, 38), (39, 27)]),
        ])
    elif name == "icon_settings":
        # Gear: an outline of eight trapezoid teeth around a ring, and a hole in the middle.
        c, teeth, r_in, r_out = 24.0, 8, 12.2, 16.6
        pts = []
        for k in range(teeth):
            a = 2 * math.pi * k / teeth
            for da, r in ((-0.30, r_in), (-0.19, r_out), (0.19, r_out), (0.30, r_in)):
                pts.append((c + r * math.cos(a + da), c + r * math.sin(a + da)))
        d = np.minimum(polyline(xs, ys, pts, closed=True), ring(xs, ys, (c, c), 5.4))
    elif name == "icon_history":
        # A clock face whose rim is an arrow turning back (counter-clockwise).
        c, r = (24.0, 25.0), 14.0
        a_end = math.radians(152)
        tip = (c[0] + r * math.cos(a_end), c[1] - r * math.sin(a_end))
        vx, vy = -math.sin(a_end), -math.cos(a_end)  # travel direction on screen at the end
        px, py = -vy, vx
        head = [(tip[0] - 5.5 * vx + 5.5 * px, tip[1] - 5.5 * vy + 5.5 * py), tip,
                (tip[0] - 5.5 * vx - 5.5 * px, tip[1] - 5.5 * vy - 5.5 * py)]
        d = np.minimum.reduce([
            arc(xs, ys, c, r, math.radians(205), a_end),
            polyline(xs, ys, head),
            polyline(xs, ys, [(24, 17), (24, 25.5), (30, 29)]),
        ])
    elif name == "icon_auto":
        # Play triangle followed by a small forward chevron.
        d = np.minimum.reduce([
            polyline(xs, ys, [(11, 12), (30, 24), (11, 36)], closed=True),
            polyline(xs, ys, [(34, 16.5), (41, 24), (34, 31.5)]),
        ])
    elif name == "icon_skip":
        # Double chevron with an end bar.
        d = np.minimum.reduce([
            polyline(xs, ys, [(10, 13), (21, 24), (10, 35)]),
            polyline(xs, ys, [(22, 13), (33, 24), (22, 35)]),
            segment(xs, ys, (38.5, 13), (38.5, 35)),
        ])
    elif name == "icon_lock":
        d = np.minimum.reduce([
            box_outline(xs, ys, 11, 21, 37, 40, 4.0),
            arc(xs, ys, (24, 17), 7.5, 0.0, math.pi),
            segment(xs, ys, (16.5, 17), (16.5, 21)),
            segment(xs, ys, (31.5, 17), (31.5, 21)),
            segment(xs, ys, (24, 29), (24, 33)),
        ])
        dots = np.hypot(xs - 24.0, ys - 28.5) - 2.3
    elif name == "icon_message":
        # Speech bubble with a tail, and a small signal arc at its top-right.
        body = box_outline(xs, ys, 7, 13, 35, 34, 7.0)
        # Cut the outline where the tail meets it.
        cut = (ys > 31.0) & (xs > 11.5) & (xs < 19.5)
        body = np.where(cut, 99.0, body)
        tail = polyline(xs, ys, [(12, 33.6), (12, 41), (19.5, 33.6)])
        sig_c = (35.5, 13.0)
        d = np.minimum.reduce([
            body, tail,
            arc(xs, ys, sig_c, 4.5, math.radians(-10), math.radians(100)),
            arc(xs, ys, sig_c, 9.0, math.radians(-10), math.radians(100)),
        ])
        dots = np.minimum(np.hypot(xs - 15.5, ys - 23.5) - 1.9,
                          np.minimum(np.hypot(xs - 21.0, ys - 23.5) - 1.9, np.hypot(xs - 26.5, ys - 23.5) - 1.9))
    elif name == "icon_back":
        d = np.minimum.reduce([
            segment(xs, ys, (11, 24), (37, 24)),
            polyline(xs, ys, [(21, 14), (11, 24), (21, 34)]),
        ])
    else:
        raise KeyError(name)
    return icon_layer(d, dots)
