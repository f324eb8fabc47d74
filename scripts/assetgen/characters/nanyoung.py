"""Nan-young: short bob with a clipped side lock, an almond, upturned eye and a narrow chin; slim and
straight-backed. In her high-collar jacket (arms down, arms crossed, holding her mother's record) or
the flight suit (arms down; with the helmet closed or the visor up for the Mars surface). Rim light on
the right, cool blue.
"""

from __future__ import annotations

import numpy as np

from ..raster.compose import shift
from ..raster.curves import Pt, curve, fringe, outline, ribbon
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .arms import Arm, Hand, Sleeve, draw_arm, draw_hand
from .expressions import STANDARD, looks
from .face import Expr, Face, Palette
from .figure import Figure, HeadParts, Placed, person_features, place
from .frame import CX, H, W, half_plane, mask, mir
from .head import Head, draw_head, hair_front, head_masks
from .headspace import HeadSpace
from .props import record_sleeve
from .suit import Helmet, SuitLook, helmet_back, helmet_front, suit_body
from .torso import Build, body_shadow, draw_neck, hem, neck_mask, torso_mask

NANYOUNG: dict[str, tuple[str, Expr]] = looks([
    ("", "jacket", ("neutral", "smile", "sad", "tears", "determined", "surprised")),
    ("suit", "suit", ("neutral", "smile")),
    ("", "jacket", ("soft", "closed", "worried")),
    ("suit", "suit", ("sad", "tears", "determined", "surprised", "soft", "closed", "worried")),
    ("record", "record", ("neutral", "smile", "soft", "sad", "tears")),
    ("crossed", "crossed", ("neutral", "determined", "sad", "smile")),
    ("helmet", "helmet", ("neutral", "smile", "sad", "determined", "surprised", "worried")),
    ("visor_up", "visor_up", ("neutral", "smile", "soft", "sad", "tears", "determined", "closed")),
], STANDARD)

LIGHT = 1.0  # her rim light faces right, towards Jay's side of the stage
PALETTE = Palette(
    skin="#f4d8c4", hair="#2b3149", hair_sheen="#55618c", brow="#2c3046", iris="#3b2a2e", iris_light="#8a6a66",
    lash="#1b1d2c", lip="#e08888", tone="#3a4a78", rim="#cfe9ff", outline="#1a1f36",
)
FACE = Face(
    eye_y=352, eye_dx=50, eye_w=31, eye_h=21, tilt=7, brow_gap=16, brow_w=(5.0, 5.0, 1.8), mouth_y=440, mouth_w=16,
    nose_y=405, light=LIGHT, crease=0.3, lash=1.05, lips=0.3, arch=(0.9, 1.2), low_arch=0.85, iris_k=0.62,
    brow_curve=0.45, brow_tilt=-3.0, nose_k=0.9,
)
HEAD = Head(top=150, cw=100, cheek_y=350, temple=0.96, jaw_x=60, jaw_y=436, chin_w=15, chin_y=484, ear_x=100, ear_size=0.95)
SPACE = HeadSpace(k=0.66, top=-32)
BUILD = Build(neck=21, neck_y=316, shoulder=122, shoulder_y=350, chest=106, waist=92, waist_y=620, hip=110)

JACKET, LINING, PIPING, TROUSERS = "#4d6499", "#7fa3d9", "#9ad1ff", "#2a3350"
SLEEVE = Sleeve(JACKET, cuff="#3e5283", seam=PIPING)
SUIT = SuitLook(white="#e9edf3", panel="#5577b3", piping="#9ad1ff", glove="#cfd6e2", glove_line="#8896ad",
                visor="#d9b070", name_tape="#2b3350")


