"""The full-screen picture size and its pixel grids (read-only, shared by the full-frame helpers)."""

from __future__ import annotations

import numpy as np

WIDTH, HEIGHT = 1280, 720


def pixel_grid(width: int, height: int, centres: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(ys, xs) float32 coordinate grids of a width x height picture; at pixel centres if ``centres``."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    if centres:
        return ys + 0.5, xs + 0.5
    return ys, xs


def constant(a: np.ndarray) -> np.ndarray:
    """``a`` made read-only: a shared array that nobody may write to."""
    a.flags.writeable = False
    return a


# Row and column index of every pixel of a full-screen picture (constants: never written).
YY, XX = (constant(g) for g in pixel_grid(WIDTH, HEIGHT))
