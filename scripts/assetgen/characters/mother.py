"""Captain Han Eun-seo, Nan-young's late mother, seen in old recordings: drawn as a person, then
recoloured as a cyan hologram with scan lines and a few glitched rows.
"""

from __future__ import annotations

import numpy as np

from ..raster.blur import soften
from ..raster.colour import mix, rgb
from ..raster.compose import shift
from ..raster.curves import curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from ..seeds import rng
from .body import Bust, Head, _torso, body_shadow, draw_head, draw_neck, hair_front, head_masks, mission_patch, person
from .face import Expr, Face, Palette
from .frame import CX, H, W, mask

MOTHER: dict[str, tuple[str, Expr]] = {
    "neutral": ("recording", Expr(curve=1.5)),
    "smile": ("recording", Expr(lower=0.4, open=0.86, curve=5.0, mw=1.15, brow_lift=-2, brow_in=-1, blush=0.2)),
}


LIGHT = 1.0
PALETTE = Palette(
    skin="#f1d3bd", hair="#2b2630", hair_sheen="#5a5262", brow="#2e2a33", iris="#3b2a2e", iris_light="#8a6a66",
    lash="#1d1a22", lip="#d98a86", tone="#3a4a78", rim="#dffcff", outline="#0f3a46",
)
FACE = Face(
    eye_y=352, eye_dx=52, eye_w=29, eye_h=21, tilt=4, brow_gap=15, brow_w=(5.0, 5.2, 2.2),
    mouth_y=440, mouth_w=16, nose_y=405, light=LIGHT, crease=0.35, lash=0.95, lips=0.3, age=0.08,
)
HEAD = Head(top=150, cw=104, jaw_x=70, jaw_y=442, chin_w=21, chin_y=480, cheek_y=356)


def mother(outfit: str) -> Bust:
    light, pal, face, hd = LIGHT, PALETTE, FACE, HEAD
    under, over = Layer(W, H), Layer(W, H)
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
    col = np.where(a[..., None] > 1e-6, layer.c, 0.0)
    lum = col @ np.array([0.3, 0.55, 0.15], dtype=np.float32)
    lum = np.clip((lum - 0.12) / 0.8, 0, 1) ** 0.9
    dark, mid, bright = rgb("#0f4f5e"), rgb("#6fe3e1"), rgb("#e6fffd")
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
    out = Layer(W, H)
    out.c = holo_rgb.astype(np.float32)
    out.a = alpha.astype(np.float32)
    glow = soften(a, 7) * (1 - a)
    out.under(glow, "#6fe3e1", 0.35)
    return out
