"""People in the event pictures: the leads and their friends as painterly-flat figures in colour.

Flat base colours in each character's palette (the busts' hair, skin and clothes), one shadow band on the
side away from the picture's key light, and a rim light round the silhouette; no outlines. A figure is
built from a ``Pose`` (joint positions in head units, y down, the hips at the origin) seen from the back
or in profile, so one kit stands, walks, sits, kneels and plays a keyboard. Torsos and heads are smooth
outlines laid along the spine and the head's own axis; limbs are tapered capsules.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image, ImageDraw

from ..raster.blur import blur
from ..raster.colour import Colour, mix, rgb
from ..raster.compose import shift
from ..raster.curves import outline
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W

Point = tuple[float, float]
Pt = tuple[float, ...]  # a point, or (x, y, 1) for a sharp corner of an outline
SS = 3  # supersampling of the figure canvases
INK = "#0b0d1a"


@dataclass(frozen=True)
class Outfit:
    """One character's colours (from the character art) and the shapes that make them recognisable."""

    hair_style: str  # 'bob' (Nan-young), 'shag' (Jay), 'undercut' (Min-su), 'crop' (Yoon)
    skin: str
    hair: str
    hair_light: str
    top: str  # jacket, cardigan, bomber, uniform or suit
    trim: str  # collar, piping, cuffs, the hair clip
    inner: str  # what shows under the top (T-shirt, collar); a suit's fittings
    legs: str
    shoes: str
    rim: str  # the rim light round the figure (the lead's colour)
    long_top: bool = False  # a cardigan hanging to mid-thigh
    headphones: bool = False
    suit: bool = False  # a surface suit: bulkier limbs, gloves, boots, a pack
    helmet: bool = False  # helmet closed over the head


NANYOUNG = Outfit("bob", "#f4d8c4", "#2b3149", "#55618c", "#4d6499", "#9ad1ff", "#7fa3d9", "#2a3350", "#1c2233", "#cfe9ff")
NANYOUNG_SUIT = replace(NANYOUNG, top="#e9edf3", trim="#5577b3", inner="#bcc7d8", legs="#dfe4ec", shoes="#8e99ad",
                        suit=True, helmet=True)
JAY = Outfit("shag", "#efc9a9", "#3f2c25", "#7a5540", "#a8784e", "#c9955f", "#e8dcc4", "#34405a", "#2a2320", "#ffe0b0",
             long_top=True, headphones=True)
MINSU = Outfit("undercut", "#ecc5a3", "#e9dbb0", "#fff5da", "#3d4a3f", "#c2408a", "#ecebe6", "#23262c", "#1a1a1f", "#ff9ad0")
YOON_SUIT = Outfit("crop", "#e8c2a2", "#c3c7cf", "#eef0f3", "#e9edf3", "#2fb3a8", "#bcc7d8", "#dfe4ec", "#8e99ad", "#9df0e6",
                   suit=True, helmet=True)


@dataclass(frozen=True)
class Pose:
    """Joint positions in head units (y down, hips at the origin). ``a`` limbs are drawn first (behind),
    ``b`` limbs last: in a profile ``a`` is the far side."""

    head: Point
    neck: Point
    sh_a: Point
    sh_b: Point
    el_a: Point
    el_b: Point
    wr_a: Point
    wr_b: Point
    hip_a: Point
    hip_b: Point
    kn_a: Point
    kn_b: Point
    an_a: Point
    an_b: Point
    tilt: float = 0.0  # the head leans this many radians (positive: toward +x, forward in a profile)
    eyes: str = "open"  # in a profile: 'open' or 'closed'


