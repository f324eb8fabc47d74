"""Faces: the palette of a character, an expression (eyes, lids, brows, mouth, blush, tears) and
where the features sit on one head; drawing eyes, brows, mouth and nose from them. Looks differ only
here, so a look change never moves the silhouette.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..raster.blur import soften
from ..raster.colour import mix, rgb
from ..raster.curves import Pt, bezier, curve, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .frame import CX, mask


@dataclass(frozen=True)
class Palette:
    skin: str
    hair: str
    hair_sheen: str
    brow: str
    iris: str
    iris_light: str
    lash: str
    lip: str
    tone: str  # the one shadow tone
    rim: str
    outline: str
    blush: str = "#f08a8a"
    sclera: str = "#f4f1ea"
    shine: str = "#f4f1ea"

    def shadow(self, base: str | np.ndarray, k: float = 1.0) -> np.ndarray:
        """``base`` in the character's shadow tone: a multiply toward the tone, then a little darker."""
        b = rgb(base) if isinstance(base, str) else base
        t = rgb(self.tone)
        tn = t / max(float(t.max()), 1e-6)
        out = b * (1.0 - 0.5 * k * (1.0 - tn)) * (1.0 - 0.2 * k)
        return out.astype(np.float32)

    def dark(self, k: float = 1.0) -> np.ndarray:
        """The multiply factor of the shadow tone."""
        t = rgb(self.tone)
        tn = t / max(float(t.max()), 1e-6)
        return ((1.0 - 0.5 * k * (1.0 - tn)) * (1.0 - 0.2 * k)).astype(np.float32)

    def skin_shade(self, k: float = 1.0) -> np.ndarray:
        """Skin in shadow: the same tone, warmed toward rose so faces never turn grey."""
        b = rgb(self.skin)
        t = rgb(self.tone)
        tn = t / max(float(t.max()), 1e-6)
        toned = 1.0 - 0.75 * (1.0 - tn)
        factor = np.array([0.9, 0.8, 0.85], dtype=np.float32) * 0.8 + toned * 0.2
        out = b * (1.0 - k * (1.0 - factor))
        return np.clip(out, 0, 1).astype(np.float32)


@dataclass(frozen=True)
class Expr:
    eyes: str = "open"  # open | happy (closed, smiling arcs) | closed (calm, lowered arcs)
    open: float = 1.0  # upper lid height
    lower: float = 0.0  # lower lid raised by the cheek, 0..1
    droop: float = 0.0  # outer end of the upper lid lowered (px)
    inner: float = 0.0  # inner end of the upper lid raised (px)
    look: tuple[float, float] = (0.0, 0.0)
    iris: float = 1.0
    wet: bool = False
    tears: bool = False
    bags: float = 0.0
    lid: float = 0.0  # a heavy-lid crease line (tired)
    brow_lift: float = 0.0  # negative = up
    brow_in: float = 0.0  # inner end, negative = up
    brow_out: float = 0.0
    brow_arch: float = 0.0
    mouth: str = "line"  # line | open | o | teeth
    mw: float = 1.0  # mouth width scale
    curve: float = 0.0  # corners up (px)
    gape: float = 0.0  # how open (px)
    blush: float = 0.0


@dataclass(frozen=True)
class Face:
    """Where the features sit on one head."""

    eye_y: float
    eye_dx: float  # eye centre distance from the centre line
    eye_w: float  # half width
    eye_h: float  # upper lid height
    tilt: float  # outer corner up (px)
    brow_gap: float  # brow above the upper lid
    brow_w: tuple[float, float, float]  # thickness inner, middle, outer
    mouth_y: float
    mouth_w: float
    nose_y: float
    light: float  # -1: light from the left of the picture, +1: from the right
    crease: float = 0.35  # double eyelid crease strength (0 = none)
    lash: float = 1.0  # lash line weight
    lower_lash: float = 0.5
    lips: float = 0.25  # lower-lip colour strength
    age: float = 0.0  # fine lines
    cheek_dx: float = 64.0
    arch: tuple[float, float] = (1.08, 1.05)  # the upper lid's height near the inner and the outer corner
    low_arch: float = 1.0  # how round the lower lid is
    iris_k: float = 0.66  # iris radius as a share of the eye's half width
    brow_curve: float = 1.0  # how arched the brows are (0: straight)
    brow_tilt: float = 0.0  # the outer end of the brows, px down (negative: up, a sharper look)
    nose_k: float = 1.0  # nose size
    flick: float = 1.0  # the little wing of lashes at the outer corner (0: none)


SMILE = Expr(lower=0.4, open=0.86, mouth="open", gape=9, curve=6, mw=1.2, brow_lift=-3, brow_in=-1, blush=0.26)


