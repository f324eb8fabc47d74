"""Captain Han Eun-seo, Nan-young's late mother, seen in old recordings: a soft oval face with large,
gentle eyes (her daughter's eyes, rounder), a side-swept fringe and a low ponytail, in the Byeol-1
flight jumpsuit. Poses: arms down; a hand raised in greeting to the camera. Drawn as a person, then
recoloured as a cyan hologram with scan lines and a few glitched rows.
"""

from __future__ import annotations

import numpy as np

from ..raster.blur import soften
from ..raster.colour import mix, rgb
from ..raster.compose import shift
from ..raster.curves import Pt, curve, fringe, outline, ribbon, taper
from ..raster.layer import Layer
from ..seeds import rng
from .arms import Arm, Hand, Sleeve, draw_arm, draw_hand
from .expressions import STANDARD, looks
from .face import Expr, Face, Palette
from .figure import Figure, HeadParts, person_features, place
from .frame import CX, H, W, mask
from .head import Head, draw_head, hair_front, head_masks
from .headspace import HeadSpace
from .torso import Build, body_shadow, draw_neck, mission_patch, neck_mask, torso_mask

EXPRESSIONS = {**STANDARD, "neutral": Expr(curve=1.5),
               "smile": Expr(lower=0.4, open=0.86, curve=5.0, mw=1.15, brow_lift=-2, brow_in=-1, blush=0.2)}
MOTHER: dict[str, tuple[str, Expr]] = looks([
    ("", "recording", ("neutral", "smile")),
    ("", "recording", ("soft", "sad", "laugh")),
    ("wave", "wave", ("neutral", "smile", "soft")),
], EXPRESSIONS)

LIGHT = 1.0
PALETTE = Palette(
    skin="#f1d3bd", hair="#2b2630", hair_sheen="#5a5262", brow="#2e2a33", iris="#3b2a2e", iris_light="#8a6a66",
    lash="#1d1a22", lip="#d98a86", tone="#3a4a78", rim="#dffcff", outline="#0f3a46",
)
FACE = Face(
    eye_y=354, eye_dx=51, eye_w=30, eye_h=23, tilt=1, brow_gap=17, brow_w=(4.6, 4.8, 2.0), mouth_y=442, mouth_w=16,
    nose_y=406, light=LIGHT, crease=0.35, lash=0.95, lips=0.3, age=0.08, arch=(1.12, 1.08), low_arch=1.05, iris_k=0.7,
    brow_curve=1.3, brow_tilt=2.0, nose_k=0.95, flick=0.6,
)
HEAD = Head(top=150, cw=104, cheek_y=360, temple=0.96, jaw_x=74, jaw_y=446, chin_w=24, chin_y=480, ear_x=104)
SPACE = HeadSpace(k=0.66, top=-32)
BUILD = Build(neck=21, neck_y=316, shoulder=124, shoulder_y=350, chest=108, waist=96, waist_y=620, hip=112)

SUIT = "#8d927a"
SLEEVE = Sleeve(SUIT, cuff=mix(SUIT, "#0b0d1a", 0.25))


