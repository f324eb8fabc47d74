"""Backgrounds of Seoul in 2050 and the title screen's two layers.

Painterly-flat layered vector (see docs/art-direction.md): sky gradients, 4-7 depth layers with aerial
perspective, neon and windows drawn as emission and added back as glow, rain in three layers over a
wet ground that mirrors the lights, film grain. Flat shapes are drawn supersampled with Pillow (an
RGBA base image and an emission image drawn together, so nearer shapes hide farther lights), fields and
light are numpy floats. Every picture takes its randomness from ``rng(name)``: same bytes every run.

    python scripts/assetgen/backgrounds_seoul.py [NAME ...]   # quick preview of some pictures
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from assetgen.common import HEIGHT, WIDTH, Made, grain, rgb_array, rng, save_jpeg, save_png
else:
    from .common import HEIGHT, WIDTH, Made, grain, rgb_array, rng, save_jpeg, save_png

SCRIPT = "scripts/assetgen/backgrounds_seoul.py"
H, W = HEIGHT, WIDTH
YY, XX = np.mgrid[0:H, 0:W].astype(np.float32)
DARKEST = rgb_array("#0b0d1a")
LIGHTEST = rgb_array("#f4f1ea")
SS = 2  # supersampling of the vector layers

# --------------------------------------------------------------------------------------------------
# float-image toolkit (HxW or HxWx3 float32 in 0..1)
# --------------------------------------------------------------------------------------------------


def C(colour) -> np.ndarray:
    if isinstance(colour, np.ndarray):
        return colour.astype(np.float32)
    if isinstance(colour, (tuple, list)):
        return np.array(colour, np.float32)
    return rgb_array(colour)


def mix(a, b, t: float) -> np.ndarray:
    return (C(a) * (1.0 - t) + C(b) * t).astype(np.float32)


def to8(colour) -> tuple[int, int, int]:
    c = np.clip(C(colour), 0.0, 1.0)
    return int(c[0] * 255 + 0.5), int(c[1] * 255 + 0.5), int(c[2] * 255 + 0.5)


def smooth(e0: float, e1: float, x):
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _box0(a: np.ndarray, r: int) -> np.ndarray:
    if r < 1:
        return a
    n = a.shape[0]
    p = np.concatenate([np.repeat(a[:1], r + 1, axis=0), a, np.repeat(a[-1:], r, axis=0)], axis=0)
    c = np.cumsum(p, axis=0, dtype=np.float32)
    return (c[2 * r + 1:2 * r + 1 + n] - c[:n]) / float(2 * r + 1)


def _rad(sigma: float) -> int:
    return int(round((math.sqrt(4.0 * sigma * sigma + 1.0) - 1.0) / 2.0))


def _gauss2(a: np.ndarray, sy: float, sx: float) -> np.ndarray:
    ry, rx = _rad(sy), _rad(sx)
    for _ in range(3):
        a = _box0(a, ry)
    a = np.swapaxes(a, 0, 1)
    for _ in range(3):
        a = _box0(a, rx)
    return np.ascontiguousarray(np.swapaxes(a, 0, 1))


def _resize(a: np.ndarray, w: int, h: int) -> np.ndarray:
    chans = [np.asarray(Image.fromarray(np.ascontiguousarray(a[..., i]), "F").resize((w, h), Image.BILINEAR))
             for i in range(a.shape[2])]
    return np.stack(chans, axis=-1)


def fblur(a: np.ndarray, ry: float, rx: float | None = None) -> np.ndarray:
    """Gaussian-like blur (three box passes), anisotropic if rx is given; big radii at reduced size."""
    rx = ry if rx is None else rx
    a = np.asarray(a, np.float32)
    flat = a.ndim == 2
    if flat:
        a = a[..., None]
    f = 4 if min(rx, ry) > 20 else (2 if min(rx, ry) > 6 else 1)
    h, w, c = a.shape
    if f == 1:
        out = _gauss2(a, ry, rx)
    else:
        hs, ws = -(-h // f), -(-w // f)
        p = np.pad(a, ((0, hs * f - h), (0, ws * f - w), (0, 0)), mode="edge")
        small = p.reshape(hs, f, ws, f, c).mean(axis=(1, 3))
        small = _gauss2(small, ry / f, rx / f)
        out = _resize(small, ws * f, hs * f)[:h, :w]
    return out[..., 0] if flat else out


def fbm(r: np.random.Generator, scale: float, octaves: int = 5, gain: float = 0.5, sx: float = 1.0,
        sy: float = 1.0, h: int = H, w: int = W) -> np.ndarray:
    """Fractal value noise in 0..1; ``scale`` the largest feature in px, sx/sy stretch it."""
    out = np.zeros((h, w), np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gh = max(2, int(h / (s * sy)) + 3)
        gw = max(2, int(w / (s * sx)) + 3)
        g = r.random((gh, gw), dtype=np.float32)
        im = Image.fromarray(g, "F").resize((w, h), Image.BICUBIC, box=(1, 1, gw - 2, gh - 2))
        out += np.asarray(im, np.float32) * amp
        total += amp
        amp *= gain
        s /= 2.0
    out /= total
    lo, hi = np.percentile(out, 0.5), np.percentile(out, 99.5)
    return np.clip((out - lo) / (hi - lo + 1e-6), 0.0, 1.0)


def line_noise(r: np.random.Generator, scale: float, octaves: int = 4, w: int = W) -> np.ndarray:
    """1-D fractal noise in about -1..1 along x (ridgelines)."""
    out = np.zeros(w, np.float32)
    amp, total, s = 1.0, 0.0, float(scale)
    for _ in range(octaves):
        gw = max(2, int(w / s) + 3)
        g = r.random((1, gw), dtype=np.float32) * 2.0 - 1.0
        im = Image.fromarray(g, "F").resize((w, 1), Image.BICUBIC, box=(1, 0, gw - 2, 1))
        out += np.asarray(im, np.float32)[0] * amp
        total += amp
        amp *= 0.5
        s /= 2.0
    return out / total


def vgrad(stops, h: int = H, w: int = W) -> np.ndarray:
    ys = np.linspace(0.0, 1.0, h, dtype=np.float32)
    pos = [p for p, _ in stops]
    chans = [np.interp(ys, pos, [C(c)[i] for _, c in stops]) for i in range(3)]
    col = np.stack(chans, axis=-1).astype(np.float32)
    return np.repeat(col[:, None, :], w, axis=1)


def paint(img: np.ndarray, m: np.ndarray, colour, alpha: float = 1.0) -> np.ndarray:
    k = (m * alpha)[..., None]
    colour = C(colour)
    if colour.ndim == 3:
        return img * (1.0 - k) + colour * k
    return img * (1.0 - k) + colour[None, None, :] * k


def radial(cx: float, cy: float, rx: float, ry: float | None = None, power: float = 2.0) -> np.ndarray:
    ry = rx if ry is None else ry
    d2 = ((XX - cx) / rx) ** 2 + ((YY - cy) / ry) ** 2
    if power == 2.0:
        return np.exp(-d2).astype(np.float32)
    return np.exp(-(d2 ** (power / 2.0))).astype(np.float32)


def glow(img: np.ndarray, light: np.ndarray, radii=((2.5, 0.7), (10, 0.5), (40, 0.4))) -> np.ndarray:
    """Additive light: the emission itself plus blurred copies of it."""
    out = img + light
    for radius, k in radii:
        out = out + fblur(light, radius) * k
    return out


def shift(a: np.ndarray, dx: int, dy: int) -> np.ndarray:
    out = np.zeros_like(a)
    h, w = a.shape[:2]
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[yd, xd] = a[ys, xs]
    return out


def top_edge(m: np.ndarray, width: int = 2) -> np.ndarray:
    """The upper rim of a mask (where light from the sky behind catches the roofs)."""
    return np.clip(m - shift(m, 0, width), 0.0, 1.0)


def tone(img: np.ndarray) -> np.ndarray:
    """Soft highlight shoulder up to the lightest colour, floor at the darkest."""
    k = 0.8
    over = np.maximum(img - k, 0.0)
    soft = k + (LIGHTEST - k) * (1.0 - np.exp(-over / (LIGHTEST - k)))
    out = np.where(img > k, soft, img)
    return np.maximum(out, DARKEST).astype(np.float32)


def calm_bottom(img: np.ndarray, colour="#0b0d1a", strength: float = 0.35, start: float = 0.66) -> np.ndarray:
    """Darken the lower part gently where the text box sits."""
    t = smooth(start * H, H, YY)[..., None] * strength
    return img * (1.0 - t) + C(colour) * t


def vignette(img: np.ndarray, colour="#0b0d1a", strength: float = 0.45, cx: float = 640, cy: float = 330) -> np.ndarray:
    v = smooth(0.55, 1.25, np.sqrt(((XX - cx) / 760) ** 2 + ((YY - cy) / 470) ** 2))
    return paint(img, v, colour, strength)


# --------------------------------------------------------------------------------------------------
# vector layers: an RGBA base and an RGB emission drawn together at SS times the size
# --------------------------------------------------------------------------------------------------


def _rgba(colour, a: float = 1.0) -> tuple[int, int, int, int]:
    r, g, b = to8(colour)
    return r, g, b, int(round(np.clip(a, 0.0, 1.0) * 255))


class Layer:
    """Flat shapes with optional emission. ``base()`` gives premultiplied (rgb, alpha); ``light()`` the emission.

    Shapes are opaque within one layer (nearer shapes drawn later cover farther ones, also their lights).
    """

    def __init__(self, ss: int = SS, emission: bool = True) -> None:
        self.s = ss
        self.im = Image.new("RGBA", (W * ss, H * ss), (0, 0, 0, 0))
        self.d = ImageDraw.Draw(self.im)
        self.em = Image.new("RGB", (W * ss, H * ss), (0, 0, 0)) if emission else None
        self.de = ImageDraw.Draw(self.em) if emission else None

    def _p(self, pts):
        s = self.s
        return [(x * s, y * s) for x, y in pts]

    def _box(self, x0, y0, x1, y1):
        s = self.s
        return [min(x0, x1) * s, min(y0, y1) * s, max(x0, x1) * s, max(y0, y1) * s]

    def _do(self, fn: str, geom, colour, emit, alpha: float = 1.0, base: bool = True, **kw):
        if base and colour is not None:
            getattr(self.d, fn)(geom, fill=_rgba(colour, alpha), **kw)
        if self.de is not None and (base or emit is not None):
            getattr(self.de, fn)(geom, fill=to8(emit) if emit is not None else (0, 0, 0), **kw)

    def poly(self, pts, colour, emit=None, alpha: float = 1.0, base: bool = True):
        self._do("polygon", self._p(pts), colour, emit, alpha, base)

    def rect(self, x0, y0, x1, y1, colour, emit=None, alpha: float = 1.0, base: bool = True):
        self._do("rectangle", self._box(x0, y0, x1, y1), colour, emit, alpha, base)

    def rrect(self, x0, y0, x1, y1, radius, colour, emit=None, alpha: float = 1.0, base: bool = True):
        self._do("rounded_rectangle", self._box(x0, y0, x1, y1), colour, emit, alpha, base, radius=radius * self.s)

    def ellipse(self, cx, cy, rx, ry, colour, emit=None, alpha: float = 1.0, base: bool = True):
        self._do("ellipse", self._box(cx - rx, cy - ry, cx + rx, cy + ry), colour, emit, alpha, base)

    def line(self, pts, width, colour, emit=None, alpha: float = 1.0, base: bool = True, caps: bool = True):
        w = max(1, int(round(width * self.s)))
        p = self._p(pts)
        self._do("line", p, colour, emit, alpha, base, width=w, joint="curve")
        if caps:
            rr = width * self.s / 2.0
            for x, y in (p[0], p[-1]):
                self._do("ellipse", [x - rr, y - rr, x + rr, y + rr], colour, emit, alpha, base)

    def arc(self, cx, cy, rx, ry, a0, a1, width, colour, emit=None, alpha: float = 1.0, base: bool = True,
            caps: bool = True):
        pts = [(cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
               for a in np.linspace(a0, a1, max(6, int(abs(a1 - a0) / 6)))]
        self.line(pts, width, colour, emit, alpha, base, caps)

    def base(self) -> tuple[np.ndarray, np.ndarray]:
        a = self.im.getchannel("A")
        pm = ImageChops.multiply(self.im.convert("RGB"), Image.merge("RGB", (a, a, a)))
        if self.s > 1:
            pm, a = pm.reduce(self.s), a.reduce(self.s)
        return np.asarray(pm, np.float32) / 255.0, np.asarray(a, np.float32) / 255.0

    def light(self) -> np.ndarray:
        em = self.em.reduce(self.s) if self.s > 1 else self.em
        return np.asarray(em, np.float32) / 255.0

    def over(self, img: np.ndarray, alpha: float = 1.0) -> np.ndarray:
        pm, a = self.base()
        return img * (1.0 - a[..., None] * alpha) + pm * alpha

    def mask(self) -> np.ndarray:
        return self.base()[1]


def shape_mask(fn: Callable[[Layer], None], ss: int = SS) -> np.ndarray:
    L = Layer(ss, emission=False)
    fn(L)
    return L.mask()


# --------------------------------------------------------------------------------------------------
# motifs: glyph signs, stars, rain, reflections, skylines, holograms, people
# --------------------------------------------------------------------------------------------------


def glyph_strokes(r: np.random.Generator, x: float, y: float, size: float) -> list[tuple[str, list]]:
    """One abstract glyph block in the box (x, y, size), hangul-like in rhythm but no real letter:
    a list of ('line', pts) and ('arc', (cx, cy, rad, a0, a1)) neon-tube strokes."""
    s = size
    out: list[tuple[str, list]] = []

    def part(x0, y0, w, h):
        """Two overlapping primitives (an open arc, a bent bar, a slant, a tick) in a slot."""
        first = int(rng_choice(r, [0, 0, 1, 4]))
        rest = [k for k in (1, 2, 3, 4, 5) if k != first]
        kinds = [first, int(rng_choice(r, rest))]
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

    def stem_v(x0, y0, h):
        out.append(("line", [(x0, y0), (x0, y0 + h)]))
        if r.random() < 0.7:
            d = 1 if r.random() < 0.6 else -1
            yy = y0 + h * r.uniform(0.3, 0.6)
            out.append(("line", [(x0, yy), (x0 + d * s * 0.13, yy - s * 0.04)]))

    def stem_h(x0, y0, w):
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


# Real Korean sign words (scenery needs no translation, and gibberish syllables would read as
# broken text to a Korean player), by length in syllables.
SIGN_WORDS: dict[int, list[str]] = {
    1: ["약", "술", "밥", "꽃", "빵", "차"],
    2: ["수리", "음반", "분식", "커피", "국수", "호프", "약국", "별빛", "만두", "노래", "서점", "세탁"],
    3: ["전파사", "노래방", "편의점", "사진관", "만화방", "레코드", "떡볶이", "다방골", "우주빵"],
    4: ["은하음향", "중고음반", "골목식당", "별빛다방", "오디오숍", "심야식당"],
    5: ["은하음향사", "중고레코드", "별빛노래방", "골목분식집"],
}
SIGN_FONT = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "NanumBarunGothicBold.ttf"


def sign_word(r: np.random.Generator, n: int) -> str:
    """A real sign word of up to ``n`` syllables (the longest available), chosen by ``r``."""
    length = max(1, min(n, max(SIGN_WORDS)))
    return str(rng_choice(r, SIGN_WORDS[length]))


def draw_glyphs(L: Layer, r: np.random.Generator, x: float, y: float, size: float, n: int, vertical: bool,
                width: float, core, emit, gap: float = 0.22, base: bool = True, flip_y: float | None = None) -> None:
    """A sign word as neon letters, in a row or a column; ``flip_y`` mirrors it about y = flip_y."""
    word = sign_word(r, n)
    s = L.s
    font = ImageFont.truetype(str(SIGN_FONT), max(4, int(size * s * 0.92)))
    fill = _rgba(core, 1.0) if core is not None else None
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


def add_star(layer: np.ndarray, x: float, y: float, b: float, colour, length: float) -> None:
    """A bright star with a soft four-point cross, added into ``layer``."""
    colour = C(colour)
    R = int(length * 2.2) + 3
    ix, iy = int(round(x)), int(round(y))
    y0, y1, x0, x1 = max(0, iy - R), min(H, iy + R + 1), max(0, ix - R), min(W, ix + R + 1)
    if y0 >= y1 or x0 >= x1:
        return
    yy, xx = YY[y0:y1, x0:x1] - y, XX[y0:y1, x0:x1] - x
    core = np.exp(-(xx * xx + yy * yy) / 1.2)
    halo = np.exp(-np.sqrt(xx * xx + yy * yy) / 3.2) * 0.22
    ch = np.exp(-(yy * yy) / 0.4) * np.exp(-np.abs(xx) / (length * 0.42))
    cv = np.exp(-(xx * xx) / 0.4) * np.exp(-np.abs(yy) / (length * 0.42))
    layer[y0:y1, x0:x1] += (core + halo + 0.5 * (ch + cv))[..., None] * colour * b


def starfield(r: np.random.Generator, n_faint: int, n_bright: int, y0: float, y1: float, tints=("#f4f1ea",),
              cross: float = 12.0, fade: np.ndarray | None = None, x0: float = 0, x1: float = W) -> np.ndarray:
    """Many faint stars and a few bright ones with soft crosses (light to add)."""
    layer = np.zeros((H, W, 3), np.float32)
    tint = [C(t) for t in tints]
    xs, ys = r.uniform(x0, x1 - 1, n_faint), r.uniform(y0, y1 - 1, n_faint)
    bs = 0.06 + 0.5 * r.random(n_faint) ** 3
    ks = r.integers(0, len(tint), n_faint)
    ix, iy = xs.astype(int), ys.astype(int)
    fx, fy = (xs - ix).astype(np.float32), (ys - iy).astype(np.float32)
    for k in range(len(tint)):
        sel = ks == k
        for ox, oy, wgt in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
            np.add.at(layer, (np.clip(iy[sel] + oy, 0, H - 1), np.clip(ix[sel] + ox, 0, W - 1)),
                      (bs[sel] * wgt[sel] * 1.5)[:, None] * tint[k][None, :])
    bx, by = r.uniform(x0 + 20, x1 - 20, n_bright), r.uniform(y0 + 10, y1 - 10, n_bright)
    bb = 0.5 + 0.5 * r.random(n_bright)
    bk = r.integers(0, len(tint), n_bright)
    for x, y, b, k in zip(bx, by, bb, bk):
        add_star(layer, x, y, b, tint[k], cross * (0.6 + 0.8 * b))
    if fade is not None:
        layer *= fade[..., None]
    return layer


def rain(r: np.random.Generator, n: int, length: tuple[float, float], angle: float, width: float,
         y0: float = -40, y1: float = H, blur_r: float = 0.0) -> np.ndarray:
    """A layer of rain streaks (mask 0..1); ``angle`` in degrees from vertical, positive leaning right."""
    im = Image.new("L", (W * 2, H * 2), 0)
    d = ImageDraw.Draw(im)
    a = math.radians(angle)
    sx, sy = math.sin(a), math.cos(a)
    xs = r.uniform(-60, W + 60, n)
    ys = r.uniform(y0, y1, n)
    ls = r.uniform(length[0], length[1], n)
    vs = r.uniform(90, 255, n)
    wi = max(1, int(round(width * 2)))
    for x, y, ln, v in zip(xs, ys, ls, vs):
        d.line([(x * 2, y * 2), ((x + sx * ln) * 2, (y + sy * ln) * 2)], fill=int(v), width=wi)
    m = np.asarray(im.reduce(2), np.float32) / 255.0
    if blur_r > 0:
        m = fblur(m, blur_r)
    return m


def splashes(r: np.random.Generator, n: int, y0: float, y1: float, size: tuple[float, float]) -> np.ndarray:
    """Small ring ripples and ticks where rain hits the ground (mask)."""
    def fn(L: Layer):
        for _ in range(n):
            y = r.uniform(y0, y1)
            t = (y - y0) / max(1.0, y1 - y0)
            rx = r.uniform(*size) * (0.4 + t)
            x = r.uniform(0, W)
            L.arc(x, y, rx, rx * 0.28, 180 + r.uniform(0, 40), 360 - r.uniform(0, 40), 0.9, "#ffffff", caps=False)
    return shape_mask(fn)


def reflect(light: np.ndarray, axis_y: float | np.ndarray, blur_y: float = 18.0, blur_x: float = 2.0,
            ripple: float = 4.0, r: np.random.Generator | None = None) -> np.ndarray:
    """Mirror ``light`` about the line y = axis_y (scalar or per column), blurred vertically, with ripples."""
    if np.isscalar(axis_y):
        src = np.clip((2 * axis_y - YY).astype(np.int32), 0, H - 1)
    else:
        src = np.clip((2 * axis_y[None, :] - YY).astype(np.int32), 0, H - 1)
    cols = XX.astype(np.int32)
    if ripple > 0 and r is not None:
        wob = (line_noise(r, 3.0, 3, w=H) * ripple)[:, None]
        cols = np.clip(cols + wob.astype(np.int32), 0, W - 1)
    out = light[src, cols]
    below = ((axis_y if np.isscalar(axis_y) else axis_y[None, :]) < YY).astype(np.float32)
    out = out * below[..., None]
    return fblur(out, blur_y, blur_x)


# --- skylines ---


def towers(r: np.random.Generator, x0: float, x1: float, hmin: float, hmax: float, wmin: float, wmax: float,
           gap: tuple[float, float] = (-6, 4), tall_p: float = 0.12) -> list[dict]:
    out = []
    x = x0 + r.uniform(-wmax, 0)
    while x < x1:
        w = r.uniform(wmin, wmax)
        h = r.uniform(hmin, hmax)
        if r.random() < tall_p:
            h *= r.uniform(1.25, 1.6)
        kind = r.choice(["flat", "flat", "step", "step", "spire", "antenna", "slant", "crown"])
        out.append({"x0": x, "x1": x + w, "h": h, "kind": str(kind), "seed": int(r.integers(1 << 30))})
        x += w + r.uniform(*gap)
    order = r.permutation(len(out))  # overlapping order, not left-to-right
    return [out[i] for i in order]


def draw_towers(L: Layer, bs: list[dict], base: float, body, win_colours, scale: float, lit: float,
                win_gain: float = 1.0, rooflight: str | None = "#c2408a", edge=None, window_base_mix: float = 0.6,
                strips_p: float = 0.3, side=None, side_k: float = 0.0) -> None:
    """Buildings with windows (emission) standing on y = base; ``scale`` sets the window grid."""
    body = C(body)
    wc = [C(c) for c in win_colours]
    for b in bs:
        rb = np.random.default_rng(b["seed"])
        x0, x1, top = b["x0"], b["x1"], base - b["h"]
        w = x1 - x0
        col = body * rb.uniform(0.9, 1.08)
        L.rect(x0, top, x1, base + 2, col)
        if side is not None and side_k > 0:  # the face turned to the light, a shade lighter
            f = rb.uniform(0.22, 0.4)
            L.rect(x1 - w * f, top, x1, base + 2, mix(col, side, side_k))
        k = b["kind"]
        if k == "step":
            inset = w * rb.uniform(0.15, 0.3)
            h2 = b["h"] * rb.uniform(0.06, 0.14)
            L.rect(x0 + inset, top - h2, x1 - inset, top + 1, col)
            if rb.random() < 0.5:
                L.rect(x0 + inset * 1.8, top - h2 * 1.8, x1 - inset * 1.8, top - h2 + 1, col)
        elif k == "spire":
            L.poly([(x0 + w * 0.3, top + 1), (x0 + w * 0.5, top - b["h"] * 0.22), (x0 + w * 0.7, top + 1)], col)
        elif k == "antenna":
            ax = x0 + w * rb.uniform(0.3, 0.7)
            ah = b["h"] * rb.uniform(0.12, 0.25)
            L.line([(ax, top), (ax, top - ah)], max(1.0, scale * 1.2), col, caps=False)
            if rooflight:
                L.ellipse(ax, top - ah, 1.6 * scale, 1.6 * scale, rooflight, rooflight, base=False)
        elif k == "slant":
            d = rb.choice([-1, 1])
            hh = min(w * 0.5, b["h"] * 0.2)
            pts = [(x0, top + 1), (x1, top + 1), (x1, top - (hh if d > 0 else 0)), (x0, top - (hh if d < 0 else 0))]
            L.poly(pts, col)
        elif k == "crown":
            L.rect(x0 + w * 0.1, top - 4 * scale, x1 - w * 0.1, top + 1, col)
            if edge is not None:
                L.rect(x0 + w * 0.1, top - 4 * scale, x1 - w * 0.1, top - 3 * scale, None, edge, base=False)
        # windows
        px, py = max(3.0, 6.0 * scale), max(3.0, 8.0 * scale)
        ww, wh = max(1.0, 2.6 * scale), max(1.0, 3.4 * scale)
        mx = max(2.0, 4.0 * scale)
        nx = int((w - 2 * mx) // px)
        ny = int((b["h"] - 6 * scale) // py)
        if nx < 1 or ny < 1:
            continue
        frac = lit * rb.uniform(0.3, 1.6)
        strips = rb.random() < strips_p
        cidx = int(rb.integers(0, len(wc)))
        ox = x0 + (w - (nx - 1) * px - ww) / 2
        for j in range(ny):
            yy = top + 5 * scale + j * py
            if yy + wh > base - 2:
                break
            if strips:
                if rb.random() < frac * 1.2:
                    e = wc[cidx] * rb.uniform(0.35, 0.8) * win_gain
                    L.rect(ox, yy, ox + (nx - 1) * px + ww, yy + wh * 0.55, mix(col, e, window_base_mix * 0.6), e)
                continue
            row_on = rb.random() < 0.85
            for i in range(nx):
                if row_on and rb.random() < frac:
                    c = wc[cidx] if rb.random() < 0.8 else wc[int(rb.integers(0, len(wc)))]
                    e = c * rb.uniform(0.3, 1.0) * win_gain
                    xx = ox + i * px
                    L.rect(xx, yy, xx + ww, yy + wh, mix(col, e, window_base_mix), e)


# --- holograms ---


def scanlines(period: float = 3.0, duty: float = 0.55, y0: float = 0.0) -> np.ndarray:
    ph = ((YY - y0) / period) % 1.0
    return (0.45 + 0.55 * (ph < duty)).astype(np.float32)


def hologram(fill_m: np.ndarray, line_m: np.ndarray, colour, r: np.random.Generator, fill_a: float = 0.22,
             line_a: float = 0.95, fringe=None, glitch: int = 3) -> np.ndarray:
    """Translucent projected light: a scanlined fill, brighter strokes, a chromatic fringe, glitch slices."""
    colour = C(colour)
    lum = fill_m * fill_a * scanlines() + line_m * line_a
    light = lum[..., None] * colour[None, None, :]
    if fringe is not None:
        fr = shift(line_m, 3, 0) * 0.35 + shift(fill_m, 3, 0) * 0.05
        light = light + fr[..., None] * C(fringe)[None, None, :]
    ys, _ = np.nonzero(fill_m > 0.05)
    if glitch and len(ys):
        for _ in range(glitch):
            y = int(r.uniform(ys.min(), ys.max()))
            hgt = int(r.integers(2, 7))
            dx = int(r.integers(-14, 15))
            light[y:y + hgt] = np.roll(light[y:y + hgt], dx, axis=1) * 1.2
    return light


def whale_shape(L: Layer, cx: float, cy: float, length: float, facing: int = -1, fill=True) -> list:
    """A whale's outline, head toward ``facing`` (-1 left); draws the filled body and fin into L if fill."""
    n = 40
    top, bot = [], []
    for i in range(n + 1):
        t = i / n
        th = length * 0.11 * (math.sin(math.pi * min(1.0, t * 0.9 + 0.08)) ** 0.7) * (1 - 0.8 * t ** 2.5)
        yc = cy - length * 0.08 * t ** 2.4
        x = cx + facing * (0.5 - t) * length
        top.append((x, yc - th * 0.85))
        bot.append((x, yc + th * 1.15))
    tx, ty = top[-1][0], (top[-1][1] + bot[-1][1]) / 2
    back = -facing
    flukes = [(tx + back * length * 0.08, ty - length * 0.13), (tx + back * length * 0.035, ty - length * 0.01),
              (tx + back * length * 0.1, ty + length * 0.06)]
    pts = top + flukes + bot[::-1]
    if fill:
        L.poly(pts, "#ffffff")
        fx, fy = cx + facing * length * 0.2, cy + length * 0.06
        L.poly([(fx, fy), (fx + back * length * 0.04, fy + length * 0.11),
                (fx + back * length * 0.13, fy + length * 0.04)], "#ffffff")
    return pts


