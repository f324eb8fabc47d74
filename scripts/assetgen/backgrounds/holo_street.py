"""Hongdae at night: a wide street of signs and hologram ads (a dancer, Mars in its ring),
the crowd, and Orbit's neon ring.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..raster.blur import blur
from ..raster.colour import LIGHTEST, mix, rgb
from ..raster.compose import calm_bottom, shift, vignette
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.gradient import smoothstep, vgrad
from ..raster.light import glow, radial, top_edge
from ..raster.noise import fbm
from ..raster.vector import Sketch, shape_mask
from ..seeds import rng
from .city import NIGHT, hologram, person
from .picture import Picture
from .signs import draw_glyphs, sign_word, word_on_plane, word_shape
from .street import Box, Street, far_hit, fit_sign, fog_by_depth, ground_spill, hidden, sample2, screen_box, shade_walls, sign_box, wall_segments


def street_holo_night(name: str) -> np.ndarray:
    """Hongdae at night: a wide pedestrian street, signs on every floor, hologram ads, the crowd;
    Orbit's neon ring over the stairs down to the club."""
    r = rng(name)
    N = NIGHT
    wall_cols = [mix(N["navy"], N["teal"], 0.25), mix(N["ink"], N["teal"], 0.4), mix(N["navy"], N["magenta"], 0.15),
                 mix(N["navy"], N["teal"], 0.1), mix(N["ink"], N["navy"], 0.75)]
    win_cols = [N["amber"], N["amber"], "#f4e3c3", N["cyan"], N["magenta"]]
    shop_cols = [N["amber"], N["cyan"], mix(N["magenta"], N["amber"], 0.4), "#f4e3c3", N["magenta"]]
    left = wall_segments(r, 2.0, 90.0, (6.0, 13.0), (12.0, 30.0), wall_cols)
    right = wall_segments(r, 2.0, 90.0, (6.0, 12.0), (12.0, 28.0), wall_cols)
    for seg in left + right:
        seg["shop"] = seg["shop"] or seg["z0"] > 20
        seg["col"] = seg["col"] * 0.85
    st = Street(760, 640, 318, 1.7, -8.0, 8.0, 90.0, 96.0, left, right, 24.0, (-80, 80))
    far = wall_segments(r, -80, 80, (6, 12), (24, 24), wall_cols)
    for g in far:
        g["shop"] = True
    hit = st.cast()
    hitm = st.cast(mirror=True)
    haze = mix(mix(N["navy"], N["magenta"], 0.3), N["teal"], 0.25) * 1.1
    img = vgrad([(0.0, mix(N["ink"], N["navy"], 0.4)), (0.28, N["navy"]), (0.45, mix(N["navy"], N["magenta"], 0.35))])
    light = np.zeros_like(img)

    def shade(h: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        col = np.zeros((H, W, 3), np.float32)
        em = np.zeros((H, W, 3), np.float32)
        msk = np.zeros((H, W), np.float32)
        for side, segs in ((1, left), (2, right)):
            c, e, m = shade_walls(st, h, side, segs, win_cols, 0.38, shop_cols, floor_h=3.2, ground_h=4.2,
                                  pitch=2.0, win_gain=0.75, shop_gain=0.85)
            col += c * (0.5 + 0.55 * np.exp(-h["V"] / 7.0))[..., None]
            em += e
            msk += m
        c, e, m = shade_walls(st, far_hit(h, far), 4, far, win_cols, 0.45, shop_cols, floor_h=3.2, ground_h=4.2,
                              pitch=2.0, win_gain=0.8, shop_gain=1.0)
        col += c * 1.2
        em += e
        msk += m
        return col, em, msk

    col, em, msk = shade(hit)
    img = img * (1 - msk[..., None]) + col
    # the street: paving, two kerbs, a centre line of tiles
    g = (hit["kind"] == 3).astype(np.float32)
    gX, gZ = hit["U"], hit["V"]
    road = np.abs(gX) < 4.6
    pave = mix(N["ink"], N["navy"], 0.7)
    gimg = np.where(road[..., None], pave, pave * 1.15 + rgb(N["teal"]) * 0.03)
    tiles = (((gX * 2.0) % 1.0 < 0.05) | ((gZ * 2.0) % 1.0 < 0.05)) & ~road
    gimg = np.where(tiles[..., None], gimg * 0.85, gimg)
    kerb = (np.abs(np.abs(gX) - 4.6) < 0.12)
    gimg = np.where(kerb[..., None], pave * 1.6, gimg)
    img = img * (1 - g[..., None]) + gimg * g[..., None]
    spill = ground_spill(hit, st, left, 1, shop_cols, 0.5, 2.6) + ground_spill(hit, st, right, 2, shop_cols, 0.5, 2.6)
    img += spill * 0.45

    fogc = lambda c, Z: mix(c, haze, 1 - math.exp(-Z / 55.0))  # noqa: E731

    def whole_boards(items: list[tuple[float, str, Any]]) -> dict[int, tuple[float, float]]:
        """Which vertical signs stand whole (inside the frame, their words hidden by no nearer lamp, ring
        or sign) and their heights: sign index -> (bottom, top)."""
        blockers: list[tuple[Box, float]] = []
        heads: list[tuple[Box, float]] = []  # a lamp's bright head may not touch a word at all
        # what no sign may cover: Orbit's ring, the dancer's billboard, the ticker under Mars
        keep = [screen_box(st, [(7.7 - 1.2, 5.6 - 1.2, 15.0), (7.7 + 1.2, 5.6 + 1.2, 15.0)]),
                screen_box(st, [(-8.0, 11.4, 25.0), (-3.9, 5.6, 25.0)]),
                screen_box(st, [(-6.4, 7.4, 40.0), (6.4, 8.8, 40.0)])]
        for Z, kind, data in items:
            if kind == "lamp":  # the thin pole, and the head on its arm
                X, = data
                blockers.append((screen_box(st, [(X, 0.0, Z), (X, 6.0, Z)], 0.07 * st.f / Z), Z))
                heads.append((screen_box(st, [(X, 6.3, Z), (X * 0.86, 6.0, Z)], 0.3 * st.f / Z), Z))
        out = {}
        for Z, kind, data in sorted(items, key=lambda it: it[0]):  # nearest first: they claim the view
            if kind != "vsign":
                continue
            xw, y0, y1, _c, i = data
            X0, X1 = sorted((xw, xw + (1.1 if xw < 0 else -1.1)))
            fit = fit_sign(st, X0, X1, y0, y1, Z, low=4.5, tall=2.2)
            if fit is None:
                continue
            box = screen_box(st, [(X0, fit[0], Z), (X1, fit[1], Z)])
            if (not hidden(box, Z, blockers, share=0.2) and not hidden(box, Z, heads)
                    and not any(hidden(k, 1e9, [(box, Z)]) for k in keep)):
                out[i] = fit
                blockers.append((box, Z))
        return out

    def props(L: Sketch, mirror: bool) -> None:
        rp = rng("street:props")
        P = lambda X, Y, Z: st.P(X, Y, Z, mirror)  # noqa: E731
        items = []
        cols = [N["magenta"], N["cyan"], N["amber"], N["magenta"], N["cyan"], "#f4e3c3"]
        k = 0
        for side, xw in ((1, -8.0), (2, 8.0)):
            for Z in np.arange(9.0 + side * 1.7, 80.0, 3.4):  # many candidates: the whole boards among them stay
                Z = float(Z + rp.uniform(-1.5, 1.5))
                y0 = float(rp.uniform(4.6, 7.0))
                items.append((Z, "vsign", (xw, y0, y0 + float(rp.uniform(3.5, 6.5)), cols[k % len(cols)], k)))
                k += 1
            for seg in (left if side == 1 else right):
                if seg["z1"] - seg["z0"] > 3 and rp.random() < 0.8:
                    items.append((seg["z0"], "fascia", (xw, seg["z0"] + 0.5, seg["z1"] - 0.5, cols[k % len(cols)], k)))
                    k += 1
        for Z in (12.0, 22.0, 40.0, 56.0):  # no lamp head in front of the Mars ticker's words
            for X in (-4.9, 4.9):
                items.append((Z, "lamp", (X,)))
        items.append((15.0, "orbit", None))
        items.sort(key=lambda it: -it[0])
        boards = whole_boards(items)
        for Z, kind, data in items:
            if kind == "vsign":
                xw, y0, y1, c, i = data
                if i not in boards:
                    continue
                d = 1 if xw < 0 else -1
                X0, X1 = (xw, xw + d * 1.1) if d > 0 else (xw + d * 1.1, xw)
                y0, y1 = boards[i]
                board = None if mirror else fogc(mix(N["ink"], c, 0.14), Z)
                sign_box(L, st, rp, X0, X1, y0, y1, Z, c, 5, True, board, mirror, seed=2000 + i)
            elif kind == "fascia":
                xw, za, zb, c, i = data
                q = [(xw, 4.35, za), (xw, 4.35, zb), (xw, 3.55, zb), (xw, 3.55, za)]
                if not mirror:
                    L.poly(st.PP(q), fogc(mix(N["ink"], c, 0.18), za))
                # a real word, upright and whole, read the way someone facing that wall reads it
                gr = np.random.default_rng(3000 + i)
                word = sign_word(gr, max(1, min(5, int((zb - za) / 0.9))))
                top, bottom = 4.22, 3.68
                span = min((top - bottom) * word_shape(word), zb - za - 0.4)
                z_near = za + ((zb - za) - span) / 2
                z_a, z_b = (z_near, z_near + span) if xw < 0 else (z_near + span, z_near)
                corners = [P(xw, top, z_a), P(xw, top, z_b), P(xw, bottom, z_b), P(xw, bottom, z_a)]
                word_on_plane(L, word, corners, None if mirror else mix(c, LIGHTEST, 0.4), rgb(c) * 1.2, base=not mirror)
            elif kind == "lamp":
                X, = data
                if not mirror:
                    L.line([P(X, 0, Z), P(X, 6.0, Z), P(X * 0.86, 6.3, Z)], max(1.0, 0.14 * st.f / Z), fogc(N["ink"], Z), caps=False)
                lx, ly = P(X * 0.86, 6.2, Z)
                rr = max(1.5, 0.25 * st.f / Z)
                L.ellipse(lx, ly, rr, rr * 0.6, None, mix(N["amber"], LIGHTEST, 0.4) * 1.4, base=False)
            elif kind == "orbit" and not mirror:
                # the club's stairs going down on the right pavement, and its ring logo over them
                q = [(5.4, 0.0, 13.0), (7.6, 0.0, 13.0), (7.6, 0.0, 17.0), (5.4, 0.0, 17.0)]
                L.poly(st.PP(q), mix(N["ink"], N["magenta"], 0.08))
                for t in np.linspace(0.15, 0.85, 5):
                    L.line(st.PP([(5.4, 0.0, 13.0 + 4 * t), (7.6, 0.0, 13.0 + 4 * t)]), 1.0,
                           mix(N["ink"], N["magenta"], 0.25), rgb(N["magenta"]) * 0.15, caps=False)
                for zz in (13.0, 17.0):
                    L.line(st.PP([(5.4, 0.0, zz), (5.4, 1.0, zz)]), max(1.0, 0.06 * st.f / zz), mix(N["ink"], N["navy"], 0.5), caps=False)
                L.line(st.PP([(5.4, 1.0, 13.0), (5.4, 1.0, 17.0)]), 2.0, mix(N["ink"], N["navy"], 0.5), caps=False)
                cx, cy = P(7.7, 5.6, 15.0)
                rad = 1.1 * st.f / 15.0
                L.ellipse(cx, cy, rad * 1.05, rad * 1.05, mix(N["ink"], N["magenta"], 0.1))
                L.arc(cx, cy, rad * 0.55, rad * 0.55, 0, 360, 2.6, mix(N["magenta"], LIGHTEST, 0.4), rgb(N["magenta"]) * 1.4, caps=False)
                L.arc(cx, cy, rad * 0.95, rad * 0.32, 200, 520, 2.2, mix(N["cyan"], LIGHTEST, 0.4), rgb(N["cyan"]) * 1.3, caps=False)
                L.ellipse(cx + rad * 0.8, cy - rad * 0.18, 3, 3, LIGHTEST, rgb(N["cyan"]) * 1.5)

    Lp = Sketch()
    props(Lp, False)
    pm, a = Lp.base()
    img = img * (1 - a[..., None]) + pm
    em = em * (1 - a[..., None]) + Lp.light()
    Zd = np.where(hit["kind"] == 0, 140.0, hit["Z"])
    img = fog_by_depth(img, Zd, haze, 70.0, 0.85)
    light += em
    # holograms (additive, translucent)
    holo = np.zeros_like(img)
    # 1: a billboard of light standing off the left facade: a dancer, a glyph column, a frame
    bx0, by0 = st.P(-8.0, 11.4, 25.0)
    bx1, by1 = st.P(-3.9, 5.6, 25.0)
    fill = shape_mask(lambda B: B.rect(bx0, by0, bx1, by1, "#ffffff"))
    lines = Sketch(emission=False)
    lines.line([(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1), (bx0, by0)], 1.6, "#ffffff", caps=False)
    fig = [(0.5, 0.1), (0.56, 0.14), (0.55, 0.22), (0.68, 0.18), (0.78, 0.08), (0.8, 0.1), (0.7, 0.24), (0.6, 0.3),
           (0.62, 0.55), (0.72, 0.9), (0.66, 0.92), (0.56, 0.62), (0.48, 0.92), (0.42, 0.9), (0.48, 0.55), (0.46, 0.3),
           (0.36, 0.36), (0.3, 0.34), (0.44, 0.24), (0.45, 0.14)]
    fw, fh = bx1 - bx0, by1 - by0
    figp = [(bx0 + fw * (0.18 + 0.6 * u_), by0 + fh * (0.04 + 0.92 * v_)) for u_, v_ in fig]
    figm = shape_mask(lambda B: B.poly(figp, "#ffffff"))
    lines.line(figp + [figp[0]], 1.2, "#ffffff", caps=False)
    lines.ellipse(bx0 + fw * (0.18 + 0.6 * 0.5), by0 + fh * 0.09, fw * 0.05, fw * 0.05, "#ffffff")
    holo += hologram(fill * 0.55 + figm * 0.9, lines.mask(), N["cyan"], r, 0.15, 0.7, fringe=N["magenta"], glitch=5)
    words = Sketch(emission=False)  # the billboard's word glows steady: the glitch slices never cut a letter
    draw_glyphs(words, np.random.default_rng(77), bx0 + fw * 0.06, by0 + fh * 0.08, fw * 0.12, 3, True, 1.1, "#ffffff", None)
    holo += hologram(np.zeros((H, W), np.float32), words.mask(), N["cyan"], r, 0.0, 0.75, fringe=N["magenta"], glitch=0)
    # 2: over the street, Mars turning in a ring: the mission everyone is talking about
    mx, my = st.P(0.0, 12.5, 40.0)
    R = 3.0 * st.f / 40.0
    disc = radial(mx, my, R, power=12)
    Lm_ = Sketch(emission=False)
    for k in range(1, 5):  # latitude and longitude lines
        t = k / 5
        Lm_.arc(mx, my - R + 2 * R * t, R * math.sqrt(1 - (2 * t - 1) ** 2), R * 0.12, 0, 360, 1.0, "#ffffff", caps=False)
    for k in range(-2, 3):
        Lm_.arc(mx, my, R * abs(k) / 2.6 + 1, R, 90, 270 if k < 0 else 450, 1.0, "#ffffff", caps=False) if k else \
            Lm_.line([(mx, my - R), (mx, my + R)], 1.0, "#ffffff", caps=False)
    Lm_.arc(mx, my, R, R, 0, 360, 1.8, "#ffffff", caps=False)
    holo += hologram(disc, Lm_.mask(), mix(N["magenta"], N["amber"], 0.45), r, 0.2, 0.75, fringe=N["cyan"], glitch=2)
    ring = Sketch(emission=False)
    ring.arc(mx, my, R * 1.9, R * 0.45, 180, 360, 2.0, "#ffffff", caps=False)
    front = Sketch(emission=False)
    front.arc(mx, my, R * 1.9, R * 0.45, 0, 180, 2.0, "#ffffff", caps=False)
    ship_a = math.radians(28)
    sx_, sy_ = mx + R * 1.9 * math.cos(ship_a), my + R * 0.45 * math.sin(ship_a)
    front.poly([(sx_ - 7, sy_ + 3), (sx_ + 9, sy_ - 1), (sx_ - 5, sy_ - 5)], "#ffffff")
    holo += hologram(np.zeros((H, W), np.float32), ring.mask() * (1 - disc) + front.mask(), N["cyan"], r, 0.0, 0.95, glitch=0)
    tick = Sketch(emission=False)
    ty = my + R * 1.25
    tick.rect(mx - R * 2.1, ty, mx + R * 2.1, ty + R * 0.42, "#ffffff")
    tfill = tick.mask()
    tl = Sketch(emission=False)
    draw_glyphs(tl, np.random.default_rng(91), mx - R * 1.9, ty + R * 0.08, R * 0.26, 9, False, 1.1, "#ffffff", None)
    holo += hologram(tfill, tl.mask(), N["cyan"], r, 0.12, 0.9, glitch=1)
    beam_m = shape_mask(lambda B: B.poly([(mx - 3, st.ground_y(40.0) - 4), (mx + 3, st.ground_y(40.0) - 4),
                                          (mx + R * 0.9, my + R * 0.8), (mx - R * 0.9, my + R * 0.8)], "#ffffff"))
    holo += blur(beam_m, 5)[..., None] * rgb(N["magenta"]) * 0.08
    light += holo
    # the crowd: silhouettes rimmed by the neon on either side
    crowd = Sketch(emission=False)
    cr = rng("street:crowd")
    people = []
    for _ in range(150):
        Z = float(7.0 + 60.0 * cr.random() ** 1.6)
        X = float(cr.uniform(-7.4, 7.4))
        if Z < 12 and abs(X) < 3.0:
            X = float(np.sign(X + 1e-3) * cr.uniform(3.0, 7.0))
        people.append((Z, X))
    people.sort(key=lambda p: -p[0])
    for Z, X in people:
        x, y = st.P(X, 0.0, Z)
        hh = float(cr.uniform(1.55, 1.85)) * st.f / Z
        c = fogc(mix(N["ink"], N["navy"], 0.3), Z)
        person(crowd, x, y, hh, c, cr)
    pm, a = crowd.base()
    img = img * (1 - a[..., None]) + pm
    light *= (1 - a[..., None])
    rim_l = np.clip(a - shift(a, 2, 0), 0, 1)
    rim_r = np.clip(a - shift(a, -2, 0), 0, 1)
    light += rim_l[..., None] * rgb(N["cyan"]) * 0.35 + rim_r[..., None] * rgb(N["magenta"]) * 0.35
    light += top_edge(a, 1)[..., None] * rgb(N["amber"]) * 0.2
    # a glossy street: soft reflections of everything lit
    _, mem, _ = shade(hitm)
    Lm2 = Sketch()
    props(Lm2, True)
    mem = mem + Lm2.light()
    refl = blur(mem, 16, 2)
    bands = sample2(fbm(rng("street:bands"), 24, 3, h=256, w=256), (gX + 10) * 6, gZ * 16)
    streak = (0.4 + 0.8 * smoothstep(0.3, 0.75, bands))[..., None]
    light += refl * streak * (0.22 * g * (1 - a))[..., None]
    img = glow(img, light, ((2, 0.7), (9, 0.55), (36, 0.4), (100, 0.15)))
    img = calm_bottom(img, N["ink"], 0.45, 0.68)
    img = vignette(img, N["ink"], 0.45, 640, 318)
    return img


PICTURES = (
    Picture("street_holo_night", street_holo_night,
            "Hongdae at night: a wide street of signs, hologram ads (a dancer, Mars in its ring), the crowd, Orbit's neon ring"),
)
