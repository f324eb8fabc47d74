"""Character busts: every look of every character, 600x900 RGBA, clean flat vector with one shadow tone.

Each character is built once per outfit from one base function (hair, head, neck, clothes, shading, rim
light, outline) and every look only redraws the face features (eyes, brows, mouth, tears) on top of the
same body, so the silhouette is identical across looks of one outfit and a look change never jumps.

Shapes are polygons sampled from centripetal Catmull-Rom splines, rasterised with anti-aliasing by
pygame's SVG loader (nanosvg) at 2-3x and box-reduced, then composited in numpy as premultiplied
colour. Nothing here is random except the hologram flicker of the mother's recording, which is seeded.

Light: Nan-young's rim light (and Yoon's, the mother's, Dori's) is on the right edge, Jay's (and
Min-su's) on the left, so with Nan-young staged left and Jay right each is lit from the other's side.
Dori hovers low in the frame, its face above the bottom fifth so a dialogue box does not cover it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame

from assetgen.common import Made, hex_rgb, rng, save_png

SCRIPT = "scripts/assetgen/characters.py"
W, H = 600, 900
CX = 300.0

LOOKS: dict[str, list[str]] = {
    "nanyoung": ["neutral", "smile", "sad", "tears", "determined", "surprised", "suit", "suit_smile"],
    "jay": ["neutral", "smile", "tired", "sad", "surprised", "laugh"],
    "yoon": ["neutral", "stern", "smile"],
    "minsu": ["neutral", "grin", "serious"],
    "dori": ["neutral", "happy", "worried"],
    "mother": ["neutral", "smile"],
}

WHO = {
    "nanyoung": "Nan-young",
    "jay": "Jay",
    "yoon": "Commander Yoon Seo-jin",
    "minsu": "Park Min-su",
    "dori": "Dori the companion robot",
    "mother": "Captain Han Eun-seo (hologram recording)",
}

Pt = tuple[float, ...]


# --------------------------------------------------------------------------------------------------
# geometry


def _col(colour: str) -> np.ndarray:
    return np.array(hex_rgb(colour), dtype=np.float32) / 255.0


def mix(a: str | np.ndarray, b: str | np.ndarray, t: float) -> np.ndarray:
    ca = _col(a) if isinstance(a, str) else a
    cb = _col(b) if isinstance(b, str) else b
    return (ca * (1.0 - t) + cb * t).astype(np.float32)


def _catmull(points: np.ndarray, n: int, closed: bool) -> np.ndarray:
    """Centripetal Catmull-Rom through ``points``; ``n`` samples per segment (end point excluded)."""
    p = np.asarray(points, dtype=np.float64)
    if closed:
        ext = np.vstack([p[-1], p, p[0], p[1]])
    else:
        ext = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    ts = np.linspace(0.0, 1.0, n, endpoint=False)[:, None]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-3) ** 0.5
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-3) ** 0.5
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-3) ** 0.5
        t = t1 + ts * (t2 - t1)
        a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
        a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
        a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
        b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
        b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
        out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    return np.vstack(out)


def curve(points: list[Pt], n: int = 12) -> np.ndarray:
    """An open smooth curve through ``points`` (end point included)."""
    p = np.array([q[:2] for q in points], dtype=np.float64)
    return np.vstack([_catmull(p, n, closed=False), p[-1:]])


def outline(points: list[Pt], n: int = 12) -> np.ndarray:
    """A closed outline through ``points``; a point given as (x, y, 1) is a sharp corner."""
    corners = [i for i, q in enumerate(points) if len(q) > 2 and q[2]]
    if not corners:
        return _catmull(np.array(points, dtype=np.float64), n, closed=True)
    k = corners[0]
    pts = points[k:] + points[:k]
    corners = [i for i, q in enumerate(pts) if len(q) > 2 and q[2]] + [len(pts)]
    loop = pts + [pts[0]]
    parts = []
    for a, b in zip(corners[:-1], corners[1:]):
        run = np.array([q[:2] for q in loop[a : b + 1]], dtype=np.float64)
        if len(run) == 2:
            parts.append(np.vstack([run[0] + (run[1] - run[0]) * s for s in np.linspace(0, 1, 3, endpoint=False)]))
        else:
            parts.append(_catmull(run, n, closed=False))
    return np.vstack(parts)


def fringe(points: list[Pt], belly: float) -> list[Pt]:
    """A fringe edge through alternating notches and tips (all sharp), each span bowed by ``belly`` px
    to the right of the direction of travel, so the clumps have round bellies and pointed tips."""
    out: list[Pt] = []
    for i, ((x0, y0), (x1, y1)) in enumerate(zip(points[:-1], points[1:])):
        out.append((x0, y0, 1) if i == 0 or i % 2 else (x0, y0))
        dx, dy = x1 - x0, y1 - y0
        ln = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        nx, ny = -dy / ln, dx / ln
        for t, k in ((0.33, 0.85), (0.66, 0.85)):
            out.append((x0 + dx * t + nx * belly * k, y0 + dy * t + ny * belly * k))
    out.append((*points[-1], 1))
    return out


def mirror(points: list[Pt]) -> list[Pt]:
    """Points mirrored about the vertical centre line, in reverse order (so outlines keep their sense)."""
    return [(2 * CX - q[0], q[1], *q[2:]) for q in reversed(points)]


def mir(points: list[Pt]) -> list[Pt]:
    """Points mirrored about the centre line, same order."""
    return [(2 * CX - q[0], q[1], *q[2:]) for q in points]


def ribbon(line: np.ndarray, widths: np.ndarray | float, bias: float = 0.5) -> np.ndarray:
    """A filled band along ``line`` with ``widths`` per point (tapered strokes). ``bias`` 0..1 puts the
    band left (0) / centred (0.5) / right (1) of the direction of travel."""
    line = np.asarray(line, dtype=np.float64)
    w = np.broadcast_to(np.asarray(widths, dtype=np.float64), (len(line),))
    d = np.gradient(line, axis=0)
    d /= np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-9)
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1)
    left = line + nrm * (w * (1.0 - bias))[:, None]
    right = line - nrm * (w * bias)[:, None]
    return np.vstack([left, right[::-1]])


def taper(n: int, w0: float, w1: float, w2: float, ends: float = 0.0) -> np.ndarray:
    """Widths along a stroke: w0 at the start, w1 in the middle, w2 at the end (smooth)."""
    t = np.linspace(0.0, 1.0, n)
    w = np.where(t < 0.5, w0 + (w1 - w0) * np.sin(t * np.pi) ** 1.0, w2 + (w1 - w2) * np.sin(t * np.pi))
    if ends:
        w = w * np.clip(np.minimum(t, 1 - t) / ends, 0.0, 1.0) ** 0.5
    return w


def bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int = 32) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)[:, None]
    a, b, c, d = (np.array(p[:2], dtype=np.float64) for p in (p0, p1, p2, p3))
    return (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d


# --------------------------------------------------------------------------------------------------
# rasterising (nanosvg through pygame) and masks


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    rot: float = 0.0


Shape = np.ndarray | Ellipse


def _bbox(shapes: list[Shape]) -> tuple[int, int, int, int]:
    xs: list[float] = []
    ys: list[float] = []
    for s in shapes:
        if isinstance(s, Ellipse):
            r = max(s.rx, s.ry)
            xs += [s.cx - r, s.cx + r]
            ys += [s.cy - r, s.cy + r]
        else:
            xs += [float(s[:, 0].min()), float(s[:, 0].max())]
            ys += [float(s[:, 1].min()), float(s[:, 1].max())]
    x0 = max(0, int(np.floor(min(xs))) - 2)
    y0 = max(0, int(np.floor(min(ys))) - 2)
    x1 = min(W, int(np.ceil(max(xs))) + 2)
    y1 = min(H, int(np.ceil(max(ys))) + 2)
    return x0, y0, x1, y1


def _element(s: Shape) -> str:
    if isinstance(s, Ellipse):
        rot = f' transform="rotate({s.rot:.2f} {s.cx:.2f} {s.cy:.2f})"' if s.rot else ""
        return f'<ellipse cx="{s.cx:.2f}" cy="{s.cy:.2f}" rx="{s.rx:.2f}" ry="{s.ry:.2f}"{rot} fill="#fff"/>'
    pts = " ".join(f"{x:.2f},{y:.2f}" for x, y in s)
    return f'<path d="M{pts}Z" fill="#fff"/>'


def mask(*shapes: Shape, ss: int = 2) -> np.ndarray:
    """Coverage (H x W float32, 0..1) of the union of ``shapes``, anti-aliased."""
    out = np.zeros((H, W), dtype=np.float32)
    if not shapes:
        return out
    x0, y0, x1, y1 = _bbox(list(shapes))
    if x1 <= x0 or y1 <= y0:
        return out
    bw, bh = x1 - x0, y1 - y0
    body = "".join(_element(s) for s in shapes)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{bw * ss}" height="{bh * ss}" '
        f'viewBox="{x0} {y0} {bw} {bh}">{body}</svg>'
    )
    surf = pygame.image.load(io.BytesIO(svg.encode()), "shape.svg")
    alpha = pygame.surfarray.array_alpha(surf).T
    if ss > 1:
        alpha = np.asarray(Image.fromarray(np.ascontiguousarray(alpha)).reduce(ss))
    out[y0:y1, x0:x1] = alpha[:bh, :bw].astype(np.float32) / 255.0
    return out


def shift(m: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """``m`` moved by (dx, dy) pixels, zero-filled."""
    out = np.zeros_like(m)
    h, w = m.shape
    xs0, xs1 = max(0, -dx), min(w, w - dx)
    ys0, ys1 = max(0, -dy), min(h, h - dy)
    out[ys0 + dy : ys1 + dy, xs0 + dx : xs1 + dx] = m[ys0:ys1, xs0:xs1]
    return out


def soften(m: np.ndarray, radius: float) -> np.ndarray:
    img = Image.fromarray((np.clip(m, 0, 1) * 255 + 0.5).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), dtype=np.float32) / 255.0


def grow(m: np.ndarray, size: int = 3) -> np.ndarray:
    img = Image.fromarray((np.clip(m, 0, 1) * 255 + 0.5).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.MaxFilter(size)), dtype=np.float32) / 255.0


def half_plane(side: float, x: float) -> np.ndarray:
    """1 where (x' - x) * side > 0 (a soft-free vertical split used to pick the shadow side)."""
    xs = np.arange(W, dtype=np.float32)[None, :] + 0.5
    return np.repeat(np.clip((xs - x) * side + 0.5, 0, 1), H, axis=0)


# --------------------------------------------------------------------------------------------------
# compositing


class Layer:
    """Premultiplied RGBA float image."""

    def __init__(self) -> None:
        self.c = np.zeros((H, W, 3), dtype=np.float32)
        self.a = np.zeros((H, W), dtype=np.float32)

    def copy(self) -> Layer:
        out = Layer()
        out.c = self.c.copy()
        out.a = self.a.copy()
        return out

    def paint(self, m: np.ndarray, colour: str | np.ndarray, alpha: float = 1.0) -> None:
        a = m * alpha if alpha != 1.0 else m
        rows = np.nonzero(a.max(axis=1) > 0)[0]
        if len(rows) == 0:
            return
        r0, r1 = rows[0], rows[-1] + 1
        col = _col(colour) if isinstance(colour, str) else colour
        aa = a[r0:r1, :, None]
        self.c[r0:r1] = self.c[r0:r1] * (1.0 - aa) + col * aa
        self.a[r0:r1] = self.a[r0:r1] * (1.0 - a[r0:r1]) + a[r0:r1]

    def atop(self, m: np.ndarray, colour: str | np.ndarray, alpha: float = 1.0) -> None:
        """Paint only where this layer already has coverage, keeping its alpha (shading, rim light)."""
        a = m * alpha
        col = _col(colour) if isinstance(colour, str) else colour
        self.c = self.c * (1.0 - a[..., None]) + col * (a * self.a)[..., None]

    def over(self, top: Layer) -> None:
        self.c = top.c + self.c * (1.0 - top.a[..., None])
        self.a = top.a + self.a * (1.0 - top.a)

    def shade(self, m: np.ndarray, factor: np.ndarray, alpha: float = 1.0) -> None:
        """Multiply what is there by ``factor`` inside ``m`` (the one shadow tone over any material)."""
        a = (m * alpha)[..., None]
        self.c = self.c * (1.0 - a + a * factor)

    def under(self, m: np.ndarray, colour: str | np.ndarray, alpha: float = 1.0) -> None:
        """Paint behind what is there (outlines, glows)."""
        a = m * alpha
        col = _col(colour) if isinstance(colour, str) else colour
        self.c = self.c + col * (a * (1.0 - self.a))[..., None]
        self.a = self.a + a * (1.0 - self.a)

    def image(self) -> Image.Image:
        a = np.clip(self.a, 0.0, 1.0)
        c = np.where(a[..., None] > 1e-6, self.c / np.maximum(a[..., None], 1e-6), 0.0)
        rgba = np.dstack([np.clip(c, 0, 1), a])
        data = (rgba * 255.0 + 0.5).astype(np.uint8)
        data[data[..., 3] == 0] = 0
        return Image.fromarray(data, "RGBA")


# --------------------------------------------------------------------------------------------------
# palettes and expressions


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
        b = _col(base) if isinstance(base, str) else base
        t = _col(self.tone)
        tn = t / max(float(t.max()), 1e-6)
        out = b * (1.0 - 0.5 * k * (1.0 - tn)) * (1.0 - 0.2 * k)
        return out.astype(np.float32)

    def dark(self, k: float = 1.0) -> np.ndarray:
        """The multiply factor of the shadow tone."""
        t = _col(self.tone)
        tn = t / max(float(t.max()), 1e-6)
        return ((1.0 - 0.5 * k * (1.0 - tn)) * (1.0 - 0.2 * k)).astype(np.float32)

    def skin_shade(self, k: float = 1.0) -> np.ndarray:
        """Skin in shadow: the same tone, warmed toward rose so faces never turn grey."""
        b = _col(self.skin)
        t = _col(self.tone)
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


# --------------------------------------------------------------------------------------------------
# face features


def _eye_lids(f: Face, side: float, e: Expr) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """Upper and lower lid curves (inner corner to outer corner) of one eye."""
    ex, ey = CX + side * f.eye_dx, f.eye_y
    w, h = f.eye_w, f.eye_h
    inner = (ex - side * w * 0.92, ey + 3.0)
    outer = (ex + side * w, ey - f.tilt + e.droop * 0.6)
    op = h * e.open
    up = bezier(
        inner,
        (ex - side * w * 0.5, ey - op * 1.08 - e.inner),
        (ex + side * w * 0.55, ey - op * 1.05 + e.droop),
        outer,
    )
    lo_h = h * 0.62 * (1.0 - 1.5 * e.lower)
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
    lash = _col(p.lash)
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
        flick = np.array([tip + (-side * 6, -1.5), tip + (side * 6.5, -5.5), tip + (side * 1.5, 2.5)])
        layer.paint(mask(flick, ss=3), lash)
        if e.tears:
            _tears(layer, f, p, side, e)
        return

    up, low, _ = _eye_lids(f, side, e)
    eye = np.vstack([up, low[::-1]])
    m_eye = mask(eye, ss=3)
    layer.paint(m_eye, p.sclera)
    # iris
    r = w * 0.66 * e.iris
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
    flick = np.array([up[-6], tip + (side * 7.0, -6.0) , tip + (side * 1.0, 2.0)])
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
    pts = [
        (ex - side * w * 0.88, base + 2 + e.brow_in),
        (ex - side * w * 0.2, base - 5 + e.brow_in * 0.55 - e.brow_arch * 0.5),
        (ex + side * w * 0.45, base - 6 - e.brow_arch + e.brow_out * 0.35),
        (ex + side * w * 1.08, base + 3 + e.brow_out),
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
        layer.paint(mask(ribbon(line, taper(len(line), 1.0, 2.6, 1.0, ends=0.1)), ss=3), dark, 0.9)
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
        lip = curve([(mx - mw * 0.5, my + g * 0.88), (mx, my + g + 2.5), (mx + mw * 0.5, my + g * 0.88)], 8)
        layer.paint(mask(ribbon(lip, taper(len(lip), 0.5, 3.0, 0.5), bias=1.0), ss=3), p.lip, f.lips)


def draw_nose(layer: Layer, f: Face, p: Palette) -> None:
    s = -f.light  # shadow side
    ny = f.nose_y
    side = np.array([(CX + s * 2.5, ny - 16), (CX + s * 6.5, ny - 4), (CX + s * 3.5, ny + 1), (CX + s * 1.0, ny - 6)])
    layer.paint(mask(outline([tuple(q) for q in side], 6), ss=3), p.skin_shade(), 0.5)
    under = curve([(CX - 6.5, ny + 0.5), (CX, ny + 3.0), (CX + 6.5, ny + 0.5)], 6)
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


# --------------------------------------------------------------------------------------------------
# a whole bust

Features = Callable[[Layer, Expr], None]


@dataclass
class Bust:
    """One outfit of a character before any face is drawn on it: every look is this plus features."""

    under: Layer  # body, head, everything the features sit on
    over: Layer  # hair in front of the face, accessories
    rim: np.ndarray  # rim light coverage over the whole figure
    pal: Palette
    features: Features
    face_mask: np.ndarray
    post: Callable[[Layer], Layer] | None = None


def finish(b: Bust, e: Expr) -> Layer:
    out = b.under.copy()
    feat = Layer()
    b.features(feat, e)
    feat.c *= b.face_mask[..., None]  # features stay on the skin (or on the screen)
    feat.a *= b.face_mask
    out.over(feat)
    out.over(b.over)
    out.atop(b.rim, b.pal.rim, 0.85)
    out.under(np.clip(grow(out.a, 3) - out.a, 0, 1), b.pal.outline, 0.5)
    return b.post(out) if b.post else out


def make_bust(under: Layer, over: Layer, pal: Palette, light: float, features: Features, face_mask: np.ndarray,
              post: Callable[[Layer], Layer] | None = None, rim_width: int = 5) -> Bust:
    total = 1.0 - (1.0 - under.a) * (1.0 - over.a)
    return Bust(under, over, rim_of(total, light, rim_width), pal, features, face_mask, post)


def person(under: Layer, over: Layer, pal: Palette, face: Face, m_head: np.ndarray,
           post: Callable[[Layer], Layer] | None = None) -> Bust:
    def features(layer: Layer, e: Expr) -> None:
        draw_features(layer, face, pal, e)

    return make_bust(under, over, pal, face.light, features, m_head, post)


def rim_of(a: np.ndarray, light: float, width: int = 6) -> np.ndarray:
    """A crescent along the figure's edge facing the light (and its top a little)."""
    dx = int(round(light * width))
    r = a * (1.0 - shift(a, -dx, width // 2))
    return np.clip(r, 0.0, 1.0)


@dataclass(frozen=True)
class Head:
    top: float = 150
    cw: float = 104  # half width at the cheekbones
    jaw_x: float = 68
    jaw_y: float = 440
    chin_w: float = 20
    chin_y: float = 480
    cheek_y: float = 356
    neck_top: float = 33  # half widths of the neck
    neck_bottom: float = 38
    ear_x: float = 104
    ear_y: float = 372


def head_outline(hd: Head) -> np.ndarray:
    right = [
        (CX, hd.top),
        (CX + hd.cw * 0.66, hd.top + 22),
        (CX + hd.cw * 0.95, hd.top + 95),
        (CX + hd.cw, hd.cheek_y - 30),
        (CX + hd.cw * 0.97, hd.cheek_y + 28),
        (CX + hd.jaw_x, hd.jaw_y),
        (CX + hd.chin_w, hd.chin_y - 5),
    ]
    left = mir(right[1:])[::-1]
    return outline([*right, (CX, hd.chin_y), *left], 14)


def head_masks(hd: Head) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Head, neck and ears coverage."""
    m_head = mask(head_outline(hd))
    nt, nb = hd.neck_top, hd.neck_bottom
    neck = [(CX - nt, hd.jaw_y - 30), (CX - nt, hd.chin_y + 20), (CX - nb, hd.chin_y + 60), (CX - nb - 14, 590),
            (CX + nb + 14, 590), (CX + nb, hd.chin_y + 60), (CX + nt, hd.chin_y + 20), (CX + nt, hd.jaw_y - 30)]
    m_neck = mask(outline([(*q, 1) for q in neck], 10))
    m_ears = mask(*[Ellipse(CX + s * hd.ear_x, hd.ear_y, 13, 26, -s * 8) for s in (-1, 1)])
    return m_head, m_neck, m_ears


def draw_head(layer: Layer, pal: Palette, hd: Head, m_head: np.ndarray, m_ears: np.ndarray, light: float) -> None:
    """Ears and face with the shadow-side crescent."""
    sh = -light
    layer.paint(m_ears, pal.skin)
    layer.paint(m_ears * half_plane(sh, CX), pal.skin_shade(), 0.9)
    inner = [Ellipse(CX + s * (hd.ear_x + 2), hd.ear_y + 2, 6, 15, -s * 8) for s in (-1, 1)]
    layer.paint(mask(*inner), pal.skin_shade(1.2), 0.8)
    layer.paint(m_head, pal.skin)
    k = hd.cw / 106.0
    pts = [(0.79 * hd.cw, hd.top + 10), (0.87 * hd.cw, hd.top + 100), (0.77 * hd.cw, hd.cheek_y - 26),
           (0.82 * hd.cw, hd.cheek_y + 22), (0.64 * hd.cw, hd.jaw_y - 8), (hd.chin_w + 8 * k, hd.chin_y - 10),
           (hd.chin_w, hd.chin_y + 40)]
    shade = [(CX + sh * 2.2 * hd.cw, hd.chin_y + 40, 1), (CX + sh * 2.2 * hd.cw, hd.top - 10, 1)]
    shade += [(CX + sh * x, y) for x, y in pts[:-1]] + [(CX + sh * pts[-1][0], pts[-1][1], 1)]
    layer.paint(mask(outline(shade, 10)) * m_head, pal.skin_shade(), 0.9)


def draw_neck(layer: Layer, pal: Palette, m_neck: np.ndarray, m_head: np.ndarray, light: float,
              clip: np.ndarray | None = None) -> None:
    m = m_neck if clip is None else m_neck * clip
    layer.paint(m, pal.skin)
    layer.paint(shift(m_head, int(-light * 4), 20) * m, pal.skin_shade(), 0.9)
    layer.paint(m * half_plane(-light, CX - light * 16), pal.skin_shade(), 0.9)


def hair_front(under: Layer, over: Layer, pal: Palette, m_front: np.ndarray, m_back: np.ndarray,
               m_head: np.ndarray, light: float, ring: tuple[Pt, ...], strands: tuple[list[Pt], ...],
               cast: int = 9, crescent: int = 40, sheen: float = 0.85) -> None:
    """Front hair over the face: its cast shadow on the skin, base, a crescent of shadow on the far side,
    a broken 'halo' of sheen across the crown, and a few strand lines."""
    sh = -light
    under.paint(shift(m_front, int(light * 3), cast) * m_head, pal.skin_shade(1.1), 0.85)
    over.paint(m_front, pal.hair)
    both = np.maximum(m_front, m_back)
    cres = m_front * (1.0 - shift(both, int(-sh * crescent), 8))
    over.shade(cres, pal.dark(1.0), 0.9)
    if ring:
        line = curve(list(ring), 16)
        t = np.linspace(0.0, 1.0, len(line))
        w = 9.0 * np.abs(np.sin(t * np.pi * 5.5)) ** 0.8 * np.sin(t * np.pi) ** 0.5
        xs = np.arange(W, dtype=np.float32)[None, :]
        toward = np.clip(0.55 + light * (xs - CX) / 160.0, 0.25, 1.0)  # brighter on the side of the light
        over.atop(mask(ribbon(line, w, bias=0.2)) * m_front * toward, pal.hair_sheen, sheen)
    for pts in strands:
        ln = curve(list(pts), 10)
        over.shade(mask(ribbon(ln, taper(len(ln), 0.4, 2.2, 0.4))) * m_front, pal.dark(1.4), 0.7)


def _torso(shoulder: float, width: float, neck: float, top: float = 548, drop: float = 62) -> np.ndarray:
    right = [
        (CX + neck, top - 20),
        (CX + neck + 30, top + 16),
        (CX + shoulder, top + drop),
        (CX + width - 22, top + drop + 38),
        (CX + width - 4, top + drop + 98),
        (CX + width + 4, H + 20, 1),
    ]
    pts = [*right, (CX - width - 4, H + 20, 1), *mir(right[:-1])[::-1]]
    return outline(pts, 12)


def body_shadow(layer: Layer, pal: Palette, m_body: np.ndarray, light: float, x: float = 150) -> None:
    """The far side of the chest and arm in the shadow tone."""
    sh = -light
    side = [(CX + sh * x, 560), (CX + sh * (x + 26), 640), (CX + sh * (x + 36), 760), (CX + sh * (x + 36), 920),
            (CX + sh * 400, 920, 1), (CX + sh * 400, 540, 1)]
    layer.shade(mask(outline([side[0] + (1,), *side[1:3], side[3] + (1,), *side[4:]], 8)) * m_body, pal.dark(1.0))


def below_line(points: list[Pt]) -> np.ndarray:
    """Coverage of everything under the curve through ``points`` (left to right)."""
    x0, x1 = points[0][0], points[-1][0]
    pts = [(x0, points[0][1], 1), *points[1:-1], (x1, points[-1][1], 1), (x1, H + 20, 1), (x0, H + 20, 1)]
    return mask(outline(pts, 10))


# --------------------------------------------------------------------------------------------------
# Nan-young: short bob with a clipped side lock, high-collar jacket (or the flight suit)


def nanyoung(outfit: str) -> Bust:
    light = 1.0  # her rim light faces right, towards Jay's side of the stage
    pal = Palette(
        skin="#f4d8c4", hair="#2b3149", hair_sheen="#55618c", brow="#2c3046", iris="#3b2a2e", iris_light="#8a6a66",
        lash="#1b1d2c", lip="#e08888", tone="#3a4a78", rim="#cfe9ff", outline="#1a1f36",
    )
    face = Face(
        eye_y=350, eye_dx=52, eye_w=30, eye_h=23, tilt=4, brow_gap=15, brow_w=(5.0, 5.5, 2.2),
        mouth_y=438, mouth_w=15, nose_y=404, light=light, crease=0.3, lash=1.0, lips=0.3,
    )
    hd = Head(top=150, cw=104, jaw_x=68, jaw_y=440, chin_w=20, chin_y=480, cheek_y=356)
    under, over = Layer(), Layer()
    back = [
        (CX, 114), (CX + 60, 120), (CX + 110, 150), (CX + 138, 200), (CX + 146, 270), (CX + 146, 350),
        (CX + 140, 420), (CX + 132, 476, 1), (CX + 120, 458), (CX + 108, 468, 1), (CX + 92, 452), (CX + 60, 462),
        (CX, 470), (CX - 60, 462), (CX - 96, 456), (CX - 112, 472, 1), (CX - 124, 458), (CX - 138, 482, 1),
        (CX - 146, 420), (CX - 150, 350), (CX - 148, 270), (CX - 140, 200), (CX - 112, 150), (CX - 62, 120),
    ]
    m_back = mask(outline(back, 14))
    under.paint(m_back, pal.shadow(pal.hair, 0.7))
    m_body = mask(_torso(shoulder=172, width=236, neck=42))
    m_head, m_neck, m_ears = head_masks(hd)
    if outfit == "suit":
        _flight_suit(under, pal, m_body, m_neck, m_head, light)
    else:
        _high_collar_jacket(under, pal, m_body, m_neck, m_head, light)
    draw_head(under, pal, hd, m_head, m_ears, light)

    top = [
        (CX - 114, 290, 1), (CX - 130, 232), (CX - 138, 200), (CX - 112, 150), (CX - 62, 120), (CX, 114),
        (CX + 60, 120), (CX + 110, 150), (CX + 138, 200), (CX + 145, 262), (CX + 130, 326, 1), (CX + 116, 300),
        (CX + 106, 274),
    ]
    edge = fringe([(CX + 102, 268), (CX + 98, 328), (CX + 52, 272), (CX + 36, 310), (CX - 14, 252), (CX - 32, 284),
                   (CX - 70, 240), (CX - 84, 262), (CX - 100, 240)], belly=7.0)
    m_crown = mask(outline(top + edge, 12))
    lock = [(CX - 100, 222), (CX - 124, 270), (CX - 130, 350), (CX - 124, 420), (CX - 112, 476, 1), (CX - 102, 430),
            (CX - 96, 360), (CX - 88, 286)]
    tuck = [(CX + 100, 250), (CX + 140, 262), (CX + 150, 300), (CX + 136, 336, 1), (CX + 120, 316), (CX + 102, 300)]
    m_front = np.maximum.reduce([m_crown, mask(outline(lock, 12)), mask(outline(tuck, 10))])
    hair_front(under, over, pal, m_front, m_back, m_head, light,
               ring=((CX - 100, 200), (CX - 40, 160), (CX + 30, 156), (CX + 90, 176), (CX + 126, 214)),
               strands=([(CX - 50, 140), (CX - 26, 196), (CX - 20, 250)], [(CX + 30, 136), (CX + 62, 200), (CX + 74, 264)],
                        [(CX - 112, 300), (CX - 114, 380), (CX - 108, 450)], [(CX + 104, 170), (CX + 124, 230), (CX + 130, 280)]))
    # the clip: two short bars in her blue across the tucked lock
    for k, (x, y) in enumerate(((CX + 124, 284), (CX + 130, 300))):
        over.paint(mask(ribbon(np.array([(x - 16, y + 4 - k), (x + 14, y - 6 - k)]), 4.2), ss=3), "#9ad1ff")
        over.paint(mask(ribbon(np.array([(x - 12, y + 2 - k), (x + 10, y - 5.5 - k)]), 1.2), ss=3), "#e8f5ff", 0.9)
    return person(under, over, pal, face, m_head)


def _high_collar_jacket(layer: Layer, pal: Palette, m_body: np.ndarray, m_neck: np.ndarray, m_head: np.ndarray,
                        light: float) -> None:
    jacket = "#4d6499"
    lining = "#7fa3d9"
    sh = -light
    back = [(CX - 54, 492), (CX - 50, 474), (CX, 466), (CX + 50, 474), (CX + 54, 492), (CX, 498)]
    layer.paint(mask(outline(back, 8)), pal.shadow(lining))
    draw_neck(layer, pal, m_neck, m_head, light)
    layer.paint(m_body, jacket)
    # raglan seams with piping in her blue
    for s in (-1, 1):
        seam = [(CX + s * 70, 560), (CX + s * 112, 640), (CX + s * 156, 720), (CX + s * 184, 800), (CX + s * 194, 920)]
        layer.paint(mask(ribbon(curve(seam, 10), 3.0), ss=3) * m_body, "#9ad1ff", 0.75)
    collar = [
        (CX - 50, 482, 1), (CX - 24, 492), (CX, 498, 1), (CX + 24, 492), (CX + 50, 482, 1),
        (CX + 58, 520), (CX + 78, 562, 1), (CX + 30, 574), (CX, 576, 1), (CX - 30, 574), (CX - 78, 562, 1), (CX - 58, 520),
    ]
    m_col = mask(outline(collar, 10))
    layer.shade(shift(m_col, 0, 10) * m_body * (1 - m_col), pal.dark(1.0))
    layer.paint(m_col, jacket)
    layer.shade(m_col * half_plane(sh, CX + sh * 8), pal.dark(0.8))
    body_shadow(layer, pal, m_body, light)
    top = curve([(CX - 50, 482), (CX - 24, 492), (CX, 498)], 8)
    top_r = np.array(mir([tuple(q) for q in top]))
    layer.paint(mask(ribbon(top, 2.4, 0.0), ribbon(top_r, 2.4, 1.0), ss=3), "#9ad1ff", 0.9)
    layer.paint(mask(ribbon(np.array([(CX + 3, 498), (CX + 3, H + 10)]), 3.0), ss=3), pal.shadow(jacket, 1.4))
    layer.paint(mask(np.array([(CX - 1, 530), (CX + 7, 530), (CX + 8, 558), (CX - 2, 558)]), ss=3), "#cfd8e6")
    # a small agency badge on the chest
    bx, by = CX + 128, 690
    layer.paint(mask(Ellipse(bx, by, 15, 15), ss=3), "#cfe9ff", 0.95)
    layer.paint(mask(Ellipse(bx, by, 11, 11), ss=3), "#34477a")
    layer.paint(mask(Ellipse(bx + 3, by + 3, 5, 5), ss=3), "#c96f3b")
    layer.paint(mask(Ellipse(bx - 4, by - 4, 2, 2), ss=3), "#9ad1ff")


def _flight_suit(layer: Layer, pal: Palette, m_body: np.ndarray, m_neck: np.ndarray, m_head: np.ndarray,
                 light: float) -> None:
    white = "#e9edf3"
    blue = "#5577b3"
    sh = -light
    draw_neck(layer, pal, m_neck, m_head, light)
    layer.paint(m_body, white)
    for s in (-1, 1):
        seam = [(CX + s * 84, 560), (CX + s * 118, 640), (CX + s * 160, 720), (CX + s * 190, 800), (CX + s * 200, 920)]
        panel = [(*seam[0], 1), *seam[1:-1], (*seam[-1], 1), (CX + s * 330, 920, 1), (CX + s * 330, 540, 1)]
        layer.paint(mask(outline(panel, 10)) * m_body, blue)
        layer.paint(mask(ribbon(curve(seam, 10), 5.0), ss=3) * m_body, "#9ad1ff", 0.9)
    body_shadow(layer, pal, m_body, light)
    # the helmet ring: a fabric neck seal going down into a metal ring
    metal = "#bcc7d8"
    ring_o = mask(Ellipse(CX, 536, 102, 30))
    ring_i = mask(Ellipse(CX, 528, 74, 17))
    layer.shade(shift(ring_o, 0, 9) * (1 - ring_o) * m_body, pal.dark(1.0))
    layer.paint(ring_o, metal)
    layer.paint(ring_i, "#1c2438")
    gaiter = [(CX - 40, 496, 1), (CX - 20, 502), (CX, 504), (CX + 20, 502), (CX + 40, 496, 1), (CX + 46, 532, 1),
              (CX - 46, 532, 1)]
    m_g = mask(outline(gaiter, 8))
    layer.paint(m_g, "#3a4870")
    layer.shade(m_g * half_plane(sh, CX + sh * 12), pal.dark(1.0))
    for k in (-1, 1):
        fold = curve([(CX + k * 18, 508), (CX + k * 22, 520), (CX + k * 20, 530)], 6)
        layer.paint(mask(ribbon(fold, 1.4), ss=3), pal.shadow("#3a4870", 1.2), 0.8)
    below = (np.arange(H, dtype=np.float32)[:, None] > 528).astype(np.float32)
    front = ring_o * (1 - ring_i) * below
    layer.paint(front, metal)
    layer.paint(mask(Ellipse(CX, 543, 96, 20)) * front * (1 - mask(Ellipse(CX, 538, 96, 22))), "#8696b0")
    layer.shade(ring_o * (1 - ring_i) * half_plane(sh, CX + sh * 30), pal.dark(0.8))
    for k in range(-3, 4):
        ang = k * 0.3
        x, y = CX + np.sin(ang) * 88, 536 + np.cos(ang) * 24
        layer.paint(mask(Ellipse(x, y, 4.0, 2.0, 0), ss=3), "#9ad1ff" if k % 3 else "#ff7a59")
    # zip, name tape and mission patch
    layer.paint(mask(ribbon(np.array([(CX, 566), (CX, H + 10)]), 2.4), ss=3), pal.shadow(white, 1.3))
    layer.paint(mask(np.array([(CX - 170, 664), (CX - 96, 660), (CX - 95, 680), (CX - 169, 684)]), ss=3), "#2b3350")
    for i in range(5):
        x = CX - 162 + i * 13
        layer.paint(mask(np.array([(x, 668), (x + 8, 668), (x + 8, 676), (x, 676)]), ss=3), "#cfd8e6", 0.9)
    mission_patch(layer, CX + 132, 690, 30)


def mission_patch(layer: Layer, px: float, py: float, r: float, planet: str = "#c96f3b") -> None:
    k = r / 30.0
    layer.paint(mask(Ellipse(px, py, r, r), ss=3), "#f4f1ea")
    inner = mask(Ellipse(px, py, r - 4 * k, r - 4 * k), ss=3)
    layer.paint(inner, "#1f2a4d")
    layer.paint(mask(Ellipse(px + 7 * k, py + 6 * k, 11 * k, 11 * k), ss=3), planet)
    layer.paint(mask(Ellipse(px - 10 * k, py - 9 * k, 4.5 * k, 4.5 * k), ss=3), "#9ad1ff")
    orbit = curve([(px - 22 * k, py + 8 * k), (px - 4 * k, py - 10 * k), (px + 22 * k, py - 12 * k)], 8)
    layer.paint(mask(ribbon(orbit, 1.6 * k), ss=3) * inner, "#f4f1ea", 0.9)
    star = [(-3, -18), (-1.5, -15.5), (1, -15), (-1, -13), (-0.5, -10), (-3, -12), (-5.5, -10), (-5, -13), (-7, -15),
            (-4.5, -15.5)]
    layer.paint(mask(np.array([(px + x * k, py + y * k) for x, y in star]), ss=3), "#ffd58a")


# --------------------------------------------------------------------------------------------------
# Jay: shaggy hair to the jaw, loose knit cardigan over a T-shirt, headphones round the neck


def jay(outfit: str) -> Bust:
    light = -1.0  # his rim light faces left, towards Nan-young
    pal = Palette(
        skin="#efc9a9", hair="#3f2c25", hair_sheen="#7a5540", brow="#35261f", iris="#3b2619", iris_light="#a06a40",
        lash="#261a15", lip="#cf8877", tone="#6b3f2a", rim="#ffe0b0", outline="#2a1a12",
    )
    face = Face(
        eye_y=354, eye_dx=53, eye_w=28, eye_h=19, tilt=2, brow_gap=13, brow_w=(6.5, 6.5, 3.0), mouth_y=444,
        mouth_w=19, nose_y=408, light=light, crease=0.0, lash=0.8, lower_lash=0.35, lips=0.1, cheek_dx=66,
    )
    hd = Head(top=148, cw=108, jaw_x=80, jaw_y=448, chin_w=27, chin_y=486, cheek_y=352, neck_top=40, neck_bottom=44,
              ear_x=106, ear_y=376)
    under, over = Layer(), Layer()
    back = [
        (CX + 10, 104), (CX + 70, 114), (CX + 118, 144), (CX + 148, 194), (CX + 162, 228, 1), (CX + 150, 250),
        (CX + 156, 300), (CX + 168, 330, 1), (CX + 152, 352), (CX + 154, 400), (CX + 160, 442, 1), (CX + 140, 436),
        (CX + 136, 484, 1), (CX + 118, 458), (CX + 104, 492, 1), (CX + 90, 464), (CX + 50, 470), (CX, 474),
        (CX - 50, 470), (CX - 92, 466), (CX - 106, 494, 1), (CX - 118, 460), (CX - 138, 482, 1), (CX - 144, 434),
        (CX - 164, 446, 1), (CX - 154, 396), (CX - 158, 340), (CX - 172, 316, 1), (CX - 154, 288), (CX - 154, 240),
        (CX - 164, 204, 1), (CX - 140, 178), (CX - 116, 140), (CX - 64, 112), (CX - 34, 96, 1), (CX - 12, 108),
    ]
    m_back = mask(outline(back, 12))
    under.paint(m_back, pal.shadow(pal.hair, 0.9))
    m_body = mask(_torso(shoulder=192, width=254, neck=46, drop=58))
    m_head, m_neck, m_ears = head_masks(hd)

    tee, cardigan = "#e8dcc4", "#a8784e"
    sh = -light
    # back of the cardigan's neckband, behind the neck
    under.paint(mask(outline([(CX - 70, 548, 1), (CX - 60, 518), (CX, 506), (CX + 60, 518), (CX + 70, 548, 1)], 8)),
                pal.shadow(cardigan, 1.1))
    under.paint(m_body, tee)
    # the open front of the cardigan
    left = [(CX - 52, 526), (CX - 58, 620), (CX - 66, 760), (CX - 74, 920)]
    right = [(CX + 50, 526), (CX + 62, 620), (CX + 72, 760), (CX + 82, 920)]
    opening = [(*left[0], 1), *left[1:-1], (*left[-1], 1), (*right[-1], 1), *right[-2:0:-1], (*right[0], 1)]
    m_open = mask(outline(opening, 10))
    m_card = m_body * (1 - m_open)
    under.paint(m_card, cardigan)
    # knit ribs: faint vertical lines in the shadow tone
    ribs = [np.array([(x, 560), (x + 4, H + 10)]) for x in range(int(CX) - 260, int(CX) + 270, 11)]
    under.shade(mask(*[ribbon(r, 1.6) for r in ribs]) * m_card, pal.dark(0.5), 0.6)
    for s, edge in ((-1, left), (1, right)):
        band = ribbon(curve(edge, 10), 17, bias=1.0 if s < 0 else 0.0)
        m_band = mask(band) * m_body
        under.paint(m_band, mix(cardigan, "#f0d2a8", 0.18))
        under.shade(mask(ribbon(curve(edge, 10), 1.5)) * m_body, pal.dark(1.2), 0.8)
    for y in (640, 740, 840):
        x = CX - 60 - (y - 620) * 0.057
        under.paint(mask(Ellipse(x - 9, y, 4.5, 4.5), ss=3), "#5a3a26")
        under.paint(mask(Ellipse(x - 10, y - 1, 1.5, 1.5), ss=3), "#c9a27a")
    body_shadow(under, pal, m_body, light, x=172)
    # headphones: the band behind the neck
    band = curve([(CX - 96, 600), (CX - 76, 540), (CX - 44, 510), (CX, 502), (CX + 44, 510), (CX + 76, 540),
                  (CX + 96, 600)], 10)
    under.paint(mask(ribbon(band, 12)), "#2e2d35")
    under.paint(mask(ribbon(band - np.array([0.0, 4.0]), 2.0)), "#5a5862", 0.8)
    neckline = below_line([(CX - 60, 520), (CX - 34, 546), (CX, 556), (CX + 34, 546), (CX + 60, 520)])
    draw_neck(under, pal, m_neck, m_head, light, clip=1 - neckline)
    trim = curve([(CX - 50, 528), (CX - 30, 549), (CX, 557), (CX + 30, 549), (CX + 50, 528)], 10)
    under.paint(mask(ribbon(trim, 6, bias=0.0)) * m_body, pal.shadow(tee, 0.5))
    under.shade(mask(ribbon(trim + np.array([light * 4, 8.0]), taper(len(trim), 2, 12, 2), bias=0.0)) * m_open,
                pal.dark(0.8))
    # cups resting on the collarbones
    for s in (-1, 1):
        cx, cy = CX + s * 96, 604
        cup = Ellipse(cx, cy, 34, 42, -s * 18)
        m_cup = mask(cup)
        under.paint(m_cup, "#34333b")
        under.paint(mask(Ellipse(cx + s * 3, cy, 26, 33, -s * 18)) * m_cup, "#ffc27a")
        under.paint(mask(Ellipse(cx + s * 4, cy, 22, 29, -s * 18)), "#2a2930")
        under.paint(mask(Ellipse(cx + s * 5, cy + 1, 10, 13, -s * 18)), "#45434d")
        under.shade(m_cup * (1 - shift(m_cup, int(-sh * 10), -4)), pal.dark(1.0))
    cable = curve([(CX - 104, 646), (CX - 112, 720), (CX - 104, 800), (CX - 112, 920)], 10)
    under.paint(mask(ribbon(cable, 3.0)), "#2e2d35")
    draw_head(under, pal, hd, m_head, m_ears, light)

    crown = [
        (CX - 112, 470, 1), (CX - 140, 400), (CX - 146, 330), (CX - 142, 260), (CX - 132, 196), (CX - 100, 144),
        (CX - 50, 116), (CX + 10, 106), (CX + 70, 116), (CX + 118, 148), (CX + 140, 200), (CX + 148, 262),
        (CX + 144, 340), (CX + 132, 410), (CX + 112, 478, 1), (CX + 104, 420), (CX + 100, 360),
    ]
    edge = fringe([(CX + 98, 300), (CX + 96, 340), (CX + 70, 286), (CX + 54, 318), (CX + 30, 264), (CX + 16, 298),
                   (CX - 4, 266), (CX - 28, 330), (CX - 48, 280), (CX - 72, 314), (CX - 86, 284), (CX - 100, 334),
                   (CX - 98, 300)], belly=5.0)
    m_crown = mask(outline(crown + edge + [(CX - 100, 360), (CX - 104, 420)], 12))
    # a few loose strands over the fringe
    strand1 = curve([(CX - 20, 200), (CX - 10, 262), (CX + 2, 318)], 10)
    strand2 = curve([(CX + 80, 210), (CX + 92, 290), (CX + 84, 350)], 10)
    m_str = mask(ribbon(strand1, taper(len(strand1), 7, 6, 0.5)), ribbon(strand2, taper(len(strand2), 8, 6, 0.5)))
    m_front = np.maximum(m_crown, m_str)
    hair_front(under, over, pal, m_front, m_back, m_head, light,
               ring=((CX - 110, 206), (CX - 50, 168), (CX + 20, 160), (CX + 84, 176), (CX + 124, 214)),
               strands=([(CX - 60, 130), (CX - 54, 220), (CX - 62, 300)], [(CX + 40, 124), (CX + 50, 200), (CX + 40, 290)],
                        [(CX - 120, 300), (CX - 124, 380), (CX - 118, 450)], [(CX + 116, 290), (CX + 122, 370), (CX + 118, 440)]))
    return person(under, over, pal, face, m_head)


# --------------------------------------------------------------------------------------------------
# Commander Yoon Seo-jin: fifties, silver crop, navy uniform with a teal accent


def yoon(outfit: str) -> Bust:
    light = 1.0
    pal = Palette(
        skin="#e8c2a2", hair="#c3c7cf", hair_sheen="#eef0f3", brow="#7c7f88", iris="#3a2a25", iris_light="#7d5b4c",
        lash="#2a2123", lip="#c98a80", tone="#2f3b5c", rim="#9df0e6", outline="#161c2c",
    )
    face = Face(
        eye_y=352, eye_dx=51, eye_w=27, eye_h=15, tilt=2, brow_gap=10, brow_w=(5.8, 5.4, 2.6), mouth_y=442,
        mouth_w=16, nose_y=406, light=light, crease=0.45, lash=0.8, lower_lash=0.45, lips=0.16, age=0.2,
    )
    hd = Head(top=152, cw=102, jaw_x=74, jaw_y=442, chin_w=23, chin_y=482, cheek_y=352, neck_top=34, neck_bottom=39,
              ear_x=102, ear_y=370)
    under, over = Layer(), Layer()
    back = [(CX, 126), (CX + 64, 132), (CX + 110, 162), (CX + 130, 214), (CX + 128, 290), (CX + 116, 338),
            (CX + 100, 352), (CX - 100, 352), (CX - 116, 338), (CX - 128, 290), (CX - 130, 214), (CX - 110, 162),
            (CX - 64, 132)]
    m_back = mask(outline(back, 12))
    under.paint(m_back, pal.shadow(pal.hair, 0.9))
    m_body = mask(_torso(shoulder=180, width=244, neck=42))
    m_head, m_neck, m_ears = head_masks(hd)

    navy, teal = "#27385f", "#2fb3a8"
    sh = -light
    collar_back = [(CX - 50, 528, 1), (CX - 46, 496), (CX, 488), (CX + 46, 496), (CX + 50, 528, 1)]
    under.paint(mask(outline(collar_back, 8)), pal.shadow(navy, 1.2))
    draw_neck(under, pal, m_neck, m_head, light)
    under.paint(m_body, navy)
    collar = [(CX - 46, 500, 1), (CX - 22, 510), (CX, 514, 1), (CX + 22, 510), (CX + 46, 500, 1), (CX + 56, 540, 1),
              (CX, 552, 1), (CX - 56, 540, 1)]
    m_col = mask(outline(collar, 8))
    under.shade(shift(m_col, 0, 10) * m_body * (1 - m_col), pal.dark(1.0))
    under.paint(m_col, navy)
    top = curve([(CX - 46, 500), (CX - 22, 510), (CX, 514)], 8)
    top_r = np.array(mir([tuple(q) for q in top]))
    under.paint(mask(ribbon(top, 3.0, 0.0), ribbon(top_r, 3.0, 1.0), ss=3), teal)
    # the asymmetric closure: a diagonal placket with silver buttons and teal piping
    plk = curve([(CX + 4, 552), (CX + 30, 640), (CX + 56, 760), (CX + 70, 920)], 10)
    under.paint(mask(ribbon(plk, 2.2)) * m_body, teal, 0.9)
    under.shade(mask(ribbon(plk + np.array([-4.0, 0.0]), 3.0)) * m_body, pal.dark(1.2))
    for t in (0.18, 0.45, 0.72):
        x, y = plk[int(t * (len(plk) - 1))]
        under.paint(mask(Ellipse(x + 14, y, 5, 5), ss=3), "#c9d0da")
        under.paint(mask(Ellipse(x + 13, y - 1.5, 1.8, 1.8), ss=3), "#f4f1ea")
    # epaulettes with three teal bars (rank)
    for s in (-1, 1):
        ep = ribbon(curve([(CX + s * 84, 578), (CX + s * 140, 602), (CX + s * 194, 634)], 8), 18)
        m_ep = mask(ep) * m_body
        under.paint(m_ep, pal.shadow(navy, 0.6))
        for k in range(3):
            x = CX + s * (160 + k * 10)
            y = 612 + k * 5.5
            bar = ribbon(np.array([(x - s * 1.5, y - 9), (x + s * 3.0, y + 8)]), 4.0)
            under.paint(mask(bar, ss=3) * m_ep, teal)
    # wings badge and ribbon bar on her left chest, name plate on the right
    wx, wy = CX - 126, 672
    for s in (-1, 1):
        wing = [(wx, wy), (wx + s * 30, wy - 8), (wx + s * 24, wy - 2), (wx + s * 32, wy + 1), (wx + s * 20, wy + 4),
                (wx + s * 24, wy + 8), (wx, wy + 6)]
        under.paint(mask(np.array(wing), ss=3), "#c9d0da")
    under.paint(mask(Ellipse(wx, wy + 1, 7, 7), ss=3), teal)
    for i, c in enumerate(("#c2408a", "#f4f1ea", "#2fb3a8", "#ffb454")):
        x = wx - 26 + i * 13
        under.paint(mask(np.array([(x, wy + 22), (x + 12, wy + 22), (x + 12, wy + 30), (x, wy + 30)]), ss=3), c)
    under.paint(mask(np.array([(CX + 96, 680), (CX + 158, 680), (CX + 158, 692), (CX + 96, 692)]), ss=3), "#c9d0da")
    body_shadow(under, pal, m_body, light)
    under.shade(m_col * half_plane(sh, CX + sh * 10), pal.dark(0.8))
    draw_head(under, pal, hd, m_head, m_ears, light)

    crown = [
        (CX - 106, 340, 1), (CX - 112, 290), (CX - 124, 230), (CX - 120, 178), (CX - 86, 142), (CX - 20, 126),
        (CX + 50, 130), (CX + 104, 154), (CX + 130, 204), (CX + 132, 262), (CX + 118, 304), (CX + 106, 342, 1),
        (CX + 100, 300),
    ]
    edge = fringe([(CX + 98, 266), (CX + 86, 296), (CX + 56, 256), (CX + 32, 282), (CX - 6, 240), (CX - 30, 262),
                   (CX - 70, 232), (CX - 86, 254), (CX - 98, 246)], belly=6.0)
    m_front = mask(outline(crown + edge + [(CX - 100, 300)], 12))
    hair_front(under, over, pal, m_front, m_back, m_head, light,
               ring=((CX - 104, 204), (CX - 44, 166), (CX + 24, 162), (CX + 84, 178), (CX + 120, 212)),
               strands=([(CX - 40, 150), (CX - 22, 190), (CX - 8, 226)], [(CX + 50, 150), (CX + 76, 196), (CX + 84, 230)]),
               cast=7, sheen=0.9)
    return person(under, over, pal, face, m_head)


# --------------------------------------------------------------------------------------------------
# Park Min-su: bleached undercut, bomber jacket with a magenta accent


def minsu(outfit: str) -> Bust:
    light = -1.0
    pal = Palette(
        skin="#ecc5a3", hair="#e9dbb0", hair_sheen="#fff5da", brow="#4e3c30", iris="#33231b", iris_light="#8a5a3a",
        lash="#231915", lip="#c47c6e", tone="#4d2d52", rim="#ff9ad0", outline="#24121f",
    )
    face = Face(
        eye_y=354, eye_dx=53, eye_w=28, eye_h=17, tilt=5, brow_gap=12, brow_w=(6.5, 6.0, 2.6), mouth_y=444,
        mouth_w=18, nose_y=408, light=light, crease=0.0, lash=0.85, lower_lash=0.35, lips=0.08, cheek_dx=66,
    )
    hd = Head(top=148, cw=106, jaw_x=80, jaw_y=446, chin_w=25, chin_y=486, cheek_y=350, neck_top=41, neck_bottom=46,
              ear_x=106, ear_y=372)
    under, over = Layer(), Layer()
    m_body = mask(_torso(shoulder=198, width=262, neck=48, drop=56))
    m_head, m_neck, m_ears = head_masks(hd)
    jacket, magenta, tee = "#3d4a3f", "#c2408a", "#ecebe6"
    sh = -light
    # shaved sides: a skull a little wider than the face, in the dark of the roots
    m_skull = mask(Ellipse(CX, 244, 112, 100)) * (1 - below_line([(CX - 200, 330), (CX, 330), (CX + 200, 330)]))
    under.paint(m_skull, mix("#4a3b33", pal.skin, 0.25))
    under.shade(m_skull * half_plane(sh, CX + sh * 40), pal.dark(1.0))
    # ribbed knit collar, back part
    under.paint(mask(outline([(CX - 62, 546, 1), (CX - 56, 508), (CX, 498), (CX + 56, 508), (CX + 62, 546, 1)], 8)),
                pal.shadow(jacket, 1.2))
    neckline = below_line([(CX - 60, 530), (CX - 30, 552), (CX, 560), (CX + 30, 552), (CX + 60, 530)])
    under.paint(m_body, tee)
    draw_neck(under, pal, m_neck, m_head, light, clip=1 - neckline)
    trim = curve([(CX - 52, 536), (CX - 30, 553), (CX, 561), (CX + 30, 553), (CX + 52, 536)], 10)
    under.paint(mask(ribbon(trim, 5, bias=0.0)) * m_body, pal.shadow(tee, 0.5))
    under.shade(mask(ribbon(trim + np.array([light * 4, 7.0]), taper(len(trim), 2, 12, 2), bias=0.0)) * m_body,
                pal.dark(0.8))
    # the jacket, zipped open to the chest
    left = [(CX - 56, 500), (CX - 56, 560), (CX - 50, 630), (CX - 36, 720), (CX - 26, 920)]
    right = [(CX + 56, 500), (CX + 56, 560), (CX + 48, 630), (CX + 34, 720), (CX + 24, 920)]
    opening = [(*left[0], 1), *left[1:-1], (*left[-1], 1), (*right[-1], 1), *right[-2:0:-1], (*right[0], 1)]
    m_open = mask(outline(opening, 10))
    m_jk = m_body * (1 - m_open)
    under.paint(m_jk, jacket)
    for s, edge in ((-1, left), (1, right)):
        line = curve(edge, 10)
        under.paint(mask(ribbon(line, 5, bias=1.0 if s < 0 else 0.0)) * m_body, magenta)  # lining
        under.paint(mask(ribbon(line + np.array([-s * 5.0, 0.0]), 4, bias=1.0 if s < 0 else 0.0)) * m_body, "#8a8f96")
    # raglan seams and the sleeve pocket
    for s in (-1, 1):
        seam = curve([(CX + s * 70, 556), (CX + s * 116, 640), (CX + s * 166, 740), (CX + s * 196, 920)], 10)
        under.shade(mask(ribbon(seam, 2.2)) * m_jk, pal.dark(1.2))
    px = CX - 222 * -light
    pk = np.array([(px - 18, 700), (px + 18, 704), (px + 16, 752), (px - 20, 748)])
    under.paint(mask(pk, ss=3) * m_body, pal.shadow(jacket, 0.5))
    under.paint(mask(ribbon(np.array([(px - 18, 700), (px + 18, 704)]), 3.0), ss=3) * m_body, "#8a8f96")
    body_shadow(under, pal, m_body, light, x=178)

    # ribbed collar, front, with two magenta stripes
    col = [(CX - 58, 512, 1), (CX - 52, 540), (CX - 60, 566, 1), (CX - 80, 560), (CX - 84, 540, 1)]
    for s in (-1, 1):
        pts = col if s < 0 else mirror(col)
        m_c = mask(outline(pts, 8))
        under.paint(m_c, pal.shadow(jacket, 0.7))
        for k in (0, 1):
            stripe = curve([(CX + s * (62 + 7 * k), 516 + 2 * k), (CX + s * (58 + 8 * k), 540), (CX + s * (66 + 7 * k), 562)], 6)
            under.paint(mask(ribbon(stripe, 2.2), ss=3) * m_c, magenta)
    draw_head(under, pal, hd, m_head, m_ears, light)
    # two silver hoops on the left ear, a stud on the right
    for dy in (24, 12):
        ex, ey = CX - 110, hd.ear_y + dy
        ring = mask(Ellipse(ex - 2, ey + 6, 6.5, 6.5), ss=3) * (1 - mask(Ellipse(ex - 2, ey + 6, 4.3, 4.3), ss=3))
        under.paint(ring * (1 - mask(Ellipse(ex + 2, ey + 2, 4, 4), ss=3)), "#dfe3ea")
    under.paint(mask(Ellipse(CX + 108, hd.ear_y + 22, 3.2, 3.2), ss=3), "#dfe3ea")

    # the shaved sides over the temples, down to the ears
    for sd in (-1, 1):
        fuzz = [(CX + sd * 74, 226, 1), (CX + sd * 86, 270), (CX + sd * 94, 312), (CX + sd * 100, 352, 1),
                (CX + sd * 150, 352, 1), (CX + sd * 150, 200, 1)]
        m_f = mask(outline(fuzz, 8)) * np.maximum(m_head, m_skull)
        under.paint(m_f, mix("#4a3b33", pal.skin, 0.3))
        if sd == sh:
            under.shade(m_f, pal.dark(1.0))
    top = [
        (CX - 104, 252, 1), (CX - 116, 212), (CX - 110, 168), (CX - 78, 132), (CX - 26, 114), (CX + 34, 114),
        (CX + 100, 124, 1), (CX + 96, 136), (CX + 134, 158, 1), (CX + 126, 176), (CX + 134, 212), (CX + 122, 252),
        (CX + 110, 292),
    ]
    edge = fringe([(CX + 110, 292), (CX + 96, 330), (CX + 62, 282), (CX + 40, 320), (CX + 2, 268), (CX - 18, 300),
                   (CX - 58, 258), (CX - 76, 282), (CX - 100, 252)], belly=7.0)
    m_front = mask(outline(top + edge, 12))
    hair_front(under, over, pal, m_front, m_front, m_head, light,
               ring=((CX - 110, 190), (CX - 54, 140), (CX + 16, 128), (CX + 90, 140), (CX + 132, 180)),
               strands=([(CX - 70, 124), (CX - 44, 180), (CX - 36, 250)], [(CX + 10, 110), (CX + 40, 180), (CX + 50, 260)],
                        [(CX + 80, 122), (CX + 110, 180), (CX + 108, 260)]),
               cast=9, crescent=22, sheen=0.9)
    return person(under, over, pal, face, m_head)


# --------------------------------------------------------------------------------------------------
# Captain Han Eun-seo: Nan-young's mother, seen in old recordings (a hologram)


def mother(outfit: str) -> Bust:
    light = 1.0
    pal = Palette(
        skin="#f1d3bd", hair="#2b2630", hair_sheen="#5a5262", brow="#2e2a33", iris="#3b2a2e", iris_light="#8a6a66",
        lash="#1d1a22", lip="#d98a86", tone="#3a4a78", rim="#dffcff", outline="#0f3a46",
    )
    face = Face(
        eye_y=352, eye_dx=52, eye_w=29, eye_h=21, tilt=4, brow_gap=15, brow_w=(5.0, 5.2, 2.2),
        mouth_y=440, mouth_w=16, nose_y=405, light=light, crease=0.35, lash=0.95, lips=0.3, age=0.08,
    )
    hd = Head(top=150, cw=104, jaw_x=70, jaw_y=442, chin_w=21, chin_y=480, cheek_y=356)
    under, over = Layer(), Layer()
    # a low ponytail falling behind her right shoulder, and the hair mass close to the head
    tail = [(CX - 60, 380), (CX - 120, 430), (CX - 150, 520), (CX - 140, 600, 1), (CX - 110, 540), (CX - 80, 470)]
    m_tail = mask(outline(tail, 10))
    back = [(CX, 118), (CX + 66, 124), (CX + 116, 158), (CX + 136, 220), (CX + 132, 300), (CX + 118, 380),
            (CX + 90, 420), (CX - 90, 420), (CX - 118, 380), (CX - 132, 300), (CX - 136, 220), (CX - 116, 158),
            (CX - 66, 124)]
    m_back = np.maximum(mask(outline(back, 12)), m_tail)
    under.paint(m_back, pal.shadow(pal.hair, 0.9))
    tie = mask(Ellipse(CX - 94, 414, 10, 7, -40))
    under.paint(tie, "#8a8f96")
    m_body = mask(_torso(shoulder=174, width=238, neck=42))
    m_head, m_neck, m_ears = head_masks(hd)

    suit = "#8d927a"
    draw_neck(under, pal, m_neck, m_head, light)
    under.paint(m_body, suit)
    # fold-down collar with long points, open at the throat
    for s in (-1, 1):
        pts = [(CX + s * 40, 516, 1), (CX + s * 70, 540), (CX + s * 118, 572, 1), (CX + s * 60, 640, 1),
               (CX + s * 10, 590, 1)]
        m_c = mask(outline(pts, 8))
        under.shade(shift(m_c, int(light * 4), 8) * m_body * (1 - m_c), pal.dark(1.0))
        under.paint(m_c, mix(suit, "#f4f1ea", 0.18))
    v = [(CX - 20, 560, 1), (CX + 20, 560, 1), (CX, 600, 1)]
    under.paint(mask(outline(v, 4)), mix(suit, "#0b0d1a", 0.45))
    under.paint(mask(ribbon(np.array([(CX, 596), (CX, H + 10)]), 3.0), ss=3), pal.shadow(suit, 1.3))
    # chest pockets, name tape, shoulder flag patch, mission patch
    for s in (-1, 1):
        x0 = CX + s * 150
        pk = [(x0 - 40, 690), (x0 + 40, 690), (x0 + 40, 780), (x0 - 40, 780)]
        under.shade(mask(ribbon(np.array(pk + [pk[0]]), 2.0), ss=3) * m_body, pal.dark(1.2))
        under.paint(mask(np.array([(x0 - 42, 684), (x0 + 42, 684), (x0 + 42, 706), (x0 - 42, 706)]), ss=3),
                    mix(suit, "#f4f1ea", 0.1))
    under.paint(mask(np.array([(CX - 184, 660), (CX - 118, 660), (CX - 118, 674), (CX - 184, 674)]), ss=3), "#e9e4d8")
    mission_patch(under, CX + 150, 640, 24, planet="#c96f3b")
    body_shadow(under, pal, m_body, light)
    draw_head(under, pal, hd, m_head, m_ears, light)

    crown = [
        (CX - 104, 300, 1), (CX - 124, 240), (CX - 124, 190), (CX - 100, 146), (CX - 50, 122), (CX + 10, 116),
        (CX + 70, 124), (CX + 116, 158), (CX + 134, 214), (CX + 128, 280), (CX + 108, 312, 1), (CX + 104, 272),
        (CX + 90, 232), (CX + 60, 214), (CX + 20, 208),
    ]
    swoop = fringe([(CX + 20, 208), (CX - 40, 262), (CX - 50, 228), (CX - 88, 290), (CX - 96, 250)], belly=6.0)
    m_crown = mask(outline(crown + swoop, 12))
    wisp_l = curve([(CX - 98, 250), (CX - 112, 330), (CX - 104, 410), (CX - 92, 440)], 10)
    wisp_r = curve([(CX + 104, 280), (CX + 114, 350), (CX + 104, 420)], 10)
    m_front = np.maximum.reduce([m_crown, mask(ribbon(wisp_l, taper(len(wisp_l), 10, 8, 0.5))),
                                 mask(ribbon(wisp_r, taper(len(wisp_r), 8, 6, 0.5)))])
    hair_front(under, over, pal, m_front, m_back, m_head, light,
               ring=((CX - 110, 196), (CX - 50, 156), (CX + 20, 150), (CX + 84, 166), (CX + 122, 206)),
               strands=([(CX - 60, 140), (CX - 70, 200), (CX - 80, 260)], [(CX + 30, 124), (CX + 80, 170), (CX + 110, 230)],
                        [(CX - 10, 130), (CX + 40, 160), (CX + 80, 200)]))

    def hologram(layer: Layer) -> Layer:
        return _hologram(layer, "mother")

    return person(under, over, pal, face, m_head, post=hologram)


def _hologram(layer: Layer, seed: str) -> Layer:
    """Recolour a finished bust as a recording: cyan monochrome, translucent, scan lines, a few shifted rows."""
    a = np.clip(layer.a, 0, 1)
    col = np.where(a[..., None] > 1e-6, layer.c / np.maximum(a[..., None], 1e-6), 0.0)
    lum = col @ np.array([0.3, 0.55, 0.15], dtype=np.float32)
    lum = np.clip((lum - 0.12) / 0.8, 0, 1) ** 0.9
    dark, mid, bright = _col("#0f4f5e"), _col("#6fe3e1"), _col("#e6fffd")
    holo_rgb = np.where(lum[..., None] < 0.7, dark + (mid - dark) * (lum[..., None] / 0.7),
                   mid + (bright - mid) * ((lum[..., None] - 0.7) / 0.3))
    ys = np.arange(H)
    scan = np.where(ys % 4 == 3, 0.45, 1.0).astype(np.float32)[:, None]
    alpha = a * 0.8 * scan  # the same in every look: only the colour carries the face
    # glitch: a few thin bands of rows pushed sideways (seeded, the same in every look)
    r = rng(f"characters:{seed}")
    for _ in range(4):
        y0 = int(r.integers(120, 860))
        h = int(r.integers(2, 7))
        dx = int(r.integers(-9, 10))
        holo_rgb[y0 : y0 + h] = np.roll(holo_rgb[y0 : y0 + h], dx, axis=1)
        alpha[y0 : y0 + h] = np.roll(alpha[y0 : y0 + h], dx, axis=1) * 0.85
    out = Layer()
    out.c = (holo_rgb * alpha[..., None]).astype(np.float32)
    out.a = alpha.astype(np.float32)
    glow = soften(a, 7) * (1 - a)
    out.under(glow, "#6fe3e1", 0.35)
    return out


# --------------------------------------------------------------------------------------------------
# Dori: a small round companion robot with one cyan face-screen, hovering


def dori(outfit: str) -> Bust:
    light = 1.0
    pal = Palette(
        skin="#14202e", hair="#eef1f5", hair_sheen="#ffffff", brow="#6fe3e1", iris="#6fe3e1", iris_light="#6fe3e1",
        lash="#6fe3e1", lip="#6fe3e1", tone="#4a5a80", rim="#b8f6f3", outline="#1a2436",
    )
    cx, cy, r = CX, 622.0, 104.0  # low in the frame, but the face clears a dialogue box over the bottom fifth
    under, over = Layer(), Layer()
    shell = "#eef1f5"
    # hover glow and thruster below
    glow = soften(mask(Ellipse(cx, cy + r + 36, 62, 12)), 10)
    under.paint(glow, "#6fe3e1", 0.55)
    under.paint(soften(mask(Ellipse(cx, cy + r + 30, 30, 6)), 3), "#dffcff", 0.8)
    m_thr = mask(Ellipse(cx, cy + r - 2, 40, 16))
    under.paint(m_thr, "#9aa6b8")
    under.paint(mask(Ellipse(cx, cy + r + 4, 26, 8)), "#3b4a63")
    under.paint(mask(Ellipse(cx, cy + r + 6, 18, 4)), "#6fe3e1")
    # antenna
    ant = curve([(cx + 10, cy - r + 6), (cx + 16, cy - r - 30), (cx + 28, cy - r - 52)], 8)
    under.paint(mask(ribbon(ant, 4.0), ss=3), "#9aa6b8")
    under.paint(soften(mask(Ellipse(cx + 28, cy - r - 56, 12, 12)), 4), "#6fe3e1", 0.5)
    under.paint(mask(Ellipse(cx + 28, cy - r - 56, 8, 8), ss=3), "#6fe3e1")
    under.paint(mask(Ellipse(cx + 26, cy - r - 58, 2.5, 2.5), ss=3), "#e6fffd")
    # side pods ("ears")
    for s in (-1, 1):
        pod = mask(Ellipse(cx + s * (r - 2), cy + 4, 18, 30))
        under.paint(pod, "#c9d1dd")
        under.paint(mask(Ellipse(cx + s * (r + 4), cy + 4, 7, 16)), "#6fe3e1")
    # the round shell
    m_shell = mask(Ellipse(cx, cy, r, r * 0.96))
    under.paint(m_shell, shell)
    under.shade(m_shell * (1 - shift(mask(Ellipse(cx, cy, r, r * 0.96)), int(light * 26), -16)), pal.dark(1.0))
    under.paint(mask(Ellipse(cx - 46, cy - 60, 24, 12, -35)) * m_shell, "#ffffff", 0.7)
    band = mask(Ellipse(cx, cy + 52, r * 0.96, 26)) * (1 - mask(Ellipse(cx, cy + 44, r * 0.96, 26))) * m_shell
    under.shade(band, pal.dark(0.6))
    # face screen
    scr = Ellipse(cx, cy - 6, 72, 50)
    m_scr = mask(scr)
    under.paint(mask(Ellipse(cx, cy - 6, 78, 56)), "#c9d1dd")
    under.paint(m_scr, "#14202e")
    under.paint(mask(Ellipse(cx - 30, cy - 34, 30, 9, -18)) * m_scr, "#2b3a52", 0.9)

    def features(layer: Layer, e: Expr) -> None:
        eye_col = "#6fe3e1"
        ex, ey = 27.0, cy - 8
        shapes: list[Shape] = []
        if e.eyes == "happy":
            for s in (-1, 1):
                arc = curve([(cx + s * ex - 13, ey + 5), (cx + s * ex, ey - 9), (cx + s * ex + 13, ey + 5)], 10)
                shapes.append(ribbon(arc, 7.0))
            mouth = curve([(cx - 12, ey + 22), (cx, ey + 30), (cx + 12, ey + 22)], 8)
            shapes.append(ribbon(mouth, 4.5))
        elif e.eyes == "worried":
            for s in (-1, 1):
                shapes.append(Ellipse(cx + s * ex, ey + 4, 8, 12))
                brow = np.array([(cx + s * (ex - 13), ey - 20), (cx + s * (ex + 11), ey - 14)])
                shapes.append(ribbon(brow, 4.0))
            wave = np.array([(cx - 14 + k * 2.0, ey + 28 + 2.5 * np.sin(k * 0.8)) for k in range(15)])
            shapes.append(ribbon(wave, 3.5))
        else:
            for s in (-1, 1):
                shapes.append(Ellipse(cx + s * ex, ey, 9, 15))
        m = mask(*shapes, ss=3)
        layer.paint(soften(m, 5), eye_col, 0.6)
        layer.paint(m, eye_col)
        if e.eyes == "neutral":
            layer.paint(mask(*[Ellipse(cx + s * ex - 3, ey - 6, 2.5, 3.5) for s in (-1, 1)], ss=3), "#e6fffd")
        if e.eyes == "happy":
            for s in (-1, 1):
                layer.paint(mask(Ellipse(cx + s * 50, ey + 18, 9, 4), ss=3), "#ff8fb8", 0.7)

    return make_bust(under, over, pal, light, features, m_scr)


# --------------------------------------------------------------------------------------------------
# looks

SMILE = Expr(lower=0.4, open=0.86, mouth="open", gape=9, curve=6, mw=1.2, brow_lift=-3, brow_in=-1, blush=0.26)

NANYOUNG: dict[str, tuple[str, Expr]] = {
    "neutral": ("jacket", Expr(curve=1.0, blush=0.12)),
    "smile": ("jacket", SMILE),
    "sad": ("jacket", Expr(open=0.74, inner=3, droop=3, look=(0, 3), brow_in=-9, brow_out=3, brow_arch=-2,
                           curve=-3.0, mw=0.85, blush=0.1)),
    "tears": ("jacket", Expr(open=0.8, inner=3, droop=3, look=(0, 2), wet=True, tears=True, brow_in=-10, brow_out=3,
                             brow_arch=-2, curve=-3.5, mw=0.8, blush=0.32)),
    "determined": ("jacket", Expr(open=0.84, lower=0.15, brow_in=7, brow_out=-2, brow_lift=2, curve=-0.5, mw=0.9,
                                  blush=0.08)),
    "surprised": ("jacket", Expr(open=1.3, iris=0.86, brow_lift=-9, brow_arch=2, mouth="o", gape=13, blush=0.14)),
    "suit": ("suit", Expr(curve=1.0, blush=0.12)),
    "suit_smile": ("suit", SMILE),
}

JAY: dict[str, tuple[str, Expr]] = {
    "neutral": ("casual", Expr(open=0.92, curve=0.8)),
    "smile": ("casual", Expr(lower=0.4, open=0.8, curve=6.5, mw=1.2, brow_lift=-2, brow_in=-1, blush=0.14)),
    "tired": ("casual", Expr(open=0.42, droop=2, bags=0.6, lid=0.7, look=(0, 3), brow_in=-4, brow_out=3, brow_lift=2,
                             curve=-1.5, mw=0.85)),
    "sad": ("casual", Expr(open=0.72, inner=3, droop=3, look=(0, 3), brow_in=-9, brow_out=3, curve=-3, mw=0.85)),
    "surprised": ("casual", Expr(open=1.35, iris=0.8, brow_lift=-9, brow_arch=2, mouth="o", gape=12)),
    "laugh": ("casual", Expr(eyes="happy", mouth="open", gape=17, curve=6, mw=1.35, brow_lift=-5, brow_in=-2,
                             blush=0.2)),
}

YOON: dict[str, tuple[str, Expr]] = {
    "neutral": ("uniform", Expr(open=0.95)),
    "stern": ("uniform", Expr(open=0.8, lower=0.12, brow_in=6, brow_out=-1, brow_lift=3, curve=-2.5, mw=0.9)),
    "smile": ("uniform", Expr(lower=0.35, open=0.85, curve=4.5, mw=1.12, brow_lift=-2, brow_in=-1, blush=0.1)),
}

MINSU: dict[str, tuple[str, Expr]] = {
    "neutral": ("bomber", Expr(open=0.9, curve=1.5)),
    "grin": ("bomber", Expr(lower=0.4, open=0.78, mouth="teeth", gape=13, curve=7, mw=1.45, brow_lift=-3,
                            brow_out=-2, blush=0.05)),
    "serious": ("bomber", Expr(open=0.84, brow_in=5, brow_lift=2, curve=-1.5, mw=0.9, look=(0, 1))),
}

DORI: dict[str, tuple[str, Expr]] = {
    "neutral": ("shell", Expr(eyes="neutral")),
    "happy": ("shell", Expr(eyes="happy")),
    "worried": ("shell", Expr(eyes="worried")),
}

MOTHER: dict[str, tuple[str, Expr]] = {
    "neutral": ("recording", Expr(curve=1.5)),
    "smile": ("recording", Expr(lower=0.4, open=0.86, curve=5.0, mw=1.15, brow_lift=-2, brow_in=-1, blush=0.2)),
}

CHARACTERS: dict[str, tuple[Callable[[str], Bust], dict[str, tuple[str, Expr]]]] = {
    "nanyoung": (nanyoung, NANYOUNG),
    "jay": (jay, JAY),
    "yoon": (yoon, YOON),
    "minsu": (minsu, MINSU),
    "dori": (dori, DORI),
    "mother": (mother, MOTHER),
}


def _what(cid: str, look: str) -> str:
    return f"{WHO[cid]}, bust, look '{look}' (procedural vector drawing)"


def _path(assets: Path, cid: str, look: str) -> Path:
    return assets / "images" / "characters" / cid / f"{look}.png"


def listing(assets: Path) -> list[Made]:
    return [Made(_path(assets, cid, look), _what(cid, look), SCRIPT) for cid, looks in LOOKS.items() for look in looks]


def render(cid: str) -> dict[str, Image.Image]:
    """Every look of one character, built from one base per outfit."""
    build, looks = CHARACTERS[cid]
    busts: dict[str, Bust] = {}
    out = {}
    for look in LOOKS[cid]:
        outfit, expr = looks[look]
        if outfit not in busts:
            busts[outfit] = build(outfit)
        out[look] = finish(busts[outfit], expr).image()
    return out


def generate(assets: Path) -> list[Made]:
    made = []
    for cid in LOOKS:
        images = render(cid)
        for look in LOOKS[cid]:
            path = save_png(images[look], _path(assets, cid, look))
            made.append(Made(path, _what(cid, look), SCRIPT))
    return made
