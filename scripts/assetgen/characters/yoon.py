"""Commander Yoon Seo-jin: fifties, silver crop, navy uniform with a teal accent.
"""

from __future__ import annotations

import numpy as np

from ..raster.compose import shift
from ..raster.curves import curve, fringe, outline, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .body import Bust, Head, _torso, body_shadow, draw_head, draw_neck, hair_front, head_masks, person
from .face import Expr, Face, Palette
from .frame import CX, H, W, half_plane, mask, mir

YOON: dict[str, tuple[str, Expr]] = {
    "neutral": ("uniform", Expr(open=0.95)),
    "stern": ("uniform", Expr(open=0.8, lower=0.12, brow_in=6, brow_out=-1, brow_lift=3, curve=-2.5, mw=0.9)),
    "smile": ("uniform", Expr(lower=0.35, open=0.85, curve=4.5, mw=1.12, brow_lift=-2, brow_in=-1, blush=0.1)),
}


LIGHT = 1.0
PALETTE = Palette(
    skin="#e8c2a2", hair="#c3c7cf", hair_sheen="#eef0f3", brow="#7c7f88", iris="#3a2a25", iris_light="#7d5b4c",
    lash="#2a2123", lip="#c98a80", tone="#2f3b5c", rim="#9df0e6", outline="#161c2c",
)
FACE = Face(
    eye_y=352, eye_dx=51, eye_w=27, eye_h=15, tilt=2, brow_gap=10, brow_w=(5.8, 5.4, 2.6), mouth_y=442,
    mouth_w=16, nose_y=406, light=LIGHT, crease=0.45, lash=0.8, lower_lash=0.45, lips=0.16, age=0.2,
)
HEAD = Head(top=152, cw=102, jaw_x=74, jaw_y=442, chin_w=23, chin_y=482, cheek_y=352, neck_top=34, neck_bottom=39,
          ear_x=102, ear_y=370)


def yoon(outfit: str) -> Bust:
    light, pal, face, hd = LIGHT, PALETTE, FACE, HEAD
    under, over = Layer(W, H), Layer(W, H)
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