# --- people ---


def person(L: Layer, x: float, base: float, h: float, colour, r: np.random.Generator, umbrella=None,
           emit=None) -> None:
    """A standing or walking figure seen from behind or in front: head, shoulders, arms, legs; a jacket,
    a long coat, a backpack or long hair so that a crowd is not a row of clones."""
    u = h / 7.2
    top = base - h
    kind = int(r.integers(0, 4))
    sw = u * float(r.uniform(0.82, 1.02))
    stride = float(r.uniform(-0.35, 0.35)) * u
    colour = C(colour)
    hy = top + 0.6 * u
    if kind == 3:  # long hair down to the shoulder blades
        L.poly([(x - 0.48 * u, hy - 0.2 * u), (x + 0.48 * u, hy - 0.2 * u), (x + 0.56 * u, hy + 1.6 * u),
                (x - 0.56 * u, hy + 1.6 * u)], colour)
    L.ellipse(x, hy, 0.4 * u, 0.52 * u, colour)
    L.rect(x - 0.17 * u, hy + 0.3 * u, x + 0.17 * u, hy + 0.85 * u, colour)
    hip = top + 3.85 * u
    hem = top + (5.3 if kind == 1 else 4.05) * u
    flare = 0.98 if kind == 1 else 0.8
    L.poly([(x - sw * 0.42, top + 1.12 * u), (x + sw * 0.42, top + 1.12 * u), (x + sw, top + 1.42 * u),
            (x + sw * 0.86, hip - 0.6 * u), (x + sw * flare, hem), (x - sw * flare, hem),
            (x - sw * 0.86, hip - 0.6 * u), (x - sw, top + 1.42 * u)], colour)
    swing = float(r.uniform(-0.25, 0.25)) * u
    for d in (-1, 1):  # arms, a little apart from the body
        L.line([(x + d * sw * 0.9, top + 1.5 * u), (x + d * sw * 1.08 + swing * d, top + 2.9 * u),
                (x + d * sw * 1.0 + swing * d * 1.4, top + 4.0 * u)], 0.44 * u, colour)
    for d, st_ in ((-1, stride), (1, -stride)):  # legs
        L.poly([(x + d * 0.62 * u, hip - 0.1 * u), (x + d * 0.04 * u, hip - 0.1 * u), (x + d * 0.1 * u + st_, base - 0.15 * u),
                (x + d * 0.48 * u + st_, base - 0.15 * u)], colour)
        L.ellipse(x + d * 0.3 * u + st_ * 1.05, base - 0.12 * u, 0.3 * u, 0.14 * u, colour)
    if kind == 2:  # a backpack's straps and bulk (a shade darker)
        L.rrect(x - sw * 0.6, top + 1.55 * u, x + sw * 0.6, top + 3.3 * u, 0.3 * u, colour * 0.8)
    if umbrella is not None:
        ux = x + float(r.uniform(-0.3, 0.3)) * u
        uy = top - 0.6 * u
        L.line([(ux, uy), (x + 0.4 * u, top + 2.4 * u)], max(1.0, 0.12 * u), colour, caps=False)
        L.poly([(ux - 2.1 * u, uy + 0.9 * u), (ux - 1.4 * u, uy + 0.1 * u), (ux, uy - 0.45 * u),
                (ux + 1.4 * u, uy + 0.1 * u), (ux + 2.1 * u, uy + 0.9 * u)], umbrella, emit)


def rng_choice(r: np.random.Generator, items):
    return items[int(r.integers(0, len(items)))]


def finish(img: np.ndarray, name: str) -> np.ndarray:
    return grain(tone(img), f"seoul:{name}")


# --------------------------------------------------------------------------------------------------
# Seoul skylines: the title's sky and city, the establishing shot at dusk
# --------------------------------------------------------------------------------------------------

NIGHT = {"ink": "#0b0d1a", "navy": "#1b2340", "teal": "#2e5a6b", "magenta": "#c2408a", "amber": "#ffb454",
         "cyan": "#6fe3e1"}


def dusk_sky(r: np.random.Generator, horizon: float) -> np.ndarray:
    """Seoul's dusk: deep navy above, a magenta band, amber at the horizon; lit cloud streaks."""
    h = horizon / H
    navy, mag, amb = C(NIGHT["navy"]), C(NIGHT["magenta"]), C(NIGHT["amber"])
    sky = vgrad([(0.0, mix(NIGHT["ink"], navy, 0.55)), (h * 0.42, navy), (h * 0.68, mix(navy, mag, 0.38)),
                 (h * 0.87, mix(mag, amb, 0.35)), (h, mix(amb, mag, 0.25)), (1.0, mix(amb, mag, 0.3))])
    # a warm bloom round the sunken sun (right of centre)
    sun = radial(820, horizon + 30, 560, 150)
    sky = sky + sun[..., None] * C(NIGHT["amber"]) * 0.16
    # cloud streaks: long thin bands, lit from below
    n = fbm(r, 260, 5, sx=5.0, sy=0.6)
    band = smooth(0.55, 0.8, n) * smooth(horizon * 0.2, horizon * 0.55, YY) * (1 - smooth(horizon * 0.85, horizon, YY))
    under = mix(mag, amb, 0.3)
    lit = smooth(horizon * 0.4, horizon * 0.9, YY)[..., None]
    cloud_col = C(navy) * (1 - lit) * 0.9 + under * lit * 0.85
    sky = paint(sky, band * 0.55, cloud_col)
    return sky


def namsan(L: Layer, cx: float, base: float, scale: float, col, light_col) -> None:
    """Namsan with its tower: a soft hill, the tower's shaft, the observation pod and mast."""
    hill = [(cx - 260 * scale, base)]
    for i in range(81):
        t = i / 80
        x = cx + (t - 0.5) * 520 * scale
        y = (base - 70 * scale * math.exp(-((t - 0.5) / 0.28) ** 2) - 3.5 * scale * abs(math.sin(t * 41))
             - 2.5 * scale * math.sin(t * 13 + 1.0))
        hill.append((x, y))
    hill.append((cx + 260 * scale, base))
    L.poly(hill, col)
    top = base - 70 * scale
    L.rect(cx - 3.2 * scale, top - 95 * scale, cx + 3.2 * scale, top + 4, col)
    L.poly([(cx - 9 * scale, top + 2), (cx + 9 * scale, top + 2), (cx + 3.2 * scale, top - 30 * scale),
            (cx - 3.2 * scale, top - 30 * scale)], col)
    L.rrect(cx - 11 * scale, top - 112 * scale, cx + 11 * scale, top - 93 * scale, 3 * scale, col)
    L.rect(cx - 8 * scale, top - 108 * scale, cx + 8 * scale, top - 104 * scale, None, light_col, base=False)
    L.rect(cx - 1.3 * scale, top - 160 * scale, cx + 1.3 * scale, top - 110 * scale, col)
    L.ellipse(cx, top - 160 * scale, 1.8 * scale, 1.8 * scale, None, C(NIGHT["magenta"]) * 1.4, base=False)


def title_sky(name: str) -> np.ndarray:
    r = rng(name)
    horizon = 560
    img = dusk_sky(r, horizon)
    # keep the title's corner quiet and deep
    img = paint(img, radial(300, 120, 520, 260), mix(NIGHT["ink"], NIGHT["navy"], 0.5), 0.35)
    light = np.zeros_like(img)
    fade = 1 - smooth(horizon * 0.35, horizon * 0.85, YY)
    light += starfield(r, 260, 4, 0, horizon * 0.8, ("#f4f1ea", "#cfe9ff"), 10, fade)
    # Mars: small, warm and bright, upper right
    mx, my = 1012, 168
    disc = radial(mx, my, 4.2, power=6)
    light += disc[..., None] * C("#ffb38a") * 1.4
    light += radial(mx, my, 14)[..., None] * C("#ff9a5c") * 0.45
    light += radial(mx, my, 46)[..., None] * C("#d9576b") * 0.12
    add_star(light, mx, my, 0.5, "#ffd2a0", 16)
    # far city in haze, and Namsan's tower in the middle distance
    far = Layer()
    haze = mix(mix(NIGHT["magenta"], NIGHT["amber"], 0.35), NIGHT["navy"], 0.35)
    draw_towers(far, towers(r, -20, W + 20, 30, 80, 18, 46, (-2, 3)), horizon + 40, haze,
                [NIGHT["amber"], "#f4e3c3"], 0.6, 0.18, 0.45, None, window_base_mix=0.3)
    # the city's carpet of lights below the far towers
    far.rect(-10, horizon + 36, W + 10, H + 10, mix(haze, NIGHT["navy"], 0.35))
    cr = rng("title:carpet")
    for _ in range(700):
        x, y = cr.uniform(0, W), horizon + 40 + (H - horizon - 40) * cr.random() ** 1.4
        far.rect(x, y, x + 1.6, y + 1.2, None, C(rng_choice(cr, [NIGHT["amber"], NIGHT["amber"], "#f4e3c3", NIGHT["cyan"]])) * cr.uniform(0.2, 0.6), base=False)
    img = far.over(img)
    light += far.light()
    mid = Layer()
    mid_col = mix(NIGHT["navy"], NIGHT["magenta"], 0.28)
    namsan(mid, 830, horizon + 60, 1.25, mid_col, C(NIGHT["amber"]) * 1.2)
    mid_bs = [b for b in towers(r, -20, W + 20, 200, 290, 26, 70, (-6, 20)) if not (700 < (b["x0"] + b["x1"]) / 2 < 960)]
    draw_towers(mid, mid_bs, H + 10, mid_col,
                [NIGHT["amber"], NIGHT["cyan"]], 0.8, 0.2, 0.6, NIGHT["magenta"], window_base_mix=0.4)
    pm, a = mid.base()
    img = img * (1 - a[..., None]) + pm
    img += top_edge(a, 2)[..., None] * C(NIGHT["amber"]) * 0.25
    light += mid.light()
    img = glow(img, light, ((2, 0.6), (9, 0.45), (36, 0.3)))
    return img


