"""Heads in head units (see ``headspace``): the outline of a face from crown to chin with its own jaw
(round or angular, narrow or wide chin), the ears, the skin with its shadow-side crescent, and the
front hair over the face with its cast shadow, sheen and strand lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..raster.compose import shift
from ..raster.curves import Pt, curve, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .face import Palette
from .frame import CX, W, half_plane, mask, mir


@dataclass(frozen=True)
class Head:
    """The shape of one face, in head units (the chin near y 480)."""

    top: float = 150
    cw: float = 104  # half width at the cheekbones
    cheek_y: float = 356
    temple: float = 0.95  # half width at the temples, as a share of ``cw``
    jaw_x: float = 68  # the jaw's corner
    jaw_y: float = 440
    chin_w: float = 20  # half width of the chin
    chin_y: float = 480
    angular: bool = False  # a sharp corner at the jaw (square jaws) instead of a smooth curve
    ear_x: float = 104
    ear_y: float = 372
    ear_size: float = 1.0


def head_outline(hd: Head) -> np.ndarray:
    jaw: Pt = (CX + hd.jaw_x, hd.jaw_y, 1) if hd.angular else (CX + hd.jaw_x, hd.jaw_y)
    right: list[Pt] = [
        (CX, hd.top),
        (CX + hd.cw * 0.66, hd.top + 22),
        (CX + hd.cw * hd.temple, hd.top + 95),
        (CX + hd.cw, hd.cheek_y - 30),
        (CX + hd.cw * 0.97, hd.cheek_y + 28),
        jaw,
        (CX + hd.chin_w, hd.chin_y - 5),
    ]
    left = mir(right[1:])[::-1]
    return outline([*right, (CX, hd.chin_y), *left], 14)


def head_masks(hd: Head) -> tuple[np.ndarray, np.ndarray]:
    """Face and ears coverage."""
    m_head = mask(head_outline(hd))
    s = hd.ear_size
    m_ears = mask(*[Ellipse(CX + k * hd.ear_x, hd.ear_y, 13 * s, 26 * s, -k * 8) for k in (-1, 1)])
    return m_head, m_ears


def draw_head(layer: Layer, pal: Palette, hd: Head, m_head: np.ndarray, m_ears: np.ndarray, light: float) -> None:
    """Ears, the face, its shadow-side crescent and the skin under the chin that the neck continues."""
    sh = -light
    layer.paint(m_ears, pal.skin)
    layer.paint(m_ears * half_plane(sh, CX), pal.skin_shade(), 0.9)
    s = hd.ear_size
    inner = [Ellipse(CX + k * (hd.ear_x + 2), hd.ear_y + 2, 6 * s, 15 * s, -k * 8) for k in (-1, 1)]
    layer.paint(mask(*inner), pal.skin_shade(1.2), 0.8)
    layer.paint(m_head, pal.skin)
    k = hd.cw / 106.0
    pts = [(0.79 * hd.cw, hd.top + 10), (0.87 * hd.cw, hd.top + 100), (0.77 * hd.cw, hd.cheek_y - 26),
           (0.82 * hd.cw, hd.cheek_y + 22), (hd.jaw_x - 4, hd.jaw_y - 8), (hd.chin_w + 8 * k, hd.chin_y - 10),
           (hd.chin_w, hd.chin_y + 40)]
    shade: list[Pt] = [(CX + sh * 2.2 * hd.cw, hd.chin_y + 40, 1), (CX + sh * 2.2 * hd.cw, hd.top - 10, 1)]
    shade += [(CX + sh * x, y) for x, y in pts[:-1]] + [(CX + sh * pts[-1][0], pts[-1][1], 1)]
    layer.paint(mask(outline(shade, 10)) * m_head, pal.skin_shade(), 0.9)


def neck_column(hd: Head, layer: Layer, pal: Palette, m_head: np.ndarray, light: float, length: float = 140) -> None:
    """The top of the neck in head units (under the jaw), so the placed head joins the frame's neck."""
    nt = hd.chin_w + 18
    pts: list[Pt] = [(CX - nt, hd.jaw_y - 30), (CX - nt, hd.chin_y + length, 1), (CX + nt, hd.chin_y + length, 1),
                     (CX + nt, hd.jaw_y - 30)]
    m = mask(outline(pts, 6)) * (1.0 - m_head)
    layer.paint(m, pal.skin)
    layer.paint(shift(m_head, int(-light * 4), 22) * m, pal.skin_shade(), 0.9)
    layer.paint(m * half_plane(-light, CX - light * 12), pal.skin_shade(), 0.9)


def hair_front(under: Layer, over: Layer, pal: Palette, m_front: np.ndarray, m_back: np.ndarray,
               m_head: np.ndarray, light: float, ring: tuple[Pt, ...], strands: tuple[list[Pt], ...],
               cast: int = 9, crescent: int = 40, sheen: float = 0.85) -> None:
    """Front hair over the face: its cast shadow on the skin, base, a crescent of shadow on the far side,
    a broken 'halo' of sheen across the crown, and a few strand lines."""
    sh = -light
    under.paint(shift(m_front, int(light * 3), cast) * m_head, pal.skin_shade(1.1), 0.85)
    over.paint(m_front, pal.hair)
    both = np.maximum(m_front, m_back)
    cres = m_front * (1.0 - shift(both, int(-sh * crescent), 8))
    over.shade(cres, pal.dark(1.0), 0.9)
    if ring:
        line = curve(list(ring), 16)
        t = np.linspace(0.0, 1.0, len(line))
        w = 9.0 * np.abs(np.sin(t * np.pi * 5.5)) ** 0.8 * np.sin(t * np.pi) ** 0.5
        xs = np.arange(W, dtype=np.float32)[None, :]
        toward = np.clip(0.55 + light * (xs - CX) / 160.0, 0.25, 1.0)  # brighter on the side of the light
        over.atop(mask(ribbon(line, w, bias=0.2)) * m_front * toward, pal.hair_sheen, sheen)
    for pts in strands:
        ln = curve(list(pts), 10)
        over.shade(mask(ribbon(ln, taper(len(ln), 0.4, 2.2, 0.4))) * m_front, pal.dark(1.4), 0.7)
