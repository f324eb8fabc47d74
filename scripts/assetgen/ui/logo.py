"""The title lettering in English and Korean: Nanum with tracking, a subtitle between fading rules, a
sparkle, and a glow that runs from Nan-young's blue to Jay's amber.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..raster.blur import soften
from ..raster.colour import rgb
from ..raster.layer import Layer
from ..raster.sdf import fill, grid
from ..sources import BOLD, REGULAR
from .glass import AMBER, BLUE, PAPER


def tracked_text(text: str, font: ImageFont.FreeTypeFont, tracking: float, scale: int) -> Image.Image:
    """Render text glyph by glyph with extra letter spacing, as an L mask (at ``scale`` x)."""
    advances = [font.getlength(ch) for ch in text]
    width = int(sum(advances) + tracking * (len(text) - 1)) + 8 * scale
    ascent, descent = font.getmetrics()
    mask = Image.new("L", (width, ascent + descent + 8 * scale), 0)
    draw = ImageDraw.Draw(mask)
    x = 4.0 * scale
    for ch, adv in zip(text, advances):
        draw.text((round(x), 4 * scale), ch, font=font, fill=255)
        x += adv + tracking
    bbox = mask.getbbox()
    return mask.crop(bbox) if bbox else mask


def logo(title: str, subtitle: str, korean: bool, width: int = 900, height: int = 260) -> Layer:
    ss = 2  # render the type at 2x and reduce, for smooth thin strokes
    regular = REGULAR
    bold = BOLD
    title_size = 84 if korean else 96
    title_font = ImageFont.truetype(str(regular), title_size * ss)
    title_track = (0.06 if korean else 0.05) * title_size * ss
    title_mask = tracked_text(title, title_font, title_track, ss)
    max_w = (width - 90) * ss
    if title_mask.width > max_w:
        k = max_w / title_mask.width
        title_mask = title_mask.resize((max_w, round(title_mask.height * k)), Image.Resampling.LANCZOS)
    sub_size = 24 if korean else 22
    sub_font = ImageFont.truetype(str(bold), sub_size * ss)
    sub_mask = tracked_text(subtitle, sub_font, (0.55 if korean else 0.42) * sub_size * ss, ss)

    canvas = Image.new("L", (width * ss, height * ss), 0)
    gap = 30 * ss
    block_h = title_mask.height + gap + sub_mask.height
    ty = (height * ss - block_h) // 2 - 4 * ss
    tx = (width * ss - title_mask.width) // 2
    canvas.paste(title_mask, (tx, ty))
    sy = ty + title_mask.height + gap
    sx = (width * ss - sub_mask.width) // 2
    sub_canvas = Image.new("L", canvas.size, 0)
    sub_canvas.paste(sub_mask, (sx, sy))
    title_a = np.asarray(canvas.resize((width, height), Image.Resampling.LANCZOS), np.float32) / 255.0
    sub_a = np.asarray(sub_canvas.resize((width, height), Image.Resampling.LANCZOS), np.float32) / 255.0
    sub_box = (sx / ss, sy / ss, (sx + sub_mask.width) / ss, (sy + sub_mask.height) / ss)
    title_box = (tx / ss, ty / ss, (tx + title_mask.width) / ss, (ty + title_mask.height) / ss)

    xs, ys = grid(width, height)
    # Horizontal light: cool blue on the left (Nan-young), warm amber on the right (Jay).
    t = np.clip((xs - title_box[0]) / max(title_box[2] - title_box[0], 1.0), 0.0, 1.0)
    t = t * t * (3 - 2 * t)
    blue, amber = rgb(BLUE), rgb(AMBER)
    light = blue[None, None] * (1 - t[..., None]) + amber[None, None] * t[..., None]

    # Subtitle flanked by thin rules that fade outwards, with a small dot at the inner end.
    rules = np.zeros((height, width), np.float32)
    mid_y = (sub_box[1] + sub_box[3]) / 2.0
    rule_len = 120.0
    for side in (-1, 1):
        inner = sub_box[0] - 18 if side < 0 else sub_box[2] + 18
        outer = inner + side * rule_len
        lo, hi = min(inner, outer), max(inner, outer)
        along = np.clip(1.0 - np.abs(xs - inner) / rule_len, 0.0, 1.0)
        line = np.clip(1.0 - np.abs(ys - mid_y) / 0.75, 0.0, 1.0) * ((xs >= lo) & (xs <= hi)) * along
        rules = np.maximum(rules, line * 0.75)
        dot = fill(np.hypot(xs - (inner + side * -2.0), ys - mid_y) - 1.6)
        rules = np.maximum(rules, dot * 0.9)

    # A small four-point star as a sparkle above the title's end (the "starlight").
    star_c = (title_box[2] + 6.0, title_box[1] - 4.0) if not korean else (title_box[2] + 8.0, title_box[1] - 2.0)
    dx, dy = np.abs(xs - star_c[0]), np.abs(ys - star_c[1])
    level = (dx / 13.0) ** 0.5 + (dy / 13.0) ** 0.5
    sparkle = np.clip((1.0 - level) * 6.0, 0.0, 1.0)

    letters = np.maximum(np.maximum(title_a, sub_a * 0.92), np.maximum(rules, sparkle))
    wide = soften(letters, 16)
    near = soften(letters, 4)
    layer = Layer(width, height)
    layer.paint(np.clip(wide * 1.8, 0.0, 1.0) * 0.62, light)
    layer.paint(np.clip(near * 1.2, 0.0, 1.0) * 0.45, light)
    # Letters in paper white, with a touch of the light colour at their edges.
    layer.paint(letters, PAPER)
    return layer