def title_city(name: str) -> np.ndarray:
    """RGBA: two near layers of towers; the sky stays transparent."""
    r = rng(name)
    rgb = np.zeros((H, W, 3), np.float32)
    alpha = np.zeros((H, W), np.float32)
    light = np.zeros((H, W, 3), np.float32)

    def heights(bs, fn):
        for b in bs:
            b["h"] = fn((b["x0"] + b["x1"]) / 2, b["h"])
        return bs

    # middle layer: lower on the left (the menu), dipping where Namsan shows, tall to the right
    def mid_h(x, h):
        prof = 160 + 120 * smooth(420, 1100, x) - 90 * math.exp(-((x - 830) / 110) ** 2)
        return prof * h / 100

    mid = Layer()
    mid_col = mix(NIGHT["navy"], NIGHT["teal"], 0.18)
    bs = heights(towers(r, -30, W + 30, 70, 130, 34, 90, (-10, 6), 0.15), mid_h)
    draw_towers(mid, bs, H + 4, mid_col, [NIGHT["amber"], NIGHT["cyan"], "#f4e3c3"], 1.0, 0.16, 0.75,
                NIGHT["magenta"], edge=NIGHT["cyan"], window_base_mix=0.5)
    pm, a = mid.base()
    rgb = rgb * (1 - a[..., None]) + pm
    alpha = alpha * (1 - a) + a
    rgb += top_edge(a, 2)[..., None] * C(mix(NIGHT["magenta"], NIGHT["amber"], 0.6)) * 0.35 * a[..., None]
    light += mid.light()
    # a little haze over the middle layer (aerial perspective), strongest at its feet
    hz = smooth(420, 720, YY)[..., None] * 0.25
    rgb = rgb * (1 - hz * a[..., None]) + C(mix(NIGHT["navy"], NIGHT["magenta"], 0.3)) * hz * a[..., None]

    # near layer: dark, low on the left, one big tower at the right edge, neon on a few faces
    def near_h(x, h):
        prof = 95 + 70 * smooth(300, 900, x) + 240 * smooth(1060, 1200, x)
        return prof * h / 100

    near = Layer()
    near_col = mix(NIGHT["ink"], NIGHT["navy"], 0.45)
    bs = heights(towers(r, -30, W + 30, 70, 125, 60, 140, (-20, 0), 0.1), near_h)
    draw_towers(near, bs, H + 4, near_col, [NIGHT["amber"], "#f4e3c3"], 1.35, 0.1, 0.9, NIGHT["magenta"],
                window_base_mix=0.5, strips_p=0.15)
    # vertical neon signs on the near faces (abstract glyphs)
    for sx, sy, n, col, colw in ((560, 520, 4, NIGHT["magenta"], 2.2), (1105, 392, 5, NIGHT["cyan"], 2.4),
                                 (905, 470, 3, NIGHT["amber"], 2.0)):
        size = 26
        near.rect(sx - 6, sy - 8, sx + size + 6, sy + n * size * 1.22 + 2, mix(NIGHT["ink"], col, 0.12))
        near.rect(sx - 6, sy - 8, sx + size + 6, sy + n * size * 1.22 + 2, None, None, base=False)
        draw_glyphs(near, r, sx, sy, size, n, True, colw, mix(col, LIGHTEST, 0.45), C(col) * 1.2)
    # a horizontal sign band on a low roof right of the menu
    near.rect(640, 610, 800, 636, mix(NIGHT["ink"], NIGHT["cyan"], 0.1))
    draw_glyphs(near, r, 648, 615, 16, 6, False, 1.6, mix(NIGHT["cyan"], LIGHTEST, 0.4), C(NIGHT["cyan"]) * 1.1)
    pm, a = near.base()
    rgb = rgb * (1 - a[..., None]) + pm
    alpha = alpha * (1 - a) + a
    rgb += top_edge(a, 2)[..., None] * C(NIGHT["amber"]) * 0.3 * a[..., None]
    light = light * (1 - a[..., None]) + near.light()

    # the glow: inside the silhouettes it adds; in the sky it becomes a soft coloured halo
    g = fblur(light, 3) * 0.7 + fblur(light, 12) * 0.5 + fblur(light, 40) * 0.25
    rgb = rgb + (light + g) * alpha[..., None]
    halo = g * (1 - alpha[..., None])
    ha = np.clip(halo.max(axis=-1), 0.0, 1.0)
    halo_col = halo / np.maximum(ha, 1e-4)[..., None]
    rgb = tone(rgb)
    rgb = rgb * alpha[..., None] + np.clip(halo_col, 0, 1) * (1 - alpha[..., None]) * (ha > 0)[..., None]
    alpha = np.clip(alpha + ha * 0.9, 0.0, 1.0)
    # no grain in empty sky: grain only where opaque
    out = np.concatenate([rgb, alpha[..., None]], axis=-1)
    g2 = grain(out, f"seoul:{name}")
    out[..., :3] = out[..., :3] * (1 - alpha[..., None]) + g2[..., :3] * alpha[..., None]
    return out


def lotte_tower(L: Layer, cx: float, base: float, h: float, w: float, col, side, emit) -> None:
    """A super-tall tapering tower (the city's needle), split into a shade and a lit face."""
    n = 24
    left, right = [], []
    for i in range(n + 1):
        t = i / n
        half = w / 2 * (1 - t) ** 0.85 + 2.5
        left.append((cx - half, base - t * h))
        right.append((cx + half, base - t * h))
    L.poly(left + right[::-1], col)
    L.poly([(cx + 1, base)] + right + [(cx + 1, base - h)], mix(col, side, 0.25))
    L.line([(cx, base - h), (cx, base - h - h * 0.06)], 1.6, col, caps=False)
    L.ellipse(cx, base - h - h * 0.06, 2.0, 2.0, None, emit, base=False)
    for k in range(6):  # thin lit seams up the crown
        y = base - h * (0.8 + k * 0.03)
        t = (base - y) / h
        half = w / 2 * (1 - t) ** 0.85 + 2.5
        L.rect(cx - half + 1, y, cx + half - 1, y + 1.2, None, C(NIGHT["amber"]) * 0.5, base=False)


def seoul_dusk(name: str) -> np.ndarray:
    """The establishing shot: Seoul across the Han at dusk, a hologram whale between the towers."""
    r = rng(name)
    horizon = 452  # the far bank / waterline
    img = dusk_sky(r, horizon - 10)
    light = np.zeros_like(img)
    fade = 1 - smooth(110, 320, YY)
    light += starfield(r, 170, 3, 0, 260, ("#f4f1ea", "#cfe9ff"), 9, fade)
    glow_col = mix(NIGHT["magenta"], NIGHT["amber"], 0.55)
    # 1: the ring of mountains in the far haze, violet against the afterglow
    for base_y, amp, col in ((372, 60, mix(mix(NIGHT["navy"], NIGHT["magenta"], 0.45), glow_col, 0.35)),
                             (400, 44, mix(NIGHT["navy"], NIGHT["magenta"], 0.42))):
        ridge = base_y - (line_noise(r, 360, 4) * amp + amp * 0.35)
        m = np.clip(YY - ridge[None, :] + 0.5, 0, 1)
        img = paint(img, m, col)
        img += top_edge(m, 1)[..., None] * glow_col * 0.12
    # 2: far towers, 3: Namsan, the needle and the middle towers, 4: the riverside towers
    far_col = mix(mix(NIGHT["navy"], NIGHT["magenta"], 0.5), glow_col, 0.22)
    mid_col = mix(NIGHT["navy"], NIGHT["magenta"], 0.3)
    near_col = mix(mix(NIGHT["ink"], NIGHT["navy"], 0.7), NIGHT["magenta"], 0.08)
    layers = [
        (dict(x0=-20, x1=W + 20, hmin=26, hmax=64, wmin=14, wmax=34, gap=(-2, 5)), 0.55, far_col, 0.45, 0.22, 0.3),
        (dict(x0=-20, x1=W + 20, hmin=46, hmax=120, wmin=22, wmax=50, gap=(-4, 16)), 0.75, mid_col, 0.7, 0.24, 0.22),
        (dict(x0=-20, x1=W + 20, hmin=60, hmax=200, wmin=30, wmax=74, gap=(6, 80)), 1.0, near_col, 1.0, 0.28, 0.14),
    ]
    for i, (tw, scale, col, gain, lit, side_k) in enumerate(layers):
        L = Layer()
        if i == 1:
            namsan(L, 330, horizon - 2, 1.25, col, C(NIGHT["amber"]) * 1.1)
            lotte_tower(L, 1150, horizon + 2, 300, 46, col, glow_col, C(NIGHT["magenta"]) * 1.5)
        bs = towers(r, **tw, tall_p=0.16 if i == 2 else 0.1)
        if i == 2:  # keep Namsan in view
            bs = [b for b in bs if not (200 < (b["x0"] + b["x1"]) / 2 < 470)]
        if i == 1:
            bs = [b for b in bs if not (250 < (b["x0"] + b["x1"]) / 2 < 410)]
        draw_towers(L, bs, horizon + 2, col, [NIGHT["amber"], NIGHT["amber"], "#f4e3c3", NIGHT["cyan"]], scale, lit,
                    gain, NIGHT["magenta"], edge=NIGHT["cyan"], window_base_mix=0.5, side=glow_col, side_k=side_k)
        if i == 2:  # vertical neon on the tallest riverside towers
            tall = sorted(bs, key=lambda b: -b["h"])[:4]
            for j, b in enumerate(tall):
                sx = b["x0"] + 5 if j % 2 else b["x1"] - 21
                n = 3
                cc = [NIGHT["magenta"], NIGHT["cyan"], NIGHT["amber"], NIGHT["magenta"]][j]
                sy = horizon - b["h"] + 26
                L.rect(sx - 3, sy - 4, sx + 17, sy + n * 14 * 1.22 + 1, mix(col, cc, 0.18))
                draw_glyphs(L, r, sx, sy, 14, n, True, 1.3, mix(cc, LIGHTEST, 0.4), C(cc) * 1.1)
        pm, a = L.base()
        img = img * (1 - a[..., None]) + pm
        img += top_edge(a, 1)[..., None] * glow_col * (0.16 + 0.08 * i)
        light = light * (1 - a[..., None]) + L.light()
        if i == 1:
            # the hologram whale swims over the middle towers, projected from a rooftop
            wx, wy, wlen = 820, 205, 320
            wl = Layer(emission=False)
            pts = whale_shape(wl, wx, wy, wlen, facing=-1)
            fill_m = wl.mask()
            ln = Layer(emission=False)
            ln.line(pts + [pts[0]], 1.4, "#ffffff", caps=False)
            for g in range(5):  # throat grooves
                x0 = wx - wlen * 0.44
                ln.line([(x0 + g * 2, wy + wlen * 0.035 + g * 3.0), (x0 + wlen * 0.32, wy + wlen * 0.05 + g * 2.2)],
                        0.8, "#ffffff", caps=False)
            ln.ellipse(wx - wlen * 0.36, wy - wlen * 0.01, 2.4, 2.4, "#ffffff")
            line_m = ln.mask()
            holo = hologram(fill_m, line_m, NIGHT["cyan"], r, 0.15, 0.65, fringe=NIGHT["magenta"], glitch=4)
            # sparkle motes trailing the tail
            for _ in range(40):
                t = r.random()
                px = wx + wlen * 0.5 + t * 150 + r.normal(0, 6)
                py = wy - wlen * 0.12 + r.normal(0, 14) * (1 + t)
                add_star(holo, px, py, 0.25 * (1 - t) + 0.05, NIGHT["cyan"], 2)
            emitter = (980, 318)
            beam_m = shape_mask(lambda B: B.poly([(emitter[0] - 2, emitter[1]), (emitter[0] + 2, emitter[1]),
                                                  (wx + wlen * 0.3, wy + 30), (wx - wlen * 0.25, wy + 26)], "#ffffff"))
            holo += fblur(beam_m, 8)[..., None] * C(NIGHT["cyan"]) * 0.07
            light += holo
    # 5: the far bank, a bridge and its lamps
    bank = Layer()
    bank_col = mix(NIGHT["ink"], NIGHT["navy"], 0.6)
    bank.rect(-10, horizon - 3, W + 10, horizon + 6, bank_col)
    by = horizon - 16
    bank.rect(-10, by, W + 10, by + 4, mix(bank_col, glow_col, 0.12))
    for x in np.arange(-10, W + 10, 110):
        bank.rect(x, by + 4, x + 9, horizon + 4, mix(bank_col, glow_col, 0.06))
    for x in np.arange(4, W, 22):
        bank.ellipse(x, by - 1.5, 1.3, 1.3, None, C(NIGHT["amber"]) * 1.2, base=False)
    pm, a = bank.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + bank.light()
    # 6: the river: a darkened mirror of sky and lights, broken into ripples
    water = smooth(horizon + 4, horizon + 6, YY)
    src_y = np.clip((2 * (horizon + 5) - YY).astype(int), 0, H - 1)
    mirror_sky = fblur(img, 6, 1)[src_y, XX.astype(int)]
    ripple = fbm(r, 36, 4, sx=16, sy=0.45)
    water_col = mix(NIGHT["ink"], NIGHT["navy"], 0.6)
    depth = smooth(horizon, H, YY)[..., None]
    wimg = mirror_sky * (0.5 - 0.3 * depth) + water_col * (0.5 + 0.3 * depth)
    wimg *= (0.9 + 0.2 * ripple)[..., None]
    img = img * (1 - water[..., None]) + wimg * water[..., None]
    refl = reflect(light, float(horizon + 5), blur_y=16, blur_x=1.2, ripple=7, r=r)
    shimmer = 0.25 + 1.1 * smooth(0.4, 0.8, ripple)
    refl *= (shimmer * (1 - 0.7 * smooth(horizon, H, YY)))[..., None]
    light += refl * 1.1
    # air taxis: small lights with short trails
    for x, y, d in ((560, 120, 1), (600, 128, 1), (1060, 250, -1), (180, 190, -1)):
        trail = shape_mask(lambda B: B.line([(x, y), (x - d * 46, y + 3)], 1.2, "#ffffff", caps=False))
        trail *= np.clip(1 - np.abs(XX - x) / 46, 0, 1)
        light += trail[..., None] * C(NIGHT["cyan"]) * 0.35
        add_star(light, x, y, 0.7, mix(NIGHT["amber"], LIGHTEST, 0.4), 4)
    # 7: the near bank: a promenade rail and one lamp post, dark against the water
    fg = Layer()
    fg_col = mix(NIGHT["ink"], NIGHT["navy"], 0.25)
    fg.rect(-10, 664, W + 10, 670, fg_col)
    fg.rect(-10, 700, W + 10, H + 10, fg_col)
    for x in np.arange(10, W, 64):
        fg.rect(x, 664, x + 5, 704, fg_col)
    lx = 92
    fg.rect(lx - 4, 250, lx + 4, 704, fg_col)
    fg.rect(lx - 10, 690, lx + 10, 704, fg_col)
    fg.line([(lx, 258), (lx + 6, 236), (lx + 34, 228)], 4, fg_col)
    fg.rrect(lx + 22, 226, lx + 58, 236, 4, fg_col)
    fg.ellipse(lx + 40, 238, 13, 3.5, None, C(NIGHT["amber"]) * 1.6, base=False)
    pm, a = fg.base()
    img = img * (1 - a[..., None]) + pm
    img += top_edge(a, 1)[..., None] * glow_col * 0.25
    light = light * (1 - a[..., None]) + fg.light()
    light += radial(lx + 40, 250, 70, 40)[..., None] * C(NIGHT["amber"]) * 0.1
    img = glow(img, light, ((2, 0.7), (8, 0.5), (34, 0.35)))
    img = calm_bottom(img, NIGHT["ink"], 0.35, 0.7)
    return img


# --------------------------------------------------------------------------------------------------
# streets in one-point perspective: a tiny raycaster for walls, ground and the far facade
# --------------------------------------------------------------------------------------------------


