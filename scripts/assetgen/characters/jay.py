"""Jay: shaggy hair to the jaw, loose knit cardigan over a T-shirt, headphones round the neck; rim
light on the left, warm amber.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from ..raster.compose import shift
from ..raster.curves import curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .body import Bust, Head, _torso, body_shadow, draw_head, draw_neck, hair_front, head_masks, person
from .face import Expr, Face, Palette
from .frame import CX, H, W, below_line, mask

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


LIGHT = -1.0  # his rim light faces left, towards Nan-young
PALETTE = Palette(
    skin="#efc9a9", hair="#3f2c25", hair_sheen="#7a5540", brow="#35261f", iris="#3b2619", iris_light="#a06a40",
    lash="#261a15", lip="#cf8877", tone="#6b3f2a", rim="#ffe0b0", outline="#2a1a12",
)
FACE = Face(
    eye_y=354, eye_dx=53, eye_w=28, eye_h=19, tilt=2, brow_gap=13, brow_w=(6.5, 6.5, 3.0), mouth_y=444,
    mouth_w=19, nose_y=408, light=LIGHT, crease=0.0, lash=0.8, lower_lash=0.35, lips=0.1, cheek_dx=66,
)
HEAD = Head(top=148, cw=108, jaw_x=80, jaw_y=448, chin_w=27, chin_y=486, cheek_y=352, neck_top=40, neck_bottom=44,
          ear_x=106, ear_y=376)


def jay(outfit: str) -> Bust:
    light, pal, face, hd = LIGHT, PALETTE, FACE, HEAD
    under, over = Layer(W, H), Layer(W, H)
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
