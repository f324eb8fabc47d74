"""The body toolkit shared by every character: a bust (the outfit before any face), finishing a look
(features, hair over them, rim light, outline), head and neck, front hair with its sheen and cast
shadow, the torso outline, the far side's shadow, the mission patch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..raster.blur import grow
from ..raster.compose import shift
from ..raster.curves import Pt, curve, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .face import Expr, Face, Palette, draw_features
from .frame import CX, H, W, half_plane, mask, mir, rim_of

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


def draw_look(b: Bust, e: Expr) -> Layer:
    out = b.under.copy()
    feat = Layer(W, H)
    b.features(feat, e)
    feat.a *= b.face_mask  # features stay on the skin (or on the screen)
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