def head_parts() -> HeadParts:
    light, pal, hd = LIGHT, PALETTE, HEAD
    back, skin, hair = Layer(W, H), Layer(W, H), Layer(W, H)
    tail: list[Pt] = [(CX - 60, 380), (CX - 120, 430), (CX - 150, 520), (CX - 140, 600, 1), (CX - 110, 540), (CX - 80, 470)]
    m_tail = mask(outline(tail, 10))
    rim: list[Pt] = [(CX, 118), (CX + 66, 124), (CX + 116, 158), (CX + 136, 220), (CX + 132, 300), (CX + 118, 380),
                     (CX + 90, 420), (CX - 90, 420), (CX - 118, 380), (CX - 132, 300), (CX - 136, 220), (CX - 116, 158),
                     (CX - 66, 124)]
    m_back = np.maximum(mask(outline(rim, 12)), m_tail)
    back.paint(m_back, pal.shadow(pal.hair, 0.9))
    back.paint(mask(outline([(CX - 104, 404), (CX - 90, 410), (CX - 96, 424), (CX - 110, 418)], 6)), "#8a8f96")
    m_head, m_ears = head_masks(hd)
    draw_head(skin, pal, hd, m_head, m_ears, light)
    crown: list[Pt] = [
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
    hair_front(skin, hair, pal, m_front, m_back, m_head, light,
               ring=((CX - 110, 196), (CX - 50, 156), (CX + 20, 150), (CX + 84, 166), (CX + 122, 206)),
               strands=([(CX - 60, 140), (CX - 70, 200), (CX - 80, 260)], [(CX + 30, 124), (CX + 80, 170), (CX + 110, 230)],
                        [(CX - 10, 130), (CX + 40, 160), (CX + 80, 200)]))
    return HeadParts(back, skin, hair, m_head)


def mother(pose: str) -> Figure:
    light, pal, b = LIGHT, PALETTE, BUILD
    h = place(head_parts(), SPACE)
    under, front = h.back.copy(), Layer(W, H)
    _jumpsuit(under, h.m_head)
    for s in (-1.0, 1.0) if pose == "recording" else (-1.0,):
        arm = Arm(b.joint(s), (CX + s * 136, 574), (CX + s * 138, 770), (30, 24, 19), cuff=0.1)
        draw_arm(under, pal, arm, SLEEVE, light)
        draw_hand(under, pal, Hand("relaxed", arm.wrist, arm.angle() - s * 4, 100, flip=s > 0), light, SLEEVE)
    under.over(h.skin)
    if pose == "wave":
        behind = np.maximum(under.a, h.hair.a)
        arm = Arm(b.joint(1), (CX + 190, 470), (CX + 182, 292), (30, 24, 20), cuff=0.12)
        draw_arm(front, pal, arm, SLEEVE, light, behind=behind)
        draw_hand(front, pal, Hand("open", (CX + 182, 290), 188, 104, flip=False, spread=4), light, SLEEVE,
                  behind=np.maximum(behind, front.a))

    return Figure(under, h.hair, front, person_features(FACE, PALETTE), h.face_mask, SPACE, PALETTE, LIGHT,
                  post=lambda layer: hologram(layer, "mother"))


def _jumpsuit(layer: Layer, m_head: np.ndarray) -> None:
    light, pal, b = LIGHT, PALETTE, BUILD
    m_body = torso_mask(b)
    draw_neck(layer, pal, neck_mask(b), m_head, light)
    layer.paint(m_body, SUIT)
    for s in (-1, 1):  # fold-down collar with long points, open at the throat
        pts: list[Pt] = [(CX + s * 24, 322, 1), (CX + s * 46, 338), (CX + s * 78, 360, 1), (CX + s * 40, 404, 1),
                         (CX + s * 6, 372, 1)]
        m_c = mask(outline(pts, 8))
        layer.shade(shift(m_c, int(light * 3), 6) * m_body * (1 - m_c), pal.dark(1.0))
        layer.paint(m_c, mix(SUIT, "#f4f1ea", 0.18))
    layer.paint(mask(outline([(CX - 13, 352, 1), (CX + 13, 352, 1), (CX, 380, 1)], 4)), mix(SUIT, "#0b0d1a", 0.45))
    layer.paint(mask(ribbon(np.array([(CX, 378), (CX, H + 10)]), 2.2), ss=3), pal.shadow(SUIT, 1.3))
    for s in (-1, 1):  # chest pockets with flaps
        x0 = CX + s * 62
        pk = [(x0 - 26, 454), (x0 + 26, 454), (x0 + 26, 514), (x0 - 26, 514)]
        layer.shade(mask(ribbon(np.array(pk + [pk[0]]), 1.4), ss=3) * m_body, pal.dark(1.2))
        layer.paint(mask(np.array([(x0 - 28, 450), (x0 + 28, 450), (x0 + 28, 466), (x0 - 28, 466)]), ss=3), mix(SUIT, "#f4f1ea", 0.1))
    layer.paint(mask(np.array([(CX - 108, 426), (CX - 64, 426), (CX - 64, 436), (CX - 108, 436)]), ss=3), "#e9e4d8")
    mission_patch(layer, CX + 70, 414, 17, planet="#c96f3b")
    belt = mask(ribbon(curve([(CX - 200, 650), (CX, 654), (CX + 200, 650)], 8), 10)) * m_body
    layer.paint(belt, mix(SUIT, "#0b0d1a", 0.3))
    body_shadow(layer, pal, m_body, light, b)


def hologram(layer: Layer, seed: str) -> Layer:
    """Recolour a finished figure as a recording: cyan monochrome, translucent, scan lines, a few shifted rows."""
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
    # glitch: a few thin bands of rows pushed sideways (seeded, the same in every look), off the face
    r = rng(f"characters:{seed}")
    for _ in range(4):
        y0 = int(r.integers(330, 860))
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
