"""Seeded noise: fractal value noise fields, 1-D ridgeline noise, angular outlines, film grain."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ..seeds import rng
from .frame import HEIGHT, WIDTH


def fbm(r: np.random.Generator, scale: float, octaves: int = 5, gain: float = 0.5, sx: float = 1.0,
        sy: float = 1.0, h: int = HEIGHT, w: int = WIDTH) -> np.ndarray:
    """Fractal value noise in 0..1 (stretched to the 0.5 / 99.5 percentiles); ``scale`` is the largest
    feature in px, ``sx`` / ``sy`` stretch it."""
    out = np.zeros((h, w), np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gh = max(2, int(h / (s * sy)) + 3)
        gw = max(2, int(w / (s * sx)) + 3)
        g = r.random((gh, gw), dtype=np.float32)
        im = Image.fromarray(g, "F").resize((w, h), Image.Resampling.BICUBIC, box=(1, 1, gw - 2, gh - 2))
        out += np.asarray(im, np.float32) * amp
        total += amp
        amp *= gain
        s /= 2.0
    out /= total
    lo, hi = np.percentile(out, 0.5), np.percentile(out, 99.5)
    return np.clip((out - lo) / (hi - lo + 1e-6), 0.0, 1.0)


def line_noise(r: np.random.Generator, scale: float, octaves: int = 4, gain: float = 0.5, w: int = WIDTH) -> np.ndarray:
    """1-D fractal noise along x in about -1..1 (ridgelines, shorelines, ripples)."""
    out = np.zeros(w, np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gw = max(2, int(w / s) + 3)
        g = r.random((1, gw), dtype=np.float32) * 2.0 - 1.0
        im = Image.fromarray(g, "F").resize((w, 1), Image.Resampling.BICUBIC, box=(1, 0, gw - 2, 1))
        out += np.asarray(im, np.float32)[0] * amp
        total += amp
        amp *= gain
        s /= 2.0
    return out / total


def jagged(r: np.random.Generator, spacing: tuple[float, float], amp: float, w: int = WIDTH) -> np.ndarray:
    """Angular piecewise-linear noise along x (rock outlines), roughly -amp..amp."""
    xs = [-60.0]
    while xs[-1] < w + 60:
        xs.append(xs[-1] + float(r.uniform(*spacing)))
    ys = r.uniform(-amp, amp, len(xs))
    return np.interp(np.arange(w, dtype=np.float32), xs, ys).astype(np.float32)


def grain(pixels: np.ndarray, name: str, amplitude: float = 3.0 / 255.0) -> np.ndarray:
    """Fine monochrome film grain seeded by ``name``, added to the colour channels (alpha untouched)."""
    noise = rng(f"grain:{name}").normal(0.0, amplitude, pixels.shape[:2]).astype(np.float32)
    out = pixels.copy()
    out[..., :3] = np.clip(out[..., :3] + noise[..., None], 0.0, 1.0)
    return out
