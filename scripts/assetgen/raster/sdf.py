"""Signed distance fields (negative inside) on pixel-centre grids, and the coverages they give:
edges anti-aliased analytically, strokes with round caps for free."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .frame import pixel_grid

Point = tuple[float, float]


def grid(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys) pixel-centre coordinates of a width x height picture."""
    ys, xs = pixel_grid(width, height, centres=True)
    return xs, ys


def round_box(xs: np.ndarray, ys: np.ndarray, x0: float, y0: float, x1: float, y1: float, r: float) -> np.ndarray:
    """Distance to a rounded box."""
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    hx, hy = (x1 - x0) / 2.0 - r, (y1 - y0) / 2.0 - r
    qx = np.abs(xs - cx) - hx
    qy = np.abs(ys - cy) - hy
    outside = np.hypot(np.maximum(qx, 0.0), np.maximum(qy, 0.0))
    inside = np.minimum(np.maximum(qx, qy), 0.0)
    return outside + inside - r


def round_tab(xs: np.ndarray, ys: np.ndarray, x0: float, y0: float, x1: float, y1: float, r_top: float,
              r_bottom: float) -> np.ndarray:
    """A rounded box with different top and bottom radii."""
    top = round_box(xs, ys, x0, y0, x1, y1, r_top)
    bottom = round_box(xs, ys, x0, y0, x1, y1, r_bottom)
    return np.where(ys < (y0 + y1) / 2.0, top, bottom)


def segment(xs: np.ndarray, ys: np.ndarray, a: Point, b: Point) -> np.ndarray:
    """Distance to the segment a-b."""
    ax, ay = a
    bx, by = b
    px, py = xs - ax, ys - ay
    vx, vy = bx - ax, by - ay
    t = np.clip((px * vx + py * vy) / max(vx * vx + vy * vy, 1e-9), 0.0, 1.0)
    return np.hypot(px - t * vx, py - t * vy)


def polyline(xs: np.ndarray, ys: np.ndarray, points: Sequence[Point], closed: bool = False) -> np.ndarray:
    """Distance to a polyline through ``points`` (closed back to the first if ``closed``)."""
    pts = list(points) + ([points[0]] if closed else [])
    return np.minimum.reduce([segment(xs, ys, pts[i], pts[i + 1]) for i in range(len(pts) - 1)])


def arc(xs: np.ndarray, ys: np.ndarray, centre: Point, r: float, a0: float, a1: float) -> np.ndarray:
    """Distance to a circular arc from angle a0 to a1 (radians, counter-clockwise, y up)."""
    cx, cy = centre
    ang = np.arctan2(-(ys - cy), xs - cx)
    span = (a1 - a0) % (2 * math.pi) or 2 * math.pi
    rel = (ang - a0) % (2 * math.pi)
    on = rel <= span
    ring_d = np.abs(np.hypot(xs - cx, ys - cy) - r)
    p0 = (cx + r * math.cos(a0), cy - r * math.sin(a0))
    p1 = (cx + r * math.cos(a0 + span), cy - r * math.sin(a0 + span))
    ends = np.minimum(np.hypot(xs - p0[0], ys - p0[1]), np.hypot(xs - p1[0], ys - p1[1]))
    return np.where(on, ring_d, ends)


def ring(xs: np.ndarray, ys: np.ndarray, centre: Point, r: float) -> np.ndarray:
    """Distance to a circle's line."""
    return np.abs(np.hypot(xs - centre[0], ys - centre[1]) - r)


def fill(d: np.ndarray) -> np.ndarray:
    """Coverage of the inside of a signed distance field."""
    return np.clip(0.5 - d, 0.0, 1.0)


def band(d: np.ndarray, inner: float, outer: float) -> np.ndarray:
    """Coverage of the band inner < d < outer (-1..0 is a 1 px inner border)."""
    return np.clip(0.5 - (d - outer), 0.0, 1.0) * np.clip(0.5 + (d - inner), 0.0, 1.0)


def stroke(d: np.ndarray, width: float) -> np.ndarray:
    """Coverage of a line ``width`` px wide round an unsigned distance field."""
    return np.clip(width / 2.0 + 0.5 - d, 0.0, 1.0)


def falloff(d: np.ndarray, width: float) -> np.ndarray:
    """A soft outer glow outside the shape: 1 at the edge, fading over about ``width`` px."""
    outside = np.maximum(d, 0.0)
    return np.exp(-((outside / width) ** 2) * 2.0) * np.clip(d + 0.5, 0.0, 1.0)
