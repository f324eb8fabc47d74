"""Jay: shaggy hair to the jaw, a longer face with a soft jaw, round eyes that droop at the outer
corners under thick soft brows; tall and loose-limbed. A knit cardigan over a T-shirt with its sleeves
pushed up, headphones round his neck. Poses: arms down, listening (headphones on, a hand pressing
one cup to his ear), sheepish (a hand rubbing the back of his head). Rim light on the left, amber.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from ..raster.compose import shift
from ..raster.curves import Pt, curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .arms import Arm, Hand, Sleeve, draw_arm, draw_hand
from .expressions import STANDARD, looks
from .face import Expr, Face, Palette
from .figure import Figure, HeadParts, person_features, place
from .frame import CX, H, W, below_line, mask
from .head import Head, draw_head, hair_front, head_masks
from .headspace import HeadSpace
from .suit import Helmet, SuitLook, helmet_back, helmet_front, suit_body
from .torso import Build, body_shadow, draw_neck, neck_mask, torso_mask

EXPRESSIONS = {**STANDARD, "neutral": Expr(open=0.92, curve=0.8),
               "smile": Expr(lower=0.4, open=0.8, curve=6.5, mw=1.2, brow_lift=-2, brow_in=-1, blush=0.14)}
JAY: dict[str, tuple[str, Expr]] = looks([
    ("", "casual", ("neutral", "smile", "tired", "sad", "surprised", "laugh")),
    ("", "casual", ("soft", "closed", "worried", "tears")),
    ("listen", "listen", ("neutral", "soft", "closed", "smile", "sad")),
    ("sheepish", "sheepish", ("neutral", "smile", "laugh", "worried")),
    ("suit", "suit", ("neutral", "smile")),
    ("helmet", "helmet", ("neutral", "smile")),
    ("visor_up", "visor_up", ("neutral", "smile", "tears")),
], EXPRESSIONS)

LIGHT = -1.0  # his rim light faces left, towards Nan-young
PALETTE = Palette(
    skin="#efc9a9", hair="#3f2c25", hair_sheen="#7a5540", brow="#35261f", iris="#3b2619", iris_light="#a06a40",
    lash="#261a15", lip="#cf8877", tone="#6b3f2a", rim="#ffe0b0", outline="#2a1a12",
)
FACE = Face(
    eye_y=360, eye_dx=54, eye_w=27, eye_h=18, tilt=-4, brow_gap=10, brow_w=(8.0, 7.4, 4.0), mouth_y=454, mouth_w=20,
    nose_y=416, light=LIGHT, crease=0.1, lash=0.85, lower_lash=0.3, lips=0.0, cheek_dx=66, arch=(1.3, 0.8),
    iris_k=0.72, brow_curve=0.5, brow_tilt=4.0, nose_k=1.25, flick=0.0,
)
HEAD = Head(top=146, cw=106, cheek_y=352, temple=0.98, jaw_x=82, jaw_y=456, chin_w=30, chin_y=496, angular=True, ear_x=106,
            ear_y=380)
SPACE = HeadSpace(k=0.66, top=-36)
BUILD = Build(neck=24, neck_y=318, shoulder=132, shoulder_y=356, chest=116, waist=104, waist_y=620, hip=112)

TEE, CARDIGAN, PHONES, CUP = "#e8dcc4", "#a8784e", "#2e2d35", "#ffc27a"
SUIT = SuitLook(white="#ece9e3", panel="#9a6a40", piping=CUP, glove="#d6d0c6", glove_line="#9c8e7a", visor="#d9b070",
                name_tape="#3b2618")
BAND = mix(CARDIGAN, "#f0d2a8", 0.18)
SLEEVE = Sleeve(CARDIGAN, cuff=BAND)


def head_parts(phones: bool) -> HeadParts:
    light, pal, hd = LIGHT, PALETTE, HEAD
    back, skin, hair = Layer(W, H), Layer(W, H), Layer(W, H)
    rim: list[Pt] = [
        (CX + 10, 100), (CX + 70, 110), (CX + 120, 140), (CX + 150, 190), (CX + 166, 226, 1), (CX + 152, 250),
        (CX + 158, 300), (CX + 170, 332, 1), (CX + 154, 352), (CX + 156, 402), (CX + 162, 446, 1), (CX + 142, 440),
        (CX + 138, 488, 1), (CX + 120, 462), (CX + 106, 498, 1), (CX + 92, 468), (CX + 50, 474), (CX, 478),
        (CX - 50, 474), (CX - 94, 470), (CX - 108, 498, 1), (CX - 120, 464), (CX - 140, 486, 1), (CX - 146, 438),
        (CX - 166, 450, 1), (CX - 156, 398), (CX - 160, 342), (CX - 174, 318, 1), (CX - 156, 290), (CX - 156, 240),
        (CX - 166, 204, 1), (CX - 142, 176), (CX - 118, 138), (CX - 66, 108), (CX - 36, 92, 1), (CX - 12, 104),
    ]
    m_back = mask(outline(rim, 12))
    back.paint(m_back, pal.shadow(pal.hair, 0.9))
    m_head, m_ears = head_masks(hd)
    draw_head(skin, pal, hd, m_head, m_ears, light)
    crown: list[Pt] = [
        (CX - 114, 474, 1), (CX - 142, 400), (CX - 148, 330), (CX - 144, 260), (CX - 134, 196), (CX - 102, 142),
        (CX - 52, 112), (CX + 10, 102), (CX + 72, 112), (CX + 120, 146), (CX + 142, 200), (CX + 150, 262),
        (CX + 146, 340), (CX + 134, 412), (CX + 114, 482, 1), (CX + 104, 424), (CX + 100, 362),
    ]
    edge = fringe([(CX + 98, 300), (CX + 96, 344), (CX + 72, 290), (CX + 56, 326), (CX + 30, 268), (CX + 14, 304),
                   (CX - 6, 270), (CX - 30, 334), (CX - 50, 284), (CX - 74, 318), (CX - 88, 288), (CX - 102, 338),
                   (CX - 100, 302)], belly=5.0)
    m_crown = mask(outline(crown + edge + [(CX - 102, 362), (CX - 106, 424)], 12))
    strand1 = curve([(CX - 20, 200), (CX - 10, 262), (CX + 2, 320)], 10)
    strand2 = curve([(CX + 80, 210), (CX + 92, 290), (CX + 84, 352)], 10)
    m_str = mask(ribbon(strand1, taper(len(strand1), 7, 6, 0.5)), ribbon(strand2, taper(len(strand2), 8, 6, 0.5)))
    m_front = np.maximum(m_crown, m_str)
    hair_front(skin, hair, pal, m_front, m_back, m_head, light,
               ring=((CX - 112, 206), (CX - 50, 166), (CX + 20, 158), (CX + 84, 174), (CX + 126, 212)),
               strands=([(CX - 60, 128), (CX - 54, 220), (CX - 62, 300)], [(CX + 40, 122), (CX + 50, 200), (CX + 40, 290)],
                        [(CX - 122, 300), (CX - 126, 380), (CX - 120, 440)], [(CX + 118, 290), (CX + 124, 370), (CX + 120, 430)]))
    if phones:
        _phones_on(hair)
    return HeadParts(back, skin, hair, m_head)


def _phones_on(layer: Layer) -> None:
    """Headphones worn: the band over the crown, a cup over each ear (head units)."""
    band = curve([(CX - 150, 330), (CX - 150, 210), (CX - 96, 128), (CX, 100), (CX + 96, 128), (CX + 150, 210), (CX + 150, 330)], 12)
    layer.paint(mask(ribbon(band, 16)), PHONES)
    layer.paint(mask(ribbon(band - np.array([0.0, 5.0]), 3.0)), "#5a5862", 0.8)
    for s in (-1, 1):
        cx, cy = CX + s * 142, 372
        layer.paint(mask(Ellipse(cx, cy, 36, 52)), "#34333b")
        layer.paint(mask(Ellipse(cx + s * 4, cy, 26, 40)), CUP)
        layer.paint(mask(Ellipse(cx + s * 6, cy, 20, 33)), "#2a2930")
        layer.paint(mask(Ellipse(cx + s * 7, cy - 8, 6, 10)), "#5a5862", 0.8)


def jay(pose: str) -> Figure:
    if pose in ("suit", "helmet", "visor_up"):
        return _suited(pose)
    light, pal, b = LIGHT, PALETTE, BUILD
    h = place(head_parts(phones=pose == "listen"), SPACE)
    under, front = h.back.copy(), Layer(W, H)
    m_body = torso_mask(b)
    _clothes(under, m_body, h.m_head, phones=pose != "listen")
    sides = {"casual": (-1.0, 1.0), "listen": (-1.0,), "sheepish": (1.0,)}[pose]
    for s in sides:
        arm = Arm(b.joint(s), (CX + s * 146, 580), (CX + s * 150, 780), (30, 25, 19), bare=0.5)
        draw_arm(under, pal, arm, SLEEVE, light)
        draw_hand(under, pal, Hand("relaxed", arm.wrist, arm.angle() - s * 4, 104, flip=s > 0), light, SLEEVE)
    under.over(h.skin)
    behind = np.maximum(under.a, h.hair.a)
    if pose == "listen":
        arm = Arm(b.joint(1), (CX + 204, 470), (CX + 118, 292), (30, 25, 19), bare=0.55)
        draw_arm(front, pal, arm, SLEEVE, light, behind=behind)
        cup = SPACE.point(CX + 142, 372)
        draw_hand(front, pal, Hand("flat", (cup[0] + 8, cup[1] + 66), 176, 92, flip=True), light, SLEEVE, behind=behind)
    elif pose == "sheepish":
        arm = Arm(b.joint(-1), (CX - 196, 236), (CX - 84, 150), (30, 25, 19), bare=0.55)
        back_arm = Layer(W, H)
        draw_arm(back_arm, pal, arm, SLEEVE, light)
        back_arm.over(under)
        under = back_arm
    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT)


def _suited(pose: str) -> Figure:
    """In a surface suit (an ending may bring him to Mars): indoors without the helmet, or helmet on."""
    light, pal = LIGHT, PALETTE
    h = place(head_parts(phones=False), SPACE)
    eva = pose != "suit"
    under, front = Layer(W, H), Layer(W, H)
    hm = Helmet.round_head(SPACE)
    if eva:
        helmet_back(under, hm)
    under.over(h.back)
    suit_body(under, pal, BUILD, SUIT, light, h.m_head, eva=eva)
    under.over(h.skin)
    if eva:
        helmet_front(front, pal, hm, SUIT, light, visor_down=pose == "helmet")
    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT)


def _clothes(layer: Layer, m_body: np.ndarray, m_head: np.ndarray, phones: bool) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    sh = -light
    layer.paint(mask(outline([(CX - 46, 336, 1), (CX - 40, 318), (CX, 310), (CX + 40, 318), (CX + 46, 336, 1)], 8)),
                pal.shadow(CARDIGAN, 1.1))
    layer.paint(m_body, TEE)
    left: list[Pt] = [(CX - 36, 326), (CX - 42, 420), (CX - 48, 620), (CX - 54, H + 20)]
    right: list[Pt] = [(CX + 34, 326), (CX + 44, 420), (CX + 52, 620), (CX + 60, H + 20)]
    opening: list[Pt] = [(*left[0], 1), *left[1:-1], (*left[-1], 1), (*right[-1], 1), *right[-2:0:-1], (*right[0], 1)]
    m_open = mask(outline(opening, 10))
    m_card = m_body * (1 - m_open)
    layer.paint(m_card, CARDIGAN)
    ribs = [np.array([(x, 330), (x + 3, H + 10)]) for x in range(int(CX) - 200, int(CX) + 210, 8)]
    layer.shade(mask(*[ribbon(r, 1.1) for r in ribs]) * m_card, pal.dark(0.5), 0.6)
    for s, edge in ((-1, left), (1, right)):
        m_band = mask(ribbon(curve(edge, 10), 12, bias=1.0 if s < 0 else 0.0)) * m_body
        layer.paint(m_band, BAND)
        layer.shade(mask(ribbon(curve(edge, 10), 1.2)) * m_body, pal.dark(1.2), 0.8)
    for y in (460, 560, 660, 760):
        x = CX - 42 - (y - 420) * 0.03
        layer.paint(mask(Ellipse(x - 6, y, 3.4, 3.4), ss=3), "#5a3a26")
    # patch pockets at the hips
    for s in (-1, 1):
        x0 = CX + s * 100
        pk = np.array([(x0 - 38, 700), (x0 - 36, 790), (x0 + 36, 790), (x0 + 38, 700)])
        layer.shade(mask(ribbon(pk, 1.4)) * m_card, pal.dark(1.3), 0.9)
        layer.paint(mask(outline([(x0 - 38, 700, 1), (x0 + 38, 700, 1), (x0 + 38, 710, 1), (x0 - 38, 710, 1)], 2)) * m_card,
                    pal.shadow(CARDIGAN, 0.4))
    body_shadow(layer, pal, m_body, light, b, inset=30)
    if phones:
        band = curve([(CX - 64, 400), (CX - 52, 356), (CX - 30, 334), (CX, 328), (CX + 30, 334), (CX + 52, 356), (CX + 64, 400)], 10)
        layer.paint(mask(ribbon(band, 8)), PHONES)
    neckline = below_line([(CX - 40, 330), (CX - 22, 346), (CX, 352), (CX + 22, 346), (CX + 40, 330)])
    draw_neck(layer, pal, neck_mask(b), m_head, light, clip=1 - neckline)
    trim = curve([(CX - 33, 334), (CX - 20, 348), (CX, 353), (CX + 20, 348), (CX + 33, 334)], 10)
    layer.paint(mask(ribbon(trim, 4, bias=0.0)) * m_body, pal.shadow(TEE, 0.5))
    layer.shade(mask(ribbon(trim + np.array([light * 3, 5.0]), taper(len(trim), 1, 8, 1), bias=0.0)) * m_open, pal.dark(0.8))
    if phones:
        for s in (-1, 1):
            cx, cy = CX + s * 64, 398
            m_cup = mask(Ellipse(cx, cy, 23, 28, -s * 18))
            layer.paint(m_cup, "#34333b")
            layer.paint(mask(Ellipse(cx + s * 2, cy, 17, 22, -s * 18)) * m_cup, CUP)
            layer.paint(mask(Ellipse(cx + s * 3, cy, 14, 19, -s * 18)), "#2a2930")
            layer.paint(mask(Ellipse(cx + s * 3, cy + 1, 6.5, 8.5, -s * 18)), "#45434d")
            layer.shade(m_cup * (1 - shift(m_cup, int(-sh * 7), -3)), pal.dark(1.0))
        cable = curve([(CX - 70, 426), (CX - 74, 480), (CX - 68, 540), (CX - 74, 620)], 10)
        layer.paint(mask(ribbon(cable, 2.0)), PHONES)