class Street:
    """A street between two building rows (x = xl and x = xr), ground y = 0, camera at (0, cam, 0).

    ``left``/``right`` are wall segments {z0, z1, h, ...}; walls end at ``zend`` (a cross street), a facade
    stands across at ``zfar`` up to ``far_h``. ``cast()`` gives per-pixel hits; ``cast(mirror=True)`` sees
    the world mirrored in the ground (for the wet reflections).
    """

    def __init__(self, f: float, cx: float, cy: float, cam: float, xl: float, xr: float, zend: float, zfar: float,
                 left: list[dict], right: list[dict], far_h: float, far_x: tuple[float, float] = (-40, 40)) -> None:
        self.f, self.cx, self.cy, self.cam = f, cx, cy, cam
        self.xl, self.xr, self.zend, self.zfar = xl, xr, zend, zfar
        self.left, self.right, self.far_h, self.far_x = left, right, far_h, far_x

    def P(self, X: float, Y: float, Z: float, mirror: bool = False) -> tuple[float, float]:
        Yv = -Y if mirror else Y
        return self.cx + self.f * X / Z, self.cy - self.f * (Yv - self.cam) / Z

    def PP(self, pts, mirror: bool = False):
        return [self.P(X, Y, Z, mirror) for X, Y, Z in pts]

    def ground_y(self, Z: float) -> float:
        return self.cy + self.f * self.cam / Z

    def _heights(self, segs: list[dict], Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z1 = np.array([s["z1"] for s in segs], np.float32)
        hs = np.array([s["h"] for s in segs] + [0.0], np.float32)
        idx = np.searchsorted(z1, Z, side="right")
        z0 = np.array([s["z0"] for s in segs] + [1e9], np.float32)
        idx = np.clip(idx, 0, len(segs))
        ok = z0[np.minimum(idx, len(segs))] <= Z
        return np.where(ok, hs[idx], 0.0), np.where(ok, idx, len(segs))

    def cast(self, mirror: bool = False) -> dict[str, np.ndarray]:
        f, cam = self.f, self.cam
        dx = (XX - self.cx) / f
        dy = (self.cy - YY) / f

        def yat(Z):
            return (-cam - dy * Z) if mirror else (cam + dy * Z)

        big = np.float32(1e9)
        kind = np.zeros((H, W), np.int8)  # 0 sky, 1 left wall, 2 right wall, 3 ground, 4 far facade
        Zhit = np.full((H, W), big, np.float32)
        U = np.zeros((H, W), np.float32)
        V = np.zeros((H, W), np.float32)
        seg = np.zeros((H, W), np.int32)
        with np.errstate(divide="ignore", invalid="ignore"):
            for k, xw, segs in ((1, self.xl, self.left), (2, self.xr, self.right)):
                Z = np.where(dx * xw > 0, xw / dx, big).astype(np.float32)
                Z = np.where(np.isfinite(Z), Z, big)
                hgt, idx = self._heights(segs, np.minimum(Z, self.zend))
                Y = yat(Z)
                ok = (self.zend > Z) & (Y >= 0) & (hgt >= Y) & (Zhit > Z)
                kind[ok], Zhit[ok], U[ok], V[ok], seg[ok] = k, Z[ok], Z[ok], Y[ok], idx[ok]
            if not mirror:
                Zg = np.where(dy < 0, -cam / dy, big).astype(np.float32)
                ok = (Zg < Zhit) & (Zg < self.zfar)
                kind[ok], Zhit[ok], U[ok], V[ok] = 3, Zg[ok], (dx * Zg)[ok], Zg[ok]
            Zf = np.float32(self.zfar)
            Yf = yat(Zf)
            Xf = dx * Zf
            ok = (kind == 0) & (Yf >= 0) & (Yf <= self.far_h) & (Xf >= self.far_x[0]) & (Xf <= self.far_x[1])
            kind[ok], Zhit[ok], U[ok], V[ok] = 4, Zf, Xf[ok], Yf[ok]
        return {"kind": kind, "Z": Zhit, "U": U, "V": V, "seg": seg}


def wall_segments(r: np.random.Generator, z0: float, z1: float, lens: tuple[float, float], hs: tuple[float, float],
                  colours: list) -> list[dict]:
    out = []
    z = z0
    while z < z1:
        ln = float(r.uniform(*lens))
        out.append({"z0": z, "z1": min(z1, z + ln), "h": float(r.uniform(*hs)), "col": C(rng_choice(r, colours)) * r.uniform(0.85, 1.1),
                    "seed": int(r.integers(1 << 30)), "shop": bool(r.random() < 0.45), "shutter": bool(r.random() < 0.5)})
        z += ln
    return out


def shade_walls(st: Street, hit: dict, side: int, segs: list[dict], win_cols: list, lit_p: float,
                shop_cols: list, floor_h: float = 2.9, ground_h: float = 3.3, pitch: float = 1.7,
                win_gain: float = 1.0, shop_gain: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Colour and emission of one wall row (side 1 left, 2 right, 4 far) from a cast: (colour, light, mask).

    Computed only on the pixels that see this row; every feature lives in wall coordinates (u along the
    row in metres, v up), so windows, shop fronts and shutters come out in true perspective.
    """
    m = hit["kind"] == side
    col = np.zeros((H, W, 3), np.float32)
    em = np.zeros((H, W, 3), np.float32)
    if not m.any():
        return col, em, m.astype(np.float32)
    n = len(segs)
    s = np.minimum(hit["seg"][m], n - 1)
    z0 = np.array([g["z0"] for g in segs], np.float32)[s]
    z1 = np.array([g["z1"] for g in segs], np.float32)[s]
    hh = np.array([g["h"] for g in segs], np.float32)[s]
    base = np.stack([g["col"] for g in segs]).astype(np.float32)[s]
    shop = np.array([g["shop"] for g in segs])[s]
    shutter = np.array([g["shutter"] for g in segs])[s]
    tables = np.stack([np.random.default_rng(g["seed"]).random((64, 64)) for g in segs]).astype(np.float32)
    tints = np.stack([np.random.default_rng(g["seed"] + 1).integers(0, len(win_cols), (64, 64)) for g in segs])
    u = hit["U"][m] - z0
    v = hit["V"][m]
    w = z1 - z0
    # a faint panel grid and grime keep the flat walls from looking like plastic
    tile = ((u * 1.25) % 1.0 < 0.035) | ((v * 1.1) % 1.0 < 0.03)
    grime = fbm(rng(f"grime:{side}:{segs[0]['seed']}"), 12, 3, h=128, w=128)
    gtex = sample2(grime, u * 14.0, v * 9.0)
    out = base * (0.9 + 0.18 * gtex)[:, None] * np.where(tile, 0.9, 1.0)[:, None]
    e = np.zeros_like(out)
    # upper floors: a window grid
    nc = np.maximum(1, np.floor((w - 0.6) / pitch)).astype(np.int32)
    off = (w - nc * pitch) / 2
    ci = np.floor((u - off) / pitch).astype(np.int32)
    cf = (u - off) / pitch - ci
    fi = np.floor((v - ground_h) / floor_h).astype(np.int32)
    ff = (v - ground_h) / floor_h - fi
    upper = (ci >= 0) & (ci < nc) & (fi >= 0) & (v < hh - 0.9)
    win = upper & (cf > 0.2) & (cf < 0.8) & (ff > 0.28) & (ff < 0.78)
    fic, cic = np.clip(fi, 0, 63), np.clip(ci, 0, 63)
    rv = tables[s, fic, cic]
    lit = win & (rv < lit_p)
    wc = np.stack([C(c) for c in win_cols])[tints[s, fic, cic]]
    bright = (0.35 + 0.65 * (rv / max(lit_p, 1e-3)))[:, None]
    out = np.where(win[:, None], base * 0.5 + 0.02, out)
    curtain = ((ff > 0.28) & (ff < 0.36)) | (cf < 0.32)
    wl = wc * bright * win_gain * np.where(curtain, 0.5, 1.0)[:, None]
    e = np.where(lit[:, None], wl, e)
    out = np.where(lit[:, None], base * 0.5 + wl * 0.35, out)
    sill = upper & (cf > 0.16) & (cf < 0.84) & (ff > 0.78) & (ff < 0.82)
    out = np.where(sill[:, None], base * 1.25, out)
    out = np.where((v > hh - 0.3)[:, None], base * 1.3, out)  # cornice
    out = np.where(((u < 0.1) | (u > w - 0.1))[:, None], base * 0.7, out)  # seams between buildings
    # ground floor: a lit shop front, a shutter, or a plain wall with a door
    band = (v >= ground_h - 0.3) & (v < ground_h)
    out = np.where(band[:, None], base * 0.6, out)
    front = (v < ground_h - 0.3) & (u > 0.45) & (u < w - 0.45) & (v > 0.35) & (v < 2.55)
    shopm = front & shop
    shop_tbl = np.array([int(np.random.default_rng(g["seed"] + 2).integers(0, len(shop_cols))) for g in segs])[s]
    sc_ = np.stack([C(c) for c in shop_cols])[shop_tbl]
    mull = ((u - 0.45) % 1.1) < 0.06
    # inside: a bright ceiling, shelves of goods (blocks of varying brightness), a dark counter
    goods = tables[s, np.clip((v * 3.2).astype(np.int32), 0, 63), np.clip((u * 5.0).astype(np.int32) + 20, 0, 63)]
    shelf = ((v - 0.35) % 0.5) < 0.06
    inside = (0.55 + 0.35 * np.clip((v - 0.35) / 2.2, 0, 1) + 0.25 * (goods - 0.5))
    inside = np.where(shelf, 0.3, inside)
    inside = np.where(v < 1.0, 0.22 + 0.1 * goods, inside)  # the counter and whoever stands behind it
    inside = np.where(v > 2.35, 1.05, inside)
    frontlight = sc_ * inside[:, None] * shop_gain
    out = np.where(shopm[:, None], np.where(mull[:, None], base * 0.4, sc_ * 0.35 * inside[:, None]), out)
    e = np.where((shopm & ~mull)[:, None], frontlight, e)
    shut = front & ~shop & shutter
    rib = ((v * 9.0) % 1.0) < 0.3
    out = np.where(shut[:, None], np.where(rib[:, None], base * 0.8, base * 1.05), out)
    door = front & ~shop & ~shutter & (np.abs(u - w * 0.5) < 0.5) & (v < 2.1)
    out = np.where(door[:, None], base * 0.45, out)
    col[m] = out
    em[m] = e
    return col, em, m.astype(np.float32)


def sample2(tex: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Nearest lookup of a tiling texture at float coordinates (u along x, v along y), in texels."""
    th, tw = tex.shape[:2]
    return tex[np.mod(v.astype(np.int64), th), np.mod(u.astype(np.int64), tw)]


def fog_by_depth(img: np.ndarray, Z: np.ndarray, colour, k: float, amount: float = 1.0) -> np.ndarray:
    t = (1.0 - np.exp(-np.minimum(Z, 4000) / k)) * amount
    return img * (1 - t[..., None]) + C(colour) * t[..., None]


def sign_box(L: Layer, st: Street, r: np.random.Generator, X0: float, X1: float, Y0: float, Y1: float, Z: float,
             colour, n: int, vertical: bool = True, board=None, mirror: bool = False, seed: int = 0,
             frame: bool = True) -> None:
    """A sign facing the camera at depth Z: a dark board, a neon frame, glyph strokes (all emission)."""
    (xa, ya), (xb, yb) = st.P(X0, Y1, Z, mirror), st.P(X1, Y0, Z, mirror)
    if mirror:
        ya, yb = yb, ya
    x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
    w, h = x1 - x0, y1 - y0
    core = mix(colour, LIGHTEST, 0.45)
    emit = C(colour) * 1.35
    if board is not None:
        L.rect(x0, y0, x1, y1, board)
    lw = max(1.0, min(w, h) * 0.045)
    if frame:
        L.rect(x0 + lw, y0 + lw, x1 - lw, y1 - lw, None, None, base=False)
        pts = [(x0 + lw * 1.5, y0 + lw * 1.5), (x1 - lw * 1.5, y0 + lw * 1.5), (x1 - lw * 1.5, y1 - lw * 1.5),
               (x0 + lw * 1.5, y1 - lw * 1.5), (x0 + lw * 1.5, y0 + lw * 1.5)]
        L.line(pts, lw * 0.8, core if board is not None else None, C(colour) * 0.8, base=board is not None)
    gr = np.random.default_rng(seed)
    if vertical:
        size = w * 0.62
        n = max(1, min(n, int((h - w * 0.35) / (size * 1.22))))
        gx = x0 + (w - size) / 2
        gy = y0 + (h - n * size * 1.22 + size * 0.22) / 2
    else:
        size = h * 0.6
        n = max(1, min(n, int((w - h * 0.35) / (size * 1.22))))
        gx = x0 + (w - n * size * 1.22 + size * 0.22) / 2
        gy = y0 + (h - size) / 2
    if mirror:  # the glyphs read upside down in a puddle
        draw_glyphs(L, gr, gx, gy, size, n, vertical, max(0.8, size * 0.09), core, emit, base=False,
                    flip_y=(y0 + y1) / 2)
        return
    draw_glyphs(L, gr, gx, gy, size, n, vertical, max(0.8, size * 0.09), core, emit, base=board is not None)


def catenary(st: Street, Xa: float, Ya: float, Xb: float, Yb: float, Z: float, sag: float, n: int = 24, mirror=False):
    pts = []
    for i in range(n + 1):
        t = i / n
        X = Xa + (Xb - Xa) * t
        Y = Ya + (Yb - Ya) * t - sag * 4 * t * (1 - t)
        pts.append(st.P(X, Y, Z, mirror))
    return pts


# --------------------------------------------------------------------------------------------------
# the alley (in rain, and dry)
# --------------------------------------------------------------------------------------------------


def far_hit(hit: dict, segs: list[dict]) -> dict:
    """The far facade's hits re-indexed as a wall row along x (for shade_walls with side 4)."""
    out = dict(hit)
    z1 = np.array([g["z1"] for g in segs], np.float32)
    out["seg"] = np.clip(np.searchsorted(z1, hit["U"], side="right"), 0, len(segs) - 1).astype(np.int32)
    return out


def ground_spill(hit: dict, st: Street, segs: list[dict], side: int, shop_cols: list, k: float, reach: float = 1.6) -> np.ndarray:
    """Warm light thrown on the ground in front of the lit shop fronts of one wall row."""
    g = hit["kind"] == 3
    X, Z = hit["U"], hit["V"]
    xw = st.xl if side == 1 else st.xr
    d = np.abs(X - xw)
    out = np.zeros((H, W, 3), np.float32)
    for seg in segs:
        if not seg["shop"]:
            continue
        c = C(shop_cols[int(np.random.default_rng(seg["seed"] + 2).integers(0, len(shop_cols)))])
        along = smooth(seg["z0"] + 0.2, seg["z0"] + 1.2, Z) * (1 - smooth(seg["z1"] - 1.2, seg["z1"] - 0.2, Z))
        out += (np.exp(-d / reach) * along * g)[..., None] * c * k
    return out


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
        light += starfield(rw, 60, 2, 0, 200, ("#f4f1ea", "#cfe9ff"), 7) * (hit["kind"] == 0)[..., None]

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
    puddle = smooth(0.56, 0.62, sample2(tex, (gX + 7) * 26, gZ * 9)) * g
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
    spill += (smooth(24, 34, gZ) * g)[..., None] * mix(N["amber"], N["magenta"], 0.3) * 0.35  # the cross street
    vend = np.exp(-(((gX - 2.0) / 1.1) ** 2 + ((gZ - 4.9) / 1.4) ** 2)) * (1 - smooth(5.2, 5.7, gZ)) * g
    spill += vend[..., None] * mix(N["cyan"], LIGHTEST, 0.4) * 0.5
    img += spill * (0.5 if wet else 0.35)

    # props, signs and cables: drawn normally and mirrored (for the reflections)
    def props(L: Layer, mirror: bool) -> None:
        rp = rng("alley:props")
        P = lambda X, Y, Z: st.P(X, Y, Z, mirror)  # noqa: E731
        fogc = lambda c, Z: mix(c, haze, 1 - math.exp(-Z / 26.0))  # noqa: E731
        items = []
        # vertical and box signs (camera-facing), far to near
        specs = [(-2.3, 1, 27.0, 3.0, 6.0, N["cyan"], 3), (2.5, -1, 25.0, 3.4, 5.4, N["magenta"], 3),
                 (-2.3, 1, 21.5, 3.6, 6.2, N["amber"], 4), (2.5, -1, 19.0, 2.9, 4.4, N["cyan"], 2),
                 (-2.3, 1, 15.5, 3.2, 5.8, N["magenta"], 4), (2.5, -1, 13.0, 3.4, 6.4, N["amber"], 4),
                 (-2.3, 1, 9.5, 3.3, 5.6, N["cyan"], 3), (2.5, -1, 7.5, 3.6, 7.0, N["magenta"], 4)]
        for i, (xw, d, Z, y0, y1, c, n) in enumerate(specs):
            items.append((Z, "sign", (xw, d, y0, y1, c, n, i)))
        for Z in (26.0, 22.0, 17.0, 12.0, 8.0, 5.0):
            items.append((Z, "cable", None))
        for side, xw in ((1, -2.3), (2, 2.5)):  # air-conditioner boxes and pipes
            for Z in rp.uniform(4, 28, 7):
                items.append((float(Z), "ac", (xw, float(rp.uniform(3.6, 9.0)))))
            for Z in rp.uniform(3, 27, 3):
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
                        L.ellipse(bx, by + 3, 1.6, 1.8, None, C(N["amber"]) * 1.3, base=False)
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
                paper = fogc(rng_choice(rp, [mix("#f4e3c3", N["navy"], 0.45), mix(N["magenta"], N["navy"], 0.45),
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
                               C(cc) * 0.7, base=not mirror)
                L.poly(st.PP([(xb - 0.2, 1.0, zf), (xb - 0.08, 1.0, zf), (xb - 0.08, 1.6, zf), (xb - 0.2, 1.6, zf)], mirror),
                       N["amber"] if not mirror else None, C(N["amber"]) * 0.6, base=not mirror)
                L.poly(st.PP([(xa + 0.08, 1.78, zf), (xb - 0.08, 1.78, zf), (xb - 0.08, 1.9, zf), (xa + 0.08, 1.9, zf)], mirror),
                       N["magenta"] if not mirror else None, C(N["magenta"]) * 1.1, base=not mirror)
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

    Lp = Layer()
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
    Lm = Layer()
    props(Lm, True)
    mem = mem + Lm.light()
    mcol = fog_by_depth(mcol, np.where(hitm["kind"] == 0, 60.0, hitm["Z"]), haze, 30.0, 0.9)
    sky_m = img[np.clip((2 * st.cy - YY).astype(int), 0, H - 1), XX.astype(int)]
    mcol = mcol * mm[..., None] + sky_m * (1 - mm[..., None])
    # wet asphalt breaks reflections into bands across the view; puddles hold them sharper
    bands = sample2(fbm(rng("alley:bands"), 24, 3, h=256, w=256), (gX + 7) * 8, gZ * 30)
    streak = (0.35 + 0.9 * smooth(0.3, 0.75, bands))[..., None]
    if wet:
        rough = fblur(mcol, 14, 1.5)
        rough_e = fblur(mem, 18, 1.5)
        sharp = fblur(mcol, 3, 1.0)
        sharp_e = fblur(mem, 4, 1.0)
        pud = puddle[..., None]
        k_r = (0.28 * g + 0.4 * puddle)[..., None]
        refl_col = rough * (1 - pud) + sharp * pud
        refl_em = (rough_e * streak) * (1 - pud) + sharp_e * pud
        near_dark = (1 - 0.4 * smooth(500, H, YY))[..., None]
        img = img * (1 - k_r) + refl_col * k_r * 0.85
        light += refl_em * k_r * 1.25 * near_dark
    else:
        k_r = (0.1 * g)[..., None]
        light += fblur(mem, 22, 4) * k_r * streak
        # dry patches of old asphalt
        patch = sample2(fbm(rng("alley:patch"), 40, 3, h=256, w=256), (gX + 7) * 14, gZ * 5)
        img *= (1 - 0.12 * smooth(0.55, 0.6, patch) * g)[..., None]
    # rain: three layers, splashes, and a veil of lit spray in the air
    if wet:
        rc = mix(N["cyan"], LIGHTEST, 0.5)
        light += rain(rw, 3200, (6, 12), 7, 0.6, blur_r=0.6)[..., None] * rc * 0.14
        light += rain(rw, 1100, (18, 34), 8, 0.9)[..., None] * rc * 0.2
        light += rain(rw, 140, (70, 130), 10, 2.2, blur_r=1.8)[..., None] * rc * 0.16
        sp = splashes(rw, 260, st.ground_y(30), H, (2, 7))
        light += sp[..., None] * rc * 0.25 * g[..., None]
        mist = fbm(rw, 120, 4, sx=1.5) * smooth(200, 420, YY) * (1 - smooth(420, 620, YY))
        img += mist[..., None] * haze * 0.12
    img = glow(img, light, ((2, 0.7), (9, 0.55), (36, 0.4), (90, 0.22 if wet else 0.12)))
    img = calm_bottom(img, N["ink"], 0.4, 0.68)
    img = vignette(img, N["ink"], 0.45, 612, 300)
    return img


def alley_rain_night(name: str) -> np.ndarray:
    return alley(name, wet=True)


def alley_night(name: str) -> np.ndarray:
    return alley(name, wet=False)


# --------------------------------------------------------------------------------------------------
# Jay's shop (night and day) and the small room behind it
# --------------------------------------------------------------------------------------------------

SHOP = {"dark": "#1a1210", "brown": "#3b2618", "wood": "#7a4a2a", "tan": "#d08a4a", "amber": "#ffc27a",
        "cream": "#f4e3c3"}


def beam(px: float, py: float, angle: float, spread: float, length: float, soft_start: float = 16.0) -> np.ndarray:
    """A cone of light from (px, py) toward ``angle`` (radians, y down), 0..1."""
    dx, dy = XX - px, YY - py
    dist = np.sqrt(dx * dx + dy * dy) + 1e-3
    a = np.arctan2(dy, dx) - angle
    a = (a + np.pi) % (2 * np.pi) - np.pi
    cone = np.exp(-((a / spread) ** 4))
    fall = 1.0 / (1.0 + (dist / length) ** 2) * smooth(0.0, soft_start, dist)
    return (cone * fall).astype(np.float32)


def knob(L: Layer, x: float, y: float, rad: float, col, hi) -> None:
    L.ellipse(x, y, rad, rad, col)
    L.ellipse(x - rad * 0.25, y - rad * 0.25, rad * 0.45, rad * 0.45, hi)


def dial_glow(L: Layer, x0, y0, x1, y1, lit: float, face, needle, round_top: bool = False) -> None:
    """A tuning dial: a warm window (emission scaled by ``lit``), scale ticks and a needle."""
    em = C(SHOP["amber"]) * lit * 0.55
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
    L.line([(nx, y0 + 2), (nx, y1 - 1)], 1.1, "#b0402a", C("#ff7a4a") * lit * 0.6, caps=False)


def cathedral_radio(L: Layer, x: float, base: float, w: float, h: float, case, lit: float) -> None:
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


def table_radio(L: Layer, x: float, base: float, w: float, h: float, case, lit: float, grille=None) -> None:
    """A wide valve table radio: slatted grille on the left, round dial on the right."""
    S = SHOP
    L.rrect(x, base - h, x + w, base, h * 0.18, case)
    L.rrect(x + w * 0.06, base - h * 0.84, x + w * 0.54, base - h * 0.16, h * 0.08, grille or S["cream"])
    for k in range(6):
        y = base - h * 0.78 + k * h * 0.11
        L.line([(x + w * 0.08, y), (x + w * 0.52, y)], max(1.0, h * 0.035), case, caps=False)
    cx, cy, rad = x + w * 0.76, base - h * 0.56, min(w * 0.17, h * 0.3)
    L.ellipse(cx, cy, rad, rad, mix(S["cream"], S["amber"], 0.4), C(S["amber"]) * lit * 0.5)
    for k in range(12):
        a = math.pi * (0.8 + 1.4 * k / 11)
        L.line([(cx + math.cos(a) * rad * 0.62, cy + math.sin(a) * rad * 0.62),
                (cx + math.cos(a) * rad * 0.85, cy + math.sin(a) * rad * 0.85)], 0.8, S["brown"], C(S["amber"]) * lit * 0.3, caps=False)
    L.line([(cx, cy), (cx + rad * 0.7, cy - rad * 0.5)], 1.1, "#b0402a", C("#ff7a4a") * lit * 0.5)
    knob(L, x + w * 0.68, base - h * 0.16, h * 0.08, S["dark"], S["wood"])
    knob(L, x + w * 0.86, base - h * 0.16, h * 0.08, S["dark"], S["wood"])


def reel_deck(L: Layer, x: float, base: float, w: float, h: float, case, lit: float) -> None:
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
        L.rect(vx, base - h * 0.33, vx + w * 0.3, base - h * 0.21, mix(S["cream"], S["amber"], 0.5), C(S["amber"]) * lit * 0.55)
        L.line([(vx + w * 0.08, base - h * 0.22), (vx + w * 0.18, base - h * 0.31)], 0.9, S["dark"], caps=False)
    for k in range(5):
        L.rect(x + w * (0.12 + k * 0.16), base - h * 0.14, x + w * (0.24 + k * 0.16), base - h * 0.07, mix(S["cream"], S["tan"], 0.6))


def speaker(L: Layer, x: float, base: float, w: float, h: float, case) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rect(x + w * 0.06, base - h * 0.96, x + w * 0.94, base - h * 0.04, mix(case, S["dark"], 0.45))
    r1 = w * 0.34
    L.ellipse(x + w / 2, base - h * 0.34, r1, r1, mix(S["brown"], S["dark"], 0.3))
    L.ellipse(x + w / 2, base - h * 0.34, r1 * 0.8, r1 * 0.8, S["dark"])
    L.ellipse(x + w / 2, base - h * 0.34, r1 * 0.22, r1 * 0.22, mix(S["brown"], S["wood"], 0.4))
    L.ellipse(x + w / 2, base - h * 0.76, w * 0.13, w * 0.13, mix(S["brown"], S["dark"], 0.3))
    L.ellipse(x + w / 2, base - h * 0.76, w * 0.06, w * 0.06, S["wood"])


def amplifier(L: Layer, x: float, base: float, w: float, h: float, case, lit: float) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rect(x, base - h, x + w, base - h + 3, mix(case, S["cream"], 0.25))
    for k in range(2):
        vx = x + w * (0.08 + k * 0.26)
        L.rrect(vx, base - h * 0.8, vx + w * 0.22, base - h * 0.3, 2, mix(S["cream"], S["amber"], 0.45), C(S["amber"]) * lit * 0.6)
        L.arc(vx + w * 0.11, base - h * 0.3, w * 0.08, h * 0.35, 200, 340, 0.8, S["brown"], C(S["amber"]) * lit * 0.3, caps=False)
        L.line([(vx + w * 0.11, base - h * 0.32), (vx + w * (0.11 + 0.05 * (1 - 2 * k)), base - h * 0.7)], 1.0, S["dark"], caps=False)
    for k in range(4):
        knob(L, x + w * (0.64 + k * 0.1), base - h * 0.5, h * 0.15, mix(S["cream"], S["tan"], 0.5), S["cream"])


def cassette_deck(L: Layer, x: float, base: float, w: float, h: float, case, lit: float) -> None:
    S = SHOP
    L.rect(x, base - h, x + w, base, case)
    L.rrect(x + w * 0.06, base - h * 0.8, x + w * 0.46, base - h * 0.2, 2, S["dark"])
    L.rect(x + w * 0.12, base - h * 0.62, x + w * 0.4, base - h * 0.42, mix(S["tan"], S["cream"], 0.3))
    for cx in (x + w * 0.19, x + w * 0.33):
        L.ellipse(cx, base - h * 0.52, h * 0.07, h * 0.07, S["dark"])
    L.rect(x + w * 0.55, base - h * 0.72, x + w * 0.9, base - h * 0.5, "#3a2a20", C(SHOP["amber"]) * lit * 0.7)
    for k in range(4):
        L.rect(x + w * (0.55 + k * 0.09), base - h * 0.35, x + w * (0.61 + k * 0.09), base - h * 0.22, mix(S["cream"], S["tan"], 0.6))


def records(L: Layer, r: np.random.Generator, x: float, base: float, w: float, h: float, cols) -> None:
    """A row of LP sleeves standing on edge, leaning a little."""
    xx = x
    while xx < x + w:
        t = float(r.uniform(2.5, 5.0))
        lean = float(r.uniform(-3, 3))
        hh = h * float(r.uniform(0.93, 1.0))
        L.poly([(xx, base), (xx + t, base), (xx + t + lean, base - hh), (xx + lean, base - hh)], rng_choice(r, cols))
        xx += t + 0.3


def tube(L: Layer, x: float, base: float, w: float, h: float, lit: float) -> None:
    """A vacuum tube: a glass bottle with a glowing heater at its foot."""
    S = SHOP
    L.rect(x - w * 0.6, base - h * 0.12, x + w * 0.6, base, S["dark"])
    L.rrect(x - w / 2, base - h, x + w / 2, base - h * 0.1, w * 0.45, mix(S["brown"], S["cream"], 0.25),
            C(S["amber"]) * lit * 0.18)
    L.rect(x - w * 0.25, base - h * 0.55, x + w * 0.25, base - h * 0.2, mix(S["wood"], S["dark"], 0.3))
    L.ellipse(x, base - h * 0.25, w * 0.22, h * 0.08, "#ff9a5c", C("#ff8a4a") * lit * 1.4)


def desk_lamp(L: Layer, bx: float, by: float, elbow: tuple[float, float], head: tuple[float, float], aim: float,
              col, lit: float) -> tuple[float, float]:
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
    L.line([sh[2], sh[3]], 3.5, mix(col, SHOP["amber"], 0.5), C(SHOP["amber"]) * lit * 0.8)
    return bxp, byp


def headphones(L: Layer, x: float, y: float, s: float, col, pad) -> None:
    L.arc(x, y, s * 0.55, s * 0.5, 180, 360, s * 0.09, col)
    L.rrect(x - s * 0.7, y - s * 0.12, x - s * 0.38, y + s * 0.32, s * 0.12, col)
    L.rrect(x + s * 0.38, y - s * 0.12, x + s * 0.7, y + s * 0.32, s * 0.12, col)
    L.rect(x - s * 0.42, y - s * 0.06, x - s * 0.36, y + s * 0.26, pad)
    L.rect(x + s * 0.36, y - s * 0.06, x + s * 0.42, y + s * 0.26, pad)


def turntable(L: Layer, x: float, top: float, w: float, case, lit: float) -> None:
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
    L.ellipse(x + w * 0.9, top + d * 0.8, w * 0.02, d * 0.05, S["dark"], C("#ff7a4a") * lit * 0.8)


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
    A = Layer()
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
    wx0, wy0, wx1, wy1 = 36, 64, 304, 420
    A.rect(wx0 - 12, wy0 - 12, wx1 + 12, wy1 + 14, S["dark"])
    A.rect(wx0 - 18, wy1 + 8, wx1 + 18, wy1 + 20, S["wood"])  # sill
    # --- the shelving on the back wall ---
    planks = [136, 268, 396]
    sx0, sx1 = 352, 1262
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
    top0, top1 = 446, 506
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
    A.arc(104, 544, 37, 8.5, 0, 360, 2.0, "#6fe3e1", C("#6fe3e1") * (0.9 if not day else 0.45), caps=False)
    A.rect(96, 520, 112, 540, mix(S["cream"], S["tan"], 0.3))
    A.ellipse(104, 522, 4, 4, "#6fe3e1", C("#6fe3e1") * (1.0 if not day else 0.5))
    # the desk lamp: base on the bench at the left, head over the chassis
    lamp_col = mix(S["dark"], S["brown"], 0.4)
    bulb = desk_lamp(A, 420, 488, (386, 300), (500, 236), math.radians(62), lamp_col, lit)
    # --- the window view (unlit by the room: it is its own light) ---
    V = Layer()
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
                    V.rect(x, 216 + row * 44, x + 18, 236 + row * 44, "#3a3040", C("#ffb454") * vb.uniform(0.25, 0.5))
        V.rect(wx0 + 150, 240, wx0 + 176, 350, "#1b1830", C("#c2408a") * 0.8)  # a neon sign, out of focus
        V.rect(wx0 + 30, 176, wx0 + 96, 196, "#1b2a30", C("#6fe3e1") * 0.6)
        for _ in range(12):
            cc = rng_choice(vb, ["#6fe3e1", "#c2408a", "#ffb454", "#9ad1ff"])
            x, y, rad = vb.uniform(wx0, wx1), vb.uniform(330, 415), vb.uniform(3, 7)
            V.ellipse(x, y, rad, rad, mix(cc, "#1b2340", 0.4), C(cc) * 0.35)
    win_m = np.zeros((H, W), np.float32)
    win_m[wy0:wy1, wx0:wx1] = 1.0
    vpm, va = V.base()
    view = view * (1 - va[..., None]) + vpm
    view_light = V.light()
    view = fblur(view, 2.5 if day else 4)
    view_light = fblur(view_light, 4)
    # mullions and rain drops on the glass
    M = Layer()
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
        shaft = fblur(shaft, 18) * (0.55 + 0.45 * radial(wx1, 300, 600, 500))
        bars = shape_mask(lambda B: (B.poly([((wx0 + wx1) / 2 - 6, wy0), ((wx0 + wx1) / 2 + 6, wy0), ((wx0 + wx1) / 2 + 300, H), ((wx0 + wx1) / 2 + 276, H)], "#ffffff"),
                                     B.poly([(wx0, wy0 + 110), (wx1, wy0 + 110), (wx1 + 60, wy0 + 240), (wx0 + 60, wy0 + 240)], "#ffffff")))
        shaft *= 1 - 0.7 * fblur(bars, 6)
        Lm += shaft[..., None] * C(S["cream"]) * 0.9
        Lm += radial(wx1 + 80, 300, 560, 420)[..., None] * C(S["cream"]) * 0.35
    else:
        amb = mix(S["brown"], S["amber"], 0.25) * 0.42
        Lm = np.ones((H, W, 3), np.float32) * amb
        cone = beam(bulb[0], bulb[1], math.radians(62), 0.62, 260)
        Lm += cone[..., None] * C(S["amber"]) * 2.2
        Lm += radial(bulb[0] + 60, 470, 260, 70)[..., None] * C(S["amber"]) * 1.0  # the pool on the bench
        Lm += radial(bulb[0], bulb[1], 520, 360)[..., None] * C(S["amber"]) * 0.35
        # blue spill from the window onto the floor, the stool and the bench's end
        spill = shape_mask(lambda B: B.poly([(wx0, wy1 + 20), (wx1, wy1 + 20), (wx1 + 200, H), (wx0 + 60, H)], "#ffffff"))
        spill = fblur(spill, 14)
        Lm += spill[..., None] * C("#9ad1ff") * 0.7
        Lm += radial(170, 300, 300, 300)[..., None] * C("#3a4a78") * 0.9
    img = img * Lm
    # the window itself
    img = img * (1 - win_m[..., None]) + view * win_m[..., None]
    pm, a = M.base()
    img = img * (1 - a[..., None]) + pm * Lm
    light = A.light() + view_light * win_m[..., None]
    if not day:
        dr = rng("shop:drops")
        drops = rain(dr, 300, (5, 16), 2, 1.0, wy0, wy1) * win_m
        light += drops[..., None] * C("#9ad1ff") * 0.3
        for _ in range(70):
            add_star(light, dr.uniform(wx0, wx1), dr.uniform(wy0, wy1), 0.12, "#cfe9ff", 1.5)
        light += cone[..., None] * C(S["amber"]) * 0.05  # the lamp's light in the dusty air
        light += spill[..., None] * C("#3a4a78") * 0.12
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
        light += shaft[..., None] * C(S["cream"]) * 0.06
    img = glow(img, light, ((2, 0.6), (8, 0.45), (30, 0.3)))
    img = calm_bottom(img, S["dark"], 0.3 if day else 0.4, 0.7)
    img = vignette(img, S["dark"], 0.35 if day else 0.55, 640, 330)
    return img


def shop_night(name: str) -> np.ndarray:
    return shop(name, day=False)


def shop_day(name: str) -> np.ndarray:
    return shop(name, day=True)


def keyboard_under_sheet(L: Layer, r: np.random.Generator, col, shade, light_fold) -> None:
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


def shop_backroom(name: str) -> np.ndarray:
    """The back room: a keyboard under a sheet, a window on the night city, a bare bulb; two lights meet."""
    r = rng(name)
    S = SHOP
    bx0, by0, bx1, by1 = 170, 62, 1110, 492  # the back wall
    A = Layer()
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
    wx0, wy0, wx1, wy1 = 790, 150, 1030, 372
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
        A.rect(428 + k * 14, 170, 439 + k * 14, 200, rng_choice(r, [S["cream"], S["tan"], S["dark"], "#9a4a3a"]))
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
    bulb = (560, 150)
    A.line([(560, 0), (560, 136)], 1.4, S["dark"], caps=False)
    A.rect(553, 128, 567, 140, S["dark"])
    A.ellipse(bulb[0], bulb[1], 10, 12, S["cream"], mix(S["amber"], LIGHTEST, 0.4) * 1.4)
    # the view: night city, soft
    V = Layer()
    view = vgrad([(0.0, "#16213e"), (0.7, "#3a4a78"), (1.0, "#2e3a5e")])
    V.rect(wx0, 250, wx0 + 90, wy1, "#1b2340")
    V.rect(wx0 + 90, 222, wx0 + 170, wy1, "#16213e")
    V.rect(wx0 + 170, 270, wx1, wy1, "#1b2340")
    vr = rng("backroom:view")
    for row in range(6):
        for k in range(10):
            if vr.random() < 0.3:
                x, y = wx0 + 8 + k * 23, 240 + row * 21
                V.rect(x, y, x + 7, y + 9, "#3a3040", C(rng_choice(vr, ["#ffc27a", "#ffc27a", "#9ad1ff"])) * vr.uniform(0.25, 0.5))
    vpm, va = V.base()
    view = view * (1 - va[..., None]) + vpm
    view = fblur(view, 1.0)
    vlight = fblur(V.light(), 1.0)
    vlight += starfield(rng("backroom:stars"), 50, 1, wy0, 240, ("#f4f1ea", "#cfe9ff"), 6, x0=wx0, x1=wx1)
    win_m = np.zeros((H, W), np.float32)
    win_m[wy0:wy1, wx0:wx1] = 1.0
    M = Layer()
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
    Lm += radial(bulb[0], bulb[1] + 40, 430, 330)[..., None] * C(S["amber"]) * 0.85
    Lm += radial(bulb[0], bulb[1], 140, 120)[..., None] * C(S["amber"]) * 0.5
    # moonlit blue through the window, down onto the sheet and the floor
    blue_m = shape_mask(lambda B: B.poly([(wx0, wy0 + 80), (wx1, wy0 + 80), (wx1 - 120, H), (wx0 - 460, H)], "#ffffff"))
    blue_m = fblur(blue_m, 22) * (1 - smooth(560, H, YY) * 0.5)
    Lm += blue_m[..., None] * C("#9ad1ff") * 0.55
    Lm += radial(910, 300, 260, 240)[..., None] * C("#3a4a78") * 0.6
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
    light += blue_m[..., None] * C("#3a4a78") * 0.08
    img = glow(img, light, ((2, 0.6), (8, 0.5), (32, 0.35)))
    img = calm_bottom(img, S["dark"], 0.4, 0.7)
    img = vignette(img, S["dark"], 0.55, 640, 320)
    return img


# --------------------------------------------------------------------------------------------------
# the shop's rooftop at sunset and at night
# --------------------------------------------------------------------------------------------------

SUNSET = {"plum": "#2a1b3d", "wine": "#6b2f5b", "rose": "#d9576b", "orange": "#ff9a5c", "gold": "#ffd58a",
          "navy": "#23304f"}
NIGHTSKY = {"ink": "#0b0d1a", "deep": "#16213e", "blue": "#3a4a78", "ice": "#9ad1ff", "amber": "#ffc27a"}


def monobloc(L: Layer, x: float, base: float, h: float, col, edge=None, turn: float = 0.0) -> None:
    """A white plastic garden chair seen from behind: slatted back, armrests, splayed legs."""
    u = h / 10.0
    w = 5.2 * u
    L.line([(x - w * 0.42, base - 4.2 * u), (x - w * 0.55, base)], 0.55 * u, col, caps=False)
    L.line([(x + w * 0.42, base - 4.2 * u), (x + w * 0.55, base)], 0.55 * u, col, caps=False)
    L.line([(x - w * 0.3 + turn, base - 4.4 * u), (x - w * 0.36 + turn, base - 0.2 * u)], 0.4 * u, col, caps=False)
    L.line([(x + w * 0.3 + turn, base - 4.4 * u), (x + w * 0.36 + turn, base - 0.2 * u)], 0.4 * u, col, caps=False)
    L.poly([(x - w * 0.52, base - 4.6 * u), (x + w * 0.52, base - 4.6 * u), (x + w * 0.48, base - 4.0 * u),
            (x - w * 0.48, base - 4.0 * u)], col)
    L.rrect(x - w * 0.5, base - 10 * u, x + w * 0.5, base - 4.4 * u, 1.4 * u, col)
    for k in range(4):
        sx = x - w * 0.28 + k * w * 0.187
        L.rrect(sx - 0.35 * u, base - 9.0 * u, sx + 0.35 * u, base - 5.4 * u, 0.3 * u, None if edge is None else edge,
                None, base=edge is not None)
    L.line([(x - w * 0.5, base - 6.2 * u), (x - w * 0.66, base - 5.8 * u), (x - w * 0.6, base - 4.4 * u)], 0.5 * u, col)
    L.line([(x + w * 0.5, base - 6.2 * u), (x + w * 0.66, base - 5.8 * u), (x + w * 0.6, base - 4.4 * u)], 0.5 * u, col)


def rooftop(name: str, night: bool) -> np.ndarray:
    r = rng("rooftop")
    rn = rng(name)
    P = NIGHTSKY if night else SUNSET
    horizon = 432
    sun = (870, 402)
    # --- sky ---
    if night:
        img = vgrad([(0.0, P["ink"]), (0.35, P["deep"]), (0.52, mix(P["deep"], P["blue"], 0.55)),
                     (horizon / H, mix(P["blue"], P["ice"], 0.18)), (1.0, P["deep"])])
        light = np.zeros_like(img)
        fade = 0.25 + 0.75 * (1 - smooth(200, horizon, YY))
        # a faint band of the Milky Way, dust lanes and all
        band = np.exp(-(((YY - (80 + XX * 0.28)) / 90.0) ** 2))
        mw = fbm(rn, 80, 5) * band
        img += (smooth(0.35, 0.9, mw) * 0.07)[..., None] * mix(P["ice"], "#f4f1ea", 0.5)
        light += starfield(rn, 900, 10, 0, horizon - 30, ("#f4f1ea", "#cfe9ff", "#9ad1ff", "#ffe0b0"), 13, fade)
        dense = np.zeros_like(light)
        dense += starfield(rn, 700, 0, 0, horizon - 60, ("#f4f1ea", "#cfe9ff"), 8)
        light += dense * band[..., None] * 0.8
        # Mars: a steady warm point a little brighter than any star
        mx, my = 1000, 150
        light += radial(mx, my, 2.6, power=4)[..., None] * C("#ffb38a") * 1.5
        light += radial(mx, my, 10)[..., None] * C("#ff9a5c") * 0.35
        add_star(light, mx, my, 0.45, "#ffc9a0", 12)
        city_glow = radial(640, horizon + 40, 900, 150)
        img += city_glow[..., None] * C(P["blue"]) * 0.45
        img += radial(640, horizon + 10, 700, 60)[..., None] * C(P["amber"]) * 0.06
    else:
        img = vgrad([(0.0, P["navy"]), (0.25, mix(P["navy"], P["wine"], 0.6)), (0.45, P["rose"]),
                     (0.56, P["orange"]), (horizon / H, mix(P["orange"], P["gold"], 0.6)), (1.0, P["wine"])])
        light = np.zeros_like(img)
        img += radial(sun[0], sun[1], 520, 230)[..., None] * C(P["gold"]) * 0.35
        img += radial(sun[0], sun[1], 160, 90)[..., None] * C(P["gold"]) * 0.3
        # long clouds, dark-edged above, lit gold underneath
        n = fbm(rn, 240, 5, sx=6.0, sy=0.55)
        clouds = smooth(0.56, 0.78, n) * smooth(40, 150, YY) * (1 - smooth(300, 380, YY))
        under = smooth(0.6, 0.85, fbm(rn, 200, 3, sx=6, sy=0.6))
        ccol = mix(P["wine"], P["plum"], 0.3)[None, None, :] * (1 - under[..., None]) + \
            mix(P["rose"], P["gold"], 0.4)[None, None, :] * under[..., None]
        ccol = ccol + radial(sun[0], 300, 400, 200)[..., None] * C(P["gold"]) * 0.4
        img = img * (1 - clouds[..., None] * 0.75) + ccol * clouds[..., None] * 0.75
        light += radial(sun[0], sun[1], 26, power=6)[..., None] * C(P["gold"]) * 1.6
        light += radial(sun[0], sun[1], 60)[..., None] * C(P["gold"]) * 0.3
        add_star(light, sun[0], sun[1], 0.3, P["gold"], 40)
    # --- the city below, in haze layers ---
    if night:
        haze = mix(P["deep"], P["blue"], 0.7)
        cols = [mix(P["deep"], P["blue"], 0.55), mix(P["ink"], P["deep"], 0.9), mix(P["ink"], P["deep"], 0.55)]
        wins = [P["amber"], P["amber"], "#f4e3c3", P["ice"]]
        lits = [0.35, 0.3, 0.26]
        gains = [0.5, 0.8, 1.0]
    else:
        haze = mix(P["rose"], P["orange"], 0.45)
        cols = [mix(P["rose"], P["orange"], 0.25), mix(P["wine"], P["rose"], 0.45), mix(P["plum"], P["wine"], 0.5)]
        wins = [P["gold"], P["orange"], P["gold"]]
        lits = [0.06, 0.08, 0.1]
        gains = [0.3, 0.4, 0.5]
    specs = [(dict(x0=-20, x1=W + 20, hmin=20, hmax=70, wmin=16, wmax=40, gap=(-2, 4)), horizon + 26, 0.55),
             (dict(x0=-20, x1=W + 20, hmin=14, hmax=60, wmin=26, wmax=70, gap=(-4, 6)), horizon + 44, 0.8),
             (dict(x0=-20, x1=W + 20, hmin=8, hmax=40, wmin=60, wmax=140, gap=(-10, 4)), horizon + 70, 1.2)]
    for i, (tw, base, scale) in enumerate(specs):
        L = Layer()
        if i == 0:
            namsan(L, 585, base, 0.8, cols[0], C(P["amber"] if night else P["gold"]) * (1.0 if night else 0.4))
            lotte_tower(L, 1160, base, 190, 30, cols[0], haze, C("#c2408a") * (1.2 if night else 0.3))
        bs = towers(r, **tw, tall_p=0.12)
        draw_towers(L, bs, base, cols[i], wins, scale, lits[i], gains[i], "#c2408a" if night else None,
                    window_base_mix=0.4, side=haze if not night else P["blue"], side_k=0.2 if not night else 0.12)
        pm, a = L.base()
        img = img * (1 - a[..., None]) + pm
        rimc = C(P["gold"]) if not night else C(P["blue"])
        img += top_edge(a, 1)[..., None] * rimc * (0.3 if not night else 0.2)
        light = light * (1 - a[..., None]) + L.light()
        if not night:  # haze drifting between the layers, brightest toward the sun
            hz = smooth(horizon - 30, horizon + 60, YY) * (1 - smooth(horizon + 60, horizon + 120, YY))
            img = img * (1 - hz[..., None] * 0.22) + haze * hz[..., None] * 0.22
    # --- the rooftop: parapet, floor, water tank, stair hut, chairs, the bulbs ---
    if night:
        dark, mid_, lit_edge, floor_c = mix(P["ink"], P["deep"], 0.6), mix(P["deep"], P["blue"], 0.3), P["blue"], mix(P["ink"], P["deep"], 0.8)
    else:
        dark, mid_, lit_edge, floor_c = mix(P["plum"], P["navy"], 0.5), mix(P["plum"], P["wine"], 0.45), P["orange"], mix(P["navy"], P["plum"], 0.55)
    R = Layer()
    R.rect(-10, 490, W + 10, H + 10, floor_c)  # floor
    R.rect(-10, 468, W + 10, 530, dark)  # parapet face
    R.rect(-10, 462, W + 10, 470, mid_)  # its coping
    for x in range(0, W, 64):  # seams in the parapet
        R.line([(x, 470), (x, 530)], 1.0, mix(dark, "#000000", 0.2), caps=False)
    # styrofoam planters with peppers and lettuce along the parapet
    for k, x in enumerate((420, 505, 960, 1045)):
        R.rect(x, 500, x + 74, 536, mix(mid_, "#f4f1ea", 0.25 if not night else 0.1))
        pr = np.random.default_rng(k + 7)
        for j in range(7):
            px = x + 6 + j * 10
            R.ellipse(px, 494 - pr.uniform(0, 10), 7, 9, mix(dark, "#3a5a3a", 0.5))
        for j in range(3):
            R.ellipse(x + 14 + j * 22, 500 - pr.uniform(0, 8), 2.2, 4, "#b83a3a" if not night else "#5a2a30")
    # the water tank on its stand (left)
    tx0, tx1, ty0, ty1 = 40, 250, 230, 420
    for lx in (60, 130, 200, 236):
        R.line([(lx, ty1), (lx + (lx - 145) * 0.08, 540)], 6, dark, caps=False)
    R.line([(52, 480), (244, 480)], 4, dark, caps=False)
    R.line([(60, 420), (236, 480)], 3, dark, caps=False)
    R.line([(236, 420), (60, 480)], 3, dark, caps=False)
    R.rect(tx0, ty0, tx1, ty1, mid_)
    R.ellipse((tx0 + tx1) / 2, ty0, (tx1 - tx0) / 2, 22, mix(mid_, lit_edge, 0.25))
    R.ellipse((tx0 + tx1) / 2, ty1, (tx1 - tx0) / 2, 22, mid_)
    for y in (280, 340, 390):
        R.line([(tx0, y), (tx1, y)], 2.0, dark, caps=False)
    R.rect(tx1 - 26, ty0 - 40, tx1 - 18, ty0, dark)  # vent pipe
    # the stair hut (right) with its door and lamp
    R.rect(1100, 250, W + 10, 540, mid_)
    R.rect(1090, 238, W + 10, 252, dark)
    R.rect(1150, 330, 1236, 530, dark)
    R.rect(1156, 336, 1230, 526, mix(dark, mid_, 0.4))
    R.ellipse(1168, 440, 4, 4, lit_edge)
    R.rect(1184, 300, 1204, 312, dark, C(P["amber"] if night else P["gold"]) * (1.3 if night else 0.2))
    # a satellite dish on the hut
    R.ellipse(1136, 212, 24, 18, mid_)
    R.line([(1136, 212), (1140, 240)], 3, dark, caps=False)
    # the workbench by the tank: a folding table, the record player under repair, a toolbox
    R.rect(300, 470, 470, 480, mix(mid_, lit_edge, 0.15))
    for lx, rx in ((310, 330), (460, 440)):
        R.line([(lx, 480), (rx, 560)], 4, dark, caps=False)
        R.line([(rx, 480), (lx, 560)], 4, dark, caps=False)
    R.rect(330, 446, 420, 470, mix(mid_, lit_edge, 0.3))  # the record player's case
    R.ellipse(366, 446, 30, 6, dark)
    R.line([(404, 442), (388, 450)], 2, mix(mid_, "#f4f1ea", 0.4), caps=False)
    R.rect(430, 454, 464, 470, "#9a3a3a" if not night else "#4a2a3a")
    # two plastic chairs facing the view
    chair = mix(mix("#f4f1ea", P["rose"], 0.4), P["plum"], 0.45) if not night else mix(P["blue"], P["deep"], 0.35)
    chair_edge = mix(chair, dark, 0.35)
    monobloc(R, 700, 612, 150, chair, chair_edge)
    monobloc(R, 862, 606, 142, chair, chair_edge, turn=-4)
    R.rect(766, 540, 800, 600, mix(mid_, "#9a3a3a", 0.3))  # an upturned crate as a table
    R.rect(762, 536, 804, 544, mix(mid_, lit_edge, 0.2))
    # poles and the string of bulbs
    R.line([(290, 540), (290, 120)], 5, dark, caps=False)
    R.line([(1096, 300), (1096, 196)], 4, dark, caps=False)
    wire = []
    for i in range(61):
        t = i / 60
        x = 290 + (1096 - 290) * t
        y = 124 + (198 - 124) * t + 110 * 4 * t * (1 - t)
        wire.append((x, y))
    R.line(wire, 1.6, dark, caps=False)
    bulbs = []
    for i in range(3, 60, 3):
        x, y = wire[i]
        R.line([(x, y), (x, y + 8)], 1.0, dark, caps=False)
        bulbs.append((x, y + 12))
    pm, a = R.base()
    img = img * (1 - a[..., None]) + pm
    light = light * (1 - a[..., None]) + R.light()
    # rim light on everything facing the sun (right) or the city glow (top)
    if night:
        img += top_edge(a, 2)[..., None] * C(P["blue"]) * 0.35
    else:
        edge = np.clip(a - shift(a, -3, 0), 0, 1) + top_edge(a, 2)
        edge[:, W - 4:] = 0
        img += np.clip(edge, 0, 1)[..., None] * C(P["orange"]) * 0.8 * radial(sun[0], sun[1], 1000, 600)[..., None]
        # warm light raking across the floor
        img += (smooth(530, 600, YY) * (1 - smooth(600, H, YY)) * radial(sun[0], 560, 500, 120))[..., None] * C(P["orange"]) * 0.12
    # the bulbs: amber, bright at night, soft in the sunset
    bl = np.zeros_like(img)
    bk = 1.5 if night else 0.75
    for x, y in bulbs:
        bl += radial(x, y, 3.2, 4.0, power=4)[..., None] * mix(P["amber"] if night else P["gold"], "#f4f1ea", 0.3) * bk
    light += bl
    if night:  # their light on the floor and the chairs' backs
        pool = radial(690, 600, 520, 120)
        img += pool[..., None] * C(P["amber"]) * 0.06
        img += (a * radial(780, 300, 500, 300))[..., None] * C(P["amber"]) * 0.05
    img = glow(img, light, ((2, 0.8), (8, 0.55), (30, 0.4), (90, 0.15)))
    img = calm_bottom(img, P["ink"] if night else P["plum"], 0.4, 0.72)
    img = vignette(img, P["ink"] if night else P["plum"], 0.35, 640, 330)
    return img


def rooftop_sunset(name: str) -> np.ndarray:
    return rooftop(name, night=False)


def rooftop_night(name: str) -> np.ndarray:
    return rooftop(name, night=True)


# --------------------------------------------------------------------------------------------------
# Hongdae: a wide street of hologram ads and crowds
# --------------------------------------------------------------------------------------------------


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
    gimg = np.where(road[..., None], pave, pave * 1.15 + C(N["teal"]) * 0.03)
    tiles = (((gX * 2.0) % 1.0 < 0.05) | ((gZ * 2.0) % 1.0 < 0.05)) & ~road
    gimg = np.where(tiles[..., None], gimg * 0.85, gimg)
    kerb = (np.abs(np.abs(gX) - 4.6) < 0.12)
    gimg = np.where(kerb[..., None], pave * 1.6, gimg)
    img = img * (1 - g[..., None]) + gimg * g[..., None]
    spill = ground_spill(hit, st, left, 1, shop_cols, 0.5, 2.6) + ground_spill(hit, st, right, 2, shop_cols, 0.5, 2.6)
    img += spill * 0.45

    fogc = lambda c, Z: mix(c, haze, 1 - math.exp(-Z / 55.0))  # noqa: E731

    def props(L: Layer, mirror: bool) -> None:
        rp = rng("street:props")
        P = lambda X, Y, Z: st.P(X, Y, Z, mirror)  # noqa: E731
        items = []
        cols = [N["magenta"], N["cyan"], N["amber"], N["magenta"], N["cyan"], "#f4e3c3"]
        k = 0
        for side, xw in ((1, -8.0), (2, 8.0)):
            for Z in np.arange(9.0 + side * 2.5, 80.0, 7.5):
                Z = float(Z + rp.uniform(-1.5, 1.5))
                y0 = float(rp.uniform(4.6, 7.0))
                items.append((Z, "vsign", (xw, y0, y0 + float(rp.uniform(3.5, 6.5)), cols[k % len(cols)], k)))
                k += 1
            for seg in (left if side == 1 else right):
                if seg["z1"] - seg["z0"] > 3 and rp.random() < 0.8:
                    items.append((seg["z0"], "fascia", (xw, seg["z0"] + 0.5, seg["z1"] - 0.5, cols[k % len(cols)], k)))
                    k += 1
        for Z in (12.0, 26.0, 40.0, 56.0):
            for X in (-4.9, 4.9):
                items.append((Z, "lamp", (X,)))
        items.append((15.0, "orbit", None))
        items.sort(key=lambda it: -it[0])
        for Z, kind, data in items:
            if kind == "vsign":
                xw, y0, y1, c, i = data
                d = 1 if xw < 0 else -1
                X0, X1 = (xw, xw + d * 1.1) if d > 0 else (xw + d * 1.1, xw)
                board = None if mirror else fogc(mix(N["ink"], c, 0.14), Z)
                sign_box(L, st, rp, X0, X1, y0, y1, Z, c, 5, True, board, mirror, seed=2000 + i)
            elif kind == "fascia":
                xw, za, zb, c, i = data
                q = [(xw, 4.35, za), (xw, 4.35, zb), (xw, 3.55, zb), (xw, 3.55, za)]
                if not mirror:
                    L.poly(st.PP(q), fogc(mix(N["ink"], c, 0.18), za))
                gr = np.random.default_rng(3000 + i)
                nb = max(1, int((zb - za) / 0.75))
                size = 0.55
                lines = unit_glyph_lines(gr, min(nb, 8), False)
                span = min(nb, 8) * 1.22 * size
                z_start = za + ((zb - za) - span) / 2
                for pl in lines:
                    pts = [P(xw, 4.22 - v * size, z_start + u * size) for u, v in pl]
                    wdt = max(0.7, 0.05 * st.f / (za + 1))
                    L.line(pts, wdt, None if mirror else mix(c, LIGHTEST, 0.4), C(c) * 1.2, base=False if mirror else True)
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
                           mix(N["ink"], N["magenta"], 0.25), C(N["magenta"]) * 0.15, caps=False)
                for zz in (13.0, 17.0):
                    L.line(st.PP([(5.4, 0.0, zz), (5.4, 1.0, zz)]), max(1.0, 0.06 * st.f / zz), mix(N["ink"], N["navy"], 0.5), caps=False)
                L.line(st.PP([(5.4, 1.0, 13.0), (5.4, 1.0, 17.0)]), 2.0, mix(N["ink"], N["navy"], 0.5), caps=False)
                cx, cy = P(7.7, 5.6, 15.0)
                rad = 1.1 * st.f / 15.0
                L.ellipse(cx, cy, rad * 1.05, rad * 1.05, mix(N["ink"], N["magenta"], 0.1))
                L.arc(cx, cy, rad * 0.55, rad * 0.55, 0, 360, 2.6, mix(N["magenta"], LIGHTEST, 0.4), C(N["magenta"]) * 1.4, caps=False)
                L.arc(cx, cy, rad * 0.95, rad * 0.32, 200, 520, 2.2, mix(N["cyan"], LIGHTEST, 0.4), C(N["cyan"]) * 1.3, caps=False)
                L.ellipse(cx + rad * 0.8, cy - rad * 0.18, 3, 3, LIGHTEST, C(N["cyan"]) * 1.5)

    Lp = Layer()
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
    lines = Layer(emission=False)
    lines.line([(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1), (bx0, by0)], 1.6, "#ffffff", caps=False)
    fig = [(0.5, 0.1), (0.56, 0.14), (0.55, 0.22), (0.68, 0.18), (0.78, 0.08), (0.8, 0.1), (0.7, 0.24), (0.6, 0.3),
           (0.62, 0.55), (0.72, 0.9), (0.66, 0.92), (0.56, 0.62), (0.48, 0.92), (0.42, 0.9), (0.48, 0.55), (0.46, 0.3),
           (0.36, 0.36), (0.3, 0.34), (0.44, 0.24), (0.45, 0.14)]
    fw, fh = bx1 - bx0, by1 - by0
    figp = [(bx0 + fw * (0.18 + 0.6 * u_), by0 + fh * (0.04 + 0.92 * v_)) for u_, v_ in fig]
    figm = shape_mask(lambda B: B.poly(figp, "#ffffff"))
    lines.line(figp + [figp[0]], 1.2, "#ffffff", caps=False)
    lines.ellipse(bx0 + fw * (0.18 + 0.6 * 0.5), by0 + fh * 0.09, fw * 0.05, fw * 0.05, "#ffffff")
    draw_glyphs(lines, np.random.default_rng(77), bx0 + fw * 0.06, by0 + fh * 0.08, fw * 0.11, 5, True, 1.1, "#ffffff", None)
    holo += hologram(fill * 0.55 + figm * 0.9, lines.mask(), N["cyan"], r, 0.15, 0.7, fringe=N["magenta"], glitch=5)
    # 2: over the street, Mars turning in a ring: the mission everyone is talking about
    mx, my = st.P(0.0, 12.5, 40.0)
    R = 3.0 * st.f / 40.0
    disc = radial(mx, my, R, power=12)
    Lm_ = Layer(emission=False)
    for k in range(1, 5):  # latitude and longitude lines
        t = k / 5
        Lm_.arc(mx, my - R + 2 * R * t, R * math.sqrt(1 - (2 * t - 1) ** 2), R * 0.12, 0, 360, 1.0, "#ffffff", caps=False)
    for k in range(-2, 3):
        Lm_.arc(mx, my, R * abs(k) / 2.6 + 1, R, 90, 270 if k < 0 else 450, 1.0, "#ffffff", caps=False) if k else \
            Lm_.line([(mx, my - R), (mx, my + R)], 1.0, "#ffffff", caps=False)
    Lm_.arc(mx, my, R, R, 0, 360, 1.8, "#ffffff", caps=False)
    holo += hologram(disc, Lm_.mask(), mix(N["magenta"], N["amber"], 0.45), r, 0.2, 0.75, fringe=N["cyan"], glitch=2)
    ring = Layer(emission=False)
    ring.arc(mx, my, R * 1.9, R * 0.45, 180, 360, 2.0, "#ffffff", caps=False)
    front = Layer(emission=False)
    front.arc(mx, my, R * 1.9, R * 0.45, 0, 180, 2.0, "#ffffff", caps=False)
    ship_a = math.radians(28)
    sx_, sy_ = mx + R * 1.9 * math.cos(ship_a), my + R * 0.45 * math.sin(ship_a)
    front.poly([(sx_ - 7, sy_ + 3), (sx_ + 9, sy_ - 1), (sx_ - 5, sy_ - 5)], "#ffffff")
    holo += hologram(np.zeros((H, W), np.float32), ring.mask() * (1 - disc) + front.mask(), N["cyan"], r, 0.0, 0.95, glitch=0)
    tick = Layer(emission=False)
    ty = my + R * 1.25
    tick.rect(mx - R * 2.1, ty, mx + R * 2.1, ty + R * 0.42, "#ffffff")
    tfill = tick.mask()
    tl = Layer(emission=False)
    draw_glyphs(tl, np.random.default_rng(91), mx - R * 1.9, ty + R * 0.08, R * 0.26, 9, False, 1.1, "#ffffff", None)
    holo += hologram(tfill, tl.mask(), N["cyan"], r, 0.12, 0.9, glitch=1)
    beam_m = shape_mask(lambda B: B.poly([(mx - 3, st.ground_y(40.0) - 4), (mx + 3, st.ground_y(40.0) - 4),
                                          (mx + R * 0.9, my + R * 0.8), (mx - R * 0.9, my + R * 0.8)], "#ffffff"))
    holo += fblur(beam_m, 5)[..., None] * C(N["magenta"]) * 0.08
    light += holo
    # the crowd: silhouettes rimmed by the neon on either side
    crowd = Layer(emission=False)
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
    light += rim_l[..., None] * C(N["cyan"]) * 0.35 + rim_r[..., None] * C(N["magenta"]) * 0.35
    light += top_edge(a, 1)[..., None] * C(N["amber"]) * 0.2
    # a glossy street: soft reflections of everything lit
    _, mem, _ = shade(hitm)
    Lm2 = Layer()
    props(Lm2, True)
    mem = mem + Lm2.light()
    refl = fblur(mem, 16, 2)
    bands = sample2(fbm(rng("street:bands"), 24, 3, h=256, w=256), (gX + 10) * 6, gZ * 16)
    streak = (0.4 + 0.8 * smooth(0.3, 0.75, bands))[..., None]
    light += refl * streak * (0.22 * g * (1 - a))[..., None]
    img = glow(img, light, ((2, 0.7), (9, 0.55), (36, 0.4), (100, 0.15)))
    img = calm_bottom(img, N["ink"], 0.45, 0.68)
    img = vignette(img, N["ink"], 0.45, 640, 318)
    return img


# --------------------------------------------------------------------------------------------------
# KASA training centre: the isolation-sim module in a hall of light strips
# --------------------------------------------------------------------------------------------------

TRAIN = {"ink": "#0e1624", "steel": "#24364f", "blue": "#5b7fa6", "ice": "#cfe9ff", "white": "#f4f1ea",
         "warn": "#ff7a59"}


def training_center(name: str) -> np.ndarray:
    T = TRAIN
    f, cx, cy, cam = 880.0, 600.0, 300.0, 1.8
    XW, YC, ZB = 14.0, 13.0, 52.0  # half width, ceiling height, back wall

    def P(X, Y, Z, mirror=False):
        Yv = -Y if mirror else Y
        return cx + f * X / Z, cy - f * (Yv - cam) / Z

    def PP(pts, mirror=False):
        return [P(X, Y, Z, mirror) for X, Y, Z in pts]

    steel, ink, blue = C(T["steel"]), C(T["ink"]), C(T["blue"])
    A = Layer()
    z0 = 1.5
    # shell: back wall, ceiling, walls, floor
    A.poly(PP([(-XW, 0, ZB), (XW, 0, ZB), (XW, YC, ZB), (-XW, YC, ZB)]), mix(steel, blue, 0.35))
    A.poly(PP([(-XW, YC, z0), (XW, YC, z0), (XW, YC, ZB), (-XW, YC, ZB)]), mix(ink, steel, 0.45))
    A.poly(PP([(-XW, 0, z0), (-XW, 0, ZB), (-XW, YC, ZB), (-XW, YC, z0)]), mix(steel, ink, 0.25))
    A.poly(PP([(XW, 0, z0), (XW, 0, ZB), (XW, YC, ZB), (XW, YC, z0)]), mix(steel, ink, 0.35))
    A.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), mix(ink, steel, 0.55))
    # wall panels and ceiling beams every 4 m
    for Z in np.arange(4.0, ZB, 4.0):
        for X in (-XW, XW):
            A.line(PP([(X, 0, Z), (X, YC, Z)]), max(1.0, 40 / Z), mix(ink, steel, 0.4), caps=False)
        A.line(PP([(-XW, YC, Z), (XW, YC, Z)]), max(1.0, 60 / Z), mix(ink, steel, 0.2), caps=False)
    for X in (-XW, XW):
        for Y in (3.2, 7.4):
            A.line(PP([(X, Y, z0), (X, Y, ZB)]), 1.2, mix(ink, steel, 0.5), caps=False)
    for Y in (3.2, 7.4):
        A.line(PP([(-XW, Y, ZB), (XW, Y, ZB)]), 1.2, mix(ink, steel, 0.5), caps=False)
    # floor grid
    for X in np.arange(-12.0, 13.0, 3.0):
        A.line(PP([(X, 0, 2.0), (X, 0, ZB)]), 1.0, mix(ink, steel, 0.7), caps=False)
    for Z in np.arange(4.0, ZB, 3.0):
        A.line(PP([(-XW, 0, Z), (XW, 0, Z)]), 1.0, mix(ink, steel, 0.7), caps=False)
    # painted walkway lines on the floor, leading in
    for X in (-1.6, 1.6):
        for Z in np.arange(3.0, ZB - 2, 2.0):
            A.poly(PP([(X - 0.08, 0.0, Z), (X + 0.08, 0.0, Z), (X + 0.08, 0.0, Z + 1.2), (X - 0.08, 0.0, Z + 1.2)]),
                   mix(T["warn"], steel, 0.68))
    # the mission wall screen: Earth, Mars and the transfer arc between them, rows of telemetry
    sx0, sy0 = P(-11.5, 8.6, ZB)
    sx1, sy1 = P(-2.0, 1.8, ZB)
    A.rect(sx0 - 3, sy0 - 3, sx1 + 3, sy1 + 3, ink)
    A.rect(sx0, sy0, sx1, sy1, mix(ink, blue, 0.3), C(T["blue"]) * 0.25)
    sw_, sh_ = sx1 - sx0, sy1 - sy0
    ecx_, ecy_ = sx0 + sw_ * 0.2, sy0 + sh_ * 0.55
    A.ellipse(ecx_, ecy_, sh_ * 0.16, sh_ * 0.16, mix(blue, T["ice"], 0.5), C(T["ice"]) * 0.7)
    mcx_, mcy_ = sx0 + sw_ * 0.8, sy0 + sh_ * 0.4
    A.ellipse(mcx_, mcy_, sh_ * 0.08, sh_ * 0.08, T["warn"], C(T["warn"]) * 0.9)
    arc_pts = [(ecx_ + (mcx_ - ecx_) * t, ecy_ + (mcy_ - ecy_) * t - sh_ * 0.45 * math.sin(math.pi * t)) for t in np.linspace(0.1, 0.92, 16)]
    for k in range(0, 16, 2):
        A.line(arc_pts[k:k + 2], 1.4, T["ice"], C(T["ice"]) * 0.9, caps=False)
    A.ellipse(arc_pts[9][0], arc_pts[9][1], 2.5, 2.5, T["white"], C(T["white"]) * 1.2)
    for k in range(4):
        y = sy0 + sh_ * (0.78 + k * 0.045)
        A.rect(sx0 + sw_ * 0.08, y, sx0 + sw_ * (0.25 + 0.12 * ((k * 7) % 5) / 4), y + 1.5, None, C(T["ice"]) * 0.45, base=False)
    # the mission emblem on the back wall: a ring, an orbit, a star (no letters)
    ex, ey = P(-6.8, 10.7, ZB)
    er_ = 1.5 * f / ZB
    A.ellipse(ex, ey, er_, er_, mix(steel, blue, 0.6))
    A.arc(ex, ey, er_ * 0.86, er_ * 0.86, 0, 360, 2.0, T["ice"], caps=False)
    A.arc(ex, ey, er_ * 1.2, er_ * 0.38, 200, 520, 1.6, T["warn"], caps=False)
    A.ellipse(ex, ey, er_ * 0.3, er_ * 0.3, T["ice"])
    A.ellipse(ex + er_ * 0.9, ey - er_ * 0.25, 2.4, 2.4, T["white"])
    # the hangar doors on the back wall (right), closed
    A.poly(PP([(3.0, 0, ZB), (11.5, 0, ZB), (11.5, 8.0, ZB), (3.0, 8.0, ZB)]), mix(steel, blue, 0.2))
    for X in np.arange(3.0, 11.6, 1.7):
        A.line(PP([(X, 0, ZB), (X, 8.0, ZB)]), 1.0, mix(ink, steel, 0.5), caps=False)
    for k in range(10):  # hazard chevrons along the door's foot
        X = 3.0 + k * 0.85
        A.poly(PP([(X, 0.0, ZB), (X + 0.42, 0.0, ZB), (X + 0.62, 0.6, ZB), (X + 0.2, 0.6, ZB)]), T["warn"])
    # the control room window high on the left wall: screens and two watchers
    cw = [(-XW, 4.2, 22.0), (-XW, 4.2, 36.0), (-XW, 7.0, 36.0), (-XW, 7.0, 22.0)]
    A.poly(PP(cw), mix(ink, blue, 0.45), C(T["blue"]) * 0.45)
    for k in range(6):
        Z = 22.6 + k * 2.2
        A.poly(PP([(-XW, 4.9, Z), (-XW, 4.9, Z + 1.2), (-XW, 5.7, Z + 1.2), (-XW, 5.7, Z)]), T["ice"],
               C(T["ice"]) * (0.45 + 0.1 * (k % 3)))
    for Z, hh in ((12.5, 1.5), (15.2, 1.4)):
        px, py = P(-XW, 4.2, Z)
        u = hh * f / Z / 7.2
        A.ellipse(px + u * 0.4, py - hh * f / Z * 0.78, 0.5 * u * 1.2, 0.6 * u * 1.2, ink)
        A.poly([(px - u * 0.4, py), (px + u * 2.4, py), (px + u * 2.0, py - hh * f / Z * 0.62), (px - u * 0.2, py - hh * f / Z * 0.64)], ink)
    for Z in (22.0, 29.0, 36.0):
        A.line(PP([(-XW, 4.2, Z), (-XW, 7.0, Z)]), 3.0, ink, caps=False)
    A.line(PP([(-XW, 4.2, 22.0), (-XW, 4.2, 36.0)]), 3.0, ink, caps=False)
    # small wall lights in a rhythm down both walls
    for Z in np.arange(6.0, ZB, 4.0):
        for X in (-XW, XW):
            A.poly(PP([(X, 2.6, Z), (X, 2.6, Z + 0.9), (X, 2.8, Z + 0.9), (X, 2.8, Z)]), T["ice"], C(T["ice"]) * 0.6)
    # the platform under the module, hazard stripes on its edge, a short stair
    px0, px1, pz0, pz1, ph = 1.4, 11.5, 21.0, 40.0, 1.0
    A.poly(PP([(px0, ph, pz0), (px1, ph, pz0), (px1, ph, pz1), (px0, ph, pz1)]), mix(steel, blue, 0.25))
    A.poly(PP([(px0, 0, pz0), (px0, 0, pz1), (px0, ph, pz1), (px0, ph, pz0)]), mix(ink, steel, 0.6))
    A.poly(PP([(px0, 0, pz0), (px1, 0, pz0), (px1, ph, pz0), (px0, ph, pz0)]), mix(ink, steel, 0.8))
    for k in range(int((px1 - px0) / 0.7)):
        X = px0 + k * 0.7
        A.poly(PP([(X, ph - 0.28, pz0), (X + 0.35, ph - 0.28, pz0), (X + 0.5, ph, pz0), (X + 0.15, ph, pz0)]), T["warn"])
    for k in range(4):
        Zs = pz0 - 0.4 * (k + 1)
        A.poly(PP([(3.0, ph * (1 - (k + 1) / 4), Zs), (5.0, ph * (1 - (k + 1) / 4), Zs),
                   (5.0, ph * (1 - k / 4), Zs), (3.0, ph * (1 - k / 4), Zs)]), mix(steel, blue, 0.15 + 0.05 * k))
    # the module: a ribbed cylinder lying along the hall, drawn from its far end forward
    mx, my, mrad, mz0, mz1 = 6.6, ph + 3.2, 3.0, 24.0, 38.0
    zs = np.arange(mz1, mz0, -0.2)
    for Z in zs:
        c_x, c_y = P(mx, my, Z)
        rr = mrad * f / Z
        t = (Z - mz0) / (mz1 - mz0)
        body = mix(mix(steel, blue, 0.55), T["ice"], 0.12 * (1 - t))
        rib = abs((Z - mz0) % 2.0) < 0.2
        A.ellipse(c_x, c_y, rr, rr, mix(body, ink, 0.35) if rib else body)
    c_x, c_y = P(mx, my, mz0)
    rr = mrad * f / mz0
    A.ellipse(c_x, c_y, rr, rr, mix(blue, T["ice"], 0.3))
    A.ellipse(c_x, c_y, rr * 0.9, rr * 0.9, mix(steel, blue, 0.7))
    for k in range(24):  # hazard ring round the hatch
        a0 = k * 15
        if k % 2 == 0:
            A.arc(c_x, c_y, rr * 0.8, rr * 0.8, a0, a0 + 9, rr * 0.08, T["warn"], caps=False)
    A.ellipse(c_x, c_y, rr * 0.66, rr * 0.66, mix(steel, blue, 0.45))
    A.ellipse(c_x, c_y, rr * 0.6, rr * 0.6, mix(steel, ink, 0.2))
    A.arc(c_x, c_y, rr * 0.22, rr * 0.22, 0, 360, 3.0, mix(blue, T["ice"], 0.4), caps=False)  # the hand wheel
    for k in range(4):
        a = math.radians(45 + 90 * k)
        A.line([(c_x, c_y), (c_x + math.cos(a) * rr * 0.22, c_y + math.sin(a) * rr * 0.22)], 2.4, mix(blue, T["ice"], 0.4), caps=False)
    # a small porthole: someone is inside, thirty hours in
    A.ellipse(c_x, c_y - rr * 0.4, rr * 0.075, rr * 0.075, mix(T["steel"], T["warn"], 0.4), mix(T["white"], T["warn"], 0.45) * 0.45)
    # status light and the warning beacon on top
    A.rect(c_x + rr * 0.72, c_y + rr * 0.05, c_x + rr * 0.8, c_y + rr * 0.2, T["warn"], C(T["warn"]) * 1.2)
    bx, by = P(mx, my + mrad + 0.25, mz0 + 1.5)
    A.rect(bx - 6, by, bx + 6, by + 8, ink)
    A.ellipse(bx, by - 2, 6, 7, T["warn"], C(T["warn"]) * 1.6)
    # cables snaking from the module across the floor
    for k, (xa, xb) in enumerate(((2.0, -4.0), (2.6, -2.0), (3.2, -6.5))):
        pts = [P(xa + (xb - xa) * t, 0.02, 24.0 - 14.0 * t + 0.8 * math.sin(t * 7 + k)) for t in np.linspace(0, 1, 30)]
        A.line(pts, 2.2, mix(ink, steel, 0.2), caps=False)
    # a flight suit on its stand, a crate of kit beside it
    sx, sy = P(-5.2, 0, 17.0)
    u = f / 17.0
    suit, shade_s, visor = mix(T["white"], T["blue"], 0.25), mix(T["blue"], T["steel"], 0.5), mix(T["ice"], T["warn"], 0.15)
    A.line([(sx, sy), (sx, sy - 1.0 * u)], 3, ink, caps=False)
    A.ellipse(sx, sy, 0.45 * u, 0.08 * u, ink)
    A.rrect(sx - 0.36 * u, sy - 1.92 * u, sx + 0.36 * u, sy - 1.1 * u, 0.12 * u, shade_s)  # life-support pack
    for d in (-1, 1):
        A.line([(sx + d * 0.14 * u, sy - 1.0 * u), (sx + d * 0.16 * u, sy - 0.15 * u)], 0.2 * u, suit, caps=True)
        A.line([(sx + d * 0.3 * u, sy - 1.72 * u), (sx + d * 0.42 * u, sy - 1.3 * u), (sx + d * 0.36 * u, sy - 0.98 * u)], 0.16 * u, suit)
        A.ellipse(sx + d * 0.36 * u, sy - 0.95 * u, 0.08 * u, 0.08 * u, shade_s)
    A.rrect(sx - 0.3 * u, sy - 1.78 * u, sx + 0.3 * u, sy - 0.95 * u, 0.12 * u, suit)
    A.rect(sx - 0.3 * u, sy - 1.12 * u, sx + 0.3 * u, sy - 1.04 * u, shade_s)
    A.rect(sx - 0.1 * u, sy - 1.6 * u, sx + 0.1 * u, sy - 1.42 * u, T["warn"])  # mission patch
    A.ellipse(sx, sy - 2.0 * u, 0.24 * u, 0.24 * u, suit)
    A.ellipse(sx + 0.03 * u, sy - 1.98 * u, 0.16 * u, 0.13 * u, visor, C(T["ice"]) * 0.35)
    A.ellipse(sx + 0.08 * u, sy - 2.02 * u, 0.05 * u, 0.035 * u, T["white"], C(T["white"]) * 0.5)
    for (X, Z, w_, h_) in ((-3.6, 16.0, 1.2, 0.8), (-3.4, 16.0, 0.9, 1.4)):
        bx0_, by0_ = P(X, h_, Z)
        bx1_, by1_ = P(X + w_, 0, Z)
        A.rect(bx0_, by0_, bx1_, by1_, mix(steel, blue, 0.3))
        A.rect(bx0_, by0_, bx1_, by0_ + 3, mix(blue, T["ice"], 0.3))
        A.rect(bx0_ + 2, (by0_ + by1_) / 2 - 1, bx1_ - 2, (by0_ + by1_) / 2 + 2, T["warn"])
    # a rolling chair and a monitor cart on the floor at the left
    for (X, Z) in ((-5.5, 11.0),):
        sx, sy = P(X, 0, Z)
        u = f / Z
        A.rect(sx - 0.3 * u, sy - 1.1 * u, sx + 0.3 * u, sy - 0.5 * u, mix(ink, steel, 0.3))
        A.rect(sx - 0.32 * u, sy - 0.5 * u, sx + 0.32 * u, sy - 0.42 * u, mix(ink, steel, 0.3))
        A.line([(sx, sy - 0.42 * u), (sx, sy - 0.1 * u)], 2.0, ink, caps=False)
        A.line([(sx - 0.3 * u, sy), (sx + 0.3 * u, sy)], 2.0, ink, caps=False)
    sx, sy = P(-7.5, 0, 15.0)
    u = f / 15.0
    A.rect(sx - 0.5 * u, sy - 1.0 * u, sx + 0.5 * u, sy - 0.9 * u, mix(ink, steel, 0.4))
    A.line([(sx - 0.4 * u, sy - 0.9 * u), (sx - 0.4 * u, sy)], 2, ink, caps=False)
    A.line([(sx + 0.4 * u, sy - 0.9 * u), (sx + 0.4 * u, sy)], 2, ink, caps=False)
    A.rect(sx - 0.42 * u, sy - 1.6 * u, sx + 0.42 * u, sy - 1.0 * u, ink)
    A.rect(sx - 0.36 * u, sy - 1.55 * u, sx + 0.36 * u, sy - 1.05 * u, T["blue"], C(T["blue"]) * 0.7)

    def strips(L: Layer, mirror: bool) -> None:
        """The ceiling light strips (and, mirrored, their reflection in the floor)."""
        for X in (-8.5, -3.0, 3.0, 8.5):
            for Z in np.arange(2.5, ZB - 1, 4.0):
                q = [(X - 0.35, YC - 0.05, Z), (X + 0.35, YC - 0.05, Z), (X + 0.35, YC - 0.05, Z + 3.2), (X - 0.35, YC - 0.05, Z + 3.2)]
                L.poly(PP(q, mirror), T["white"] if not mirror else None, C(T["white"]) * 1.05, base=not mirror)

    strips(A, False)
    img = vgrad([(0.0, T["ink"]), (1.0, T["ink"])])
    pm, a = A.base()
    img = img * (1 - a[..., None]) + pm
    light = A.light()
    # the light from the strips: lanes of light on the floor under each row
    with np.errstate(divide="ignore", invalid="ignore"):
        Zf = np.where(cy + 1 < YY, f * cam / np.maximum(YY - cy, 1e-3), 1e6)
    Xf = (XX - cx) * Zf / f
    lanes = np.zeros((H, W), np.float32)
    for X in (-8.5, -3.0, 3.0, 8.5):
        lanes += np.exp(-((Xf - X) / 2.6) ** 2)
    lanes *= (Zf < ZB) * smooth(0, 6, Zf)
    fmask = shape_mask(lambda B: B.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), "#ffffff"))
    img *= (0.8 + 0.25 * lanes * fmask)[..., None]
    img += (lanes * fmask)[..., None] * C(T["blue"]) * 0.05
    img += radial(cx, cy - 40, 620, 260)[..., None] * C(T["blue"]) * 0.1
    # beacon glow on the module and the floor, and its turning beam in the haze
    img += radial(bx, by, 160, 120)[..., None] * C(T["warn"]) * 0.14
    light += beam(bx, by - 2, math.radians(200), 0.1, 420)[..., None] * C(T["warn"]) * 0.22
    # the floor mirrors the strips and the lit shapes, softly
    R = Layer()
    strips(R, True)
    R.ellipse(bx, 2 * P(mx, 0, mz0 + 1.5)[1] - by, 5, 6, None, C(T["warn"]) * 1.2, base=False)
    floor_y = np.maximum(cy + f * cam / ZB, 0)
    fl = smooth(floor_y, floor_y + 4, YY)
    fm = shape_mask(lambda B: B.poly(PP([(-XW, 0, z0), (XW, 0, z0), (XW, 0, ZB), (-XW, 0, ZB)]), "#ffffff"))
    plat = shape_mask(lambda B: (B.poly(PP([(px0, 0, pz0), (px0, 0, pz1), (px0, ph, pz1), (px0, ph, pz0)]), "#ffffff"),
                                 B.poly(PP([(px0, 0, pz0), (px1, 0, pz0), (px1, ph, pz0), (px0, ph, pz0)]), "#ffffff"),
                                 B.poly(PP([(px0, ph, pz0), (px1, ph, pz0), (px1, ph, pz1), (px0, ph, pz1)]), "#ffffff")))
    fm = fm * (1 - plat) * fl
    refl = fblur(R.light(), 22, 3)
    light += refl * (fm * 0.16 * (1 - smooth(430, 640, YY)))[..., None]
    # haze in the hall
    haze = smooth(120, 420, YY) * (1 - smooth(420, 640, YY))
    img += haze[..., None] * C(T["blue"]) * 0.05
    img = glow(img, light, ((2, 0.6), (8, 0.5), (30, 0.35), (80, 0.12)))
    img = calm_bottom(img, T["ink"], 0.45, 0.68)
    img = vignette(img, T["ink"], 0.4, cx, cy)
    return img


