"""Event picture 'cg/rooftop_record': her mother's record played on the roof at night. The two of them
in the plastic chairs seen from behind, her head on his shoulder; the Bando on a milk crate beside them,
the record turning under the string of bulbs; Mars a red point over the water tank.
"""

from __future__ import annotations

import numpy as np

from ..backgrounds.picture import Picture
from ..backgrounds.rooftop import NIGHTSKY, monobloc
from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.light import glow, radial
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp
from .roof import crate, roof, turntable

# Where things sit (px in the 1280 x 720 frame)
NAN_CHAIR, JAY_CHAIR = 578.0, 712.0  # x of the two chairs, close enough for her head to find his shoulder
FEET = 594.0  # where the chairs stand
CHAIR = 224.0  # a chair's height (its back's top above the floor)
SEAT = FEET - 0.44 * CHAIR  # the seat line (the sitters' hips)
U = 66.0  # a head unit of the sitters, in px
PLAYER = (330.0, 522.0, 210.0)  # the Bando: x, base, width


def rooftop_record(name: str) -> np.ndarray:
    r = rng(name)
    P = NIGHTSKY
    R = roof(name, r, night=True, tanks=(1040.0,), bulbs_from=(-20, 70), bulbs_to=(W_RIGHT, 50), sag=70)
    img, light = R.img, R.light
    # the crate and the record player, its dial lamp glowing
    props = Sketch()
    x, base, w = PLAYER
    crate(props, x, base + 70, w * 0.95, 70, mix(P["blue"], "#9a3a3a", 0.45), mix(R.dark, "#000000", 0.3))
    (rx, ry), rr = turntable(props, x, base, w, mix("#6b3f2a", R.dark, 0.35), mix("#3b2618", R.dark, 0.2), 0.4, P["amber"])
    props.line([(x + w * 0.5, base - 20), (x + w * 0.7, base + 40), (x + w * 0.62, 720)], 2.0, R.dark, caps=False)  # the extension cord
    pm, a = props.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + props.light()
    # the record's sheen turning in the bulbs' light, and the dial's warm spill on the crate and floor
    light += radial(rx + rr * 0.35, ry - 2, rr * 0.3, rr * 0.05)[..., None] * rgb(P["amber"]) * 0.5
    img += radial(x - w * 0.25, base + 10, 160, 60)[..., None] * rgb(P["amber"]) * 0.12
    # the two of them: her head on his shoulder
    lit = pp.Lighting(key=(0.35, -1.0), shadow=mix(P["ink"], P["deep"], 0.5), fill=P["ice"], fill_k=0.22, depth=0.55,
                      rim=mix(P["amber"], "#f4f1ea", 0.35), rim_k=0.32)
    nan = pp.person(pp.NANYOUNG, pp.sitting_back(lean=0.7, wr_b=(0.8, -0.6)), NAN_CHAIR, SEAT, U)
    jay = pp.person(pp.JAY, pp.sitting_back(lean=-0.1, wr_a=(-0.75, -0.55)), JAY_CHAIR, SEAT - 3, U * 1.04)
    img = pp.render(img, light, jay, U * 1.04, lit)
    img = pp.render(img, light, nan, U, lit)
    # the chairs' backs in front of them
    chairs = Sketch()
    chair = mix(P["blue"], P["deep"], 0.3)
    monobloc(chairs, NAN_CHAIR, FEET, CHAIR, chair, mix(chair, R.dark, 0.4))
    monobloc(chairs, JAY_CHAIR, FEET - 3, CHAIR * 1.02, chair, mix(chair, R.dark, 0.4), turn=-3)
    pm, a = chairs.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + chairs.light()
    img += (a * radial(650, 262, 420, 260))[..., None] * rgb(P["amber"]) * 0.08
    img = glow(img, light, ((2, 0.8), (8, 0.55), (30, 0.4), (90, 0.15)))
    img = calm_bottom(img, P["ink"], 0.35, 0.74)
    img = vignette(img, P["ink"], 0.4, 640, 360)
    return img


W_RIGHT = 1300.0  # the bulbs' wire runs off the frame on the right

PICTURES = (
    Picture("cg/rooftop_record", rooftop_record,
            "event picture: her mother's record on the roof at night, the two in the plastic chairs from behind, "
            "her head on his shoulder, the Bando turning under the bulbs, Mars over the water tank"),
)
