"""The bust frame every character is drawn on: 600 x 900, the centre line CX, mirroring about it,
shape coverage on this frame, and the light-side helpers (half planes, rim crescents).
"""

from __future__ import annotations

import numpy as np

from ..raster.compose import shift
from ..raster.curves import Pt, outline
from ..raster.svg import Shape, svg_mask

W, H = 600, 900
CX = 300.0  # the centre line: every bust is symmetric about it before shading


def mirror(points: list[Pt]) -> list[Pt]:
    """Points mirrored about the vertical centre line, in reverse order (so outlines keep their sense)."""
    return [(2 * CX - q[0], q[1], *q[2:]) for q in reversed(points)]


def mir(points: list[Pt]) -> list[Pt]:
    """Points mirrored about the centre line, same order."""
    return [(2 * CX - q[0], q[1], *q[2:]) for q in points]


def half_plane(side: float, x: float) -> np.ndarray:
    """1 where (x' - x) * side > 0 (a soft-free vertical split used to pick the shadow side)."""
    xs = np.arange(W, dtype=np.float32)[None, :] + 0.5
    return np.repeat(np.clip((xs - x) * side + 0.5, 0, 1), H, axis=0)


def below_line(points: list[Pt]) -> np.ndarray:
    """Coverage of everything under the curve through ``points`` (left to right)."""
    x0, x1 = points[0][0], points[-1][0]
    pts = [(x0, points[0][1], 1), *points[1:-1], (x1, points[-1][1], 1), (x1, H + 20, 1), (x0, H + 20, 1)]
    return mask(outline(pts, 10))


def rim_of(a: np.ndarray, light: float, width: int = 6) -> np.ndarray:
    """A crescent along the figure's edge facing the light (and its top a little)."""
    dx = int(round(light * width))
    r = a * (1.0 - shift(a, -dx, width // 2))
    return np.clip(r, 0.0, 1.0)


def mask(*shapes: Shape, ss: int = 2) -> np.ndarray:
    """Coverage (H x W float32, 0..1) of the union of ``shapes`` on the bust frame, anti-aliased."""
    return svg_mask(list(shapes), (W, H), ss)
