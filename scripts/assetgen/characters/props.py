"""Things the characters hold: the mother's 7-inch record in its paper sleeve (Nan-young), and
whatever the other modules add here as they need it.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.blur import grow
from ..raster.compose import shift
from ..raster.curves import curve, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .frame import mask

XY = tuple[float, float]

SLEEVE_PAPER, SLEEVE_SHADE, VINYL, LABEL, STAMP_INK, PEN = "#e9dcc2", "#c9b48f", "#1d1b24", "#c2554a", "#3a4a78", "#3b2f2a"


def _turned(centre: XY, pts: list[XY], deg: float) -> np.ndarray:
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    p = np.asarray(pts, np.float64)
    return np.array(centre) + np.stack([p[:, 0] * c - p[:, 1] * s, p[:, 0] * s + p[:, 1] * c], axis=1)


def record_sleeve(layer: Layer, centre: XY, size: float, light: float, behind: np.ndarray | None = None,
                  tilt: float = -3.0) -> np.ndarray:
    """The 7-inch in its paper sleeve: the record peeking out of the top, the label through the centre
    hole, the shop's stamp in a corner and a line of handwriting. Returns its coverage."""
    h = size / 2
    corners = _turned(centre, [(-h, -h), (h, -h), (h, h), (-h, h)], tilt)
    disc = _turned(centre, [(0.0, -h * 0.22)], tilt)[0]
    m_disc = mask(Ellipse(disc[0], disc[1], h * 0.96, h * 0.96)) * (1 - mask(corners))
    m_sleeve = mask(corners, ss=3)
    m_all: np.ndarray = np.maximum(m_sleeve, m_disc)
    if behind is not None:
        layer.shade(shift(m_all, int(-light * 6), 9) * (1 - m_all) * behind, np.array([0.6, 0.62, 0.72], np.float32), 0.8)
        layer.paint(np.clip(grow(m_all, 3) - m_all, 0, 1) * behind, "#1a1f36", 0.5)
    layer.paint(m_disc, VINYL)
    groove = _turned(centre, [(-h * 0.6, -h * 0.98), (0.0, -h * 1.13), (h * 0.6, -h * 0.98)], tilt)
    layer.paint(mask(ribbon(curve([tuple(q) for q in groove], 10), 1.2)) * m_disc, "#4a4656", 0.8)
    layer.paint(m_sleeve, SLEEVE_PAPER)
    # the centre hole shows the label and the spindle hole
    hole = _turned(centre, [(0.0, 0.0)], tilt)[0]
    m_hole = mask(Ellipse(hole[0], hole[1], h * 0.36, h * 0.36), ss=3)
    layer.paint(m_hole, VINYL)
    layer.paint(mask(Ellipse(hole[0], hole[1], h * 0.3, h * 0.3), ss=3), LABEL)
    layer.paint(mask(Ellipse(hole[0] - h * 0.08, hole[1] - h * 0.1, h * 0.1, h * 0.05, tilt), ss=3), "#f4e3c3", 0.8)
    layer.paint(mask(Ellipse(hole[0], hole[1], h * 0.035, h * 0.035), ss=3), VINYL)
    # the shop's round stamp, lower left, and a line of her mother's handwriting, upper right
    st = _turned(centre, [(-h * 0.58, h * 0.6)], tilt)[0]
    ring = mask(Ellipse(st[0], st[1], h * 0.22, h * 0.22), ss=3) * (1 - mask(Ellipse(st[0], st[1], h * 0.17, h * 0.17), ss=3))
    layer.paint(ring, STAMP_INK, 0.75)
    layer.paint(mask(ribbon(_turned(centre, [(-h * 0.7, h * 0.6), (-h * 0.46, h * 0.6)], tilt), 1.4), ss=3), STAMP_INK, 0.7)
    for row in range(2):
        y = -h * (0.7 - row * 0.14)
        pts = [(h * (0.05 + k * 0.045), y + math.sin(k * 1.7 + row) * h * 0.025) for k in range(14 - row * 4)]
        layer.paint(mask(ribbon(_turned(centre, pts, tilt), 1.1), ss=3), PEN, 0.8)
    # paper shading: the fold at the bottom, the side away from the light
    low = _turned(centre, [(-h, h * 0.78), (h, h * 0.78), (h, h), (-h, h)], tilt)
    layer.paint(mask(low, ss=3) * m_sleeve, SLEEVE_SHADE, 0.5)
    side = _turned(centre, [(-light * h, -h), (-light * h * 0.82, -h), (-light * h * 0.82, h), (-light * h, h)], tilt)
    layer.paint(mask(side, ss=3) * m_sleeve, SLEEVE_SHADE, 0.6)
    return m_all
