"""Korean neon signs of the Seoul scenes: real short sign words set in NanumBarunGothic Bold as
tubes (with emission and mirrored reflections), and abstract glyph strokes for hologram text.
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
                flip_y: float | None = None) -> None:
    """A sign word as neon letters, in a row or a column; ``flip_y`` mirrors it about y = flip_y."""
    word = sign_word(r, n)
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


def glyph_strokes(r: np.random.Generator, x: float, y: float, size: float) -> list[tuple[str, list]]:
    """One abstract glyph block in the box (x, y, size), hangul-like in rhythm but no real letter:
    a list of ('line', pts) and ('arc', (cx, cy, rad, a0, a1)) neon-tube strokes."""
    s = size
    out: list[tuple[str, list]] = []

    def part(x0: float, y0: float, w: float, h: float) -> None:
        """Two overlapping primitives (an open arc, a bent bar, a slant, a tick) in a slot."""
        first = int(choice(r, [0, 0, 1, 4]))
        rest = [k for k in (1, 2, 3, 4, 5) if k != first]
        kinds = [first, int(choice(r, rest))]
        for k in kinds:
            if k == 0:  # open arc, its gap turned somewhere
                a0 = float(r.uniform(0, 360))
                rad = min(w, h) * r.uniform(0.32, 0.48)
                out.append(("arc", [(x0 + w / 2, y0 + h / 2, rad, a0, a0 + r.uniform(190, 250))]))
            elif k == 1:  # bar bent down at one end
                yy = y0 + h * r.uniform(0.0, 0.3)
                out.append(("line", [(x0, yy), (x0 + w, yy), (x0 + w * r.uniform(0.75, 1.0), yy + h * r.uniform(0.4, 0.8))]))
            elif k == 2:  # slant
                out.append(("line", [(x0 + w * r.uniform(0.0, 0.4), y0 + h), (x0 + w * r.uniform(0.5, 1.0), y0 + h * r.uniform(0.0, 0.3))]))
            elif k == 3:  # short bar
                yy = y0 + h * r.uniform(0.35, 1.0)
                out.append(("line", [(x0 + w * 0.1, yy), (x0 + w * r.uniform(0.6, 0.95), yy)]))
            elif k == 4:  # upright with a foot
                xx = x0 + w * r.uniform(0.05, 0.4)
                out.append(("line", [(xx, y0), (xx, y0 + h), (xx + w * r.uniform(0.4, 0.7), y0 + h)]))
            else:  # a dot-tick
                out.append(("line", [(x0 + w * 0.5, y0 + h * 0.15), (x0 + w * 0.55, y0 + h * 0.35)]))

    def stem_v(x0: float, y0: float, h: float) -> None:
        out.append(("line", [(x0, y0), (x0, y0 + h)]))
        if r.random() < 0.7:
            d = 1 if r.random() < 0.6 else -1
            yy = y0 + h * r.uniform(0.3, 0.6)
            out.append(("line", [(x0, yy), (x0 + d * s * 0.13, yy - s * 0.04)]))

    def stem_h(x0: float, y0: float, w: float) -> None:
        out.append(("line", [(x0, y0), (x0 + w, y0)]))
        if r.random() < 0.6:
            xx = x0 + w * r.uniform(0.35, 0.65)
            out.append(("line", [(xx, y0), (xx + s * 0.03, y0 - s * 0.13)]))

    kind = int(r.integers(0, 3))
    if kind == 0:
        part(x + s * 0.04, y + s * 0.16, s * 0.5, s * 0.6)
        stem_v(x + s * 0.76, y + s * 0.04, s * 0.9)
    elif kind == 1:
        part(x + s * 0.18, y + s * 0.04, s * 0.62, s * 0.46)
        stem_h(x + s * 0.04, y + s * 0.7, s * 0.9)
    else:
        part(x + s * 0.04, y + s * 0.02, s * 0.46, s * 0.4)
        stem_v(x + s * 0.74, y + s * 0.0, s * 0.52)
        part(x + s * 0.14, y + s * 0.62, s * 0.66, s * 0.34)
    # a slight italic lean, like a hand-bent tube
    lean = 0.1
    sheared = []
    for kind_, data in out:
        if kind_ == "line":
            sheared.append((kind_, [(px - (py - y - s / 2) * lean, py) for px, py in data]))
        else:
            cx, cy, rad, a0, a1 = data[0]
            sheared.append((kind_, [(cx - (cy - y - s / 2) * lean, cy, rad, a0, a1)]))
    return sheared


def unit_glyph_lines(r: np.random.Generator, n: int, vertical: bool) -> list[list[tuple[float, float]]]:
    """Glyph strokes of n blocks as polylines in block units (each block 1x1, gap 0.22)."""
    out = []
    for i in range(n):
        ox, oy = (0.0, i * 1.22) if vertical else (i * 1.22, 0.0)
        for kind, data in glyph_strokes(r, ox, oy, 1.0):
            if kind == "line":
                out.append(list(data))
            else:
                cx, cy, rad, a0, a1 = data[0]
                out.append([(cx + rad * math.cos(math.radians(a)), cy + rad * math.sin(math.radians(a)))
                            for a in np.linspace(a0, a1, 14)])
    return out
