"""Walking sprites, the frames: a walker in one of four directions at one of four steps (Dori hovers
instead), and the 4 x 4 sheet with ground shadows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image

from ..raster.colour import mix
from ..tiles.canvas import Canvas
from .body import DIRECTIONS, FRAME_H, FRAME_W, LOOKS, PIN, Look, head, limb, outline, shaded_mask


def human_frame(look: Look, d: str, f: int) -> Canvas:
    cv = Canvas(FRAME_W, FRAME_H)
    oy = -1 if f == 2 else 0  # the passing frame rises a pixel
    stride = {0: 0, 1: 1, 2: 0, 3: -1}[f]
    side = d in ("left", "right")
    jacket_len = 37 if look.inner else 36
    # Legs and shoes.
    if not side:
        for sgn, x0 in ((-1, 12), (1, 17)):
            lift = stride * sgn * (1 if d == "down" else -1)  # +1: this foot forward (lower on screen)
            foot_y = 42 + max(lift, 0) - max(-lift, 0)
            cv.rect(x0, 34 + oy, x0 + 4, foot_y + oy + 1, look.legs)
            cv.vline(x0 + 3, 34 + oy, foot_y + oy + 1, mix(look.legs, "#0b0d1a", 0.4))
            cv.rect(x0 - (1 if sgn < 0 else 0), foot_y + oy + 1, x0 + 4 + (1 if sgn > 0 else 0), foot_y + oy + 3, look.shoes)
            cv.hline(x0 - (1 if sgn < 0 else 0), x0 + 4 + (1 if sgn > 0 else 0), foot_y + oy + 2, mix(look.shoes, "#0b0d1a", 0.45))
    else:
        back_shade = mix(look.legs, "#0b0d1a", 0.35)
        if stride == 0:
            lifted = f == 2
            limb(cv, 16.5, 34 + oy, 17.5 if lifted else 16.5, 42 + oy - (1 if lifted else 0), 4, back_shade)
            limb(cv, 15.5, 34 + oy, 15.5, 43 + oy, 4, look.legs)
            cv.rect(11, 43 + oy, 18, 45 + oy, look.shoes)
            cv.hline(11, 18, 44 + oy, mix(look.shoes, "#0b0d1a", 0.45))
        else:
            limb(cv, 17, 34 + oy, 20.5, 43 + oy, 4, back_shade)
            cv.rect(17, 43 + oy, 23, 45 + oy, mix(look.shoes, "#0b0d1a", 0.3))
            limb(cv, 15, 34 + oy, 11.5, 43 + oy, 4, look.legs)
            cv.rect(8, 43 + oy, 14, 45 + oy, look.shoes)
            cv.hline(8, 14, 44 + oy, mix(look.shoes, "#0b0d1a", 0.45))
    # Torso.
    torso = np.zeros((cv.h, cv.w), np.float32)
    if not side:
        torso[24 + oy:jacket_len + oy, 10:22] = 1
        torso[23 + oy, 11:21] = 1
    else:
        torso[24 + oy:jacket_len + oy, 12:21] = 1
        torso[23 + oy, 13:20] = 1
    shaded_mask(cv, torso, look.top, look.top_shade, look.rim, 0.6)
    if look.inner and d == "down":
        cv.rect(14, 24 + oy, 18, 35 + oy, look.inner)
        cv.vline(17, 24 + oy, 35 + oy, mix(look.inner, "#6b3f2a", 0.3))
        for y in range(26, 36, 3):  # knit texture
            cv.px(11, y + oy, look.top_shade, 0.5)
            cv.px(20, y + 1 + oy, look.top_shade, 0.5)
    elif look.inner and side:
        cv.rect(11 if d == "left" else 12, 25 + oy, 13, 34 + oy, look.inner)
    if look.style == "bob" and d != "up":
        # High collar and a zip.
        collar_x = (12, 20) if d == "down" else (13, 19)
        cv.rect(collar_x[0], 21 + oy, collar_x[1], 25 + oy, mix(look.top, "#f4f1ea", 0.22))
        cv.hline(collar_x[0], collar_x[1], 24 + oy, look.top_shade, 0.7)
        if d == "down":
            cv.vline(16, 25 + oy, 35 + oy, look.top_shade)
            cv.px(16, 25 + oy, look.accent)
            cv.px(19, 28 + oy, PIN)
    if look.style == "bob" and d == "up":
        cv.rect(12, 21 + oy, 20, 25 + oy, mix(look.top, "#f4f1ea", 0.22))
    if look.style == "undercut":
        # Bomber: magenta rib at hem and collar, a patch on the sleeve.
        x0, x1 = (10, 22) if not side else (12, 21)
        cv.rect(x0, jacket_len - 2 + oy, x1, jacket_len + oy, look.accent)
        cv.rect(x0 + 2, 23 + oy, x1 - 2, 25 + oy, look.accent)
        if d == "down":
            cv.vline(16, 25 + oy, jacket_len - 2 + oy, "#3c3c4a")
    # Arms (swing opposite to the legs).
    if not side:
        for sgn, x0 in ((-1, 8), (1, 21)):
            swing = -stride * sgn * (1 if d == "down" else -1)
            hand_y = 33 + oy + swing
            cv.rect(x0, 25 + oy, x0 + 3, hand_y, look.top)
            cv.vline(x0 + (2 if sgn > 0 else 0), 25 + oy, hand_y, look.top_shade if sgn > 0 else mix(look.top, look.rim, 0.5))
            if look.style == "undercut":
                cv.rect(x0, hand_y - 1, x0 + 3, hand_y, look.accent)
            cv.rect(x0, hand_y, x0 + 3, hand_y + 2, look.skin)
    else:
        hand_dx = {0: 0, 1: -3, 2: 0, 3: 3}[f]
        limb(cv, 16.5, 25 + oy, 16.5 + hand_dx, 34 + oy, 3, look.top_shade)
        limb(cv, 16.5 + hand_dx, 33 + oy, 16.5 + hand_dx, 35 + oy, 3, look.skin)
    # Head (and Jay's headphones round the neck, drawn over the collar).
    head(cv, look, d if d != "right" else "left", oy)
    if look.style == "shaggy":
        band = "#2a2a33"
        if d in ("down", "up"):
            cv.rect(11, 23 + oy, 21, 24 + oy, band)
            cv.rect(9, 22 + oy, 12, 26 + oy, band)
            cv.rect(20, 22 + oy, 23, 26 + oy, band)
            cv.px(10, 23 + oy, "#ffc27a")
            cv.px(21, 23 + oy, "#ffc27a")
        else:
            cv.rect(12, 23 + oy, 20, 24 + oy, band)
            cv.rect(15, 22 + oy, 19, 26 + oy, band)
            cv.px(16, 23 + oy, "#ffc27a")
    if d == "right":
        cv = cv.flip()
    return cv


def dori_frame(d: str, f: int) -> Canvas:
    cv = Canvas(FRAME_W, FRAME_H)
    oy = [0, -1, -2, -1][f]
    shell, shell_shade, rim = "#ece8e0", "#a9b4c8", "#6fe3e1"
    cx, cy = 16.0, 29.0 + oy
    # Thruster glow below.
    cv.soft(cv.ellipse_m(cx, cy + 9, 3, 1.5 + 0.5 * (f % 2)), "#6fe3e1", 1.5, 0.8)
    body = cv.ellipse_m(cx, cy, 8.5, 8.0)
    shaded_mask(cv, body, shell, shell_shade, rim, 0.5)
    cv.paint(body * (cv.ys > cy + 4.5), shell_shade, 0.55)
    # Antenna and side discs.
    cv.vline(int(cx), int(cy - 12), int(cy - 7), shell_shade)
    tip = "#6fe3e1" if f in (0, 1) else "#c8fbf9"
    cv.rect(int(cx) - 1, int(cy - 13), int(cx) + 1, int(cy - 11), tip)
    if d in ("down", "up"):
        for x in (6, 24):
            cv.rect(x, int(cy - 2), x + 2, int(cy + 3), shell_shade)
    side = d in ("left", "right")
    screen, eye = "#141a30", "#6fe3e1"  # the bust's dark face-screen and its two cyan eyes
    if d == "down":
        scr = ((np.abs(cv.xs - cx) < 6) & (np.abs(cv.ys - (cy + 0.5)) < 4)).astype(np.float32)
        scr *= cv.ellipse_m(cx, cy + 0.5, 7.2, 5.5)
        cv.paint(scr, screen)
        cv.paint(scr * (1 - np.roll(scr, -1, axis=0)), eye, 0.35)
        for ex in (int(cx - 4), int(cx + 2)):
            cv.soft(cv.ellipse_m(ex + 1, cy + 0.5, 1.5, 2), eye, 1.0, 0.5)
            cv.rect(ex, int(cy - 1), ex + 2, int(cy + 2), eye)
            cv.px(ex, int(cy - 1), "#dffcfb")
    elif side:
        scr = cv.ellipse_m(cx - 4.0, cy + 0.5, 3.8, 4.5) * body
        cv.paint(scr, screen)
        cv.rect(int(cx - 6), int(cy - 1), int(cx - 4), int(cy + 2), eye)
        cv.rect(int(cx + 3), int(cy - 2), int(cx + 6), int(cy + 3), shell_shade)
    else:
        cv.hline(int(cx - 5), int(cx + 5), int(cy - 3), shell_shade)
        for y in (int(cy), int(cy + 2)):
            cv.hline(int(cx - 2), int(cx + 2), y, mix(shell_shade, "#0b0d1a", 0.3))
        for x in (6, 24):
            cv.rect(x, int(cy - 2), x + 2, int(cy + 3), shell_shade)
    if d == "right":
        cv = cv.flip()
    return cv


def sprite_sheet(frame_fn: Callable[[str, int], Canvas], hover: bool = False) -> Image.Image:
    """4 x 4 frames (rows: down, left, right, up), each outlined and set on a soft ground shadow."""
    sheet = np.zeros((FRAME_H * 4, FRAME_W * 4, 4), np.uint8)
    for row, d in enumerate(DIRECTIONS):
        for col in range(4):
            body = frame_fn(d, col)
            outline(body)
            cv = Canvas(FRAME_W, FRAME_H)
            if hover:
                k = [1.0, 0.92, 0.85, 0.92][col]
                cv.ellipse(16, 44.5, 6.5 * k, 2.0 * k, "#0b0d1a", 0.35)
            else:
                cv.ellipse(16, 45.5, 7.5, 2.2, "#0b0d1a", 0.38)
            cv.paste(body, 0, 0)
            sheet[row * FRAME_H:(row + 1) * FRAME_H, col * FRAME_W:(col + 1) * FRAME_W] = cv.rgba()
    return Image.fromarray(sheet, "RGBA")


def human_sheet(name: str) -> Callable[[], Image.Image]:
    return lambda: sprite_sheet(lambda d, f: human_frame(LOOKS[name], d, f))
