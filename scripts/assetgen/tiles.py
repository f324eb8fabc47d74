"""Exploration-map art: 32x32 tilesets (Seoul alley, Jay's shop, Mars habitat) with their Tiled
.tsx files, and the 32x48 walking sprites.

Pixel-art-ish but clean: flat colours from each place's palette (docs/art-direction.md), 1 px
highlights and shadows, a little seeded speckle, and soft glow only where there is a light.  The
view is the usual top-down 3/4: roofs and wall tops seen from above, wall faces seen from the front.

Tilesets are laid out as rows of 8 tiles.  Multi-tile props (lamp post, vending machine, shelves,
consoles...) are drawn whole and cut, so their parts line up; animated tiles keep their frames side
by side in the sheet and get a Tiled <animation>.  Every tile that blocks walking carries the
custom property ``collision = true``.  Overlay props (plants, crates, lamp heads, neon signs...) have
transparent backgrounds and go on a layer above the ground.

Walking sprites: 4 columns (frame 0 = standing, 1 = step, 2 = passing, 3 = other step) x 4 rows
(down, left, right, up), 32x48 each; Dori hovers instead of walking.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
from PIL import Image, ImageFilter

from .common import Made, hex_rgb, rng, save_png

SCRIPT = "scripts/assetgen/tiles.py"
TILE = 32
COLUMNS = 8


# =========================================================================== canvas


def rgb(c) -> np.ndarray:
    if isinstance(c, str):
        return np.array(hex_rgb(c), np.float32) / 255.0
    return np.asarray(c, np.float32)


def mix(a, b, t: float) -> np.ndarray:
    return rgb(a) * (1.0 - t) + rgb(b) * t


def shade(c, k: float) -> np.ndarray:
    """k < 0 darkens towards night, k > 0 lightens towards paper."""
    return mix(c, "#0b0d1a", -k) if k < 0 else mix(c, "#f4f1ea", k)


class Canvas:
    """Straight-alpha float RGBA with 'over' painting; coordinates are pixels, x1/y1 exclusive."""

    def __init__(self, w: int, h: int, bg=None) -> None:
        self.w, self.h = w, h
        self.c = np.zeros((h, w, 3), np.float32)
        self.a = np.zeros((h, w), np.float32)
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
        self.xs, self.ys = xs + 0.5, ys + 0.5
        if bg is not None:
            self.rect(0, 0, w, h, bg)

    # -- painting
    def mask(self, m, c, a: float = 1.0) -> None:
        m = np.clip(np.asarray(m, np.float32) * a, 0.0, 1.0)
        if m.ndim == 0:
            m = np.full((self.h, self.w), float(m), np.float32)
        col = np.broadcast_to(rgb(c) if not (isinstance(c, np.ndarray) and c.ndim == 3) else c, self.c.shape)
        out = m + self.a * (1.0 - m)
        safe = np.where(out > 1e-6, out, 1.0)
        self.c = (col * m[..., None] + self.c * (self.a * (1.0 - m))[..., None]) / safe[..., None]
        self.a = out

    def rect(self, x0, y0, x1, y1, c, a: float = 1.0) -> None:
        m = np.zeros((self.h, self.w), np.float32)
        x0, y0 = max(int(x0), 0), max(int(y0), 0)
        x1, y1 = min(int(x1), self.w), min(int(y1), self.h)
        if x1 > x0 and y1 > y0:
            m[y0:y1, x0:x1] = 1.0
            self.mask(m, c, a)

    def px(self, x, y, c, a: float = 1.0) -> None:
        self.rect(x, y, x + 1, y + 1, c, a)

    def hline(self, x0, x1, y, c, a: float = 1.0) -> None:
        self.rect(x0, y, x1, y + 1, c, a)

    def vline(self, x, y0, y1, c, a: float = 1.0) -> None:
        self.rect(x, y0, x + 1, y1, c, a)

    def line(self, x0, y0, x1, y1, c, a: float = 1.0) -> None:
        n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        m = np.zeros((self.h, self.w), np.float32)
        for i in range(n):
            t = i / max(n - 1, 1)
            x, y = int(round(x0 + (x1 - x0) * t)), int(round(y0 + (y1 - y0) * t))
            if 0 <= x < self.w and 0 <= y < self.h:
                m[y, x] = 1.0
        self.mask(m, c, a)

    def ellipse_m(self, cx, cy, rx, ry) -> np.ndarray:
        return ((((self.xs - cx) / rx) ** 2 + ((self.ys - cy) / ry) ** 2) <= 1.0).astype(np.float32)

    def ellipse(self, cx, cy, rx, ry, c, a: float = 1.0) -> None:
        self.mask(self.ellipse_m(cx, cy, rx, ry), c, a)

    def ring(self, cx, cy, rx, ry, c, a: float = 1.0, width: float = 1.0) -> None:
        outer = self.ellipse_m(cx, cy, rx, ry)
        inner = self.ellipse_m(cx, cy, max(rx - width, 0.01), max(ry - width, 0.01))
        self.mask(outer * (1 - inner), c, a)

    def soft(self, m, c, radius: float, a: float = 1.0) -> None:
        """Paint a blurred copy of mask ``m`` (glow, soft shadow)."""
        img = Image.fromarray((np.clip(m, 0, 1) * 255 + 0.5).astype(np.uint8), "L")
        blurred = np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255.0
        self.mask(blurred, c, a)

    def radial(self, cx, cy, rx, ry, c, a: float = 1.0, power: float = 1.5) -> None:
        d = np.sqrt(((self.xs - cx) / rx) ** 2 + ((self.ys - cy) / ry) ** 2)
        self.mask(np.clip(1.0 - d, 0.0, 1.0) ** power, c, a)

    def speckle(self, r: np.random.Generator, c, p: float, a: float = 1.0, box=None) -> None:
        m = (r.random((self.h, self.w)) < p).astype(np.float32)
        if box is not None:
            x0, y0, x1, y1 = box
            keep = np.zeros_like(m)
            keep[max(y0, 0):y1, max(x0, 0):x1] = 1
            m *= keep
        self.mask(m, c, a)

    def paste(self, other: Canvas, x: int, y: int) -> None:
        m = np.zeros((self.h, self.w), np.float32)
        col = np.zeros_like(self.c)
        x0, y0 = max(x, 0), max(y, 0)
        x1, y1 = min(x + other.w, self.w), min(y + other.h, self.h)
        if x1 <= x0 or y1 <= y0:
            return
        m[y0:y1, x0:x1] = other.a[y0 - y:y1 - y, x0 - x:x1 - x]
        col[y0:y1, x0:x1] = other.c[y0 - y:y1 - y, x0 - x:x1 - x]
        self.mask(m, col)

    def flip(self) -> Canvas:
        out = Canvas(self.w, self.h)
        out.c = self.c[:, ::-1].copy()
        out.a = self.a[:, ::-1].copy()
        return out

    def crop(self, x: int, y: int, w: int, h: int) -> Canvas:
        out = Canvas(w, h)
        out.c = self.c[y:y + h, x:x + w].copy()
        out.a = self.a[y:y + h, x:x + w].copy()
        return out

    def rgba(self) -> np.ndarray:
        data = np.concatenate([self.c, self.a[..., None]], axis=-1)
        out = (np.clip(data, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        out[..., :3][out[..., 3] == 0] = 0
        return out


# =========================================================================== tileset machinery


@dataclass
class Piece:
    """A prop or surface of cols x rows tiles, drawn whole by ``draw(canvas, frame)``."""

    name: str
    cols: int
    rows: int
    draw: Callable[[Canvas, int], None]
    collision: object = False  # bool, or a rows x cols list of bools
    frames: list[int] = field(default_factory=list)  # durations in ms, one per distinct frame
    sequence: list[tuple[int, int]] | None = None  # (frame, ms) playback order; default all in order
    what: str = ""

    def blocked(self, cx: int, cy: int) -> bool:
        if isinstance(self.collision, bool):
            return self.collision
        return bool(self.collision[cy][cx])


def tile_name(piece: Piece, cx: int, cy: int, frame: int) -> str:
    name = piece.name
    if piece.cols > 1 or piece.rows > 1:
        name += f".{cx},{cy}"
    if frame:
        name += f"@{frame}"
    return name


@dataclass
class Tileset:
    name: str
    pieces: dict[str, Piece]
    layout: list[list[str | None]]  # rows of COLUMNS tile names

    def ids(self) -> dict[str, int]:
        out = {}
        for r, row in enumerate(self.layout):
            assert len(row) == COLUMNS, (self.name, r, len(row))
            for c, n in enumerate(row):
                if n:
                    assert n not in out, n
                    out[n] = r * COLUMNS + c
        return out

    def render(self, seed_prefix: str) -> tuple[Image.Image, dict[str, int]]:
        """Draw every piece (every frame) into the sheet.  A part of an animated piece that does not
        change between frames (e.g. a console's screens when only its desk lights blink) keeps only
        its first frame and is not animated."""
        ids = self.ids()
        rows = len(self.layout)
        sheet = np.zeros((rows * TILE, COLUMNS * TILE, 4), np.uint8)
        placed = set()
        self.animated: set[str] = set()
        for piece in self.pieces.values():
            frames = []
            for frame in range(max(1, len(piece.frames))):
                canvas = Canvas(piece.cols * TILE, piece.rows * TILE)
                canvas.rng = rng(f"{seed_prefix}:{piece.name}:{frame}")
                piece.draw(canvas, frame)
                frames.append(canvas.rgba())
            for cy in range(piece.rows):
                for cx in range(piece.cols):
                    cut = [d[cy * TILE:(cy + 1) * TILE, cx * TILE:(cx + 1) * TILE] for d in frames]
                    varies = any(not np.array_equal(cut[0], c) for c in cut[1:])
                    if varies:
                        self.animated.add(tile_name(piece, cx, cy, 0))
                    for frame, data in enumerate(cut if varies else cut[:1]):
                        n = tile_name(piece, cx, cy, frame)
                        if n not in ids:
                            raise KeyError(f"{self.name}: tile {n} not in layout")
                        r, c = divmod(ids[n], COLUMNS)
                        sheet[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE] = data
                        placed.add(n)
        missing = set(ids) - placed
        assert not missing, missing
        return Image.fromarray(sheet, "RGBA"), ids

    def tsx(self, ids: dict[str, int], image_w: int, image_h: int) -> str:
        count = len(self.layout) * COLUMNS
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<tileset version="1.10" tiledversion="1.10.2" name="{self.name}" tilewidth="{TILE}" '
            f'tileheight="{TILE}" tilecount="{count}" columns="{COLUMNS}">',
            f' <image source="../images/tiles/{self.name}.png" width="{image_w}" height="{image_h}"/>',
        ]
        by_id = sorted(ids.items(), key=lambda kv: kv[1])
        piece_of = {}
        for piece in self.pieces.values():
            for frame in range(max(1, len(piece.frames))):
                for cy in range(piece.rows):
                    for cx in range(piece.cols):
                        piece_of[tile_name(piece, cx, cy, frame)] = (piece, cx, cy, frame)
        for name, tid in by_id:
            if name not in piece_of:
                continue
            piece, cx, cy, frame = piece_of[name]
            blocked = piece.blocked(cx, cy)
            animated = name in self.animated
            if not blocked and not animated:
                continue
            lines.append(f' <!-- {escape(name)} -->')
            lines.append(f' <tile id="{tid}">')
            if blocked:
                lines.append('  <properties>')
                lines.append('   <property name="collision" type="bool" value="true"/>')
                lines.append('  </properties>')
            if animated:
                seq = piece.sequence or [(f, ms) for f, ms in enumerate(piece.frames)]
                lines.append('  <animation>')
                for f, ms in seq:
                    lines.append(f'   <frame tileid="{ids[tile_name(piece, cx, cy, f)]}" duration="{ms}"/>')
                lines.append('  </animation>')
            lines.append(' </tile>')
        lines.append('</tileset>')
        return "\n".join(lines) + "\n"


# =========================================================================== Seoul alley

S_NIGHT, S_NAVY, S_TEAL, S_MAG, S_AMB, S_CYAN = "#0b0d1a", "#1b2340", "#2e5a6b", "#c2408a", "#ffb454", "#6fe3e1"
ASPHALT = mix(S_NIGHT, S_NAVY, 0.62)
ASPHALT_HI = mix(S_NAVY, S_TEAL, 0.28)
ASPHALT_LO = mix(S_NIGHT, S_NAVY, 0.25)
PAVER = mix(S_NAVY, S_TEAL, 0.42)
PAVER_HI = mix(PAVER, "#f4f1ea", 0.10)
PAVER_SEAM = mix(S_NIGHT, S_NAVY, 0.7)
BRICK = mix(S_NAVY, S_MAG, 0.30)
BRICK_HI = mix(BRICK, "#ffb454", 0.16)
MORTAR = mix(S_NIGHT, S_NAVY, 0.85)
CONCRETE = mix(S_NAVY, S_TEAL, 0.55)
CONCRETE_HI = mix(CONCRETE, "#f4f1ea", 0.10)
ROOF = mix(S_NIGHT, S_NAVY, 0.45)
WARM = mix(S_AMB, "#f4f1ea", 0.25)


def asphalt(cv: Canvas, wet: float = 0.0) -> None:
    r = cv.rng
    cv.rect(0, 0, cv.w, cv.h, mix(ASPHALT, S_NIGHT, 0.25 * wet))
    cv.speckle(r, ASPHALT_HI, 0.09, 0.45)
    cv.speckle(r, ASPHALT_LO, 0.08, 0.6)
    cv.speckle(r, mix(ASPHALT_HI, S_TEAL, 0.5), 0.01, 0.7)


def ground_asphalt(cv: Canvas, f: int) -> None:
    asphalt(cv)


def ground_asphalt_crack(cv: Canvas, f: int) -> None:
    asphalt(cv)
    pts = [(3, 27), (8, 24), (11, 25), (15, 20), (19, 19), (22, 15), (27, 13)]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        cv.line(x0, y0, x1, y1, ASPHALT_LO)
        cv.line(x0, y0 + 1, x1, y1 + 1, ASPHALT_HI, 0.35)
    cv.line(15, 20, 13, 15, ASPHALT_LO)


def reflections(cv: Canvas, streaks: list[tuple[float, str, float]]) -> None:
    """Vertical smeared neon reflections, broken by ripple lines; period 32 vertically (tileable)."""
    for x, col, strength in streaks:
        wob = np.sin(cv.ys / 32.0 * 2 * math.pi * 2 + x) * 0.6
        width = 2.2 + np.sin(cv.ys / 32.0 * 2 * math.pi + x * 1.7) * 0.8
        m = np.clip(1.0 - np.abs(cv.xs - x - wob) / width, 0.0, 1.0) ** 1.4
        ripple = 0.55 + 0.45 * (np.sin(cv.ys / 32.0 * 2 * math.pi * 4 + x) > -0.2)
        cv.mask(m * ripple, col, strength)


def ground_wet(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=1.0)
    reflections(cv, [(7.0, S_MAG, 0.34), (23.5, S_CYAN, 0.26)])
    cv.speckle(cv.rng, mix(S_TEAL, S_CYAN, 0.4), 0.02, 0.6)


def ground_wet_amber(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=1.0)
    reflections(cv, [(12.0, S_AMB, 0.40), (14.0, "#ffe0b0", 0.14), (27.0, S_MAG, 0.18)])
    cv.speckle(cv.rng, mix(S_TEAL, S_AMB, 0.3), 0.02, 0.5)


def puddle_shape(cv: Canvas) -> np.ndarray:
    m = cv.ellipse_m(16, 17, 13, 9) + cv.ellipse_m(9, 13, 6, 5) + cv.ellipse_m(22, 21, 7, 5)
    return np.clip(m, 0, 1)


def draw_puddle(cv: Canvas) -> None:
    m = puddle_shape(cv)
    cv.mask(m, mix(S_NIGHT, S_NAVY, 0.3))
    # Mirror of the sky glow and neon: soft vertical smears clipped to the water.
    sub = Canvas(cv.w, cv.h)
    sub.rng = cv.rng
    reflections(sub, [(11.0, S_MAG, 0.55), (12.5, "#f7c3e0", 0.2), (22.0, S_CYAN, 0.45)])
    cv.mask(sub.a * m, sub.c)
    # Rim: light on the far (top) edge, dark lip on the near edge.
    shifted = np.roll(m, 1, axis=0)
    cv.mask(np.clip(m - shifted, 0, 1), mix(S_TEAL, S_CYAN, 0.35), 0.9)
    below = np.roll(m, -1, axis=0)
    cv.mask(np.clip(m - below, 0, 1), S_NIGHT, 0.5)
    cv.ring(19.5, 20.5, 3.5, 1.5, mix(S_TEAL, "#f4f1ea", 0.3), 0.3)


def ground_puddle(cv: Canvas, f: int) -> None:
    asphalt(cv, wet=0.6)
    draw_puddle(cv)


def overlay_puddle(cv: Canvas, f: int) -> None:
    draw_puddle(cv)


def ground_road_line(cv: Canvas, f: int) -> None:
    asphalt(cv)
    cv.rect(2, 14, 22, 18, mix(S_AMB, ASPHALT, 0.35))
    cv.speckle(cv.rng, ASPHALT, 0.22, box=(2, 14, 22, 18))
    cv.hline(2, 22, 14, mix(S_AMB, "#f4f1ea", 0.3), 0.45)


def ground_crosswalk(cv: Canvas, f: int) -> None:
    asphalt(cv)
    stripe = mix("#f4f1ea", S_NAVY, 0.55)
    for y0 in (4, 20):
        cv.rect(0, y0, 32, y0 + 9, stripe)
        cv.speckle(cv.rng, ASPHALT, 0.10, 0.5, box=(0, y0, 32, y0 + 9))
        cv.hline(0, 32, y0 + 8, mix(stripe, ASPHALT, 0.5), 0.7)


def ground_manhole(cv: Canvas, f: int) -> None:
    asphalt(cv)
    metal = mix(S_NAVY, S_TEAL, 0.25)
    cv.ellipse(16, 16, 12.5, 12.5, mix(S_NIGHT, S_NAVY, 0.2))
    cv.ellipse(16, 16, 11.5, 11.5, metal)
    cv.ring(16, 16, 11.5, 11.5, mix(metal, "#f4f1ea", 0.15), 0.8)
    for k in range(-8, 9, 4):
        cv.line(16 + k - 7, 16 - 7, 16 + k + 7, 16 + 7, mix(metal, S_NIGHT, 0.45), 0.55)
    cv.ellipse(16, 16, 3, 3, mix(metal, "#f4f1ea", 0.18))
    cv.ellipse(16, 16, 2, 2, metal)


def ground_drain(cv: Canvas, f: int) -> None:
    asphalt(cv)
    cv.rect(6, 6, 26, 26, mix(S_NAVY, S_TEAL, 0.2))
    cv.rect(7, 7, 25, 25, S_NIGHT)
    for x in range(8, 25, 3):
        cv.rect(x, 7, x + 1, 25, mix(S_NAVY, S_TEAL, 0.4))
    cv.hline(6, 26, 6, mix(S_TEAL, "#f4f1ea", 0.2), 0.6)


def pavers(cv: Canvas, wet: bool = False, y_from: int = 0, y_to: int = 32) -> None:
    """Square 16 px concrete slabs with a light far edge, so pavements never read as brick."""
    r = cv.rng
    base = PAVER if not wet else mix(PAVER, S_NIGHT, 0.18)
    cv.rect(0, y_from, 32, y_to, PAVER_SEAM)
    for j, y0 in enumerate((0, 16)):
        for i, x0 in enumerate((0, 16)):
            tone = mix(base, S_NAVY if (i + j) % 2 else S_TEAL, 0.10)
            ya, yb = max(y0 + 1, y_from), min(y0 + 16, y_to)
            if yb <= ya:
                continue
            cv.rect(x0 + 1, ya, x0 + 16, yb, tone)
            if y0 + 1 >= y_from:
                cv.hline(x0 + 1, x0 + 16, y0 + 1, mix(tone, "#f4f1ea", 0.08))
            cv.vline(x0 + 1, ya, yb, mix(tone, "#f4f1ea", 0.04))
    cv.speckle(r, mix(base, S_NIGHT, 0.25), 0.05, 0.7, box=(0, y_from, 32, y_to))
    cv.speckle(r, mix(base, "#f4f1ea", 0.08), 0.03, box=(0, y_from, 32, y_to))


def ground_sidewalk(cv: Canvas, f: int) -> None:
    pavers(cv)


def ground_sidewalk_wet(cv: Canvas, f: int) -> None:
    pavers(cv, wet=True)
    reflections(cv, [(20.0, S_MAG, 0.22), (6.0, S_AMB, 0.16)])


def ground_sidewalk_shadow(cv: Canvas, f: int) -> None:
    pavers(cv)
    fade = np.clip(1.0 - cv.ys / 14.0, 0.0, 1.0) ** 1.3
    cv.mask(fade, S_NIGHT, 0.6)


def ground_tactile(cv: Canvas, f: int) -> None:
    pavers(cv)
    yel = mix(S_AMB, PAVER, 0.62)
    cv.rect(4, 0, 28, 32, mix(yel, S_NIGHT, 0.35))
    cv.rect(5, 0, 27, 32, yel)
    for y in range(2, 32, 4):
        for x in range(7, 27, 4):
            cv.px(x, y, mix(yel, "#f4f1ea", 0.3))
            cv.px(x, y + 1, mix(yel, S_NIGHT, 0.3))


def ground_curb_s(cv: Canvas, f: int) -> None:
    """Sidewalk above, the curb's top and front face, road below."""
    asphalt(cv)
    pavers(cv, y_from=0, y_to=18)
    cv.rect(0, 18, 32, 22, mix(CONCRETE, "#f4f1ea", 0.12))
    cv.hline(0, 32, 18, mix(CONCRETE, "#f4f1ea", 0.3))
    cv.rect(0, 22, 32, 26, mix(CONCRETE, S_NIGHT, 0.35))
    for x in (0, 16):
        cv.vline(x, 18, 26, mix(CONCRETE, S_NIGHT, 0.55))
    cv.rect(0, 26, 32, 29, S_NIGHT, 0.55)
    cv.rect(0, 29, 32, 30, S_NIGHT, 0.25)


def ground_curb_n(cv: Canvas, f: int) -> None:
    """Road above, then the curb's top edge, sidewalk below (the curb's face looks away)."""
    asphalt(cv)
    pavers(cv, y_from=14, y_to=32)
    cv.rect(0, 10, 32, 14, mix(CONCRETE, "#f4f1ea", 0.1))
    cv.hline(0, 32, 10, mix(CONCRETE, "#f4f1ea", 0.28))
    cv.hline(0, 32, 13, mix(CONCRETE, S_NIGHT, 0.3))
    for x in (0, 16):
        cv.vline(x, 10, 14, mix(CONCRETE, S_NIGHT, 0.55))


def ground_stairs(cv: Canvas, f: int) -> None:
    step_top = mix(CONCRETE, "#f4f1ea", 0.10)
    riser = mix(CONCRETE, S_NIGHT, 0.38)
    for y0 in (0, 8, 16, 24):
        cv.rect(0, y0, 32, y0 + 5, step_top)
        cv.hline(0, 32, y0, mix(step_top, "#f4f1ea", 0.2))
        cv.rect(0, y0 + 5, 32, y0 + 8, riser)
        cv.hline(0, 32, y0 + 7, mix(riser, S_NIGHT, 0.4))
    cv.speckle(cv.rng, mix(CONCRETE, S_NIGHT, 0.2), 0.05)
    # Worn centre and anti-slip strips in faded amber.
    for y0 in (0, 8, 16, 24):
        cv.hline(3, 29, y0 + 1, mix(S_AMB, CONCRETE, 0.55), 0.5)


def roof(cv: Canvas, f: int) -> None:
    """Flat Seoul roof in worn green waterproof paint, seen from above."""
    base = mix(ROOF, "#3f6b5a", 0.45)
    cv.rect(0, 0, 32, 32, base)
    cv.speckle(cv.rng, mix(base, S_NIGHT, 0.3), 0.06)
    cv.speckle(cv.rng, mix(base, "#f4f1ea", 0.07), 0.04)
    for x, k in ((9, 0.10), (23, 0.06)):
        cv.mask(np.clip(1.0 - np.abs(cv.ys - x) / 3.0, 0, 1), S_NIGHT, k)
    cv.hline(0, 32, 0, mix(base, S_NIGHT, 0.3))
    cv.vline(0, 0, 32, mix(base, S_NIGHT, 0.3))


def roof_edge(cv: Canvas, f: int) -> None:
    """Roof with its parapet lip at the bottom, above a wall face."""
    roof(cv, f)
    cv.rect(0, 22, 32, 28, mix(CONCRETE, S_NAVY, 0.3))
    cv.hline(0, 32, 22, mix(CONCRETE, "#f4f1ea", 0.22))
    cv.rect(0, 28, 32, 32, mix(CONCRETE, S_NIGHT, 0.45))
    cv.hline(0, 32, 31, S_NIGHT, 0.5)
    for x in (0, 16):
        cv.vline(x, 22, 28, mix(CONCRETE, S_NIGHT, 0.5), 0.6)


def bricks(cv: Canvas, x0: int = 0, y0: int = 0, x1: int = 32, y1: int = 32) -> None:
    r = cv.rng
    cv.rect(x0, y0, x1, y1, MORTAR)
    for row in range(4):
        y = row * 8
        off = 0 if row % 2 == 0 else 8
        for bx in range(-16 + off, 32, 16):
            v = r.random()
            tone = mix(BRICK, BRICK_HI if v > 0.6 else S_NIGHT, 0.25 * abs(v - 0.5))
            ya, yb = max(y, y0), min(y + 7, y1)
            xa, xb = max(bx + 1, x0), min(bx + 16, x1)
            if yb > ya and xb > xa:
                cv.rect(xa, ya, xb, yb, tone)
                if y >= y0:
                    cv.hline(xa, xb, y, mix(tone, S_AMB, 0.12))
    cv.speckle(r, mix(BRICK, S_NIGHT, 0.35), 0.05, box=(x0, y0, x1, y1))


def wall_brick(cv: Canvas, f: int) -> None:
    bricks(cv)


def wall_base(cv: Canvas) -> None:
    """Grime and a contact shadow at the foot of a wall face."""
    fade = np.clip((cv.ys - 22.0) / 10.0, 0.0, 1.0)
    cv.mask(fade, S_NIGHT, 0.45)
    cv.hline(0, 32, 31, S_NIGHT, 0.6)


def wall_brick_base(cv: Canvas, f: int) -> None:
    bricks(cv)
    wall_base(cv)


def concrete(cv: Canvas) -> None:
    r = cv.rng
    cv.rect(0, 0, 32, 32, CONCRETE)
    # Soft water stains running down, tileable vertically.
    for x, k in ((5, 0.10), (21, 0.07), (27, 0.05)):
        m = np.clip(1.0 - np.abs(cv.xs - x) / 2.5, 0, 1)
        cv.mask(m, S_NIGHT, k)
    cv.speckle(r, mix(CONCRETE, S_NIGHT, 0.2), 0.06)
    cv.speckle(r, CONCRETE_HI, 0.03)
    # Form-work seams and tie holes (Korean cast concrete).
    cv.vline(0, 0, 32, mix(CONCRETE, S_NIGHT, 0.35))
    cv.hline(0, 32, 0, mix(CONCRETE, S_NIGHT, 0.3))
    for x, y in ((8, 8), (24, 8), (8, 24), (24, 24)):
        cv.px(x, y, mix(CONCRETE, S_NIGHT, 0.5))
        cv.px(x, y + 1, CONCRETE_HI)


def wall_concrete(cv: Canvas, f: int) -> None:
    concrete(cv)


def wall_concrete_base(cv: Canvas, f: int) -> None:
    concrete(cv)
    wall_base(cv)


def wall_pipe(cv: Canvas, f: int) -> None:
    bricks(cv)
    pipe = mix(S_TEAL, S_NAVY, 0.35)
    cv.rect(22, 0, 27, 32, pipe)
    cv.vline(22, 0, 32, mix(pipe, "#f4f1ea", 0.18))
    cv.vline(26, 0, 32, mix(pipe, S_NIGHT, 0.4))
    cv.rect(27, 0, 29, 32, S_NIGHT, 0.35)
    for y in (6, 22):
        cv.rect(21, y, 28, y + 2, mix(pipe, S_NIGHT, 0.3))
        cv.hline(21, 28, y, mix(pipe, "#f4f1ea", 0.2))


def window_frame(cv: Canvas, x0, y0, x1, y1, lit: bool) -> None:
    frame = mix(S_NAVY, S_TEAL, 0.2)
    if lit:
        cv.soft(cv.ellipse_m((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) * 0.7, (y1 - y0) * 0.7), S_AMB, 4.0, 0.25)
    cv.rect(x0 - 1, y0 - 1, x1 + 1, y1 + 2, frame)
    if lit:
        glass = Canvas(cv.w, cv.h)
        glass.rect(x0, y0, x1, y1, mix(S_AMB, "#c86a2a", 0.25))
        glass.mask(np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1) * (cv.ys < y1), "#ffe0b0", 0.35)
        cv.paste(glass, 0, 0)
        for y in range(y0 + 2, y1, 3):  # blinds
            cv.hline(x0, x1, y, mix(S_AMB, "#8a4a2a", 0.5), 0.55)
        cv.rect(x0, y0, x1, y0 + 2, mix(S_AMB, "#8a4a2a", 0.6), 0.8)  # blind head
    else:
        cv.rect(x0, y0, x1, y1, mix(S_NIGHT, S_TEAL, 0.35))
        cv.line(x0 + 2, y1 - 2, x1 - 3, y0 + 3, mix(S_TEAL, S_CYAN, 0.3), 0.35)
        cv.line(x0 + 4, y1 - 2, x1 - 2, y0 + 5, mix(S_TEAL, S_CYAN, 0.3), 0.2)
    cv.vline((x0 + x1) // 2, y0, y1, frame)
    cv.rect(x0 - 2, y1 + 1, x1 + 2, y1 + 3, mix(CONCRETE, "#f4f1ea", 0.15))  # sill
    cv.hline(x0 - 2, x1 + 2, y1 + 3, S_NIGHT, 0.5)


def wall_window_lit(cv: Canvas, f: int) -> None:
    bricks(cv)
    window_frame(cv, 7, 5, 25, 24, lit=True)


def wall_window_dark(cv: Canvas, f: int) -> None:
    concrete(cv)
    window_frame(cv, 7, 5, 25, 24, lit=False)


def wall_ac(cv: Canvas, f: int) -> None:
    concrete(cv)
    box = mix("#f4f1ea", S_NAVY, 0.62)
    cv.rect(4, 8, 28, 27, box)
    cv.hline(4, 28, 8, mix(box, "#f4f1ea", 0.25))
    cv.rect(4, 27, 28, 29, S_NIGHT, 0.5)
    cv.ellipse(12.5, 17.5, 6.5, 6.5, mix(box, S_NIGHT, 0.55))
    for a in range(0, 180, 45):
        t = math.radians(a)
        cv.line(12.5 - 5 * math.cos(t), 17.5 - 5 * math.sin(t), 12.5 + 5 * math.cos(t), 17.5 + 5 * math.sin(t),
                mix(box, S_NIGHT, 0.25), 0.8)
    cv.ellipse(12.5, 17.5, 1.5, 1.5, box)
    for y in range(11, 25, 2):
        cv.hline(21, 26, y, mix(box, S_NIGHT, 0.35))
    cv.vline(6, 29, 32, mix(S_NAVY, S_TEAL, 0.2))  # drip pipe


def wall_door(cv: Canvas, f: int) -> None:
    bricks(cv)
    wall_base(cv)
    frame = mix(S_NAVY, S_TEAL, 0.15)
    door = mix(S_TEAL, S_NAVY, 0.3)
    cv.rect(5, 2, 27, 32, frame)
    cv.rect(7, 4, 25, 32, door)
    cv.vline(7, 4, 32, mix(door, "#f4f1ea", 0.15))
    cv.rect(9, 7, 23, 15, mix(door, S_NIGHT, 0.2))
    cv.rect(9, 18, 23, 29, mix(door, S_NIGHT, 0.2))
    cv.hline(9, 23, 7, mix(door, S_NIGHT, 0.45))
    cv.hline(9, 23, 18, mix(door, S_NIGHT, 0.45))
    cv.rect(21, 16, 24, 18, mix(S_AMB, "#f4f1ea", 0.3))
    cv.soft(cv.ellipse_m(16, 1, 5, 2), S_AMB, 2.0, 0.7)
    cv.rect(13, 0, 19, 2, mix(S_AMB, "#f4f1ea", 0.4))


def shop_interior(cv: Canvas, x0, y0, x1, y1, seed_shift: int) -> None:
    """Warm shop window glass with shelves of goods and a reflection."""
    glass_top, glass_bottom = mix(S_AMB, "#f4f1ea", 0.15), mix(S_AMB, "#b0502a", 0.45)
    t = np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1)
    col = rgb(glass_top)[None, None] * (1 - t[..., None]) + rgb(glass_bottom)[None, None] * t[..., None]
    m = np.zeros((cv.h, cv.w), np.float32)
    m[y0:y1, x0:x1] = 1
    cv.mask(m, col)
    r = cv.rng
    goods = [S_MAG, S_TEAL, "#8a4a2a", S_CYAN, S_NAVY, "#f4f1ea"]
    for sy in (y0 + 9, y0 + 19):
        cv.hline(x0, x1, sy, mix(S_NAVY, S_AMB, 0.3))
        x = x0 + 1 + (seed_shift % 3)
        while x < x1 - 2:
            w = int(r.integers(2, 5))
            h = int(r.integers(3, 7))
            c = goods[int(r.integers(0, len(goods)))]
            cv.rect(x, sy - h, min(x + w, x1), sy, mix(c, S_AMB, 0.25))
            cv.hline(x, min(x + w, x1), sy - h, mix(c, "#f4f1ea", 0.35))
            x += w + int(r.integers(1, 3))
    cv.line(x0 + 3, y1 - 1, x0 + 14, y0, "#fff2dc", 0.22)
    cv.line(x0 + 6, y1 - 1, x0 + 17, y0, "#fff2dc", 0.12)