def head_parts() -> HeadParts:
    light, pal, hd = LIGHT, PALETTE, HEAD
    back, skin, hair = Layer(W, H), Layer(W, H), Layer(W, H)
    rim: list[Pt] = [
        (CX, 114), (CX + 60, 120), (CX + 110, 150), (CX + 138, 200), (CX + 146, 270), (CX + 146, 350),
        (CX + 140, 420), (CX + 132, 476, 1), (CX + 120, 458), (CX + 108, 468, 1), (CX + 92, 452), (CX + 60, 462),
        (CX, 470), (CX - 60, 462), (CX - 96, 456), (CX - 112, 472, 1), (CX - 124, 458), (CX - 138, 482, 1),
        (CX - 146, 420), (CX - 150, 350), (CX - 148, 270), (CX - 140, 200), (CX - 112, 150), (CX - 62, 120),
    ]
    m_back = mask(outline(rim, 14))
    back.paint(m_back, pal.shadow(pal.hair, 0.7))
    m_head, m_ears = head_masks(hd)
    draw_head(skin, pal, hd, m_head, m_ears, light)
    top: list[Pt] = [
        (CX - 114, 290, 1), (CX - 130, 232), (CX - 138, 200), (CX - 112, 150), (CX - 62, 120), (CX, 114),
        (CX + 60, 120), (CX + 110, 150), (CX + 138, 200), (CX + 145, 262), (CX + 130, 326, 1), (CX + 116, 300),
        (CX + 104, 274),
    ]
    edge = fringe([(CX + 100, 268), (CX + 94, 326), (CX + 52, 272), (CX + 36, 306), (CX - 14, 252), (CX - 30, 282),
                   (CX - 70, 240), (CX - 84, 262), (CX - 98, 240)], belly=7.0)
    m_crown = mask(outline(top + edge, 12))
    lock: list[Pt] = [(CX - 98, 222), (CX - 122, 270), (CX - 128, 350), (CX - 122, 420), (CX - 110, 478, 1), (CX - 100, 430),
                      (CX - 94, 360), (CX - 86, 286)]
    tuck: list[Pt] = [(CX + 100, 250), (CX + 140, 262), (CX + 150, 300), (CX + 136, 336, 1), (CX + 120, 316), (CX + 102, 300)]
    m_front = np.maximum.reduce([m_crown, mask(outline(lock, 12)), mask(outline(tuck, 10))])
    hair_front(skin, hair, pal, m_front, m_back, m_head, light,
               ring=((CX - 100, 200), (CX - 40, 160), (CX + 30, 156), (CX + 90, 176), (CX + 126, 214)),
               strands=([(CX - 50, 140), (CX - 26, 196), (CX - 20, 250)], [(CX + 30, 136), (CX + 62, 200), (CX + 74, 264)],
                        [(CX - 110, 300), (CX - 112, 380), (CX - 106, 450)], [(CX + 104, 170), (CX + 124, 230), (CX + 130, 280)]))
    # the clip: two short bars in her blue across the tucked lock
    for k, (x, y) in enumerate(((CX + 124, 284), (CX + 130, 300))):
        hair.paint(mask(ribbon(np.array([(x - 16, y + 4 - k), (x + 14, y - 6 - k)]), 4.2), ss=3), PIPING)
        hair.paint(mask(ribbon(np.array([(x - 12, y + 2 - k), (x + 10, y - 5.5 - k)]), 1.2), ss=3), "#e8f5ff", 0.9)
    return HeadParts(back, skin, hair, m_head)


def nanyoung(pose: str) -> Figure:
    if pose in ("suit", "helmet", "visor_up"):
        return _suited(pose)
    return _jacketed(pose)


def _figure(h: Placed, under: Layer, front: Layer) -> Figure:
    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT)


def _jacketed(pose: str) -> Figure:
    light, pal, b = LIGHT, PALETTE, BUILD
    h = place(head_parts(), SPACE)
    under, front = h.back.copy(), Layer(W, H)
    m_body = torso_mask(b)
    _jacket(under, m_body, h.m_head)
    if pose == "jacket":
        for s in (-1.0, 1.0):
            arm = Arm(b.joint(s), (CX + s * 134, 594), (CX + s * 136, 790), (30, 24, 19), cuff=0.14)
            draw_arm(under, pal, arm, SLEEVE, light)
            draw_hand(under, pal, Hand("relaxed", arm.wrist, arm.angle() - s * 4, 100, flip=s > 0), light, SLEEVE)
    under.over(h.skin)
    if pose == "record":
        behind = under.a.copy()
        hands = []
        for s in (-1.0, 1.0):
            arm = Arm(b.joint(s), (CX + s * 134, 580), (CX + s * 104, 526), (30, 24, 19), cuff=0.3)
            draw_arm(front, pal, arm, SLEEVE, light, behind=behind)
            hands.append(Hand("thumb", (CX + s * 98, 520), -s * 108, 92, flip=s > 0))
        for hd in hands:
            draw_hand(front, pal, hd, light, SLEEVE, part="back", behind=behind)
        record_sleeve(front, (CX, 500), 168, light, behind=np.maximum(behind, front.a))
        for hd in hands:
            draw_hand(front, pal, hd, light, SLEEVE, part="front")
    elif pose == "crossed":
        _crossed_arms(front, under.a.copy())
    return _figure(h, under, front)


