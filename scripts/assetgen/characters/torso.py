"""The half-body frame's torso: a build (neck, shoulders, chest, waist, hips) as one outline from the
neck to the bottom edge, the neck that joins the placed head to it, the far side's shadow, a hem
where a jacket ends, and the mission patch several outfits wear.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..raster.compose import shift
from ..raster.curves import Pt, curve, outline, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .face import Palette
from .frame import CX, H, half_plane, mask, mir


@dataclass(frozen=True)
class Build:
    """Half widths and heights of one body on the frame (the arms are drawn separately)."""

    neck: float = 22  # half width of the neck
    neck_y: float = 300  # where the neck meets the shoulders' slope
    shoulder: float = 128  # half width at the shoulder point
    shoulder_y: float = 334
    chest: float = 112  # under the arms
    waist: float = 98
    waist_y: float = 610
    hip: float = 114

    def joint(self, side: float, dx: float = -18, dy: float = 32) -> tuple[float, float]:
        """The shoulder joint on ``side`` (-1 left of the picture, +1 right): where an arm hangs from."""
        return CX + side * (self.shoulder + dx), self.shoulder_y + dy


def torso_outline(b: Build) -> np.ndarray:
    right: list[Pt] = [
        (CX + b.neck, b.neck_y - 24),
        (CX + b.neck + 4, b.neck_y),
        (CX + b.neck + 40, b.neck_y + 16),
        (CX + b.shoulder * 0.86, b.shoulder_y - 4),
        (CX + b.shoulder, b.shoulder_y + 16),
        (CX + b.shoulder + 4, b.shoulder_y + 52),
        (CX + b.chest, b.shoulder_y + 130),
        (CX + b.waist, b.waist_y),
        (CX + b.hip, H - 60),
        (CX + b.hip + 2, H + 20, 1),
    ]
    return outline([*right, (CX - b.hip - 2, H + 20, 1), *mir(right[:-1])[::-1]], 12)


def torso_mask(b: Build) -> np.ndarray:
    return mask(torso_outline(b))


def neck_mask(b: Build, top: float = 230) -> np.ndarray:
    n = b.neck
    pts: list[Pt] = [(CX - n + 1, top, 1), (CX + n - 1, top, 1), (CX + n, b.neck_y - 20), (CX + n + 6, b.neck_y + 10),
                     (CX + n + 8, b.neck_y + 40, 1), (CX - n - 8, b.neck_y + 40, 1), (CX - n - 6, b.neck_y + 10),
                     (CX - n, b.neck_y - 20)]
    return mask(outline(pts, 8))


def draw_neck(layer: Layer, pal: Palette, m_neck: np.ndarray, m_head: np.ndarray, light: float,
              clip: np.ndarray | None = None) -> None:
    """The neck in skin, the jaw's shadow across its top and its shadow side."""
    m = m_neck if clip is None else m_neck * clip
    layer.paint(m, pal.skin)
    layer.paint(shift(m_head, int(-light * 3), 13) * m, pal.skin_shade(), 0.9)
    layer.paint(m * half_plane(-light, CX - light * 9), pal.skin_shade(), 0.9)


def body_shadow(layer: Layer, pal: Palette, m_body: np.ndarray, light: float, b: Build, inset: float = 34) -> None:
    """The far side of the chest and belly in the shadow tone, following the body's side."""
    sh = -light
    side: list[Pt] = [(CX + sh * (b.shoulder - inset - 10), b.shoulder_y + 10), (CX + sh * (b.chest - inset), b.shoulder_y + 130),
                      (CX + sh * (b.waist - inset + 8), b.waist_y), (CX + sh * (b.hip - inset + 8), H + 20, 1),
                      (CX + sh * 400, H + 20, 1), (CX + sh * 400, b.shoulder_y - 60, 1)]
    layer.shade(mask(outline([(*side[0], 1), *side[1:]], 8)) * m_body, pal.dark(1.0))


def hem(layer: Layer, pal: Palette, m_body: np.ndarray, y: float, colour: str, band: float = 22, sag: float = 8,
        below: str | None = None) -> np.ndarray:
    """Where a jacket ends: a band at ``y`` (bowed down by ``sag``), and what is under it below in ``below``.
    Returns the coverage under the band (the trousers)."""
    line: list[Pt] = [(CX - 260, y - sag), (CX, y + sag), (CX + 260, y - sag)]
    low: list[Pt] = [(CX - 262, y - sag, 1), (CX, y + sag), (CX + 262, y - sag, 1), (CX + 262, H + 30, 1), (CX - 262, H + 30, 1)]
    m_low: np.ndarray = mask(outline(low, 10)) * m_body
    if below is not None:
        layer.paint(m_low, below)
    m_band = mask(ribbon(curve(line, 10), band, bias=0.0)) * m_body
    layer.paint(m_band, colour)
    layer.shade(shift(m_band, 0, 6) * m_low * (1 - m_band), pal.dark(1.2))
    return m_low


def mission_patch(layer: Layer, px: float, py: float, r: float, planet: str = "#c96f3b") -> None:
    k = r / 30.0
    layer.paint(mask(Ellipse(px, py, r, r), ss=3), "#f4f1ea")
    inner = mask(Ellipse(px, py, r - 4 * k, r - 4 * k), ss=3)
    layer.paint(inner, "#1f2a4d")
    layer.paint(mask(Ellipse(px + 7 * k, py + 6 * k, 11 * k, 11 * k), ss=3), planet)
    layer.paint(mask(Ellipse(px - 10 * k, py - 9 * k, 4.5 * k, 4.5 * k), ss=3), "#9ad1ff")
    orbit = curve([(px - 22 * k, py + 8 * k), (px - 4 * k, py - 10 * k), (px + 22 * k, py - 12 * k)], 8)
    layer.paint(mask(ribbon(orbit, 1.6 * k), ss=3) * inner, "#f4f1ea", 0.9)
    star = [(-3, -18), (-1.5, -15.5), (1, -15), (-1, -13), (-0.5, -10), (-3, -12), (-5.5, -10), (-5, -13), (-7, -15),
            (-4.5, -15.5)]
    layer.paint(mask(np.array([(px + x * k, py + y * k) for x, y in star]), ss=3), "#ffd58a")
