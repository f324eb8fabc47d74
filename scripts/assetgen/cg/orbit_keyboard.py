"""Event picture 'cg/orbit_keyboard': the keyboard at the Orbit. Past one in the morning, the club closed,
lights half on; Jay on the too-low stool at the house piano, eyes closed, playing the first bars of "Old
Light" under one warm spot; the old upright in profile with its lid up and the soju-glass ring on it; the
ring logo out of focus behind, Min-su far off at the bar, very interested in his coins.
"""

from __future__ import annotations

import numpy as np

from ..backgrounds.city import NIGHT, person
from ..backgrounds.orbit import HOT, WARM
from ..backgrounds.picture import Picture
from ..raster.blur import blur
from ..raster.colour import LIGHTEST, mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import beam, glow, radial
from ..raster.noise import fbm
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp

# Where things sit (px in the 1280 x 720 frame)
FLOOR = 592.0
U = 62.0  # Jay's head unit
KEYS = (792.0, 410.0)  # where his hands meet the keys
PIANO = (830.0, 146.0, 1300.0)  # the upright's front face x, its top y, and its far end
RING_AT = (300.0, 196.0)  # the neon ring on the far wall, out of focus
SPOT = (520.0, -20.0)  # the one warm spot, up in the low ceiling


def orbit_keyboard(name: str) -> np.ndarray:
    r = rng(name)
    N = NIGHT
    img = vgrad([(0.0, N["ink"]), (0.55, mix(N["ink"], N["magenta"], 0.12)), (FLOOR / H, mix(N["ink"], N["magenta"], 0.08)),
                 (1.0, N["ink"])])
    light = np.zeros_like(img)
    # behind: the far wall out of focus, the ring and the bar's bottles as soft lights, the sticker wall's colour
    far = np.zeros_like(img)
    rx, ry = RING_AT
    ring = Sketch(emission=False)
    ring.arc(rx, ry, 44, 44, 0, 360, 5, "#ffffff", caps=False)
    ring.arc(rx, ry, 80, 26, 200, 520, 4, "#ffffff", caps=False)
    far += blur(ring.mask(), 5.0)[..., None] * rgb(N["magenta"]) * 0.9
    for k in range(14):
        bx, by = float(r.uniform(40, 700)), float(r.uniform(270, 370))
        c = [N["amber"], N["cyan"], N["magenta"], "#f4e3c3"][k % 4]
        far += radial(bx, by, float(r.uniform(6, 14)), power=6)[..., None] * rgb(c) * 0.35
    light += far
    # Min-su at the bar, far back, bent over the till, lit from under the counter
    back = Sketch()
    person(back, 170, 410, 120, mix(N["ink"], N["navy"], 0.5), r)
    back.rect(40, 380, 330, 410, mix(N["ink"], N["teal"], 0.3))
    back.rect(150, 372, 190, 380, None, rgb(N["amber"]) * 0.5, base=False)
    pm, a = back.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + back.light()
    # the floor: old boards under the stage's lip
    img += (smoothstep(FLOOR - 4, FLOOR + 4, YY) * 0.03)[..., None] * rgb(N["amber"])
    # the spot: one warm cone down over him and the keys, dust in it
    sx, sy = SPOT
    cone = beam(sx, sy, float(np.arctan2(KEYS[1] - sy, KEYS[0] - 40 - sx)), 0.16, 900.0)
    dust = fbm(r, 30, 4)
    img += (cone * (0.6 + 0.5 * dust))[..., None] * rgb(WARM) * 0.16
    img += radial(KEYS[0] - 80, FLOOR + 8, 260, 40)[..., None] * rgb(WARM) * 0.16
    # the house piano in profile: the tall case, the keys standing out toward him, the lid propped up
    pno = Sketch()
    fx, top, x1 = PIANO
    body = mix("#3b2618", N["ink"], 0.25)
    pno.rect(fx, top, x1, FLOOR, body)
    pno.rect(fx - 8, top - 6, x1, top + 6, mix(body, WARM, 0.25))  # the lid's edge
    pno.poly([(fx + 230, top - 4), (fx + 36, top - 104), (fx + 44, top - 114), (fx + 246, top - 8)], mix(body, WARM, 0.18))  # the lid, up
    pno.line([(fx + 150, top - 2), (fx + 120, top - 64)], 2.0, mix(body, N["ink"], 0.3), caps=False)  # its prop stick
    for k, (y0, y1) in enumerate(((top + 26, KEYS[1] - 112), (KEYS[1] + 56, FLOOR - 26))):  # the case's panels, inset
        pno.rect(fx + 18 + k * 8, y0, x1, y1, mix(body, N["ink"], 0.12))
        pno.rect(fx + 18 + k * 8, y0, fx + 22 + k * 8, y1, mix(body, WARM, 0.2))
    pno.rect(fx - 46, KEYS[1] - 2, fx + 4, KEYS[1] + 14, mix(LIGHTEST, WARM, 0.25))  # the keys' ledge, white keys on top
    pno.rect(fx - 46, KEYS[1] + 14, fx + 4, KEYS[1] + 40, mix(body, N["ink"], 0.2))
    pno.rect(fx - 30, KEYS[1] - 8, fx + 2, KEYS[1] - 2, mix(N["ink"], body, 0.3))  # the black keys' row
    pno.rect(fx - 14, KEYS[1] - 96, fx + 2, KEYS[1] - 8, mix(body, WARM, 0.12))  # the music desk
    pno.rect(fx - 4, KEYS[1] + 40, fx + 60, FLOOR, mix(body, N["ink"], 0.35))  # the lower panel's shadow
    for k in range(2):  # the pedals
        pno.rect(fx - 26 - 8 * k, FLOOR - 10, fx - 6 - 8 * k, FLOOR - 6, mix("#c9a27a", N["ink"], 0.3))
    pno.ellipse(fx + 120, top - 2, 16, 3, mix(body, "#f4e3c3", 0.35))  # the soju glass's ring on the lid
    pm, a = pno.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None])
    img += (a * radial(fx, KEYS[1] - 40, 140, 220))[..., None] * rgb(WARM) * 0.12
    # the stool, too low, and him on it, eyes closed, playing
    stool = Sketch()
    hips = (KEYS[0] - 1.55 * U, KEYS[1] + 1.1 * U)
    stool.ellipse(hips[0] - 4, hips[1] + 14, 44, 9, mix(N["ink"], N["magenta"], 0.25))
    stool.line([(hips[0] - 4, hips[1] + 18), (hips[0] - 4, FLOOR)], 5, mix(N["ink"], N["teal"], 0.25), caps=False)
    stool.ellipse(hips[0] - 4, FLOOR - 2, 30, 5, mix(N["ink"], N["teal"], 0.2))
    pm, a = stool.base()
    img = img * (1 - a[..., None]) + pm
    lit = pp.Lighting(key=(-0.45, -1.0), shadow=mix(N["ink"], N["magenta"], 0.2), rim=mix(WARM, LIGHTEST, 0.3), rim_k=0.6,
                      fill=HOT, fill_k=0.3, band=0.28, depth=0.55)
    jay = pp.person(pp.JAY, pp.sitting_side(hands=(1.55, -1.1), slump=0.15, eyes="closed"), hips[0], hips[1], U, "side", 1)
    img = pp.render(img, light, jay, U, lit)
    img = glow(img, light, ((2, 0.7), (9, 0.5), (34, 0.4), (110, 0.2)))
    img = calm_bottom(img, N["ink"], 0.35, 0.74)
    return vignette(img, N["ink"], 0.5, 620, 360)


PICTURES = (
    Picture("cg/orbit_keyboard", orbit_keyboard,
            "event picture: the keyboard at the Orbit, past one in the morning, Jay on the too-low stool at the house piano "
            "playing the first bars of Old Light under one warm spot, Min-su far off at the bar"),
)
