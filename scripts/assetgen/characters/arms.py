"""Arms and hands on the half-body frame: an arm is two capsules (upper arm and forearm, so any bend
keeps a round elbow) in its sleeve's colour with a cuff, shaded on the side away from the light; a
hand is a few capsules and outlines in hand units (wrist at the origin, fingers along +v, one hand
length long), turned and scaled onto the frame. Hand kinds: ``relaxed`` (hanging, seen from the
side), ``open`` (palm to the viewer, a wave), ``fist`` (holding a stick), ``fingers`` (fingertips
wrapped over an edge, the rest hidden), ``thumb`` (a thumb over the front of something held) and
``flat`` (the back of a hand laid on something, fingers together).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..raster.blur import grow
from ..raster.colour import Colour
from ..raster.compose import shift
from ..raster.curves import curve, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse, Shape
from .face import Palette
from .frame import mask

XY = tuple[float, float]


def capsule(p0: XY, p1: XY, w0: float, w1: float, n: int = 10) -> np.ndarray:
    """A stroke from ``p0`` to ``p1`` with half widths ``w0`` and ``w1`` and round ends (a polygon)."""
    a, b = np.array(p0, np.float64), np.array(p1, np.float64)
    d = b - a
    ln = max(float(np.hypot(*d)), 1e-6)
    d /= ln
    nrm = np.array([-d[1], d[0]])
    ang = math.atan2(nrm[1], nrm[0])
    cap_b = [b + w1 * np.array([math.cos(ang - t), math.sin(ang - t)]) for t in np.linspace(0, math.pi, n)]
    cap_a = [a + w0 * np.array([math.cos(ang + math.pi - t), math.sin(ang + math.pi - t)]) for t in np.linspace(0, math.pi, n)]
    return np.vstack([cap_b, cap_a])


@dataclass(frozen=True)
class Arm:
    """One arm: shoulder, elbow and wrist on the frame, and the sleeve's half widths there."""

    shoulder: XY
    elbow: XY
    wrist: XY
    widths: tuple[float, float, float] = (32.0, 26.0, 21.0)
    cuff: float = 0.0  # width of a cuff band at the wrist (0: none)
    bare: float = 0.0  # share of the forearm shown as skin (a sleeve pushed up), from the wrist

    def shapes(self) -> list[Shape]:
        ws, we, ww = self.widths
        return [capsule(self.shoulder, self.elbow, ws, we), capsule(self.elbow, self.wrist, we, ww)]

    def forearm_dir(self) -> XY:
        d = np.array(self.wrist) - np.array(self.elbow)
        d /= max(float(np.hypot(*d)), 1e-6)
        return float(d[0]), float(d[1])

    def angle(self) -> float:
        """The forearm's direction in degrees from straight down (positive turns toward +x)."""
        dx, dy = self.forearm_dir()
        return math.degrees(math.atan2(dx, dy))

    def along(self, t: float) -> XY:
        """A point on the forearm, ``t`` from the elbow (0) to the wrist (1)."""
        e, w = np.array(self.elbow), np.array(self.wrist)
        p = e + (w - e) * t
        return float(p[0]), float(p[1])


@dataclass(frozen=True)
class Hand:
    """A hand of ``kind`` at ``at`` (the wrist; the knuckles for ``fingers``), turned ``angle`` degrees
    from pointing down, ``size`` px long; ``flip`` mirrors it (the thumb on the other side)."""

    kind: str
    at: XY
    angle: float
    size: float = 110.0
    flip: bool = False
    spread: float = 0.0  # extra finger spread in degrees (open hands)

    def to_frame(self, pts: Sequence[XY]) -> np.ndarray:
        a = math.radians(self.angle)
        v = np.array([math.sin(a), math.cos(a)])
        u = np.array([math.cos(a), -math.sin(a)])
        s = -1.0 if self.flip else 1.0
        p = np.asarray(pts, np.float64)
        out: np.ndarray = np.array(self.at) + self.size * (p[:, :1] * s * u + p[:, 1:2] * v)
        return out

    def cap(self, p0: XY, p1: XY, w0: float, w1: float) -> np.ndarray:
        a, b = self.to_frame([p0, p1])
        return capsule((a[0], a[1]), (b[0], b[1]), w0 * self.size, w1 * self.size)

    def blob(self, pts: list[tuple[float, ...]]) -> np.ndarray:
        line = outline(pts, 10)
        return self.to_frame([(float(x), float(y)) for x, y in line])

    def line(self, pts: list[tuple[float, ...]]) -> np.ndarray:
        return self.to_frame([(float(x), float(y)) for x, y in curve(pts, 8)])


@dataclass
class HandParts:
    skin: list[Shape] = field(default_factory=list)  # the hand itself
    front: list[Shape] = field(default_factory=list)  # parts over what the hand holds (a thumb)
    lines: list[np.ndarray] = field(default_factory=list)  # creases and finger separations


