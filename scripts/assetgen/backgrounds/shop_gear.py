"""The old audio gear that fills Jay's shop (radios, reel decks, speakers, amps, cassette decks,
records, tubes, the desk lamp, headphones, the turntable) and the keyboard under its dust sheet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..raster.colour import LIGHTEST, Colour, mix, rgb
from ..raster.vector import Sketch
from ..seeds import choice

SHOP = {"dark": "#1a1210", "brown": "#3b2618", "wood": "#7a4a2a", "tan": "#d08a4a", "amber": "#ffc27a",
        "cream": "#f4e3c3"}


def knob(L: Sketch, x: float, y: float, rad: float, col: Colour, hi: Colour) -> None:
    L.ellipse(x, y, rad, rad, col)
    L.ellipse(x - rad * 0.25, y - rad * 0.25, rad * 0.45, rad * 0.45, hi)


def dial_glow(L: Sketch, x0: float, y0: float, x1: float, y1: float, lit: float, face: Colour, needle: Colour,
              round_top: bool = False) -> None:
    """A tuning dial: a warm window (emission scaled by ``lit``), scale ticks and a needle."""
    em = rgb(SHOP["amber"]) * lit * 0.55
    if round_top:
        L.ellipse((x0 + x1) / 2, y1, (x1 - x0) / 2, (y1 - y0), face, em)
        L.rect(x0 - 1, y1, x1 + 1, y1 + (y1 - y0) + 2, None, None, base=False)
    else:
        L.rrect(x0, y0, x1, y1, min(x1 - x0, y1 - y0) * 0.3, face, em)
    n = 9
    for i in range(n):
        t = i / (n - 1)
        x = x0 + (x1 - x0) * (0.1 + 0.8 * t)
        L.line([(x, y0 + (y1 - y0) * 0.25), (x, y0 + (y1 - y0) * (0.4 if i % 2 else 0.5))], 0.8, needle, em * 0.5, caps=False)
    nx = x0 + (x1 - x0) * 0.62
    L.line([(nx, y0 + 2), (nx, y1 - 1)], 1.1, "#b0402a", rgb("#ff7a4a") * lit * 0.6, caps=False)


def cathedral_radio(L: Sketch, x: float, base: float, w: float, h: float, case: Colour, lit: float) -> None:
    """A 1930s arch-topped valve radio: cloth grille with fretwork, a glowing dial, three knobs."""
    S = SHOP
    L.rect(x, base - h * 0.62, x + w, base, case)
    L.ellipse(x + w / 2, base - h * 0.62, w / 2, h * 0.38, case)
    gx0, gx1 = x + w * 0.16, x + w * 0.84
    L.rect(gx0, base - h * 0.6, gx1, base - h * 0.36, S["cream"])
    L.ellipse(x + w / 2, base - h * 0.6, (gx1 - gx0) / 2, h * 0.28, S["cream"])
    for k in range(5):  # fretwork
        fx = gx0 + (gx1 - gx0) * (k + 0.5) / 5
        L.line([(fx, base - h * 0.84 + abs(k - 2) * h * 0.05), (fx, base - h * 0.37)], max(1.2, w * 0.05), case, caps=False)
    dial_glow(L, x + w * 0.3, base - h * 0.3, x + w * 0.7, base - h * 0.19, lit, mix(S["cream"], S["amber"], 0.4),
              S["brown"], round_top=True)
    for k in range(3):
        knob(L, x + w * (0.27 + 0.23 * k), base - h * 0.09, w * 0.055, S["dark"], S["wood"])


def table_radio(L: Sketch, x: float, base: float, w: float, h: float, case: Colour, lit: float,
                grille: Colour | None = None) -> None:
    """A wide valve table radio: slatted grille on the left, round dial on the right."""
    S = SHOP
    L.rrect(x, base - h, x + w, base, h * 0.18, case)
    L.rrect(x + w * 0.06, base - h * 0.84, x + w * 0.54, base - h * 0.16, h * 0.08, grille or S["cream"])
    for k in range(6):
        y = base - h * 0.78 + k * h * 0.11
        L.line([(x + w * 0.08, y), (x + w * 0.52, y)], max(1.0, h * 0.035), case, caps=False)
    cx, cy, rad = x + w * 0.76, base - h * 0.56, min(w * 0.17, h * 0.3)
    L.ellipse(cx, cy, rad, rad, mix(S["cream"], S["amber"], 0.4), rgb(S["amber"]) * lit * 0.5)
    for k in range(12):
        a = math.pi * (0.8 + 1.4 * k / 11)
        L.line([(cx + math.cos(a) * rad * 0.62, cy + math.sin(a) * rad * 0.62),
                (cx + math.cos(a) * rad * 0.85, cy + math.sin(a) * rad * 0.85)], 0.8, S["brown"], rgb(S["amber"]) * lit * 0.3, caps=False)
    L.line([(cx, cy), (cx + rad * 0.7, cy - rad * 0.5)], 1.1, "#b0402a", rgb("#ff7a4a") * lit * 0.5)
    knob(L, x + w * 0.68, base - h * 0.16, h * 0.08, S["dark"], S["wood"])
    knob(L, x + w * 0.86, base - h * 0.16, h * 0.08, S["dark"], S["wood"])


def reel_deck(L: Sketch, x: float, base: float, w: float, h: float, case: Colour, lit: float) -> None:
    """A reel-to-reel tape deck standing upright: two reels, the tape path, heads, VU meters, keys."""
    S = SHOP
    L.rrect(x, base - h, x + w, base, 4, case)
    L.rect(x + w * 0.05, base - h * 0.95, x + w * 0.95, base - h * 0.38, mix(case, S["dark"], 0.4))
    rr = w * 0.2
    for cx in (x + w * 0.27, x + w * 0.73):
        cy = base - h * 0.74
        L.ellipse(cx, cy, rr, rr, mix(S["cream"], S["tan"], 0.3))
        L.ellipse(cx, cy, rr * 0.78, rr * 0.78, S["brown"])
        L.ellipse(cx, cy, rr * 0.34, rr * 0.34, mix(S["cream"], S["tan"], 0.3))
        for k in range(3):
            a = k * 2 * math.pi / 3 + 0.4
            L.ellipse(cx + math.cos(a) * rr * 0.55, cy + math.sin(a) * rr * 0.55, rr * 0.15, rr * 0.15, case)
        L.ellipse(cx, cy, rr * 0.09, rr * 0.09, S["dark"])
    L.line([(x + w * 0.27 - rr * 0.6, base - h * 0.74 + rr * 0.8), (x + w * 0.42, base - h * 0.47),
            (x + w * 0.58, base - h * 0.47), (x + w * 0.73 + rr * 0.6, base - h * 0.74 + rr * 0.8)], 1.2, S["brown"], caps=False)
    L.rect(x + w * 0.42, base - h * 0.5, x + w * 0.58, base - h * 0.42, mix(S["cream"], S["tan"], 0.5))
    for k in range(2):
        vx = x + w * (0.16 + 0.38 * k)
        L.rect(vx, base - h * 0.33, vx + w * 0.3, base - h * 0.21, mix(S["cream"], S["amber"], 0.5), rgb(S["amber"]) * lit * 0.55)
        L.line([(vx + w * 0.08, base - h * 0.22), (vx + w * 0.18, base - h * 0.31)], 0.9, S["dark"], caps=False)
    for k in range(5):
        L.rect(x + w * (0.12 + k * 0.16), base - h * 0.14, x + w * (0.24 + k * 0.16), base - h * 0.07, mix(S["cream"], S["tan"], 0.6))


def speaker(L: Sketch, x: float, base: float, w: float, h: float, case: Colour) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rect(x + w * 0.06, base - h * 0.96, x + w * 0.94, base - h * 0.04, mix(case, S["dark"], 0.45))
    r1 = w * 0.34
    L.ellipse(x + w / 2, base - h * 0.34, r1, r1, mix(S["brown"], S["dark"], 0.3))
    L.ellipse(x + w / 2, base - h * 0.34, r1 * 0.8, r1 * 0.8, S["dark"])
    L.ellipse(x + w / 2, base - h * 0.34, r1 * 0.22, r1 * 0.22, mix(S["brown"], S["wood"], 0.4))
    L.ellipse(x + w / 2, base - h * 0.76, w * 0.13, w * 0.13, mix(S["brown"], S["dark"], 0.3))
    L.ellipse(x + w / 2, base - h * 0.76, w * 0.06, w * 0.06, S["wood"])


def amplifier(L: Sketch, x: float, base: float, w: float, h: float, case: Colour, lit: float) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rect(x, base - h, x + w, base - h + 3, mix(case, S["cream"], 0.25))
    for k in range(2):
        vx = x + w * (0.08 + k * 0.26)
        L.rrect(vx, base - h * 0.8, vx + w * 0.22, base - h * 0.3, 2, mix(S["cream"], S["amber"], 0.45), rgb(S["amber"]) * lit * 0.6)
        L.arc(vx + w * 0.11, base - h * 0.3, w * 0.08, h * 0.35, 200, 340, 0.8, S["brown"], rgb(S["amber"]) * lit * 0.3, caps=False)
        L.line([(vx + w * 0.11, base - h * 0.32), (vx + w * (0.11 + 0.05 * (1 - 2 * k)), base - h * 0.7)], 1.0, S["dark"], caps=False)
    for k in range(4):
        knob(L, x + w * (0.64 + k * 0.1), base - h * 0.5, h * 0.15, mix(S["cream"], S["tan"], 0.5), S["cream"])


def cassette_deck(L: Sketch, x: float, base: float, w: float, h: float, case: Colour, lit: float) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rrect(x + w * 0.06, base - h * 0.8, x + w * 0.46, base - h * 0.2, 2, S["dark"])
    L.rect(x + w * 0.12, base - h * 0.62, x + w * 0.4, base - h * 0.42, mix(S["tan"], S["cream"], 0.3))
    for cx in (x + w * 0.19, x + w * 0.33):
        L.ellipse(cx, base - h * 0.52, h * 0.07, h * 0.07, S["dark"])
    L.rect(x + w * 0.55, base - h * 0.72, x + w * 0.9, base - h * 0.5, "#3a2a20", rgb(SHOP["amber"]) * lit * 0.7)
    for k in range(4):
        L.rect(x + w * (0.55 + k * 0.09), base - h * 0.35, x + w * (0.61 + k * 0.09), base - h * 0.22, mix(S["cream"], S["tan"], 0.6))


def records(L: Sketch, r: np.random.Generator, x: float, base: float, w: float, h: float, cols: Sequence[Colour]) -> None:
    """A row of LP sleeves standing on edge, leaning a little."""
    xx = x
    while xx < x + w:
        t = float(r.uniform(2.5, 5.0))
        lean = float(r.uniform(-3, 3))
        hh = h * float(r.uniform(0.93, 1.0))
        L.poly([(xx, base), (xx + t, base), (xx + t + lean, base - hh), (xx + lean, base - hh)], choice(r, cols))
        xx += t + 0.3


def tube(L: Sketch, x: float, base: float, w: float, h: float, lit: float) -> None:
    """A vacuum tube: a glass bottle with a glowing heater at its foot."""
    S = SHOP
    L.rect(x - w * 0.6, base - h * 0.12, x + w * 0.6, base, S["dark"])
    L.rrect(x - w / 2, base - h, x + w / 2, base - h * 0.1, w * 0.45, mix(S["brown"], S["cream"], 0.25),
            rgb(S["amber"]) * lit * 0.18)
    L.rect(x - w * 0.25, base - h * 0.55, x + w * 0.25, base - h * 0.2, mix(S["wood"], S["dark"], 0.3))
    L.ellipse(x, base - h * 0.25, w * 0.22, h * 0.08, "#ff9a5c", rgb("#ff8a4a") * lit * 1.4)


def desk_lamp(L: Sketch, bx: float, by: float, elbow: tuple[float, float], head: tuple[float, float], aim: float,
              col: Colour, lit: float) -> tuple[float, float]:
    """An articulated desk lamp; returns where its bulb is."""
    L.ellipse(bx, by - 4, 34, 8, col)
    L.rect(bx - 30, by - 8, bx + 30, by - 3, col)
    L.line([(bx, by - 8), elbow], 5, col)
    L.line([elbow, head], 5, col)
    L.ellipse(elbow[0], elbow[1], 6, 6, col)
    L.line([(bx - 6, by - 8), (elbow[0] - 6, elbow[1] + 3)], 1.2, col, caps=False)  # the spring
    hx, hy = head
    ca, sa = math.cos(aim), math.sin(aim)
    px, py = -sa, ca  # across the shade
    sh = [(hx - ca * 10 + px * 9, hy - sa * 10 + py * 9), (hx - ca * 10 - px * 9, hy - sa * 10 - py * 9),
          (hx + ca * 38 - px * 30, hy + sa * 38 - py * 30), (hx + ca * 38 + px * 30, hy + sa * 38 + py * 30)]
    L.poly(sh, col)
    bxp, byp = hx + ca * 36, hy + sa * 36
    L.ellipse(bxp, byp, 13, 13, SHOP["cream"], mix(SHOP["amber"], LIGHTEST, 0.5) * 1.6 * lit)
    L.poly([sh[2], sh[3], (sh[3][0] + ca * 2, sh[3][1] + sa * 2), (sh[2][0] + ca * 2, sh[2][1] + sa * 2)], col)
    L.line([sh[2], sh[3]], 3.5, mix(col, SHOP["amber"], 0.5), rgb(SHOP["amber"]) * lit * 0.8)
    return bxp, byp


def headphones(L: Sketch, x: float, y: float, s: float, col: Colour, pad: Colour) -> None:
    L.arc(x, y, s * 0.55, s * 0.5, 180, 360, s * 0.09, col)
    L.rrect(x - s * 0.7, y - s * 0.12, x - s * 0.38, y + s * 0.32, s * 0.12, col)
    L.rrect(x + s * 0.38, y - s * 0.12, x + s * 0.7, y + s * 0.32, s * 0.12, col)
    L.rect(x - s * 0.42, y - s * 0.06, x - s * 0.36, y + s * 0.26, pad)
    L.rect(x + s * 0.36, y - s * 0.06, x + s * 0.42, y + s * 0.26, pad)


def turntable(L: Sketch, x: float, top: float, w: float, case: Colour, lit: float) -> None:
    """A turntable seen a little from above: plinth, platter with a record, tonearm."""
    S = SHOP
    d = w * 0.28  # the depth of its top face on screen
    L.rect(x, top + d, x + w, top + d + w * 0.09, mix(case, S["dark"], 0.35))
    L.poly([(x + w * 0.03, top), (x + w * 0.97, top), (x + w, top + d), (x, top + d)], case)
    cx, cy = x + w * 0.4, top + d * 0.5
    L.ellipse(cx, cy + 2, w * 0.33, d * 0.42, S["dark"])
    L.ellipse(cx, cy, w * 0.32, d * 0.4, mix(S["dark"], S["brown"], 0.3))
    for k in (0.8, 0.62):
        L.arc(cx, cy, w * 0.32 * k, d * 0.4 * k, 200, 320, 0.8, mix(S["brown"], S["tan"], 0.3), caps=False)
    L.ellipse(cx, cy, w * 0.09, d * 0.11, S["tan"])
    L.ellipse(cx, cy, w * 0.012, d * 0.014, S["cream"])
    px, py = x + w * 0.86, top + d * 0.25
    L.ellipse(px, py, w * 0.04, d * 0.08, mix(S["cream"], S["tan"], 0.5))
    L.line([(px, py), (px - w * 0.05, top + d * 0.72), (cx + w * 0.2, cy + d * 0.22)], 2.0, mix(S["cream"], S["tan"], 0.4))
    L.rect(px + w * 0.01, py - 3, px + w * 0.06, py + 3, S["dark"])
    L.ellipse(x + w * 0.9, top + d * 0.8, w * 0.02, d * 0.05, S["dark"], rgb("#ff7a4a") * lit * 0.8)


def keyboard_under_sheet(L: Sketch, r: np.random.Generator, col: Colour, shade: Colour, light_fold: Colour) -> None:
    """A stage keyboard on an X stand under a dust sheet; the sheet has slipped off the right end,
    showing the keys. Cloth: an uneven top over the keys, wedge folds, a wavy hem hanging lower at the left."""
    S = SHOP
    case = mix(S["dark"], S["brown"], 0.25)
    # the stand: two X frames
    for xa, xb in ((356, 436), (436, 356), (606, 686), (686, 606)):
        L.line([(xa, 452), (xb, 560)], 6, mix(S["dark"], S["brown"], 0.3), caps=False)
    L.line([(372, 470), (676, 470)], 4, mix(S["dark"], S["brown"], 0.3), caps=False)
    # the keyboard itself (visible at the right end)
    L.poly([(300, 398), (772, 398), (776, 414), (296, 414)], case)  # top face
    L.rect(296, 414, 776, 432, mix(case, S["dark"], 0.5))  # front face
    L.poly([(772, 398), (782, 402), (782, 430), (776, 432), (776, 414)], S["dark"])  # end cheek
    kx0, kx1 = 648, 766
    L.poly([(kx0, 402), (kx1, 402), (kx1 + 2, 413), (kx0 - 2, 413)], S["cream"])  # white keys
    n = 16
    for k in range(n + 1):
        x = kx0 + (kx1 - kx0) * k / n
        L.line([(x, 402), (x - 0.5, 413)], 0.7, mix(S["tan"], S["brown"], 0.3), caps=False)
        if k % 7 not in (2, 6) and k < n:
            L.poly([(x + 2.2, 402), (x + 6.4, 402), (x + 6.2, 408), (x + 2.0, 408)], S["dark"])
    L.rect(kx0 - 2, 398, kx1 + 2, 402, mix(case, S["tan"], 0.2))
    # the sheet: top edge rests on the keys (a bump at the left over the control panel)
    top = [(292, 394), (330, 386), (372, 384), (410, 390), (470, 392), (540, 391), (600, 393), (660, 392)]
    right = [(674, 398), (660, 420), (636, 446), (612, 470)]
    hem = []
    for i in range(31):
        t = i / 30
        x = 612 - (612 - 270) * t
        y = 470 + 12 * t * t + 7 * math.sin(t * 17.0 + 0.4) + 4 * math.sin(t * 41.0)
        hem.append((x, y))
    left = [(262, 520), (276, 470), (286, 420)]
    L.poly(top + right + hem + left, col)
    # the right edge turned back: a lighter underside
    L.poly([(660, 392), (690, 396), (680, 414), (650, 432), (636, 446), (660, 420), (674, 398)], light_fold)
    # folds as soft wedges from where the cloth leaves the keyboard's front edge
    anchors = [300, 352, 404, 450, 502, 548, 596]
    for k, ax in enumerate(anchors):
        spread = float(r.uniform(14, 24))
        drift = float(r.uniform(-14, 6)) - (ax - 450) * 0.06
        y0 = 416
        hx = ax + drift
        hy = 470 + 12 * ((612 - hx) / 342) ** 2
        poly = [(ax - 3, y0), (ax + 3, y0), (hx + spread / 2, hy), (hx - spread / 2, hy)]
        L.poly(poly, shade if k % 2 == 0 else light_fold)
    # the cloth's left end falls off the keyboard in a hanging fold
    L.poly([(292, 394), (286, 420), (276, 470), (262, 520), (282, 500), (296, 452), (304, 410)], shade)