def standing_back(spread: float = 0.0, wr_a: Point | None = None, wr_b: Point | None = None, lean: float = 0.0) -> Pose:
    """Seen from behind, standing: ``spread`` opens the stance (walking), arms hang unless given wrists."""
    el_a = ((-0.86 + (wr_a or (-0.98, 0))[0]) / 2 - 0.12, -1.3) if wr_a else (-1.0, -1.3)
    el_b = ((0.86 + (wr_b or (0.98, 0))[0]) / 2 + 0.12, -1.3) if wr_b else (1.0, -1.3)
    return Pose(head=(lean * 0.4, -3.3), neck=(lean * 0.3, -2.8), sh_a=(-0.84 + lean * 0.2, -2.42), sh_b=(0.84 + lean * 0.2, -2.42),
                el_a=el_a, el_b=el_b, wr_a=wr_a or (-0.96, -0.3), wr_b=wr_b or (0.96, -0.3), hip_a=(-0.4, 0), hip_b=(0.4, 0),
                kn_a=(-0.42 - spread * 0.2, 1.7), kn_b=(0.42 + spread * 0.1, 1.62), an_a=(-0.4 - spread * 0.3, 3.35),
                an_b=(0.4 + spread * 0.1, 3.22 - spread * 0.3), tilt=lean * 0.3)


def sitting_back(lean: float = 0.0, wr_a: Point = (-0.6, -0.5), wr_b: Point = (0.6, -0.5)) -> Pose:
    """Seen from behind on a chair: the thighs run away from us, so only the seat shows below the back."""
    return Pose(head=(lean * 0.55, -3.22), neck=(lean * 0.4, -2.74), sh_a=(-0.84 + lean * 0.3, -2.4), sh_b=(0.84 + lean * 0.3, -2.4),
                el_a=(-1.0 + lean * 0.15, -1.25), el_b=(1.0 + lean * 0.15, -1.25), wr_a=wr_a, wr_b=wr_b,
                hip_a=(-0.46, 0), hip_b=(0.46, 0), kn_a=(-0.5, 0.3), kn_b=(0.5, 0.3), an_a=(-0.5, 0.35), an_b=(0.5, 0.35),
                tilt=lean * 0.35)


def standing_side(reach: Point | None = None, tilt: float = 0.0, eyes: str = "open") -> Pose:
    """In profile facing +x, standing; ``reach`` puts the near hand there (else it hangs)."""
    wr_b = reach or (0.18, -0.3)
    el_b = (0.25 + (wr_b[0] - 0.25) * 0.35, -1.3 if reach is None else (-2.42 + wr_b[1]) / 2 + 0.35)
    return Pose(head=(0.14, -3.3), neck=(0.03, -2.8), sh_a=(-0.1, -2.42), sh_b=(0.04, -2.42), el_a=(-0.22, -1.32), el_b=el_b,
                wr_a=(-0.12, -0.32), wr_b=wr_b, hip_a=(-0.06, 0), hip_b=(0.06, 0), kn_a=(0.02, 1.7), kn_b=(0.14, 1.68),
                an_a=(-0.1, 3.35), an_b=(0.06, 3.35), tilt=tilt, eyes=eyes)


def walking_side(stride: float = 1.0) -> Pose:
    """In profile facing +x, mid-step: the near leg forward, the far leg back, the arms swinging against them."""
    k = stride
    return Pose(head=(0.18, -3.3), neck=(0.06, -2.8), sh_a=(-0.06, -2.42), sh_b=(0.06, -2.42), el_a=(0.18 * k, -1.34),
                el_b=(-0.16 * k, -1.34), wr_a=(0.5 * k, -0.42), wr_b=(-0.42 * k, -0.4), hip_a=(-0.04, 0), hip_b=(0.06, 0),
                kn_a=(-0.2 * k, 1.68), kn_b=(0.42 * k, 1.6), an_a=(-0.72 * k, 3.22), an_b=(0.66 * k, 3.3), tilt=0.04)


def sitting_side(hands: Point = (1.45, -1.15), slump: float = 0.0, eyes: str = "open") -> Pose:
    """In profile facing +x on a stool, thighs forward, shins down, hands out in front (on keys)."""
    return Pose(head=(0.3 + slump * 0.45, -3.2 + slump * 0.15), neck=(0.14 + slump * 0.35, -2.72 + slump * 0.1),
                sh_a=(0.0 + slump * 0.25, -2.4 + slump * 0.1), sh_b=(0.1 + slump * 0.25, -2.4 + slump * 0.1),
                el_a=(0.42, -1.32), el_b=(0.52, -1.26), wr_a=(hands[0] - 0.12, hands[1] - 0.04), wr_b=hands,
                hip_a=(-0.05, 0), hip_b=(0.05, 0), kn_a=(1.5, -0.14), kn_b=(1.62, -0.1), an_a=(1.42, 1.55), an_b=(1.66, 1.6),
                tilt=0.12 + slump * 0.25, eyes=eyes)