# --------------------------------------------------------------------------------------------------
# the Byeol-1 memorial garden in autumn
# --------------------------------------------------------------------------------------------------

AUTUMN = {"slate": "#1f2433", "plum": "#3d3346", "rust": "#a8492f", "maple": "#d0603a", "gold": "#e8b04a",
          "sky": "#f2dcc0", "haze": "#b9aab0"}


def foliage(r: np.random.Generator, cx: float, cy: float, rx: float, ry: float, sun: tuple[float, float],
            tones: list, clump: float = 34.0) -> tuple[np.ndarray, np.ndarray]:
    """A tree crown as painted masses: a noisy-edged silhouette, lit by the slope facing the sun and
    broken into leaf clumps, posterised into a few flat tones. Returns (colour, alpha)."""
    x0, x1 = int(max(0, cx - rx * 1.3)), int(min(W, cx + rx * 1.3))
    y0, y1 = int(max(0, cy - ry * 1.3)), int(min(H, cy + ry * 1.3))
    h, w = y1 - y0, x1 - x0
    yy, xx = YY[y0:y1, x0:x1], XX[y0:y1, x0:x1]
    d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
    big = fbm(r, clump * 2.2, 4, h=h, w=w)
    small = fbm(r, clump * 0.55, 3, h=h, w=w)
    field = 1.0 - d + (big - 0.5) * 0.5 + (small - 0.5) * 0.16
    alpha = smooth(0.0, 0.04, field)
    # light: the crown's dome facing the sun, plus each clump's own dome
    sx, sy = sun
    n = math.hypot(sx - cx, sy - cy) or 1.0
    ux, uy = (sx - cx) / n, (sy - cy) / n
    dome = ((xx - cx) / rx * ux + (yy - cy) / ry * uy) * 0.6 + 0.45 - 0.35 * d * d
    lump = np.gradient(fblur(big, 6), axis=1) * ux + np.gradient(fblur(big, 6), axis=0) * uy
    shade = fblur(dome + lump * 12.0 + (small - 0.5) * 0.2, 1.5)
    k = len(tones)
    idx = np.clip(((shade + 0.25) * k / 1.2).astype(np.int32), 0, k - 1)
    col = np.stack([C(t) for t in tones])[idx]
    out_c = np.zeros((H, W, 3), np.float32)
    out_a = np.zeros((H, W), np.float32)
    out_c[y0:y1, x0:x1] = col
    out_a[y0:y1, x0:x1] = alpha
    return out_c, out_a


