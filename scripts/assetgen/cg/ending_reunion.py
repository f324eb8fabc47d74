"""Event picture 'cg/ending_reunion', the last image of Reunion: sunset over Euljiro, Min-su's old keyboard
on two milk crates between the water tanks, Jay playing the finished song, Nan-young home, in the plastic
chair across from him with her cane against it; the Bando on its extension cord; the low sun between
them, his amber and her blue mixing in its light.
"""

from __future__ import annotations

import numpy as np

from ..backgrounds.picture import Picture
from ..backgrounds.rooftop import SUNSET
from ..raster.colour import Colour, mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.light import glow, radial
from ..raster.vector import Sketch
from ..seeds import rng
from . import people as pp
from .roof import crate, roof, turntable

# Where things sit (px in the 1280 x 720 frame)
SUN = (668.0, 286.0)  # the low sun, between them
FLOOR = 588.0  # where feet, crates and chair legs stand
U = 58.0  # a head unit of the two
JAY_AT = (462.0, 494.0)  # his hips, on a crate, facing right
NAN_AT = (880.0, 488.0)  # her hips, in the chair, facing left
KEYS = (512.0, 720.0, 438.0)  # the keyboard: x0, x1, top


def side_chair(L: Sketch, x: float, seat: float, floor: float, facing: int, col: Colour, dark: Colour) -> None:
    """A plastic garden chair seen from the side: seat, sloped back, splayed legs."""
    f = float(facing)
    L.poly([(x - 40 * f, seat), (x + 44 * f, seat), (x + 42 * f, seat + 10), (x - 40 * f, seat + 10)], col)
    L.poly([(x - 40 * f, seat + 4), (x - 56 * f, seat - 118), (x - 44 * f, seat - 120), (x - 28 * f, seat + 2)], col)
    for a, b in (((x - 36 * f, seat + 8), (x - 46 * f, floor)), ((x + 38 * f, seat + 8), (x + 48 * f, floor))):
        L.line([a, b], 7, mix(col, dark, 0.3), caps=False)
    L.line([(x - 44 * f, seat - 60), (x + 30 * f, seat - 58), (x + 40 * f, seat + 4)], 5, col, caps=False)  # the armrest


def ending_reunion(name: str) -> np.ndarray:
    r = rng(name)
    P = SUNSET
    R = roof(name, r, night=False, tanks=(96.0, 1190.0), bulbs_from=(150, 40), bulbs_to=(1120, 60), sag=60, sun=SUN)
    img, light = R.img, R.light
    props = Sketch()
    # the keyboard on two stacked crates, the Bando on the floor by her chair, its cord snaking off
    kx0, kx1, ktop = KEYS
    crate(props, (kx0 + kx1) / 2, FLOOR, 92, 76, mix(P["rose"], P["plum"], 0.55), R.dark)
    crate(props, (kx0 + kx1) / 2, FLOOR - 76, 92, 76, mix(P["rose"], P["plum"], 0.5), R.dark)
    props.rrect(kx0, ktop, kx1, ktop + 26, 4, mix(P["plum"], "#0b0d1a", 0.35))
    props.rect(kx0 + 10, ktop + 3, kx1 - 10, ktop + 12, mix("#f4f1ea", P["rose"], 0.3))  # the keys
    for k in range(int((kx1 - kx0 - 20) / 7)):
        if k % 7 not in (2, 6):
            props.rect(kx0 + 14 + k * 7, ktop + 3, kx0 + 18 + k * 7, ktop + 8, mix(P["plum"], "#0b0d1a", 0.5))
    side_chair(props, NAN_AT[0] + 10, NAN_AT[1] + 4, FLOOR, -1, mix("#f4f1ea", P["rose"], 0.45), R.dark)
    (rx, ry), rr = turntable(props, 1085.0, FLOOR - 10, 150, mix("#6b3f2a", R.dark, 0.3), mix("#3b2618", R.dark, 0.2), 0.7, P["gold"])
    props.line([(1160, FLOOR - 20), (1200, FLOOR + 10), (1290, FLOOR - 4)], 2.0, R.dark, caps=False)
    props.line([(968, FLOOR - 4), (922, FLOOR - 120)], 3.0, mix("#f4f1ea", P["plum"], 0.4))  # her cane against the chair
    pm, a = props.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + props.light()
    light += radial(rx + rr * 0.3, ry - 2, rr * 0.3, rr * 0.06)[..., None] * rgb(P["gold"]) * 0.4
    # the two of them, backlit by the sun between them
    shade = mix(P["plum"], P["wine"], 0.3)
    lit_j = pp.Lighting(key=(0.95, -0.3), shadow=shade, rim=P["gold"], rim_k=0.42, fill="#9ad1ff", fill_k=0.08,
                        band=0.3, depth=0.5, haze=P["plum"], haze_k=0.2)
    lit_n = pp.Lighting(key=(-0.95, -0.3), shadow=shade, rim=P["gold"], rim_k=0.42, fill="#ffc27a", fill_k=0.08,
                        band=0.3, depth=0.5, haze=P["plum"], haze_k=0.2)
    jay = pp.person(pp.JAY, pp.sitting_side(hands=(1.55, -1.0), eyes="closed"), JAY_AT[0], JAY_AT[1], U, "side", 1)
    nan = pp.person(pp.NANYOUNG, pp.sitting_side(hands=(1.15, -0.4), slump=-0.1), NAN_AT[0], NAN_AT[1], U * 0.97, "side", -1)
    seat = Sketch()
    crate(seat, JAY_AT[0] - 4, FLOOR, 84, FLOOR - JAY_AT[1] - 4, mix(P["rose"], P["plum"], 0.6), R.dark)  # his seat
    pm, a = seat.base()
    img = img * (1 - a[..., None]) + pm
    img = pp.render(img, light, jay, U, lit_j)
    img = pp.render(img, light, nan, U * 0.97, lit_n)
    # where their two lights meet: a soft warm-and-blue bloom round the sun
    light += radial(SUN[0], SUN[1], 90, 40)[..., None] * (rgb("#ffc27a") * 0.5 + rgb("#9ad1ff") * 0.2) * 0.3
    img = glow(img, light, ((2, 0.8), (9, 0.6), (34, 0.45), (110, 0.2)))
    img = calm_bottom(img, P["plum"], 0.35, 0.74)
    img = vignette(img, P["plum"], 0.4, 640, 380)
    return img


PICTURES = (
    Picture("cg/ending_reunion", ending_reunion,
            "event picture, the last image of Reunion: sunset on the roof, Jay playing the finished song on Min-su's "
            "keyboard on two milk crates, Nan-young home in the chair across from him, the sun between them"),
)