def shopfront(cv: Canvas, f: int) -> None:
    """Three tiles wide: a warm shop window with frame posts and a kick plate."""
    frame = mix(S_NAVY, S_NIGHT, 0.3)
    cv.rect(0, 0, 96, 32, frame)
    cv.rect(0, 0, 96, 2, mix(S_NAVY, S_TEAL, 0.3))
    shop_interior(cv, 3, 3, 93, 26, 0)
    for x in (31, 63):
        cv.rect(x, 3, x + 2, 26, frame)
        cv.vline(x, 3, 26, mix(frame, "#f4f1ea", 0.12))
    cv.rect(0, 26, 96, 32, mix(S_NAVY, S_TEAL, 0.25))
    cv.hline(0, 96, 26, mix(S_TEAL, "#f4f1ea", 0.2))
    cv.hline(0, 96, 31, S_NIGHT, 0.6)


def shop_door(cv: Canvas, f: int) -> None:
    frame = mix(S_NAVY, S_NIGHT, 0.3)
    cv.rect(0, 0, 32, 32, frame)
    cv.rect(0, 0, 32, 2, mix(S_NAVY, S_TEAL, 0.3))
    shop_interior(cv, 5, 4, 27, 32, 1)
    cv.vline(16, 4, 32, frame)
    cv.rect(13, 16, 15, 22, mix(S_AMB, "#f4f1ea", 0.5))
    cv.rect(18, 16, 20, 22, mix(S_AMB, "#f4f1ea", 0.5))
    cv.rect(5, 28, 27, 32, mix(S_NAVY, S_TEAL, 0.25))


def shutter(cv: Canvas, f: int) -> None:
    base = mix(CONCRETE, S_NAVY, 0.25)
    cv.rect(0, 0, 32, 32, base)
    for y in range(0, 32, 3):
        cv.hline(0, 32, y, mix(base, "#f4f1ea", 0.12))
        cv.hline(0, 32, y + 2, mix(base, S_NIGHT, 0.35))
    cv.rect(0, 0, 2, 32, mix(base, S_NIGHT, 0.4))
    cv.rect(30, 0, 32, 32, mix(base, S_NIGHT, 0.4))
    cv.rect(13, 28, 19, 30, mix(base, S_NIGHT, 0.5))
    # An old magenta tag, faded.
    cv.line(6, 14, 10, 9, S_MAG, 0.35)
    cv.line(10, 9, 13, 15, S_MAG, 0.35)
    cv.line(15, 12, 22, 12, S_MAG, 0.3)