def kneeling_side(hand: Point = (1.9, -1.0)) -> Pose:
    """In profile facing +x, down on the far knee, the near foot planted, the near hand reaching out."""
    return Pose(head=(0.38, -3.18), neck=(0.24, -2.7), sh_a=(0.06, -2.38), sh_b=(0.2, -2.36), el_a=(0.36, -1.3), el_b=(1.05, -1.65),
                wr_a=(0.62, -0.55), wr_b=hand, hip_a=(-0.05, 0), hip_b=(0.05, 0), kn_a=(0.3, 1.66), kn_b=(1.5, -0.22),
                an_a=(-1.15, 1.8), an_b=(1.45, 1.62), tilt=0.18)


@dataclass
class Figure:
    """One drawn figure: its parts (mask, colour) back to front, on a canvas ``box`` of the frame."""

    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    outfit: Outfit
    parts: list[tuple[np.ndarray, Colour, float]] = field(default_factory=list)  # mask, colour, shading strength
    glass: np.ndarray | None = None  # a helmet's visor, for its reflection
    lamp: Point | None = None  # a helmet lamp, in frame coordinates

    @property
    def silhouette(self) -> np.ndarray:
        out: np.ndarray = np.maximum.reduce([m for m, _, _ in self.parts])
        return out


class _Pen:
    """Shapes in frame coordinates drawn into one small supersampled canvas, each as a float mask."""

    def __init__(self, box: tuple[int, int, int, int]) -> None:
        self.box = box

    def mask(self, fn: Callable[[ImageDraw.ImageDraw, Callable[[Sequence[float]], Point]], None]) -> np.ndarray:
        x0, y0, x1, y1 = self.box
        im = Image.new("L", ((x1 - x0) * SS, (y1 - y0) * SS), 0)

        def at(p: Sequence[float]) -> Point:
            return (p[0] - x0) * SS, (p[1] - y0) * SS

        fn(ImageDraw.Draw(im), at)
        return np.asarray(im.reduce(SS), np.float32) / 255.0

    def capsule(self, p: Point, q: Point, w0: float, w1: float | None = None) -> np.ndarray:
        return self.mask(lambda d, at: _capsule(d, at, p, q, w0, w0 if w1 is None else w1))

    def shape(self, pts: Sequence[Pt]) -> np.ndarray:
        """A smooth closed outline through the points ((x, y, 1) keeps a sharp corner)."""
        line = outline(list(pts), 8)
        return self.mask(lambda d, at: d.polygon([at(p) for p in line], fill=255))

    def ellipse(self, c: Point, rx: float, ry: float) -> np.ndarray:
        return self.mask(lambda d, at: d.ellipse([*at((c[0] - rx, c[1] - ry)), *at((c[0] + rx, c[1] + ry))], fill=255))


