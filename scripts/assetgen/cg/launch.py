"""Event picture 'cg/launch': an hour after the gate, from the families' hall at Goheung. Jay at the glass
with his hand flat on it, Min-su beside him, Dori hovering at his shoulder, all three seen from behind
against the window; out over the sea the rocket climbs on its flame, a second sun standing up out of the
water, its plume curving down to the pad.
"""

from __future__ import annotations

import numpy as np

from ..backgrounds.goheung import launch_view
from ..backgrounds.launch import DAWN
from ..backgrounds.picture import Picture, space_look
from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import YY
from ..raster.gradient import smoothstep
from ..raster.light import glow, radial
from ..raster.vector import Sketch
from . import people as pp
from .roof import dori

# Where things sit (px in the 1280 x 720 frame)
ROCKET = (860.0, 150.0)  # the rocket, higher now, in the window
SILL = 600.0  # the window's bottom edge (the floor line at the glass)
MULLIONS = (300.0, 980.0)  # the window's frames
TRANSOM = 78.0
U = 52.0  # a head unit of the two men
JAY_AT = (660.0, 418.0)  # his hips
MINSU_AT = (470.0, 414.0)
DORI_AT = (566.0, 318.0)  # Dori hovering between them, at his shoulder


def launch(name: str) -> np.ndarray:
    img, light = launch_view(name, ROCKET)
    # the window: frames and the sill, dark against the morning; the glass itself a faint sheen
    frame = Sketch()
    dark = mix(DAWN["night"], DAWN["dusk"], 0.4)
    for x in MULLIONS:
        frame.rect(x - 9, -10, x + 9, SILL, dark)
    frame.rect(-10, TRANSOM - 8, W + 10, TRANSOM + 8, dark)
    frame.rect(-10, SILL - 6, W + 10, H + 10, mix(DAWN["night"], DAWN["dusk"], 0.25))  # the floor inside
    frame.rect(-10, SILL - 8, W + 10, SILL + 2, mix(dark, DAWN["peach"], 0.25))
    pm, a = frame.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None])
    # the morning on the floor: the window's light laid down, and the rocket's glint in it
    floor = smoothstep(SILL, SILL + 20, YY) * (1 - smoothstep(SILL + 40, H, YY))
    img += floor[..., None] * rgb(DAWN["peach"]) * 0.12
    light += radial(ROCKET[0], SILL + 30, 30, 60)[..., None] * rgb(DAWN["peach"]) * 0.25 * floor[..., None]
    # the three of them, backlit by the window
    lit = pp.Lighting(key=(0.2, -1.0), shadow=mix(DAWN["night"], DAWN["dusk"], 0.5), rim=DAWN["cream"], rim_k=0.55,
                      fill=DAWN["peach"], fill_k=0.25, band=0.42, depth=0.5, haze=DAWN["dusk"], haze_k=0.28)
    minsu = pp.person(pp.MINSU, pp.standing_back(wr_a=(-0.9, -0.2), wr_b=(0.7, -0.9)), MINSU_AT[0], MINSU_AT[1], U * 1.03)
    jay = pp.person(pp.JAY, pp.standing_back(wr_b=(1.05, -3.05), lean=0.05), JAY_AT[0], JAY_AT[1], U)
    img = pp.render(img, light, minsu, U * 1.03, lit)
    img = pp.render(img, light, jay, U, lit)
    bot = Sketch()
    dori(bot, DORI_AT[0], DORI_AT[1], 62, ambient=DAWN["dusk"], dim=0.4)
    pm, a = bot.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + bot.light()
    # his palm on the glass: a faint bloom where the warm hand meets the cold pane
    hx, hy = JAY_AT[0] + 1.05 * U, JAY_AT[1] - 3.05 * U
    light += radial(hx + 6, hy - 4, 18, 22)[..., None] * rgb(DAWN["cream"]) * 0.08
    # the glass: a soft reflection of the hall across the upper panes
    sheen = blur(((YY > TRANSOM + 10) & (YY < TRANSOM + 60)).astype(np.float32), 12) * 0.05
    img += sheen[..., None] * rgb("#f4f1ea")
    img = glow(img, light, ((2, 0.7), (10, 0.5), (40, 0.35), (120, 0.15)))
    img = calm_bottom(img, DAWN["night"], 0.4, 0.74)
    return vignette(img, DAWN["night"], 0.4, rx=720, ry=470)


PICTURES = (
    Picture("cg/launch", launch,
            "event picture: the launch from the families' hall at Goheung, Jay's hand flat on the glass, Min-su beside "
            "him, Dori at his shoulder, the rocket climbing over the sea on its flame", look=space_look),
)