def awning(cv: Canvas, f: int) -> None:
    """Three tiles wide striped awning over a shopfront; transparent above."""
    a, b = mix(S_TEAL, "#f4f1ea", 0.05), mix("#f4f1ea", S_NAVY, 0.45)
    cv.soft(((cv.ys > 24) & (cv.ys < 31)).astype(np.float32), S_NIGHT, 2.0, 0.5)
    for x in range(0, 96, 8):
        cv.rect(x, 8, x + 4, 26, a)
        cv.rect(x + 4, 8, x + 8, 26, b)
    # Top edge in light, shading towards the hem (the fabric slopes towards us).
    shade_m = np.clip((cv.ys - 8) / 18.0, 0, 1) * (cv.ys < 26) * (cv.ys >= 8)
    cv.mask(shade_m, S_NIGHT, 0.25)
    cv.hline(0, 96, 8, mix("#f4f1ea", S_TEAL, 0.3), 0.8)
    cv.rect(0, 6, 96, 8, mix(S_NAVY, S_NIGHT, 0.2))
    # Scalloped hem.
    for x in range(0, 96, 8):
        cv.ellipse(x + 4, 26, 4, 3, a if (x // 8) % 2 == 0 else b)
    cv.mask(((cv.ys > 26) & (cv.ys < 29.5)).astype(np.float32) * cv.a, S_NIGHT, 0.3)


def glyphs(cv: Canvas, x0: float, y0: float, scale: float, seed: int, horizontal: bool, n: int) -> list[np.ndarray]:
    """Abstract Hangul-like neon strokes (never real words).  Returns one mask per glyph."""
    r = np.random.default_rng(seed)
    masks = []
    for i in range(n):
        gx = x0 + (i * 11 * scale if horizontal else 0)
        gy = y0 + (0 if horizontal else i * 11 * scale)
        sub = Canvas(cv.w, cv.h)
        kind = int(r.integers(0, 4))
        s = scale
        col = (1, 1, 1)
        if kind == 0:  # circle + bar below
            sub.ring(gx + 4 * s, gy + 3 * s, 2.6 * s, 2.6 * s, col, 1.0, 1.0)
            sub.hline(gx + 1 * s, gx + 8 * s, gy + 7.5 * s, col)
        elif kind == 1:  # angled stroke + vertical
            sub.line(gx + 1 * s, gy + 1 * s, gx + 4 * s, gy + 7 * s, col)
            sub.line(gx + 4 * s, gy + 1 * s, gx + 1 * s, gy + 7 * s, col)
            sub.vline(gx + 7 * s, gy, gy + 8 * s, col)
        elif kind == 2:  # box-ish + tick
            sub.hline(gx + 1 * s, gx + 6 * s, gy + 1 * s, col)
            sub.vline(gx + 1 * s, gy + 1 * s, gy + 7 * s, col)
            sub.hline(gx + 1 * s, gx + 6 * s, gy + 7 * s, col)
            sub.hline(gx + 6 * s, gx + 8 * s, gy + 4 * s, col)
        else:  # two bars and a dot
            sub.hline(gx + 1 * s, gx + 8 * s, gy + 2 * s, col)
            sub.vline(gx + 4 * s, gy + 2 * s, gy + 6 * s, col)
            sub.hline(gx + 1 * s, gx + 8 * s, gy + 7 * s, col)
        masks.append(sub.a)
    return masks


def neon(cv: Canvas, masks: list[np.ndarray], colour, level: list[float]) -> None:
    light = np.zeros((cv.h, cv.w), np.float32)
    for m, k in zip(masks, level):
        light = np.maximum(light, m * k)
    total = float(np.mean(level))
    cv.soft(light, colour, 3.5, 0.9 * total + 0.05)
    cv.soft(light, colour, 1.2, 0.8)
    cv.mask(light, mix(colour, "#f4f1ea", 0.55))


NEON_LEVELS = [[1, 1, 1, 1], [0.25, 0.3, 0.25, 0.3], [1, 1, 0.12, 1]]


def neon_h(cv: Canvas, f: int) -> None:
    """Two tiles wide: a dark board with magenta glyph strokes."""
    board = mix(S_NIGHT, S_NAVY, 0.6)
    cv.rect(4, 8, 60, 25, board)
    cv.hline(4, 60, 8, mix(board, S_MAG, 0.3))
    cv.rect(4, 25, 60, 26, S_NIGHT, 0.6)
    cv.vline(10, 3, 8, mix(S_NAVY, S_TEAL, 0.3))
    cv.vline(54, 3, 8, mix(S_NAVY, S_TEAL, 0.3))
    masks = glyphs(cv, 9, 12, 1.0, 7, True, 4)
    extra = Canvas(cv.w, cv.h)
    extra.hline(6, 58, 23, (1, 1, 1))
    levels = NEON_LEVELS[f]
    neon(cv, masks, S_MAG, levels)
    neon(cv, [extra.a], S_CYAN, [levels[0] * 0.8])


def neon_v(cv: Canvas, f: int) -> None:
    """One tile wide, two tall: a projecting vertical sign, amber glyphs on cyan frame."""
    board = mix(S_NIGHT, S_NAVY, 0.5)
    cv.rect(8, 2, 24, 62, board)
    cv.rect(24, 4, 26, 62, S_NIGHT, 0.7)  # its edge seen at an angle
    cv.rect(12, 0, 20, 2, mix(S_NAVY, S_TEAL, 0.3))
    frame = Canvas(cv.w, cv.h)
    frame.ring(16, 32, 8, 30, (1, 1, 1), 1.0, 1.0)
    frame.a *= (frame.ys > 2) * (frame.ys < 62)
    masks = glyphs(cv, 11.5, 8, 1.0, 21, False, 4)
    levels = NEON_LEVELS[[0, 2, 1][f]]
    neon(cv, [frame.a], S_CYAN, [levels[0]])
    neon(cv, masks, S_AMB, levels)


def neon_arrow(cv: Canvas, f: int) -> None:
    """A small chasing-bulb arrow pointing right (2 frames)."""
    bulbs = [(5, 16), (8, 16), (11, 16), (14, 16), (17, 16), (20, 16), (23, 16),
             (20, 13), (17, 10), (20, 19), (17, 22), (26, 16)]
    board = mix(S_NIGHT, S_NAVY, 0.6)
    cv.rect(2, 6, 30, 27, board)
    cv.hline(2, 30, 6, mix(board, S_AMB, 0.25))
    cv.rect(2, 27, 30, 28, S_NIGHT, 0.5)
    on = Canvas(cv.w, cv.h)
    off = Canvas(cv.w, cv.h)
    for i, (x, y) in enumerate(bulbs):
        (on if (i + f) % 2 == 0 else off).rect(x - 1, y - 1, x + 1, y + 1, (1, 1, 1))
    cv.mask(off.a, mix(S_AMB, S_NIGHT, 0.45))
    cv.soft(on.a, S_AMB, 2.0, 0.9)
    cv.mask(on.a, mix(S_AMB, "#f4f1ea", 0.5))


def lamp_post(cv: Canvas, f: int) -> None:
    """One tile wide, three tall: lamp head (with glow) over a pole over its base."""
    pole = mix(S_NAVY, S_TEAL, 0.35)
    cv.soft(cv.ellipse_m(16, 14, 7, 5), S_AMB, 6.0, 0.85)
    cv.rect(15, 8, 18, 92, pole)
    cv.vline(15, 8, 92, mix(pole, "#f4f1ea", 0.2))
    cv.vline(17, 8, 92, mix(pole, S_NIGHT, 0.35))
    # Head: a curved arm and a flat lantern.
    cv.rect(8, 6, 24, 10, mix(pole, S_NIGHT, 0.2))
    cv.hline(8, 24, 6, mix(pole, "#f4f1ea", 0.25))
    cv.rect(9, 10, 23, 13, mix(S_AMB, "#f4f1ea", 0.55))
    cv.soft(cv.ellipse_m(16, 12, 6, 2), "#fff2dc", 1.5, 0.6)
    # Base on the ground.
    cv.rect(12, 84, 21, 92, mix(pole, S_NIGHT, 0.1))
    cv.hline(12, 21, 84, mix(pole, "#f4f1ea", 0.2))
    cv.ellipse(16.5, 92, 7, 2.5, S_NIGHT, 0.45)
    cv.rect(12, 90, 21, 92, mix(pole, S_NIGHT, 0.3))
    # A little light on the pole below the head.
    cv.mask(np.clip(1 - (cv.ys - 13) / 30, 0, 1) * (cv.ys > 13) * ((cv.xs > 15) & (cv.xs < 16)), S_AMB, 0.4)


def light_pool(cv: Canvas, f: int) -> None:
    """Two by two: a warm pool of lamp light to lay over the ground."""
    cv.radial(32, 32, 32, 26, S_AMB, 0.42, power=1.3)
    cv.radial(32, 32, 15, 11, "#ffe0b0", 0.18, power=1.2)


def spill(cv: Canvas, colour) -> None:
    """Light falling from a window or sign onto the ground below it: strong at the top, fading down.
    Tiles seamlessly side by side."""
    fade = np.clip(1.0 - cv.ys / 30.0, 0.0, 1.0) ** 1.6
    cv.mask(fade, colour, 0.30)


def vending(cv: Canvas, f: int) -> None:
    """One tile wide, two tall: a drinks machine with a lit front."""
    body = mix(S_MAG, S_NAVY, 0.35)
    cv.soft(cv.ellipse_m(16, 30, 16, 22), S_CYAN, 4.0, 0.25)
    cv.rect(3, 6, 29, 62, body)
    cv.rect(3, 2, 29, 6, mix(body, "#f4f1ea", 0.25))  # top face
    cv.hline(3, 29, 6, mix(body, S_NIGHT, 0.3))
    cv.vline(3, 6, 62, mix(body, "#f4f1ea", 0.15))
    cv.vline(28, 6, 62, mix(body, S_NIGHT, 0.35))
    # Lit display window with rows of cans.
    cv.rect(6, 9, 26, 36, mix(S_CYAN, "#f4f1ea", 0.55))
    can_cols = [S_MAG, S_AMB, S_TEAL, "#f4f1ea", S_NAVY, S_CYAN]
    for row, y in enumerate((11, 19, 27)):
        for i, x in enumerate(range(7, 25, 3)):
            c = can_cols[(i + row * 2) % len(can_cols)]
            cv.rect(x, y, x + 2, y + 5, c)
            cv.px(x, y, mix(c, "#f4f1ea", 0.5))
        cv.hline(6, 26, y + 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.line(8, 35, 20, 10, "#ffffff", 0.18)
    # Buttons, coin slot, price LEDs.
    for i, x in enumerate(range(7, 25, 3)):
        cv.rect(x, 38, x + 2, 40, S_AMB if i % 2 else S_CYAN)
    cv.rect(20, 42, 25, 48, mix(body, S_NIGHT, 0.4))
    cv.rect(22, 43, 23, 46, mix(S_AMB, "#f4f1ea", 0.3))
    cv.rect(7, 44, 17, 47, S_NIGHT)
    cv.hline(7, 17, 44, mix(S_CYAN, S_NIGHT, 0.4))
    cv.rect(6, 51, 26, 58, mix(body, S_NIGHT, 0.55))
    cv.rect(7, 52, 25, 57, S_NIGHT)
    cv.rect(3, 62, 29, 64, S_NIGHT, 0.55)


def crate(cv: Canvas, f: int) -> None:
    """Two stacked plastic bottle crates; green soju bottles show in the open top."""
    body = mix(S_TEAL, "#3f8a7a", 0.35)
    cv.ellipse(16, 29, 14, 3, S_NIGHT, 0.45)
    # Lower crate: front face only.
    cv.rect(3, 19, 29, 29, mix(body, S_NIGHT, 0.3))
    cv.hline(3, 29, 19, mix(body, "#f4f1ea", 0.15))
    for x in range(5, 28, 4):
        cv.vline(x, 21, 28, mix(body, S_NIGHT, 0.6))
    cv.rect(12, 21, 20, 23, S_NIGHT, 0.7)
    # Upper crate: its open top (seen from above) full of bottle necks, then its front.
    cv.rect(4, 3, 28, 12, mix(body, S_NIGHT, 0.55))
    cv.rect(4, 3, 28, 4, mix(body, "#f4f1ea", 0.3))
    cv.vline(4, 3, 12, mix(body, "#f4f1ea", 0.2))
    cv.vline(27, 3, 12, body)
    bottle = mix("#3f8a5a", S_CYAN, 0.2)
    for row, y in enumerate((5, 8)):
        for x in range(6 + row * 2, 26, 4):
            cv.rect(x, y, x + 2, y + 2, bottle)
            cv.px(x, y, mix(bottle, "#f4f1ea", 0.5))
    cv.rect(4, 12, 28, 19, body)
    cv.hline(4, 28, 12, mix(body, "#f4f1ea", 0.25))
    for x in range(6, 27, 4):
        cv.vline(x, 14, 18, mix(body, S_NIGHT, 0.45))
    cv.rect(12, 14, 20, 16, S_NIGHT, 0.7)
    cv.rect(4, 18, 28, 19, S_NIGHT, 0.4)


def cardboard(cv: Canvas, f: int) -> None:
    box = mix("#b07a46", S_NAVY, 0.45)
    cv.ellipse(16, 29, 13, 3, S_NIGHT, 0.45)
    cv.rect(5, 14, 27, 29, mix(box, S_NIGHT, 0.2))
    cv.rect(5, 8, 27, 14, mix(box, "#f4f1ea", 0.12))
    cv.hline(5, 27, 8, mix(box, "#f4f1ea", 0.3))
    cv.vline(16, 8, 14, mix(box, S_NIGHT, 0.35))
    cv.rect(14, 14, 18, 29, mix(box, "#f4f1ea", 0.2), 0.5)  # tape
    cv.rect(8, 18, 12, 21, S_NIGHT, 0.3)


def plant(cv: Canvas, f: int) -> None:
    """A potted plant on the pavement (a big round pot and dark glossy leaves)."""
    pot = mix("#8a4a2a", S_NAVY, 0.3)
    leaf = mix("#3f7a4a", S_TEAL, 0.35)
    cv.ellipse(16, 29, 11, 3, S_NIGHT, 0.45)
    cv.rect(8, 19, 24, 29, pot)
    cv.rect(7, 17, 25, 20, mix(pot, "#f4f1ea", 0.15))
    cv.vline(9, 20, 29, mix(pot, "#f4f1ea", 0.1))
    cv.vline(22, 20, 29, mix(pot, S_NIGHT, 0.3))
    leaves = [(16, 9, 6, 5), (10, 13, 5, 4), (22, 12, 5, 4), (13, 5, 4, 4), (20, 6, 4, 3), (16, 14, 6, 3)]
    for cx, cy, rx, ry in leaves:
        cv.ellipse(cx, cy, rx, ry, mix(leaf, S_NIGHT, 0.3))
    for cx, cy, rx, ry in leaves:
        cv.ellipse(cx - 1, cy - 1, rx - 1.5, ry - 1.5, leaf)
        cv.px(cx - 2, cy - 2, mix(leaf, "#f4f1ea", 0.35))


def trash(cv: Canvas, f: int) -> None:
    bag = mix(S_NAVY, S_TEAL, 0.15)
    cv.ellipse(16, 28, 14, 3.5, S_NIGHT, 0.45)
    for cx, cy, rx, ry in ((10, 21, 7, 7), (21, 22, 7, 6), (15, 15, 6, 6)):
        cv.ellipse(cx, cy, rx, ry, mix(bag, S_NIGHT, 0.2))
        cv.ellipse(cx - 1.5, cy - 2, rx - 2.5, ry - 3, mix(bag, "#f4f1ea", 0.1))
    cv.rect(14, 8, 17, 10, mix(bag, S_NIGHT, 0.4))


def bin_(cv: Canvas, f: int) -> None:
    can = mix(S_TEAL, S_NAVY, 0.2)
    cv.ellipse(16, 29, 10, 3, S_NIGHT, 0.45)
    cv.rect(7, 10, 25, 28, can)
    cv.ellipse(16, 28, 9, 2, can)
    cv.vline(8, 10, 28, mix(can, "#f4f1ea", 0.18))
    cv.vline(23, 10, 28, mix(can, S_NIGHT, 0.35))
    for x in (12, 16, 20):
        cv.vline(x, 13, 26, mix(can, S_NIGHT, 0.25))
    cv.ellipse(16, 9, 10, 3.5, mix(can, "#f4f1ea", 0.15))
    cv.ellipse(16, 9, 8, 2, mix(can, S_NIGHT, 0.4))


def bollard(cv: Canvas, f: int) -> None:
    post = mix(CONCRETE, "#f4f1ea", 0.1)
    cv.ellipse(16, 27, 7, 2.5, S_NIGHT, 0.45)
    cv.rect(12, 12, 20, 27, post)
    cv.ellipse(16, 12, 4, 2, mix(post, "#f4f1ea", 0.2))
    cv.rect(12, 16, 20, 18, mix(S_AMB, "#c86a2a", 0.2))
    cv.vline(19, 12, 27, mix(post, S_NIGHT, 0.35))


def bicycle(cv: Canvas, f: int) -> None:
    """Two tiles wide: a parked bicycle, side on."""
    frame = mix(S_MAG, S_NAVY, 0.2)
    tyre = mix(S_NIGHT, S_NAVY, 0.3)
    cv.ellipse(32, 28, 26, 3, S_NIGHT, 0.4)
    for cx in (15, 49):
        cv.ring(cx, 20, 9, 9, tyre, 1.0, 2.0)
        cv.ring(cx, 20, 7, 7, mix(S_TEAL, "#f4f1ea", 0.2), 0.5, 1.0)
        cv.px(cx, 20, mix(S_TEAL, "#f4f1ea", 0.3))
    for a, b in (((15, 20), (28, 20)), ((28, 20), (25, 9)), ((25, 9), (43, 9)), ((43, 9), (28, 20)),
                 ((43, 9), (49, 20)), ((42, 5), (44, 10))):
        cv.line(a[0], a[1], b[0], b[1], frame)
    cv.rect(21, 7, 28, 9, S_NIGHT)
    cv.rect(39, 4, 46, 6, mix(S_NAVY, S_TEAL, 0.2))
    cv.rect(14, 19, 16, 21, mix(S_AMB, "#f4f1ea", 0.2))


def cables(cv: Canvas, f: int) -> None:
    """Overhead cables sagging across the tile (goes on the top layer)."""
    for y0, sag, c in ((6, 4, mix(S_NAVY, S_TEAL, 0.5)), (12, 3, mix(S_NAVY, S_TEAL, 0.8)),
                       (9, 6, mix(S_NAVY, "#f4f1ea", 0.15))):
        prev = None
        for x in range(33):
            y = y0 + sag * math.sin(math.pi * x / 32.0)
            if prev is not None:
                cv.line(prev[0], prev[1], x, y, c, 0.95)
            prev = (x, y)


def sign_board(cv: Canvas, f: int) -> None:
    """A standing A-frame menu board with a glowing amber border."""
    cv.ellipse(16, 29, 10, 2.5, S_NIGHT, 0.45)
    board = mix(S_NIGHT, S_NAVY, 0.5)
    cv.line(8, 29, 11, 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.line(24, 29, 21, 6, mix(S_NAVY, S_TEAL, 0.3))
    cv.rect(10, 6, 23, 25, board)
    frame_m = Canvas(cv.w, cv.h)
    frame_m.rect(10, 6, 23, 7, (1, 1, 1))
    frame_m.rect(10, 24, 23, 25, (1, 1, 1))
    frame_m.rect(10, 6, 11, 25, (1, 1, 1))
    frame_m.rect(22, 6, 23, 25, (1, 1, 1))
    cv.soft(frame_m.a, S_AMB, 1.5, 0.6)
    cv.mask(frame_m.a, mix(S_AMB, "#f4f1ea", 0.3))
    for y in (10, 14, 18):
        cv.hline(13, 20 - (y % 3), y, mix("#f4f1ea", S_NAVY, 0.3))
    cv.rect(13, 21, 16, 22, S_MAG)


def cat(cv: Canvas, f: int) -> None:
    """A small alley cat curled on the ground (a Seoul alley regular)."""
    fur = mix(S_NAVY, "#f4f1ea", 0.28)
    cv.ellipse(16, 26, 9, 2.5, S_NIGHT, 0.4)
    cv.ellipse(16, 21, 8, 5, fur)
    cv.ellipse(10, 18, 4.5, 4, fur)
    cv.px(7, 14, fur)
    cv.px(12, 14, fur)
    cv.rect(7, 15, 9, 16, fur)
    cv.rect(11, 15, 13, 16, fur)
    cv.px(8, 18, S_AMB)
    cv.px(11, 18, S_AMB)
    cv.hline(18, 25, 25, mix(fur, "#f4f1ea", 0.1))
    cv.ellipse(18, 19, 5, 2, mix(fur, "#f4f1ea", 0.15))


def seoul() -> Tileset:
    P = Piece
    pieces = [
        P("asphalt", 1, 1, ground_asphalt, what="asphalt"),
        P("asphalt_crack", 1, 1, ground_asphalt_crack, what="asphalt, cracked"),
        P("asphalt_wet", 1, 1, ground_wet, what="wet asphalt, magenta/cyan reflections"),
        P("asphalt_wet_amber", 1, 1, ground_wet_amber, what="wet asphalt, amber reflection"),
        P("puddle", 1, 1, ground_puddle, what="puddle on asphalt"),
        P("road_line", 1, 1, ground_road_line, what="road centre dash (horizontal road)"),
        P("manhole", 1, 1, ground_manhole, what="manhole cover"),
        P("drain", 1, 1, ground_drain, what="drain grate"),
        P("sidewalk", 1, 1, ground_sidewalk, what="sidewalk pavers"),
        P("sidewalk_wet", 1, 1, ground_sidewalk_wet, what="wet sidewalk"),
        P("sidewalk_shadow", 1, 1, ground_sidewalk_shadow, what="sidewalk at the foot of a wall"),
        P("tactile", 1, 1, ground_tactile, what="tactile paving strip (vertical)"),
        P("curb_s", 1, 1, ground_curb_s, what="curb: sidewalk above, road below"),
        P("curb_n", 1, 1, ground_curb_n, what="curb: road above, sidewalk below"),
        P("crosswalk", 1, 1, ground_crosswalk, what="crosswalk stripes"),
        P("stairs", 1, 1, ground_stairs, what="stone steps (walkable)"),
        P("roof", 1, 1, roof, True, what="roof / wall top"),
        P("roof_edge", 1, 1, roof_edge, True, what="roof edge above a wall face"),
        P("brick", 1, 1, wall_brick, True, what="brick wall face"),
        P("brick_base", 1, 1, wall_brick_base, True, what="brick wall face, bottom row"),
        P("concrete", 1, 1, wall_concrete, True, what="concrete wall face"),
        P("concrete_base", 1, 1, wall_concrete_base, True, what="concrete wall face, bottom row"),
        P("brick_pipe", 1, 1, wall_pipe, True, what="brick wall with drainpipe"),
        P("brick_window", 1, 1, wall_window_lit, True, what="brick wall, warm lit window"),
        P("concrete_window", 1, 1, wall_window_dark, True, what="concrete wall, dark window"),
        P("concrete_ac", 1, 1, wall_ac, True, what="concrete wall with AC unit"),
        P("door", 1, 1, wall_door, True, what="metal back door in brick (bottom row)"),
        P("shutter", 1, 1, shutter, True, what="rolling shutter (bottom row)"),
        P("shopfront", 3, 1, shopfront, True, what="shop window, 3 wide (bottom row)"),
        P("shop_door", 1, 1, shop_door, True, what="shop glass door (bottom row)"),
        P("awning", 3, 1, awning, False, what="striped awning overlay, 3 wide"),
        P("neon_h", 2, 1, neon_h, False, frames=[2200, 90, 400],
          sequence=[(0, 2200), (1, 90), (0, 140), (1, 70), (0, 1600), (2, 400)], what="magenta neon sign, 2 wide, flickers"),
        P("neon_v", 1, 2, neon_v, False, frames=[1800, 500, 90],
          sequence=[(0, 1800), (1, 500), (0, 900), (2, 90), (0, 120), (2, 60)], what="vertical neon sign, 2 tall, flickers"),
        P("neon_arrow", 1, 1, neon_arrow, False, frames=[400, 400], what="chasing bulb arrow"),
        P("lamp", 1, 3, lamp_post, [[False], [False], [True]], what="street lamp, 3 tall (base blocks)"),
        P("light_pool", 2, 2, light_pool, False, what="warm light pool overlay, 2x2"),
        P("vending", 1, 2, vending, True, what="vending machine, 2 tall"),
        P("crates", 1, 1, crate, True, what="stacked plastic crates"),
        P("box", 1, 1, cardboard, True, what="cardboard box"),
        P("plant", 1, 1, plant, True, what="potted plant"),
        P("trash", 1, 1, trash, True, what="trash bags"),
        P("bin", 1, 1, bin_, True, what="bin"),
        P("bollard", 1, 1, bollard, True, what="bollard"),
        P("bicycle", 2, 1, bicycle, True, what="parked bicycle, 2 wide"),
        P("cables", 1, 1, cables, False, what="overhead cables (top layer)"),
        P("sign_board", 1, 1, sign_board, True, what="A-frame sign"),
        P("cat", 1, 1, cat, True, what="alley cat"),
        P("puddle_overlay", 1, 1, overlay_puddle, False, what="puddle overlay (any ground)"),
        P("spill_amber", 1, 1, lambda cv, f: spill(cv, S_AMB), False, what="warm window light on the ground below a shopfront"),
        P("spill_magenta", 1, 1, lambda cv, f: spill(cv, S_MAG), False, what="magenta neon light on the ground"),
    ]
    layout = [
        ["asphalt", "asphalt_crack", "asphalt_wet", "asphalt_wet_amber", "puddle", "road_line", "manhole", "drain"],
        ["sidewalk", "sidewalk_wet", "sidewalk_shadow", "tactile", "curb_s", "curb_n", "crosswalk", "stairs"],
        ["roof", "roof_edge", "brick", "brick_base", "concrete", "concrete_base", "brick_pipe", "brick_window"],
        ["concrete_window", "concrete_ac", "door", "shutter", "shopfront.0,0", "shopfront.1,0", "shopfront.2,0", "shop_door"],
        ["awning.0,0", "awning.1,0", "awning.2,0", "neon_arrow", "neon_arrow@1", "puddle_overlay", "lamp.0,0", "vending.0,0"],
        ["neon_h.0,0", "neon_h.1,0", "neon_h.0,0@1", "neon_h.1,0@1", "neon_h.0,0@2", "neon_h.1,0@2", "lamp.0,1", "vending.0,1"],
        ["neon_v.0,0", "neon_v.0,0@1", "neon_v.0,0@2", "light_pool.0,0", "light_pool.1,0", "cables", "lamp.0,2", "crates"],
        ["neon_v.0,1", "neon_v.0,1@1", "neon_v.0,1@2", "light_pool.0,1", "light_pool.1,1", "box", "plant", "trash"],
        ["bin", "bollard", "bicycle.0,0", "bicycle.1,0", "sign_board", "cat", "spill_amber", "spill_magenta"],
    ]
    return Tileset("seoul", {p.name: p for p in pieces}, layout)



# =========================================================================== Jay's shop

H_DARK, H_BROWN, H_WOOD, H_TAN, H_AMB, H_CREAM = "#1a1210", "#3b2618", "#7a4a2a", "#d08a4a", "#ffc27a", "#f4e3c3"
H_BLUE, H_BLUE_LIGHT = "#3a4a78", "#9ad1ff"
PLANK = mix(H_BROWN, H_WOOD, 0.42)
PLASTER = mix(H_BROWN, H_WOOD, 0.28)


def wood_floor(cv: Canvas, variant: int = 0) -> None:
    """Long planks, 8 px wide, one butt joint per row; low-contrast seams so it never reads as brick."""
    r = cv.rng
    seam = mix(H_DARK, PLANK, 0.55)
    cv.rect(0, 0, 32, 32, seam)
    offsets = [0, 19, 7, 26] if variant == 0 else [13, 3, 23, 16]
    tones = [0.0, 0.025, -0.02, 0.015, -0.01, 0.03, -0.025, 0.005]
    for row in range(4):
        y0 = row * 8
        off = offsets[row]
        for k, x0 in enumerate((off - 32, off)):
            t = tones[(row * 2 + k + variant * 3) % len(tones)]
            tone = mix(PLANK, H_TAN if t > 0 else H_DARK, abs(t) * 2.0)
            xa, xb = max(x0 + 1, 0), min(x0 + 32, 32)
            if xb <= xa:
                continue
            cv.rect(xa, y0, xb, y0 + 7, tone)
            # Long, soft grain lines that run the plank's length.
            for gy in (y0 + 1, y0 + 3, y0 + 5):
                gx = int(r.integers(-10, 20))
                cv.hline(max(gx, xa), min(gx + int(r.integers(12, 26)), xb), gy, mix(tone, H_DARK, 0.16))
            gx = int(r.integers(0, 24))
            cv.hline(max(gx, xa), min(gx + 8, xb), y0 + 2 + (row % 2) * 2, mix(tone, H_TAN, 0.10))
        cv.vline(off % 32, y0, y0 + 7, mix(seam, H_DARK, 0.4))
    cv.speckle(r, mix(PLANK, H_DARK, 0.25), 0.02)
    if variant == 1:
        cv.ellipse(21, 11.5, 2, 1, mix(PLANK, H_DARK, 0.4))  # a knot


def floor_shadow_fn(base):
    def draw(cv: Canvas, f: int) -> None:
        base(cv, f)
        cv.mask(np.clip(1.0 - cv.ys / 12.0, 0.0, 1.0) ** 1.3, H_DARK, 0.6)
    return draw


def h_floor(cv: Canvas, f: int) -> None:
    wood_floor(cv, 0)


def h_floor_b(cv: Canvas, f: int) -> None:
    wood_floor(cv, 1)


def h_doormat(cv: Canvas, f: int) -> None:
    wood_floor(cv, 0)
    mat = mix(H_WOOD, H_BROWN, 0.3)
    cv.rect(3, 7, 29, 27, mix(mat, H_DARK, 0.2))
    cv.rect(4, 8, 28, 26, mat)
    cv.speckle(cv.rng, mix(mat, H_DARK, 0.25), 0.25, box=(4, 8, 28, 26))
    for x in range(7, 25, 3):
        cv.vline(x, 11, 23, mix(mat, H_CREAM, 0.2), 0.6)


def rug(cv: Canvas, f: int) -> None:
    """Three by three rug; the centre, edges and corners repeat for bigger rugs."""
    base = mix("#6b3f2a", "#8a2f2a", 0.4)
    band = mix(H_BROWN, H_DARK, 0.3)
    cv.rect(2, 2, 94, 94, base)
    # Border band with small diamonds.
    cv.rect(2, 2, 94, 10, band)
    cv.rect(2, 86, 94, 94, band)
    cv.rect(2, 2, 10, 94, band)
    cv.rect(86, 2, 94, 94, band)
    for t in range(6, 92, 8):
        for (x, y) in ((t, 6), (t, 90), (6, t), (90, t)):
            cv.px(x, y - 1, H_TAN)
            cv.rect(x - 1, y, x + 2, y + 1, H_TAN)
            cv.px(x, y + 1, H_TAN)
    cv.rect(10, 10, 86, 11, H_CREAM, 0.7)
    cv.rect(10, 85, 86, 86, H_CREAM, 0.7)
    cv.rect(10, 10, 11, 86, H_CREAM, 0.7)
    cv.rect(85, 10, 86, 86, H_CREAM, 0.7)
    # Field: a lattice of diamonds with a 16 px period, aligned to the tiles.
    xs, ys = cv.xs - 0.5, cv.ys - 0.5
    lat = (np.abs(((xs + 8) % 16) - 8) + np.abs(((ys + 8) % 16) - 8))
    inside = ((xs >= 12) & (xs < 84) & (ys >= 12) & (ys < 84)).astype(np.float32)
    cv.mask((np.abs(lat - 6) < 0.6) * inside, mix(H_TAN, base, 0.35))
    cv.mask((lat < 1.6) * inside, H_AMB, 0.8)
    cv.mask((np.abs(lat - 6) < 0.6) * inside * (((xs // 16 + ys // 16) % 2) == 0), H_CREAM, 0.25)
    # Fringe at the top and bottom ends.
    for x in range(3, 93, 2):
        cv.vline(x, 0, 2, H_CREAM, 0.7)
        cv.vline(x, 94, 96, H_CREAM, 0.7)
    cv.speckle(cv.rng, H_DARK, 0.04, 0.5, box=(2, 2, 94, 94))


def h_wall_top(cv: Canvas, f: int) -> None:
    cv.rect(0, 0, 32, 32, mix(H_DARK, H_BROWN, 0.35))
    cv.speckle(cv.rng, H_DARK, 0.05)
    cv.speckle(cv.rng, mix(H_BROWN, H_WOOD, 0.3), 0.03)


def h_wall_top_edge(cv: Canvas, f: int) -> None:
    h_wall_top(cv, f)
    cv.rect(0, 25, 32, 29, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(0, 32, 25, mix(H_TAN, H_AMB, 0.4))
    cv.rect(0, 29, 32, 32, mix(H_BROWN, H_DARK, 0.3))


def plaster(cv: Canvas) -> None:
    cv.rect(0, 0, 32, 32, PLASTER)
    cv.speckle(cv.rng, mix(PLASTER, H_DARK, 0.18), 0.08)
    cv.speckle(cv.rng, mix(PLASTER, H_TAN, 0.15), 0.05)
    # Warm lamplight washing down the wall, tileable sideways.
    cv.mask(np.clip(cv.ys / 32.0, 0, 1), H_DARK, 0.15)


def h_wall(cv: Canvas, f: int) -> None:
    plaster(cv)


def wainscot(cv: Canvas, y0: int = 10) -> None:
    wood = mix(H_WOOD, H_BROWN, 0.25)
    cv.rect(0, y0, 32, 32, wood)
    cv.rect(0, y0, 32, y0 + 3, mix(H_WOOD, H_TAN, 0.35))  # rail
    cv.hline(0, 32, y0, mix(H_TAN, H_AMB, 0.3))
    cv.hline(0, 32, y0 + 3, mix(wood, H_DARK, 0.5))
    for x0 in (2, 18):
        cv.rect(x0, y0 + 6, x0 + 12, 27, mix(wood, H_DARK, 0.15))
        cv.hline(x0, x0 + 12, y0 + 6, mix(wood, H_DARK, 0.45))
        cv.vline(x0, y0 + 6, 27, mix(wood, H_DARK, 0.45))
        cv.hline(x0, x0 + 12, 26, mix(wood, H_TAN, 0.25))
        cv.vline(x0 + 11, y0 + 6, 27, mix(wood, H_TAN, 0.2))
    cv.rect(0, 28, 32, 32, mix(H_BROWN, H_DARK, 0.4))  # skirting
    cv.hline(0, 32, 28, mix(H_WOOD, H_TAN, 0.2))


def h_wall_base(cv: Canvas, f: int) -> None:
    plaster(cv)
    wainscot(cv)


def h_wall_poster(cv: Canvas, f: int) -> None:
    plaster(cv)
    cv.rect(8, 4, 25, 27, H_DARK, 0.4)
    cv.rect(7, 3, 24, 26, mix(H_CREAM, H_TAN, 0.35))
    cv.ellipse(15.5, 11.5, 5, 5, "#c2408a")
    cv.ellipse(15.5, 11.5, 2, 2, mix(H_CREAM, H_TAN, 0.35))
    for y, w in ((19, 13), (21, 9), (23, 11)):
        cv.hline(9, 9 + w, y, H_BROWN)
    cv.px(15, 3, "#9ad1ff")


def h_wall_pegboard(cv: Canvas, f: int) -> None:
    plaster(cv)
    board = mix(H_TAN, H_WOOD, 0.55)
    cv.rect(2, 3, 30, 29, board)
    cv.rect(2, 29, 30, 30, H_DARK, 0.5)
    for y in range(5, 29, 4):
        for x in range(4, 30, 4):
            cv.px(x, y, mix(board, H_DARK, 0.45))
    steel = "#a9b4c8"
    # pliers
    cv.line(6, 8, 8, 20, steel)
    cv.line(10, 8, 8, 20, steel)
    cv.rect(6, 19, 8, 25, "#c2408a")
    cv.rect(9, 19, 11, 25, "#c2408a")
    # screwdrivers
    for x, c in ((15, H_AMB), (18, "#6fe3e1"), (21, H_AMB)):
        cv.vline(x, 6, 16, steel)
        cv.rect(x - 1, 16, x + 2, 24, c)
    # coil of wire
    cv.ring(26, 13, 3.5, 3.5, "#c2408a", 1.0, 1.5)
    cv.ring(26, 22, 3, 3, H_CREAM, 0.9, 1.2)


def h_wall_clock(cv: Canvas, f: int) -> None:
    plaster(cv)
    cv.ellipse(16.5, 14.5, 9, 9, H_DARK, 0.4)
    cv.ellipse(16, 14, 9, 9, mix(H_WOOD, H_BROWN, 0.3))
    cv.ellipse(16, 14, 7, 7, H_CREAM)
    for a in range(0, 360, 30):
        t = math.radians(a)
        cv.px(16 + 5.6 * math.cos(t) - 0.5, 14 + 5.6 * math.sin(t) - 0.5, H_BROWN)
    cv.line(16, 14, 16, 9, H_DARK)
    cv.line(16, 14, 19, 16, H_DARK)
    cv.px(15.5, 13.5, "#c2408a")


def night_glass(cv: Canvas, x0, y0, x1, y1) -> None:
    t = np.clip((cv.ys - y0) / max(y1 - y0, 1), 0, 1)
    col = rgb(H_BLUE)[None, None] * (1 - t[..., None]) + rgb("#1b2340")[None, None] * t[..., None]
    m = np.zeros((cv.h, cv.w), np.float32)
    m[y0:y1, x0:x1] = 1
    cv.mask(m, col)
    # Far city lights and rain on the glass.
    r = cv.rng
    for _ in range((x1 - x0) * (y1 - y0) // 40):
        x, y = int(r.integers(x0, x1)), int(r.integers(y0 + (y1 - y0) // 2, y1))
        cv.px(x, y, [H_AMB, "#c2408a", "#6fe3e1", H_BLUE_LIGHT][int(r.integers(0, 4))], 0.6)
    for _ in range((x1 - x0) // 3):
        x, y = int(r.integers(x0, x1)), int(r.integers(y0, y1 - 4))
        cv.vline(x, y, y + int(r.integers(2, 5)), H_BLUE_LIGHT, 0.35)


def h_window(cv: Canvas, f: int) -> None:
    """Two tiles wide on the wall: a night window with rain and far city lights."""
    for x in range(0, 64, 32):
        sub = Canvas(32, 32)
        sub.rng = cv.rng
        plaster(sub)
        cv.paste(sub, x, 0)
    frame = mix(H_WOOD, H_BROWN, 0.2)
    cv.rect(4, 2, 60, 29, frame)
    cv.hline(4, 60, 2, mix(H_WOOD, H_TAN, 0.4))
    night_glass(cv, 7, 5, 57, 26)
    cv.rect(31, 5, 33, 26, frame)
    cv.rect(7, 15, 57, 16, frame)
    cv.rect(2, 26, 62, 29, mix(H_WOOD, H_TAN, 0.35))  # sill
    cv.hline(2, 62, 26, mix(H_TAN, H_AMB, 0.35))
    cv.rect(2, 29, 62, 30, H_DARK, 0.5)
    cv.px(48, 24, "#3f7a4a")
    cv.rect(46, 21, 51, 26, mix("#3f7a4a", H_DARK, 0.2))  # a small cactus pot on the sill
    cv.rect(45, 24, 52, 27, mix(H_TAN, "#8a4a2a", 0.3))


def h_door(cv: Canvas, f: int) -> None:
    """One wide, two tall (both wall rows): the shop's wooden door with a glass pane and a bell."""
    for y in (0, 32):
        sub = Canvas(32, 32)
        sub.rng = cv.rng
        plaster(sub)
        if y == 32:
            wainscot(sub)
        cv.paste(sub, 0, y)
    frame = mix(H_WOOD, H_BROWN, 0.1)
    door = mix(H_WOOD, H_TAN, 0.15)
    cv.rect(3, 4, 29, 64, frame)
    cv.rect(5, 6, 27, 64, door)
    cv.vline(5, 6, 64, mix(door, H_AMB, 0.3))
    cv.vline(26, 6, 64, mix(door, H_DARK, 0.3))
    night_glass(cv, 8, 9, 24, 30)
    cv.rect(8, 19, 24, 20, frame)
    cv.rect(8, 36, 24, 58, mix(door, H_DARK, 0.12))
    cv.hline(8, 24, 36, mix(door, H_DARK, 0.35))
    cv.vline(8, 36, 58, mix(door, H_DARK, 0.35))
    cv.rect(21, 35, 24, 38, H_AMB)
    cv.px(21, 35, H_CREAM)
    # Bell over the door.
    cv.vline(16, 1, 4, H_DARK)
    cv.ellipse(16, 5, 2.5, 2.5, H_AMB)
    cv.px(15, 4, H_CREAM)
    cv.rect(5, 62, 27, 64, H_DARK, 0.45)


def cabinet(cv: Canvas, x0, y0, x1, y1) -> None:
    """A wooden shelving unit outline with a crown, shelves are drawn by the caller."""
    wood = mix(H_WOOD, H_BROWN, 0.15)
    cv.rect(x0, y0, x1, y1, mix(H_DARK, H_BROWN, 0.4))
    cv.rect(x0, y0, x0 + 2, y1, wood)
    cv.rect(x1 - 2, y0, x1, y1, mix(wood, H_DARK, 0.25))
    cv.rect(x0 - 1, y0 - 3, x1 + 1, y0 + 1, mix(wood, H_TAN, 0.25))
    cv.hline(x0 - 1, x1 + 1, y0 - 3, mix(H_TAN, H_AMB, 0.4))
    cv.rect(x0, y1 - 3, x1, y1, mix(wood, H_DARK, 0.2))


def shelf_board(cv: Canvas, x0, x1, y) -> None:
    wood = mix(H_WOOD, H_TAN, 0.2)
    cv.rect(x0, y, x1, y + 2, wood)
    cv.hline(x0, x1, y, mix(H_TAN, H_AMB, 0.35))


def radio(cv: Canvas, x, y, w, h, case, dial_on: float = 1.0) -> None:
    """A small vintage radio: wooden case, round grille, amber dial."""
    cv.rect(x, y, x + w, y + h, case)
    cv.hline(x, x + w, y, mix(case, H_CREAM, 0.3))
    cv.vline(x + w - 1, y, y + h, mix(case, H_DARK, 0.35))
    gr = max(1.5, min(w, h) * 0.28)
    cv.ellipse(x + gr + 1.5, y + h / 2, gr, gr, mix(H_CREAM, case, 0.5))
    cv.ellipse(x + gr + 1.5, y + h / 2, gr - 0.7, gr - 0.7, mix(case, H_DARK, 0.35))
    dx0 = int(x + 2 * gr + 3)
    cv.rect(dx0, y + 2, x + w - 2, y + h - 3, mix(H_AMB, H_TAN, 0.3), dial_on)
    cv.rect(dx0, y + 2, x + w - 2, y + h - 3, H_BROWN, 1.0 - dial_on)
    cv.px(dx0 + 1, y + 3, "#c2408a")


def h_shelf_radios(cv: Canvas, f: int) -> None:
    """One wide, two tall: a shelf of vintage radios and valve sets."""
    cabinet(cv, 2, 4, 30, 64)
    for y in (22, 40, 58):
        shelf_board(cv, 2, 30, y)
    radio(cv, 4, 9, 15, 13, mix(H_WOOD, H_TAN, 0.35))
    radio(cv, 20, 13, 9, 9, mix("#2e5a6b", H_BROWN, 0.4))
    radio(cv, 4, 29, 12, 11, mix(H_CREAM, H_TAN, 0.45))
    radio(cv, 17, 27, 12, 13, mix(H_WOOD, H_DARK, 0.2))
    # Valves (tubes) standing on the lower shelf.
    for x, hgt in ((6, 9), (10, 11), (14, 8)):
        cv.rect(x, 58 - hgt, x + 3, 58, mix(H_BLUE_LIGHT, H_CREAM, 0.3), 0.5)
        cv.px(x + 1, 58 - hgt + 2, H_AMB)
    radio(cv, 18, 47, 11, 11, mix("#c2408a", H_BROWN, 0.55))


def h_shelf_reels(cv: Canvas, f: int) -> None:
    """One wide, two tall: reel-to-reel tapes, cassettes and records."""
    cabinet(cv, 2, 4, 30, 64)
    for y in (22, 40, 58):
        shelf_board(cv, 2, 30, y)
    # Tape reels.
    for cx, cy in ((9, 15), (22, 15)):
        cv.ellipse(cx, cy, 6, 6, mix(H_BLUE, "#a9b4c8", 0.4))
        cv.ellipse(cx, cy, 4, 4, mix(H_BROWN, H_DARK, 0.2))
        cv.ellipse(cx, cy, 1.5, 1.5, "#a9b4c8")
    # Cassettes stacked.
    for i, y in enumerate(range(26, 40, 3)):
        c = [H_CREAM, "#c2408a", H_AMB, "#6fe3e1", H_TAN][i % 5]
        cv.rect(4, y, 15, y + 2, mix(c, H_BROWN, 0.3))
        cv.hline(4, 15, y, mix(c, H_CREAM, 0.3))
    # Record spines.
    r = cv.rng
    for x in range(17, 29):
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b"][int(r.integers(0, 6))]
        cv.vline(x, 28, 40, mix(c, H_BROWN, 0.35))
    for x in range(4, 29):
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b", H_DARK][int(r.integers(0, 7))]
        hh = int(r.integers(12, 15))
        cv.vline(x, 58 - hh, 58, mix(c, H_BROWN, 0.35))
    cv.vline(13, 44, 58, H_DARK)


def h_speaker(cv: Canvas, f: int) -> None:
    """One wide, two tall: a floor-standing wooden speaker cabinet."""
    cv.ellipse(16, 61, 13, 3, H_DARK, 0.5)
    wood = mix(H_WOOD, H_BROWN, 0.1)
    cv.rect(5, 14, 27, 62, wood)
    cv.rect(5, 10, 27, 14, mix(wood, H_TAN, 0.3))  # top
    cv.hline(5, 27, 10, mix(H_TAN, H_AMB, 0.4))
    cv.vline(26, 14, 62, mix(wood, H_DARK, 0.3))
    grille = mix(H_BROWN, H_DARK, 0.35)
    cv.rect(7, 16, 25, 58, grille)
    cv.speckle(cv.rng, mix(grille, H_TAN, 0.2), 0.15, box=(7, 16, 25, 58))
    cv.ellipse(16, 23, 3, 3, mix(grille, H_DARK, 0.4))
    cv.ring(16, 23, 3, 3, mix(H_TAN, grille, 0.5), 0.8)
    cv.ellipse(16, 44, 7.5, 7.5, mix(grille, H_DARK, 0.4))
    cv.ring(16, 44, 7.5, 7.5, mix(H_TAN, grille, 0.5), 0.8)
    cv.ellipse(16, 44, 2.5, 2.5, mix(H_TAN, grille, 0.4))
    cv.hline(14, 19, 55, H_AMB, 0.7)  # name badge


def h_floor_lamp(cv: Canvas, f: int) -> None:
    """One wide, two tall: a standing lamp with a glowing fabric shade."""
    cv.soft(cv.ellipse_m(16, 16, 12, 10), H_AMB, 5.0, 0.55)
    cv.ellipse(16, 61, 7, 2.5, H_DARK, 0.5)
    pole = mix(H_BROWN, H_DARK, 0.2)
    cv.rect(15, 20, 17, 60, pole)
    cv.vline(15, 20, 60, mix(pole, H_TAN, 0.3))
    cv.rect(11, 58, 21, 61, pole)
    # Shade: a trapezoid lit from inside.
    for y in range(8, 20):
        half = 5 + (y - 8) * 0.45
        cv.hline(int(16 - half), int(16 + half), y, mix(H_AMB, H_CREAM, 0.25 + 0.02 * (20 - y)))
    cv.hline(10, 22, 19, mix(H_AMB, H_TAN, 0.5))
    cv.hline(11, 21, 8, mix(H_TAN, H_BROWN, 0.3))
    cv.soft(cv.ellipse_m(16, 21, 5, 1.5), "#fff2dc", 1.2, 0.8)


def h_guitar(cv: Canvas, f: int) -> None:
    """One wide, two tall: Jay's electric guitar on a stand."""
    cv.ellipse(16, 61, 9, 2.5, H_DARK, 0.5)
    stand = "#3c3a40"
    cv.line(9, 61, 16, 44, stand)
    cv.line(23, 61, 16, 44, stand)
    body = mix("#2e5a6b", H_BLUE_LIGHT, 0.2)
    # Neck and head.
    cv.rect(15, 8, 18, 38, mix(H_WOOD, H_TAN, 0.3))
    cv.rect(14, 3, 19, 9, mix(H_DARK, H_BROWN, 0.5))
    for y in (4, 6, 8):
        cv.px(13, y, "#a9b4c8")
        cv.px(19, y, "#a9b4c8")
    for y in range(12, 38, 4):
        cv.hline(15, 18, y, "#a9b4c8", 0.6)
    # Body: two rounded bouts.
    cv.ellipse(16, 42, 7, 6, body)
    cv.ellipse(16, 52, 9, 8, body)
    cv.ellipse(14, 40, 3, 2, mix(body, H_CREAM, 0.3), 0.6)
    cv.rect(13, 44, 20, 52, mix(H_CREAM, body, 0.2))  # pickguard
    cv.hline(13, 20, 47, H_DARK)
    cv.hline(13, 20, 50, H_DARK)
    cv.rect(13, 54, 20, 56, "#a9b4c8")
    cv.vline(16, 38, 56, "#a9b4c8", 0.5)


def counter(cv: Canvas, x0: int, x1: int, left_end: bool, right_end: bool) -> None:
    """A wooden shop counter in 3/4 view: a deep top surface and a panelled front."""
    top = mix(H_TAN, H_WOOD, 0.35)
    front = mix(H_WOOD, H_BROWN, 0.35)
    xa = x0 + (3 if left_end else 0)
    xb = x1 - (3 if right_end else 0)
    cv.rect(xa, 30, xb, 32, H_DARK, 0.55)
    cv.rect(xa, 15, xb, 30, front)
    cv.rect(xa, 2, xb, 15, top)
    cv.hline(xa, xb, 2, mix(H_TAN, H_AMB, 0.5))
    cv.hline(xa, xb, 14, mix(top, H_DARK, 0.3))
    cv.hline(xa, xb, 15, mix(front, H_TAN, 0.3))
    for gy in (6, 10):
        cv.hline(xa + 2, xb - 4, gy, mix(top, H_BROWN, 0.15))
    for px0 in range(xa + 2, xb - 4, 16):
        cv.rect(px0, 18, min(px0 + 12, xb - 2), 27, mix(front, H_DARK, 0.15))
        cv.hline(px0, min(px0 + 12, xb - 2), 18, mix(front, H_DARK, 0.4))
        cv.hline(px0, min(px0 + 12, xb - 2), 26, mix(front, H_TAN, 0.2))
    if left_end:
        cv.vline(xa, 2, 30, mix(H_TAN, H_AMB, 0.3))
    if right_end:
        cv.vline(xb - 1, 2, 30, mix(front, H_DARK, 0.35))


def h_counter_l(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, True, False)


def h_counter_m(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, False)


def h_counter_r(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, True)


def h_register(cv: Canvas, f: int) -> None:
    counter(cv, 0, 32, False, False)
    body = mix(H_CREAM, H_TAN, 0.5)
    cv.rect(6, 0, 26, 12, mix(body, H_DARK, 0.15))
    cv.rect(8, 0, 24, 4, mix(H_DARK, H_BROWN, 0.3))
    cv.rect(9, 1, 23, 3, H_AMB, 0.9)  # little display
    for y in (6, 8, 10):
        for x in range(8, 24, 3):
            cv.rect(x, y, x + 2, y + 1, mix(H_CREAM, H_WOOD, 0.2 if (x + y) % 2 else 0.5))
    cv.rect(6, 12, 26, 14, mix(body, H_DARK, 0.4))


def h_turntable(cv: Canvas, f: int) -> None:
    """Counter with a turntable; the record's sheen turns (3 frames)."""
    counter(cv, 0, 32, False, False)
    plinth = mix(H_WOOD, H_BROWN, 0.2)
    cv.rect(3, 0, 29, 14, plinth)
    cv.hline(3, 29, 0, mix(H_TAN, H_AMB, 0.3))
    cv.rect(3, 13, 29, 14, H_DARK, 0.5)
    cv.ellipse(14, 7, 9.5, 5.8, mix(H_DARK, "#1b2340", 0.3))
    # Grooves and a sheen that turns.
    cv.ring(14, 7, 7.5, 4.5, mix(H_DARK, H_TAN, 0.18), 0.8)
    cv.ring(14, 7, 5.5, 3.3, mix(H_DARK, H_TAN, 0.14), 0.8)
    ang = [0.3, 2.4, 4.5][f]
    sheen = Canvas(cv.w, cv.h)
    for k in range(6):
        t = ang + k * 0.08
        sheen.px(14 + 8 * math.cos(t) - 0.5, 7 + 4.8 * math.sin(t) - 0.5, (1, 1, 1))
        sheen.px(14 + 6.5 * math.cos(t) - 0.5, 7 + 3.9 * math.sin(t) - 0.5, (1, 1, 1))
    cv.mask(sheen.a, H_CREAM, 0.55)
    cv.ellipse(14, 7, 2.5, 1.6, "#c2408a")
    cv.px(14 + round(1.5 * math.cos(ang + 1)) - 0.5, 6.5, H_CREAM)
    # Tone arm.
    cv.ellipse(25, 3.5, 1.8, 1.8, "#a9b4c8")
    cv.line(25, 4, 21, 10, "#a9b4c8")
    cv.rect(19, 9, 22, 11, H_CREAM)
    cv.px(26, 11, H_AMB)


def h_bench(cv: Canvas, f: int) -> None:
    """Three tiles wide: Jay's repair bench: soldering station, an open valve chassis, a desk lamp."""
    top = mix(H_WOOD, H_TAN, 0.25)
    cv.rect(1, 30, 95, 32, H_DARK, 0.5)
    # Legs and a drawer under an overhanging top.
    cv.rect(2, 16, 94, 30, mix(H_DARK, H_BROWN, 0.35))
    for x in (3, 45, 89):
        cv.rect(x, 16, x + 4, 30, mix(H_WOOD, H_BROWN, 0.3))
    cv.rect(52, 16, 86, 24, mix(H_WOOD, H_BROWN, 0.2))
    cv.hline(52, 86, 16, mix(H_WOOD, H_TAN, 0.2))
    cv.rect(67, 19, 71, 21, H_AMB)
    cv.rect(12, 22, 40, 29, mix(H_BROWN, "#2e5a6b", 0.3))  # a crate of parts under it
    cv.rect(1, 3, 95, 16, top)
    cv.hline(1, 95, 3, mix(H_TAN, H_AMB, 0.5))
    cv.rect(1, 14, 95, 16, mix(top, H_DARK, 0.35))
    # Soldering station and iron.
    cv.rect(5, 4, 15, 11, mix(H_DARK, "#1b2340", 0.3))
    cv.rect(7, 5, 12, 7, H_AMB)
    cv.px(13, 9, "#c2408a")
    cv.line(16, 11, 25, 6, "#a9b4c8")
    cv.rect(15, 10, 18, 12, H_DARK)
    cv.ring(24, 11, 2.5, 1.8, H_CREAM, 0.9)
    # Multimeter.
    cv.rect(28, 4, 34, 12, mix(H_AMB, "#c86a2a", 0.4))
    cv.rect(29, 5, 33, 7, "#6fe3e1", 0.8)
    cv.ellipse(31, 9.5, 1.5, 1.5, H_DARK)
    # Open chassis with glowing valves.
    chassis = "#8a96a8"
    cv.rect(38, 4, 60, 13, mix(chassis, H_DARK, 0.3))
    cv.hline(38, 60, 4, chassis)
    cv.soft(cv.ellipse_m(48, 5, 10, 4), H_AMB, 2.5, 0.7)
    for x in (41, 46, 51, 56):
        cv.rect(x, 0, x + 3, 6, mix(H_BLUE_LIGHT, H_CREAM, 0.5), 0.55)
        cv.rect(x + 1, 2, x + 2, 5, H_AMB)
    cv.rect(40, 8, 44, 11, "#2e5a6b")
    cv.rect(53, 8, 58, 11, H_CREAM, 0.8)
    # Desk lamp with a pool of light on the bench.
    cv.radial(80, 10, 16, 6, H_AMB, 0.55, power=1.2)
    cv.rect(84, 9, 90, 12, H_DARK)
    cv.line(87, 9, 83, 0, "#3c3a40")
    cv.rect(77, 0, 84, 3, mix(H_DARK, H_BROWN, 0.4))
    cv.hline(78, 83, 3, "#fff2dc")
    cv.rect(70, 7, 76, 12, mix(H_CREAM, H_TAN, 0.2))  # schematic sheet
    cv.hline(71, 75, 9, H_BROWN, 0.6)


def h_radio_table(cv: Canvas, f: int) -> None:
    """A valve radio on a little side table, its dial breathing (2 frames)."""
    cv.ellipse(16, 30, 11, 2.5, H_DARK, 0.5)
    leg = mix(H_WOOD, H_BROWN, 0.3)
    cv.rect(6, 20, 26, 23, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(6, 26, 20, mix(H_TAN, H_AMB, 0.4))
    cv.rect(8, 23, 10, 30, leg)
    cv.rect(22, 23, 24, 30, leg)
    case = mix(H_WOOD, H_TAN, 0.2)
    # An arched cathedral radio.
    cv.rect(9, 8, 23, 20, case)
    cv.ellipse(16, 8.5, 7, 5, case)
    cv.hline(9, 23, 19, mix(case, H_DARK, 0.3))
    cv.ellipse(16, 9, 4.5, 3.5, mix(H_BROWN, H_DARK, 0.3))
    for x in (14, 16, 18):
        cv.vline(x, 6, 12, mix(case, H_TAN, 0.3))
    glow = [1.0, 0.55][f]
    cv.soft(cv.ellipse_m(16, 16, 4, 2), H_AMB, 2.0, 0.6 * glow)
    cv.rect(12, 14, 20, 17, mix(H_AMB, H_CREAM, 0.3 * glow), 0.5 + 0.5 * glow)
    cv.px(15 + f, 15, "#c2408a")
    cv.px(10, 17, H_CREAM)
    cv.px(21, 17, H_CREAM)


def h_record_crate(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 29, 13, 3, H_DARK, 0.5)
    crate_c = mix(H_WOOD, H_TAN, 0.15)
    r = cv.rng
    for x in range(6, 27, 2):  # record sleeves leaning, seen from above
        c = [H_CREAM, "#c2408a", H_AMB, H_BLUE, H_TAN, "#2e5a6b"][int(r.integers(0, 6))]
        hgt = int(r.integers(0, 3))
        cv.rect(x, 7 + hgt, x + 2, 17, mix(c, H_BROWN, 0.25))
        cv.hline(x, x + 2, 7 + hgt, mix(c, H_CREAM, 0.35))
    cv.rect(4, 15, 28, 29, crate_c)
    cv.hline(4, 28, 15, mix(H_TAN, H_AMB, 0.4))
    for y in (20, 25):
        cv.hline(4, 28, y, mix(crate_c, H_DARK, 0.35))
    cv.vline(27, 15, 29, mix(crate_c, H_DARK, 0.3))
    cv.rect(12, 17, 20, 19, H_DARK, 0.6)


def h_stool(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 28, 9, 2.5, H_DARK, 0.5)
    leg = mix(H_DARK, H_BROWN, 0.4)
    for x0, x1 in ((9, 11), (20, 22)):
        cv.line(x0, 28, x1, 15, leg)
    cv.line(15, 29, 16, 15, leg)
    cv.hline(11, 21, 23, leg)
    cv.ellipse(16, 13, 8, 4, mix(H_WOOD, H_BROWN, 0.1))
    cv.ellipse(16, 12, 7, 3, mix(H_WOOD, H_TAN, 0.35))
    cv.px(13, 11, H_CREAM)


def h_plant(cv: Canvas, f: int) -> None:
    pot = mix(H_TAN, "#8a4a2a", 0.4)
    leaf = mix("#4f7a3a", H_BROWN, 0.25)
    cv.ellipse(16, 29, 10, 2.5, H_DARK, 0.5)
    cv.rect(10, 20, 22, 29, pot)
    cv.rect(9, 18, 23, 21, mix(pot, H_CREAM, 0.2))
    cv.vline(21, 21, 29, mix(pot, H_DARK, 0.3))
    for cx, cy, ang in ((16, 10, 0), (10, 13, -0.7), (22, 13, 0.7), (12, 6, -0.3), (20, 6, 0.3)):
        cv.ellipse(cx, cy, 3, 6, mix(leaf, H_DARK, 0.25))
        cv.ellipse(cx - 0.5, cy - 0.5, 2, 5, leaf)
        cv.vline(cx, cy - 4, cy + 4, mix(leaf, H_CREAM, 0.25), 0.6)


def h_boxes(cv: Canvas, f: int) -> None:
    box = mix(H_TAN, H_BROWN, 0.35)
    cv.ellipse(16, 29, 14, 3, H_DARK, 0.5)
    for x0, y0, w, h in ((3, 14, 16, 15), (14, 18, 15, 11), (6, 4, 12, 10)):
        cv.rect(x0, y0 + 4, x0 + w, y0 + h, mix(box, H_DARK, 0.2))
        cv.rect(x0, y0, x0 + w, y0 + 4, mix(box, H_CREAM, 0.12))
        cv.hline(x0, x0 + w, y0, mix(box, H_CREAM, 0.3))
        cv.vline(x0 + w // 2, y0, y0 + 4, mix(box, H_DARK, 0.3))
    cv.rect(18, 22, 26, 25, H_CREAM, 0.6)  # label


def h_amp(cv: Canvas, f: int) -> None:
    """A small guitar amp with a warm pilot light."""
    cv.ellipse(16, 29, 13, 3, H_DARK, 0.5)
    tolex = mix(H_DARK, "#1b2340", 0.3)
    cv.rect(4, 9, 28, 29, tolex)
    cv.rect(4, 6, 28, 9, mix(tolex, H_CREAM, 0.15))
    cv.rect(6, 13, 26, 27, mix(H_TAN, H_BROWN, 0.45))
    cv.speckle(cv.rng, mix(H_TAN, H_BROWN, 0.7), 0.2, box=(6, 13, 26, 27))
    cv.rect(6, 9, 26, 12, mix("#a9b4c8", tolex, 0.4))
    for x in (9, 13, 17, 21):
        cv.px(x, 10, H_CREAM)
    cv.px(24, 10, H_AMB)
    cv.soft(cv.ellipse_m(24.5, 10.5, 1.5, 1.5), H_AMB, 1.2, 0.8)
    cv.rect(13, 4, 19, 6, H_DARK)


def h_tape_deck(cv: Canvas, f: int) -> None:
    """A reel-to-reel deck on a low table: the reels turn (3 frames)."""
    cv.ellipse(16, 30, 13, 2.5, H_DARK, 0.5)
    cv.rect(4, 20, 28, 23, mix(H_WOOD, H_TAN, 0.3))
    cv.rect(6, 23, 8, 30, H_BROWN)
    cv.rect(24, 23, 26, 30, H_BROWN)
    deck = "#8a96a8"
    cv.rect(4, 3, 28, 20, mix(deck, H_DARK, 0.25))
    cv.hline(4, 28, 3, deck)
    for cx in (10, 22):
        cv.ellipse(cx, 9, 5, 5, mix(H_BLUE, "#a9b4c8", 0.35))
        cv.ellipse(cx, 9, 3, 3, mix(H_BROWN, H_DARK, 0.2))
        t = [0.0, 2.1, 4.2][f]
        for k in range(3):
            a = t + k * 2.094
            cv.px(cx + 3.8 * math.cos(a) - 0.5, 9 + 3.8 * math.sin(a) - 0.5, H_CREAM)
    cv.hline(10, 22, 14, H_BROWN)
    cv.rect(6, 16, 26, 19, mix(deck, H_DARK, 0.5))
    cv.px(8, 17, H_AMB)
    cv.px(24, 17, "#c2408a" if f != 1 else H_DARK)


def h_cable(cv: Canvas, f: int) -> None:
    """A loose cable across the floor (overlay)."""
    prev = None
    for x in range(-2, 35):
        y = 16 + 5 * math.sin(x / 32.0 * 2 * math.pi)
        if prev:
            cv.line(prev[0], prev[1], x, y, H_DARK, 0.9)
            cv.line(prev[0], prev[1] - 1, x, y - 1, mix(H_DARK, H_TAN, 0.3), 0.5)
        prev = (x, y)


def h_window_spill(cv: Canvas, f: int) -> None:
    """Two wide: the window's blue night light falling onto the floor below it (overlay)."""
    fade = np.clip(1.0 - cv.ys / 30.0, 0.0, 1.0) ** 1.2
    # A trapezoid that widens away from the wall, soft at its sides.
    half = 24.0 + cv.ys * 0.25
    side = np.clip((half - np.abs(cv.xs - 32.0)) / 6.0, 0.0, 1.0)
    cv.mask(fade * side, H_BLUE_LIGHT, 0.14)
    # Faint shadows of the window bars.
    bars = (np.abs(cv.xs - 32.0 - (cv.ys * 0.1)) < 1.0) | (np.abs(cv.ys - 10.0) < 0.8)
    cv.mask(bars * fade * side, H_DARK, 0.18)


def h_wall_shelf(cv: Canvas, f: int) -> None:
    """Plaster wall with a small shelf of cassettes and a photo (upper row)."""
    plaster(cv)
    cv.rect(3, 17, 29, 19, mix(H_WOOD, H_TAN, 0.3))
    cv.hline(3, 29, 17, mix(H_TAN, H_AMB, 0.4))
    cv.rect(3, 19, 29, 20, H_DARK, 0.5)
    for i, x in enumerate(range(5, 17, 3)):
        c = [H_CREAM, "#c2408a", H_AMB, "#6fe3e1"][i % 4]
        cv.rect(x, 10, x + 2, 17, mix(c, H_BROWN, 0.3))
        cv.px(x, 10, mix(c, H_CREAM, 0.4))
    cv.rect(19, 7, 27, 17, H_CREAM)
    cv.rect(20, 8, 26, 14, mix(H_BLUE, H_BLUE_LIGHT, 0.4))
    cv.rect(20, 12, 26, 14, mix(H_AMB, H_BROWN, 0.4))
    cv.px(22, 10, H_DARK)
    cv.px(24, 10, H_DARK)


def h_lamp_pool(cv: Canvas, f: int) -> None:
    cv.radial(32, 32, 32, 26, H_AMB, 0.40, power=1.3)
    cv.radial(32, 32, 14, 10, "#ffe0b0", 0.12, power=1.2)


def h_keyboard(cv: Canvas, f: int) -> None:
    """Two tiles wide: an upright keyboard under a dust sheet (the backroom)."""
    cv.ellipse(32, 30, 29, 3, H_DARK, 0.5)
    sheet = mix(H_CREAM, H_TAN, 0.3)
    cv.rect(3, 8, 61, 29, sheet)
    cv.ellipse(32, 8, 29, 4, sheet)
    for x in (12, 25, 40, 52):
        cv.vline(x, 12, 29, mix(sheet, H_BROWN, 0.3))
        cv.vline(x + 1, 12, 29, mix(sheet, H_CREAM, 0.4))
    cv.rect(3, 26, 61, 29, mix(sheet, H_BROWN, 0.2))
    cv.rect(45, 24, 59, 29, H_DARK)  # the sheet lifted at one corner: keys peek out
    for x in range(46, 59, 2):
        cv.rect(x, 25, x + 1, 29, H_CREAM)
    cv.rect(3, 29, 61, 30, H_DARK, 0.5)


def shop() -> Tileset:
    P = Piece
    pieces = [
        P("floor", 1, 1, h_floor, what="wood floor"),
        P("floor_b", 1, 1, h_floor_b, what="wood floor, variant"),
        P("floor_shadow", 1, 1, floor_shadow_fn(h_floor), what="wood floor at the foot of a wall"),
        P("doormat", 1, 1, h_doormat, what="doormat"),
        P("rug", 3, 3, rug, what="rug 3x3 (edges and centre repeat)"),
        P("window_spill", 2, 1, h_window_spill, what="blue window light on the floor, 2 wide (overlay)"),
        P("wall_shelf", 1, 1, h_wall_shelf, True, what="wall with a small shelf of cassettes and a photo"),
        P("wall_top", 1, 1, h_wall_top, True, what="wall top"),
        P("wall_top_edge", 1, 1, h_wall_top_edge, True, what="wall top edge above a wall face"),
        P("wall", 1, 1, h_wall, True, what="plaster wall face (upper row)"),
        P("wall_base", 1, 1, h_wall_base, True, what="wall face with wainscot (bottom row)"),
        P("cable", 1, 1, h_cable, False, what="loose cable on the floor (overlay)"),
        P("wall_poster", 1, 1, h_wall_poster, True, what="wall with a gig poster"),
        P("wall_pegboard", 1, 1, h_wall_pegboard, True, what="wall with tool pegboard"),
        P("wall_clock", 1, 1, h_wall_clock, True, what="wall with clock"),
        P("window", 2, 1, h_window, True, what="night window, 2 wide (upper row)"),
        P("door", 1, 2, h_door, True, what="shop door, 2 tall (both wall rows)"),
        P("shelf_radios", 1, 2, h_shelf_radios, True, what="shelf of radios, 2 tall"),
        P("shelf_reels", 1, 2, h_shelf_reels, True, what="shelf of reels/tapes/records, 2 tall"),
        P("speaker", 1, 2, h_speaker, [[False], [True]], what="tall speaker, 2 tall"),
        P("floor_lamp", 1, 2, h_floor_lamp, [[False], [True]], what="floor lamp, 2 tall"),
        P("guitar", 1, 2, h_guitar, [[False], [True]], what="guitar on stand, 2 tall"),
        P("lamp_pool", 2, 2, h_lamp_pool, False, what="warm light pool overlay, 2x2"),
        P("counter_l", 1, 1, h_counter_l, True, what="counter, left end"),
        P("counter_m", 1, 1, h_counter_m, True, what="counter, middle"),
        P("register", 1, 1, h_register, True, what="counter with cash register"),
        P("counter_r", 1, 1, h_counter_r, True, what="counter, right end"),
        P("turntable", 1, 1, h_turntable, True, frames=[160, 160, 160], what="counter with spinning turntable"),
        P("amp", 1, 1, h_amp, True, what="guitar amp"),
        P("bench", 3, 1, h_bench, True, what="repair workbench, 3 wide"),
        P("radio_table", 1, 1, h_radio_table, True, frames=[900, 700], what="valve radio on side table, dial glows"),
        P("record_crate", 1, 1, h_record_crate, True, what="crate of records"),
        P("stool", 1, 1, h_stool, True, what="stool"),
        P("plant", 1, 1, h_plant, True, what="potted plant"),
        P("boxes", 1, 1, h_boxes, True, what="cardboard boxes"),
        P("tape_deck", 1, 1, h_tape_deck, True, frames=[220, 220, 220], what="reel-to-reel deck, reels turn"),
        P("keyboard", 2, 1, h_keyboard, True, what="keyboard under a sheet, 2 wide"),
    ]
    layout = [
        ["floor", "floor_b", "floor_shadow", "doormat", "rug.0,0", "rug.1,0", "rug.2,0", "cable"],
        ["wall_top", "wall_top_edge", "wall", "wall_base", "rug.0,1", "rug.1,1", "rug.2,1", "wall_shelf"],
        ["wall_poster", "wall_pegboard", "wall_clock", "window.0,0", "rug.0,2", "rug.1,2", "rug.2,2", "window.1,0"],
        ["door.0,0", "shelf_radios.0,0", "shelf_reels.0,0", "speaker.0,0", "floor_lamp.0,0", "guitar.0,0", "lamp_pool.0,0", "lamp_pool.1,0"],
        ["door.0,1", "shelf_radios.0,1", "shelf_reels.0,1", "speaker.0,1", "floor_lamp.0,1", "guitar.0,1", "lamp_pool.0,1", "lamp_pool.1,1"],
        ["counter_l", "counter_m", "register", "counter_r", "turntable", "turntable@1", "turntable@2", "amp"],
        ["bench.0,0", "bench.1,0", "bench.2,0", "radio_table", "radio_table@1", "record_crate", "stool", "plant"],
        ["boxes", "tape_deck", "tape_deck@1", "tape_deck@2", "keyboard.0,0", "keyboard.1,0", "window_spill.0,0", "window_spill.1,0"],
    ]
    return Tileset("shop", {p.name: p for p in pieces}, layout)



# =========================================================================== Mars habitat

M_DARK, M_BROWN, M_RUST, M_ROSE, M_AMB, M_CYAN = "#1a1413", "#3d2a24", "#7a5446", "#c98b6b", "#ffc27a", "#6fe3e1"
M_PANEL = mix(M_BROWN, M_RUST, 0.38)
M_WALL = mix(M_RUST, M_ROSE, 0.22)
M_SUIT = mix(M_ROSE, "#f4f1ea", 0.62)
M_STEEL = mix(M_RUST, "#a9b4c8", 0.35)


def m_panel(cv: Canvas, variant: int = 0) -> None:
    base = M_PANEL if variant == 0 else mix(M_PANEL, M_DARK, 0.12)
    cv.rect(0, 0, 32, 32, base)
    # Brushed texture and a bevel: light on the far/left edge, dark on the near/right edge.
    for y in range(2, 30, 3):
        cv.hline(2, 30, y, mix(base, M_ROSE, 0.06))
    cv.hline(0, 32, 0, mix(base, M_ROSE, 0.30))
    cv.vline(0, 0, 32, mix(base, M_ROSE, 0.18))
    cv.hline(0, 32, 31, mix(base, M_DARK, 0.38))
    cv.vline(31, 0, 32, mix(base, M_DARK, 0.30))
    if variant == 1:
        # Diamond-plate tread.
        for y in range(4, 30, 4):
            for x in range(4 + (y // 4) % 2 * 2, 30, 4):
                cv.px(x, y, mix(base, M_ROSE, 0.28))
                cv.px(x + 1, y + 1, mix(base, M_DARK, 0.3))
    for x, y in ((3, 3), (28, 3), (3, 28), (28, 28)):
        cv.px(x, y, mix(M_ROSE, M_AMB, 0.2))
        cv.px(x + 1, y + 1, M_DARK, 0.6)
    cv.speckle(cv.rng, mix(base, M_DARK, 0.2), 0.025)


def m_floor(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)


def m_floor_b(cv: Canvas, f: int) -> None:
    m_panel(cv, 1)


def m_floor_grate(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)
    cv.rect(4, 4, 28, 28, M_DARK)
    for y in range(5, 28, 3):
        cv.hline(4, 28, y, mix(M_PANEL, M_ROSE, 0.1))
    for x in range(5, 28, 4):
        cv.vline(x, 4, 28, mix(M_PANEL, M_DARK, 0.2))
    cv.hline(4, 28, 4, mix(M_DARK, M_PANEL, 0.2))
    cv.soft(cv.ellipse_m(16, 16, 6, 6), M_CYAN, 4.0, 0.18)  # a faint light below the floor


def m_floor_hazard(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)
    stripes = (((cv.xs + cv.ys) // 6) % 2 == 0) & (cv.ys > 9) & (cv.ys < 23)
    cv.rect(0, 9, 32, 23, M_DARK)
    cv.mask(stripes.astype(np.float32), mix(M_AMB, M_ROSE, 0.35))
    cv.hline(0, 32, 9, mix(M_PANEL, M_ROSE, 0.3))
    cv.hline(0, 32, 22, M_DARK)
    cv.speckle(cv.rng, M_DARK, 0.06, 0.5, box=(0, 9, 32, 23))


def m_floor_cable(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)
    cv.rect(0, 11, 32, 21, mix(M_DARK, M_BROWN, 0.4))
    for y, c in ((13, mix(M_DARK, M_CYAN, 0.35)), (16, mix(M_DARK, M_AMB, 0.35)), (18, mix(M_DARK, M_ROSE, 0.3))):
        cv.rect(0, y, 32, y + 2, c)
        cv.hline(0, 32, y, mix(c, "#f4f1ea", 0.15))
    cv.rect(20, 12, 24, 20, M_STEEL)
    cv.hline(20, 24, 12, mix(M_STEEL, "#f4f1ea", 0.3))
    cv.px(22, 15, M_CYAN)


def m_floor_shadow(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)
    cv.mask(np.clip(1.0 - cv.ys / 12.0, 0.0, 1.0) ** 1.3, M_DARK, 0.6)


def m_hatch(cv: Canvas, f: int) -> None:
    m_panel(cv, 0)
    cv.ellipse(16, 16, 13, 13, M_DARK)
    cv.ellipse(16, 16, 12, 12, M_STEEL)
    cv.ring(16, 16, 12, 12, mix(M_STEEL, "#f4f1ea", 0.25), 0.8)
    cv.ring(16, 16, 9, 9, mix(M_STEEL, M_DARK, 0.35), 1.0)
    # Hazard notches and a wheel.
    for a in range(0, 360, 45):
        t = math.radians(a + 22)
        cv.px(16 + 10.5 * math.cos(t) - 0.5, 16 + 10.5 * math.sin(t) - 0.5, M_AMB)
    cv.ring(16, 16, 5, 5, mix(M_STEEL, M_DARK, 0.5), 1.0, 1.5)
    cv.line(11, 16, 21, 16, mix(M_STEEL, M_DARK, 0.5))
    cv.line(16, 11, 16, 21, mix(M_STEEL, M_DARK, 0.5))
    cv.ellipse(16, 16, 1.5, 1.5, M_AMB)


def m_screen_spill(cv: Canvas, f: int) -> None:
    """Cyan screen light on the floor in front of a console (overlay)."""
    cv.radial(16, 0, 20, 22, M_CYAN, 0.22, power=1.4)


def m_lamp_pool(cv: Canvas, f: int) -> None:
    cv.radial(32, 32, 32, 26, M_AMB, 0.42, power=1.3)
    cv.radial(32, 32, 14, 10, "#ffe0b0", 0.16, power=1.2)


def m_wall_top(cv: Canvas, f: int) -> None:
    cv.rect(0, 0, 32, 32, mix(M_DARK, M_BROWN, 0.3))
    cv.speckle(cv.rng, M_DARK, 0.05)
    cv.hline(0, 32, 15, mix(M_DARK, M_BROWN, 0.55), 0.5)


def m_wall_top_edge(cv: Canvas, f: int) -> None:
    m_wall_top(cv, f)
    cv.rect(0, 24, 32, 29, mix(M_RUST, M_ROSE, 0.45))
    cv.hline(0, 32, 24, mix(M_ROSE, "#f4f1ea", 0.3))
    cv.rect(0, 29, 32, 32, mix(M_BROWN, M_DARK, 0.2))


def quilted(cv: Canvas) -> None:
    """Padded habitat wall: soft vertical cushions, lit from above, tileable both ways."""
    cv.rect(0, 0, 32, 32, M_WALL)
    for x0 in (0, 16):
        u = np.clip((cv.xs - x0) / 16.0, 0, 1)
        inside = ((cv.xs >= x0) & (cv.xs < x0 + 16)).astype(np.float32)
        cv.mask(inside * (u ** 3), M_DARK, 0.25)
        cv.mask(inside * ((1 - u) ** 4), M_ROSE, 0.25)
        cv.vline(x0, 0, 32, mix(M_WALL, M_DARK, 0.45))
    for y in (0, 16):
        cv.hline(0, 32, y, mix(M_WALL, M_DARK, 0.25))
        cv.hline(0, 32, y + 1, mix(M_WALL, M_ROSE, 0.18))
    for x, y in ((8, 8), (24, 8), (8, 24), (24, 24)):
        cv.px(x, y, mix(M_WALL, M_DARK, 0.4))


def m_wall(cv: Canvas, f: int) -> None:
    quilted(cv)


def m_kick(cv: Canvas) -> None:
    cv.rect(0, 20, 32, 32, mix(M_BROWN, M_RUST, 0.3))
    cv.rect(0, 20, 32, 23, mix(M_AMB, M_ROSE, 0.45))
    cv.hline(0, 32, 20, mix(M_AMB, "#f4f1ea", 0.3))
    cv.hline(0, 32, 23, M_DARK, 0.6)
    for x in (4, 20):
        cv.px(x, 27, mix(M_ROSE, M_AMB, 0.2))
    cv.hline(0, 32, 31, M_DARK, 0.7)


def m_wall_base(cv: Canvas, f: int) -> None:
    quilted(cv)
    m_kick(cv)


def m_wall_pipes(cv: Canvas, f: int) -> None:
    quilted(cv)
    for y, c in ((7, M_STEEL), (14, mix(M_RUST, M_AMB, 0.3))):
        cv.rect(0, y, 32, y + 5, c)
        cv.hline(0, 32, y, mix(c, "#f4f1ea", 0.3))
        cv.hline(0, 32, y + 4, mix(c, M_DARK, 0.4))
        cv.rect(0, y + 5, 32, y + 6, M_DARK, 0.35)
    for x in (6, 22):
        cv.rect(x, 6, x + 3, 20, mix(M_STEEL, M_DARK, 0.3))
    cv.px(13, 9, M_CYAN)


def m_wall_light(cv: Canvas, f: int) -> None:
    quilted(cv)
    m = np.zeros((32, 32), np.float32)
    m[10:13, :] = 1
    cv.soft(m, M_AMB, 4.0, 0.8)
    cv.rect(0, 9, 32, 14, mix(M_BROWN, M_DARK, 0.2))
    cv.rect(0, 10, 32, 13, mix(M_AMB, "#f4f1ea", 0.45))
    cv.mask(np.clip(1.0 - (cv.ys - 14) / 16.0, 0, 1) * (cv.ys > 14), M_AMB, 0.18)


def m_wall_vent(cv: Canvas, f: int) -> None:
    quilted(cv)
    cv.rect(6, 6, 26, 24, mix(M_STEEL, M_DARK, 0.25))
    cv.hline(6, 26, 6, mix(M_STEEL, "#f4f1ea", 0.3))
    for y in range(9, 23, 3):
        cv.rect(8, y, 24, y + 2, M_DARK)
        cv.hline(8, 24, y + 2, mix(M_STEEL, "#f4f1ea", 0.15))
    for x, y in ((7, 7), (24, 7), (7, 22), (24, 22)):
        cv.px(x, y, M_ROSE)


def m_wall_sign(cv: Canvas, f: int) -> None:
    quilted(cv)
    cv.rect(5, 6, 27, 20, M_DARK)
    cv.rect(6, 7, 26, 19, mix(M_DARK, M_CYAN, 0.15))
    for y, w in ((9, 14), (12, 10), (15, 16)):
        cv.hline(8, 8 + w, y, M_CYAN, 0.8)
    # Amber warning triangle under the label.
    for i in range(5):
        cv.hline(16 - i, 17 + i, 22 + i, M_AMB)
    cv.px(16, 24, M_DARK)
    cv.px(16, 25, M_DARK)


def m_wall_photo(cv: Canvas, f: int) -> None:
    """A printed photo taped to the wall: blue sky over a city rooftop (home)."""
    quilted(cv)
    cv.rect(8, 7, 25, 24, M_DARK, 0.4)
    cv.rect(7, 6, 24, 23, "#f4f1ea")
    t = np.clip((cv.ys - 8) / 10.0, 0, 1)
    sky = rgb("#9ad1ff")[None, None] * (1 - t[..., None]) + rgb("#3a4a78")[None, None] * t[..., None]
    m = np.zeros((32, 32), np.float32)
    m[8:20, 9:22] = 1
    cv.mask(m, sky)
    cv.rect(9, 16, 22, 20, "#23304f")
    for x in (10, 13, 17, 20):
        cv.vline(x, 14 + (x % 3), 20, "#23304f")
    cv.px(12, 12, "#ffc27a")
    cv.px(18, 13, "#ffc27a")
    cv.rect(13, 4, 18, 7, M_AMB, 0.6)  # tape


def m_window(cv: Canvas, f: int) -> None:
    """Two by two (both wall rows): a big viewport onto the red desert under a butterscotch sky."""
    for y in (0, 32):
        for x in (0, 32):
            sub = Canvas(32, 32)
            sub.rng = cv.rng
            quilted(sub)
            if y == 32:
                m_kick(sub)
            cv.paste(sub, x, y)
    x0, y0, x1, y1 = 5, 4, 59, 50
    frame = mix(M_RUST, M_ROSE, 0.35)
    outer = Canvas(64, 64)
    outer.rect(x0 - 3, y0 - 3, x1 + 3, y1 + 3, (1, 1, 1))
    cv.mask(outer.a, frame)
    cv.hline(x0 - 3, x1 + 3, y0 - 3, mix(M_ROSE, "#f4f1ea", 0.3))
    cv.rect(x0 - 3, y1 + 3, x1 + 3, y1 + 5, M_DARK, 0.5)
    t = np.clip((cv.ys - y0) / (y1 - y0), 0, 1)
    sky = rgb("#f0c99a")[None, None] * (1 - t[..., None]) + rgb("#e8a56b")[None, None] * t[..., None]
    m = np.zeros((64, 64), np.float32)
    m[y0:y1, x0:x1] = 1
    cv.mask(m, sky)
    cv.mask(m * cv.ellipse_m(44, 14, 3, 3), "#fbeede")
    cv.mask(m * np.clip(1 - np.hypot(cv.xs - 44, cv.ys - 14) / 10, 0, 1), "#fbeede", 0.4)
    # Dune layers, far to near.
    for base_y, amp, per, ph, col in ((30, 3, 40, 0.0, "#d9a07a"), (35, 4, 28, 1.3, "#c96f3b"),
                                       (41, 3, 22, 2.1, "#9c4a2a"), (46, 2, 18, 0.5, "#5a2e1f")):
        ridge = base_y + amp * np.sin(cv.xs / per * 2 * math.pi + ph) + 1.5 * np.sin(cv.xs / 7 + ph)
        cv.mask(m * (cv.ys > ridge), col)
    cv.mask(m * ((cv.xs > 14) & (cv.xs < 17) & (cv.ys > 40) & (cv.ys < 44)), "#3b2a24")  # a rock
    # Reflection on the glass and the mullion.
    cv.line(x0 + 4, y1 - 4, x0 + 20, y0 + 2, "#ffffff", 0.18)
    cv.line(x0 + 8, y1 - 4, x0 + 24, y0 + 2, "#ffffff", 0.10)
    cv.rect(31, y0, 33, y1, frame)
    cv.vline(31, y0, y1, mix(M_ROSE, "#f4f1ea", 0.2))
    for x, y in ((x0 - 2, y0 - 2), (x1 + 1, y0 - 2), (x0 - 2, y1 + 1), (x1 + 1, y1 + 1)):
        cv.px(x, y, M_AMB)


def m_airlock(cv: Canvas, f: int) -> None:
    """Two by two (both wall rows): a heavy airlock door in a hazard-striped frame."""
    for y in (0, 32):
        for x in (0, 32):
            sub = Canvas(32, 32)
            sub.rng = cv.rng
            quilted(sub)
            if y == 32:
                m_kick(sub)
            cv.paste(sub, x, y)
    cv.rect(4, 2, 60, 64, M_DARK)
    stripes = (((cv.xs + cv.ys) // 4) % 2 == 0).astype(np.float32)
    band = np.zeros((64, 64), np.float32)
    band[3:64, 5:59] = 1
    band[7:64, 9:55] = 0
    cv.mask(band, M_DARK)
    cv.mask(band * stripes, M_AMB, 0.85)
    door = mix(M_STEEL, M_ROSE, 0.2)
    cv.rect(9, 7, 55, 64, door)
    cv.vline(9, 7, 64, mix(door, "#f4f1ea", 0.25))
    cv.hline(9, 55, 7, mix(door, "#f4f1ea", 0.25))
    cv.vline(32, 7, 64, mix(door, M_DARK, 0.55))
    cv.vline(33, 7, 64, mix(door, "#f4f1ea", 0.15))
    for y in (20, 46):
        cv.hline(10, 55, y, mix(door, M_DARK, 0.3))
    # Porthole.
    cv.ellipse(32, 26, 8, 8, mix(door, M_DARK, 0.5))
    cv.ellipse(32, 26, 6, 6, mix(M_DARK, "#3b2a3a", 0.4))
    cv.line(29, 28, 34, 23, "#ffffff", 0.25)
    # Status lights and a handle.
    cv.rect(29, 3, 36, 6, M_DARK)
    cv.soft(cv.ellipse_m(32.5, 4.5, 3, 1.5), M_CYAN, 2.0, 0.9)
    cv.rect(30, 4, 35, 5, mix(M_CYAN, "#f4f1ea", 0.5))
    cv.rect(44, 36, 48, 48, mix(M_DARK, M_BROWN, 0.3))
    cv.rect(45, 37, 47, 47, M_ROSE)
    cv.rect(14, 38, 20, 42, M_DARK)
    cv.px(16, 40, M_AMB)


def m_console(cv: Canvas, f: int) -> None:
    """Two by two: wall screens (top row) over a desk whose lights blink (bottom row, 3 frames)."""
    cv.soft(cv.ellipse_m(32, 14, 28, 12), M_CYAN, 6.0, 0.22)
    # Screens.
    for (sx0, sx1) in ((3, 33), (35, 61)):
        cv.rect(sx0, 3, sx1, 27, mix(M_DARK, M_BROWN, 0.3))
        cv.hline(sx0, sx1, 3, mix(M_STEEL, "#f4f1ea", 0.2))
        cv.rect(sx0 + 2, 5, sx1 - 2, 25, mix(M_DARK, M_CYAN, 0.12))
    # Left: a waveform.
    prev = None
    for x in range(6, 31):
        y = 15 + 6 * math.sin(x * 0.6) * math.exp(-((x - 18) / 9.0) ** 2)
        if prev:
            cv.line(prev[0], prev[1], x, y, M_CYAN)
        prev = (x, y)
    cv.hline(5, 31, 22, M_CYAN, 0.35)
    # Right: the delay readout as segment bars and an orbit diagram.
    for i, h in enumerate((3, 5, 8, 6, 9, 4)):
        cv.rect(38 + i * 3, 22 - h, 40 + i * 3, 22, M_CYAN, 0.85)
    cv.ring(53, 12, 5, 5, M_CYAN, 0.6)
    cv.ellipse(53, 12, 1.5, 1.5, M_AMB)
    cv.px(57, 9, "#9ad1ff")
    cv.soft(cv.ellipse_m(57.5, 9.5, 1, 1), "#9ad1ff", 1.0, 0.8)
    # Desk (bottom row).
    top = mix(M_RUST, M_ROSE, 0.35)
    cv.rect(1, 62, 63, 64, M_DARK, 0.5)
    cv.rect(2, 46, 62, 62, mix(M_BROWN, M_RUST, 0.3))
    cv.rect(2, 34, 62, 46, top)
    cv.hline(2, 62, 34, mix(M_ROSE, "#f4f1ea", 0.3))
    cv.hline(2, 62, 45, mix(top, M_DARK, 0.4))
    cv.rect(4, 48, 28, 60, mix(M_BROWN, M_DARK, 0.2))
    cv.rect(36, 48, 60, 60, mix(M_BROWN, M_DARK, 0.2))
    # Keyboard and knobs.
    cv.rect(18, 37, 46, 43, mix(M_DARK, M_BROWN, 0.35))
    for y in (38, 40):
        for x in range(19, 45, 2):
            cv.px(x, y, mix(M_ROSE, "#f4f1ea", 0.25))
    for x in (7, 11):
        cv.ellipse(x, 39.5, 1.8, 1.8, M_STEEL)
        cv.px(x, 38, "#f4f1ea")
    # Blinking lights: three patterns.
    patterns = [(1, 0, 1, 1, 0, 1), (0, 1, 1, 0, 1, 0), (1, 1, 0, 1, 0, 0)]
    cols = [M_CYAN, M_AMB, M_CYAN, "#c2408a", M_AMB, M_CYAN]
    for i, (on, c) in enumerate(zip(patterns[f], cols)):
        x = 49 + (i % 3) * 4
        y = 37 + (i // 3) * 4
        cv.rect(x, y, x + 2, y + 2, c if on else mix(c, M_DARK, 0.7))
        if on:
            cv.soft(cv.ellipse_m(x + 1, y + 1, 1.2, 1.2), c, 1.5, 0.6)
    # A mug (warm, human) and the screen light on the desk.
    cv.rect(13, 36, 16, 40, mix(M_AMB, "#f4f1ea", 0.4))
    cv.px(16, 37, mix(M_AMB, "#f4f1ea", 0.4))
    cv.mask(np.clip(1.0 - (cv.ys - 34) / 12, 0, 1) * ((cv.ys >= 34) & (cv.ys < 46)), M_CYAN, 0.10)


def m_terminal(cv: Canvas, f: int) -> None:
    """A small wall terminal (overlay on a wall), its LED and cursor blinking (2 frames)."""
    cv.rect(6, 5, 26, 25, M_DARK)
    cv.rect(7, 6, 25, 24, mix(M_STEEL, M_DARK, 0.3))
    cv.rect(9, 8, 23, 18, mix(M_DARK, M_CYAN, 0.15))
    for y, w in ((10, 10), (12, 7), (14, 9)):
        cv.hline(10, 10 + w, y, M_CYAN, 0.75)
    if f == 0:
        cv.rect(17, 14, 19, 16, M_CYAN)
    c = M_AMB if f == 0 else mix(M_AMB, M_DARK, 0.7)
    cv.rect(10, 20, 12, 22, c)
    if f == 0:
        cv.soft(cv.ellipse_m(11, 21, 1.5, 1.5), M_AMB, 1.5, 0.7)
    cv.rect(15, 20, 22, 22, mix(M_DARK, M_BROWN, 0.4))


def m_locker(cv: Canvas, f: int) -> None:
    """One wide, two tall: a pair of narrow lockers."""
    body = mix(M_STEEL, M_ROSE, 0.15)
    cv.ellipse(16, 62, 14, 2.5, M_DARK, 0.5)
    cv.rect(2, 8, 30, 62, body)
    cv.rect(2, 6, 30, 8, mix(body, "#f4f1ea", 0.3))
    cv.vline(16, 8, 62, mix(body, M_DARK, 0.5))
    cv.vline(29, 8, 62, mix(body, M_DARK, 0.3))
    for x0 in (4, 18):
        for y in range(11, 19, 2):
            cv.hline(x0 + 2, x0 + 9, y, mix(body, M_DARK, 0.45))
        cv.rect(x0 + 2, 22, x0 + 9, 25, mix(M_CYAN, body, 0.5) if x0 == 4 else mix(M_AMB, body, 0.5))
        cv.rect(x0 + 8, 34, x0 + 10, 41, mix(body, M_DARK, 0.55))
        cv.px(x0 + 8, 34, "#f4f1ea")
    cv.rect(2, 58, 30, 62, mix(body, M_DARK, 0.3))


def m_hydro(cv: Canvas, f: int) -> None:
    """One wide, two tall: a hydroponics rack under a warm grow light."""
    leaf = mix("#5a9a5a", M_CYAN, 0.15)
    leaf_dark = mix(leaf, M_DARK, 0.4)
    frame = M_STEEL
    cv.ellipse(16, 62, 14, 2.5, M_DARK, 0.5)
    cv.rect(2, 4, 4, 62, frame)
    cv.rect(28, 4, 30, 62, mix(frame, M_DARK, 0.3))
    for y_light, y_tray in ((6, 28), (34, 56)):
        cv.rect(4, y_light, 28, y_light + 2, mix("#ff9ad1", M_AMB, 0.5))
        m = np.zeros((64, 32), np.float32)
        m[y_light + 2:y_tray, 4:28] = 1
        cv.mask(m * np.clip(1 - (cv.ys - y_light) / 22, 0, 1), "#ffb0c8", 0.18)
        cv.rect(4, y_tray, 28, y_tray + 4, mix(M_RUST, M_DARK, 0.2))
        cv.hline(4, 28, y_tray, mix(M_ROSE, "#f4f1ea", 0.2))
        cv.rect(5, y_tray + 1, 27, y_tray + 2, mix(M_CYAN, M_DARK, 0.5))  # water channel
        for x in range(7, 27, 6):
            cv.ellipse(x, y_tray - 5, 3.5, 4.5, leaf_dark)
            cv.ellipse(x - 0.5, y_tray - 6, 2.5, 3.5, leaf)
            cv.px(x - 1, y_tray - 8, mix(leaf, "#f4f1ea", 0.4))
        if y_tray == 56:
            for x in (8, 20):
                cv.px(x + 1, y_tray - 4, "#e0533a")  # little tomatoes
                cv.px(x - 2, y_tray - 7, "#e0533a")


def m_bunk(cv: Canvas, f: int) -> None:
    """One wide, two tall: a bunk seen from above, head at the top."""
    frame = M_STEEL
    cv.rect(3, 2, 29, 63, M_DARK, 0.5)
    cv.rect(3, 1, 29, 62, frame)
    cv.rect(5, 5, 27, 60, mix(M_ROSE, "#f4f1ea", 0.45))  # mattress
    cv.rect(7, 7, 25, 16, mix("#f4f1ea", M_ROSE, 0.2))  # pillow
    cv.hline(7, 25, 15, mix(M_ROSE, M_DARK, 0.2))
    blanket = mix(M_RUST, "#3a4a78", 0.35)
    cv.rect(5, 22, 27, 60, blanket)
    cv.rect(5, 22, 27, 26, mix(blanket, "#f4f1ea", 0.25))
    cv.rect(5, 44, 27, 47, mix(M_AMB, blanket, 0.4))
    for y in (32, 52):
        cv.hline(6, 26, y, mix(blanket, M_DARK, 0.2))
    cv.rect(3, 1, 29, 4, mix(frame, "#f4f1ea", 0.2))
    cv.rect(20, 9, 24, 13, M_AMB, 0.8)  # a reading light clipped to the head
    cv.soft(cv.ellipse_m(22, 14, 4, 3), M_AMB, 2.0, 0.4)


def m_suit(cv: Canvas, f: int) -> None:
    """One wide, two tall: an EVA suit on its wall rack."""
    cv.ellipse(16, 62, 12, 2.5, M_DARK, 0.5)
    cv.rect(4, 4, 28, 7, M_STEEL)
    cv.vline(16, 7, 10, M_STEEL)
    suit, shade_c = M_SUIT, mix(M_SUIT, M_RUST, 0.4)
    # Helmet.
    cv.ellipse(16, 15, 7, 6.5, suit)
    cv.ellipse(16, 16, 5, 4, mix(M_AMB, "#8a4a2a", 0.35))
    cv.line(13, 16, 15, 14, "#fff2dc", 0.7)
    # Torso, arms, legs.
    cv.rect(8, 22, 24, 42, suit)
    cv.rect(10, 25, 22, 31, mix(M_STEEL, M_DARK, 0.2))  # chest panel
    cv.px(12, 27, M_CYAN)
    cv.px(14, 27, M_AMB)
    cv.rect(4, 23, 8, 40, shade_c)
    cv.rect(24, 23, 28, 40, shade_c)
    cv.rect(4, 40, 8, 43, M_RUST)
    cv.rect(24, 40, 28, 43, M_RUST)
    cv.rect(9, 42, 15, 58, suit)
    cv.rect(17, 42, 23, 58, suit)
    cv.vline(15, 42, 58, shade_c)
    cv.rect(8, 57, 15, 61, M_RUST)
    cv.rect(17, 57, 24, 61, M_RUST)
    cv.rect(8, 38, 24, 41, mix(M_AMB, M_RUST, 0.3))  # belt
    cv.rect(8, 22, 24, 24, mix(suit, "#f4f1ea", 0.3))


def m_crate(cv: Canvas, f: int) -> None:
    body = mix(M_RUST, M_ROSE, 0.3)
    cv.ellipse(16, 29, 14, 3, M_DARK, 0.5)
    cv.rect(3, 13, 29, 29, mix(body, M_DARK, 0.25))
    cv.rect(3, 6, 29, 13, mix(body, "#f4f1ea", 0.1))
    cv.hline(3, 29, 6, mix(body, "#f4f1ea", 0.35))
    for x in (3, 27):
        cv.rect(x, 6, x + 2, 29, mix(M_STEEL, M_DARK, 0.2))
    cv.rect(8, 17, 24, 20, M_AMB, 0.85)  # stencil band
    cv.rect(10, 22, 14, 25, M_DARK, 0.5)
    cv.rect(16, 22, 22, 25, M_DARK, 0.5)


def m_chair(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 29, 9, 2.5, M_DARK, 0.5)
    for x in (9, 16, 23):
        cv.line(16, 22, x, 28, M_STEEL)
    cv.vline(16, 18, 23, M_STEEL)
    cv.ellipse(16, 17, 8, 4, mix(M_RUST, M_DARK, 0.2))
    cv.ellipse(16, 16, 7, 3, mix(M_ROSE, M_RUST, 0.4))
    cv.rect(9, 4, 23, 14, mix(M_RUST, M_DARK, 0.15))  # back rest
    cv.rect(10, 5, 22, 12, mix(M_ROSE, M_RUST, 0.5))


def m_table(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 29, 14, 3, M_DARK, 0.5)
    cv.rect(5, 18, 7, 29, M_STEEL)
    cv.rect(25, 18, 27, 29, M_STEEL)
    cv.rect(2, 8, 30, 18, mix(M_ROSE, "#f4f1ea", 0.2))
    cv.hline(2, 30, 8, mix("#f4f1ea", M_ROSE, 0.2))
    cv.rect(2, 18, 30, 20, mix(M_RUST, M_DARK, 0.2))
    cv.rect(8, 10, 12, 14, M_AMB)  # mug
    cv.rect(16, 10, 25, 16, "#f4f1ea", 0.85)  # a tablet / notes
    cv.rect(17, 11, 24, 15, mix(M_DARK, M_CYAN, 0.3))


def m_tanks(cv: Canvas, f: int) -> None:
    cv.ellipse(16, 29, 13, 3, M_DARK, 0.5)
    for x0, c in ((5, mix(M_CYAN, "#f4f1ea", 0.3)), (17, mix(M_AMB, M_ROSE, 0.3))):
        cv.rect(x0, 8, x0 + 10, 29, c)
        cv.ellipse(x0 + 5, 8, 5, 2.5, mix(c, "#f4f1ea", 0.3))
        cv.vline(x0 + 1, 8, 29, mix(c, "#f4f1ea", 0.35))
        cv.vline(x0 + 9, 8, 29, mix(c, M_DARK, 0.35))
        cv.rect(x0 + 3, 3, x0 + 7, 7, M_STEEL)
        cv.rect(x0, 18, x0 + 10, 20, mix(c, M_DARK, 0.4))


def m_planter(cv: Canvas, f: int) -> None:
    """A floor planter of potatoes and herbs (the habitat's little garden)."""
    leaf = mix("#5a9a5a", M_CYAN, 0.15)
    cv.ellipse(16, 29, 14, 3, M_DARK, 0.5)
    cv.rect(2, 14, 30, 28, mix(M_STEEL, M_DARK, 0.2))
    cv.rect(2, 12, 30, 15, M_STEEL)
    cv.hline(2, 30, 12, mix(M_STEEL, "#f4f1ea", 0.3))
    cv.rect(4, 13, 28, 15, "#5a2e1f")
    for x in range(6, 28, 5):
        cv.ellipse(x, 10, 3, 4, mix(leaf, M_DARK, 0.35))
        cv.ellipse(x - 0.5, 9, 2, 3, leaf)
    cv.rect(5, 20, 27, 23, mix(M_CYAN, M_DARK, 0.4))
    cv.px(26, 21, M_CYAN)


def m_rocks(cv: Canvas, f: int) -> None:
    """Rock samples in labelled trays on a low stand."""
    cv.ellipse(16, 29, 13, 3, M_DARK, 0.5)
    cv.rect(4, 18, 28, 28, mix(M_STEEL, M_DARK, 0.3))
    cv.rect(3, 10, 29, 18, M_STEEL)
    cv.hline(3, 29, 10, mix(M_STEEL, "#f4f1ea", 0.3))
    for i, (x, c) in enumerate(((5, "#9c4a2a"), (13, "#5a2e1f"), (21, "#c96f3b"))):
        cv.rect(x, 11, x + 7, 17, M_DARK, 0.6)
        cv.ellipse(x + 3.5, 13.5, 2.5 + (i % 2) * 0.5, 2, c)
        cv.px(x + 2, 12, mix(c, "#f4f1ea", 0.4))
    cv.rect(8, 21, 24, 23, M_CYAN, 0.5)


def mars() -> Tileset:
    P = Piece
    pieces = [
        P("floor", 1, 1, m_floor, what="metal floor panel"),
        P("floor_b", 1, 1, m_floor_b, what="tread-plate floor panel"),
        P("floor_grate", 1, 1, m_floor_grate, what="floor grate"),
        P("floor_hazard", 1, 1, m_floor_hazard, what="hazard-striped floor"),
        P("floor_cable", 1, 1, m_floor_cable, what="floor with cable run (horizontal)"),
        P("floor_shadow", 1, 1, m_floor_shadow, what="floor at the foot of a wall"),
        P("hatch", 1, 1, m_hatch, what="floor hatch (walkable; put a hotspot on it)"),
        P("screen_spill", 1, 1, m_screen_spill, what="cyan screen light on the floor (overlay)"),
        P("wall_top", 1, 1, m_wall_top, True, what="wall top"),
        P("wall_top_edge", 1, 1, m_wall_top_edge, True, what="wall top edge above a wall face"),
        P("wall", 1, 1, m_wall, True, what="padded wall face (upper row)"),
        P("wall_base", 1, 1, m_wall_base, True, what="wall face with kick plate (bottom row)"),
        P("wall_pipes", 1, 1, m_wall_pipes, True, what="wall with pipes (upper row)"),
        P("wall_light", 1, 1, m_wall_light, True, what="wall with warm light strip (upper row)"),
        P("wall_vent", 1, 1, m_wall_vent, True, what="wall vent"),
        P("wall_sign", 1, 1, m_wall_sign, True, what="wall label screen and warning sign"),
        P("window", 2, 2, m_window, True, what="viewport onto the desert, 2x2 (both wall rows)"),
        P("airlock", 2, 2, m_airlock, True, what="airlock door, 2x2 (both wall rows)"),
        P("console", 2, 2, m_console, True, frames=[500, 500, 500], what="comms console, 2x2, lights blink"),
        P("locker", 1, 2, m_locker, True, what="lockers, 2 tall"),
        P("hydro", 1, 2, m_hydro, True, what="hydroponics rack, 2 tall"),
        P("terminal", 1, 1, m_terminal, False, frames=[700, 500], what="wall terminal overlay, blinks"),
        P("bunk", 1, 2, m_bunk, True, what="bunk, 2 tall (head at top)"),
        P("suit", 1, 2, m_suit, [[False], [True]], what="EVA suit on rack, 2 tall"),
        P("crate", 1, 1, m_crate, True, what="supply crate"),
        P("chair", 1, 1, m_chair, True, what="chair"),
        P("table", 1, 1, m_table, True, what="table with mug and tablet"),
        P("tanks", 1, 1, m_tanks, True, what="gas tanks"),
        P("lamp_pool", 2, 2, m_lamp_pool, False, what="warm light pool overlay, 2x2"),
        P("planter", 1, 1, m_planter, True, what="floor planter"),
        P("rocks", 1, 1, m_rocks, True, what="rock sample stand"),
        P("wall_photo", 1, 1, m_wall_photo, True, what="wall with a photo from home"),
    ]
    layout = [
        ["floor", "floor_b", "floor_grate", "floor_hazard", "floor_cable", "floor_shadow", "hatch", "screen_spill"],
        ["wall_top", "wall_top_edge", "wall", "wall_base", "wall_pipes", "wall_light", "wall_vent", "wall_sign"],
        ["window.0,0", "window.1,0", "airlock.0,0", "airlock.1,0", "console.0,0", "console.1,0", "locker.0,0", "hydro.0,0"],
        ["window.0,1", "window.1,1", "airlock.0,1", "airlock.1,1", "console.0,1", "console.1,1", "locker.0,1", "hydro.0,1"],
        ["console.1,1@1", "console.1,1@2", "terminal", "terminal@1", "wall_photo", "rocks", "bunk.0,0", "suit.0,0"],
        ["crate", "chair", "table", "tanks", "lamp_pool.0,0", "lamp_pool.1,0", "bunk.0,1", "suit.0,1"],
        ["planter", None, None, None, "lamp_pool.0,1", "lamp_pool.1,1", None, None],
    ]
    return Tileset("mars", {p.name: p for p in pieces}, layout)



# =========================================================================== walking sprites

FRAME_W, FRAME_H = 32, 48
DIRECTIONS = ["down", "left", "right", "up"]


@dataclass
class Look:
    skin: str
    skin_shade: str
    hair: str
    hair_light: str
    hair_shade: str
    top: str
    top_shade: str
    rim: str
    legs: str
    shoes: str
    style: str  # hair style: bob, shaggy, undercut
    accent: str = "#f4f1ea"
    inner: str | None = None  # T-shirt showing under an open cardigan


LOOKS = {
    "nanyoung": Look(skin="#f1c9a5", skin_shade="#cf9c80", hair="#1f2136", hair_light="#3a4a78", hair_shade="#12131f",
                     top="#5d7190", top_shade="#3a4a78", rim="#cfe9ff", legs="#252a42", shoes="#dcd8d0",
                     style="bob", accent="#9ad1ff"),
    "jay": Look(skin="#e6b690", skin_shade="#bf8a68", hair="#3b2618", hair_light="#7a4a2a", hair_shade="#221510",
                top="#d08a4a", top_shade="#6b3f2a", rim="#ffe0b0", legs="#2f3752", shoes="#5a3a2a",
                style="shaggy", accent="#2a2a33", inner="#f4e3c3"),
    "minsu": Look(skin="#e8bd98", skin_shade="#c38f6d", hair="#efe0ae", hair_light="#fff5d6", hair_shade="#bba36a",
                  top="#262633", top_shade="#14141d", rim="#e37ab0", legs="#1c1c26", shoes="#e6e2da",
                  style="undercut", accent="#c2408a"),
}


def limb(cv: Canvas, x0: float, y0: float, x1: float, y1: float, width: float, colour, shade=None) -> None:
    """A straight limb from (x0, y0) to (x1, y1), ``width`` px wide, drawn row by row."""
    m = np.zeros((cv.h, cv.w), np.float32)
    sm = np.zeros_like(m)
    for y in range(int(round(y0)), int(round(y1))):
        t = (y + 0.5 - y0) / max(y1 - y0, 1e-6)
        cx = x0 + (x1 - x0) * t
        a = int(round(cx - width / 2.0))
        b = a + int(round(width))
        if 0 <= y < cv.h:
            m[y, max(a, 0):max(min(b, cv.w), 0)] = 1
            if shade is not None and b - 1 >= 0:
                sm[y, b - 1] = 1
    cv.mask(m, colour)
    if shade is not None:
        cv.mask(sm, shade)


def shaded_mask(cv: Canvas, m: np.ndarray, base, shade_c, rim, rim_a: float = 0.55, side: int = 1) -> None:
    """Paint a part with a shadow band on the far side and a 1 px rim light on the lit side."""
    cv.mask(m, base)
    if side >= 0:
        far = m * (1 - np.roll(m, -2, axis=1))
        lit = m * (1 - np.roll(m, 1, axis=1))
    else:
        far = m * (1 - np.roll(m, 2, axis=1))
        lit = m * (1 - np.roll(m, -1, axis=1))
    cv.mask(far, shade_c, 0.9)
    cv.mask(lit, rim, rim_a)


def outline(cv: Canvas) -> None:
    """A 1 px outline in a deep shade of whatever it borders (selective outline)."""
    solid = (cv.a > 0.5).astype(np.float32)
    acc = np.zeros_like(cv.c)
    cnt = np.zeros_like(cv.a)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        sh = np.roll(np.roll(solid, dy, axis=0), dx, axis=1)
        shc = np.roll(np.roll(cv.c, dy, axis=0), dx, axis=1)
        acc += shc * sh[..., None]
        cnt += sh
    edge = (cnt > 0) & (solid == 0)
    neigh = acc / np.maximum(cnt, 1)[..., None]
    colour = neigh * 0.28 + rgb("#0b0d1a")[None, None] * 0.72
    m = edge.astype(np.float32)
    cv.mask(m, colour)


def head(cv: Canvas, look: Look, d: str, oy: int) -> None:
    cx, cy = 16.0, 14.5 + oy
    hair_m = np.zeros((cv.h, cv.w), np.float32)
    xs, ys = cv.xs - 0.5, cv.ys - 0.5  # integer pixel coordinates
    skull = cv.ellipse_m(cx, cy, 8.2, 8.0)
    side = d in ("left", "right")
    # Face / skin.
    if d == "down":
        face = cv.ellipse_m(cx, cy + 1.5, 6.6, 6.6)
    elif side:
        face = cv.ellipse_m(cx - 2.5, cy + 1.5, 5.8, 6.6)
    else:
        face = np.zeros_like(skull)
    neck = ((xs >= 14) & (xs <= 17) & (ys >= cy + 6) & (ys <= cy + 9)).astype(np.float32)
    cv.mask(neck, look.skin_shade)
    shaded_mask(cv, np.clip(skull, 0, 1), look.skin, look.skin_shade, "#ffffff", 0.0)
    # Hair per style.
    st = look.style
    if st == "bob":
        volume = cv.ellipse_m(cx, cy - 0.5, 9.0, 8.6)
        bottom = cy + 6.5
        hair_m = volume * (ys <= bottom)
        if d == "down":
            fringe = cy - 2.5 + 0.6 * np.sin(xs * 1.3)
            cut = face * (ys > fringe) * (np.abs(xs - cx + 0.5) < 5.6)
            hair_m = hair_m * (1 - cut)
            hair_m = np.maximum(hair_m, ((xs >= 7) & (xs <= 9) & (ys > cy) & (ys <= cy + 8)).astype(np.float32))
        elif side:
            cut = face * (ys > cy - 2.5) * (xs < cx + 1)
            hair_m = hair_m * (1 - cut)
            hair_m = np.maximum(hair_m, ((xs >= cx + 1) & (xs <= cx + 8) & (ys > cy) & (ys <= cy + 7)).astype(np.float32) * volume)
        else:
            hair_m = np.maximum(hair_m, ((xs >= 8) & (xs <= 23) & (ys > cy) & (ys <= cy + 6.5)).astype(np.float32) * volume)
    elif st == "shaggy":
        # Tufty outline: the radius wobbles with the angle, and the ends hang to the jaw in points.
        dxn, dyn = (cv.xs - cx) / 9.8, (cv.ys - (cy - 0.6)) / 9.0
        theta = np.arctan2(dyn, dxn)
        volume = (np.hypot(dxn, dyn) <= 1.0 + 0.07 * np.sin(9 * theta) + 0.04 * np.sin(13 * theta + 1.0)).astype(np.float32)
        jag = (cy + 6.5 + 1.4 * ((xs.astype(int) % 3) == 0) - 1.0 * ((xs.astype(int) % 4) == 1))
        hair_m = volume * (ys <= jag)
        if d == "down":
            fringe = cy - 1.8 + 1.6 * (((xs.astype(int) + 1) % 3) == 0) - 0.6 * ((xs.astype(int) % 5) == 2)
            cut = face * (ys > fringe) * (np.abs(xs - cx + 0.5) < 5.4)
            hair_m = hair_m * (1 - cut)
        elif side:
            fringe = cy - 1.8 + 1.5 * (((xs.astype(int) + 1) % 3) == 0)
            cut = face * (ys > fringe) * (xs < cx + 0.5)
            hair_m = hair_m * (1 - cut)
        # A few strands poking out on top.
        for px_, py_ in ((cx - 4, cy - 9), (cx + 2, cy - 9.5), (cx + 6, cy - 7)):
            hair_m[int(py_), int(px_)] = 1
    elif st == "undercut":
        top = cv.ellipse_m(cx + (0.8 if d == "down" else 0), cy - 2.5, 9.0, 7.2) * (ys <= cy - 1.5)
        shaved = skull * (ys > cy - 2.5) * (ys <= cy + 3)
        if d == "down":
            shaved = shaved * (1 - face)
            sweep = face * (ys <= cy - 1.5 + (xs - cx) * -0.25) * (ys > cy - 5)
            top = np.maximum(top, sweep)
        elif side:
            shaved = shaved * (xs > cx + 0.5)
            top = top * (1 - face * (ys > cy - 2.5))
        else:
            shaved = skull * (ys > cy - 1.5)
        cv.mask(shaved, mix(look.skin_shade, "#3b3540", 0.55))
        if side:
            cv.rect(int(cx + 1), int(cy + 1), int(cx + 3), int(cy + 3), look.skin_shade)  # ear
        hair_m = top
    hair_m = np.clip(hair_m, 0, 1)
    cv.mask(hair_m, look.hair)
    # Hair shading: dark at the bottom edge and far side, a sheen band across the crown.
    below = hair_m * (1 - np.roll(hair_m, -1, axis=0))
    cv.mask(below, look.hair_shade, 0.9)
    far = hair_m * (1 - np.roll(hair_m, -2, axis=1))
    cv.mask(far, look.hair_shade, 0.7)
    # A short curved shine on the crown (not a band, which would read as a headband).
    off = np.abs(xs - cx + 1.5)
    arc_y = cy - 5.5 + (off >= 2.5) * 1.0
    sheen = hair_m * (np.abs(ys - arc_y) < 0.6) * (off < 4.0)
    cv.mask(sheen, look.hair_light, 0.9 if d != "up" else 0.6)
    if d != "up":
        cv.mask(hair_m * (1 - np.roll(hair_m, 1, axis=1)), look.rim, 0.45)
    # Face details.
    ey = int(cy + 1.5)
    if d == "down":
        for ex in (int(cx - 4), int(cx + 3)):
            cv.rect(ex, ey, ex + 1, ey + 2, "#1b1a2a")
            cv.px(ex, ey, mix("#1b1a2a", look.rim, 0.25))
        cv.px(int(cx - 5), ey + 3, "#e08a8a", 0.35)
        cv.px(int(cx + 4), ey + 3, "#e08a8a", 0.35)
        cv.px(int(cx - 0.5), ey + 4, look.skin_shade)
    elif side:
        ex = int(cx - 6)
        cv.rect(ex, ey, ex + 1, ey + 2, "#1b1a2a")
        cv.px(ex - 1, ey + 3, "#e08a8a", 0.3)
    # Accessories.
    if st == "bob" and d == "down":
        cv.rect(8, int(cy - 1), 10, int(cy), look.accent)  # the clip on her side lock


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
    cv.mask(body * (cv.ys > cy + 4.5), shell_shade, 0.55)
    # Antenna and side discs.
    cv.vline(int(cx), int(cy - 12), int(cy - 7), shell_shade)
    tip = "#6fe3e1" if f in (0, 1) else "#c8fbf9"
    cv.rect(int(cx) - 1, int(cy - 13), int(cx) + 1, int(cy - 11), tip)
    if d in ("down", "up"):
        for x in (6, 24):
            cv.rect(x, int(cy - 2), x + 2, int(cy + 3), shell_shade)
    side = d in ("left", "right")
    if d == "down":
        scr = ((np.abs(cv.xs - cx) < 6) & (np.abs(cv.ys - (cy + 0.5)) < 4)).astype(np.float32)
        scr *= cv.ellipse_m(cx, cy + 0.5, 7.2, 5.5)
        cv.mask(scr, "#2a7f86")
        cv.mask(scr * (1 - np.roll(scr, -1, axis=0)), "#6fe3e1", 0.5)
        for ex in (int(cx - 3), int(cx + 2)):
            cv.rect(ex, int(cy - 1), ex + 1, int(cy + 2), "#dffcfb")
        cv.hline(int(cx - 1), int(cx + 1), int(cy + 2), "#9ff3f0")
    elif side:
        scr = cv.ellipse_m(cx - 4.0, cy + 0.5, 3.8, 4.5) * body
        cv.mask(scr, "#2a7f86")
        cv.rect(int(cx - 6), int(cy - 1), int(cx - 5), int(cy + 2), "#dffcfb")
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


# =========================================================================== registry

TILESETS: dict[str, Callable[[], Tileset]] = {"seoul": seoul, "shop": shop, "mars": mars}
SPRITES: dict[str, Callable[[], Image.Image]] = {
    "nanyoung": human_sheet("nanyoung"),
    "jay": human_sheet("jay"),
    "minsu": human_sheet("minsu"),
    "dori": lambda: sprite_sheet(dori_frame, hover=True),
}


def listing(assets: Path) -> list[Made]:
    out = []
    for name, make in TILESETS.items():
        out.append(Made(assets / "images" / "tiles" / f"{name}.png", f"{name} map tileset, 32x32 tiles", script=SCRIPT))
        out.append(Made(assets / "maps" / f"{name}.tsx", f"Tiled tileset for {name}.png", script=SCRIPT))
    for name in SPRITES:
        out.append(Made(assets / "images" / "sprites" / f"{name}.png", f"{name} walking sprite sheet, 32x48 frames",
                        script=SCRIPT))
    return out


def generate(assets: Path) -> list[Made]:
    for name, make in TILESETS.items():
        ts = make()
        image, ids = ts.render(f"tiles:{name}")
        save_png(image, assets / "images" / "tiles" / f"{name}.png")
        tsx_path = assets / "maps" / f"{name}.tsx"
        tsx_path.parent.mkdir(parents=True, exist_ok=True)
        tsx_path.write_text(ts.tsx(ids, image.width, image.height), encoding="utf-8")
    for name, draw in SPRITES.items():
        save_png(draw(), assets / "images" / "sprites" / f"{name}.png")
    return listing(assets)
