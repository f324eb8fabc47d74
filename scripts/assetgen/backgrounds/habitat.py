"""The Mars habitat's interior: a curved module with warm lamps, screens and a window onto the
desert; by day, at night (the window dark, Earth a blue point in it), and in the storm's blackout
(lamps and screens off, one strip of amber emergency light along the floor).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import ImageDraw

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, paint, shift
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep
from ..raster.light import glow, radial, rim
from ..raster.noise import fbm, line_noise
from ..raster.vector import sc, shapes, sorted_box
from ..seeds import rng
from .picture import Picture, space_look
from .space_kit import dusty_beam, earth_dot, stars

# Mars habitat: warm interior lamps, cyan screens
HABITAT = {"dark": "#1a1413", "brown": "#3d2a24", "clay": "#7a5446", "rose": "#c98b6b", "lamp": "#ffc27a", "screen": "#6fe3e1", "paper": "#f4f1ea"}


# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
MODULE = (640.0, 300.0, 560.0, 330.0)  # vanishing point x, y; half width and half height at the picture plane
BACK_WALL = 0.46  # depth scale of the far wall (1 is the picture plane)


def module_depth(vx: float, vy: float, A: float, B: float, floor: float = 0.72) -> tuple[np.ndarray, np.ndarray]:
    """Depth scale of every pixel in a one-point view down a habitat module (superellipse cross-section
    with a flat floor): returns (s, is_floor); s is 1 at the picture plane, smaller further away."""
    dx, dy = (XX - vx) / A, (YY - vy) / B
    s_super = (np.abs(dx) ** 4 + np.abs(dy) ** 4) ** 0.25
    s_floor = np.maximum(dy, 1e-3) / floor
    is_floor = (dy > 0) & (np.abs(dx) <= 0.87 * s_floor) & (s_floor >= s_super)
    s = np.where(is_floor, s_floor, s_super)
    return s.astype(np.float32), is_floor.astype(np.float32)


def mars_window_view(r: np.random.Generator, x0: float, y0: float, x1: float, y1: float, sky_top: str, sky_low: str,
                     far: str, near: str, sun: tuple[float, float] | None = None, sun_col: str = HABITAT["lamp"]) -> np.ndarray:
    """A small Mars landscape (for windows): sky, two ridges, the ground; full-frame colour to be masked."""
    h = y1 - y0
    ys = np.clip((YY - y0) / h, 0, 1)
    view = rgb(sky_top) * (1 - ys[..., None]) + rgb(sky_low) * ys[..., None]
    r1 = y0 + h * 0.62 + h * 0.08 * line_noise(r, 160, 4)
    r2 = y0 + h * 0.78 + h * 0.06 * line_noise(r, 90, 4)
    view = paint(view, below(r1), mix(far, sky_low, 0.45))
    r15 = y0 + h * 0.7 + h * 0.05 * line_noise(r, 120, 4)
    view = paint(view, below(r15), mix(far, near, 0.5))
    view = paint(view, below(r2), near)
    view = view * (1 - (below(r2) * smoothstep(r2.min(), y1, YY) * 0.3)[..., None])
    if sun is not None:
        view = view + radial(sun[0], sun[1], 4, power=2)[..., None] * rgb(sun_col) * 1.2
        view = view + radial(sun[0], sun[1], 40, 30)[..., None] * rgb(sun_col) * 0.35
    return view


@dataclass(frozen=True)
class Hour:
    """What the time of day (or the storm) does to the module: the window's view and which lights are on."""

    sky_top: str
    sky_low: str
    far: str
    near: str
    sun: bool = True
    wash: float = 1.0  # daylight from the window on the walls and floor
    lamps: float = 1.0  # the pendant lamps
    screens: float = 1.0
    strip: float = 0.0  # the amber emergency strip along the floor
    earth: bool = False  # Earth, a blue point in the night window
    dark: float = 0.0  # the room sinks toward dark


DAY = Hour(HABITAT["rose"], HABITAT["lamp"], HABITAT["rose"], HABITAT["clay"])
NIGHT = Hour("#141428", "#3a2a3e", "#2a1f2c", "#1a1413", sun=False, wash=0.0, lamps=1.15, earth=True, dark=0.15)
BLACKOUT = Hour("#2a1a14", "#3a2418", "#2a1a14", "#1a1413", sun=False, wash=0.0, lamps=0.0, screens=0.0, strip=1.0, dark=0.62)


