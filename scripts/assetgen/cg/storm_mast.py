"""Event picture 'cg/storm_mast': the storm at the mast, sol 166, a lull. Two suits out in the dust
together: Nan-young down on one knee at the buried dish, clearing it with her gloves, the dish coming up
out of the drift like something surfacing; Yoon behind her with the tether in one hand; their helmet
beams cutting short roads through the veil; the mast leaning over them, its beacon still on; the base's
lights a smudge far off.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from ..backgrounds.cave_storm import STORM, STREAK_ANGLE, streaks
from ..backgrounds.picture import Picture, space_look
from ..backgrounds.space_kit import dusty_beam
from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial
from ..raster.noise import fbm, line_noise
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp

# Where things sit (px in the 1280 x 720 frame)
GROUND = 462.0  # the drift's surface under them (high: the text box covers the lowest third)
DISH = (930.0, 424.0, 96.0)  # the dish's centre x, the drift's line on it, radius: half out of the drift
MAST = (1010.0, 70.0)  # the mast's top, leaning
U = 44.0  # Nan-young's head unit
NAN_HIPS = (770.0, GROUND - 1.8 * U)
YOON = (520.0, GROUND - 3.4 * 42.0, 42.0)  # hips x, y and head unit
BASE = (170.0, 320.0)  # the habitat's lights, far off in the dust


def storm_mast(name: str) -> np.ndarray:
    r = rng(name)
    S_ = STORM
    img = vgrad([(0.0, S_["umber"]), (0.35, S_["rust"]), (0.6, S_["dust"]), (0.78, S_["rust"]), (1.0, mix(S_["umber"], S_["dark"], 0.4))])
    light = np.zeros_like(img)
    # billows of dust rolling through, and the base's lights lost in them
    for scale, tone, alpha in ((260, S_["dust"], 0.45), (160, S_["rust"], 0.5)):
        n = fbm(r, scale, 5, sx=2.4, sy=0.8)
        img = paint(img, blur(smoothstep(0.45, 0.8, n), 2.0), tone, alpha)
    bx, by = BASE
    light += radial(bx, by, 60, 24)[..., None] * rgb(S_["haze"]) * 0.25
    for k in range(4):
        light += radial(bx - 30 + 20 * k, by, 2.2)[..., None] * rgb("#ffc27a") * 0.7
    # the ground: drifted dust, ripples, the dish half out of it
    ground = GROUND + 6 * line_noise(r, 300, 4) - 30 * smoothstep(900, 1280, XX[0])
    gm = below(ground, 1.5)
    gcol = vgrad([(0.0, S_["rust"]), (GROUND / H, mix(S_["rust"], S_["dust"], 0.3)), (1.0, mix(S_["umber"], S_["dark"], 0.3))])
    img = img * (1 - gm[..., None]) + gcol * gm[..., None]
    img += (smoothstep(0.55, 0.85, fbm(r, 40, 4, sx=5.0, sy=0.4)) * gm * 0.08)[..., None] * rgb(S_["haze"])
    kit = Sketch()
    mx, my = MAST
    foot = (DISH[0] + 40, GROUND + 10)
    kit.line([foot, (mx, my)], 7, mix(S_["dark"], S_["umber"], 0.5), caps=False)  # the mast, leaning in the wind
    for seg in range(9):  # the lattice
        f0, f1 = seg / 9, (seg + 1) / 9
        pa = (foot[0] + (mx - foot[0]) * f0 - 6, foot[1] + (my - foot[1]) * f0)
        pb = (foot[0] + (mx - foot[0]) * f1 + 6, foot[1] + (my - foot[1]) * f1)
        kit.line([pa, pb], 1.5, mix(S_["dark"], S_["umber"], 0.5), caps=False)
    kit.line([(mx, my), (1180, GROUND - 10)], 1.2, mix(S_["dark"], S_["umber"], 0.6), caps=False)  # a guy wire
    dx, dy, dr = DISH
    kit.ellipse(dx + 6, dy - dr * 0.42, dr * 0.62, dr * 0.86, mix("#8a8f96", S_["rust"], 0.45))  # the dish, tipped up at the sky
    kit.ellipse(dx, dy - dr * 0.44, dr * 0.52, dr * 0.76, mix("#c9ccd4", S_["dust"], 0.4))  # its face, dust sliding off
    kit.ellipse(dx - 8, dy - dr * 0.62, dr * 0.26, dr * 0.3, mix("#e9edf3", S_["dust"], 0.3))  # the patch her gloves have cleared
    kit.line([(dx, dy - dr * 0.44), (dx - dr * 0.5, dy - dr * 0.95)], 3, mix("#8a8f96", S_["rust"], 0.3), caps=False)  # the feed arm
    kit.poly([(dx - dr * 1.4, GROUND + 14), (dx - dr * 0.9, dy - 16), (dx - dr * 0.2, dy - 30), (dx + dr * 0.6, dy - 22),
              (dx + dr * 1.3, dy - 6), (dx + dr * 1.8, GROUND + 14)], mix(S_["rust"], S_["dust"], 0.3))  # the drift still holding it
    pm, a = kit.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None])
    light += radial(mx, my - 6, 3)[..., None] * rgb(S_["haze"]) * 1.5  # the beacon, still on
    # the two of them, the tether between them
    lit = pp.Lighting(key=(0.4, -1.0), shadow=mix(S_["umber"], S_["dark"], 0.4), rim=S_["haze"], rim_k=0.4, fill="#ffd2a0",
                      fill_k=0.1, band=0.36, depth=0.6, haze=S_["rust"], haze_k=0.5, glass=S_["haze"])
    yx, yy, yu = YOON
    yoon = pp.person(pp.YOON_SUIT, pp.standing_side(reach=(0.9, -1.4), tilt=0.3), yx, yy, yu, "side", 1)
    img = pp.render(img, light, yoon, yu, replace(lit, haze_k=0.62))
    hand = ((dx - 60 - NAN_HIPS[0]) / U, (dy - 30 - NAN_HIPS[1]) / U)
    nan = pp.person(pp.NANYOUNG_SUIT, replace(pp.kneeling_side(hand), el_b=(hand[0] * 0.5, -1.35), tilt=0.4),
                    NAN_HIPS[0], NAN_HIPS[1], U, "side", 1)
    img = pp.render(img, light, nan, U, lit)
    tether = Sketch()
    t0 = (yx + 0.9 * yu, yy - 1.4 * yu)
    t1 = (NAN_HIPS[0] - 0.3 * U, NAN_HIPS[1] - 0.3 * U)
    pts = [(t0[0] + (t1[0] - t0[0]) * t, t0[1] + (t1[1] - t0[1]) * t + 30 * math.sin(math.pi * t)) for t in np.linspace(0, 1, 20)]
    tether.line(pts, 2.0, mix("#ff7a59", S_["rust"], 0.3), caps=False)
    pm, a = tether.base()
    img = img * (1 - a[..., None]) + pm
    # the helmet beams: two short roads of light into the dust, both on the dish
    for fig, strength in ((nan, 1.0), (yoon, 0.8)):
        if fig.lamp is None:
            continue
        lx, ly = fig.lamp
        ang = math.atan2(dy - 30 - ly, dx - lx)
        img += (dusty_beam(lx, ly, ang, 0.1, 520.0, soft_start=10) * (0.6 + 0.5 * fbm(r, 30, 3)))[..., None] * rgb("#ffd2a0") * 0.3 * strength
        light += radial(lx, ly, 3.2)[..., None] * rgb("#ffe9c7") * 1.5
    light += radial(dx - 10, dy - 70, 40, 30)[..., None] * rgb("#ffd2a0") * 0.1
    # the storm over everything: streaks, a veil in front of them all
    img = glow(img, light, ((2, 0.7), (10, 0.55), (40, 0.4), (120, 0.2)))
    for dens, ln, amp in ((0.004, 22, 0.35), (0.0012, 48, 0.55), (0.0003, 90, 0.7)):
        img += (np.clip(streaks(r, dens, ln, STREAK_ANGLE), 0, 1) * amp)[..., None] * rgb(S_["haze"]) * 0.45
    veil = fbm(r, 140, 4, sx=4.0, sy=0.6)
    img = paint(img, smoothstep(0.45, 0.95, veil), S_["dust"], 0.3)
    vign = smoothstep(0.5, 1.25, np.sqrt(((XX - 700) / 700) ** 2 + ((YY - 330) / 460) ** 2))
    return paint(img, vign, S_["dark"], 0.5)


PICTURES = (
    Picture("cg/storm_mast", storm_mast,
            "event picture: the storm at the mast, two suits out in the dust, Nan-young on one knee clearing the buried dish, "
            "Yoon behind her with the tether, helmet beams through the veil, the mast's beacon still on", look=space_look),
)
