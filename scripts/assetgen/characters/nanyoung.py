"""Nan-young: short bob with a clipped side lock, in her high-collar jacket or the flight suit; rim
light on the right, cool blue.
"""

from __future__ import annotations

import numpy as np

from ..raster.compose import shift
from ..raster.curves import curve, fringe, outline, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .body import Bust, Head, _torso, body_shadow, draw_head, draw_neck, hair_front, head_masks, mission_patch, person
from .face import SMILE, Expr, Face, Palette
from .frame import CX, H, W, half_plane, mask, mir

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


LIGHT = 1.0  # her rim light faces right, towards Jay's side of the stage
PALETTE = Palette(
    skin="#f4d8c4", hair="#2b3149", hair_sheen="#55618c", brow="#2c3046", iris="#3b2a2e", iris_light="#8a6a66",
    lash="#1b1d2c", lip="#e08888", tone="#3a4a78", rim="#cfe9ff", outline="#1a1f36",
)
FACE = Face(
    eye_y=350, eye_dx=52, eye_w=30, eye_h=23, tilt=4, brow_gap=15, brow_w=(5.0, 5.5, 2.2),
    mouth_y=438, mouth_w=15, nose_y=404, light=LIGHT, crease=0.3, lash=1.0, lips=0.3,
)
HEAD = Head(top=150, cw=104, jaw_x=68, jaw_y=440, chin_w=20, chin_y=480, cheek_y=356)


def nanyoung(outfit: str) -> Bust:
    light, pal, face, hd = LIGHT, PALETTE, FACE, HEAD
    under, over = Layer(W, H), Layer(W, H)
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
