"""Real words on tiles: a word set in NanumBarunGothic (Bold by default) as a soft-edged mask at pixel-art
size, for neon tubes, brass letters and little signs.

The word is drawn eight times larger and averaged down, so strokes keep their shape at 10-12 px (a
Korean player reads 노래방, not broken strokes). Only real, short sign words: docs/art-direction.md.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..sources import BOLD, REGULAR

SUPER = 8  # drawn this many times larger, then averaged down


def word_mask(w: int, h: int, text: str, size: float, centre: tuple[float, float], vertical: bool = False,
              gap: float = 0.0, bold: bool = True, tracking: float = 0.0) -> np.ndarray:
    """A ``h`` x ``w`` mask (0..1) of ``text`` at ``size`` px, its ink centred on ``centre``.

    ``vertical`` stacks the letters top to bottom, ``gap`` px apart; ``tracking`` adds px between letters
    in a row.
    """
    font = ImageFont.truetype(str(BOLD if bold else REGULAR), max(4, round(size * SUPER)))
    step = round(size * SUPER)
    if vertical:  # one letter under the other, each centred on the column, a letter's height apart
        sheet = Image.new("L", (2 * step, (step + round(gap * SUPER)) * len(text) + step), 0)
        draw = ImageDraw.Draw(sheet)
        for i, ch in enumerate(text):
            x = (sheet.width - font.getlength(ch)) / 2
            draw.text((x, i * (step + round(gap * SUPER))), ch, font=font, fill=255)
    else:  # on one baseline, each letter its own advance apart (plus the tracking)
        advances = [font.getlength(ch) + tracking * SUPER for ch in text]
        sheet = Image.new("L", (round(sum(advances)) + 2 * step, 2 * step), 0)
        draw = ImageDraw.Draw(sheet)
        x = float(step)
        for ch, advance in zip(text, advances):
            draw.text((x, step // 2), ch, font=font, fill=255)
            x += advance
    ink = sheet.getbbox() or (0, 0, sheet.width, sheet.height)
    sheet = sheet.crop(ink)
    small_w, small_h = max(round(sheet.width / SUPER), 1), max(round(sheet.height / SUPER), 1)
    small = np.asarray(sheet.resize((small_w, small_h), Image.Resampling.BOX), np.float32) / 255.0
    out = np.zeros((h, w), np.float32)
    left, top = round(centre[0] - small_w / 2), round(centre[1] - small_h / 2)
    x0, y0, x1, y1 = max(left, 0), max(top, 0), min(left + small_w, w), min(top + small_h, h)
    if x1 > x0 and y1 > y0:
        out[y0:y1, x0:x1] = small[y0 - top:y1 - top, x0 - left:x1 - left]
    return out