def _capsule(d: ImageDraw.ImageDraw, at: Callable[[Sequence[float]], Point], p: Point, q: Point, w0: float, w1: float) -> None:
    """A tapered limb from p (width w0) to q (width w1) with round ends."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n, dx / n
    quad = [(p[0] + nx * w0 / 2, p[1] + ny * w0 / 2), (q[0] + nx * w1 / 2, q[1] + ny * w1 / 2),
            (q[0] - nx * w1 / 2, q[1] - ny * w1 / 2), (p[0] - nx * w0 / 2, p[1] - ny * w0 / 2)]
    d.polygon([at(v) for v in quad], fill=255)
    for c, w in ((p, w0), (q, w1)):
        a, b = at((c[0] - w / 2, c[1] - w / 2)), at((c[0] + w / 2, c[1] + w / 2))
        d.ellipse([a[0], a[1], b[0], b[1]], fill=255)


# Head shapes in head units: x forward (the face's side in a profile; right seen from behind), y down,
# the head's centre at the origin. Hair outlines are drawn over the skull.
PROFILE = [(0.02, -0.52), (0.3, -0.44), (0.42, -0.2), (0.43, -0.05), (0.52, 0.12, 1), (0.41, 0.19), (0.43, 0.26),
           (0.38, 0.31), (0.39, 0.4), (0.27, 0.5), (0.05, 0.44), (-0.2, 0.34), (-0.44, 0.04), (-0.4, -0.3)]
BACK_SKULL = [(0.0, -0.52), (0.4, -0.36), (0.44, 0.02), (0.3, 0.4), (0.0, 0.5), (-0.3, 0.4), (-0.44, 0.02), (-0.4, -0.36)]
HAIR: dict[tuple[str, str], list[Pt]] = {
    ("bob", "side"): [(0.38, -0.22), (0.3, -0.48), (0.0, -0.6), (-0.36, -0.48), (-0.54, -0.1), (-0.52, 0.3), (-0.46, 0.5, 1),
                      (-0.06, 0.47, 1), (0.04, 0.1), (0.2, -0.08), (0.36, -0.1, 1)],
    ("bob", "back"): [(0.0, -0.6), (0.42, -0.44), (0.56, -0.05), (0.54, 0.48, 1), (0.0, 0.5), (-0.56, 0.46, 1), (-0.56, -0.05),
                      (-0.42, -0.44)],
    ("shag", "side"): [(0.41, -0.16, 1), (0.3, -0.22), (0.38, -0.38), (0.2, -0.6), (-0.14, -0.69), (-0.46, -0.52), (-0.67, -0.12),
                       (-0.65, 0.3), (-0.55, 0.7, 1), (-0.43, 0.48), (-0.31, 0.67, 1), (-0.19, 0.45), (-0.07, 0.62, 1), (-0.02, 0.3),
                       (0.04, 0.0), (0.16, -0.12), (0.2, 0.06, 1), (0.26, -0.14)],
    ("shag", "back"): [(0.0, -0.66), (0.48, -0.48), (0.64, -0.06), (0.62, 0.36), (0.5, 0.62, 1), (0.34, 0.46), (0.16, 0.66, 1),
                       (0.0, 0.5), (-0.16, 0.66, 1), (-0.34, 0.48), (-0.5, 0.62, 1), (-0.64, 0.34), (-0.64, -0.08), (-0.48, -0.48)],
    ("bob_long", "back"): [(0.0, -0.6), (0.44, -0.44), (0.58, -0.05), (0.6, 0.5), (0.58, 0.92, 1), (0.0, 0.95), (-0.6, 0.9, 1),
                           (-0.62, 0.5), (-0.58, -0.05), (-0.44, -0.44)],
    ("shag_short", "back"): [(0.0, -0.62), (0.44, -0.46), (0.52, -0.06), (0.46, 0.26, 1), (0.3, 0.18), (0.14, 0.32, 1), (0.0, 0.2),
                             (-0.14, 0.32, 1), (-0.3, 0.18), (-0.46, 0.26, 1), (-0.52, -0.06), (-0.44, -0.46)],
    ("bob_long", "side"): [(0.38, -0.22), (0.3, -0.48), (0.0, -0.6), (-0.36, -0.48), (-0.56, -0.1), (-0.58, 0.5), (-0.5, 0.92, 1),
                           (-0.1, 0.9, 1), (0.0, 0.4), (0.04, 0.1), (0.2, -0.08), (0.36, -0.1, 1)],
    ("shag_short", "side"): [(0.4, -0.18, 1), (0.3, -0.24), (0.36, -0.4), (0.18, -0.6), (-0.14, -0.66), (-0.44, -0.5), (-0.56, -0.12),
                             (-0.5, 0.22, 1), (-0.36, 0.12), (-0.24, 0.3, 1), (-0.14, 0.12), (-0.02, 0.22, 1), (0.04, 0.0), (0.16, -0.12),
                             (0.26, -0.16)],
    ("undercut", "side"): [(0.4, -0.28), (0.2, -0.6), (-0.2, -0.62), (-0.44, -0.36), (-0.2, -0.3), (0.1, -0.26)],
    ("undercut", "back"): [(0.0, -0.64), (0.42, -0.5), (0.46, -0.3), (0.0, -0.28), (-0.46, -0.3), (-0.42, -0.5)],
    ("crop", "side"): [(0.36, -0.28), (0.2, -0.56), (-0.16, -0.6), (-0.46, -0.3), (-0.46, 0.12), (-0.2, 0.0), (0.1, -0.22)],
    ("crop", "back"): [(0.0, -0.6), (0.46, -0.4), (0.48, 0.1), (0.0, 0.2), (-0.48, 0.1), (-0.46, -0.4)],
}


def person(outfit: Outfit, pose: Pose, x: float, y: float, u: float, view: str = "back", facing: int = 1) -> Figure:
    """A figure with its hips at (x, y), ``u`` pixels to a head unit (standing height about 7.2 u), seen
    from the 'back' or from the 'side' (facing +x, mirrored when ``facing`` is -1)."""
    f = float(facing)
    o = outfit
    side = view == "side"

    def P(p: Sequence[float]) -> Point:
        return x + p[0] * u * f, y + p[1] * u

    pts = [P(getattr(pose, k)) for k in ("head", "wr_a", "wr_b", "an_a", "an_b", "kn_a", "kn_b", "hip_a", "hip_b")]
    pad = 1.8 * u
    box = (int(max(0, min(p[0] for p in pts) - pad)), int(max(0, min(p[1] for p in pts) - pad)),
           int(min(W, max(p[0] for p in pts) + pad)), int(min(H, max(p[1] for p in pts) + pad)))
    pen = _Pen(box)
    fig = Figure(box, o)
    bulk = 0.14 if o.suit else 0.0

    def add(m: np.ndarray, c: Colour, shade: float = 1.0) -> None:
        fig.parts.append((m, c, shade))

    hx, hy = P(pose.head)
    ta = pose.tilt

    def Hd(q: Pt, scale: float = 1.0) -> Pt:
        """Head units to the frame: turned by the head's tilt, mirrored by facing."""
        qx, qy = q[0] * scale, q[1] * scale
        rx, ry = qx * math.cos(ta) - qy * math.sin(ta), qx * math.sin(ta) + qy * math.cos(ta)
        p = (hx + rx * u * f, hy + ry * u)
        return (*p, 1) if len(q) > 2 else p

    # the spine's frame: s from the hips (0) to the neck (1), t across in head units (+ front / right)
    hm = ((pose.hip_a[0] + pose.hip_b[0]) / 2, (pose.hip_a[1] + pose.hip_b[1]) / 2)
    nk = pose.neck
    sx_, sy_ = nk[0] - hm[0], nk[1] - hm[1]
    sl = math.hypot(sx_, sy_) or 1.0
    nx_, ny_ = -sy_ / sl, sx_ / sl  # perpendicular, pointing to +x when the spine is upright

    def Hp(q: Pt) -> Point:
        """One head point, as a plain point."""
        p = Hd(q)
        return p[0], p[1]

    def T(s: float, t: float, corner: bool = False) -> Pt:
        p = P((hm[0] + sx_ * s + nx_ * t, hm[1] + sy_ * s + ny_ * t))
        return (*p, 1) if corner else p

    def leg(hip: Point, kn: Point, an: Point, cloth: Colour, shoe: Colour) -> None:
        add(pen.capsule(P(hip), P(kn), (0.54 + bulk) * u, (0.42 + bulk) * u), cloth)
        add(pen.capsule(P(kn), P(an), (0.42 + bulk) * u, (0.36 + bulk) * u), cloth)
        ax, ay = P(an)
        if side:
            foot = [(ax - 0.2 * u * f, ay - 0.14 * u), (ax + 0.2 * u * f, ay - 0.04 * u), (ax + (0.5 + bulk) * u * f, ay + 0.1 * u),
                    (ax + (0.48 + bulk) * u * f, ay + 0.22 * u, 1), (ax - 0.22 * u * f, ay + 0.22 * u, 1)]
            add(pen.shape(foot), shoe)
        else:
            add(pen.ellipse((ax, ay + 0.08 * u), (0.22 + bulk) * u, (0.17 + bulk * 0.4) * u), shoe)

    def arm(sh: Point, el: Point, wr: Point, cloth: Colour) -> None:
        add(pen.capsule(P(sh), P(el), (0.38 + bulk) * u, (0.31 + bulk) * u), cloth)
        add(pen.capsule(P(el), P(wr), (0.31 + bulk) * u, (0.27 + bulk) * u), cloth)
        wx, wy = P(wr)
        ex, ey = P(el)
        n = math.hypot(wx - ex, wy - ey) or 1.0
        dx, dy = (wx - ex) / n, (wy - ey) / n
        add(pen.capsule((wx - dx * 0.14 * u, wy - dy * 0.14 * u), (wx, wy), (0.3 + bulk) * u), o.inner if o.suit else o.trim)
        add(pen.ellipse((wx + dx * 0.15 * u, wy + dy * 0.15 * u), (0.15 + bulk * 0.5) * u, (0.16 + bulk * 0.5) * u),
            o.inner if o.suit else o.skin)

    def torso() -> None:
        hem = 0.62 if o.long_top else 0.2
        b = bulk
        if side:
            shape = [T(1.0, -0.2), T(0.96, -0.42 - b), T(0.75, -0.46 - b), T(0.45, -0.36 - b), T(0.12, -0.44 - b),
                     T(-hem / 2.8, -0.5 - b, True), T(-hem / 2.8, 0.44 + b, True), T(0.22, 0.36 + b), T(0.5, 0.4 + b),
                     T(0.78, 0.46 + b), T(0.97, 0.2)]
            add(pen.shape(shape), o.top)
            if o.suit:  # the life-support pack on the back
                add(pen.shape([T(0.96, -0.45, True), T(0.96, -1.15, True), T(0.36, -1.12, True), T(0.36, -0.45, True)]),
                    mix(o.inner, o.top, 0.45))
            elif o.long_top:  # the T-shirt between the cardigan's open fronts
                add(pen.shape([T(0.95, 0.16), T(0.78, 0.44), T(0.5, 0.38), T(0.2, 0.34, True), T(0.2, 0.2, True), T(0.8, 0.12)]),
                    o.inner)
            else:
                add(pen.shape([T(1.02, -0.16, True), T(1.02, 0.2, True), T(0.9, 0.24), T(0.92, -0.12)]), o.trim)  # the collar
            return
        shape = [T(1.0, -0.24), T(0.96, -0.62), T(0.9, -0.92 - b), T(0.7, -0.9 - b), T(0.45, -0.66 - b), T(0.05, -0.74 - b),
                 T(-hem / 2.8, -0.8 - b - (0.08 if o.long_top else 0), True), T(-hem / 2.8, 0.8 + b + (0.08 if o.long_top else 0), True),
                 T(0.05, 0.74 + b), T(0.45, 0.66 + b), T(0.7, 0.9 + b), T(0.9, 0.92 + b), T(0.96, 0.62), T(1.0, 0.24)]
        add(pen.shape(shape), o.top)
        if o.suit:
            add(pen.shape([T(0.96, -0.62, True), T(0.96, 0.62, True), T(0.3, 0.58, True), T(0.3, -0.58, True)]), mix(o.inner, o.top, 0.45))
            add(pen.shape([T(0.8, -0.5, True), T(0.8, 0.5, True), T(0.74, 0.5, True), T(0.74, -0.5, True)]), o.trim)
        else:
            add(pen.shape([T(1.03, -0.26, True), T(1.03, 0.26, True), T(0.94, 0.3), T(0.94, -0.3)]), o.trim)  # the collar
        if o.long_top:  # the cardigan's knit: a ribbed hem band and a few long ribs down the back
            lo = -hem / 2.8
            add(pen.shape([T(lo + 0.07, -0.86, True), T(lo + 0.07, 0.86, True), T(lo, 0.88, True), T(lo, -0.88, True)]), o.trim, 0.6)
            for t in (-0.45, -0.15, 0.15, 0.45):
                a_, b_ = T(0.86, t), T(lo + 0.08, t * 1.12)
                add(pen.capsule((a_[0], a_[1]), (b_[0], b_[1]), 0.025 * u), mix(o.top, INK, 0.14), 0.3)

    def head() -> None:
        if o.helmet:
            add(pen.capsule(P(pose.neck), (hx, hy), 0.66 * u), o.inner)  # the neck ring
            add(pen.ellipse((hx, hy), 0.76 * u, 0.76 * u), o.top)
            if side:
                visor = [Hd((0.74, -0.18)), Hd((0.6, -0.5)), Hd((0.2, -0.58), ), Hd((0.0, -0.3)), Hd((0.02, 0.3)),
                         Hd((0.3, 0.56)), Hd((0.64, 0.34))]
                add(pen.shape(visor), "#5b4636")  # the visor: smoked gold glass, as on the character art
                fig.glass = fig.parts[-1][0]
                fig.lamp = Hp((0.1, -0.74))
            else:
                fig.lamp = (hx, hy - 0.72 * u)
            lx, ly = fig.lamp
            add(pen.ellipse((lx, ly), 0.13 * u, 0.1 * u), o.trim)
            return
        add(pen.capsule(P(pose.neck), Hp((0.0, 0.3)), 0.32 * u), o.skin)
        add(pen.shape([Hd(q) for q in (PROFILE if side else BACK_SKULL)]), o.skin)
        if side:
            add(pen.ellipse(Hp((-0.06, 0.06)), 0.09 * u, 0.13 * u), mix(o.skin, "#c98b6b", 0.35))  # the ear
            ex, ey = Hp((0.3, -0.02))
            lid = mix(o.hair, INK, 0.35)
            if pose.eyes == "closed":  # a lowered lid: a short curve
                add(pen.mask(lambda d, at: d.arc([*at((ex - 0.08 * u, ey - 0.06 * u)), *at((ex + 0.08 * u, ey + 0.06 * u))],
                                                  20, 160, fill=255, width=max(1, int(0.035 * u * SS)))), lid)
            else:
                add(pen.ellipse((ex, ey), 0.045 * u, 0.06 * u), lid)
            add(pen.capsule(Hp((0.22, -0.14)), Hp((0.38, -0.12)), 0.04 * u), mix(o.hair, INK, 0.2))  # the brow
        hair = HAIR[(o.hair_style, "side" if side else "back")]
        if o.hair_style == "undercut":  # shaved dark sides under a bleached top
            add(pen.shape([Hd(q) for q in (PROFILE[:1] + PROFILE[10:] if side else BACK_SKULL)]), mix(o.skin, "#4a3b33", 0.65))
        add(pen.shape([Hd(q) for q in hair]), o.hair, 0.4)  # hair takes only a little of the shadow band
        # the sheen: a thin crescent along the crown
        sheen = [Hd((-0.3, -0.42)), Hd((0.0, -0.56)), Hd((0.3, -0.46)), Hd((0.02, -0.48))]
        add(pen.shape(sheen), o.hair_light)
        if o.hair_style.startswith("bob"):  # her clip on the side lock
            cx, cy = Hp((-0.1, 0.1) if side else (0.44, 0.08))
            add(pen.capsule((cx - 0.08 * u, cy + 0.03 * u), (cx + 0.08 * u, cy - 0.03 * u), 0.06 * u), o.trim)

    def headphones() -> None:  # round the neck: seen in a profile (from behind the hair and collar hide them)
        if not o.headphones or not side:
            return
        nx, ny = P(pose.neck)
        add(pen.ellipse((nx + 0.16 * u * f, ny + 0.24 * u), 0.2 * u, 0.25 * u), "#2e2d35")
        add(pen.ellipse((nx + 0.19 * u * f, ny + 0.24 * u), 0.1 * u, 0.14 * u), "#ffc27a")


    far_top = mix(o.top, INK, 0.2)
    if side:
        arm(pose.sh_a, pose.el_a, pose.wr_a, far_top)
        leg(pose.hip_a, pose.kn_a, pose.an_a, mix(o.legs, INK, 0.22), mix(o.shoes, INK, 0.2))
        torso()
        leg(pose.hip_b, pose.kn_b, pose.an_b, o.legs, o.shoes)
        head()
        headphones()
        arm(pose.sh_b, pose.el_b, pose.wr_b, o.top)
    else:
        leg(pose.hip_a, pose.kn_a, pose.an_a, o.legs, o.shoes)
        leg(pose.hip_b, pose.kn_b, pose.an_b, o.legs, o.shoes)
        arm(pose.sh_a, pose.el_a, pose.wr_a, o.top)
        arm(pose.sh_b, pose.el_b, pose.wr_b, o.top)
        torso()
        headphones()
        head()
    return fig


