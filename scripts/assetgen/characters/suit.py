"""Spacesuits on the half-body frame, shared by everyone who wears one: the suit (white with coloured
side panels, a metal neck ring, gloves with wrist rings), and for the Mars surface its EVA kit (the
life-support pack showing behind the shoulders, the chest control box) and the helmet: a white hard
shell round a large window, a lamp at each temple, and either the gold sun visor closed over the
window (tinted, reflecting the desert and the sun, the face still readable through it) or the visor
up (clear glass, the visor a tinted band under the shell's brow).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..raster.blur import soften
from ..raster.colour import mix
from ..raster.compose import shift
from ..raster.curves import Pt, curve, outline, ribbon, taper
from ..raster.layer import Layer
from ..raster.svg import Ellipse
from .arms import Arm, Hand, Sleeve, draw_arm, draw_hand
from .face import Palette
from .frame import CX, H, W, half_plane, mask
from .headspace import HeadSpace
from .torso import Build, body_shadow, draw_neck, mission_patch, neck_mask, torso_mask

METAL, METAL_DARK, SEAL = "#bcc7d8", "#8696b0", "#3a4870"


@dataclass(frozen=True)
class SuitLook:
    white: str
    panel: str  # the side panels and sleeves' inner side
    piping: str
    glove: str
    glove_line: str
    visor: str  # the sun visor's tint
    name_tape: str
    stripe: str | None = None  # a commander's band on the upper arm
    patch_planet: str = "#c96f3b"


def suit_build(b: Build) -> Build:
    """A suit is bulkier than the body in it."""
    return replace(b, shoulder=b.shoulder + 12, chest=b.chest + 12, waist=b.waist + 14, hip=b.hip + 12)


def suit_sleeve(look: SuitLook) -> Sleeve:
    return Sleeve(look.white, cuff=METAL, hand=look.glove, hand_line=look.glove_line, seam=look.piping)


def suit_arm(b: Build, side: float) -> Arm:
    return Arm(b.joint(side, dx=-20, dy=30), (CX + side * (b.chest + 36), b.shoulder_y + 236),
               (CX + side * (b.hip + 30), b.shoulder_y + 420), (38, 31, 27), cuff=0.1)


def suit_body(layer: Layer, pal: Palette, body: Build, look: SuitLook, light: float, m_head: np.ndarray, eva: bool,
              arms: tuple[float, ...] = (-1.0, 1.0)) -> Build:
    """The suit from the neck down, with arms hanging on ``arms`` sides; returns the suit's build."""
    b = suit_build(body)
    sh = -light
    if eva:
        pack: list[Pt] = [(CX - b.shoulder + 14, b.neck_y - 30), (CX, b.neck_y - 40), (CX + b.shoulder - 14, b.neck_y - 30),
                          (CX + b.shoulder - 4, b.shoulder_y + 40, 1), (CX - b.shoulder + 4, b.shoulder_y + 40, 1)]
        m_pack = mask(outline(pack, 8))
        layer.paint(m_pack, mix(look.white, METAL_DARK, 0.35))
        layer.shade(m_pack * half_plane(sh, CX + sh * 40), pal.dark(1.0))
    draw_neck(layer, pal, neck_mask(b), m_head, light)
    m_body = torso_mask(b)
    layer.paint(m_body, look.white)
    for s in (-1, 1):
        seam: list[Pt] = [(CX + s * 60, b.neck_y + 30), (CX + s * 82, b.shoulder_y + 60), (CX + s * 96, b.shoulder_y + 200),
                          (CX + s * 104, H + 20)]
        panel: list[Pt] = [(*seam[0], 1), *seam[1:-1], (*seam[-1], 1), (CX + s * 330, H + 20, 1), (CX + s * 330, b.neck_y, 1)]
        layer.paint(mask(outline(panel, 10)) * m_body, look.panel)
        layer.paint(mask(ribbon(curve(seam, 10), 3.4), ss=3) * m_body, look.piping, 0.9)
    body_shadow(layer, pal, m_body, light, b, inset=40)
    _neck_ring(layer, pal, b, light)
    layer.paint(mask(ribbon(np.array([(CX, b.neck_y + 24), (CX, H + 10)]), 1.8), ss=3), pal.shadow(look.white, 1.3))
    if eva:
        _chest_box(layer, pal, b, light)
    else:
        _name_tape(layer, b, look)
    mission_patch(layer, CX + 72, b.shoulder_y + 96, 20, look.patch_planet)
    sleeve = suit_sleeve(look)
    for side in arms:
        arm = suit_arm(b, side)
        draw_arm(layer, pal, arm, sleeve, light)
        if look.stripe is not None:
            band = mask(ribbon(_band(arm), 6.0), ss=3)
            layer.paint(band * mask(*arm.shapes()), look.stripe)
        draw_hand(layer, pal, Hand("relaxed", arm.wrist, arm.angle() - side * 4, 112, flip=side > 0), light, sleeve)
    return b