def habitat_interior(name: str) -> np.ndarray:
    return habitat(name, DAY)


def habitat_night(name: str) -> np.ndarray:
    return habitat(name, NIGHT)


def habitat_blackout(name: str) -> np.ndarray:
    return habitat(name, BLACKOUT)


def habitat(name: str, hour: Hour) -> np.ndarray:
    r = rng("habitat_interior")  # one module, whatever the hour
    vx, vy, A, B = MODULE
    s, fl = module_depth(vx, vy, A, B)
    back = BACK_WALL
    t = np.clip((s - back) / (1.7 - back), 0, 1)  # 0 at the back wall, 1 at the camera
    wall_far, wall_near = rgb(HABITAT["clay"]), rgb(HABITAT["dark"])
    wall = wall_far * (1 - t[..., None]) ** 1.6 + wall_near * (1 - (1 - t[..., None]) ** 1.6)
    # the ceiling side sits darker than the walls, the floor darker still
    dyn = (YY - vy) / (B * np.maximum(s, 1e-3))
    ceil = smoothstep(-0.4, -0.95, dyn)
    wall = wall * (1 - ceil[..., None] * 0.35)
    floor_col = rgb(HABITAT["brown"]) * (1 - t[..., None]) ** 1.3 + rgb(HABITAT["dark"]) * (1 - (1 - t[..., None]) ** 1.3)
    img = wall * (1 - fl[..., None]) + floor_col * fl[..., None]
    # longitudinal stringers and panel seams
    phi = np.arctan2((YY - vy) / B, (XX - vx) / A)
    stringer = np.exp(-((np.sin(phi * 7.0)) / 0.04) ** 2) * (1 - fl) * smoothstep(back, back + 0.1, s)
    img = img * (1 - stringer[..., None] * 0.25)
    depth = 1.0 / np.maximum(s, 1e-3)
    seams = np.exp(-((np.sin(depth * 9.0)) / 0.05) ** 2) * smoothstep(back, back + 0.08, s)
    img = img * (1 - seams[..., None] * (0.12 - 0.08 * fl[..., None]))
    # the back wall with its window onto the plain
    bw = (s < back).astype(np.float32)
    bw = blur(bw, 1.0)
    img = paint(img, bw, mix(HABITAT["clay"], HABITAT["rose"], 0.25))
    wx0, wy0, wx1, wy1 = vx - 170, vy - 105, vx + 170, vy + 55
    view = mars_window_view(r, wx0, wy0, wx1, wy1, hour.sky_top, hour.sky_low, hour.far, hour.near,
                            sun=(vx + 90, wy0 + 52) if hour.sun else None)
    if hour.earth:  # night: a few stars, and Earth, steady and blue
        view = view + (stars(rng("habitat:stars"), 160, 3, wy0, wy0 + (wy1 - wy0) * 0.6, wx0, wx1) * 0.8)
        view = earth_dot(view, vx - 80, wy0 + 30, 0.8)

    def window(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.rounded_rectangle(sorted_box(wx0, wy0, wx1, wy1, ss), radius=48 * ss, fill=255)

    wm = shapes(window, ss=3)
    img = paint(img, blur(wm, 6) * (1 - wm), HABITAT["brown"], 0.6)
    img = img * (1 - wm[..., None]) + view * wm[..., None]
    light = np.zeros_like(img)
    light += (wm * 0.12 * hour.wash)[..., None] * rgb(HABITAT["lamp"])
    # daylight from the window washing the far walls and the floor
    img = img + (radial(vx, vy - 20, 380, 260) * (1 - wm))[..., None] * rgb(HABITAT["rose"]) * 0.22 * hour.wash
    refl = radial(vx, vy + 60 + 150, 150, 120) * fl
    img = img + refl[..., None] * rgb(HABITAT["rose"]) * 0.12 * hour.wash
    img = img * (1 - hour.dark * (1 - wm))[..., None]
    # ribs: rings of the module at a few depths, their inner edge catching the light
    for sk in (0.6, 0.78, 1.02, 1.38):
        th = 0.035 * sk
        ring = smoothstep(th, th * 0.6, np.abs(s - sk)) * (1 - fl)
        tt = (sk - back) / (1.7 - back)
        rib_col = mix(HABITAT["brown"], HABITAT["dark"], min(1.0, tt * 1.2))
        img = paint(img, ring.astype(np.float32), rib_col)
        inner = smoothstep(th * 0.4, 0.0, np.abs(s - (sk - th * 0.85))) * ring
        img = img + inner[..., None] * rgb(HABITAT["rose"]) * (0.35 - tt * 0.2)

    # furniture: a bunk on the left wall, a console on the right, shelves
    def ppt(sv: float, ux: float, uy: float) -> tuple[float, float]:
        """Point at depth scale sv, at module coords (ux, uy) in units of A, B."""
        return vx + ux * A * sv, vy + uy * B * sv

    def box(s0: float, s1: float, xin: float, xwall: float, ytop: float, ybot: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Masks of a box against a side wall: (top, aisle side, near end)."""
        def top(d: ImageDraw.ImageDraw, ss: int) -> None:
            d.polygon(sc([ppt(s0, xwall, ytop), ppt(s1, xwall, ytop), ppt(s1, xin, ytop), ppt(s0, xin, ytop)], ss), fill=255)

        def side(d: ImageDraw.ImageDraw, ss: int) -> None:
            d.polygon(sc([ppt(s0, xin, ytop), ppt(s1, xin, ytop), ppt(s1, xin, ybot), ppt(s0, xin, ybot)], ss), fill=255)

        def end(d: ImageDraw.ImageDraw, ss: int) -> None:
            d.polygon(sc([ppt(s1, xwall, ytop), ppt(s1, xin, ytop), ppt(s1, xin, ybot), ppt(s1, xwall, ybot)], ss), fill=255)

        return shapes(top, 2), shapes(side, 2), shapes(end, 2)

    # the bunk: mattress box, a blanket thrown over its far half, a pillow
    top_, side_, end_ = box(0.66, 1.06, -0.6, -0.93, 0.3, 0.72)
    img = paint(img, side_, mix(HABITAT["dark"], HABITAT["brown"], 0.6))
    img = paint(img, end_, HABITAT["dark"], 0.95)
    img = paint(img, top_, mix(HABITAT["brown"], HABITAT["clay"], 0.55))
    img = img + np.clip(top_ - shift(top_, 0, 2), 0, 1)[..., None] * rgb(HABITAT["lamp"]) * 0.3
    bt_, bs_, be_ = box(0.8, 1.065, -0.585, -0.94, 0.285, 0.46)
    drape = smoothstep(0.0, 1.0, np.sin(XX * 0.07) * 0.5 + 0.5) * 0.25
    img = paint(img, np.maximum(bs_, be_), mix(HABITAT["clay"], HABITAT["rose"], 0.12) * (1 - drape[..., None]))
    img = paint(img, bt_, mix(HABITAT["clay"], HABITAT["rose"], 0.45))
    pt_, ps_, pe_ = box(0.68, 0.76, -0.66, -0.9, 0.24, 0.3)
    img = paint(img, np.maximum(pt_, np.maximum(ps_, pe_)), mix(HABITAT["rose"], HABITAT["lamp"], 0.25), 0.9)
    # the console on the right, its screens on the wall above
    ct_, cs_, ce_ = box(0.64, 1.12, 0.6, 0.93, 0.22, 0.72)
    img = paint(img, cs_, mix(HABITAT["dark"], HABITAT["brown"], 0.5))
    img = paint(img, ce_, HABITAT["dark"], 0.95)
    img = paint(img, ct_, mix(HABITAT["brown"], HABITAT["clay"], 0.4))
    img = img + np.clip(ct_ - shift(ct_, 0, 2), 0, 1)[..., None] * rgb(HABITAT["screen"]) * 0.2

    def mug(d: ImageDraw.ImageDraw, ss: int) -> None:
        mx, my = ppt(0.98, 0.72, 0.22)
        d.rounded_rectangle(sorted_box(mx - 11, my - 26, mx + 11, my, ss), radius=3 * ss, fill=255)
        d.arc(sorted_box(mx + 6, my - 21, mx + 19, my - 8, ss), 270, 90, fill=255, width=3 * ss)

    mg = shapes(mug, ss=3)
    img = paint(img, mg, mix(HABITAT["clay"], HABITAT["rose"], 0.3))
    light += rim(mg, -1, -0.5, 1.5)[..., None] * rgb(HABITAT["lamp"]) * 0.5
    steam = fbm(r, 18, 3, sx=0.3, sy=2.0) * np.exp(-((XX - ppt(0.98, 0.72, 0.22)[0]) / 8.0) ** 2) * \
        smoothstep(ppt(0.98, 0.72, 0.22)[1] - 120, ppt(0.98, 0.72, 0.22)[1] - 40, YY) * (ppt(0.98, 0.72, 0.22)[1] - 28 > YY)
    img = img + blur(steam, 2.5)[..., None] * rgb(HABITAT["rose"]) * 0.35

    def bezels(d: ImageDraw.ImageDraw, ss: int) -> None:
        for s0, s1 in ((0.69, 0.84), (0.88, 1.06)):
            d.polygon(sc([ppt(s0, 0.96, -0.34), ppt(s1, 0.96, -0.34), ppt(s1, 0.96, 0.12), ppt(s0, 0.96, 0.12)], ss), fill=255)

    def screens(d: ImageDraw.ImageDraw, ss: int) -> None:
        for s0, s1 in ((0.7, 0.83), (0.89, 1.05)):
            d.polygon(sc([ppt(s0, 0.96, -0.3), ppt(s1, 0.96, -0.3), ppt(s1, 0.96, 0.08), ppt(s0, 0.96, 0.08)], ss), fill=255)

    img = paint(img, shapes(bezels, ss=2), HABITAT["dark"])
    scn = shapes(screens, ss=3)
    img = paint(img, scn, mix(HABITAT["dark"], HABITAT["screen"], 0.18))
    # abstract read-outs: a waveform band and a few level bars
    wave = np.exp(-((YY - (vy - 40 + 9 * np.sin(XX * 0.09 + XX * XX * 0.00004) * np.sin(XX * 0.023))) / 1.2) ** 2)
    lv = (np.sin(XX * 0.35) > 0.2) & (vy + 0.02 * B + 10 - 28 * fbm(r, 12, 2, sx=0.2) < YY) & (vy + 0.05 * B + 12 > YY)
    light += (scn * 0.16 + scn * wave * 0.6 + scn * lv * 0.3)[..., None] * rgb(HABITAT["screen"]) * hour.screens
    img = img + (radial(1060, 300, 220, 180) * (1 - scn))[..., None] * rgb(HABITAT["screen"]) * 0.05 * hour.screens

    # shelves above the bunk with a few boxes and a small radio
    def shelf(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.polygon(sc([ppt(0.72, -0.99, -0.3), ppt(1.2, -0.99, -0.3), ppt(1.2, -0.84, -0.3), ppt(0.72, -0.84, -0.3)], ss), fill=255)
        d.polygon(sc([ppt(0.72, -0.84, -0.3), ppt(1.2, -0.84, -0.3), ppt(1.2, -0.84, -0.27), ppt(0.72, -0.84, -0.27)], ss), fill=255)
        for sv, hgt, wdt in ((0.76, 0.14, 0.05), (0.84, 0.09, 0.08), (0.98, 0.17, 0.04), (1.08, 0.1, 0.07)):
            a_ = ppt(sv, -0.86, -0.3)
            b_ = ppt(sv + wdt, -0.86, -0.3 - hgt)
            d.rectangle(sorted_box(a_[0], a_[1], b_[0], b_[1], ss), fill=255)

    sh = shapes(shelf, ss=2)
    img = paint(img, sh, mix(HABITAT["dark"], HABITAT["brown"], 0.6))
    img = img + np.clip(sh - shift(sh, -2, 0), 0, 1)[..., None] * rgb(HABITAT["lamp"]) * 0.3

    # a round woven rug on the floor between the bunk and the console
    rug = np.clip((1.0 - np.sqrt(((XX - 630) / 250.0) ** 2 + ((YY - 548) / 46.0) ** 2)) * 60 + 0.5, 0, 1) * fl
    rug_in = np.clip((1.0 - np.sqrt(((XX - 630) / 222.0) ** 2 + ((YY - 548) / 39.0) ** 2)) * 60 + 0.5, 0, 1) * fl
    img = paint(img, rug, mix(HABITAT["brown"], HABITAT["clay"], 0.45), 0.55)
    img = paint(img, rug_in, mix(HABITAT["brown"], HABITAT["clay"], 0.25), 0.55)
    weave = (np.sin(np.sqrt(((XX - 630) / 250.0) ** 2 + ((YY - 548) / 46.0) ** 2) * 60) > 0.6) * rug_in
    img = img * (1 - (weave * 0.06)[..., None])
    # pendant lamps hanging on the centre line, warm pools on the floor
    lamps = np.zeros_like(img)
    for sv, ux in ((0.74, 0.16), (1.05, -0.2)):
        lx, top_y = ppt(sv, ux, -0.98)
        _, ly = ppt(sv, ux, -0.62)
        def pend(d: ImageDraw.ImageDraw, ss: int, lx: float = lx, top_y: float = top_y, ly: float = ly, sv: float = sv) -> None:
            d.line(sc([(lx, top_y), (lx, ly)], ss), fill=255, width=max(1, int(1.5 * ss)))
            w_ = 26 * sv
            d.polygon(sc([(lx - w_ * 0.35, ly), (lx + w_ * 0.35, ly), (lx + w_, ly + w_ * 0.7), (lx - w_, ly + w_ * 0.7)], ss), fill=255)

        pm = shapes(pend, ss=3)
        img = paint(img, pm, HABITAT["dark"])
        lamps += radial(lx, ly + 26 * sv * 0.72, 12 * sv, 4 * sv)[..., None] * rgb(HABITAT["lamp"]) * 1.4 * hour.lamps
        cone = dusty_beam(lx, ly + 10 * sv, math.pi / 2, 0.55, 260 * sv, soft_start=6)
        img = img + cone[..., None] * rgb(HABITAT["lamp"]) * 0.12 * hour.lamps
        fx, fy = ppt(sv, ux, 0.72)
        img = img + (radial(fx, fy, 190 * sv, 36 * sv) * fl)[..., None] * rgb(HABITAT["lamp"]) * 0.22 * hour.lamps
    if hour.strip:  # emergency light only: one strip of amber along the floor, where floor meets wall
        def strips(d: ImageDraw.ImageDraw, ss: int) -> None:
            d.line(sc([ppt(back + 0.02, 0.0, 0.72), ppt(1.75, 0.0, 0.72)], ss), fill=255, width=max(1, int(3 * ss)))

        strip = shapes(strips, ss=3) * smoothstep(back, back + 0.05, s)
        lamps += strip[..., None] * rgb("#ffb454") * 1.2 * hour.strip
        img = img + (blur(strip, 30) * 3.0)[..., None] * rgb("#ffb454") * 0.25 * hour.strip
    img = glow(img, lamps, ((3, 0.8), (14, 0.6), (50, 0.5)))
    img = glow(img, light, ((2, 0.5), (10, 0.4), (36, 0.3)))
    # a soft floating dust in the window light
    dust = (r.random((H, W)) > 0.9992).astype(np.float32) * radial(vx, vy, 420, 300)
    img = img + blur(dust, 1.0)[..., None] * rgb(HABITAT["lamp"]) * 0.6 * hour.wash
    vign = smoothstep(0.55, 1.3, np.sqrt(((XX - 640) / 700) ** 2 + ((YY - 320) / 460) ** 2))
    img = paint(img, vign, HABITAT["dark"], 0.55)
    return img


PICTURES = (
    Picture("habitat_interior", habitat_interior,
            "Mars habitat interior: ribbed module, pendant lamps, bunk, screens, a window on the plain",
            look=space_look),
    Picture("habitat_night", habitat_night,
            "the habitat at night: the window dark, stars and Earth a blue point in it, the pendant lamps warm",
            look=space_look),
    Picture("habitat_blackout", habitat_blackout,
            "the habitat in the storm's blackout: lamps and screens off, the window only dust, one strip of amber "
            "emergency light along the floor", look=space_look),
)
