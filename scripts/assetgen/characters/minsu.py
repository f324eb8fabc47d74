"""Park Min-su, Jay's old bandmate and drummer: bleached undercut, a broad angular jaw, narrow fox
eyes under heavy straight brows, a wide mouth; broad-shouldered in a bomber jacket with a magenta
lining. Poses: hands in the jacket's pockets; a pair of drumsticks in his fist, resting on his
shoulder. Rim light on the left, magenta.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import mix
from ..raster.compose import shift
from ..raster.curves import Pt, curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .arms import Arm, Hand, Sleeve, capsule, draw_arm, draw_hand
from .expressions import STANDARD, looks
from .face import Expr, Face, Palette
from .figure import Figure, HeadParts, person_features, place
from .frame import CX, H, W, below_line, half_plane, mask, mirror
from .head import Head, draw_head, hair_front, head_masks
from .headspace import HeadSpace
from .torso import Build, body_shadow, draw_neck, hem, neck_mask, torso_mask

EXPRESSIONS = {**STANDARD, "neutral": Expr(open=0.9, curve=1.5)}
MINSU: dict[str, tuple[str, Expr]] = looks([
    ("", "pockets", ("neutral", "grin", "serious")),
    ("", "pockets", ("laugh", "sad", "surprised", "soft")),
    ("sticks", "sticks", ("neutral", "grin", "laugh", "serious")),
], EXPRESSIONS)

LIGHT = -1.0
PALETTE = Palette(
    skin="#ecc5a3", hair="#e9dbb0", hair_sheen="#fff5da", brow="#4e3c30", iris="#33231b", iris_light="#8a5a3a",
    lash="#231915", lip="#c47c6e", tone="#4d2d52", rim="#ff9ad0", outline="#24121f",
)
FACE = Face(
    eye_y=356, eye_dx=55, eye_w=29, eye_h=14, tilt=8, brow_gap=9, brow_w=(8.0, 7.6, 4.2), mouth_y=450, mouth_w=22,
    nose_y=412, light=LIGHT, crease=0.0, lash=0.9, lower_lash=0.35, lips=0.06, cheek_dx=68, arch=(0.8, 1.2), low_arch=0.8,
    iris_k=0.64, brow_curve=0.2, brow_tilt=-2.0, nose_k=1.2, flick=0.2,
)
HEAD = Head(top=148, cw=110, cheek_y=350, temple=0.94, jaw_x=88, jaw_y=448, chin_w=32, chin_y=490, angular=True,
            ear_x=110, ear_y=374)
SPACE = HeadSpace(k=0.66, top=-34)
BUILD = Build(neck=26, neck_y=320, shoulder=146, shoulder_y=354, chest=132, waist=122, waist_y=620, hip=124)

JACKET, MAGENTA, TEE, RIB = "#3d4a3f", "#c2408a", "#ecebe6", "#2f3a31"
SLEEVE = Sleeve(JACKET, cuff=RIB)


def head_parts() -> HeadParts:
    light, pal, hd = LIGHT, PALETTE, HEAD
    back, skin, hair = Layer(W, H), Layer(W, H), Layer(W, H)
    sh = -light
    m_head, m_ears = head_masks(hd)
    # shaved sides: a skull a little wider than the face, in the dark of the roots
    m_skull = mask(Ellipse(CX, 244, 116, 100)) * (1 - below_line([(CX - 200, 330), (CX, 330), (CX + 200, 330)]))
    back.paint(m_skull, mix("#4a3b33", pal.skin, 0.25))
    back.shade(m_skull * half_plane(sh, CX + sh * 40), pal.dark(1.0))
    draw_head(skin, pal, hd, m_head, m_ears, light)
    for dy in (24, 12):  # two silver hoops on the left ear, a stud on the right
        ex, ey = CX - hd.ear_x - 4, hd.ear_y + dy
        ring = mask(Ellipse(ex - 2, ey + 6, 6.5, 6.5), ss=3) * (1 - mask(Ellipse(ex - 2, ey + 6, 4.3, 4.3), ss=3))
        skin.paint(ring * (1 - mask(Ellipse(ex + 2, ey + 2, 4, 4), ss=3)), "#dfe3ea")
    skin.paint(mask(Ellipse(CX + hd.ear_x + 2, hd.ear_y + 22, 3.2, 3.2), ss=3), "#dfe3ea")
    for sd in (-1, 1):
        fuzz: list[Pt] = [(CX + sd * 76, 226, 1), (CX + sd * 88, 270), (CX + sd * 96, 312), (CX + sd * 104, 352, 1),
                          (CX + sd * 150, 352, 1), (CX + sd * 150, 200, 1)]
        m_f = mask(outline(fuzz, 8)) * np.maximum(m_head, m_skull)
        skin.paint(m_f, mix("#4a3b33", pal.skin, 0.3))
        if sd == sh:
            skin.shade(m_f, pal.dark(1.0))
    top: list[Pt] = [
        (CX - 106, 252, 1), (CX - 118, 212), (CX - 112, 164), (CX - 80, 126), (CX - 26, 106), (CX + 34, 104),
        (CX + 104, 114, 1), (CX + 98, 128), (CX + 140, 150, 1), (CX + 130, 172), (CX + 138, 212), (CX + 126, 252),
        (CX + 114, 292),
    ]
    edge = fringe([(CX + 114, 292), (CX + 98, 330), (CX + 64, 282), (CX + 42, 318), (CX + 2, 266), (CX - 18, 298),
                   (CX - 58, 256), (CX - 78, 280), (CX - 102, 252)], belly=7.0)
    m_front = mask(outline(top + edge, 12))
    hair_front(skin, hair, pal, m_front, m_front, m_head, light,
               ring=((CX - 112, 186), (CX - 56, 134), (CX + 16, 120), (CX + 92, 132), (CX + 136, 174)),
               strands=([(CX - 72, 118), (CX - 46, 176), (CX - 38, 248)], [(CX + 10, 104), (CX + 40, 176), (CX + 50, 256)],
                        [(CX + 82, 116), (CX + 112, 176), (CX + 110, 256)]),
               cast=9, crescent=22, sheen=0.9)
    # a small silver bar through his right brow
    bx, by = CX - FACE.eye_dx - 18, FACE.eye_y - FACE.eye_h - FACE.brow_gap - 6
    hair.paint(mask(ribbon(np.array([(bx - 2, by - 9), (bx + 2, by + 8)]), 2.2), ss=3), "#dfe3ea")
    return HeadParts(back, skin, hair, m_head)


def minsu(pose: str) -> Figure:
    light, pal, b = LIGHT, PALETTE, BUILD
    h = place(head_parts(), SPACE)
    under, front = h.back.copy(), Layer(W, H)
    m_body = torso_mask(b)
    _bomber(under, m_body, h.m_head)
    sides = (-1.0, 1.0) if pose == "pockets" else (1.0,)
    for s in sides:  # hands in the jacket's slant pockets
        arm = Arm(b.joint(s, dx=-20), (CX + s * 166, 580), (CX + s * 108, 690), (33, 28, 24), cuff=0.16)
        draw_arm(under, pal, arm, SLEEVE, light, behind=under.a.copy())
        _pocket(under, s, over=True)
    if pose == "sticks":
        _pocket(under, -1.0, over=True)
    under.over(h.skin)
    if pose == "sticks":
        behind = np.maximum(under.a, h.hair.a)
        arm = Arm(b.joint(-1, dx=-20), (CX - 190, 540), (CX - 134, 420), (33, 28, 24), cuff=0.14)
        draw_arm(front, pal, arm, SLEEVE, light, behind=behind)
        fist = Hand("fist", (CX - 134, 424), 188, 108, flip=True)
        draw_hand(front, pal, fist, light, SLEEVE, part="back", behind=np.maximum(behind, front.a))
        for k, dx in enumerate((-9.0, 7.0)):
            butt, tip = (CX - 118 + dx, 466), (CX - 214 + dx * 1.5 - k * 6, 176)
            stick = mask(capsule(butt, tip, 5.6, 4.0), ss=3)
            front.paint(np.clip(shift(stick, 1, 1) - stick, 0, 1), pal.outline, 0.6)
            front.paint(stick, "#e0c08e")
            front.paint(mask(capsule(butt, tip, 1.4, 1.0), ss=3), "#f4e3c3", 0.7)
            front.paint(mask(Ellipse(tip[0], tip[1], 5, 7, 20), ss=3), "#f4e3c3")
        draw_hand(front, pal, fist, light, SLEEVE, part="front")
    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT)


def _pocket(layer: Layer, s: float, over: bool) -> None:
    """A slant pocket's welt on the jacket front (over a forearm that goes into it)."""
    x, y = CX + s * 108, 690
    welt = capsule((x - s * 30, y - 30), (x + s * 16, y + 34), 7, 7)
    layer.paint(mask(welt, ss=3), mix(JACKET, "#0b0d1a", 0.25) if over else JACKET)
    layer.paint(mask(ribbon(np.array([(x - s * 28, y - 30), (x + s * 14, y + 32)]), 1.2), ss=3), MAGENTA, 0.7)


