"""Smooth steps and vertical gradients."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .colour import Colour, rgb
from .frame import HEIGHT, WIDTH


def smoothstep(e0: float, e1: float, x: np.ndarray | float) -> np.ndarray:
    """0 below ``e0``, 1 above ``e1``, a smooth cubic between (``e0 > e1`` runs it backwards)."""
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def vgrad(stops: Sequence[tuple[float, Colour]], h: int = HEIGHT, w: int = WIDTH) -> np.ndarray:
    """An h x w x 3 picture blending colour stops [(0.0, '#..'), ..., (1.0, '#..')] from top to bottom."""
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)
    pos = [p for p, _ in stops]
    chans = [np.interp(ys, pos, [rgb(c)[i] for _, c in stops]) for i in range(3)]
    col = np.stack(chans, axis=-1).astype(np.float32)
    return np.repeat(col[:, None, :], w, axis=1)


def ramp(height: int, stops: Sequence[tuple[float, float]]) -> np.ndarray:
    """A height x 1 column of values interpolated between stops [(position 0..1, value), ...]."""
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    return np.interp(ys, [p for p, _ in stops], [v for _, v in stops]).astype(np.float32)[:, None]