def _crossed_arms(front: Layer, behind: np.ndarray) -> None:
    """Her right forearm over her left, her left hand on her right upper arm, the right hand tucked away."""
    light, pal, b = LIGHT, PALETTE, BUILD
    upper_l = Arm(b.joint(-1), (CX - 140, 548), (CX - 140, 548), (30, 27, 27))
    upper_r = Arm(b.joint(1), (CX + 140, 556), (CX + 140, 556), (30, 27, 27))
    back_fore = Arm((CX + 140, 560), (CX + 140, 560), (CX - 86, 492), (27, 27, 22), cuff=0.16)
    front_fore = Arm((CX - 140, 552), (CX - 140, 552), (CX + 100, 546), (27, 27, 22), cuff=0.16)
    draw_arm(front, pal, upper_l, SLEEVE, light, behind=behind)
    draw_arm(front, pal, back_fore, SLEEVE, light, behind=np.maximum(behind, front.a))
    draw_hand(front, pal, Hand("flat", (CX - 94, 494), -72, 70, flip=False), light, SLEEVE, behind=front.a.copy())
    draw_arm(front, pal, front_fore, SLEEVE, light, behind=np.maximum(behind, front.a))
    draw_arm(front, pal, upper_r, SLEEVE, light, behind=np.maximum(behind, front.a))


def _jacket(layer: Layer, m_body: np.ndarray, m_head: np.ndarray) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    sh = -light
    collar_back: list[Pt] = [(CX - 36, 302), (CX - 33, 290), (CX, 285), (CX + 33, 290), (CX + 36, 302), (CX, 306)]
    layer.paint(mask(outline(collar_back, 8)), pal.shadow(LINING))
    draw_neck(layer, pal, neck_mask(b), m_head, light)
    layer.paint(m_body, JACKET)
    # raglan seams with piping in her blue
    for s in (-1, 1):
        seam: list[Pt] = [(CX + s * 46, 336), (CX + s * 72, 366), (CX + s * 100, 400), (CX + s * 118, 440)]
        layer.paint(mask(ribbon(curve(seam, 10), 2.2), ss=3) * m_body, PIPING, 0.75)
    collar: list[Pt] = [
        (CX - 33, 290, 1), (CX - 16, 296), (CX, 300, 1), (CX + 16, 296), (CX + 33, 290, 1),
        (CX + 38, 315), (CX + 51, 342, 1), (CX + 20, 350), (CX, 351, 1), (CX - 20, 350), (CX - 51, 342, 1), (CX - 38, 315),
    ]
    m_col = mask(outline(collar, 10))
    layer.shade(shift(m_col, 0, 7) * m_body * (1 - m_col), pal.dark(1.0))
    layer.paint(m_col, JACKET)
    layer.shade(m_col * half_plane(sh, CX + sh * 5), pal.dark(0.8))
    body_shadow(layer, pal, m_body, light, b)
    top = curve([(CX - 33, 290), (CX - 16, 296), (CX, 300)], 8)
    top_r = np.array(mir([(float(x), float(y)) for x, y in top]))
    layer.paint(mask(ribbon(top, 1.8, 0.0), ribbon(top_r, 1.8, 1.0), ss=3), PIPING, 0.9)
    # the zip down the front, its pull, and the hem over dark trousers
    layer.paint(mask(ribbon(np.array([(CX + 2, 300), (CX + 2, H + 10)]), 2.2), ss=3), pal.shadow(JACKET, 1.4))
    layer.paint(mask(np.array([(CX - 1, 320), (CX + 5, 320), (CX + 6, 338), (CX - 2, 338)]), ss=3), "#cfd8e6")
    hem(layer, pal, m_body, 828, "#3e5283", band=20, below=TROUSERS)
    # a small agency badge on the chest
    bx, by = CX + 70, 440
    layer.paint(mask(Ellipse(bx, by, 10, 10), ss=3), "#cfe9ff", 0.95)
    layer.paint(mask(Ellipse(bx, by, 7.5, 7.5), ss=3), "#34477a")
    layer.paint(mask(Ellipse(bx + 2, by + 2, 3.4, 3.4), ss=3), "#c96f3b")
    layer.paint(mask(Ellipse(bx - 2.6, by - 2.6, 1.4, 1.4), ss=3), PIPING)


def _suited(pose: str) -> Figure:
    light, pal = LIGHT, PALETTE
    h = place(head_parts(), SPACE)
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
    return _figure(h, under, front)