def _bomber(layer: Layer, m_body: np.ndarray, m_head: np.ndarray) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    layer.paint(mask(outline([(CX - 44, 342, 1), (CX - 40, 317), (CX, 310), (CX + 40, 317), (CX + 44, 342, 1)], 8)),
                pal.shadow(JACKET, 1.2))
    neckline = below_line([(CX - 40, 334), (CX - 20, 348), (CX, 353), (CX + 20, 348), (CX + 40, 334)])
    layer.paint(m_body, TEE)
    trim = curve([(CX - 35, 338), (CX - 20, 349), (CX, 354), (CX + 20, 349), (CX + 35, 338)], 10)
    layer.paint(mask(ribbon(trim, 3.4, bias=0.0)) * m_body, pal.shadow(TEE, 0.5))
    layer.shade(mask(ribbon(trim + np.array([light * 3, 5.0]), taper(len(trim), 1, 8, 1), bias=0.0)) * m_body, pal.dark(0.8))
    left: list[Pt] = [(CX - 38, 320), (CX - 38, 360), (CX - 34, 420), (CX - 26, 520), (CX - 18, H + 20)]
    right: list[Pt] = [(CX + 38, 320), (CX + 38, 360), (CX + 32, 420), (CX + 24, 520), (CX + 16, H + 20)]
    opening: list[Pt] = [(*left[0], 1), *left[1:-1], (*left[-1], 1), (*right[-1], 1), *right[-2:0:-1], (*right[0], 1)]
    m_jk = m_body * (1 - mask(outline(opening, 10)))
    layer.paint(m_jk, JACKET)
    for s, edge in ((-1, left), (1, right)):
        line = curve(edge, 10)
        layer.paint(mask(ribbon(line, 3.4, bias=1.0 if s < 0 else 0.0)) * m_body, MAGENTA)
        layer.paint(mask(ribbon(line + np.array([-s * 3.4, 0.0]), 2.6, bias=1.0 if s < 0 else 0.0)) * m_body, "#8a8f96")
    for s in (-1, 1):
        seam = curve([(CX + s * 46, 370), (CX + s * 78, 420), (CX + s * 112, 490), (CX + s * 128, 560)], 10)
        layer.shade(mask(ribbon(seam, 1.5)) * m_jk, pal.dark(1.2))
    draw_neck(layer, pal, neck_mask(b), m_head, light, clip=1 - neckline)
    hem(layer, pal, m_body, 800, RIB, band=26, sag=6, below="#2a2f3a")
    body_shadow(layer, pal, m_body, light, b, inset=36)
    col: list[Pt] = [(CX - 38, 322, 1), (CX - 34, 340), (CX - 40, 358, 1), (CX - 54, 354), (CX - 56, 340, 1)]
    for s in (-1, 1):
        m_c = mask(outline(col if s < 0 else mirror(col), 8))
        layer.paint(m_c, RIB)
        for k in (0, 1):
            stripe = curve([(CX + s * (41 + 5 * k), 324 + k), (CX + s * (38 + 5 * k), 340), (CX + s * (44 + 5 * k), 355)], 6)
            layer.paint(mask(ribbon(stripe, 1.5), ss=3) * m_c, MAGENTA)
