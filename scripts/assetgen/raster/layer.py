"""An RGBA float layer (straight colour ``c``, alpha ``a``) for pictures with transparency: busts,
interface pieces, tiles and sprites. Painting is Porter-Duff: 'over' (paint), 'atop' (only where
there is something already), 'under' (behind what is there)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from .colour import Colour, rgb


class Layer:
    def __init__(self, width: int, height: int) -> None:
        self.w, self.h = width, height
        self.c = np.zeros((height, width, 3), np.float32)
        self.a = np.zeros((height, width), np.float32)

    def copy(self) -> Layer:
        out = Layer(self.w, self.h)
        out.c = self.c.copy()
        out.a = self.a.copy()
        return out

    def _coverage(self, m: np.ndarray | float, alpha: float) -> np.ndarray:
        a = np.clip(np.asarray(m, np.float32) * alpha if alpha != 1.0 else np.asarray(m, np.float32), 0.0, 1.0)
        return np.broadcast_to(a, self.a.shape)

    def paint(self, m: np.ndarray | float, colour: Colour, alpha: float = 1.0) -> None:
        """``colour`` (one colour or one per pixel) over what is there, through coverage ``m`` at ``alpha``."""
        a = self._coverage(m, alpha)
        rows = np.nonzero(a.max(axis=1) > 0)[0]
        if len(rows) == 0:
            return
        r0, r1 = rows[0], rows[-1] + 1
        col = rgb(colour)
        if col.ndim == 3:
            col = np.broadcast_to(col, self.c.shape)[r0:r1]
        src, dst = a[r0:r1], self.a[r0:r1]
        out = src + dst * (1.0 - src)
        safe = np.where(out > 1e-6, out, 1.0)
        self.c[r0:r1] = (col * src[..., None] + self.c[r0:r1] * (dst * (1.0 - src))[..., None]) / safe[..., None]
        self.a[r0:r1] = out

    def atop(self, m: np.ndarray, colour: Colour, alpha: float = 1.0) -> None:
        """Paint only where this layer already has coverage, keeping its alpha (shading, rim light)."""
        a = (m * alpha)[..., None]
        self.c = self.c * (1.0 - a) + rgb(colour) * a

    def under(self, m: np.ndarray, colour: Colour, alpha: float = 1.0) -> None:
        """Paint behind what is there (outlines, outer glows)."""
        top_c, top_a = self.c, self.a
        self.c = np.zeros_like(top_c)
        self.a = np.zeros_like(top_a)
        self.paint(m, colour, alpha)
        self.paint(top_a, top_c)

    def over(self, top: Layer) -> None:
        """Another layer of the same size over this one."""
        self.paint(top.a, top.c)

    def shade(self, m: np.ndarray, factor: np.ndarray, alpha: float = 1.0) -> None:
        """Multiply the colour by ``factor`` inside ``m`` (one shadow tone over any material)."""
        a = (m * alpha)[..., None]
        self.c = self.c * (1.0 - a + a * factor)

    def replace(self, m: np.ndarray, colour: Colour, alpha: float) -> None:
        """Set colour and opacity inside ``m`` instead of blending (a translucent window in an opaque frame)."""
        self.c = self.c * (1.0 - m[..., None]) + np.broadcast_to(rgb(colour), self.c.shape) * m[..., None]
        self.a = self.a * (1.0 - m) + alpha * m

    def rgba(self) -> np.ndarray:
        """8-bit RGBA, colour cleared where fully transparent."""
        data = np.concatenate([self.c, self.a[..., None]], axis=-1)
        out = (np.clip(data, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        out[..., :3][out[..., 3] == 0] = 0
        return out

    def image(self) -> Image.Image:
        return Image.fromarray(self.rgba(), "RGBA")
