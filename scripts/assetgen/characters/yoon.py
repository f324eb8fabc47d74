"""Commander Yoon Seo-jin: fifties, silver crop, a square jaw and high cheekbones, narrow level eyes
under thin straight brows; square-shouldered and upright. Navy uniform with a teal accent (at ease,
hands behind her back; arms crossed), or the surface suit (helmet under one arm; helmet on, visor
down or up); and the uniform as a wrist unit's hologram (``holo``). Rim light on the right.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..raster.blur import grow
from ..raster.compose import shift
from ..raster.curves import Pt, curve, fringe, outline, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .arms import Arm, Hand, Sleeve, draw_arm, draw_hand
from .expressions import STANDARD, looks
from .face import Expr, Face, Palette
from .figure import Figure, HeadParts, person_features, place
from .frame import CX, H, W, half_plane, mask, mir
from .head import Head, draw_head, hair_front, head_masks
from .headspace import HeadSpace
from .mother import hologram
from .suit import Helmet, SuitLook, helmet_back, helmet_front, suit_arm, suit_body, suit_sleeve
from .torso import Build, body_shadow, draw_neck, neck_mask, torso_mask

EXPRESSIONS = {**STANDARD, "neutral": Expr(open=0.95),
               "smile": Expr(lower=0.35, open=0.85, curve=4.5, mw=1.12, brow_lift=-2, brow_in=-1, blush=0.1)}
YOON: dict[str, tuple[str, Expr]] = looks([
    ("", "uniform", ("neutral", "stern", "smile", "sad", "soft")),
    ("crossed", "crossed", ("neutral", "stern")),
    ("suit", "suit", ("neutral", "stern", "sad", "smile")),
    ("helmet", "helmet", ("neutral", "stern")),
    ("visor_up", "visor_up", ("neutral", "stern", "sad")),
    ("holo", "holo", ("neutral", "stern")),  # a call on the wrist unit (second_chance): the uniform as a hologram
], EXPRESSIONS)

LIGHT = 1.0
PALETTE = Palette(
    skin="#e8c2a2", hair="#c3c7cf", hair_sheen="#eef0f3", brow="#7c7f88", iris="#3a2a25", iris_light="#7d5b4c",
    lash="#2a2123", lip="#c98a80", tone="#2f3b5c", rim="#9df0e6", outline="#161c2c",
)
FACE = Face(
    eye_y=352, eye_dx=51, eye_w=27, eye_h=14, tilt=3, brow_gap=9, brow_w=(5.4, 5.0, 2.4), mouth_y=444, mouth_w=17,
    nose_y=408, light=LIGHT, crease=0.0, lash=0.8, lower_lash=0.5, lips=0.12, age=0.28, arch=(0.92, 1.05),
    low_arch=0.8, iris_k=0.68, brow_curve=0.3, brow_tilt=-3.0, nose_k=1.15, flick=0.3,
)
HEAD = Head(top=152, cw=104, cheek_y=344, temple=0.92, jaw_x=80, jaw_y=444, chin_w=28, chin_y=484, angular=True,
            ear_x=103, ear_y=370)
SPACE = HeadSpace(k=0.66, top=-32)
BUILD = Build(neck=23, neck_y=318, shoulder=134, shoulder_y=350, chest=116, waist=104, waist_y=620, hip=112)

NAVY, TEAL = "#27385f", "#2fb3a8"
SLEEVE = Sleeve(NAVY, cuff="#1f2d4f")
SUIT = SuitLook(white="#e6eaf0", panel="#2f5f73", piping=TEAL, glove="#cdd4de", glove_line="#8491a6", visor="#d9b070",
                name_tape="#1f2a40", stripe=TEAL)


def head_parts() -> HeadParts:
    light, pal, hd = LIGHT, PALETTE, HEAD
    back, skin, hair = Layer(W, H), Layer(W, H), Layer(W, H)
    rim: list[Pt] = [(CX, 126), (CX + 64, 132), (CX + 110, 162), (CX + 130, 214), (CX + 128, 290), (CX + 116, 338),
                     (CX + 100, 352), (CX - 100, 352), (CX - 116, 338), (CX - 128, 290), (CX - 130, 214), (CX - 110, 162),
                     (CX - 64, 132)]
    m_back = mask(outline(rim, 12))
    back.paint(m_back, pal.shadow(pal.hair, 0.9))
    m_head, m_ears = head_masks(hd)
    draw_head(skin, pal, hd, m_head, m_ears, light)
    crown: list[Pt] = [
        (CX - 106, 336, 1), (CX - 112, 290), (CX - 124, 230), (CX - 120, 178), (CX - 86, 142), (CX - 20, 126),
        (CX + 50, 130), (CX + 104, 154), (CX + 130, 204), (CX + 132, 262), (CX + 118, 304), (CX + 106, 338, 1),
        (CX + 100, 300),
    ]
    edge = fringe([(CX + 98, 266), (CX + 84, 288), (CX + 56, 252), (CX + 32, 272), (CX - 6, 236), (CX - 30, 256),
                   (CX - 70, 228), (CX - 86, 250), (CX - 98, 244)], belly=6.0)
    m_front = mask(outline(crown + edge + [(CX - 100, 300)], 12))
    hair_front(skin, hair, pal, m_front, m_back, m_head, light,
               ring=((CX - 104, 204), (CX - 44, 166), (CX + 24, 162), (CX + 84, 178), (CX + 120, 212)),
               strands=([(CX - 40, 150), (CX - 22, 190), (CX - 8, 226)], [(CX + 50, 150), (CX + 76, 196), (CX + 84, 230)]),
               cast=7, sheen=0.9)
    return HeadParts(back, skin, hair, m_head)


def yoon(pose: str) -> Figure:
    if pose == "holo":
        return replace(yoon("uniform"), post=lambda layer: hologram(layer, "yoon"))
    light, pal, b = LIGHT, PALETTE, BUILD
    h = place(head_parts(), SPACE)
    under, front = Layer(W, H), Layer(W, H)
    if pose in ("uniform", "crossed"):
        under = h.back.copy()
        if pose == "uniform":  # at ease: the arms go behind her back
            for s in (-1.0, 1.0):
                draw_arm(under, pal, Arm(b.joint(s), (CX + s * 138, 560), (CX + s * 92, 700), (31, 26, 21)), SLEEVE, light)
        _uniform(under, h.m_head)
        if pose == "uniform":
            for s in (-1.0, 1.0):
                draw_arm(under, pal, Arm(b.joint(s), (CX + s * 140, 540), (CX + s * 140, 540), (31, 27, 27)), SLEEVE, light)
        under.over(h.skin)
        if pose == "crossed":
            _crossed(front, under.a.copy())
    else:
        hm = Helmet.round_head(SPACE)
        eva = pose != "suit"
        if eva:
            helmet_back(under, hm)
        under.over(h.back)
        sb = suit_body(under, pal, b, SUIT, light, h.m_head, eva=eva, arms=(1.0,) if pose == "suit" else (-1.0, 1.0))
        under.over(h.skin)
        if eva:
            helmet_front(front, pal, hm, SUIT, light, visor_down=pose == "helmet")
        else:
            _helmet_under_arm(front, under.a.copy(), sb)
    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT)


def _crossed(front: Layer, behind: np.ndarray) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    upper_l = Arm(b.joint(-1), (CX - 146, 548), (CX - 146, 548), (31, 28, 28))
    upper_r = Arm(b.joint(1), (CX + 146, 556), (CX + 146, 556), (31, 28, 28))
    back_fore = Arm((CX + 146, 560), (CX + 146, 560), (CX - 90, 490), (28, 28, 22), cuff=0.06)
    front_fore = Arm((CX - 146, 552), (CX - 146, 552), (CX + 104, 546), (28, 28, 22), cuff=0.06)
    draw_arm(front, pal, upper_l, SLEEVE, light, behind=behind)
    draw_arm(front, pal, back_fore, SLEEVE, light, behind=np.maximum(behind, front.a))
    draw_hand(front, pal, Hand("flat", (CX - 100, 492), -72, 72), light, SLEEVE, behind=front.a.copy())
    draw_arm(front, pal, front_fore, SLEEVE, light, behind=np.maximum(behind, front.a))
    draw_arm(front, pal, upper_r, SLEEVE, light, behind=np.maximum(behind, front.a))


def _helmet_under_arm(front: Layer, behind: np.ndarray, sb: Build) -> None:
    """Her helmet held against her side in the crook of her right arm (the left of the picture)."""
    light, pal = LIGHT, PALETTE
    sleeve = suit_sleeve(SUIT)
    upper = suit_arm(sb, -1.0)
    upper = Arm(upper.shoulder, (CX - sb.chest - 44, 560), (CX - sb.chest - 44, 560), upper.widths)
    fore = Arm((CX - sb.chest - 44, 560), (CX - sb.chest - 44, 560), (CX - 60, 600), upper.widths)
    draw_arm(front, pal, upper, sleeve, light, behind=behind)
    cx, cy, r = CX - 128, 508.0, 84.0
    m_shell = mask(Ellipse(cx, cy, r, r * 1.04))
    front.shade(shift(m_shell, int(-light * 6), 8) * (1 - m_shell) * behind, pal.dark(1.1), 0.8)
    front.paint(np.clip(grow(m_shell, 3) - m_shell, 0, 1), pal.outline, 0.6)
    front.paint(m_shell, SUIT.white)
    front.shade(m_shell * (1 - shift(m_shell, int(light * 14), 8)), pal.dark(1.0))
    win = mask(Ellipse(cx + 22, cy + 4, r * 0.66, r * 0.72, -12))
    front.paint(win, "#b8863f")
    front.paint(win * (1 - mask(Ellipse(cx + 28, cy + 18, r * 0.66, r * 0.7, -12))), "#fff3d6", 0.5)
    front.paint(mask(Ellipse(cx + 4, cy - 14, 7, 16, 20)) * win, "#f4f1ea", 0.6)
    front.paint(np.clip(mask(Ellipse(cx + 22, cy + 4, r * 0.66 + 3, r * 0.72 + 3, -12)) - win, 0, 1), "#8696b0")
    front.paint(mask(Ellipse(cx - r + 8, cy - 14, 7, 13), ss=3), "#5a6478")
    draw_arm(front, pal, fore, sleeve, light, behind=np.maximum(behind, front.a))
    draw_hand(front, pal, Hand("fingers", (CX - 66, 584), 196, 92, flip=True), light, sleeve, behind=front.a.copy())


def _uniform(layer: Layer, m_head: np.ndarray) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    sh = -light
    m_body = torso_mask(b)
    layer.paint(mask(outline([(CX - 34, 330, 1), (CX - 31, 310), (CX, 305), (CX + 31, 310), (CX + 34, 330, 1)], 8)),
                pal.shadow(NAVY, 1.2))
    draw_neck(layer, pal, neck_mask(b), m_head, light)
    layer.paint(m_body, NAVY)
    collar: list[Pt] = [(CX - 31, 313, 1), (CX - 15, 320), (CX, 322, 1), (CX + 15, 320), (CX + 31, 313, 1), (CX + 37, 340, 1),
                        (CX, 348, 1), (CX - 37, 340, 1)]
    m_col = mask(outline(collar, 8))
    layer.shade(shift(m_col, 0, 7) * m_body * (1 - m_col), pal.dark(1.0))
    layer.paint(m_col, NAVY)
    top = curve([(CX - 31, 313), (CX - 15, 320), (CX, 322)], 8)
    top_r = np.array(mir([(float(x), float(y)) for x, y in top]))
    layer.paint(mask(ribbon(top, 2.2, 0.0), ribbon(top_r, 2.2, 1.0), ss=3), TEAL)
    # the asymmetric closure: a diagonal placket with silver buttons and teal piping
    plk = curve([(CX + 3, 348), (CX + 20, 420), (CX + 38, 540), (CX + 50, H + 20)], 10)
    layer.paint(mask(ribbon(plk, 1.6)) * m_body, TEAL, 0.9)
    layer.shade(mask(ribbon(plk + np.array([-3.0, 0.0]), 2.2)) * m_body, pal.dark(1.2))
    for t in (0.14, 0.34, 0.54, 0.74):
        x, y = plk[int(t * (len(plk) - 1))]
        layer.paint(mask(Ellipse(x + 10, y, 3.6, 3.6), ss=3), "#c9d0da")
        layer.paint(mask(Ellipse(x + 9.4, y - 1, 1.3, 1.3), ss=3), "#f4f1ea")
    # epaulettes with three teal bars (rank)
    for s in (-1, 1):
        ep = ribbon(curve([(CX + s * 56, 360), (CX + s * 96, 372), (CX + s * 132, 388)], 8), 13)
        m_ep = mask(ep) * m_body
        layer.paint(m_ep, pal.shadow(NAVY, 0.6))
        for k in range(3):
            x, y = CX + s * (104 + k * 7), 378 + k * 3.5
            layer.paint(mask(ribbon(np.array([(x - s * 1.0, y - 6), (x + s * 2.0, y + 6)]), 2.8), ss=3) * m_ep, TEAL)
    # wings badge and ribbon bar on her left chest, name plate on the right, a belt
    wx, wy = CX - 78, 430
    for s in (-1, 1):
        wing = [(wx, wy), (wx + s * 20, wy - 5), (wx + s * 16, wy - 1), (wx + s * 21, wy + 1), (wx + s * 13, wy + 3),
                (wx + s * 16, wy + 5), (wx, wy + 4)]
        layer.paint(mask(np.array(wing), ss=3), "#c9d0da")
    layer.paint(mask(Ellipse(wx, wy + 1, 4.6, 4.6), ss=3), TEAL)
    for i, c in enumerate(("#c2408a", "#f4f1ea", "#2fb3a8", "#ffb454")):
        x = wx - 17 + i * 8.6
        layer.paint(mask(np.array([(x, wy + 15), (x + 8, wy + 15), (x + 8, wy + 20), (x, wy + 20)]), ss=3), c)
    layer.paint(mask(np.array([(CX + 62, 436), (CX + 104, 436), (CX + 104, 444), (CX + 62, 444)]), ss=3), "#c9d0da")
    belt = mask(ribbon(curve([(CX - 200, 640), (CX, 646), (CX + 200, 640)], 8), 11)) * m_body
    layer.paint(belt, "#1b2744")
    layer.paint(mask(np.array([(CX + 30, 636), (CX + 52, 636), (CX + 52, 656), (CX + 30, 656)]), ss=3) * m_body, "#c9d0da")
    body_shadow(layer, pal, m_body, light, b, inset=34)
    layer.shade(m_col * half_plane(sh, CX + sh * 7), pal.dark(0.8))