def _eye_lids(f: Face, side: float, e: Expr) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """Upper and lower lid curves (inner corner to outer corner) of one eye."""
    ex, ey = CX + side * f.eye_dx, f.eye_y
    w, h = f.eye_w, f.eye_h
    inner = (ex - side * w * 0.92, ey + 3.0)
    outer = (ex + side * w, ey - f.tilt + e.droop * 0.6)
    op = h * e.open
    up = bezier(
        inner,
        (ex - side * w * 0.5, ey - op * f.arch[0] - e.inner),
        (ex + side * w * 0.55, ey - op * f.arch[1] + e.droop),
        outer,
    )
    lo_h = h * 0.62 * (1.0 - 1.5 * e.lower) * f.low_arch
    low = bezier(
        inner,
        (ex - side * w * 0.45, ey + lo_h * 0.95),
        (ex + side * w * 0.5, ey + lo_h * 1.0 - e.lower * 4),
        outer,
    )
    return up, low, (ex, ey)


def draw_eye(layer: Layer, f: Face, p: Palette, side: float, e: Expr) -> None:
    ex, ey = CX + side * f.eye_dx, f.eye_y
    w, h = f.eye_w, f.eye_h
    lash = rgb(p.lash)
    if e.eyes in ("happy", "closed"):
        y = ey + (5 if e.eyes == "happy" else 6)
        bend = -h * 0.55 if e.eyes == "happy" else h * 0.35
        line = bezier(
            (ex - side * w * 0.92, y + 2),
            (ex - side * w * 0.4, y + bend),
            (ex + side * w * 0.45, y + bend),
            (ex + side * w * 1.0, y - f.tilt * 0.5 + (2 if e.eyes == "happy" else 0)),
            40,
        )
        layer.paint(mask(ribbon(line, taper(40, 1.6, 4.6 * f.lash, 3.0, ends=0.12)), ss=3), lash)
        tip = line[-1]
        if f.flick > 0:
            k = f.flick
            flick = np.array([tip + (-side * 6, -1.5), tip + (side * 6.5 * k, -5.5 * k), tip + (side * 1.5, 2.5)])
            layer.paint(mask(flick, ss=3), lash)
        if e.tears:
            _tears(layer, f, p, side, e)
        return

    up, low, _ = _eye_lids(f, side, e)
    eye = np.vstack([up, low[::-1]])
    m_eye = mask(eye, ss=3)
    layer.paint(m_eye, p.sclera)
    # iris
    r = w * f.iris_k * e.iris
    icx = ex + side * 1.5 + e.look[0]
    icy = ey + h * 0.15 + e.look[1]
    m_iris = mask(Ellipse(icx, icy, r, r * 1.04), ss=3) * m_eye
    layer.paint(m_iris, p.iris)
    m_low = mask(Ellipse(icx, icy + r * 0.42, r * 0.8, r * 0.62), ss=3) * m_iris
    layer.paint(m_low, p.iris_light, 0.85)
    layer.paint(mask(Ellipse(icx, icy + r * 0.05, r * 0.42, r * 0.46), ss=3) * m_eye, mix(p.iris, "#0b0d1a", 0.6))
    # the upper lid's shadow across the eye
    lid = ribbon(up, h * 0.26, bias=0.0 if side > 0 else 1.0)
    layer.paint(mask(lid, ss=3) * m_eye * (1 - m_iris), mix(p.sclera, p.tone, 0.35), 0.6)
    # highlights on the light side
    lx = -f.light
    hl = [Ellipse(icx - lx * r * 0.38, icy - r * 0.38, r * 0.3, r * 0.36)]
    hl.append(Ellipse(icx + lx * r * 0.42, icy + r * 0.45, r * 0.13, r * 0.13))
    if e.wet:
        hl[0] = Ellipse(icx - lx * r * 0.36, icy - r * 0.34, r * 0.36, r * 0.42)
        hl.append(Ellipse(icx + lx * r * 0.1, icy + r * 0.62, r * 0.5, r * 0.12))
        hl.append(Ellipse(icx - lx * r * 0.55, icy + r * 0.3, r * 0.1, r * 0.1))
    layer.paint(mask(*hl, ss=3) * m_eye, p.shine)
    if e.wet:
        wetline = ribbon(low[3:-3], taper(len(low) - 6, 1.0, 4.0, 1.5), bias=1.0 if side > 0 else 0.0)
        layer.paint(mask(wetline, ss=3) * m_eye, "#e8f6ff", 0.9)
    # upper lash line: thin at the inner corner, heavy at the outer, with a small flick
    n = len(up)
    t = np.linspace(0, 1, n)
    wid = (1.4 + 4.2 * t**0.8) * f.lash
    wid[-4:] *= np.linspace(1.0, 0.7, 4)
    band = ribbon(up, wid, bias=0.85 if side > 0 else 0.15)
    tip = up[-1]
    k = f.flick
    flick = np.array([up[-6], tip + (side * (1.0 + 6.0 * k), -6.0 * k), tip + (side * 1.0, 2.0)])
    layer.paint(mask(band, flick, ss=3), lash)
    # lower lash line, outer part only (the whole lid when a smile pushes it up)
    k = int(len(low) * (0.45 - 0.6 * min(e.lower, 0.4)))
    lw = np.linspace(0.5, 1.7, len(low) - k) * (f.lower_lash + 1.2 * e.lower) + 0.2
    layer.paint(mask(ribbon(low[k:], lw, bias=1.0 if side > 0 else 0.0), ss=3), mix(p.lash, p.skin, 0.3), 0.85)
    # double eyelid crease
    crease = max(f.crease, e.lid)
    if crease > 0:
        cr = up[int(n * 0.3) : int(n * 0.92)] + np.array([0.0, -h * 0.28 - 3.0 - e.inner * 0.3])
        cw = taper(len(cr), 0.4, 1.6, 0.6)
        layer.paint(mask(ribbon(cr, cw), ss=3), p.skin_shade(1.4), crease)
    if e.bags > 0:
        bag = low[int(len(low) * 0.2) : int(len(low) * 0.85)] + np.array([0.0, 7.0])
        layer.paint(mask(ribbon(bag, taper(len(bag), 0.3, 1.6, 0.3)), ss=3), p.skin_shade(1.3), e.bags)
    if e.tears:
        _tears(layer, f, p, side, e)


