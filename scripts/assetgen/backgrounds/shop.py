"""Jay's repair shop at night (one warm desk lamp, the window's blue rain) and by day (sun and dust
through the window), and the small back room with the keyboard under a sheet.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.blur import blur
from ..raster.colour import LIGHTEST, mix, rgb
from ..raster.compose import calm_bottom, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import add_star, beam, glow, radial, starfield
from ..raster.noise import fbm
from ..raster.vector import Sketch, shape_mask
from ..seeds import choice, rng
from .city import rain
from .picture import Picture
from .shop_gear import (
    SHOP,
    amplifier,
    cassette_deck,
    cathedral_radio,
    desk_lamp,
    headphones,
    keyboard_under_sheet,
    records,
    reel_deck,
    speaker,
    table_radio,
    tube,
    turntable,
)

# Where things sit in the picture (px in the 1280 x 720 frame, unless noted)
SHOP_WINDOW = (36, 64, 304, 420)  # the shop's window: x0, y0, x1, y1
SHELVES = (352, 1262)  # the shelving on the back wall: from x, to x
BENCH_TOP = (446, 506)  # the workbench's top face: back edge y, front edge y
BACK_WALL = (170, 62, 1110, 492)  # the back room's far wall: x0, y0, x1, y1
BACKROOM_WINDOW = (790, 150, 1030, 372)  # the back room's half-blind window: x0, y0, x1, y1
BULB = (560, 150)  # the back room's bare bulb


def shop(name: str, day: bool) -> np.ndarray:
    r = rng("shop")  # the same room by night and by day
    S = SHOP
    lit = 0.0 if day else 1.0
    dial = 0.25 if day else 1.0
    # --- the room (albedo): back wall with faint wallpaper, wainscot, the floor at the left ---
    wall = vgrad([(0.0, mix(S["brown"], S["wood"], 0.35)), (1.0, mix(S["brown"], S["wood"], 0.2))])
    stripes = ((XX % 22) < 2).astype(np.float32) * 0.06
    wall *= (1 - stripes)[..., None]
    wall *= (0.93 + 0.1 * fbm(rng("shop:wall"), 90, 4))[..., None]
    A = Sketch()
    A.rect(0, 0, W, 26, S["dark"])  # ceiling beam
    A.rect(0, 26, W, 31, S["brown"])
    A.rect(0, 430, 340, 470, mix(S["wood"], S["brown"], 0.5))  # wainscot under the window
    A.rect(0, 466, 340, 472, S["wood"])
    # floor boards at the left, in a little perspective
    A.poly([(0, 472), (360, 472), (360, H), (0, H)], mix(S["wood"], S["brown"], 0.35))
    for k in range(9):
        x0 = -60 + k * 52
        A.line([(x0 + 40 * (k - 4) / 4 * 0.0 + 30, 472), (x0 - 80 + k * 6, H)], 1.2, S["brown"], caps=False)
    for y in (500, 540, 600, 680):
        A.line([(0, y), (360, y)], 0.8, mix(S["brown"], S["wood"], 0.3), caps=False)
    # the window frame (the view outside goes in separately)
    wx0, wy0, wx1, wy1 = SHOP_WINDOW
    A.rect(wx0 - 12, wy0 - 12, wx1 + 12, wy1 + 14, S["dark"])
    A.rect(wx0 - 18, wy1 + 8, wx1 + 18, wy1 + 20, S["wood"])  # sill
    # --- the shelving on the back wall ---
    planks = [136, 268, 396]
    sx0, sx1 = SHELVES
    for y in planks:
        A.rect(sx0, y, sx1, y + 11, S["wood"])
        A.rect(sx0, y + 11, sx1, y + 15, S["dark"])
    for x in (sx0, 804, sx1 - 12):
        A.rect(x, 40, x + 12, 470, mix(S["wood"], S["brown"], 0.3))
    # top shelf: speakers, a small radio, boxes
    speaker(A, 372, planks[0], 70, 96, S["wood"])
    table_radio(A, 452, planks[0], 118, 62, S["tan"], dial * 0.9)
    A.rect(584, planks[0] - 58, 660, planks[0], mix(S["cream"], S["tan"], 0.55))  # boxes
    A.rect(594, planks[0] - 84, 650, planks[0] - 58, mix(S["tan"], S["brown"], 0.3))
    cathedral_radio(A, 672, planks[0], 92, 102, S["wood"], dial * 0.8)
    speaker(A, 820, planks[0], 64, 88, mix(S["brown"], S["wood"], 0.6))
    table_radio(A, 896, planks[0], 130, 70, mix(S["cream"], S["tan"], 0.6), dial, grille=S["tan"])
    records(A, r, 1040, planks[0], 190, 92, [S["dark"], S["brown"], S["tan"], S["cream"], "#9a4a3a", "#3a4a58"])
    # middle shelf: the reel deck, radios with glowing dials
    reel_deck(A, 370, planks[1], 130, 124, mix(S["cream"], S["tan"], 0.4), dial)
    cathedral_radio(A, 516, planks[1], 100, 118, S["tan"], dial)
    table_radio(A, 630, planks[1], 160, 84, S["wood"], dial)
    table_radio(A, 822, planks[1], 140, 74, mix(S["wood"], S["tan"], 0.5), dial * 0.9)
    cassette_deck(A, 976, planks[1], 136, 40, S["dark"], dial)
    cassette_deck(A, 976, planks[1] - 40, 136, 40, mix(S["dark"], S["brown"], 0.5), dial * 0.8)
    speaker(A, 1126, planks[1], 60, 110, S["wood"])
    speaker(A, 1192, planks[1], 56, 100, S["wood"])
    # bottom shelf: an amplifier, records, a boxed radio
    amplifier(A, 370, planks[2], 200, 56, mix(S["cream"], S["tan"], 0.35), dial)
    records(A, r, 584, planks[2], 200, 96, [S["dark"], S["brown"], S["tan"], S["cream"], "#9a4a3a", "#3a4a58"])
    table_radio(A, 820, planks[2], 150, 80, S["tan"], dial)
    reel_deck(A, 990, planks[2], 110, 112, S["dark"], dial * 0.8)
    amplifier(A, 1112, planks[2], 136, 46, S["wood"], dial * 0.7)
    # --- the workbench in front: top face, front planks, and what lies on it ---
    top0, top1 = BENCH_TOP
    A.poly([(330, top0), (W + 10, top0), (W + 10, top1), (300, top1)], S["wood"])
    A.rect(300, top1, W + 10, top1 + 9, mix(S["tan"], S["wood"], 0.5))
    A.rect(300, top1 + 9, W + 10, H, S["brown"])
    for x in range(300, W, 92):
        A.line([(x, top1 + 9), (x, H)], 1.2, S["dark"], caps=False)
    A.rect(300, top1 + 9, W + 10, top1 + 22, S["dark"])
    # a stool at the bench's end
    A.ellipse(250, 560, 52, 12, S["wood"])
    for x0, x1 in ((212, 200), (288, 300), (250, 250)):
        A.line([(x0, 566), (x1, 700)], 6, S["brown"], caps=False)
    A.line([(206, 650), (296, 650)], 4, S["brown"], caps=False)
    # the open radio chassis under the lamp: plate, transformer, tubes
    A.poly([(520, 470), (760, 470), (772, 492), (508, 492)], mix(S["cream"], S["tan"], 0.25))
    A.rect(508, 492, 772, 500, mix(S["tan"], S["brown"], 0.4))
    A.rect(536, 432, 590, 480, S["dark"])
    A.rect(540, 428, 586, 436, S["brown"])
    for k, (tx, th) in enumerate(((620, 58), (652, 48), (684, 64), (716, 44))):
        tube(A, tx, 480, 20, th, lit * (0.7 + 0.1 * k) + 0.2 * dial)
    A.line([(596, 478), (612, 486), (740, 486), (756, 478)], 1.4, "#9a4a3a", caps=False)
    # the soldering iron in its coil stand, a screwdriver
    A.line([(800, 486), (860, 458)], 3.0, S["dark"])
    A.line([(860, 458), (884, 447)], 1.6, mix(S["cream"], S["tan"], 0.3))
    A.arc(812, 486, 14, 6, 180, 360, 2.0, S["dark"], caps=False)
    A.line([(890, 498), (960, 492)], 3.5, "#9a4a3a")
    A.line([(960, 492), (990, 490)], 1.5, mix(S["cream"], S["tan"], 0.3))
    # headphones, a mug, the turntable
    headphones(A, 1000, 462, 58, S["dark"], S["brown"])
    A.rect(454, 452, 480, 488, S["cream"])
    A.arc(482, 468, 7, 9, 270, 450, 2.5, S["cream"], caps=False)
    turntable(A, 1050, 416, 206, S["tan"], dial)
    # Dori's dock: a round charging pad with a cyan ring, on the floor under the window
    A.ellipse(104, 548, 46, 12, mix(S["cream"], S["tan"], 0.3))
    A.ellipse(104, 544, 37, 8.5, S["dark"])
    A.arc(104, 544, 37, 8.5, 0, 360, 2.0, "#6fe3e1", rgb("#6fe3e1") * (0.9 if not day else 0.45), caps=False)
    A.rect(96, 520, 112, 540, mix(S["cream"], S["tan"], 0.3))
    A.ellipse(104, 522, 4, 4, "#6fe3e1", rgb("#6fe3e1") * (1.0 if not day else 0.5))
    # the desk lamp: base on the bench at the left, head over the chassis
    lamp_col = mix(S["dark"], S["brown"], 0.4)
    bulb = desk_lamp(A, 420, 488, (386, 300), (500, 236), math.radians(62), lamp_col, lit)
    # --- the window view (unlit by the room: it is its own light) ---
    V = Sketch()
    if day:
        view = vgrad([(0.0, "#dcecf4"), (0.45, "#f4ead8"), (1.0, "#f0d8b8")])
        V.rect(wx0, 196, wx1, wy1, "#e0b898")  # the building across the street, in sun
        V.rect(wx0, 196, wx1, 206, "#f4e3c3")
        for row in range(3):
            for k in range(5):
                x = wx0 + 14 + k * 54
                V.rect(x, 226 + row * 52, x + 30, 260 + row * 52, "#9a7a6a")
                V.rect(x, 226 + row * 52, x + 30, 232 + row * 52, "#c09880")
        V.rect(wx0, 376, wx1, wy1, "#8a7068")  # shop awnings and the street's shade
        V.rect(wx0, 370, wx1, 378, "#c2786a")
        V.rect(wx0 + 150, 96, wx0 + 200, 196, "#c8c0c0")  # a far tower in the haze
        V.rect(wx0 + 200, 130, wx0 + 236, 196, "#d4cccc")
    else:
        view = vgrad([(0.0, "#1b2340"), (0.7, "#2e3a5e"), (1.0, "#263254")])
        V.rect(wx0, 150, wx0 + 120, wy1, "#161d36")  # buildings across the lane
        V.rect(wx0 + 120, 196, wx1, wy1, "#131a30")
        vb = rng("shop:bokeh")
        for row in range(4):
            for k in range(5):
                if vb.random() < 0.45:
                    x = wx0 + 14 + k * 52
                    V.rect(x, 216 + row * 44, x + 18, 236 + row * 44, "#3a3040", rgb("#ffb454") * vb.uniform(0.25, 0.5))
        V.rect(wx0 + 150, 240, wx0 + 176, 350, "#1b1830", rgb("#c2408a") * 0.8)  # a neon sign, out of focus
        V.rect(wx0 + 30, 176, wx0 + 96, 196, "#1b2a30", rgb("#6fe3e1") * 0.6)
        for _ in range(12):
            cc = choice(vb, ["#6fe3e1", "#c2408a", "#ffb454", "#9ad1ff"])
            x, y, rad = vb.uniform(wx0, wx1), vb.uniform(330, 415), vb.uniform(3, 7)
            V.ellipse(x, y, rad, rad, mix(cc, "#1b2340", 0.4), rgb(cc) * 0.35)
    win_m = np.zeros((H, W), np.float32)
    win_m[wy0:wy1, wx0:wx1] = 1.0
    vpm, va = V.base()
    view = view * (1 - va[..., None]) + vpm
    view_light = V.light()
    view = blur(view, 2.5 if day else 4)
    view_light = blur(view_light, 4)
    # mullions and rain drops on the glass
    M = Sketch()
    M.rect((wx0 + wx1) / 2 - 5, wy0, (wx0 + wx1) / 2 + 5, wy1, S["dark"])
    M.rect(wx0, wy0 + 112, wx1, wy0 + 122, S["dark"])
    # --- assemble albedo ---
    img = wall.copy()
    pm, a = A.base()
    img = img * (1 - a[..., None]) + pm
    # --- light: ambient, the lamp's cone and pool, the window's spill ---
    if day:
        amb = mix(S["cream"], S["amber"], 0.3) * 0.8
        Lm = np.ones((H, W, 3), np.float32) * amb
        # sun shafts from the window falling down-right across the room
        shaft = shape_mask(lambda B: B.poly([(wx0 + 40, wy0), (wx1, wy0), (wx1 + 520, H), (wx0 + 250, H)], "#ffffff"))
        shaft = blur(shaft, 18) * (0.55 + 0.45 * radial(wx1, 300, 600, 500))
        mid_x = (wx0 + wx1) / 2
        bars = shape_mask(lambda B: (B.poly([(mid_x - 6, wy0), (mid_x + 6, wy0), (mid_x + 300, H), (mid_x + 276, H)], "#ffffff"),
                                     B.poly([(wx0, wy0 + 110), (wx1, wy0 + 110), (wx1 + 60, wy0 + 240), (wx0 + 60, wy0 + 240)], "#ffffff")))
        shaft *= 1 - 0.7 * blur(bars, 6)
        Lm += shaft[..., None] * rgb(S["cream"]) * 0.9
        Lm += radial(wx1 + 80, 300, 560, 420)[..., None] * rgb(S["cream"]) * 0.35
    else:
        amb = mix(S["brown"], S["amber"], 0.25) * 0.42
        Lm = np.ones((H, W, 3), np.float32) * amb
        cone = beam(bulb[0], bulb[1], math.radians(62), 0.62, 260)
        Lm += cone[..., None] * rgb(S["amber"]) * 2.2
        Lm += radial(bulb[0] + 60, 470, 260, 70)[..., None] * rgb(S["amber"]) * 1.0  # the pool on the bench
        Lm += radial(bulb[0], bulb[1], 520, 360)[..., None] * rgb(S["amber"]) * 0.35
        # blue spill from the window onto the floor, the stool and the bench's end
        spill = shape_mask(lambda B: B.poly([(wx0, wy1 + 20), (wx1, wy1 + 20), (wx1 + 200, H), (wx0 + 60, H)], "#ffffff"))
        spill = blur(spill, 14)
        Lm += spill[..., None] * rgb("#9ad1ff") * 0.7
        Lm += radial(170, 300, 300, 300)[..., None] * rgb("#3a4a78") * 0.9
    img = img * Lm
    # the window itself
    img = img * (1 - win_m[..., None]) + view * win_m[..., None]
    pm, a = M.base()
    img = img * (1 - a[..., None]) + pm * Lm
    light = A.light() + view_light * win_m[..., None]
    if not day:
        dr = rng("shop:drops")
        drops = rain(dr, 300, (5, 16), 2, 1.0, wy0, wy1) * win_m
        light += drops[..., None] * rgb("#9ad1ff") * 0.3
        for _ in range(70):
            add_star(light, dr.uniform(wx0, wx1), dr.uniform(wy0, wy1), 0.12, "#cfe9ff", 1.5)
        light += cone[..., None] * rgb(S["amber"]) * 0.05  # the lamp's light in the dusty air
        light += spill[..., None] * rgb("#3a4a78") * 0.12
        dust = np.zeros_like(light)
        dd = rng("shop:dust")
        for _ in range(60):
            x, y = dd.uniform(430, 760), dd.uniform(230, 460)
            add_star(dust, x, y, 0.3, S["amber"], 1.2)
        light += dust * cone[..., None] * 3
    else:
        dust = np.zeros_like(light)
        dd = rng("shop:dust")
        for _ in range(120):
            add_star(dust, dd.uniform(200, 900), dd.uniform(60, 700), 0.35, S["cream"], 1.2)
        light += dust * shaft[..., None]
        light += shaft[..., None] * rgb(S["cream"]) * 0.06
    img = glow(img, light, ((2, 0.6), (8, 0.45), (30, 0.3)))
    img = calm_bottom(img, S["dark"], 0.3 if day else 0.4, 0.7)
    img = vignette(img, S["dark"], 0.35 if day else 0.55, 640, 330)
    return img


def shop_night(name: str) -> np.ndarray:
    return shop(name, day=False)


def shop_day(name: str) -> np.ndarray:
    return shop(name, day=True)


def shop_backroom(name: str) -> np.ndarray:
    """The back room: a keyboard under a sheet, a window on the night city, a bare bulb; two lights meet."""
    r = rng(name)
    S = SHOP
    bx0, by0, bx1, by1 = BACK_WALL
    A = Sketch()
    wallc = mix(S["brown"], S["wood"], 0.3)
    A.poly([(0, 0), (W, 0), (bx1, by0), (bx0, by0)], mix(S["dark"], S["brown"], 0.5))  # ceiling
    A.poly([(0, 0), (bx0, by0), (bx0, by1), (0, H)], mix(wallc, S["dark"], 0.25))  # left wall
    A.poly([(W, 0), (bx1, by0), (bx1, by1), (W, H)], mix(wallc, S["dark"], 0.35))  # right wall
    A.rect(bx0, by0, bx1, by1, wallc)
    A.poly([(0, H), (bx0, by1), (bx1, by1), (W, H)], mix(S["wood"], S["brown"], 0.45))  # floor
    for k in range(-10, 11):  # floorboards toward the vanishing point
        xa = 640 + (k / 10) * 470
        xb = 640 + (k / 10) * 1400
        A.line([(xa, by1), (xb, H)], 1.0, mix(S["brown"], S["dark"], 0.3), caps=False)
    A.rect(bx0, by1 - 10, bx1, by1, mix(S["brown"], S["dark"], 0.3))  # skirting
    # the window on the back wall, right of centre, with a half-drawn blind
    wx0, wy0, wx1, wy1 = BACKROOM_WINDOW
    A.rect(wx0 - 10, wy0 - 10, wx1 + 10, wy1 + 12, S["dark"])
    A.rect(wx0 - 16, wy1 + 6, wx1 + 16, wy1 + 16, S["wood"])
    # a poster of the old band, one corner torn: two figures under a wave (no words)
    A.poly([(232, 118), (364, 112), (368, 300), (250, 306), (236, 290)], mix(S["cream"], S["tan"], 0.35))
    A.rect(248, 130, 352, 232, mix(S["brown"], S["dark"], 0.2))
    A.arc(300, 182, 36, 36, 0, 360, 3, mix(S["tan"], S["amber"], 0.5), caps=False)
    A.line([(256, 196), (276, 172), (296, 208), (316, 168), (336, 200), (350, 184)], 2.4, S["cream"], caps=False)
    for fx in (286, 318):
        A.ellipse(fx, 246, 8, 8, S["dark"])
        A.poly([(fx - 14, 290), (fx - 10, 258), (fx + 10, 258), (fx + 14, 290)], S["dark"])
    A.line([(262, 272), (338, 272)], 2, S["wood"], caps=False)
    # a small wall shelf with tapes and a framed photo
    A.rect(420, 200, 600, 208, S["wood"])
    for k in range(7):
        A.rect(428 + k * 14, 170, 439 + k * 14, 200, choice(r, [S["cream"], S["tan"], S["dark"], "#9a4a3a"]))
    A.rect(540, 150, 590, 200, S["dark"])
    A.rect(545, 155, 585, 195, mix(S["tan"], S["cream"], 0.3))
    A.ellipse(557, 172, 6, 6, S["wood"])
    A.ellipse(573, 170, 6, 6, S["wood"])
    A.rect(549, 180, 581, 195, S["wood"])
    # boxes stacked against the left wall
    for (x0, y0, x1, y1, c) in ((40, 452, 200, 600, S["tan"]), (58, 352, 186, 452, mix(S["tan"], S["cream"], 0.3)),
                                (74, 290, 172, 352, S["tan"])):
        A.rect(x0, y0, x1, y1, c)
        A.rect(x0, y0, x1, y0 + 6, mix(c, S["cream"], 0.3))
        A.rect((x0 + x1) / 2 - 6, y0, (x0 + x1) / 2 + 6, y1, mix(c, S["cream"], 0.45))  # tape
    # a mic stand leaning in the corner, a coil of cable
    A.line([(1080, 492), (1052, 170)], 3, S["dark"], caps=False)
    A.line([(1052, 170), (1000, 150)], 3, S["dark"], caps=False)
    A.rrect(990, 140, 1010, 160, 8, S["dark"])
    for k in range(3):
        A.line([(1080, 492), (1080 + (k - 1) * 30, 510)], 3, S["dark"], caps=False)
    for k in range(4):
        A.arc(880, 560, 46 - k * 6, 12 - k * 1.5, 0, 360, 2, S["dark"], caps=False)
    # the keyboard on its stand, under the sheet
    keyboard_under_sheet(A, r, mix(S["cream"], S["tan"], 0.3), mix(S["tan"], S["wood"], 0.3), mix(S["cream"], S["tan"], 0.05))
    # a low mattress in the front right, a folded blanket and a pillow
    A.poly([(900, 590), (W + 10, 572), (W + 10, H), (870, H)], mix(S["brown"], S["dark"], 0.35))
    A.poly([(910, 578), (W + 10, 560), (W + 10, 584), (900, 598)], mix(S["cream"], S["tan"], 0.45))
    A.poly([(1000, 600), (W + 10, 590), (W + 10, 660), (990, 676)], mix(S["wood"], S["tan"], 0.25))
    A.rrect(1120, 546, 1230, 578, 14, mix(S["cream"], S["tan"], 0.2))
    # the bulb on its cord
    bulb = BULB
    A.line([(560, 0), (560, 136)], 1.4, S["dark"], caps=False)
    A.rect(553, 128, 567, 140, S["dark"])
    A.ellipse(bulb[0], bulb[1], 10, 12, S["cream"], mix(S["amber"], LIGHTEST, 0.4) * 1.4)
    # the view: night city, soft
    V = Sketch()
    view = vgrad([(0.0, "#16213e"), (0.7, "#3a4a78"), (1.0, "#2e3a5e")])
    V.rect(wx0, 250, wx0 + 90, wy1, "#1b2340")
    V.rect(wx0 + 90, 222, wx0 + 170, wy1, "#16213e")
    V.rect(wx0 + 170, 270, wx1, wy1, "#1b2340")
    vr = rng("backroom:view")
    for row in range(6):
        for k in range(10):
            if vr.random() < 0.3:
                x, y = wx0 + 8 + k * 23, 240 + row * 21
                V.rect(x, y, x + 7, y + 9, "#3a3040", rgb(choice(vr, ["#ffc27a", "#ffc27a", "#9ad1ff"])) * vr.uniform(0.25, 0.5))
    vpm, va = V.base()
    view = view * (1 - va[..., None]) + vpm
    view = blur(view, 1.0)
    vlight = blur(V.light(), 1.0)
    vlight += starfield(rng("backroom:stars"), 50, 1, wy0, 240, wx0, wx1, tints=("#f4f1ea", "#cfe9ff"), cross=6)
    win_m = np.zeros((H, W), np.float32)
    win_m[wy0:wy1, wx0:wx1] = 1.0
    M = Sketch()
    M.rect((wx0 + wx1) / 2 - 4, wy0, (wx0 + wx1) / 2 + 4, wy1, S["dark"])
    M.rect(wx0, wy0, wx1, wy0 + 76, mix(S["cream"], S["tan"], 0.4))  # the blind, half down
    for k in range(8):
        M.line([(wx0, wy0 + 6 + k * 9), (wx1, wy0 + 6 + k * 9)], 1.0, mix(S["tan"], S["wood"], 0.3), caps=False)
    M.rect(wx0, wy0 + 74, wx1, wy0 + 80, S["wood"])
    M.line([(wx0 + 190, wy0 + 80), (wx0 + 190, wy0 + 130)], 1.0, S["cream"], caps=False)
    # --- albedo, then light ---
    img = np.zeros((H, W, 3), np.float32)
    pm, a = A.base()
    img = img * (1 - a[..., None]) + pm
    amb = mix(S["brown"], S["amber"], 0.3) * 0.32
    Lm = np.ones((H, W, 3), np.float32) * amb
    Lm += radial(bulb[0], bulb[1] + 40, 430, 330)[..., None] * rgb(S["amber"]) * 0.85
    Lm += radial(bulb[0], bulb[1], 140, 120)[..., None] * rgb(S["amber"]) * 0.5
    # moonlit blue through the window, down onto the sheet and the floor
    blue_m = shape_mask(lambda B: B.poly([(wx0, wy0 + 80), (wx1, wy0 + 80), (wx1 - 120, H), (wx0 - 460, H)], "#ffffff"))
    blue_m = blur(blue_m, 22) * (1 - smoothstep(560, H, YY) * 0.5)
    Lm += blue_m[..., None] * rgb("#9ad1ff") * 0.55
    Lm += radial(910, 300, 260, 240)[..., None] * rgb("#3a4a78") * 0.6
    img = img * Lm
    img = img * (1 - win_m[..., None]) + view * win_m[..., None]
    pm, a = M.base()
    img = img * (1 - a[..., None]) + pm * (Lm * 0.8 + 0.08)
    light = A.light() + vlight * win_m[..., None]
    # warm and cool rims on the sheet's top where the two lights meet
    dust = np.zeros_like(img)
    dd = rng("backroom:dust")
    for _ in range(80):
        add_star(dust, dd.uniform(380, 1000), dd.uniform(200, 620), 0.3, "#cfe9ff", 1.2)
    light += dust * blue_m[..., None] * 1.5
    light += blue_m[..., None] * rgb("#3a4a78") * 0.08
    img = glow(img, light, ((2, 0.6), (8, 0.5), (32, 0.35)))
    img = calm_bottom(img, S["dark"], 0.4, 0.7)
    img = vignette(img, S["dark"], 0.55, 640, 320)
    return img


PICTURES = (
    Picture("shop_night", shop_night,
            "Jay's repair shop at night: shelves of radios, reels and amps, a desk lamp over an open chassis, blue rain at the window"),
    Picture("shop_day", shop_day,
            "Jay's repair shop by day: sun through the window, dust in the light, the shelves of old audio gear"),
    Picture("shop_backroom", shop_backroom,
            "the back room: a keyboard under a dust sheet, a bare bulb, the night city through a half-blind window"),
)