def _band(arm: Arm) -> np.ndarray:
    """A short line across the upper arm, two thirds of the way to the elbow."""
    sx, sy = arm.shoulder
    ex, ey = arm.elbow
    px, py = sx + (ex - sx) * 0.45, sy + (ey - sy) * 0.45
    w = arm.widths[0] * 1.1
    return np.array([(px - w, py + 4), (px + w, py - 4)])


def _neck_ring(layer: Layer, pal: Palette, b: Build, light: float) -> None:
    sh = -light
    y = b.neck_y - 2
    ring_o = mask(Ellipse(CX, y, 70, 20))
    ring_i = mask(Ellipse(CX, y - 5, 50, 11))
    layer.shade(shift(ring_o, 0, 6) * (1 - ring_o), pal.dark(1.0))
    layer.paint(ring_o, METAL)
    layer.paint(ring_i, "#1c2438")
    gaiter: list[Pt] = [(CX - 27, y - 26, 1), (CX, y - 22), (CX + 27, y - 26, 1), (CX + 31, y - 3, 1), (CX - 31, y - 3, 1)]
    m_g = mask(outline(gaiter, 8))
    layer.paint(m_g, SEAL)
    layer.shade(m_g * half_plane(sh, CX + sh * 8), pal.dark(1.0))
    below = (np.arange(H, dtype=np.float32)[:, None] > y - 5).astype(np.float32)
    front = ring_o * (1 - ring_i) * below
    layer.paint(front, METAL)
    layer.paint(mask(Ellipse(CX, y + 5, 66, 14)) * front * (1 - mask(Ellipse(CX, y + 2, 66, 15))), METAL_DARK)
    layer.shade(ring_o * (1 - ring_i) * half_plane(sh, CX + sh * 20), pal.dark(0.8))
    for k in range(-3, 4):
        x, yy = CX + np.sin(k * 0.3) * 60, y + np.cos(k * 0.3) * 16
        layer.paint(mask(Ellipse(x, yy, 2.8, 1.4), ss=3), "#9ad1ff" if k % 3 else "#ff7a59")


def _name_tape(layer: Layer, b: Build, look: SuitLook) -> None:
    x0, y0 = CX - 112, b.shoulder_y + 86
    layer.paint(mask(np.array([(x0, y0), (x0 + 50, y0 - 3), (x0 + 51, y0 + 11), (x0 + 1, y0 + 14)]), ss=3), look.name_tape)
    for i in range(5):
        x = x0 + 5 + i * 9
        layer.paint(mask(np.array([(x, y0 + 3), (x + 5, y0 + 3), (x + 5, y0 + 9), (x, y0 + 9)]), ss=3), "#cfd8e6", 0.9)


def _chest_box(layer: Layer, pal: Palette, b: Build, light: float) -> None:
    """The display and control module on the chest."""
    y0 = b.shoulder_y + 40
    box: list[Pt] = [(CX - 56, y0, 1), (CX + 56, y0, 1), (CX + 60, y0 + 70, 1), (CX - 60, y0 + 70, 1)]
    m = mask(outline(box, 4))
    layer.shade(shift(m, int(-light * 4), 6) * (1 - m), pal.dark(1.2))
    layer.paint(m, "#aab4c4")
    layer.shade(m * half_plane(-light, CX - light * 30), pal.dark(0.7))
    screen = mask(np.array([(CX - 40, y0 + 12), (CX + 10, y0 + 12), (CX + 10, y0 + 40), (CX - 40, y0 + 40)]), ss=3)
    layer.paint(screen, "#14202e")
    layer.paint(mask(np.array([(CX - 36, y0 + 18), (CX - 8, y0 + 18), (CX - 8, y0 + 21), (CX - 36, y0 + 21)]), ss=3), "#6fe3e1")
    layer.paint(mask(np.array([(CX - 36, y0 + 26), (CX - 18, y0 + 26), (CX - 18, y0 + 29), (CX - 36, y0 + 29)]), ss=3), "#6fe3e1", 0.7)
    for i, c in enumerate(("#ff7a59", "#ffc27a", "#6fe3e1")):
        layer.paint(mask(Ellipse(CX + 26 + (i % 2) * 14, y0 + 18 + i * 12, 4.5, 4.5), ss=3), c)
    layer.paint(mask(ribbon(np.array([(CX - 44, y0 + 54), (CX + 44, y0 + 54)]), 2.0), ss=3), METAL_DARK)


@dataclass(frozen=True)
class Helmet:
    cx: float
    cy: float
    rx: float
    ry: float

    @staticmethod
    def round_head(space: HeadSpace) -> Helmet:
        cx, cy = space.point(300, 310)
        return Helmet(cx, cy, 206 * space.k, 232 * space.k)

    def window(self) -> Ellipse:
        return Ellipse(self.cx, self.cy + 10, self.rx - 8, self.ry - 16)

    def shell(self) -> Ellipse:
        return Ellipse(self.cx, self.cy, self.rx + 14, self.ry + 10)


