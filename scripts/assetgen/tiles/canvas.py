"""A small RGBA canvas for pixel art: the toolkit's layer with pixel coordinates (x1 / y1 exclusive)
and the drawing tiles and sprites need: rects, pixels, 1 px lines, hard-edged ellipses and rings,
soft glows, radial pools of light, seeded speckle, pasting, flipping and cropping."""

from __future__ import annotations

import numpy as np

from ..raster.blur import soften
from ..raster.colour import Colour
from ..raster.frame import pixel_grid
from ..raster.layer import Layer


class Canvas(Layer):
    def __init__(self, w: int, h: int, bg: Colour | None = None) -> None:
        super().__init__(w, h)
        self.ys, self.xs = pixel_grid(w, h, centres=True)
        self.rng = np.random.default_rng(0)  # replaced by the tile's own seeded generator before drawing
        if bg is not None:
            self.rect(0, 0, w, h, bg)

    def rect(self, x0: float, y0: float, x1: float, y1: float, c: Colour, a: float = 1.0) -> None:
        m = np.zeros((self.h, self.w), np.float32)
        x0, y0 = max(int(x0), 0), max(int(y0), 0)
        x1, y1 = min(int(x1), self.w), min(int(y1), self.h)
        if x1 > x0 and y1 > y0:
            m[y0:y1, x0:x1] = 1.0
            self.paint(m, c, a)

    def px(self, x: float, y: float, c: Colour, a: float = 1.0) -> None:
        self.rect(x, y, x + 1, y + 1, c, a)

    def hline(self, x0: float, x1: float, y: float, c: Colour, a: float = 1.0) -> None:
        self.rect(x0, y, x1, y + 1, c, a)

    def vline(self, x: float, y0: float, y1: float, c: Colour, a: float = 1.0) -> None:
        self.rect(x, y0, x + 1, y1, c, a)

    def line(self, x0: float, y0: float, x1: float, y1: float, c: Colour, a: float = 1.0) -> None:
        """A 1 px line, pixel by pixel (no anti-aliasing: pixel art)."""
        n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        m = np.zeros((self.h, self.w), np.float32)
        for i in range(n):
            t = i / max(n - 1, 1)
            x, y = int(round(x0 + (x1 - x0) * t)), int(round(y0 + (y1 - y0) * t))
            if 0 <= x < self.w and 0 <= y < self.h:
                m[y, x] = 1.0
        self.paint(m, c, a)

    def ellipse_m(self, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
        return ((((self.xs - cx) / rx) ** 2 + ((self.ys - cy) / ry) ** 2) <= 1.0).astype(np.float32)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, c: Colour, a: float = 1.0) -> None:
        self.paint(self.ellipse_m(cx, cy, rx, ry), c, a)

    def ring(self, cx: float, cy: float, rx: float, ry: float, c: Colour, a: float = 1.0, width: float = 1.0) -> None:
        outer = self.ellipse_m(cx, cy, rx, ry)
        inner = self.ellipse_m(cx, cy, max(rx - width, 0.01), max(ry - width, 0.01))
        self.paint(outer * (1 - inner), c, a)

    def soft(self, m: np.ndarray, c: Colour, radius: float, a: float = 1.0) -> None:
        """Paint a blurred copy of mask ``m`` (glow, soft shadow)."""
        self.paint(soften(m, radius), c, a)

    def radial(self, cx: float, cy: float, rx: float, ry: float, c: Colour, a: float = 1.0, power: float = 1.5) -> None:
        d = np.sqrt(((self.xs - cx) / rx) ** 2 + ((self.ys - cy) / ry) ** 2)
        self.paint(np.clip(1.0 - d, 0.0, 1.0) ** power, c, a)

    def speckle(self, r: np.random.Generator, c: Colour, p: float, a: float = 1.0,
                box: tuple[int, int, int, int] | None = None) -> None:
        m = (r.random((self.h, self.w)) < p).astype(np.float32)
        if box is not None:
            x0, y0, x1, y1 = box
            keep = np.zeros_like(m)
            keep[max(y0, 0):y1, max(x0, 0):x1] = 1
            m *= keep
        self.paint(m, c, a)

    def paste(self, other: Layer, x: int, y: int) -> None:
        m = np.zeros((self.h, self.w), np.float32)
        col = np.zeros_like(self.c)
        x0, y0 = max(x, 0), max(y, 0)
        x1, y1 = min(x + other.w, self.w), min(y + other.h, self.h)
        if x1 <= x0 or y1 <= y0:
            return
        m[y0:y1, x0:x1] = other.a[y0 - y:y1 - y, x0 - x:x1 - x]
        col[y0:y1, x0:x1] = other.c[y0 - y:y1 - y, x0 - x:x1 - x]
        self.paint(m, col)

    def flip(self) -> Canvas:
        out = Canvas(self.w, self.h)
        out.c = self.c[:, ::-1].copy()
        out.a = self.a[:, ::-1].copy()
        return out

    def crop(self, x: int, y: int, w: int, h: int) -> Canvas:
        out = Canvas(w, h)
        out.c = self.c[y:y + h, x:x + w].copy()
        out.a = self.a[y:y + h, x:x + w].copy()
        return out