@dataclass(frozen=True)
class Lighting:
    """How a picture lights its people: where the key light comes from, the shadow and rim colours."""

    key: Point  # direction toward the key light (screen x right, y down)
    shadow: Colour  # the colour the shadow side falls toward
    rim: Colour | None = None  # rim light colour (default: the figure's own, the lead's colour)
    rim_k: float = 0.9
    fill: Colour | None = None  # a second, fainter rim from the other side
    fill_k: float = 0.35
    band: float = 0.2  # width of the shadow band, in head units
    depth: float = 0.5  # how far the shadow side falls toward ``shadow``
    haze: Colour | None = None  # aerial perspective: the whole figure toward this colour
    haze_k: float = 0.0
    glass: Colour = "#9ad1ff"  # what a visor reflects


def render(img: np.ndarray, light: np.ndarray, fig: Figure, u: float, lit: Lighting) -> np.ndarray:
    """Paint a figure into ``img`` (returned) and add its rim light into ``light`` (in place)."""
    x0, y0, x1, y1 = fig.box
    if x1 <= x0 or y1 <= y0 or not fig.parts:
        return img
    kx, ky = lit.key
    n = math.hypot(kx, ky) or 1.0
    kx, ky = kx / n, ky / n
    band = max(1, int(round(lit.band * u)))
    local = img[y0:y1, x0:x1].copy()
    top = np.linspace(1.04, 0.96, y1 - y0, dtype=np.float32)[:, None, None]  # a breath of light from above
    for m, c, k in fig.parts:
        base = rgb(c)
        sh = np.clip(m - shift(m, int(round(kx * band)), int(round(ky * band))), 0, 1)  # the side away from the key
        sh = blur(sh, 0.7) * m
        d = sh[..., None] * (lit.depth * k)
        col = (base[None, None, :] * (1 - d) + rgb(lit.shadow) * d) * top
        if lit.haze is not None and lit.haze_k:
            col = col * (1 - lit.haze_k) + rgb(lit.haze) * lit.haze_k
        local = local * (1 - m[..., None]) + col * m[..., None]
    if fig.glass is not None:  # the visor: dark glass with the sky's colour sliding over its upper curve
        g = fig.glass
        sheen = np.clip(g - shift(g, 0, max(1, int(0.16 * u))), 0, 1) * g
        local = local + blur(sheen, 1.0)[..., None] * rgb(lit.glass) * 0.55
    sil = fig.silhouette
    w = max(1.0, u * 0.07)
    rim_c = rgb(lit.rim if lit.rim is not None else fig.outfit.rim)
    edge = np.clip(sil - shift(sil, -int(round(kx * w)), -int(round(ky * w))), 0, 1)
    glow = blur(edge, 0.8)[..., None] * rim_c * lit.rim_k
    if lit.fill is not None:
        edge2 = np.clip(sil - shift(sil, int(round(kx * w)), int(round(ky * w))), 0, 1)
        glow = glow + blur(edge2, 0.8)[..., None] * rgb(lit.fill) * lit.fill_k
    light[y0:y1, x0:x1] = light[y0:y1, x0:x1] * (1 - sil[..., None]) + glow * sil[..., None]  # the figure hides what glows behind
    out = img.copy()
    out[y0:y1, x0:x1] = local
    return out


def place(fig: Figure, m: np.ndarray) -> np.ndarray:
    """A mask of the figure's canvas (e.g. its silhouette) placed into a full frame."""
    out = np.zeros((H, W), np.float32)
    x0, y0, x1, y1 = fig.box
    out[y0:y1, x0:x1] = m
    return out
