"""Event picture 'cg/ending_same_sky', the last image of Under the Same Sky: nine o'clock in Seoul, Jay
in the plastic chair on the roof with a mug of barley tea, Dori on the other chair, both turned to the red
point over the water tanks, where she is looking back.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..backgrounds.picture import Picture
from ..backgrounds.rooftop import NIGHTSKY, monobloc
from ..raster.colour import mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep
from ..raster.light import glow, radial
from ..raster.noise import fbm
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp
from .roof import MARS_AT, dori, roof

# Where things sit (px in the 1280 x 720 frame)
JAY_CHAIR, DORI_CHAIR = 470.0, 640.0  # x of the two chairs
FEET = 596.0
CHAIR = 224.0
SEAT = FEET - 0.44 * CHAIR
U = 66.0  # Jay's head unit
MUG = (560.0, 430.0)  # the mug in his right hand


def ending_same_sky(name: str) -> np.ndarray:
    r = rng(name)
    P = NIGHTSKY
    R = roof(name, r, night=True, tanks=(930.0, 1120.0), bulbs_from=(-20, 50), bulbs_to=(760, 96), sag=50)
    img, light = R.img, R.light
    # a faint line of his gaze's worth of sky: Mars a touch brighter, its colour in the haze round it
    mx, my = MARS_AT
    light += radial(mx, my, 30)[..., None] * rgb("#ff9a5c") * 0.12
    lit = pp.Lighting(key=(0.5, -1.0), shadow=mix(P["ink"], P["deep"], 0.5), fill=P["ice"], fill_k=0.22, depth=0.55,
                      rim=mix(P["amber"], "#f4f1ea", 0.35), rim_k=0.3)
    pose = replace(pp.sitting_back(lean=0.12, wr_a=(-0.7, -0.55), wr_b=(1.3, -1.35)), head=(0.12, -3.3))  # looking up
    jay = pp.person(pp.JAY, pose, JAY_CHAIR, SEAT, U)
    img = pp.render(img, light, jay, U, lit)
    # the mug, and its steam curling up into the cold
    props = Sketch()
    mx_, my_ = MUG
    props.rrect(mx_ - 14, my_ - 30, mx_ + 14, my_, 4, mix("#e8dcc4", P["blue"], 0.25))
    props.arc(mx_ + 16, my_ - 16, 8, 9, -80, 80, 3, mix("#e8dcc4", P["blue"], 0.35), caps=False)
    pm, a = props.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + props.light()
    steam = fbm(r, 14, 3, sx=0.6, sy=1.0) * np.exp(-(((XX - mx_ - 6 - (my_ - 30 - YY) * 0.12) / 9.0) ** 2))
    steam = steam * smoothstep(my_ - 30, my_ - 60, YY) * (1 - smoothstep(my_ - 90, my_ - 150, YY))
    img += smoothstep(0.45, 0.8, steam)[..., None] * mix("#f4f1ea", P["ice"], 0.3) * 0.22
    chairs = Sketch()
    chair = mix(P["blue"], P["deep"], 0.3)
    monobloc(chairs, JAY_CHAIR, FEET, CHAIR, chair, mix(chair, R.dark, 0.4))
    monobloc(chairs, DORI_CHAIR, FEET - 2, CHAIR * 0.99, chair, mix(chair, R.dark, 0.4), turn=-3)
    # Dori hovering over the other chair, turned to the sky like him
    tip = dori(chairs, DORI_CHAIR, SEAT - 150, 100, ambient=P["blue"], dim=0.3)
    pm, a = chairs.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + chairs.light()
    light += radial(tip[0], tip[1], 14)[..., None] * rgb("#6fe3e1") * 0.25
    light += radial(DORI_CHAIR, SEAT - 144, 30, 8)[..., None] * rgb("#6fe3e1") * 0.25  # its hover-glow on the chair
    img = glow(img, light, ((2, 0.8), (8, 0.55), (30, 0.4), (90, 0.15)))
    img = calm_bottom(img, P["ink"], 0.35, 0.74)
    img = vignette(img, P["ink"], 0.4, 640, 360)
    return img


PICTURES = (
    Picture("cg/ending_same_sky", ending_same_sky,
            "event picture, the last image of Under the Same Sky: nine o'clock on the roof, Jay in the plastic chair "
            "with a mug of barley tea, Dori on the other chair, the red point of Mars over the water tanks"),
)
