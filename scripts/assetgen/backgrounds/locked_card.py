"""The gallery's locked card: dark glass, faint stars, a line-drawn padlock.
"""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from ..raster.colour import rgb
from ..raster.compose import paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial
from ..raster.noise import fbm
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .figures import NAN
from .picture import Picture, glass_look
from .rooftop import NIGHTSKY
from .space_kit import stars


def locked(name: str) -> np.ndarray:
    """The gallery's locked card: dark night glass, a faint field of stars, a small line-drawn padlock."""
    r = rng(name)
    img = vgrad([(0.0, NIGHTSKY["deep"]), (1.0, NIGHTSKY["ink"])]) * 0.55 + rgb(NIGHTSKY["ink"]) * 0.45
    img = img + radial(640, 360, 620, 360)[..., None] * rgb(NIGHTSKY["blue"]) * 0.12
    # faint stars and a thin diagonal band of denser ones, like a glimpse of the sky behind frosted glass
    st = stars(r, 700, 10, tints=("#f4f1ea", NIGHTSKY["ice"], NIGHTSKY["amber"]), cross=9)
    band = np.exp(-(((XX - 640) * 0.45 + (YY - 360)) / 170.0) ** 2)
    st2 = stars(r, 900, 0, tints=(NAN["rim"],)) * band[..., None]
    img = glow(img, (st * 0.45 + st2 * 0.35), ((1.2, 0.5), (5, 0.2)))
    # frosted glass: soft blotches and a diagonal sheen
    frost = fbm(r, 220, 5)
    img = img + ((frost - 0.5) * 0.025)[..., None] * rgb(NIGHTSKY["ice"])
    sheen = np.exp(-(((XX - 300) - (YY - 0) * 0.9) / 180.0) ** 2) * 0.04
    img = img + sheen[..., None] * rgb("#f4f1ea")
    # a 1 px inner border at low opacity, rounded corners (the interface's glass panel)
    def border(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(12, 12, W - 12, H - 12, ss), radius=14 * ss, outline=255, width=max(1, int(1.2 * ss)))

    img = img + (shapes(border, 3) * 0.16)[..., None] * rgb("#f4f1ea")
    # the padlock, 2 px-ish lines with round caps, centred, a soft glow of both leads' colours
    def lock(d: ImageDraw.ImageDraw, ss: int) -> None:
        lw = int(3.2 * ss)
        bx0, by0, bx1, by1 = 604.0, 352.0, 676.0, 414.0
        d.rounded_rectangle(sorted_box(bx0, by0, bx1, by1, ss), radius=10 * ss, outline=255, width=lw)
        d.arc(sorted_box(614, 306, 666, 368, ss), 180, 360, fill=255, width=lw)
        for x_ in (614.0 + 1.6, 666.0 - 1.6):
            d.line(sc([(x_, 337), (x_, by0)], ss), fill=255, width=lw)
        d.ellipse(sorted_box(634, 372, 646, 384, ss), outline=255, width=int(2.6 * ss))
        d.line(sc([(640, 384), (640, 396)], ss), fill=255, width=int(2.6 * ss))
        for x_, y_ in ((614.0 + 1.6, 337.0), (666.0 - 1.6, 337.0)):
            rr = lw / ss / 2
            d.ellipse(sorted_box(x_ - rr, y_ - rr, x_ + rr, y_ + rr, ss), fill=255)

    lm = shapes(lock, 4)
    col = rgb("#f4f1ea") * 0.62
    img = img * (1 - lm[..., None] * 0.8) + col * lm[..., None] * 0.8
    halo = lm[..., None] * (rgb(NIGHTSKY["ice"]) * 0.5 + rgb(NIGHTSKY["amber"]) * 0.5) * 0.35
    img = glow(img, halo, ((3, 0.6), (14, 0.5), (50, 0.35)))
    vign = smoothstep(0.5, 1.25, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 360) / 420) ** 2))
    img = paint(img, vign, NIGHTSKY["ink"], 0.5)
    return img


PICTURES = (
    Picture("locked", locked,
            "gallery's locked card: dark glass, faint stars, a line-drawn padlock",
            look=glass_look, folder="endings", ext="png"),
)