def _tears(layer: Layer, f: Face, p: Palette, side: float, e: Expr) -> None:
    ex, ey = CX + side * f.eye_dx, f.eye_y
    w, h = f.eye_w, f.eye_h
    x0, y0 = ex + side * w * 0.45, ey + h * 0.42
    path = bezier((x0, y0), (x0 + side * 7, y0 + 22), (x0 + side * 4, y0 + 44), (x0 + side * 12, y0 + 66), 40)
    widths = taper(40, 2.5, 5.5, 4.2)
    layer.paint(mask(ribbon(path + (side * 1.5, 1.0), widths + 2.0), ss=3), p.skin_shade(1.0), 0.6)
    layer.paint(mask(ribbon(path, widths), ss=3), "#e8f6ff", 0.95)
    layer.paint(mask(ribbon(path[4:-6] - (side * 1.0, 0.0), widths[4:-6] * 0.3), ss=3), "#ffffff", 0.9)
    tip = path[-1]
    layer.paint(mask(Ellipse(tip[0], tip[1] + 4, 4.0, 5.5), ss=3), "#e4f4ff", 0.95)
    layer.paint(mask(Ellipse(tip[0] - 1.2, tip[1] + 2.5, 1.3, 1.8), ss=3), "#ffffff", 0.9)


def draw_brow(layer: Layer, f: Face, p: Palette, side: float, e: Expr) -> None:
    ex, ey = CX + side * f.eye_dx, f.eye_y
    w = f.eye_w
    base = ey - f.eye_h - f.brow_gap + e.brow_lift
    k = f.brow_curve
    pts: list[Pt] = [
        (ex - side * w * 0.88, base + 2 * k + e.brow_in),
        (ex - side * w * 0.2, base - 5 * k + e.brow_in * 0.55 - e.brow_arch * 0.5 + f.brow_tilt * 0.3),
        (ex + side * w * 0.45, base - 6 * k - e.brow_arch + e.brow_out * 0.35 + f.brow_tilt * 0.65),
        (ex + side * w * 1.08, base + 3 * k + e.brow_out + f.brow_tilt),
    ]
    line = curve(pts, 12)
    wi, wm, wo = f.brow_w
    layer.paint(mask(ribbon(line, taper(len(line), wi, wm, wo, ends=0.06)), ss=3), p.brow)


