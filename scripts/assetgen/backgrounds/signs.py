"""Korean neon signs of the Seoul scenes: real short sign words set in NanumBarunGothic Bold as
tubes (with emission and mirrored reflections), facing the camera or laid whole onto a wall seen at an
angle (never abstract strokes, which a Korean player reads as broken text).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..raster.colour import Colour, rgba8, to8
from ..raster.vector import Point, Sketch
from ..seeds import choice
from ..sources import BOLD

# Real Korean sign words (scenery needs no translation, and gibberish syllables would read as
# broken text to a Korean player), by length in syllables.
SIGN_WORDS: dict[int, list[str]] = {
    1: ["약", "술", "밥", "꽃", "빵", "차"],
    2: ["수리", "음반", "분식", "커피", "국수", "호프", "약국", "별빛", "만두", "노래", "서점", "세탁"],
    3: ["전파사", "노래방", "편의점", "사진관", "만화방", "레코드", "떡볶이", "다방골", "우주빵"],
    4: ["은하음향", "중고음반", "골목식당", "별빛다방", "오디오숍", "심야식당"],
    5: ["은하음향사", "중고레코드", "별빛노래방", "골목분식집"],
}


SIGN_FONT = BOLD


def sign_word(r: np.random.Generator, n: int) -> str:
    """A real sign word of up to ``n`` syllables (the longest available), chosen by ``r``."""
    length = max(1, min(n, max(SIGN_WORDS)))
    return str(choice(r, SIGN_WORDS[length]))


def draw_glyphs(L: Sketch, r: np.random.Generator, x: float, y: float, size: float, n: int, vertical: bool,
                width: float, core: Colour | None, emit: Colour | None, gap: float = 0.22, base: bool = True,
                flip_y: float | None = None, word: str | None = None) -> None:
    """A sign word (chosen by ``r`` with up to ``n`` syllables, or the ``word`` given) as neon letters, in a
    row or a column; ``flip_y`` mirrors it about y = flip_y."""
    word = word if word is not None else sign_word(r, n)
    s = L.s
    font = ImageFont.truetype(str(SIGN_FONT), max(4, int(size * s * 0.92)))
    fill = rgba8(core, 1.0) if core is not None else None
    glow = to8(emit) if emit is not None else (0, 0, 0)
    for i, ch in enumerate(word):
        gx = x if vertical else x + i * size * (1 + gap)
        gy = y + i * size * (1 + gap) if vertical else y
        if flip_y is None:
            if base and fill is not None:
                L.d.text((gx * s, gy * s), ch, font=font, fill=fill)
            if L.de is not None and (base or emit is not None):
                L.de.text((gx * s, gy * s), ch, font=font, fill=glow)
            continue
        # a reflection: the letter drawn upside down below the mirror line
        box = int(size * s * 1.3) + 2
        letter = Image.new("L", (box, box), 0)
        ImageDraw.Draw(letter).text((0, 0), ch, font=font, fill=255)
        letter = letter.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        top = int((2 * flip_y - gy) * s) - box
        if base and fill is not None:
            L.im.paste(Image.new("RGBA", (box, box), fill), (int(gx * s), top), letter)
        if L.em is not None and (base or emit is not None):
            L.em.paste(Image.new("RGB", (box, box), glow), (int(gx * s), top), letter)


def homography(src: Sequence[Point], dst: Sequence[Point]) -> tuple[float, ...]:
    """The 8 coefficients of the projective map taking the four points ``src`` to ``dst`` (in order)."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return tuple(float(c) for c in np.linalg.solve(np.array(a, np.float64), np.array(b, np.float64)))


def word_on_plane(L: Sketch, word: str, corners: Sequence[Point], core: Colour | None, emit: Colour | None,
                  base: bool = True) -> None:
    """A sign word set upright in the font and laid onto a flat board seen in perspective.

    ``corners`` are the screen points of the text's top-left, top-right, bottom-right and bottom-left:
    the letters are drawn whole and flat, then carried onto the board by one projective map, so a word
    on a wall seen at an angle reads as that word (never as strokes cut apart).
    """
    s = L.s
    quad = [(x * s, y * s) for x, y in corners]
    tallest = max(math.dist(quad[0], quad[3]), math.dist(quad[1], quad[2]))
    size = int(np.clip(tallest * 1.2, 32, 256))  # letters drawn at least as large as they appear
    font = ImageFont.truetype(str(SIGN_FONT), size)
    x0, y0, x1, y1 = font.getbbox(word)
    pad = size // 16
    w, h = int(x1 - x0) + 2 * pad, int(y1 - y0) + 2 * pad
    letters = Image.new("L", (w, h), 0)
    ImageDraw.Draw(letters).text((pad - x0, pad - y0), word, font=font, fill=255)
    bx0, by0 = int(min(p[0] for p in quad)) - 1, int(min(p[1] for p in quad)) - 1
    bx1, by1 = int(max(p[0] for p in quad)) + 2, int(max(p[1] for p in quad)) + 2
    if bx1 - bx0 < 2 or by1 - by0 < 2:
        return
    local = [(x - bx0, y - by0) for x, y in quad]
    coeffs = homography(local, [(0, 0), (w, 0), (w, h), (0, h)])  # picture -> letters, as Pillow wants it
    mask = letters.transform((bx1 - bx0, by1 - by0), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    if base and core is not None:
        L.im.paste(Image.new("RGBA", mask.size, rgba8(core, 1.0)), (bx0, by0), mask)
    if L.em is not None and (base or emit is not None):
        L.em.paste(Image.new("RGB", mask.size, to8(emit) if emit is not None else (0, 0, 0)), (bx0, by0), mask)


def word_shape(word: str) -> float:
    """Width over height of a word as the sign font sets it (to size the board it goes on)."""
    font = ImageFont.truetype(str(SIGN_FONT), 96)
    x0, y0, x1, y1 = font.getbbox(word)
    return (x1 - x0 + 12) / (y1 - y0 + 12)
