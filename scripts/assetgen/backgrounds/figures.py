"""The two leads as small full-figure silhouettes for the wide pictures and ending cards, rim-lit
in their colours: Nan-young (bob, side lock, high collar or flight suit) and Jay (shaggy hair, cardigan,
headphones round the neck).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

from ..raster.colour import rgb
from ..raster.compose import paint
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.light import rim
from ..raster.vector import Moved, Point, sc, sorted_box

# Nan-young's key colour, shadow tone and rim light
NAN = {"key": "#9ad1ff", "shadow": "#3a4a78", "rim": "#cfe9ff"}

# Jay's key colour, shadow tone and rim light
JAY = {"key": "#ffc27a", "shadow": "#6b3f2a", "rim": "#ffe0b0"}


def _limb(d: ImageDraw.ImageDraw, pts: Sequence[Point], width: float, ss: int) -> None:
    p = sc(pts, ss)
    d.line(p, fill=255, width=max(1, int(round(width * ss))), joint="curve")
    for x, y in (p[0], p[-1]):
        rr = width * ss / 2.0
        d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=255)


def figure(kind: str, cx: float, base: float, h: float, facing: int = 1, arm: str = "down",
           hand: tuple[float, float] | None = None, suit: bool = False, look_up: float = 0.0) -> dict[str, np.ndarray]:
    """Masks of one lead: 'body' (the silhouette), 'detail' (inner lighter shapes), 'glass', 'spark'.

    kind 'nan': short bob with a clipped side lock, high collar jacket (or her suit and helmet).
    kind 'jay': shaggy hair to the jaw, loose knit cardigan over a T-shirt, headphones round the neck.
    ``facing`` is +1 (turned to the right) or -1; ``arm`` 'down' or 'reach' (the front arm goes to ``hand``).
    """
    u = h / 7.2
    f = float(facing)
    top = base - h
    tilt = look_up * 0.1 * u
    hx, hy = cx + (0.06 * u + tilt) * f, top + 0.55 * u

    def X(v: float) -> float:
        return cx + v * u * f

    def Yp(v: float) -> float:
        return top + v * u

    nan = kind == "nan"
    bulk = 0.16 if suit else 0.0

    def legs(d: ImageDraw.ImageDraw, ss: int) -> None:
        hipw = (0.64 if nan else 0.7) + bulk
        for side in (-1, 1):
            outer = [(X(side * hipw), Yp(3.65)), (X(side * (0.47 + bulk)), Yp(5.3)), (X(side * (0.38 + bulk * 0.6)), Yp(6.95))]
            inner = [(X(side * (0.16 + bulk * 0.5)), Yp(6.95)), (X(side * 0.1), Yp(5.3)), (X(side * 0.03), Yp(3.95))]
            d.polygon(sc(outer + inner + [(X(0), Yp(3.7))], ss), fill=255)
            fx = X(side * (0.27 + bulk * 0.5))
            d.ellipse(sorted_box(fx - 0.2 * u + 0.1 * u * f, base - 0.2 * u, fx + 0.24 * u + 0.1 * u * f, base + 0.02 * u, ss), fill=255)

    def arm_poly(d: ImageDraw.ImageDraw, ss: int, shoulder: Point, elbow: Point, wrist: Point, w0: float, w1: float) -> None:
        _limb(d, [shoulder, elbow], w0, ss)
        _limb(d, [elbow, wrist], w1, ss)
        rr = w1 * 0.58
        d.ellipse(sorted_box(wrist[0] - rr, wrist[1] - rr * 0.5, wrist[0] + rr, wrist[1] + rr * 1.5, ss), fill=255)

    def body(d: ImageDraw.ImageDraw, ss: int) -> None:
        d.ellipse(sorted_box(hx - 0.36 * u, hy - 0.5 * u, hx + 0.38 * u, hy + 0.5 * u, ss), fill=255)
        if nan:
            # bob: a rounded cap cut straight above the chin; a longer clipped lock on the front side
            d.ellipse(sorted_box(hx - 0.47 * u, hy - 0.62 * u, hx + 0.46 * u, hy + 0.3 * u, ss), fill=255)
            d.polygon(sc([(hx - 0.47 * u, hy - 0.1 * u), (hx + 0.46 * u, hy - 0.1 * u),
                          (hx + 0.47 * u, hy + 0.33 * u), (hx - 0.49 * u, hy + 0.36 * u)], ss), fill=255)
            lx = hx + 0.34 * u * f
            d.polygon(sc([(lx - 0.1 * u * f, hy + 0.1 * u), (lx + 0.12 * u * f, hy + 0.05 * u),
                          (lx + 0.1 * u * f, hy + 0.62 * u), (lx - 0.07 * u * f, hy + 0.7 * u)], ss), fill=255)
            if suit:
                d.rounded_rectangle(sorted_box(X(-0.66), Yp(1.02), X(0.66), Yp(1.4), ss), radius=0.1 * u * ss, fill=255)
            else:  # high collar rising to the jaw
                d.polygon(sc([(X(-0.25), Yp(0.9)), (X(0.24), Yp(0.9)), (X(0.36), Yp(1.45)), (X(-0.38), Yp(1.45))], ss), fill=255)
            sw, ww = 0.84 + bulk, 0.56 + bulk
            torso = [(X(-0.5), Yp(1.3)), (X(0.5), Yp(1.3)), (X(sw), Yp(1.52)), (X(sw - 0.1), Yp(2.3)), (X(ww), Yp(3.0)),
                     (X(ww + 0.12), Yp(3.75)), (X(-ww - 0.12), Yp(3.75)), (X(-ww), Yp(3.0)), (X(-sw + 0.1), Yp(2.3)), (X(-sw), Yp(1.52))]
            d.polygon(sc(torso, ss), fill=255)
            if suit:  # life-support pack on the back
                d.rounded_rectangle(sorted_box(X(-0.7), Yp(1.4), X(-1.2), Yp(3.0), ss), radius=0.2 * u * ss, fill=255)
            legs(d, ss)
            w0, w1 = (0.3 + bulk) * u, (0.24 + bulk) * u
            bs, fs = (X(-sw + 0.1), Yp(1.62)), (X(sw - 0.1), Yp(1.62))
            arm_poly(d, ss, bs, (X(-sw - 0.1), Yp(2.75)), (X(-sw + 0.02), Yp(3.75)), w0, w1)
            if arm == "reach" and hand is not None:
                el = (fs[0] + (hand[0] - fs[0]) * 0.45 + 0.05 * u * f, fs[1] + (hand[1] - fs[1]) * 0.55 + 0.35 * u)
                arm_poly(d, ss, fs, el, hand, w0, w1)
            else:
                arm_poly(d, ss, fs, (X(sw + 0.1), Yp(2.75)), (X(sw - 0.02), Yp(3.75)), w0, w1)
        else:
            # shaggy hair falling to the jaw: a crown with soft bumps, uneven strands at the bottom edge
            pts = []
            n = 13
            for i in range(n + 1):
                a = math.pi + math.pi * i / n
                bump = 0.05 * u * (1 if i % 2 else -0.3) + 0.02 * u * math.sin(i * 2.3)
                pts.append((hx + math.cos(a) * (0.52 * u + bump), hy - 0.06 * u + math.sin(a) * (0.62 * u + bump)))
            right = [(hx + 0.56 * u, hy + 0.1 * u), (hx + 0.54 * u, hy + 0.46 * u), (hx + 0.46 * u, hy + 0.36 * u),
                     (hx + 0.44 * u, hy + 0.6 * u), (hx + 0.34 * u, hy + 0.4 * u), (hx + 0.3 * u, hy + 0.52 * u), (hx + 0.22 * u, hy + 0.2 * u)]
            left = [(hx - 0.22 * u, hy + 0.2 * u), (hx - 0.32 * u, hy + 0.55 * u), (hx - 0.38 * u, hy + 0.38 * u),
                    (hx - 0.47 * u, hy + 0.62 * u), (hx - 0.52 * u, hy + 0.4 * u), (hx - 0.58 * u, hy + 0.48 * u), (hx - 0.57 * u, hy + 0.1 * u)]
            d.polygon(sc(pts + right + [(hx, hy - 0.1 * u)] + left, ss), fill=255)
            d.polygon(sc([(X(-0.15), Yp(0.95)), (X(0.15), Yp(0.95)), (X(0.18), Yp(1.5)), (X(-0.18), Yp(1.5))], ss), fill=255)
            # headphones resting round the neck: the cups sit on the collarbones
            for side in (-1, 1):
                cxp = X(side * 0.4)
                d.ellipse(sorted_box(cxp - 0.2 * u, Yp(1.12), cxp + 0.2 * u, Yp(1.56), ss), fill=255)
            # loose cardigan: slouched shoulders, long flared hem
            sw = 0.94
            torso = [(X(-0.5), Yp(1.4)), (X(0.5), Yp(1.4)), (X(sw), Yp(1.62)), (X(sw - 0.04), Yp(2.4)), (X(0.78), Yp(3.1)),
                     (X(0.92), Yp(4.15)), (X(0.3), Yp(4.22)), (X(-0.3), Yp(4.22)), (X(-0.92), Yp(4.15)), (X(-0.78), Yp(3.1)),
                     (X(-sw + 0.04), Yp(2.4)), (X(-sw), Yp(1.62))]
            d.polygon(sc(torso, ss), fill=255)
            legs(d, ss)
            w0, w1 = 0.36 * u, 0.32 * u
            bs, fs = (X(-sw + 0.08), Yp(1.7)), (X(sw - 0.08), Yp(1.7))
            # hands in the cardigan pockets, elbows out
            arm_poly(d, ss, bs, (X(-sw - 0.16), Yp(2.8)), (X(-0.66), Yp(3.55)), w0, w1)
            if arm == "reach" and hand is not None:
                el = (fs[0] + (hand[0] - fs[0]) * 0.45 + 0.05 * u * f, fs[1] + (hand[1] - fs[1]) * 0.55 + 0.4 * u)
                arm_poly(d, ss, fs, el, hand, w0, w1)
            else:
                arm_poly(d, ss, fs, (X(sw + 0.16), Yp(2.8)), (X(0.66), Yp(3.55)), w0, w1)

    def detail(d: ImageDraw.ImageDraw, ss: int) -> None:
        if not nan:
            # the T-shirt between the open cardigan fronts, and the headphone band over the throat
            d.polygon(sc([(X(-0.17), Yp(1.52)), (X(0.17), Yp(1.52)), (X(0.24), Yp(4.18)), (X(-0.22), Yp(4.18))], ss), fill=255)
            d.arc(sorted_box(X(-0.42), Yp(0.98), X(0.42), Yp(1.62), ss), 15, 165, fill=255, width=max(1, int(0.08 * u * ss)))
        elif not suit:
            # the jacket's zip and the collar's edge
            d.line(sc([(X(0.06), Yp(1.46)), (X(0.1), Yp(3.72))], ss), fill=255, width=max(1, int(0.05 * u * ss)))
            d.line(sc([(X(-0.36), Yp(1.44)), (X(0.34), Yp(1.44))], ss), fill=255, width=max(1, int(0.05 * u * ss)))
        else:
            d.rectangle(sorted_box(X(-0.3), Yp(1.9), X(0.3), Yp(2.3), ss), fill=255)  # chest panel

    def glass(d: ImageDraw.ImageDraw, ss: int) -> None:
        if suit:
            gx, gy, gr = hx + 0.02 * u * f, hy + 0.02 * u, 0.84 * u
            d.ellipse(sorted_box(gx - gr, gy - gr, gx + gr, gy + gr, ss), outline=255, width=max(1, int(0.06 * u * ss)))

    def spark(d: ImageDraw.ImageDraw, ss: int) -> None:
        if nan:  # the hair clip on her side lock catches the light
            lx = hx + 0.36 * u * f
            d.line(sc([(lx - 0.09 * u, hy + 0.22 * u), (lx + 0.1 * u, hy + 0.16 * u)], ss), fill=255, width=max(1, int(0.06 * u * ss)))

    # draw only in the figure's neighbourhood (fast), then place into a full-frame mask
    x0 = int(max(0, cx - 2.2 * u * 1.0 - (abs(hand[0] - cx) if hand else 0)))
    x1 = int(min(W, cx + 2.2 * u + (abs(hand[0] - cx) if hand else 0)))
    y0, y1 = int(max(0, top - 1.2 * u)), int(min(H, base + 0.5 * u))
    out = {}
    for key, fn in (("body", body), ("detail", detail), ("glass", glass), ("spark", spark)):
        pw, ph = x1 - x0, y1 - y0
        im = Image.new("L", (pw * 4, ph * 4), 0)
        dr = ImageDraw.Draw(im)
        fn(Moved(dr, -x0 * 4, -y0 * 4), 4)
        m = np.zeros((H, W), np.float32)
        m[y0:y1, x0:x1] = np.asarray(im.reduce(4), np.float32) / 255.0
        out[key] = m
    out["detail"] *= out["body"]
    return out


def render_figure(img: np.ndarray, light: np.ndarray, fig: dict[str, np.ndarray], base: str | np.ndarray,
                  rims: list[tuple[float, float, str, float, float]], detail: str | np.ndarray | None = None,
                  detail_alpha: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Paint a silhouette and put its rim lights (dx, dy, colour, strength, width) into ``light``."""
    body = fig["body"]
    img = paint(img, body, base)
    if detail is not None:
        img = paint(img, fig["detail"], detail, detail_alpha)
    for dx, dy, colour, strength, width in rims:
        light = light + rim(body, dx, dy, width)[..., None] * rgb(colour) * strength
    return img, light
