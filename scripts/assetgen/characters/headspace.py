"""Head units: a head is drawn at bust size on its own 600 x 900 canvas (the chin near y 480, where the
face toolkit's numbers were tuned) and then placed, scaled down, on the half-body frame. Drawing large
and reducing gives clean anti-aliased features at the small size a half-body figure needs, and keeps
every face measurement in one unit whatever the figure around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from ..raster.layer import Layer
from .frame import CX, H, W


@dataclass(frozen=True)
class HeadSpace:
    """Where a head canvas lands on the frame: head point (CX, 0) goes to (CX + dx, top), scaled by ``k``."""

    k: float = 0.66
    dx: float = 0.0
    top: float = -52.0

    def size(self) -> tuple[int, int]:
        return round(W * self.k), round(H * self.k)

    def origin(self) -> tuple[int, int]:
        sw, _ = self.size()
        return round(CX + self.dx - sw / 2), round(self.top)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A head-unit point on the frame."""
        sw, sh = self.size()
        ox, oy = self.origin()
        return ox + x * sw / W, oy + y * sh / H

    def place_mask(self, m: np.ndarray) -> np.ndarray:
        """A head-unit coverage mask on the frame."""
        small = _paste(_resize(m, self), self)
        return np.where(small < 2.0 / 255.0, 0.0, np.clip(small, 0.0, 1.0)).astype(np.float32)

    def place(self, layer: Layer) -> Layer:
        """A head-unit layer on the frame (resampled with premultiplied colour, so edges stay clean)."""
        a = np.clip(layer.a, 0.0, 1.0)
        small_a = _paste(_resize(a, self), self)
        out = Layer(W, H)
        out.a = np.where(small_a < 2.0 / 255.0, 0.0, np.clip(small_a, 0.0, 1.0))  # no faint ringing round the edges
        safe = np.where(out.a > 1e-4, out.a, 1.0)
        for i in range(3):
            pre = _paste(_resize(layer.c[..., i] * a, self), self)
            out.c[..., i] = np.clip(pre / safe, 0.0, 1.0)
        out.c[out.a <= 1e-4] = 0.0
        return out


def _resize(a: np.ndarray, space: HeadSpace) -> np.ndarray:
    size = space.size()
    img = Image.fromarray(np.ascontiguousarray(a, dtype=np.float32), "F")
    return np.asarray(img.resize(size, Image.Resampling.BOX), dtype=np.float32)


def _paste(small: np.ndarray, space: HeadSpace) -> np.ndarray:
    out = np.zeros((H, W), np.float32)
    ox, oy = space.origin()
    sh, sw = small.shape
    x0, y0 = max(ox, 0), max(oy, 0)
    x1, y1 = min(ox + sw, W), min(oy + sh, H)
    if x1 > x0 and y1 > y0:
        out[y0:y1, x0:x1] = small[y0 - oy : y1 - oy, x0 - ox : x1 - ox]
    return np.clip(out, -0.05, 1.05)
