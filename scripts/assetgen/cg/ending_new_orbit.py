"""Event picture 'cg/ending_new_orbit', the last image of A New Orbit: October in the memorial garden, the
two of them leaving side by side at the same pace (which takes some working out), her hair longer, his
cut short and badly, her mother's record under her arm; ginkgo gold and maple red, leaves in the air.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..backgrounds.memorial import AUTUMN, autumn, memorial
from ..backgrounds.picture import Picture
from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.light import glow
from ..raster.vector import Sketch
from . import people as pp

# Where things sit (px in the 1280 x 720 frame)
NAN_AT = (742.0, 430.0, 33.0)  # her hips x, y and head unit (the nearer of the two)
JAY_AT = (790.0, 420.0, 31.5)  # his, a step farther off
STRIDE = 0.9  # the same step for both


def ending_new_orbit(name: str) -> np.ndarray:
    A_ = AUTUMN
    img = memorial(name, autumn())
    light = np.zeros_like(img)
    nan_look = replace(pp.NANYOUNG, hair_style="bob_long")
    jay_look = replace(pp.JAY, hair_style="shag_short")
    lit = pp.Lighting(key=(-0.85, -0.5), shadow=mix(A_["plum"], A_["slate"], 0.3), rim=A_["gold"], rim_k=0.45,
                      fill=A_["sky"], fill_k=0.1, band=0.24, depth=0.45, haze=A_["haze"], haze_k=0.08)
    jx, jy, ju = JAY_AT
    nx, ny, nu = NAN_AT
    jay = pp.person(jay_look, pp.walking_side(STRIDE), jx, jy, ju, "side", 1)
    nan = pp.person(nan_look, pp.walking_side(STRIDE), nx, ny, nu, "side", 1)
    img = pp.render(img, light, jay, ju, lit)
    img = pp.render(img, light, nan, nu, lit)
    # their long shadows, thrown by the low sun across the lawn toward us
    shadows = Sketch(emission=False)
    for x, y, u in (JAY_AT, NAN_AT):
        fy = y + 3.4 * u
        shadows.poly([(x - 0.6 * u, fy), (x + 0.6 * u, fy - 0.1 * u), (x + 5.5 * u, fy + 1.6 * u), (x + 4.4 * u, fy + 2.0 * u)], "#000000")
    sm = blur(shadows.mask(), 2.0)
    img = img * (1 - sm[..., None] * 0.35) + rgb(A_["plum"]) * sm[..., None] * 0.35 * 0.6
    img = glow(img, light, ((1.5, 0.6), (6, 0.4), (24, 0.25)))
    return img


PICTURES = (
    Picture("cg/ending_new_orbit", ending_new_orbit,
            "event picture, the last image of A New Orbit: October in the memorial garden, the two leaving side by side "
            "at the same pace, her hair longer, his cut short; ginkgo gold, maple red, long shadows"),
)
