"""Flat vector shapes drawn supersampled with Pillow and reduced: anti-aliased masks, and the
``Sketch`` (a colour layer drawn together with an emission layer, so nearer shapes hide farther
lights)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from .colour import Colour, rgba8, to8
from .frame import HEIGHT, WIDTH

SS = 2  # default supersampling of a Sketch
Point = tuple[float, float]
DrawFn = Callable[[ImageDraw.ImageDraw, int], None]


class Sketch:
    """Flat shapes with optional emission at ``ss`` times the size. ``base()`` gives premultiplied
    (rgb, alpha), ``light()`` the emission. Shapes are opaque within one sketch: nearer shapes drawn
    later cover farther ones, their lights too. A colour of None draws emission only."""

    def __init__(self, ss: int = SS, emission: bool = True) -> None:
        self.s = ss
        self.im = Image.new("RGBA", (WIDTH * ss, HEIGHT * ss), (0, 0, 0, 0))
        self.d = ImageDraw.Draw(self.im)
        self.em = Image.new("RGB", (WIDTH * ss, HEIGHT * ss), (0, 0, 0)) if emission else None
        self.de = ImageDraw.Draw(self.em) if self.em is not None else None

    def _p(self, pts: Sequence[Point]) -> list[Point]:
        s = self.s
        return [(x * s, y * s) for x, y in pts]

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        s = self.s
        return [min(x0, x1) * s, min(y0, y1) * s, max(x0, x1) * s, max(y0, y1) * s]

    def _do(self, fn: str, geom: Any, colour: Colour | None, emit: Colour | None, alpha: float = 1.0,
            base: bool = True, **kw: Any) -> None:
        if base and colour is not None:
            getattr(self.d, fn)(geom, fill=rgba8(colour, alpha), **kw)
        if self.de is not None and (base or emit is not None):
            getattr(self.de, fn)(geom, fill=to8(emit) if emit is not None else (0, 0, 0), **kw)

    def poly(self, pts: Sequence[Point], colour: Colour | None, emit: Colour | None = None, alpha: float = 1.0,
             base: bool = True) -> None:
        self._do("polygon", self._p(pts), colour, emit, alpha, base)

    def rect(self, x0: float, y0: float, x1: float, y1: float, colour: Colour | None, emit: Colour | None = None,
             alpha: float = 1.0, base: bool = True) -> None:
        self._do("rectangle", self._box(x0, y0, x1, y1), colour, emit, alpha, base)

    def rrect(self, x0: float, y0: float, x1: float, y1: float, radius: float, colour: Colour | None,
              emit: Colour | None = None, alpha: float = 1.0, base: bool = True) -> None:
        self._do("rounded_rectangle", self._box(x0, y0, x1, y1), colour, emit, alpha, base, radius=radius * self.s)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, colour: Colour | None, emit: Colour | None = None,
                alpha: float = 1.0, base: bool = True) -> None:
        self._do("ellipse", self._box(cx - rx, cy - ry, cx + rx, cy + ry), colour, emit, alpha, base)

    def line(self, pts: Sequence[Point], width: float, colour: Colour | None, emit: Colour | None = None,
             alpha: float = 1.0, base: bool = True, caps: bool = True) -> None:
        w = max(1, int(round(width * self.s)))
        p = self._p(pts)
        self._do("line", p, colour, emit, alpha, base, width=w, joint="curve")
        if caps:
            rr = width * self.s / 2.0
            for x, y in (p[0], p[-1]):
                self._do("ellipse", [x - rr, y - rr, x + rr, y + rr], colour, emit, alpha, base)

    def arc(self, cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, width: float,
            colour: Colour | None, emit: Colour | None = None, alpha: float = 1.0, base: bool = True,
            caps: bool = True) -> None:
        pts = [(cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
               for a in np.linspace(a0, a1, max(6, int(abs(a1 - a0) / 6)))]
        self.line(pts, width, colour, emit, alpha, base, caps)

    def base(self) -> tuple[np.ndarray, np.ndarray]:
        a = self.im.getchannel("A")
        pm = ImageChops.multiply(self.im.convert("RGB"), Image.merge("RGB", (a, a, a)))
        if self.s > 1:
            pm, a = pm.reduce(self.s), a.reduce(self.s)
        return np.asarray(pm, np.float32) / 255.0, np.asarray(a, np.float32) / 255.0

    def light(self) -> np.ndarray:
        if self.em is None:
            raise ValueError("this sketch was made without emission")
        em = self.em.reduce(self.s) if self.s > 1 else self.em
        return np.asarray(em, np.float32) / 255.0

    def over(self, img: np.ndarray, alpha: float = 1.0) -> np.ndarray:
        pm, a = self.base()
        return img * (1.0 - a[..., None] * alpha) + pm * alpha

    def mask(self) -> np.ndarray:
        return self.base()[1]


def shape_mask(fn: Callable[[Sketch], None], ss: int = SS) -> np.ndarray:
    """The coverage of whatever ``fn`` draws into a fresh sketch (colours ignored)."""
    sketch = Sketch(ss, emission=False)
    fn(sketch)
    return sketch.mask()


def shapes(draw_fn: DrawFn, ss: int = 3, size: tuple[int, int] = (WIDTH, HEIGHT)) -> np.ndarray:
    """Anti-aliased mask of shapes drawn by ``draw_fn(draw, ss)`` (in white) at ``ss`` times the size."""
    im = Image.new("L", (size[0] * ss, size[1] * ss), 0)
    draw_fn(ImageDraw.Draw(im), ss)
    return np.asarray(im.reduce(ss), np.float32) / 255.0


def sc(points: Sequence[Point], ss: int) -> list[Point]:
    """Points scaled by the supersampling factor."""
    return [(x * ss, y * ss) for x, y in points]


def sorted_box(x0: float, y0: float, x1: float, y1: float, ss: int) -> list[float]:
    """A box with its corners in order, scaled by the supersampling factor."""
    return [min(x0, x1) * ss, min(y0, y1) * ss, max(x0, x1) * ss, max(y0, y1) * ss]


class Moved:
    """An ImageDraw wrapper that moves every coordinate it is given by (dx, dy) (already scaled):
    draw a small piece at its place in the picture on a canvas only as big as the piece."""

    def __init__(self, draw: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        self.d, self.dx, self.dy = draw, dx, dy

    def _pts(self, xy: Any) -> Any:
        if xy and isinstance(xy[0], (int, float, np.floating)):
            return [v + (self.dx if i % 2 == 0 else self.dy) for i, v in enumerate(xy)]
        return [(x + self.dx, y + self.dy) for x, y in xy]

    def __getattr__(self, item: str) -> Callable[..., Any]:
        fn = getattr(self.d, item)

        def call(xy: Any, *a: Any, **k: Any) -> Any:
            return fn(self._pts(xy), *a, **k)

        return call