def memorial_park(name: str) -> np.ndarray:
    """A small memorial garden in Seoul in autumn: a low stone with an engraved orbit, white chrysanthemums,
    a ginkgo and a maple, a bench, long afternoon light and falling leaves."""
    r = rng(name)
    A_ = AUTUMN
    sun = (170, 250)
    horizon = 372
    img = vgrad([(0.0, mix(A_["haze"], A_["plum"], 0.25)), (0.3, A_["haze"]), (0.48, A_["sky"]),
                 (horizon / H, mix(A_["sky"], A_["gold"], 0.3)), (1.0, A_["plum"])])
    img += radial(sun[0], sun[1], 420, 300)[..., None] * C(A_["gold"]) * 0.35
    light = np.zeros_like(img)
    # far: the city in haze
    far = Layer()
    draw_towers(far, towers(r, -20, W + 20, 30, 110, 18, 50, (0, 14)), horizon + 4, mix(A_["haze"], A_["sky"], 0.35),
                [A_["gold"]], 0.6, 0.0, 0.0, None, window_base_mix=0.0, side=A_["sky"], side_k=0.3)
    lotte_tower(far, 930, horizon + 4, 200, 30, mix(A_["haze"], A_["sky"], 0.3), A_["sky"], C(A_["gold"]) * 0.0)
    img = far.over(img)
    # mid: a wooded slope and the garden's hedge
    mid = Layer()
    ridge = [(x, horizon - 8 - 24 * math.sin(x / 210.0 + 1.3) - 10 * math.sin(x / 67.0)) for x in range(-10, W + 20, 20)]
    mid.poly([(-10, H)] + ridge + [(W + 10, H)], mix(A_["plum"], A_["haze"], 0.45))
    img = mid.over(img)
    # a band of autumn woods on the slope, hazy
    mr = rng("memorial:woods")
    for k in range(9):
        x = -40 + k * 170 + mr.uniform(-30, 30)
        tint = rng_choice(mr, [A_["rust"], A_["gold"], A_["maple"], A_["rust"]])
        tones = [mix(mix(tint, A_["plum"], 0.5), A_["haze"], 0.5), mix(tint, A_["haze"], 0.5), mix(mix(tint, A_["sky"], 0.4), A_["haze"], 0.4)]
        c_, a_ = foliage(mr, x, horizon - 30, 120, 46, sun, tones, 16)
        img = img * (1 - a_[..., None]) + c_ * a_[..., None]
    # the lawn
    G = Layer()
    G.poly([(-10, 404), (W + 10, 396), (W + 10, H), (-10, H)], mix(A_["rust"], A_["plum"], 0.55))
    # a low hedge behind the stone
    for k in range(30):
        x = 300 + k * 16
        G.ellipse(x, 404 - 14 * math.sin(k * 1.7) ** 2, 22, 18, mix(A_["plum"], "#3a4a3a", 0.4))
    G.rect(290, 404, 790, 420, mix(A_["plum"], "#3a4a3a", 0.4))
    # the stepping-stone path coming toward us
    for k in range(7):
        t = k / 6
        y = 478 + t ** 1.4 * 230
        x = 560 + 60 * t + 30 * math.sin(t * 3.0)
        w_ = 34 + 70 * t
        G.ellipse(x, y + 2, w_, w_ * 0.26, mix(A_["slate"], A_["plum"], 0.5))
        G.ellipse(x, y, w_ * 0.96, w_ * 0.22, mix(A_["plum"], A_["haze"], 0.35))
    # the memorial stone: low, wide, dark and polished, an orbit engraved and inlaid in gold
    sx0, sx1, sy0, sy1 = 470, 660, 402, 474
    G.poly([(sx0 + 8, sy0 + 6), (sx1 - 4, sy0), (sx1, sy1), (sx0, sy1)], A_["slate"])
    G.poly([(sx0 + 8, sy0 + 6), (sx1 - 4, sy0), (sx1 - 10, sy0 - 8), (sx0 + 12, sy0 - 2)], mix(A_["slate"], A_["haze"], 0.25))
    G.rect(sx0 - 16, sy1, sx1 + 16, sy1 + 10, mix(A_["haze"], A_["plum"], 0.45))  # plinth
    ecx, ecy = sx0 + 52, (sy0 + sy1) / 2 + 4
    G.arc(ecx, ecy, 22, 22, 0, 360, 1.6, mix(A_["gold"], A_["sky"], 0.3), caps=False)
    G.arc(ecx, ecy, 34, 11, 190, 520, 1.4, mix(A_["gold"], A_["sky"], 0.3), caps=False)
    G.ellipse(ecx + 30, ecy - 7, 2.4, 2.4, A_["sky"])
    for k, ln in enumerate((70, 54, 62)):  # the engraved lines of her name and dates (no letters)
        y = sy0 + 20 + k * 14
        G.line([(sx0 + 98, y), (sx0 + 98 + ln, y)], 2.0 if k == 0 else 1.2, mix(A_["slate"], A_["haze"], 0.5), caps=False)
    # white chrysanthemums at its foot, and a paper cup of coffee (Jay)
    fr = rng("memorial:flowers")
    G.poly([(590, sy1 + 4), (640, sy1 - 6), (652, sy1 + 6), (600, sy1 + 12)], "#5a6a4a")
    for _ in range(14):
        x, y = fr.uniform(592, 648), fr.uniform(sy1 - 14, sy1 + 2)
        G.ellipse(x, y, 5.5, 4.5, mix(A_["sky"], "#ffffff", 0.4))
        G.ellipse(x, y, 1.6, 1.4, A_["gold"])
    G.rect(448, sy1 - 10, 460, sy1 + 8, A_["sky"])
    G.rect(448, sy1 - 10, 460, sy1 - 6, A_["rust"])
    # the bench under the ginkgo
    bx = 820
    wood = mix(A_["gold"], A_["rust"], 0.55)
    for x in (bx + 12, bx + 154):
        G.line([(x, 416), (x, 488)], 4, A_["slate"], caps=False)
        G.line([(x, 452), (x + 8, 488)], 4, A_["slate"], caps=False)
    G.rect(bx, 416, bx + 170, 424, wood)
    G.rect(bx, 430, bx + 170, 437, wood)
    G.rect(bx - 4, 450, bx + 174, 458, mix(wood, A_["sky"], 0.25))
    G.rect(bx - 2, 458, bx + 172, 462, mix(wood, A_["plum"], 0.5))
    # trunks
    G.poly([(1040, 470), (1080, 470), (1072, 300), (1100, 150), (1084, 150), (1058, 290), (1030, 180), (1020, 184), (1050, 300)],
           mix(A_["slate"], A_["plum"], 0.4))
    G.poly([(150, 520), (196, 520), (190, 360), (240, 220), (226, 214), (178, 330), (130, 230), (118, 238), (166, 360)],
           mix(A_["slate"], A_["plum"], 0.3))
    pm, a = G.base()
    img = img * (1 - a[..., None]) + pm
    # crowns: the maple (left, red) and the ginkgo (right, gold)
    mc, ma = foliage(rng("memorial:maple"), 200, 160, 250, 165, sun,
                     [mix(A_["rust"], A_["plum"], 0.55), A_["rust"], A_["maple"], mix(A_["maple"], A_["gold"], 0.5)], 30)
    gc, ga = foliage(rng("memorial:ginkgo"), 1090, 150, 240, 200, sun,
                     [mix(A_["rust"], A_["plum"], 0.3), mix(A_["rust"], A_["gold"], 0.55), A_["gold"], mix(A_["gold"], A_["sky"], 0.45)], 30)
    for c_, a_ in ((mc, ma), (gc, ga)):
        img = img * (1 - a_[..., None]) + c_ * a_[..., None]
        a = np.maximum(a, a_)
    # fallen leaves on the lawn, thicker under the trees
    lr = rng("memorial:leaves")
    LL = Layer(emission=False)
    for _ in range(1500):
        x = lr.uniform(-10, W + 10)
        y = 404 + (H - 404) * lr.random() ** 0.8
        under = math.exp(-((x - 1080) / 260) ** 2) + math.exp(-((x - 180) / 240) ** 2)
        if lr.random() > 0.25 + 0.75 * under:
            continue
        sz = 1.5 + 4.0 * (y - 404) / (H - 404)
        c = rng_choice(lr, [A_["gold"], A_["gold"], A_["maple"], A_["rust"]])
        LL.ellipse(x, y, sz, sz * 0.55, c)
    pm, a2 = LL.base()
    img = img * (1 - a2[..., None] * 0.85) + pm * 0.85
    # light: long tree shadows across the lawn, a warm shaft from the low sun, dust in it
    dapple = fbm(rng("memorial:dapple"), 70, 4, sx=3.0, sy=0.4)
    shadow = smooth(0.45, 0.6, dapple) * smooth(420, 470, YY)
    shadow = np.maximum(shadow, smooth(560, H, YY) * 0.9)
    img *= (1 - 0.45 * shadow)[..., None]
    img += ((1 - shadow) * smooth(404, 440, YY) * radial(sun[0] + 300, 480, 700, 200))[..., None] * C(A_["gold"]) * 0.12
    rays = beam(sun[0], sun[1], math.radians(22), 0.22, 700)
    img += rays[..., None] * C(A_["gold"]) * 0.18
    img += top_edge(a, 2)[..., None] * C(A_["gold"]) * 0.15 * radial(sun[0], sun[1], 900, 600)[..., None]
    # the stone's polish catches the sky
    img += (radial(560, 420, 60, 14) * (YY < 474))[..., None] * C(A_["sky"]) * 0.08
    # falling leaves
    fl = Layer(emission=False)
    for _ in range(26):
        x, y = r.uniform(0, W), r.uniform(40, 500)
        a_ = r.uniform(0, math.pi)
        sz = r.uniform(3, 6)
        c = rng_choice(r, [A_["gold"], A_["maple"], A_["gold"]])
        fl.poly([(x + math.cos(a_) * sz, y + math.sin(a_) * sz), (x - math.sin(a_) * sz * 0.4, y + math.cos(a_) * sz * 0.4),
                 (x - math.cos(a_) * sz, y - math.sin(a_) * sz), (x + math.sin(a_) * sz * 0.4, y - math.cos(a_) * sz * 0.4)], c)
    pm, a3 = fl.base()
    img = img * (1 - a3[..., None]) + pm
    light += radial(sun[0], sun[1], 30)[..., None] * C(A_["sky"]) * 0.5
    img = glow(img, light, ((4, 0.5), (20, 0.4), (70, 0.3)))
    img = calm_bottom(img, A_["plum"], 0.35, 0.72)
    img = vignette(img, A_["slate"], 0.35, 640, 330)
    return img