def hand_parts(h: Hand) -> HandParts:
    k = h.kind
    p = HandParts()
    if k == "relaxed":
        p.skin.append(h.blob([(-0.16, -0.05), (-0.2, 0.22), (-0.2, 0.5), (-0.15, 0.78), (-0.04, 0.95), (0.06, 0.9),
                              (0.1, 0.72), (0.15, 0.5), (0.17, 0.25), (0.15, -0.05)]))
        p.skin.append(h.cap((0.12, 0.18), (0.2, 0.5), 0.08, 0.06))
        p.lines += [h.line([(-0.07, 0.55), (-0.08, 0.72), (-0.06, 0.86)]), h.line([(0.03, 0.55), (0.03, 0.7), (0.04, 0.82)])]
        p.lines.append(h.line([(0.1, 0.32), (0.13, 0.45), (0.13, 0.52)]))
    elif k == "open":
        sp = math.radians(h.spread)
        p.skin.append(h.blob([(-0.17, 0.0), (-0.22, 0.25), (-0.22, 0.48), (0.0, 0.52), (0.22, 0.47), (0.2, 0.2), (0.16, 0.0)]))
        fingers = ((0.15, 0.41, 0.06, 0.12), (0.05, 0.48, 0.058, 0.03), (-0.06, 0.45, 0.056, -0.06), (-0.16, 0.35, 0.05, -0.15))
        for u, ln, w, tilt in fingers:
            t = tilt + math.copysign(sp, tilt) * abs(tilt) * 4
            tip = (u + ln * math.sin(t), 0.47 + ln * math.cos(t))
            p.skin.append(h.cap((u, 0.42), tip, w, w * 0.9))
        p.skin.append(h.cap((0.14, 0.1), (0.33, 0.33), 0.085, 0.065))
        p.skin.append(h.cap((0.33, 0.33), (0.4, 0.47), 0.065, 0.055))
        p.lines.append(h.line([(0.12, 0.12), (0.02, 0.26), (0.0, 0.4)]))
        p.lines.append(h.line([(-0.16, 0.36), (-0.02, 0.33), (0.14, 0.37)]))
    elif k == "fist":
        p.skin.append(h.blob([(-0.17, -0.02), (-0.21, 0.2), (-0.22, 0.42), (-0.14, 0.54), (0.0, 0.56), (0.16, 0.53),
                              (0.22, 0.4), (0.21, 0.18), (0.16, -0.02)]))
        for u in (-0.11, 0.0, 0.11):
            p.lines.append(h.line([(u, 0.4), (u + 0.01, 0.5), (u, 0.55)]))
        p.front.append(h.cap((0.2, 0.2), (-0.02, 0.34), 0.075, 0.06))
    elif k == "fingers":
        for u, ln in ((0.165, 0.26), (0.055, 0.3), (-0.055, 0.29), (-0.165, 0.23)):
            p.skin.append(h.cap((u, 0.0), (u * 1.05, ln), 0.056, 0.05))
    elif k == "thumb":
        p.skin.append(h.blob([(-0.16, -0.02), (-0.21, 0.22), (-0.19, 0.45), (0.0, 0.5), (0.14, 0.4), (0.17, 0.2),
                              (0.15, -0.02)]))
        p.front.append(h.cap((0.1, 0.22), (0.02, 0.5), 0.075, 0.06))
    elif k == "flat":
        p.skin.append(h.blob([(-0.17, 0.0), (-0.2, 0.3), (-0.2, 0.62), (-0.12, 0.9), (0.0, 0.98), (0.12, 0.92),
                              (0.18, 0.62), (0.19, 0.3), (0.16, 0.0)]))
        p.skin.append(h.cap((0.15, 0.1), (0.3, 0.42), 0.08, 0.06))
        for u in (-0.1, 0.0, 0.095):
            p.lines.append(h.line([(u, 0.56), (u, 0.75), (u * 0.9, 0.9)]))
    else:
        raise ValueError(f"characters: no hand kind {k!r} (relaxed, open, fist, fingers, thumb, flat)")
    return p


@dataclass(frozen=True)
class Sleeve:
    """How an arm is dressed: the sleeve colour, its cuff, and the skin or glove colour of the hand."""

    colour: Colour
    cuff: Colour | None = None
    hand: Colour | None = None  # None: the palette's skin
    hand_line: Colour | None = None
    seam: Colour | None = None  # a line down the outside of the sleeve


