"""The narrow alley by Jay's shop at night, in the rain and dry: one street (same seed), neon
signs, shop light, cables; in the rain three layers of streaks, splashes and the wet ground mirroring
every light.
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
from ..raster.light import glow, starfield
from ..raster.noise import fbm
from ..raster.vector import Sketch
from ..seeds import choice, rng
from .city import NIGHT, person, rain, splashes
from .picture import Picture
from .street import (
    Box,
    Street,
    catenary,
    far_hit,
    fit_sign,
    fog_by_depth,
    ground_spill,
    hidden,
    sample2,
    screen_box,
    shade_walls,
    sign_box,
    wall_segments,
)


def _in_front(box: Box, z: float, signs: list[tuple[Box, float]]) -> bool:
    """Whether something at depth ``z`` filling ``box`` would stand in front of any farther sign's words."""
    return any(hidden(sb, zs, [(box, z)]) for sb, zs in signs)


def alley(name: str, wet: bool) -> np.ndarray:
    r = rng("alley")  # both alleys share one street; the rain and the wet look differ
    rw = rng(name)
    N = NIGHT
    wall_cols = [mix(N["navy"], N["teal"], 0.3), mix(N["ink"], N["teal"], 0.45), mix(N["navy"], N["magenta"], 0.12),
                 mix(N["navy"], N["teal"], 0.12), mix(N["ink"], N["navy"], 0.7)]
    win_cols = [N["amber"], N["amber"], "#f4e3c3", N["cyan"], N["magenta"]]
    shop_cols = [N["amber"], N["amber"], N["cyan"], mix(N["magenta"], N["amber"], 0.4)]
    left = wall_segments(r, 1.0, 30.0, (3.5, 7.0), (8.0, 15.0), wall_cols)
    right = wall_segments(r, 1.0, 30.0, (3.0, 6.5), (8.0, 16.0), wall_cols)
    for seg in left + right:
        if seg["z0"] < 6.5:
            seg["shop"] = False
            seg["shutter"] = True  # old shop shutters, pulled down for the night
        seg["col"] = seg["col"] * 0.8
    right[2]["shop"] = True
    st = Street(800, 612, 300, 1.55, -2.3, 2.5, 30.0, 37.0, left, right, 11.0, (-40, 40))
    far = wall_segments(r, -40, 40, (4, 8), (11, 11), wall_cols)
    for g in far:
        g["shop"] = True
    hit = st.cast()
    hitm = st.cast(mirror=True)
    haze = mix(mix(N["navy"], N["teal"], 0.55), N["cyan"], 0.08) * (1.15 if wet else 1.0)
    # sky: city glow low, rain haze
    img = vgrad([(0.0, mix(N["ink"], N["navy"], 0.5)), (0.25, N["navy"]), (0.42, mix(N["navy"], N["magenta"], 0.25))])
    light = np.zeros_like(img)
    if not wet:
        light += starfield(rw, 60, 2, 0, 200, tints=("#f4f1ea", "#cfe9ff"), cross=7) * (hit["kind"] == 0)[..., None]

    def shade(h: dict, gain: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        col = np.zeros((H, W, 3), np.float32)
        em = np.zeros((H, W, 3), np.float32)
        msk = np.zeros((H, W), np.float32)
        for side, segs in ((1, left), (2, right)):
            c, e, m = shade_walls(st, h, side, segs, win_cols, 0.3, shop_cols, win_gain=0.75 * gain,
                                  shop_gain=0.8 * gain)
            # walls catch light from below (signs, shops) and fall into dark toward the roofs
            fall = (0.42 + 0.6 * np.exp(-h["V"] / 4.5))[..., None]
            col += c * fall
            em += e
            msk += m
        hf = far_hit(h, far)
        c, e, m = shade_walls(st, hf, 4, far, win_cols, 0.45, shop_cols, win_gain=0.9 * gain, shop_gain=1.2 * gain)
        col += c * 1.25
        em += e
        msk += m
        return col, em, msk

    col, em, msk = shade(hit, 1.0)
    img = img * (1 - msk[..., None]) + col
    # the ground: wet asphalt with puddles, or dry with a little grit
    g = (hit["kind"] == 3).astype(np.float32)
    gX, gZ = hit["U"], hit["V"]
    tex = fbm(rng("alley:puddles"), 60, 4, h=256, w=256)
    puddle = smoothstep(0.56, 0.62, sample2(tex, (gX + 7) * 26, gZ * 9)) * g
    grit = sample2(fbm(rng("alley:grit"), 8, 3, h=256, w=256), (gX + 7) * 60, gZ * 22)
    ground_col = mix(N["ink"], N["navy"], 0.75)
    gimg = ground_col * (0.85 + 0.25 * grit[..., None])
    # a drain line down the middle and kerb edges along the walls
    drain = (np.abs(gX - 0.15) < 0.09) & (g > 0)
    gimg = np.where(drain[..., None], ground_col * 0.8, gimg)
    kerb = ((np.abs(gX - st.xl) < 0.35) | (np.abs(gX - st.xr) < 0.35)) & (g > 0)
    gimg = np.where(kerb[..., None], ground_col * 1.2, gimg)
    img = img * (1 - g[..., None]) + gimg * g[..., None]
    spill = ground_spill(hit, st, right, 2, shop_cols, 0.55) + ground_spill(hit, st, left, 1, shop_cols, 0.55)
    spill += (smoothstep(24, 34, gZ) * g)[..., None] * mix(N["amber"], N["magenta"], 0.3) * 0.35  # the cross street
    vend = np.exp(-(((gX - 2.0) / 1.1) ** 2 + ((gZ - 4.9) / 1.4) ** 2)) * (1 - smoothstep(5.2, 5.7, gZ)) * g
    spill += vend[..., None] * mix(N["cyan"], LIGHTEST, 0.4) * 0.5
    img += spill * (0.5 if wet else 0.35)

    # props, signs and cables: drawn normally and mirrored (for the reflections)
    def props(L: Sketch, mirror: bool) -> None:
        rp = rng("alley:props")
        P = lambda X, Y, Z: st.P(X, Y, Z, mirror)  # noqa: E731
        fogc = lambda c, Z: mix(c, haze, 1 - math.exp(-Z / 26.0))  # noqa: E731
        items = []
        # vertical and box signs (camera-facing), far to near
        specs = [(-2.3, 1, 27.0, 3.0, 6.0, N["cyan"], 3), (2.5, -1, 25.0, 3.4, 5.4, N["magenta"], 3),
                 (-2.3, 1, 21.5, 3.6, 6.2, N["amber"], 4), (2.5, -1, 19.0, 2.9, 4.4, N["cyan"], 2),
                 (-2.3, 1, 15.5, 3.2, 5.8, N["magenta"], 4), (2.5, -1, 13.0, 3.4, 6.4, N["amber"], 4),
                 (-2.3, 1, 9.5, 3.3, 5.6, N["cyan"], 3), (2.5, -1, 7.5, 3.6, 7.0, N["magenta"], 4)]
        boxes = []  # each sign's box on screen and its depth: nothing nearer may hide a word
        for i, (xw, d, Z, y0, y1, c, n) in enumerate(specs):
            fit = fit_sign(st, xw, xw + d * 0.55, y0, y1, Z, low=2.7)
            if fit is None:
                continue
            y0, y1 = fit
            items.append((Z, "sign", (xw, d, y0, y1, c, n, i)))
            boxes.append((screen_box(st, [(xw, y0, Z), (xw + d * 0.55, y1, Z)], pad=3.0), Z))
        for Z in (26.0, 22.0, 17.0, 12.0, 8.0, 5.0):
            items.append((Z, "cable", None))
        for _side, xw in ((1, -2.3), (2, 2.5)):  # air-conditioner boxes and pipes, never in front of a sign
            d = 1 if xw < 0 else -1
            for Z in rp.uniform(4, 28, 7):
                y = float(rp.uniform(3.6, 9.0))
                ac = screen_box(st, [(xw, y, float(Z)), (xw + d * 0.5, y + 0.6, float(Z)), (xw + d * 0.5, y, float(Z) + 0.8)])
                if not _in_front(ac, float(Z), boxes):
                    items.append((float(Z), "ac", (xw, y)))
            for Z in rp.uniform(3, 27, 3):
                pipe = screen_box(st, [(xw + d * 0.02, 0.0, float(Z)), (xw + d * 0.14, 10.0, float(Z))])
                if not _in_front(pipe, float(Z), boxes):
                    items.append((float(Z), "pipe", (xw,)))
        items.append((11.2, "awning", (2.5,)))
        for xw, za, zb, hb in ((-2.3, 5.2, 6.0, 0.9), (-2.3, 6.1, 6.6, 0.55), (-2.3, 5.3, 5.9, 1.35),
                               (2.5, 16.0, 16.7, 1.0), (-2.3, 18.5, 19.0, 0.7)):
            items.append((za, "box", (xw, za, zb, hb)))
        items.append((5.6, "vend", (1.55, 2.5, 5.6)))
        for xw, za, y0, w_, h_ in ((-2.3, 7.0, 1.0, 0.6, 0.85), (-2.3, 7.75, 1.3, 0.5, 0.7), (-2.3, 8.4, 0.9, 0.6, 0.85),
                                   (-2.3, 12.4, 1.1, 0.55, 0.8), (2.5, 6.7, 1.0, 0.55, 0.8), (2.5, 7.4, 1.2, 0.5, 0.72)):
            items.append((za, "poster", (xw, za, y0, w_, h_)))
        items.append((33.0, "lamp", (-1.6,)))
        items.sort(key=lambda it: -it[0])
        for Z, kind, data in items:
            if kind == "sign":
                xw, d, y0, y1, c, n, i = data
                depth = 0.55
                X0, X1 = (xw, xw + d * depth) if d > 0 else (xw + d * depth, xw)
                board = None if mirror else fogc(mix(N["ink"], c, 0.12), Z)
                # the bracket holding the sign off the wall
                if not mirror:
                    L.line([P(xw, y1 + 0.1, Z), P(X0 if d < 0 else X1, y1 + 0.1, Z)], max(1.0, 40 / Z),
                           fogc(N["ink"], Z))
                sign_box(L, st, rp, X0, X1, y0, y1, Z, c, n, True, board, mirror, seed=1000 + i)
            elif kind == "cable" and not mirror:
                ya, yb = float(rp.uniform(5.5, 8.5)), float(rp.uniform(5.5, 8.5))
                pts = catenary(st, -2.3, ya, 2.5, yb, Z, float(rp.uniform(0.4, 1.2)))
                L.line(pts, max(1.0, 26 / Z), fogc(N["ink"], Z), caps=False)
                if Z == 17.0:  # a string of small bulbs on one of them
                    for t in np.linspace(0.06, 0.94, 11):
                        k = int(round(t * 24))
                        bx, by = pts[k]
                        L.ellipse(bx, by + 3, 1.6, 1.8, None, rgb(N["amber"]) * 1.3, base=False)
            elif kind == "ac" and not mirror:
                xw, y = data
                d = 1 if xw < 0 else -1
                q = [(xw, y, Z), (xw + d * 0.5, y, Z), (xw + d * 0.5, y + 0.6, Z), (xw, y + 0.6, Z)]
                L.poly(st.PP(q), fogc(mix(N["navy"], N["teal"], 0.25), Z))
                side = [(xw + d * 0.5, y, Z), (xw + d * 0.5, y, Z + 0.8), (xw + d * 0.5, y + 0.6, Z + 0.8), (xw + d * 0.5, y + 0.6, Z)]
                L.poly(st.PP(side), fogc(mix(N["ink"], N["teal"], 0.3), Z))
                cx, cy = P(xw + d * 0.25, y + 0.3, Z)
                rr = 0.22 * st.f / Z
                L.ellipse(cx, cy, rr, rr, fogc(N["ink"], Z))
            elif kind == "pipe" and not mirror:
                xw, = data
                d = 1 if xw < 0 else -1
                L.line([P(xw + d * 0.08, 0, Z), P(xw + d * 0.08, 10, Z)], max(1.0, 0.12 * st.f / Z),
                       fogc(mix(N["navy"], N["teal"], 0.4), Z), caps=False)
            elif kind == "box" and not mirror:
                xw, za, zb, hb = data
                d = 1 if xw < 0 else -1
                xi = xw + d * 0.6
                dark, mid_, top_c = mix(N["ink"], N["teal"], 0.12), mix(N["ink"], N["teal"], 0.22), mix(N["navy"], N["teal"], 0.35)
                L.poly(st.PP([(xi, 0, za), (xi, 0, zb), (xi, hb, zb), (xi, hb, za)]), fogc(dark, za * 0.5))
                L.poly(st.PP([(xw, hb, za), (xi, hb, za), (xi, hb, zb), (xw, hb, zb)]), fogc(top_c, za * 0.5))
                L.poly(st.PP([(xw, 0, za), (xi, 0, za), (xi, hb, za), (xw, hb, za)]), fogc(mid_, za * 0.5))
                for k in range(1, 4):  # crate slats
                    L.line(st.PP([(xw, hb * k / 4, za), (xi, hb * k / 4, za)]), max(1.0, 14 / za),
                           fogc(dark, za * 0.5), caps=False)
            elif kind == "poster" and not mirror:
                # torn gig posters pasted on the wall (paper, a printed block, a ripped corner)
                xw, za, y0, w_, h_ = data
                d = 0.01 if xw < 0 else -0.01
                paper = fogc(choice(rp, [mix("#f4e3c3", N["navy"], 0.45), mix(N["magenta"], N["navy"], 0.45),
                                             mix(N["amber"], N["navy"], 0.5), mix(N["cyan"], N["navy"], 0.55)]), za)
                tear = float(rp.uniform(0.15, 0.4))
                q = [(xw + d, y0, za), (xw + d, y0, za + w_), (xw + d, y0 + h_ * (1 - tear), za + w_),
                     (xw + d, y0 + h_, za + w_ * (1 - tear * 0.8)), (xw + d, y0 + h_, za)]
                L.poly(st.PP(q), paper)
                ink_c = fogc(mix(N["ink"], N["navy"], 0.4), za)
                L.poly(st.PP([(xw + d, y0 + h_ * 0.45, za + w_ * 0.15), (xw + d, y0 + h_ * 0.45, za + w_ * 0.8),
                              (xw + d, y0 + h_ * 0.85, za + w_ * 0.8), (xw + d, y0 + h_ * 0.85, za + w_ * 0.15)]), ink_c)
                for k in range(3):
                    yk = y0 + h_ * (0.12 + k * 0.09)
                    L.line(st.PP([(xw + d, yk, za + w_ * 0.15), (xw + d, yk, za + w_ * (0.5 + 0.1 * k))]), 1.0, ink_c, caps=False)
            elif kind == "vend":
                xa, xb, zf = data
                body = mix(N["ink"], N["navy"], 0.6)
                if not mirror:
                    L.poly(st.PP([(xa, 0, zf), (xa, 0, zf + 0.8), (xa, 1.95, zf + 0.8), (xa, 1.95, zf)]), mix(N["ink"], N["navy"], 0.3))
                    L.poly(st.PP([(xa, 0, zf), (xb, 0, zf), (xb, 1.95, zf), (xa, 1.95, zf)]), body)
                # the lit window of drinks, a header strip, the buttons
                win = [(xa + 0.08, 0.85, zf), (xb - 0.26, 0.85, zf), (xb - 0.26, 1.72, zf), (xa + 0.08, 1.72, zf)]
                L.poly(st.PP(win, mirror), mix(N["teal"], N["cyan"], 0.5) if not mirror else None,
                       mix(N["teal"], N["cyan"], 0.6) * 0.45, base=not mirror)
                for row in range(4):
                    y0 = 0.9 + row * 0.205
                    if not mirror:
                        L.poly(st.PP([(xa + 0.08, y0 - 0.03, zf), (xb - 0.26, y0 - 0.03, zf), (xb - 0.26, y0, zf), (xa + 0.08, y0, zf)]),
                               body)
                    for j in range(6):
                        cx = xa + 0.14 + j * (xb - xa - 0.42) / 5.5
                        cc = [N["magenta"], N["amber"], N["cyan"], "#f4e3c3", N["magenta"], N["amber"]][(j + row) % 6]
                        L.poly(st.PP([(cx, y0 + 0.03, zf), (cx + 0.075, y0 + 0.03, zf), (cx + 0.075, y0 + 0.16, zf),
                                      (cx, y0 + 0.16, zf)], mirror), cc if not mirror else None,
                               rgb(cc) * 0.7, base=not mirror)
                L.poly(st.PP([(xb - 0.2, 1.0, zf), (xb - 0.08, 1.0, zf), (xb - 0.08, 1.6, zf), (xb - 0.2, 1.6, zf)], mirror),
                       N["amber"] if not mirror else None, rgb(N["amber"]) * 0.6, base=not mirror)
                L.poly(st.PP([(xa + 0.08, 1.78, zf), (xb - 0.08, 1.78, zf), (xb - 0.08, 1.9, zf), (xa + 0.08, 1.9, zf)], mirror),
                       N["magenta"] if not mirror else None, rgb(N["magenta"]) * 1.1, base=not mirror)
                if not mirror:
                    L.poly(st.PP([(xa + 0.2, 0.2, zf), (xb - 0.3, 0.2, zf), (xb - 0.3, 0.45, zf), (xa + 0.2, 0.45, zf)]),
                           mix(N["ink"], N["navy"], 0.2))
            elif kind == "awning":
                xw, = data
                q = [(xw, 3.0, 9.8), (xw - 0.9, 2.6, 9.8), (xw - 0.9, 2.6, 14.5), (xw, 3.0, 14.5)]
                if not mirror:
                    L.poly(st.PP(q), fogc(mix(N["magenta"], N["ink"], 0.55), Z))
                    L.line(st.PP([(xw - 0.9, 2.6, 9.8), (xw - 0.9, 2.6, 14.5)]), max(1.0, 20 / Z),
                           fogc(mix(N["magenta"], N["amber"], 0.3), Z), caps=False)
            elif kind == "lamp":
                X, = data
                if not mirror:
                    L.line([P(X, 0, Z), P(X, 4.6, Z), P(X + 0.7, 4.8, Z)], max(1.0, 0.12 * st.f / Z),
                           fogc(N["ink"], Z), caps=False)
                lx, ly = P(X + 0.7, 4.7, Z)
                L.ellipse(lx, ly, 3.2, 2.0, None, mix(N["amber"], LIGHTEST, 0.3) * 1.5, base=False)
        if not mirror:
            # a manhole cover in the middle of the alley
            pts = [P(0.15 + 0.45 * math.cos(t), 0.0, 9.0 + 0.45 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 40)]
            L.poly(pts, fogc(mix(N["ink"], N["navy"], 0.5), 9))
            pts = [P(0.15 + 0.36 * math.cos(t), 0.0, 9.0 + 0.36 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 40)]
            L.line(pts, 1.0, fogc(mix(N["navy"], N["teal"], 0.4), 9), caps=False)
            # someone with an umbrella crossing at the end of the alley
            px, pb = P(0.9, 0, 33.0)
            ph = 1.7 * st.f / 33.0
            person(L, px, pb, ph, fogc(N["ink"], 20), rp, umbrella=fogc(mix(N["ink"], N["teal"], 0.3), 20) if wet else None)

    Lp = Sketch()
    props(Lp, False)
    pm, a = Lp.base()
    img = img * (1 - a[..., None]) + pm
    em = em * (1 - a[..., None]) + Lp.light()
    # aerial perspective: the alley fades into lit haze toward its end
    Zd = np.where(hit["kind"] == 0, 60.0, hit["Z"])
    Zd = np.where(a > 0.5, 0.0, Zd)  # props carry their own haze
    img = fog_by_depth(img, Zd, haze, 30.0 if wet else 42.0, 0.9)
    light += em
    # reflections in the ground
    mcol, mem, mm = shade(hitm, 1.0)
    Lm = Sketch()
    props(Lm, True)
    mem = mem + Lm.light()
    mcol = fog_by_depth(mcol, np.where(hitm["kind"] == 0, 60.0, hitm["Z"]), haze, 30.0, 0.9)
    sky_m = img[np.clip((2 * st.cy - YY).astype(int), 0, H - 1), XX.astype(int)]
    mcol = mcol * mm[..., None] + sky_m * (1 - mm[..., None])
    # wet asphalt breaks reflections into bands across the view; puddles hold them sharper
    bands = sample2(fbm(rng("alley:bands"), 24, 3, h=256, w=256), (gX + 7) * 8, gZ * 30)
    streak = (0.35 + 0.9 * smoothstep(0.3, 0.75, bands))[..., None]
    if wet:
        rough = blur(mcol, 14, 1.5)
        rough_e = blur(mem, 18, 1.5)
        sharp = blur(mcol, 3, 1.0)
        sharp_e = blur(mem, 4, 1.0)
        pud = puddle[..., None]
        k_r = (0.28 * g + 0.4 * puddle)[..., None]
        refl_col = rough * (1 - pud) + sharp * pud
        refl_em = (rough_e * streak) * (1 - pud) + sharp_e * pud
        near_dark = (1 - 0.4 * smoothstep(500, H, YY))[..., None]
        img = img * (1 - k_r) + refl_col * k_r * 0.85
        light += refl_em * k_r * 1.25 * near_dark
    else:
        k_r = (0.1 * g)[..., None]
        light += blur(mem, 22, 4) * k_r * streak
        # dry patches of old asphalt
        patch = sample2(fbm(rng("alley:patch"), 40, 3, h=256, w=256), (gX + 7) * 14, gZ * 5)
        img *= (1 - 0.12 * smoothstep(0.55, 0.6, patch) * g)[..., None]
    # rain: three layers, splashes, and a veil of lit spray in the air
    if wet:
        rc = mix(N["cyan"], LIGHTEST, 0.5)
        light += rain(rw, 3200, (6, 12), 7, 0.6)[..., None] * rc * 0.14
        light += rain(rw, 1100, (18, 34), 8, 0.9)[..., None] * rc * 0.2
        light += rain(rw, 140, (70, 130), 10, 2.2, blur_r=1.8)[..., None] * rc * 0.16
        sp = splashes(rw, 260, st.ground_y(30), H, (2, 7))
        light += sp[..., None] * rc * 0.25 * g[..., None]
        mist = fbm(rw, 120, 4, sx=1.5) * smoothstep(200, 420, YY) * (1 - smoothstep(420, 620, YY))
        img += mist[..., None] * haze * 0.12
    img = glow(img, light, ((2, 0.7), (9, 0.55), (36, 0.4), (90, 0.22 if wet else 0.12)))
    img = calm_bottom(img, N["ink"], 0.4, 0.68)
    img = vignette(img, N["ink"], 0.45, 612, 300)
    return img


def alley_rain_night(name: str) -> np.ndarray:
    return alley(name, wet=True)


def alley_night(name: str) -> np.ndarray:
    return alley(name, wet=False)


PICTURES = (
    Picture("alley_rain_night", alley_rain_night,
            "a narrow Seoul alley in the rain at night: neon glyph signs, shop light, reflections on wet ground"),
    Picture("alley_night", alley_night, "the same alley at night, dry: neon signs, warm shop fronts, cables"),
)