def helmet_back(layer: Layer, hm: Helmet) -> None:
    """The inside of the helmet, seen round the head through the glass."""
    win = mask(hm.window())
    layer.paint(win, "#1c2438", 0.75)
    layer.paint(win * (1 - mask(Ellipse(hm.cx, hm.cy + 30, hm.rx - 30, hm.ry - 30))), "#2b3a52", 0.6)


def helmet_front(layer: Layer, pal: Palette, hm: Helmet, look: SuitLook, light: float, visor_down: bool) -> None:
    """The shell, lamps, glass and the visor (down over the face, or up under the shell's brow)."""
    sh = -light
    win = mask(hm.window())
    shell = mask(hm.shell()) * (1 - win)
    ys = np.arange(H, dtype=np.float32)[:, None]
    xs = np.arange(W, dtype=np.float32)[None, :]
    if visor_down:
        top, bottom = hm.cy - hm.ry, hm.cy + hm.ry
        t = np.clip((ys - top) / (bottom - top), 0, 1)
        tint = mix(mix(look.visor, "#5a3a22", 0.3), mix(look.visor, "#fff3d6", 0.2), t[..., None] * np.ones((1, W, 1), np.float32))
        layer.paint(win, tint, 0.34)
        # the desert and the sky behind the viewer, bent round the visor's curve, low on the glass
        horizon = hm.cy + hm.ry * 0.62 - ((xs - hm.cx) / hm.rx) ** 2 * hm.ry * 0.2
        ground = np.clip((ys - horizon) / 3.0 + 0.5, 0, 1) * win
        layer.paint(ground, "#9c4a2a", 0.3)
        layer.paint(np.clip(1 - np.abs(ys - horizon) / 4.0, 0, 1) * win, "#f0c99a", 0.5)
        sun_x, sun_y = hm.cx + light * hm.rx * 0.42, hm.cy - hm.ry * 0.42
        layer.paint(soften(mask(Ellipse(sun_x, sun_y, 14, 14)), 6) * win, "#fff3d6", 0.8)
        layer.paint(mask(Ellipse(sun_x, sun_y, 5, 5), ss=3) * win, "#fffaf0")
    else:
        layer.paint(win, "#cfe9ff", 0.07)
        band = win * (1 - mask(Ellipse(hm.cx, hm.cy + hm.ry * 0.55, hm.rx * 1.3, hm.ry * 1.18)))
        layer.paint(band, mix(look.visor, "#5a3a22", 0.35), 0.92)
        edge = curve([(hm.cx - hm.rx, hm.cy - hm.ry * 0.36), (hm.cx, hm.cy - hm.ry * 0.64), (hm.cx + hm.rx, hm.cy - hm.ry * 0.36)], 16)
        layer.paint(mask(ribbon(edge, 2.4)) * win, mix(look.visor, "#fff3d6", 0.5), 0.9)
    # glass highlights: a long arc on the light side, a small oval across from it
    arc = curve([(hm.cx + light * hm.rx * 0.2, hm.cy - hm.ry * 0.8), (hm.cx + light * hm.rx * 0.66, hm.cy - hm.ry * 0.56),
                 (hm.cx + light * hm.rx * 0.84, hm.cy - hm.ry * 0.05)], 16)
    layer.paint(mask(ribbon(arc, taper(len(arc), 0.5, 6.0, 0.5))) * win, "#f4f1ea", 0.55 if visor_down else 0.45)
    layer.paint(mask(Ellipse(hm.cx + sh * hm.rx * 0.55, hm.cy - hm.ry * 0.5, 9, 18, sh * 30)) * win, "#f4f1ea", 0.35)
    # the shell round the window, its shadow side, and the rim of the window
    layer.paint(shell, look.white)
    layer.shade(shell * (1 - shift(mask(hm.shell()), int(light * 16), 10)), pal.dark(1.0))
    layer.paint(np.clip(mask(Ellipse(hm.cx, hm.cy + 10, hm.rx - 3, hm.ry - 11)) - win, 0, 1), METAL_DARK)
    for s in (-1, 1):
        lx, ly = hm.cx + s * (hm.rx + 4), hm.cy - hm.ry * 0.22
        lamp = mask(Ellipse(lx, ly, 9, 16), ss=3)
        layer.paint(lamp, "#5a6478")
        layer.paint(mask(Ellipse(lx + s * 2, ly, 5, 11), ss=3), "#fff3d6")
        layer.paint(soften(mask(Ellipse(lx + s * 4, ly, 6, 12)), 5) * (1 - win), "#fff3d6", 0.5)