def draw_arm(layer: Layer, pal: Palette, arm: Arm, sleeve: Sleeve, light: float, behind: np.ndarray | None = None,
             contour: float = 0.55) -> np.ndarray:
    """One sleeve on ``layer`` with a contour where it lies over what is ``behind``, its shadow side, its
    cast shadow on what is behind, and a cuff; returns its coverage."""
    m = mask(*arm.shapes())
    if behind is not None:
        sh = shift(m, int(-light * 5), 7) * (1.0 - m) * behind
        layer.shade(sh, pal.dark(1.0), 0.8)
        layer.paint(np.clip(grow(m, 3) - m, 0, 1) * behind, pal.outline, contour)
    layer.paint(m, sleeve.colour)
    if arm.bare > 0:
        skin = mask(capsule(arm.along(1.0 - arm.bare), arm.wrist, arm.widths[2] * 0.86, arm.widths[2] * 0.8))
        layer.paint(skin * m, pal.skin)
        t0, t1 = 1.0 - arm.bare - 0.07, 1.0 - arm.bare + 0.03
        edge = mask(capsule(arm.along(t0), arm.along(t1), arm.widths[1] * 1.04, arm.widths[2] * 1.1))
        layer.paint(edge, sleeve.colour if sleeve.cuff is None else sleeve.cuff)
        dx, dy = arm.forearm_dir()
        for t in (t0 + 0.02, (t0 + t1) / 2 + 0.01):  # the folds of the pushed-up sleeve
            cx, cy = arm.along(t)
            w = arm.widths[2] * 1.05
            fold = curve([(cx + dy * w, cy - dx * w), (cx + dx * 4, cy + dy * 4), (cx - dy * w, cy + dx * w)], 6)
            layer.paint(mask(ribbon(fold, 1.3), ss=3) * edge, pal.outline, 0.45)
        m = np.maximum(m, edge)
    layer.shade(m * (1.0 - shift(m, int(light * 9), 0)), pal.dark(1.0), 0.9)
    if sleeve.seam is not None:
        s = -1.0 if arm.elbow[0] < arm.shoulder[0] else 1.0
        seam = curve([_off(arm.shoulder, s * arm.widths[0] * 0.55, 10), _off(arm.elbow, s * arm.widths[1] * 0.6, 0),
                      _off(arm.along(0.9), s * arm.widths[2] * 0.6, 0)], 8)
        layer.paint(mask(ribbon(seam, 1.6), ss=3) * m, sleeve.seam, 0.8)
    if arm.cuff > 0 and sleeve.cuff is not None:
        cuff = mask(capsule(arm.along(1.0 - arm.cuff), arm.wrist, arm.widths[2] * 1.04, arm.widths[2] * 1.02))
        cuff *= _beyond(arm.along(1.0 - arm.cuff), arm.forearm_dir(), layer.w, layer.h)
        layer.paint(cuff, sleeve.cuff)
        layer.shade(cuff * (1.0 - shift(cuff, int(light * 7), 0)), pal.dark(1.0), 0.8)
        m = np.maximum(m, cuff)
    return m


def _beyond(p: XY, d: XY, w: int, h: int) -> np.ndarray:
    """1 on the side of the line through ``p`` (across direction ``d``) that ``d`` points to."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    out: np.ndarray = np.clip((xs - p[0]) * d[0] + (ys - p[1]) * d[1] + 0.5, 0, 1)
    return out


def _off(p: XY, dx: float, dy: float) -> XY:
    return p[0] + dx, p[1] + dy


def draw_hand(layer: Layer, pal: Palette, hand: Hand, light: float, sleeve: Sleeve, part: str = "all",
              behind: np.ndarray | None = None) -> np.ndarray:
    """A hand (``part``: all, back = without the parts over what it holds, front = only those)."""
    parts = hand_parts(hand)
    skin = sleeve.hand or pal.skin
    line = sleeve.hand_line or pal.skin_shade(1.45)
    shapes = {"all": parts.skin + parts.front, "back": parts.skin, "front": parts.front}[part]
    if not shapes:
        return np.zeros((layer.h, layer.w), np.float32)
    m = mask(*shapes, ss=3)
    if behind is not None:
        layer.paint(np.clip(grow(m, 3) - m, 0, 1) * behind, pal.outline, 0.5)
    layer.paint(m, skin)
    layer.shade(m * (1.0 - shift(m, int(light * 5), -2)), pal.dark(0.7), 0.8)
    if part != "front":
        for ln in parts.lines:
            layer.paint(mask(ribbon(ln, taper(len(ln), 0.5, 1.5, 0.5)), ss=3) * m, line, 0.8)
    if part != "back" and parts.front:
        fm = mask(*parts.front, ss=3)
        layer.paint(np.clip(grow(fm, 3) - fm, 0, 1) * m, line, 0.7)
        layer.paint(fm, skin)
    return m


def knuckle_dots(layer: Layer, pts: Sequence[XY], colour: Colour, r: float = 2.0) -> None:
    """Small marks (nails, knuckles) at ``pts``."""
    layer.paint(mask(*[Ellipse(x, y, r, r * 0.8) for x, y in pts], ss=3), colour, 0.7)
