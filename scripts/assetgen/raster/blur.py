"""Gaussian blur of float images by repeated box filters (exact sums, any radius, anisotropic), and the
8-bit blur and grow of masks through Pillow."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageFilter

PASSES = 3  # three box passes are within a few percent of a Gaussian


def box_rows(a: np.ndarray, r: int) -> np.ndarray:
    """Mean over 2r+1 rows (axis 0), edges extended; running sums keep it O(n) for any ``r``."""
    if r < 1:
        return a
    n = a.shape[0]
    p = np.concatenate([np.repeat(a[:1], r + 1, axis=0), a, np.repeat(a[-1:], r, axis=0)], axis=0)
    c = np.cumsum(p, axis=0, dtype=np.float32)
    return (c[2 * r + 1:2 * r + 1 + n] - c[:n]) / float(2 * r + 1)


def box_radius(sigma: float) -> int:
    """The box radius whose PASSES-fold repetition comes closest to standard deviation ``sigma``.

    The smallest box (radius 1) already gives a deviation of 1.4, so below about 0.87 this is 0: no
    blur at all. Ask for 1.0 for the softest blur there is."""
    return int(round((math.sqrt(12.0 / PASSES * sigma * sigma + 1.0) - 1.0) / 2.0))


def gaussian(a: np.ndarray, sy: float, sx: float) -> np.ndarray:
    """Blur over axes 0 (by ``sy``) and 1 (by ``sx``) at full size."""
    ry, rx = box_radius(sy), box_radius(sx)
    for _ in range(PASSES):
        a = box_rows(a, ry)
    a = np.swapaxes(a, 0, 1)
    for _ in range(PASSES):
        a = box_rows(a, rx)
    return np.ascontiguousarray(np.swapaxes(a, 0, 1))


def _resize(a: np.ndarray, w: int, h: int) -> np.ndarray:
    chans = [np.asarray(Image.fromarray(np.ascontiguousarray(a[..., i]), "F").resize((w, h), Image.Resampling.BILINEAR))
             for i in range(a.shape[2])]
    return np.stack(chans, axis=-1)


def blur(a: np.ndarray, sigma: float, sigma_x: float | None = None) -> np.ndarray:
    """Gaussian blur of an H x W or H x W x C float image; ``sigma_x`` makes it anisotropic.

    Large radii run at a quarter or half of the size (averaged down, blurred, bilinearly scaled back),
    which is indistinguishable for soft light and ten times faster.
    """
    sy = sigma
    sx = sigma if sigma_x is None else sigma_x
    a = np.asarray(a, np.float32)
    if box_radius(sx) == 0 and box_radius(sy) == 0:
        return a.copy()
    flat = a.ndim == 2
    if flat:
        a = a[..., None]
    f = 4 if min(sx, sy) > 20 else (2 if min(sx, sy) > 6 else 1)
    h, w, c = a.shape
    if f == 1:
        out = gaussian(a, sy, sx)
    else:
        hs, ws = -(-h // f), -(-w // f)
        p = np.pad(a, ((0, hs * f - h), (0, ws * f - w), (0, 0)), mode="edge")
        small = p.reshape(hs, f, ws, f, c).mean(axis=(1, 3))
        small = gaussian(small, sy / f, sx / f)
        out = _resize(small, ws * f, hs * f)[:h, :w]
    return out[..., 0] if flat else out


def _to_l(m: np.ndarray) -> Image.Image:
    return Image.fromarray((np.clip(m, 0, 1) * 255 + 0.5).astype(np.uint8))


def soften(m: np.ndarray, radius: float) -> np.ndarray:
    """A mask blurred at 8-bit precision (Pillow's Gaussian): soft shadows and glows of small sprites."""
    return np.asarray(_to_l(m).filter(ImageFilter.GaussianBlur(radius)), dtype=np.float32) / 255.0


def grow(m: np.ndarray, size: int = 3) -> np.ndarray:
    """A mask dilated by a size x size maximum filter (outlines)."""
    return np.asarray(_to_l(m).filter(ImageFilter.MaxFilter(size)), dtype=np.float32) / 255.0