def draw_mouth(layer: Layer, f: Face, p: Palette, e: Expr) -> None:
    mx, my = CX, f.mouth_y
    mw = f.mouth_w * e.mw
    c = e.curve
    dark = mix(p.lip, "#2a0f14", 0.55)
    if e.mouth == "line" or e.gape <= 0:
        line = curve([(mx - mw, my - c), (mx - mw * 0.45, my + c * 0.25), (mx, my + c * 0.35),
                      (mx + mw * 0.45, my + c * 0.25), (mx + mw, my - c)], 8)
        layer.paint(mask(ribbon(line, taper(len(line), 1.2, 3.2, 1.2, ends=0.1)), ss=3), dark, 0.9)
        if f.lips > 0:
            lip = Ellipse(mx, my + 6.5 + c * 0.3, mw * 0.5, 3.6)
            layer.paint(mask(lip, ss=3), p.lip, f.lips)
        # a soft dimple of shadow under the lower lip
        sh = curve([(mx - mw * 0.35, my + 12 + c * 0.2), (mx, my + 13.5 + c * 0.3), (mx + mw * 0.35, my + 12 + c * 0.2)], 8)
        layer.paint(mask(ribbon(sh, taper(len(sh), 0.3, 1.6, 0.3)), ss=3), p.skin_shade(1.2), 0.45)
        return
    g = e.gape
    if e.mouth == "o":
        rx, ry = mw * 0.42, g * 0.55
        outer = Ellipse(mx, my + ry * 0.6, rx, ry)
        m_in = mask(outer, ss=3)
        layer.paint(m_in, dark)
        layer.paint(mask(Ellipse(mx, my + ry * 1.25, rx * 0.7, ry * 0.45), ss=3) * m_in, mix(p.lip, "#c05a66", 0.5))
        layer.paint(mask(Ellipse(mx, my + ry * 1.75, rx * 0.7, 2.6), ss=3), p.lip, f.lips * 1.2)
        return
    # open smile / teeth grin: straight-ish upper edge, round lower edge
    top = curve([(mx - mw, my - c), (mx - mw * 0.5, my - c * 0.15 + 1), (mx, my + 1.5),
                 (mx + mw * 0.5, my - c * 0.15 + 1), (mx + mw, my - c)], 8)
    bot = curve([(mx + mw, my - c), (mx + mw * 0.55, my + g * 0.8), (mx, my + g),
                 (mx - mw * 0.55, my + g * 0.8), (mx - mw, my - c)], 8)
    m_in = mask(np.vstack([top, bot]), ss=3)
    layer.paint(m_in, dark)
    teeth_h = g * (0.62 if e.mouth == "teeth" else 0.3)
    teeth = np.vstack([top, (top + np.array([0.0, teeth_h]))[::-1]])
    layer.paint(mask(teeth, ss=3) * m_in, "#f4f1ea")
    tongue = Ellipse(mx + 1, my + g * 0.95, mw * 0.55, g * 0.42)
    layer.paint(mask(tongue, ss=3) * m_in, mix(p.lip, "#d86a74", 0.5))
    if f.lips > 0:
        lower = curve([(mx - mw * 0.5, my + g * 0.88), (mx, my + g + 2.5), (mx + mw * 0.5, my + g * 0.88)], 8)
        layer.paint(mask(ribbon(lower, taper(len(lower), 0.5, 3.0, 0.5), bias=1.0), ss=3), p.lip, f.lips)


def draw_nose(layer: Layer, f: Face, p: Palette) -> None:
    s = -f.light  # shadow side
    ny, n = f.nose_y, f.nose_k
    side: list[Pt] = [(CX + s * 2.5 * n, ny - 16 * n), (CX + s * 6.5 * n, ny - 4), (CX + s * 3.5 * n, ny + 1), (CX + s * 1.0, ny - 6)]
    layer.paint(mask(outline(side, 6), ss=3), p.skin_shade(), 0.5)
    under = curve([(CX - 6.5 * n, ny + 0.5), (CX, ny + 3.0), (CX + 6.5 * n, ny + 0.5)], 6)
    layer.paint(mask(ribbon(under, taper(len(under), 0.4, 2.0, 0.4)), ss=3), p.skin_shade(1.3), 0.6)
    layer.paint(mask(Ellipse(CX - s * 2.5, ny - 5, 2.2, 1.6), ss=3), p.shine, 0.55)


def draw_features(layer: Layer, f: Face, p: Palette, e: Expr) -> None:
    if e.blush > 0:
        cheeks = [Ellipse(CX + s * f.cheek_dx, f.eye_y + f.eye_h + 26, 21, 9) for s in (-1, 1)]
        layer.paint(soften(mask(*cheeks), 5), p.blush, e.blush)
    if f.age > 0:
        for s in (-1, 1):
            fold = curve([(CX + s * 25, f.nose_y + 2), (CX + s * 31, f.nose_y + 16), (CX + s * (f.mouth_w + 9), f.mouth_y + 2)], 8)
            layer.paint(mask(ribbon(fold, taper(len(fold), 0.3, 1.8, 0.3)), ss=3), p.skin_shade(1.2), f.age)
            ox = CX + s * (f.eye_dx + f.eye_w + 6)
            for k in (-1, 1):
                crow = curve([(ox, f.eye_y + k * 3), (ox + s * 7, f.eye_y + k * 7)], 4)
                layer.paint(mask(ribbon(crow, taper(len(crow), 1.0, 1.0, 0.3)), ss=3), p.skin_shade(1.2), f.age * 0.8)
    draw_nose(layer, f, p)
    for side in (-1.0, 1.0):
        draw_eye(layer, f, p, side, e)
        draw_brow(layer, f, p, side, e)
    draw_mouth(layer, f, p, e)
