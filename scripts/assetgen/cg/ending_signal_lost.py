"""Event picture 'cg/ending_signal_lost', the last image of Signal Lost: spring in Euljiro, Eunha Sound by day,
busy and fine. Jay at the bench with his back to us, a phone face up by his hand with a draft on it that
he will not send, its small blue light the only cold thing in the warm room; petals drifting in the sun
from the window.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..backgrounds.picture import Picture
from ..backgrounds.shop import SHOP_WINDOW, shop
from ..backgrounds.shop_gear import SHOP
from ..raster.colour import mix, rgb
from ..raster.light import glow, radial
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp

# Where things sit (px in the 1280 x 720 frame)
U = 64.0  # Jay's head unit
JAY_HIPS = (800.0, 612.0)
PHONE = (900.0, 462.0)  # the phone on the bench, face up


def ending_signal_lost(name: str) -> np.ndarray:
    r = rng(name)
    S = SHOP
    img = shop("shop_day", day=True)
    light = np.zeros_like(img)
    # the stool under him, then him: elbows on the bench, head a little down
    stool = Sketch()
    hx, hy = JAY_HIPS
    stool.ellipse(hx, hy + 12, 46, 10, mix(S["wood"], S["dark"], 0.4))
    for dx in (-30, 30):
        stool.line([(hx + dx * 0.6, hy + 16), (hx + dx, 720)], 5, mix(S["dark"], S["brown"], 0.4), caps=False)
    pm, a = stool.base()
    img = img * (1 - a[..., None]) + pm
    pose = pp.sitting_back(lean=-0.05, wr_a=(-0.5, -2.0), wr_b=(0.72, -2.05))
    pose = replace(pose, el_a=(-1.05, -1.7), el_b=(1.1, -1.72), head=(0.0, -3.1), tilt=-0.05)
    lit = pp.Lighting(key=(-1.0, -0.6), shadow=mix(S["brown"], S["dark"], 0.4), rim=S["cream"], rim_k=0.45, fill="#9ad1ff",
                      fill_k=0.12, band=0.3, depth=0.5)
    jay = pp.person(pp.JAY, pose, hx, hy, U)
    img = pp.render(img, light, jay, U, lit)
    # the phone face up on the bench: a draft on its screen, the cursor after the last word
    ph = Sketch()
    px, py = PHONE
    ph.poly([(px - 26, py - 8), (px + 22, py - 10), (px + 30, py + 8), (px - 20, py + 10)], mix(S["dark"], "#0b0d1a", 0.5))
    ph.poly([(px - 22, py - 6), (px + 20, py - 8), (px + 26, py + 6), (px - 17, py + 8)], mix("#1b2340", "#9ad1ff", 0.35),
            rgb("#9ad1ff") * 0.35)
    for k in range(3):
        ph.line([(px - 16 + k * 1.5, py - 3 + k * 4), (px + 8 - k * 5, py - 4 + k * 4)], 1.0, mix("#cfe9ff", "#1b2340", 0.2), caps=False)
    ph.rect(px + 2, py + 6, px + 4, py + 9, "#f4f1ea", rgb("#f4f1ea") * 0.6)  # the cursor, blinking
    pm, a = ph.base()
    img = img * (1 - a[..., None]) + pm
    light += ph.light()
    light += radial(px, py - 10, 40, 18)[..., None] * rgb("#9ad1ff") * 0.05
    # spring: a few petals drifting in the sun from the window
    pet = Sketch()
    wx0, wy0, wx1, _ = SHOP_WINDOW
    for _ in range(16):
        x, y = float(r.uniform(wx0 + 20, wx1 + 360)), float(r.uniform(wy0 + 40, 560))
        s_ = float(r.uniform(2.5, 4.5))
        ang = float(r.uniform(0, np.pi))
        c, sn = np.cos(ang), np.sin(ang)
        pet.poly([(x + c * s_, y + sn * s_), (x - sn * s_ * 0.45, y + c * s_ * 0.45), (x - c * s_, y - sn * s_),
                  (x + sn * s_ * 0.45, y - c * s_ * 0.45)], "#f6d6dc")
    pm, a = pet.base()
    img = img * (1 - a[..., None] * 0.85) + pm * 0.85
    return glow(img, light, ((1.5, 0.6), (6, 0.4), (24, 0.25)))


PICTURES = (
    Picture("cg/ending_signal_lost", ending_signal_lost,
            "event picture, the last image of Signal Lost: spring in Eunha Sound by day, Jay at the bench with his back to us, "
            "a phone face up by his hand with a draft he will not send, petals drifting in the sun"),
)
