"""Park Min-su, Jay's old bandmate: bleached undercut, bomber jacket, a magenta accent.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from ..raster.curves import curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .body import Bust, Head, _torso, body_shadow, draw_head, draw_neck, hair_front, head_masks, person
from .face import Expr, Face, Palette
from .frame import CX, H, W, below_line, half_plane, mask, mirror

MINSU: dict[str, tuple[str, Expr]] = {
    "neutral": ("bomber", Expr(open=0.9, curve=1.5)),
    "grin": ("bomber", Expr(lower=0.4, open=0.78, mouth="teeth", gape=13, curve=7, mw=1.45, brow_lift=-3,
                            brow_out=-2, blush=0.05)),
    "serious": ("bomber", Expr(open=0.84, brow_in=5, brow_lift=2, curve=-1.5, mw=0.9, look=(0, 1))),
}


LIGHT = -1.0
PALETTE = Palette(
    skin="#ecc5a3", hair="#e9dbb0", hair_sheen="#fff5da", brow="#4e3c30", iris="#33231b", iris_light="#8a5a3a",
    lash="#231915", lip="#c47c6e", tone="#4d2d52", rim="#ff9ad0", outline="#24121f",
)
FACE = Face(
    eye_y=354, eye_dx=53, eye_w=28, eye_h=17, tilt=5, brow_gap=12, brow_w=(6.5, 6.0, 2.6), mouth_y=444,
    mouth_w=18, nose_y=408, light=LIGHT, crease=0.0, lash=0.85, lower_lash=0.35, lips=0.08, cheek_dx=66,
)
HEAD = Head(top=148, cw=106, jaw_x=80, jaw_y=446, chin_w=25, chin_y=486, cheek_y=350, neck_top=41, neck_bottom=46,
          ear_x=106, ear_y=372)


def minsu(outfit: str) -> Bust:
    light, pal, face, hd = LIGHT, PALETTE, FACE, HEAD
    under, over = Layer(W, H), Layer(W, H)
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