def black(name: str) -> np.ndarray:
    """Plain #0b0d1a for fades (no grain: fades must be flat)."""
    return np.ones((H, W, 3), np.float32) * DARKEST


# --------------------------------------------------------------------------------------------------
# the list
# --------------------------------------------------------------------------------------------------

PICTURES: dict[str, tuple[str, str, Callable[[str], np.ndarray], str]] = {
    "seoul_dusk": ("backgrounds", "jpg", seoul_dusk,
                   "Seoul at dusk across the Han: towers, Namsan tower, a hologram whale, the river mirroring the lights"),
    "alley_rain_night": ("backgrounds", "jpg", alley_rain_night,
                         "a narrow Seoul alley in the rain at night: neon glyph signs, shop light, reflections on wet ground"),
    "alley_night": ("backgrounds", "jpg", alley_night, "the same alley at night, dry: neon signs, warm shop fronts, cables"),
    "shop_night": ("backgrounds", "jpg", shop_night,
                   "Jay's repair shop at night: shelves of radios, reels and amps, a desk lamp over an open chassis, blue rain at the window"),
    "shop_day": ("backgrounds", "jpg", shop_day, "Jay's repair shop by day: sun through the window, dust in the light, the shelves of old audio gear"),
    "shop_backroom": ("backgrounds", "jpg", shop_backroom,
                      "the back room: a keyboard under a dust sheet, a bare bulb, the night city through a half-blind window"),
    "rooftop_sunset": ("backgrounds", "jpg", rooftop_sunset,
                       "the shop's rooftop at sunset: water tank, string of bulbs, two plastic chairs, the city in orange haze"),
    "rooftop_night": ("backgrounds", "jpg", rooftop_night,
                      "the shop's rooftop at night: stars and a faint Milky Way, Mars a warm point, bulbs lit, city glow"),
    "street_holo_night": ("backgrounds", "jpg", street_holo_night,
                          "Hongdae at night: a wide street of signs, hologram ads (a dancer, Mars in its ring), the crowd, Orbit's neon ring"),
    "training_center": ("backgrounds", "jpg", training_center,
                        "KASA training centre: the isolation-sim module on its platform, ceiling light strips, the control room window"),
    "memorial_park": ("backgrounds", "jpg", memorial_park,
                      "the Byeol-1 memorial garden in autumn: a low stone with an engraved orbit, chrysanthemums, ginkgo and maple"),
    "black": ("backgrounds", "jpg", black, "plain #0b0d1a, for fades"),
    "title_sky": ("ui", "jpg", title_sky, "title far layer: dusk sky over Seoul, Mars small and bright"),
    "title_city": ("ui", "png", title_city, "title near layer: skyline silhouette with lit windows and neon (alpha)"),
}


def _out_path(assets: Path, name: str) -> Path:
    folder, ext, _, _ = PICTURES[name]
    return assets / "images" / folder / f"{name}.{ext}"


def listing(assets: Path) -> list[Made]:
    return [Made(_out_path(assets, n), what, SCRIPT) for n, (_, _, _, what) in PICTURES.items()]


def generate(assets: Path, only: list[str] | None = None) -> list[Made]:
    made = []
    for name, (_, ext, fn, what) in PICTURES.items():
        if only and name not in only:
            continue
        path = _out_path(assets, name)
        pixels = fn(name)
        if ext == "png":
            save_png(pixels, path)
        elif name == "black":
            save_jpeg(pixels, path)
        else:
            save_jpeg(finish(pixels, name), path)
        made.append(Made(path, what, SCRIPT))
    return made


if __name__ == "__main__":
    import time

    root = Path(__file__).resolve().parents[2]
    for n in sys.argv[1:] or list(PICTURES):
        t = time.time()
        generate(root / "assets", [n])
        print(f"{n}: {time.time() - t:.2f}s", flush=True)
