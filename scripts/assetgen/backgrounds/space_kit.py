"""What the space and Mars pictures share: their star and light-cone looks, Earth seen from Mars
as a blue dot, ridgelines painted with lit crests, and city rooflines with lit windows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..raster.colour import Colour, rgb
from ..raster.compose import below
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import YY
from ..raster.light import BeamLook, StarLook, add_star, beam, glow, radial, starfield

# Space and Mars: stars a touch brighter and crisper than Seoul's, light cones through dusty air.
SPACE_STARS = StarLook(core=1.1, halo=3.0, halo_k=0.25, cross_width=0.35, cross_reach=0.45, cross_k=0.55,
                       faint=(0.08, 0.55), faint_gain=1.6, bright=(0.6, 0.4))
DUST_BEAM = BeamLook(edge=2.0, exponential=True)
EARTH_BLUE, EARTH_HALO = "#7fb0e0", "#2f4f7a"  # Earth from Mars: the dot and its faint halo


def stars(r: np.random.Generator, n_faint: int, n_bright: int, y0: float = 0.0, y1: float = H, x0: float = 0.0,
          x1: float = W, tints: Sequence[Colour] = ("#f4f1ea",), cross: float = 14.0) -> np.ndarray:
    """A star layer in the space look: many faint points and a few bright ones with soft crosses."""
    return starfield(r, n_faint, n_bright, y0, y1, x0, x1, tints=tints, cross=cross, look=SPACE_STARS)


def dusty_beam(px: float, py: float, angle: float, spread: float, length: float, soft_start: float = 20.0) -> np.ndarray:
    """A cone of light through dust or mist: a Gaussian edge, an exponential fade."""
    return beam(px, py, angle, spread, length, soft_start, DUST_BEAM)


def earth_dot(img: np.ndarray, x: float, y: float, size: float = 1.0) -> np.ndarray:
    """Earth seen from Mars: a small, clearly blue point with a soft cross and a blue halo."""
    layer = np.zeros_like(img)
    add_star(layer, x, y, 0.16 * size, rgb(EARTH_BLUE), 14 * size, SPACE_STARS)
    layer += radial(x, y, 2.6 * size)[..., None] * rgb(EARTH_BLUE) * 0.3
    out = glow(img, layer, ((2, 0.8), (7, 0.7), (22, 0.5)))
    return out + radial(x, y, 40 * size)[..., None] * rgb(EARTH_HALO) * 0.12


def ridge_layer(img: np.ndarray, hline: np.ndarray, colour: Colour, crest: Colour | None = None, crest_w: float = 6.0,
                crest_k: float = 0.35, fade_to: Colour | None = None, fade_h: float = 120.0,
                fade_k: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Paint everything under a ridgeline; optional lit crest band and a fade toward ``fade_to`` downward."""
    m = below(hline, 1.0)
    col = np.broadcast_to(rgb(colour), img.shape).astype(np.float32)
    if fade_to is not None:
        depth = np.clip((YY - hline[None, :]) / fade_h, 0, 1)[..., None]
        col = col * (1 - depth * fade_k) + rgb(fade_to) * depth * fade_k
    if crest is not None:
        band = np.exp(-np.maximum(YY - hline[None, :], 0) / crest_w)[..., None]
        col = col * (1 - band * crest_k) + rgb(crest) * band * crest_k
    return img * (1 - m[..., None]) + col * m[..., None], m


def roofline(r: np.random.Generator, ground: float, hmin: float, hmax: float, wmin: float, wmax: float,
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


def lit_windows(r: np.random.Generator, blds: list[tuple[float, float, float]], ground: float, density: float,
                cell: tuple[int, int] = (7, 9)) -> np.ndarray:
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
