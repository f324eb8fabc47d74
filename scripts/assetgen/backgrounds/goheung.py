"""Goheung seen from the families' side: the launch over the sea an hour after dawn (the rocket climbing
on its flame, "a second sun standing up out of the sea", the crowd at the shore railing far off), and the
long bright hall where the families wait behind glass, at dawn before the launch and in the morning of
the return (one hall; the gate in the glass, the guard, the line painted on the floor).
"""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageFont

from ..raster.blur import blur
from ..raster.colour import mix, rgb
from ..raster.compose import below, calm_bottom, paint, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial
from ..raster.noise import fbm, line_noise
from ..raster.vector import Sketch
from ..seeds import rng
from ..sources import BOLD
from .city import person
from .launch import DAWN
from .picture import Picture, space_look

# Where things sit (px in the 1280 x 720 frame)
SEA = 392.0  # the sea's horizon (high: the text box covers the lowest third)
SUN = (250.0, 370.0)  # the sun, an hour up, low over the sea on the left
PAD = (860.0, 386.0)  # the launch pad on the far headland
ROCKET = (905.0, 160.0)  # the rocket at the head of its plume (the launch view)
SHORE = 478.0  # the viewing terrace's railing (the launch view)


def launch_view(name: str, rocket: tuple[float, float] | None = ROCKET, morning: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Sky, sea, the far headland with the pad and, if ``rocket`` is given, the rocket climbing on its plume.
    ``morning`` 0 is an hour after dawn (peach), 1 a clear morning a few hours on. Returns (picture, light)."""
    r = rng(f"goheung:{name}")
    m = morning
    top = mix(mix(DAWN["dusk"], DAWN["lavender"], 0.35), "#6f9ccc", m)
    low = mix(DAWN["peach"], "#e9eef2", m)
    img = vgrad([(0.0, top), (0.42, mix(DAWN["lavender"], "#9fc1df", m)), (SEA / H * 0.9, low), (SEA / H, mix(DAWN["cream"], "#f1f2ea", m)),
                 (1.0, DAWN["night"])])
    sx, sy = SUN[0], SUN[1] - 150 * m
    img += radial(sx, sy, 360, 160)[..., None] * rgb(DAWN["cream"]) * (0.35 - 0.2 * m)
    light = np.zeros_like(img)
    light += radial(sx, sy, 22, power=6)[..., None] * rgb(DAWN["paper"]) * 1.5
    light += radial(sx, sy, 70)[..., None] * rgb(DAWN["cream"]) * 0.35
    # long thin clouds
    cl = smoothstep(0.55, 0.8, fbm(r, 320, 5, sx=6.0, sy=0.55)) * smoothstep(80, 170, YY) * (1 - smoothstep(SEA - 110, SEA - 40, YY))
    img = paint(img, blur(cl, 2.0), mix(mix(DAWN["lavender"], DAWN["peach"], 0.5), "#f4f1ea", m * 0.6), 0.6)
    # the sea, and the sun's glitter path on it
    sea = (YY > SEA).astype(np.float32)
    seacol = vgrad([(0.0, DAWN["lavender"]), (SEA / H, mix(DAWN["peach"], "#cfdde8", m)), (0.8, mix(DAWN["dusk"], "#3f6f96", m)),
                    (1.0, DAWN["night"])])
    img = img * (1 - sea[..., None]) + seacol * sea[..., None]
    rip = fbm(r, 50, 4, sx=9.0, sy=0.22)
    for px, k in ((sx, 1.0), ((rocket or PAD)[0], 0.6 if rocket else 0.0)):
        path = np.exp(-((XX - px) / (60 + np.maximum(YY - SEA, 0) * 0.9)) ** 2) * sea * np.exp(-(YY - SEA) / 60)
        img += (smoothstep(0.45, 0.8, rip) * path)[..., None] * rgb(DAWN["cream"]) * 1.1 * k
    # the far headland with the launch complex
    head = SEA - 6 - 26 * smoothstep(560, 760, XX[0]) * (1 - smoothstep(1100, 1280, XX[0])) - 8 * line_noise(r, 200, 3)
    land = below(head, 1.0) * (XX > 520) * (YY < SEA + 3)
    img = paint(img, land, mix(mix(DAWN["dusk"], DAWN["lavender"], 0.45), "#6d7f98", m))
    far = Sketch()
    px, py = PAD
    col = mix(DAWN["dusk"], "#4f607a", m)
    far.rect(px - 8, py - 70, px - 3, py, col)  # the tower
    for k in range(7):
        far.line([(px - 8, py - k * 10), (px - 3, py - k * 10 - 10)], 1.0, col, caps=False)
    for x0, w_, h_ in ((700, 60, 10), (780, 30, 16), (960, 70, 9), (1040, 26, 13)):
        far.rect(x0, py + 6 - h_, x0 + w_, py + 6, col)
    for mx_ in (820, 900):
        far.line([(mx_, py + 4), (mx_, py - 64)], 1.2, col, caps=False)
    if rocket is None:  # on the pad, waiting
        far.rrect(px + 2, py - 66, px + 12, py, 4, mix(DAWN["lavender"], "#f4f1ea", 0.4 + 0.3 * m))
    pm, a = far.base()
    img = img * (1 - a[..., None]) + pm
    if rocket is not None:
        img, light = _plume(r, img, light, rocket)
    return img, light


def _plume(r: np.random.Generator, img: np.ndarray, light: np.ndarray, rocket: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """The rocket on its flame, the exhaust column curving down to the pad, lit gold from inside."""
    rx, ry = rocket
    px, py = PAD
    column = Sketch(emission=False)  # the exhaust column, thin at the flame, billowing wide at the pad
    pts = []
    for i in range(41):
        t = i / 40
        pts.append((px + (rx - px) * t ** 1.5 + 8 * math.sin(t * 4.0), py - 8 + (ry - py + 8) * t))
    for (x0, y0), (x1, y1), t in zip(pts, pts[1:], np.linspace(0, 1, 40)):
        column.line([(x0, y0), (x1, y1)], 4 + 34 * (1 - t) ** 1.8, "#ffffff")
    column.ellipse(px, py - 6, 110, 18, "#ffffff")  # the ground cloud spreading over the pad
    billow = fbm(r, 16, 4)
    plume = blur(column.mask(), 2.5) * (0.8 + 0.3 * billow)
    plume = np.clip(plume, 0, 1)
    lit = radial(rx, ry + 30, 40, 180)
    pcol = rgb(DAWN["paper"]) * (0.8 + 0.2 * billow[..., None]) * (1 - lit[..., None] * 0.3) + rgb(DAWN["peach"]) * lit[..., None] * 0.45
    shadow_side = smoothstep(-6, 10, XX - (px + (rx - px) * np.clip((py - YY) / (py - ry), 0, 1) ** 1.5))
    pcol = pcol * (1 - shadow_side[..., None] * 0.16) + rgb(DAWN["lavender"]) * shadow_side[..., None] * 0.16
    img = img * (1 - plume[..., None]) + pcol * plume[..., None]
    body = Sketch()
    body.rrect(rx - 4, ry - 42, rx + 4, ry, 3, mix(DAWN["paper"], DAWN["lavender"], 0.25))
    body.poly([(rx - 4, ry - 40), (rx, ry - 52), (rx + 4, ry - 40)], mix(DAWN["paper"], DAWN["lavender"], 0.25))
    pm, a = body.base()
    img = img * (1 - a[..., None]) + pm
    # the flame: a second sun
    light += radial(rx, ry + 8, 4, 10, power=2.5)[..., None] * rgb(DAWN["paper"]) * 2.0
    light += radial(rx, ry + 12, 12, 24)[..., None] * rgb(DAWN["peach"]) * 0.9
    light += radial(rx, ry + 16, 80)[..., None] * rgb(DAWN["peach"]) * 0.15
    return img, light


def goheung_launch(name: str) -> np.ndarray:
    """The launch from the viewing terrace: the rocket climbing over the sea, the crowd at the railing below."""
    r = rng(name)
    img, light = launch_view(name)
    # the viewing terrace: a dark lawn, the railing, the crowd, the lamp posts
    near = Sketch()
    ground = SHORE - 8 + 6 * line_noise(r, 400, 3)
    img = paint(img, below(ground + 18, 1.0), mix(DAWN["night"], DAWN["dusk"], 0.5))
    crowd_col = mix(DAWN["night"], DAWN["dusk"], 0.35)
    for _ in range(90):
        x = float(r.uniform(-20, W + 20))
        y = float(SHORE + 14 + r.uniform(-4, 10))
        person(near, x, y, float(r.uniform(34, 46)), crowd_col, r)
    near.line([(-10, SHORE - 14), (W + 10, SHORE - 18)], 2.5, mix(DAWN["night"], DAWN["dusk"], 0.6), caps=False)
    for x in range(10, W, 60):
        near.line([(x, SHORE - 16), (x, SHORE + 6)], 2.0, mix(DAWN["night"], DAWN["dusk"], 0.6), caps=False)
    pm, a = near.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + near.light()
    img += (a * radial(ROCKET[0], ROCKET[1], 700, 300))[..., None] * rgb(DAWN["peach"]) * 0.06
    # the foreground: a calm dark slope where the text box sits
    fg = below(640 + 20 * line_noise(r, 600, 3), 1.0)
    img = paint(img, fg, DAWN["night"], 0.9)
    img = glow(img, light, ((2, 0.7), (10, 0.5), (40, 0.35), (120, 0.15)))
    out: np.ndarray = vignette(img, DAWN["night"], 0.4, rx=720, ry=470)
    return out


PICTURES: tuple[Picture, ...] = (
    Picture("goheung_launch", goheung_launch,
            "the launch seen from Goheung's viewing terrace an hour after dawn: the rocket climbing on its flame over "
            "the sea, the crowd at the railing far below", look=space_look),
)


class Hall:
    """The families' hall in one-point perspective: camera at (0, EYE, 0) looking down +z."""

    F, CX, CY, EYE = 640.0, 640.0, 300.0, 1.6
    LEFT, GLASS, RIGHT, CEIL, END = -5.0, 1.8, 6.0, 4.8, 22.0  # walls (x), ceiling (y), the far wall (z)
    GATE = (11.0, 13.6)  # the gap in the glass (z)

    def P(self, x: float, y: float, z: float, mirror: bool = False) -> tuple[float, float]:
        yy = -y if mirror else y
        return self.CX + self.F * x / z, self.CY - self.F * (yy - self.EYE) / z

    def quad(self, pts: list[tuple[float, float, float]], mirror: bool = False) -> list[tuple[float, float]]:
        return [self.P(x, y, z, mirror) for x, y, z in pts]


def _outside(dawn: bool) -> np.ndarray:
    """What the hall's windows show: the sky over the sea, its horizon at eye level (screen space)."""
    hz = Hall.CY
    if dawn:
        sky = vgrad([(0.0, DAWN["night"]), (0.2, DAWN["dusk"]), (0.34, DAWN["lavender"]), (hz / H, DAWN["cream"]), (1.0, DAWN["dusk"])])
        sky += radial(1000, hz, 420, 120)[..., None] * rgb(DAWN["peach"]) * 0.5
    else:  # the return: early morning, the sun just up over the sea (06:40 in February)
        sky = vgrad([(0.0, "#7f93bd"), (0.3, "#b4b6d0"), (hz / H, "#f3d9bd"), (1.0, "#3f6f96")])
        sky += radial(260, hz - 14, 380, 150)[..., None] * rgb("#ffe2bc") * 0.45
    sea = (hz < YY).astype(np.float32)
    seacol = vgrad([(0.0, "#000000"), (hz / H, DAWN["peach"] if dawn else "#e6d2c2"), (1.0, DAWN["dusk"] if dawn else "#56739a")])
    out = sky * (1 - sea[..., None]) + seacol * sea[..., None]
    # the far headland with the pad's tower: at dawn the rocket stands beside it, white against the sky
    far = Sketch(emission=False)
    land = mix(DAWN["dusk"], DAWN["lavender"], 0.3) if dawn else "#6d7f98"
    far.poly([(40, hz + 2), (90, hz - 10), (200, hz - 14), (300, hz - 6), (340, hz + 2)], land)
    far.rect(176, hz - 40, 180, hz - 10, land)
    if dawn:
        far.rrect(184, hz - 44, 191, hz - 10, 3, mix(DAWN["paper"], DAWN["lavender"], 0.3))
    pm, a = far.base()
    view: np.ndarray = out * (1 - a[..., None]) + pm
    return view


def hall(name: str, dawn: bool) -> np.ndarray:
    """The long bright hall where the families wait behind glass: windows over the sea on the left, the glass
    wall on the right with its one gap (the gate, a guard, a line painted on the floor), the crew's corridor
    beyond it, and the sign over the far doors."""
    r = rng("goheung:hall")
    hl = Hall()
    L_, G_, R_, C_, E_ = hl.LEFT, hl.GLASS, hl.RIGHT, hl.CEIL, hl.END
    z0 = 1.2
    wall = mix("#c3cad5", DAWN["lavender"], 0.35) if dawn else mix("#cfd5db", DAWN["peach"], 0.12)
    shade = mix(wall, DAWN["night"], 0.35)
    img = _outside(dawn)
    light = np.zeros_like(img)
    S = Sketch()
    # the window wall on the left: a low wall under tall panes, mullions every 2.5 m
    S.poly(hl.quad([(L_, 0, z0), (L_, 0.7, z0), (L_, 0.7, E_), (L_, 0, E_)]), shade)
    S.poly(hl.quad([(L_, 4.1, z0), (L_, C_, z0), (L_, C_, E_), (L_, 4.1, E_)]), shade)
    for z in np.arange(z0 + 0.5, E_, 2.5):
        S.poly(hl.quad([(L_, 0.7, z), (L_, 4.1, z), (L_, 4.1, z + 0.18), (L_, 0.7, z + 0.18)]), mix(shade, DAWN["night"], 0.3))
    # the ceiling with its light strips, the far wall with its doors and sign, the floor
    S.poly(hl.quad([(L_, C_, z0), (R_, C_, z0), (R_, C_, E_), (L_, C_, E_)]), mix(wall, DAWN["night"], 0.15))
    S.poly(hl.quad([(L_, 0, E_), (R_, 0, E_), (R_, C_, E_), (L_, C_, E_)]), mix(wall, DAWN["lavender"] if dawn else "#f4f1ea", 0.2))
    for dx in (-3.2, -1.0):
        S.poly(hl.quad([(dx, 0, E_ - 0.01), (dx + 1.6, 0, E_ - 0.01), (dx + 1.6, 2.4, E_ - 0.01), (dx, 2.4, E_ - 0.01)]),
               mix(shade, DAWN["night"], 0.2))
    floor = mix("#9aa3b0", DAWN["dusk"], 0.45) if dawn else "#aeb5bd"
    S.poly(hl.quad([(L_, 0, z0), (R_, 0, z0), (R_, 0, E_), (L_, 0, E_)]), floor)
    for x in np.arange(L_ + 1, R_, 1.0):  # floor tiles, running away from us
        S.line(hl.quad([(x, 0, z0), (x, 0, E_)]), 1.0, mix(floor, DAWN["night"], 0.1), caps=False)
    # the crew's side beyond the glass: brighter, its own strip of light
    S.poly(hl.quad([(G_, 0, z0), (R_, 0, z0), (R_, 0, E_), (G_, 0, E_)]), mix(floor, "#f4f1ea", 0.25))
    crew = mix("#27385f", wall, 0.35)  # the crew side's wall: the agency's navy, a teal stripe at eye level
    S.poly(hl.quad([(R_, 0, z0), (R_, C_, z0), (R_, C_, E_), (R_, 0, E_)]), crew)
    S.poly(hl.quad([(R_, 1.5, z0), (R_, 1.7, z0), (R_, 1.7, E_), (R_, 1.5, E_)]), mix("#2fb3a8", wall, 0.3))
    # the painted line across the gap, and the guard's podium just past it
    ga, gb = hl.GATE
    S.poly(hl.quad([(0.2, 0.0, ga + 1.1), (G_ + 1.8, 0.0, ga + 1.1), (G_ + 1.8, 0.0, ga + 1.35), (0.2, 0.0, ga + 1.35)]), "#ffcf5a")
    S.poly(hl.quad([(G_ + 0.4, 0, gb + 0.2), (G_ + 1.4, 0, gb + 0.2), (G_ + 1.4, 1.1, gb + 0.2), (G_ + 0.4, 1.1, gb + 0.2)]),
           mix(shade, DAWN["night"], 0.25))
    pm, a = S.base()
    img = img * (1 - a[..., None]) + pm
    # the low sun through the left windows, laid across the floor in long bright panes
    sun = Sketch(emission=False)
    for z in np.arange(z0 + 0.68, E_ - 2.5, 2.5):
        sun.poly(hl.quad([(L_, 0, z), (L_ + 3.2, 0, z + 1.6), (L_ + 3.2, 0, z + 3.7), (L_, 0, z + 2.32)]), "#ffffff")
    sm = blur(sun.mask(), 1.5) * (YY > hl.CY)
    warm = rgb(DAWN["peach"]) if dawn else rgb("#ffe2bc")
    img = img * (1 - sm[..., None] * 0.25) + warm * sm[..., None] * 0.25 * 1.15
    for dx in (-3.6, -1.2, 3.8):  # the light strips: emission
        strip = hl.quad([(dx, C_ - 0.01, z0 + 0.3), (dx + 0.3, C_ - 0.01, z0 + 0.3), (dx + 0.3, C_ - 0.01, E_ - 0.3), (dx, C_ - 0.01, E_ - 0.3)])
        Ls = Sketch()
        Ls.poly(strip, "#f4f1ea", rgb("#f4f1ea") * 0.9)
        pm, a = Ls.base()
        img = img * (1 - a[..., None]) + pm
        light += Ls.light()
    # the sign over the far doors: the two words of the hall, Korean and English, facing us
    Lt = Sketch()
    sx0, sy0 = hl.P(-3.9, 3.75, E_ - 0.02)
    sx1, sy1 = hl.P(1.5, 2.75, E_ - 0.02)
    Lt.rect(sx0, sy0, sx1, sy1, DAWN["night"])
    word = "출발 · DEPARTURES" if dawn else "도착 · ARRIVALS"
    _sign_text(Lt, word, (sx0 + sx1) / 2, (sy0 + sy1) / 2, (sy1 - sy0) * 0.58)
    pm, a = Lt.base()
    img = img * (1 - a[..., None]) + pm
    light += Lt.light()
    # the families along the glass, and a guard at the gap
    crowd = Sketch()
    people = sorted(((float(r.uniform(7.0, 20.0)), float(r.uniform(0.2, 1.4))) for _ in range(26)), reverse=True)
    for z, x in people:
        if ga - 0.4 < z < gb + 0.6:
            continue
        px, py = hl.P(x, 0, z)
        c = mix(mix(DAWN["dusk"], DAWN["night"], 0.3), wall, min(0.5, z / 40))
        person(crowd, px, py, float(r.uniform(1.55, 1.85)) * hl.F / z, c, r)
    gx, gy = hl.P(G_ + 0.9, 0, gb + 0.6)
    person(crowd, gx, gy, 1.8 * hl.F / (gb + 0.6), mix(DAWN["night"], "#27385f", 0.5), r)
    pm, a = crowd.base()
    img = img * (1 - a[..., None]) + pm
    # the glass wall: mullions every 2 m (none in the gap), a faint sheen on the panes
    Gm = Sketch()
    for z in np.arange(z0 + 0.8, E_, 2.0):
        if ga - 0.2 < z < gb + 0.2:
            continue
        Gm.poly(hl.quad([(G_, 0, z), (G_, C_, z), (G_, C_, z + 0.08), (G_, 0, z + 0.08)]), mix(shade, DAWN["night"], 0.35))
    for z in (ga, gb):
        Gm.poly(hl.quad([(G_, 0, z), (G_, C_, z), (G_, C_, z + 0.2), (G_, 0, z + 0.2)]), mix(shade, DAWN["night"], 0.45))
    pm, a = Gm.base()
    img = img * (1 - a[..., None]) + pm
    panes = Sketch(emission=False)
    for za, zb in ((z0, ga), (gb + 0.2, E_)):
        panes.poly(hl.quad([(G_, 0, za), (G_, C_, za), (G_, C_, zb), (G_, 0, zb)]), "#ffffff")
    pmask = panes.mask()
    img = img * (1 - pmask[..., None] * 0.14) + rgb(mix("#cfe9ff", wall, 0.5)) * pmask[..., None] * 0.14
    # the polished floor: the windows and strips mirrored, softly
    fy = (YY > hl.CY + 4).astype(np.float32)
    mirror = img[np.clip((2 * hl.CY - YY).astype(int), 0, H - 1), XX.astype(int)]
    img = img * (1 - fy[..., None] * 0.18) + blur(mirror, 6, 2) * fy[..., None] * 0.18
    img = glow(img, light, ((2, 0.6), (10, 0.4), (40, 0.25)))
    img = calm_bottom(img, DAWN["night"], 0.3, 0.72)
    return vignette(img, DAWN["night"], 0.3, rx=760, ry=480)


def _sign_text(L: Sketch, text: str, cx: float, cy: float, size: float) -> None:
    """A line of sign text centred at (cx, cy), lit (the hall's sign glows)."""
    font = ImageFont.truetype(str(BOLD), max(6, int(size * L.s)))
    x0, y0, x1, y1 = font.getbbox(text)
    w, h = (x1 - x0) / L.s, (y1 - y0) / L.s
    at = ((cx - w / 2) * L.s - x0, (cy - h / 2) * L.s - y0)
    L.d.text(at, text, font=font, fill=(244, 241, 234, 255))
    if L.de is not None:
        L.de.text(at, text, font=font, fill=(150, 140, 120))


def goheung_gate_dawn(name: str) -> np.ndarray:
    return hall(name, dawn=True)


def goheung_arrivals(name: str) -> np.ndarray:
    return hall(name, dawn=False)


PICTURES += (
    Picture("goheung_gate_dawn", goheung_gate_dawn,
            "Goheung at dawn, the families' hall before the launch: windows over the sea, the glass wall with its one "
            "gap (the gate, a guard, the line on the floor), the sign 출발 · DEPARTURES", look=space_look),
    Picture("goheung_arrivals", goheung_arrivals,
            "Goheung early in the morning, the same hall for the return: families along the glass, the gate, the sign "
            "도착 · ARRIVALS, the sun just up over the sea", look=space_look),
)
