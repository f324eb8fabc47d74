"""Orbit, Min-su's club, down eleven stairs off the Hongdae street: hot and low-ceilinged, a stage the size
of a parking space with a drum kit and a microphone, the house piano stage left with its lid up, the ring
logo in neon on the back wall, a wall of stickers ten years thick, the bar along the right.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..raster.colour import LIGHTEST, Colour, mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import beam, glow, radial
from ..raster.noise import fbm
from ..raster.vector import Point, Sketch
from ..seeds import rng
from .city import NIGHT
from .picture import Picture
from .signs import draw_glyphs

# The room in metres: camera at (0, EYE, 0) looking down +z (px for the projection)
F, CX, CY, EYE = 700.0, 640.0, 300.0, 1.45
LEFT, RIGHT, CEIL, BACK = -4.6, 4.6, 2.65, 9.0
STAGE = (-3.2, 3.6, 6.2, 0.42)  # x0, x1, front edge z, height
PIANO = (1.7, 3.1, 7.2, 7.8)  # the upright: x0, x1, front z, back z
RING = (0.2, 1.9, BACK)  # the neon ring on the back wall: x, y, z
BAR_X = 3.3  # the bar's front edge runs along here, from the room's front to the stage
WARM, HOT = "#ffb454", "#c2408a"  # the stage lights: amber, and the club's magenta


def P(x: float, y: float, z: float) -> Point:
    return CX + F * x / z, CY - F * (y - EYE) / z


def Q(pts: list[tuple[float, float, float]]) -> list[Point]:
    return [P(*p) for p in pts]


@dataclass(frozen=True)
class Club:
    img: np.ndarray
    light: np.ndarray
    keys: Point  # the middle of the piano's keyboard, on screen
    key_y: float  # the keys' height (m)


def club(name: str, lights_up: float = 1.0) -> Club:
    """The empty club; ``lights_up`` 1 is the room half lit before a show, lower for the small hours."""
    r = rng("orbit")
    N = NIGHT
    wall = mix(N["ink"], N["magenta"], 0.12)
    img = vgrad([(0.0, N["ink"]), (1.0, N["ink"])])
    light = np.zeros_like(img)
    S = Sketch()
    # ceiling (low, black, pipes and a rail of lamps), walls, the floor
    S.poly(Q([(LEFT, CEIL, 0.6), (RIGHT, CEIL, 0.6), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), mix(N["ink"], N["navy"], 0.4))
    for x, w in ((-2.8, 0.16), (-0.4, 0.1), (1.8, 0.2)):
        S.poly(Q([(x, CEIL - w, 0.6), (x + w, CEIL - w, 0.6), (x + w, CEIL - w, BACK), (x, CEIL - w, BACK)]), mix(N["navy"], N["teal"], 0.2))
    S.poly(Q([(LEFT, 0, 0.6), (LEFT, CEIL, 0.6), (LEFT, CEIL, BACK), (LEFT, 0, BACK)]), wall)
    S.poly(Q([(RIGHT, 0, 0.6), (RIGHT, CEIL, 0.6), (RIGHT, CEIL, BACK), (RIGHT, 0, BACK)]), mix(wall, N["ink"], 0.3))
    S.poly(Q([(LEFT, 0, BACK), (RIGHT, 0, BACK), (RIGHT, CEIL, BACK), (LEFT, CEIL, BACK)]), mix(N["ink"], N["magenta"], 0.08))
    S.poly(Q([(LEFT, 0, 0.6), (RIGHT, 0, 0.6), (RIGHT, 0, BACK), (LEFT, 0, BACK)]), mix(N["ink"], N["navy"], 0.7))
    pm, a = S.base()
    img = img * (1 - a[..., None]) + pm
    # the sticker wall on the left: ten years of bands, layered
    st = Sketch()
    cols: list[Colour] = [N["magenta"], N["cyan"], N["amber"], "#f4e3c3", mix(N["teal"], N["cyan"], 0.5), "#ff7a59", "#9ad1ff"]
    for _ in range(700):
        z = float(r.uniform(0.9, BACK - 0.2))
        y = float(r.uniform(0.3, CEIL - 0.3))
        w, h = float(r.uniform(0.08, 0.26)), float(r.uniform(0.06, 0.2))
        c = mix(cols[int(r.integers(0, len(cols)))], N["ink"], 0.55 + 0.35 * z / BACK)
        st.poly(Q([(LEFT + 0.01, y, z), (LEFT + 0.01, y, z + w), (LEFT + 0.01, y + h, z + w), (LEFT + 0.01, y + h, z)]), c)
    pm, a = st.base()
    img = img * (1 - a[..., None] * 0.9) + pm * 0.9
    R = Sketch()
    # the stage: its front face and top, a monitor wedge, the drum kit, the mic stand, an amp
    x0, x1, zs, hs = STAGE
    R.poly(Q([(x0, 0, zs), (x1, 0, zs), (x1, hs, zs), (x0, hs, zs)]), mix(N["ink"], N["navy"], 0.2))
    R.poly(Q([(x0, hs, zs), (x1, hs, zs), (x1, hs, BACK), (x0, hs, BACK)]), mix(N["navy"], N["magenta"], 0.18))
    R.line(Q([(x0, hs, zs), (x1, hs, zs)]), 2.0, mix(N["amber"], N["ink"], 0.5), caps=False)
    R.poly(Q([(-0.6, hs, zs + 0.2), (0.2, hs, zs + 0.2), (0.1, hs + 0.3, zs + 0.45), (-0.5, hs + 0.3, zs + 0.45)]), mix(N["ink"], N["navy"], 0.5))
    dx, dz = -1.6, 8.0  # the kit: kick drum, snare, toms, cymbals, the stool
    kx, ky = P(dx, hs + 0.3, dz)
    R.ellipse(kx, ky, 0.34 * F / dz, 0.34 * F / dz, mix(N["ink"], N["magenta"], 0.25))
    R.ellipse(kx, ky, 0.26 * F / dz, 0.26 * F / dz, mix(N["ink"], N["navy"], 0.6))
    for ox, oy, rr in ((-0.55, 0.65, 0.18), (0.15, 0.85, 0.14), (0.45, 0.85, 0.14)):
        tx, ty = P(dx + ox, hs + oy, dz - 0.2)
        R.ellipse(tx, ty, rr * F / dz, rr * 0.4 * F / dz, mix(N["navy"], N["magenta"], 0.35))
    for ox, oy in ((-0.9, 1.25), (0.9, 1.35)):
        cx_, cy_ = P(dx + ox, hs + oy, dz)
        R.line([P(dx + ox, hs, dz), (cx_, cy_)], 1.4, mix(N["ink"], N["teal"], 0.3), caps=False)
        R.ellipse(cx_, cy_, 0.3 * F / dz, 0.05 * F / dz, mix(N["amber"], N["ink"], 0.45))
    mx, mz = 0.7, 6.8
    R.line([P(mx, hs, mz), P(mx, hs + 1.5, mz), P(mx - 0.25, hs + 1.55, mz)], 1.6, mix(N["ink"], N["teal"], 0.4), caps=False)
    R.ellipse(*P(mx - 0.27, hs + 1.56, mz), 3.5, 3.5, mix(N["ink"], "#c9ccd4", 0.6))
    R.poly(Q([(-3.0, hs, 8.4), (-2.2, hs, 8.4), (-2.2, hs + 0.9, 8.4), (-3.0, hs + 0.9, 8.4)]), mix(N["ink"], N["navy"], 0.3))  # the amp
    grille = [(-2.95, hs + 0.75, 8.39), (-2.25, hs + 0.75, 8.39), (-2.25, hs + 0.85, 8.39), (-2.95, hs + 0.85, 8.39)]
    R.poly(Q(grille), mix(N["amber"], N["ink"], 0.55))
    # the house piano stage left: an old upright facing the room, its lid up like a question
    px0, px1, pz0, pz1 = PIANO
    ph = hs + 1.3
    body = mix("#3b2618", N["ink"], 0.3)
    R.poly(Q([(px0, hs, pz0), (px0, ph, pz0), (px0, ph, pz1), (px0, hs, pz1)]), mix(body, N["ink"], 0.35))  # its side
    R.poly(Q([(px0, ph, pz0), (px1, ph, pz0), (px1, ph, pz1), (px0, ph, pz1)]), mix(body, N["amber"], 0.2))  # its top
    R.poly(Q([(px0, hs, pz0), (px1, hs, pz0), (px1, ph, pz0), (px0, ph, pz0)]), body)  # its front
    R.poly(Q([(px0 + 0.1, hs + 0.95, pz0 - 0.01), (px1 - 0.1, hs + 0.95, pz0 - 0.01), (px1 - 0.1, ph - 0.1, pz0 - 0.01),
              (px0 + 0.1, ph - 0.1, pz0 - 0.01)]), mix(body, N["amber"], 0.12))  # the music desk panel
    R.poly(Q([(px0 + 0.02, ph, pz1 - 0.25), (px1 - 0.02, ph, pz1 - 0.25), (px1 - 0.02, ph + 0.42, pz1 - 0.05),
              (px0 + 0.02, ph + 0.42, pz1 - 0.05)]), mix(body, N["amber"], 0.08))  # the lid, propped up
    kz = pz0 - 0.28  # the keyboard's ledge stands out toward the room
    R.poly(Q([(px0 + 0.04, hs + 0.7, kz), (px1 - 0.04, hs + 0.7, kz), (px1 - 0.04, hs + 0.7, pz0), (px0 + 0.04, hs + 0.7, pz0)]),
           mix("#f4e3c3", N["ink"], 0.2))
    R.poly(Q([(px0 + 0.04, hs + 0.62, kz), (px1 - 0.04, hs + 0.62, kz), (px1 - 0.04, hs + 0.7, kz), (px0 + 0.04, hs + 0.7, kz)]),
           mix(body, N["ink"], 0.25))
    for x in np.arange(px0 + 0.12, px1 - 0.08, 0.06):
        if int(round((x - px0) / 0.06)) % 7 in (0, 3):
            continue
        R.line(Q([(x, hs + 0.71, kz + 0.02), (x, hs + 0.71, kz + 0.15)]), 1.6, mix(N["ink"], body, 0.2), caps=False)
    R.ellipse(*P(px0 + 0.55, ph + 0.005, pz0 + 0.25), 6, 1.8, mix(body, "#f4e3c3", 0.3))  # the soju glass's ring on the lid
    sx_, sy_ = P((px0 + px1) / 2, hs + 0.5, pz0 - 0.7)  # its stool
    R.ellipse(sx_, sy_, 0.22 * F / (pz0 - 0.7), 0.06 * F / (pz0 - 0.7), mix(N["ink"], N["magenta"], 0.3))
    R.line([P((px0 + px1) / 2, hs, pz0 - 0.7), (sx_, sy_)], 3.0, mix(N["ink"], N["teal"], 0.2), caps=False)
    # the bar along the right: its front, its top, the bottles' glints behind it
    R.poly(Q([(BAR_X, 0, 0.9), (BAR_X, 1.1, 0.9), (BAR_X, 1.1, zs - 0.4), (BAR_X, 0, zs - 0.4)]), mix(N["ink"], N["teal"], 0.25))
    R.poly(Q([(BAR_X, 1.1, 0.9), (BAR_X + 0.7, 1.1, 0.9), (BAR_X + 0.7, 1.1, zs - 0.4), (BAR_X, 1.1, zs - 0.4)]), mix(N["teal"], N["ink"], 0.4))
    for k in range(22):
        z = 1.6 + k * 0.2
        bx, by = P(RIGHT - 0.05, 1.4 + 0.25 * (k % 3), z)
        R.rect(bx - 1.5, by - 10 * 4 / z, bx + 1.5, by, None, rgb(cols[k % len(cols)]) * 0.35, base=False)
    # bar stools and two small tables on the floor
    for x, z in ((2.7, 2.6), (2.6, 3.8), (2.6, 5.0)):
        R.line([P(x, 0, z), P(x, 0.75, z)], max(1.0, 0.05 * F / z), mix(N["ink"], N["teal"], 0.3), caps=False)
        R.ellipse(*P(x, 0.75, z), 0.2 * F / z, 0.06 * F / z, mix(N["magenta"], N["ink"], 0.55))
    for x, z in ((-2.2, 3.4), (-0.6, 4.6)):
        R.line([P(x, 0, z), P(x, 0.72, z)], max(1.0, 0.05 * F / z), mix(N["ink"], N["teal"], 0.2), caps=False)
        R.ellipse(*P(x, 0.72, z), 0.32 * F / z, 0.09 * F / z, mix(N["navy"], N["ink"], 0.3))
    pm, a = R.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + R.light()
    # the ring logo and the club's name in neon on the back wall
    Ln = Sketch()
    rx, ry = P(RING[0], RING[1], RING[2])
    rad = 0.48 * F / BACK
    Ln.arc(rx, ry, rad * 0.55, rad * 0.55, 0, 360, 2.4, mix(N["magenta"], LIGHTEST, 0.4), rgb(N["magenta"]) * 1.4, caps=False)
    Ln.arc(rx, ry, rad, rad * 0.32, 200, 520, 2.0, mix(N["cyan"], LIGHTEST, 0.4), rgb(N["cyan"]) * 1.3, caps=False)
    draw_glyphs(Ln, np.random.default_rng(0), rx - 0.34 * F / BACK, ry + rad * 0.8, 0.2 * F / BACK, 2, False, 1.2,
                mix(N["magenta"], LIGHTEST, 0.45), rgb(N["magenta"]) * 1.3, word="오빗")
    pm, a = Ln.base()
    img = img * (1 - a[..., None]) + pm
    light += Ln.light()
    # the stage lights: small lamps on the low ceiling's rail, cones through the haze, pools on the stage
    haze = fbm(r, 90, 4)
    up = lights_up
    for lx, colour, aim_x in ((-1.8, WARM, -1.5), (0.4, HOT, 0.3), (2.0, WARM, 2.5)):
        sx, sy = P(lx, CEIL - 0.12, 6.6)
        tx, ty = P(aim_x, hs, 7.8)
        angle = float(np.arctan2(ty - sy, tx - sx))
        cone = beam(sx, sy, angle, 0.2, 420.0)
        img += (cone * (0.5 + 0.6 * haze))[..., None] * rgb(colour) * 0.16 * up
        light += radial(sx, sy, 4)[..., None] * rgb(colour) * 1.4
        img += radial(tx, ty, 120, 26)[..., None] * rgb(colour) * 0.22 * up
    # warm light over everything at the stage end, the room falling into dark toward us
    img += (radial(640, 260, 640, 240) * smoothstep(0.0, 1.0, up))[..., None] * rgb(WARM) * 0.05
    img *= (1 - 0.35 * smoothstep(430, H, YY))[..., None]
    keys = P((px0 + px1) / 2, hs + 0.7, pz0 - 0.14)
    return Club(img, light, keys, hs + 0.76)


def orbit_club(name: str) -> np.ndarray:
    c = club(name)
    img = glow(c.img, c.light, ((2, 0.7), (9, 0.55), (34, 0.4), (100, 0.15)))
    img = calm_bottom(img, NIGHT["ink"], 0.4, 0.7)
    return vignette(img, NIGHT["ink"], 0.45, 640, 300)


PICTURES = (
    Picture("orbit_club", orbit_club,
            "Orbit, Min-su's club, inside: hot and low-ceilinged, a small stage with a drum kit and a microphone, the house "
            "piano stage left with its lid up, the ring logo and 오빗 in neon, the sticker wall, the bar"),
)
