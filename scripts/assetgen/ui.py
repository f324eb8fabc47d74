"""Interface pictures: night-glass panels, pills, the phone frame, cursor, line icons and the logos.

Everything is drawn from signed distance fields (numpy), so edges are anti-aliased analytically and
the output is byte-identical on every run.  Pieces the game tints (name plate, focus glow, icons,
cursor) are kept white or near-white; everything else follows docs/art-direction.md ("The
interface"): panels #0b0d1a at 82 %, a 1 px inner border #f4f1ea at 18 %, radius 14 px.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .common import Made, hex_rgb, save_png

SCRIPT = "scripts/assetgen/ui.py"

NIGHT = "#0b0d1a"
PAPER = "#f4f1ea"
BLUE = "#9ad1ff"
AMBER = "#ffc27a"
PANEL_ALPHA = 0.82
BORDER_ALPHA = 0.18
RADIUS = 14

# (file, what) in the order they are written.
FILES = [
    ("textbox.png", "dialogue box, night glass 1180x200"),
    ("nameplate.png", "speaker name plate tab, white for tinting"),
    ("button.png", "menu button glass pill"),
    ("button_focus.png", "menu button, focused (white glow for tinting)"),
    ("choice.png", "choice glass pill"),
    ("choice_focus.png", "choice pill, focused (white glow for tinting)"),
    ("panel.png", "generic glass panel for 16 px 9-slicing"),
    ("phone.png", "phone message-screen frame for the Mars messages"),
    ("cursor.png", "four-point star cursor, hotspot at centre"),
    ("icon_save.png", "line icon: save"),
    ("icon_load.png", "line icon: load"),
    ("icon_settings.png", "line icon: settings"),
    ("icon_history.png", "line icon: history"),
    ("icon_auto.png", "line icon: auto-advance"),
    ("icon_skip.png", "line icon: skip"),
    ("icon_lock.png", "line icon: lock"),
    ("icon_message.png", "line icon: message"),
    ("icon_back.png", "line icon: back"),
    ("logo_en.png", "title lettering (English), Nanum font with glow"),
    ("logo_ko.png", "title lettering (Korean), Nanum font with glow"),
]


# --------------------------------------------------------------------------- layers and fields


class Layer:
    """A straight-alpha RGBA float canvas with Porter-Duff 'over' painting."""

    def __init__(self, width: int, height: int) -> None:
        self.w, self.h = width, height
        self.rgb = np.zeros((height, width, 3), np.float32)
        self.a = np.zeros((height, width), np.float32)

    def paint(self, colour, alpha: np.ndarray | float) -> None:
        """Paint ``colour`` (hex, rgb tuple 0..1, or HxWx3 array) with per-pixel coverage*alpha."""
        if isinstance(colour, str):
            colour = np.array(hex_rgb(colour), np.float32) / 255.0
        src_a = np.clip(np.broadcast_to(np.asarray(alpha, np.float32), self.a.shape), 0.0, 1.0)
        out_a = src_a + self.a * (1.0 - src_a)
        safe = np.where(out_a > 1e-6, out_a, 1.0)
        src_rgb = np.broadcast_to(np.asarray(colour, np.float32), self.rgb.shape)
        self.rgb = (src_rgb * src_a[..., None] + self.rgb * (self.a * (1.0 - src_a))[..., None]) / safe[..., None]
        self.a = out_a

    def under(self, colour, alpha: np.ndarray) -> None:
        """Paint beneath what is already there (used for outer glows)."""
        top_rgb, top_a = self.rgb, self.a
        self.rgb = np.zeros_like(top_rgb)
        self.a = np.zeros_like(top_a)
        self.paint(colour, alpha)
        self.paint(top_rgb, top_a)

    def image(self) -> Image.Image:
        rgba = np.concatenate([self.rgb, self.a[..., None]], axis=-1)
        data = (np.clip(rgba, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        data[..., :3][data[..., 3] == 0] = 0
        return Image.fromarray(data, "RGBA")


def grid(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    return xs + 0.5, ys + 0.5


def sd_round_box(xs, ys, x0, y0, x1, y1, r) -> np.ndarray:
    """Signed distance to a rounded box (negative inside)."""
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    hx, hy = (x1 - x0) / 2.0 - r, (y1 - y0) / 2.0 - r
    qx = np.abs(xs - cx) - hx
    qy = np.abs(ys - cy) - hy
    outside = np.hypot(np.maximum(qx, 0.0), np.maximum(qy, 0.0))
    inside = np.minimum(np.maximum(qx, qy), 0.0)
    return outside + inside - r


def sd_round_box_tab(xs, ys, x0, y0, x1, y1, r_top, r_bottom) -> np.ndarray:
    """Rounded box with different top and bottom radii."""
    top = sd_round_box(xs, ys, x0, y0, x1, y1, r_top)
    bottom = sd_round_box(xs, ys, x0, y0, x1, y1, r_bottom)
    mid = (y0 + y1) / 2.0
    return np.where(ys < mid, top, bottom)


def fill(d: np.ndarray) -> np.ndarray:
    """Coverage of the inside of a signed distance field."""
    return np.clip(0.5 - d, 0.0, 1.0)


def band(d: np.ndarray, inner: float, outer: float) -> np.ndarray:
    """Coverage of the band where inner < d < outer (e.g. -1..0 is a 1 px inner border)."""
    return np.clip(0.5 - (d - outer), 0.0, 1.0) * np.clip(0.5 + (d - inner), 0.0, 1.0)


def glow_from(d: np.ndarray, width: float) -> np.ndarray:
    """A soft outer falloff outside the shape (1 at the edge, 0 far away)."""
    outside = np.maximum(d, 0.0)
    return np.exp(-((outside / width) ** 2) * 2.0) * np.clip(d + 0.5, 0.0, 1.0)


def vertical(height: int, stops: list[tuple[float, float]]) -> np.ndarray:
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    return np.interp(ys, [p for p, _ in stops], [v for _, v in stops]).astype(np.float32)[:, None]


def mix(a: str, b: str, t: float) -> tuple[float, float, float]:
    ca, cb = np.array(hex_rgb(a)) / 255.0, np.array(hex_rgb(b)) / 255.0
    return tuple((ca * (1 - t) + cb * t).tolist())


# --------------------------------------------------------------------------- glass pieces


def glass(width: int, height: int, inset: float, radius: float, alpha: float = PANEL_ALPHA,
          highlight: float = 0.07, border: float = BORDER_ALPHA, focus: bool = False) -> Layer:
    """The night-glass panel: fill, a faint cool top sheen, a top highlight line, 1 px inner border."""
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    d = sd_round_box(xs, ys, inset, inset, width - inset, height - inset, radius)
    inside = fill(d)
    # Body: #0b0d1a, a touch lighter and bluer towards the top (glass catching the sky).
    tone = vertical(height, [(0.0, 1.0), (0.55, 0.0), (1.0, 0.0)])
    top_tint = np.array(mix(NIGHT, "#1b2340", 1.0), np.float32)
    base = np.array(hex_rgb(NIGHT), np.float32) / 255.0
    body = base[None, None, :] * (1 - 0.55 * tone[..., None]) + top_tint[None, None, :] * (0.55 * tone[..., None])
    body = np.broadcast_to(body, (height, width, 3))
    layer.paint(body, inside * alpha)
    if focus:
        # Focus lifts the glass slightly and lights it from inside at the rim.
        inner_glow = np.exp(-np.maximum(-d, 0.0) / 7.0) * inside
        layer.paint(PAPER, inner_glow * 0.16)
    # A very subtle top highlight: a soft sheen over the upper band, fading down.
    span = max(10.0, min(36.0, (height - 2 * inset) * 0.3))
    sheen = np.clip(1.0 - (ys - inset) / span, 0.0, 1.0) ** 2
    layer.paint(PAPER, inside * sheen * highlight)
    # A brighter hairline along the top inner edge only (light from above), fading at the corners.
    top_line = band(d, -2.0, -1.0) * np.clip(1.0 - (ys - inset - 1.0) / (radius * 0.6 + 1.0), 0.0, 1.0)
    edge_fade = np.clip(np.minimum(xs - inset, width - inset - xs) / (radius * 2.5), 0.0, 1.0)
    layer.paint(PAPER, top_line * edge_fade * (0.10 if not focus else 0.22))
    # 1 px inner border.
    layer.paint(PAPER, band(d, -1.0, 0.0) * (border if not focus else 0.55))
    return layer


def pill(width: int, height: int, inset: float, focus: bool) -> Layer:
    radius = (height - 2 * inset) / 2.0
    layer = glass(width, height, inset, radius, alpha=0.78 if not focus else 0.84,
                  highlight=0.06 if not focus else 0.10, focus=focus)
    if focus:
        xs, ys = grid(width, height)
        d = sd_round_box(xs, ys, inset, inset, width - inset, height - inset, radius)
        halo = glow_from(d, inset * 0.62)
        layer.under(PAPER, halo * 0.55)
    return layer


def nameplate(width: int = 260, height: int = 44) -> Layer:
    """A light tab; the game multiplies it by the speaker's colour.  Neutral white to light grey."""
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    d = sd_round_box_tab(xs, ys, 0, 0, width, height, 14, 5)
    shade = vertical(height, [(0.0, 1.0), (0.5, 0.955), (1.0, 0.90)])
    body = np.repeat(np.broadcast_to(shade, (height, width))[..., None], 3, axis=2)
    layer.paint(body, fill(d))
    # Soft inner top light and a slightly darker rim so the tab keeps its shape when tinted.
    sheen = np.clip(1.0 - ys / 9.0, 0.0, 1.0) ** 2 * fill(d)
    layer.paint((1.0, 1.0, 1.0), sheen * 0.6)
    layer.paint((0.70, 0.70, 0.72), band(d, -1.0, 0.0) * 0.55)
    return layer


def phone(width: int = 420, height: int = 720) -> Layer:
    xs, ys = grid(width, height)
    layer = Layer(width, height)
    # Side buttons peeking out of the body.
    buttons = np.minimum.reduce([
        sd_round_box(xs, ys, 2, 150, 12, 196, 2),
        sd_round_box(xs, ys, 2, 210, 12, 256, 2),
        sd_round_box(xs, ys, width - 12, 186, width - 2, 262, 2),
    ])
    layer.paint("#232a45", fill(buttons))
    # Device body: deep navy metal with a lighter rim and a cool sheen on its upper edge.
    body = sd_round_box(xs, ys, 6, 0, width - 6, height, 54)
    shade = vertical(height, [(0.0, 0.0), (1.0, 1.0)])
    body_rgb = (np.array(mix("#1f2745", NIGHT, 0.0), np.float32)[None, None] * (1 - shade[..., None])
                + np.array(mix("#1b2340", NIGHT, 0.55), np.float32)[None, None] * shade[..., None])
    layer.paint(np.broadcast_to(body_rgb, (height, width, 3)), fill(body))
    layer.paint("#5b6c9a", band(body, -1.0, 0.0) * 0.85)
    layer.paint("#3a4a78", band(body, -3.0, -1.0) * 0.55)
    # Bezel and screen.
    sx0, sy0, sx1, sy1 = 20, 16, width - 20, height - 16
    bezel = sd_round_box(xs, ys, sx0 - 4, sy0 - 4, sx1 + 4, sy1 + 4, 44)
    layer.paint(NIGHT, fill(bezel))
    screen = sd_round_box(xs, ys, sx0, sy0, sx1, sy1, 40)
    inside = fill(screen)
    # Clear the screen to dark glass (slightly translucent so the game's scene shows faintly).
    glass_rgb = vertical(height, [(0.0, 0.0), (0.35, 0.25), (1.0, 1.0)])
    top = np.array(mix("#141a33", NIGHT, 0.0), np.float32)
    bottom = np.array(hex_rgb(NIGHT), np.float32) / 255.0
    screen_rgb = top[None, None] * (1 - glass_rgb[..., None]) + bottom[None, None] * glass_rgb[..., None]
    # Replace (not blend) the screen area so it can be translucent.
    screen_alpha = 0.93
    layer.rgb = layer.rgb * (1 - inside[..., None]) + np.broadcast_to(screen_rgb, layer.rgb.shape) * inside[..., None]
    layer.a = layer.a * (1 - inside) + screen_alpha * inside
    # A faint diagonal reflection across the upper screen.
    streak = np.clip(1.0 - np.abs((xs * 0.55 + ys) - 250.0) / 90.0, 0.0, 1.0) ** 2
    layer.paint(PAPER, streak * inside * 0.035)
    layer.paint(PAPER, band(screen, -1.0, 0.0) * 0.14)
    # Status bar: signal bars, a camera pill, battery; a hairline underneath.
    bar_y = sy0 + 26.0
    shapes_on = []
    for i in range(4):
        h = 4.0 + i * 3.0
        x = sx0 + 30 + i * 7
        shapes_on.append((sd_round_box(xs, ys, x, bar_y + 6 - h, x + 4, bar_y + 6, 1.0), 0.85 if i < 3 else 0.30))
    # Small dots after the bars (a "carrier" placeholder drawn as dots, no text).
    for i in range(3):
        cx = sx0 + 66 + i * 9
        dd = np.hypot(xs - cx, ys - (bar_y + 2)) - 2.2
        shapes_on.append((dd, 0.55))
    camera = sd_round_box(xs, ys, width / 2 - 46, sy0 + 10, width / 2 + 46, sy0 + 34, 12)
    lens = np.hypot(xs - (width / 2 + 28), ys - (sy0 + 22)) - 5.0
    battery = sd_round_box(xs, ys, sx1 - 58, bar_y - 5, sx1 - 32, bar_y + 7, 3.0)
    battery_cap = sd_round_box(xs, ys, sx1 - 32, bar_y - 1.5, sx1 - 29, bar_y + 3.5, 1.0)
    charge = sd_round_box(xs, ys, sx1 - 55.5, bar_y - 2.5, sx1 - 43, bar_y + 4.5, 1.5)
    for dshape, alpha in shapes_on:
        layer.paint(PAPER, fill(dshape) * alpha)
    layer.paint(PAPER, band(battery, -1.5, 0.0) * 0.7)
    layer.paint(PAPER, fill(battery_cap) * 0.7)
    layer.paint(BLUE, fill(charge) * 0.85)
    layer.paint("#05060d", fill(camera))
    layer.paint("#1b2340", fill(lens))
    layer.paint("#3a4a78", band(lens, -1.2, 0.0) * 0.9)
    # A small signal-arc glyph beside the battery (the Mars link indicator).
    cx, cy = sx1 - 78.0, bar_y + 5.0
    rr = np.hypot(xs - cx, ys - cy)
    ang = np.arctan2(-(ys - cy), xs - cx)
    wedge = (np.abs(ang - math.pi / 2) < 0.75).astype(np.float32)
    for r in (4.0, 8.0):
        layer.paint(BLUE, np.clip(1.0 - np.abs(rr - r) / 0.9, 0.0, 1.0) * wedge * 0.9)
    layer.paint(BLUE, fill(rr - 1.6) * 0.9)
    line_y = sy0 + 48.0
    hair = np.clip(1.0 - np.abs(ys - line_y), 0.0, 1.0) * inside
    hair *= np.clip(np.minimum(xs - sx0, sx1 - xs) / 40.0, 0.0, 1.0)
    layer.paint(PAPER, hair * 0.16)
    # Home indicator at the bottom.
    home = sd_round_box(xs, ys, width / 2 - 60, sy1 - 16, width / 2 + 60, sy1 - 11, 2.5)
    layer.paint(PAPER, fill(home) * 0.55)
    return layer


def cursor(size: int = 32) -> Layer:
    xs, ys = grid(size, size)
    c = size / 2.0
    dx, dy = np.abs(xs - c), np.abs(ys - c)
    # Four-point star: |x|^p + |y|^p <= R^p with p < 1 gives concave sides.
    p, radius = 0.55, 10.5
    level = (dx / radius) ** p + (dy / radius) ** p
    # Approximate distance: scale the level-set error by the local gradient for anti-aliasing.
    eps = 1e-3
    gx = ((dx + eps) / radius) ** p + (dy / radius) ** p - level
    gy = (dx / radius) ** p + ((dy + eps) / radius) ** p - level
    grad = np.hypot(gx, gy) / eps
    d = (level - 1.0) / np.maximum(grad, 1e-3)
    star = fill(d)
    core = fill(np.hypot(xs - c, ys - c) - 2.6)
    halo = np.exp(-((xs - c) ** 2 + (ys - c) ** 2) / (2 * 5.5 ** 2))
    layer = Layer(size, size)
    layer.paint((1.0, 1.0, 1.0), halo * 0.45)
    # A darker hairline rim so the star reads on light scenes too.
    layer.paint("#1b2340", band(d, 0.0, 1.1) * 0.45)
    layer.paint(PAPER, star)
    layer.paint((1.0, 1.0, 1.0), core)
    return layer


# --------------------------------------------------------------------------- icons


def seg(xs, ys, a, b) -> np.ndarray:
    ax, ay = a
    bx, by = b
    px, py = xs - ax, ys - ay
    vx, vy = bx - ax, by - ay
    t = np.clip((px * vx + py * vy) / max(vx * vx + vy * vy, 1e-9), 0.0, 1.0)
    return np.hypot(px - t * vx, py - t * vy)


def poly(xs, ys, points, closed=False) -> np.ndarray:
    pts = list(points) + ([points[0]] if closed else [])
    return np.minimum.reduce([seg(xs, ys, pts[i], pts[i + 1]) for i in range(len(pts) - 1)])


def arc(xs, ys, centre, r, a0, a1) -> np.ndarray:
    """Distance to a circular arc from angle a0 to a1 (radians, counter-clockwise, y up)."""
    cx, cy = centre
    ang = np.arctan2(-(ys - cy), xs - cx)
    span = (a1 - a0) % (2 * math.pi) or 2 * math.pi
    rel = (ang - a0) % (2 * math.pi)
    on = rel <= span
    ring = np.abs(np.hypot(xs - cx, ys - cy) - r)
    p0 = (cx + r * math.cos(a0), cy - r * math.sin(a0))
    p1 = (cx + r * math.cos(a0 + span), cy - r * math.sin(a0 + span))
    ends = np.minimum(np.hypot(xs - p0[0], ys - p0[1]), np.hypot(xs - p1[0], ys - p1[1]))
    return np.where(on, ring, ends)


def ring(xs, ys, centre, r) -> np.ndarray:
    return np.abs(np.hypot(xs - centre[0], ys - centre[1]) - r)


def box_outline(xs, ys, x0, y0, x1, y1, r) -> np.ndarray:
    return np.abs(sd_round_box(xs, ys, x0, y0, x1, y1, r))


STROKE = 2.3  # line width in px at 48x48


def icon_layer(dist: np.ndarray, dots: np.ndarray | None = None) -> Layer:
    """Coverage of a stroke of width STROKE around the distance field (round caps come for free)."""
    cov = np.clip(STROKE / 2.0 + 0.5 - dist, 0.0, 1.0)
    if dots is not None:
        cov = np.maximum(cov, fill(dots))
    layer = Layer(48, 48)
    layer.paint(PAPER, cov)
    return layer


def icon(name: str) -> Layer:
    xs, ys = grid(48, 48)
    dots = None
    if name == "icon_save":
        # Down arrow into a tray.
        d = np.minimum.reduce([
            seg(xs, ys, (24, 8), (24, 29)),
            poly(xs, ys, [(15.5, 21), (24, 29.5), (32.5, 21)]),
            poly(xs, ys, [(9, 27), (9, 38), (39, 38), (39, 27)]),
        ])
    elif name == "icon_load":
        # Up arrow out of a tray.
        d = np.minimum.reduce([
            seg(xs, ys, (24, 30), (24, 9)),
            poly(xs, ys, [(15.5, 17.5), (24, 9), (32.5, 17.5)]),
            poly(xs, ys, [(9, 27), (9, 38), (39, 38), (39, 27)]),
        ])
    elif name == "icon_settings":
        # Gear: an outline of eight trapezoid teeth around a ring, and a hole in the middle.
        c, teeth, r_in, r_out = 24.0, 8, 12.2, 16.6
        pts = []
        for k in range(teeth):
            a = 2 * math.pi * k / teeth
            for da, r in ((-0.30, r_in), (-0.19, r_out), (0.19, r_out), (0.30, r_in)):
                pts.append((c + r * math.cos(a + da), c + r * math.sin(a + da)))
        d = np.minimum(poly(xs, ys, pts, closed=True), ring(xs, ys, (c, c), 5.4))
    elif name == "icon_history":
        # A clock face whose rim is an arrow turning back (counter-clockwise).
        c, r = (24.0, 25.0), 14.0
        a_end = math.radians(152)
        tip = (c[0] + r * math.cos(a_end), c[1] - r * math.sin(a_end))
        vx, vy = -math.sin(a_end), -math.cos(a_end)  # travel direction on screen at the end
        px, py = -vy, vx
        head = [(tip[0] - 5.5 * vx + 5.5 * px, tip[1] - 5.5 * vy + 5.5 * py), tip,
                (tip[0] - 5.5 * vx - 5.5 * px, tip[1] - 5.5 * vy - 5.5 * py)]
        d = np.minimum.reduce([
            arc(xs, ys, c, r, math.radians(205), a_end),
            poly(xs, ys, head),
            poly(xs, ys, [(24, 17), (24, 25.5), (30, 29)]),
        ])
    elif name == "icon_auto":
        # Play triangle followed by a small forward chevron.
        d = np.minimum.reduce([
            poly(xs, ys, [(11, 12), (30, 24), (11, 36)], closed=True),
            poly(xs, ys, [(34, 16.5), (41, 24), (34, 31.5)]),
        ])
    elif name == "icon_skip":
        # Double chevron with an end bar.
        d = np.minimum.reduce([
            poly(xs, ys, [(10, 13), (21, 24), (10, 35)]),
            poly(xs, ys, [(22, 13), (33, 24), (22, 35)]),
            seg(xs, ys, (38.5, 13), (38.5, 35)),
        ])
    elif name == "icon_lock":
        d = np.minimum.reduce([
            box_outline(xs, ys, 11, 21, 37, 40, 4.0),
            arc(xs, ys, (24, 17), 7.5, 0.0, math.pi),
            seg(xs, ys, (16.5, 17), (16.5, 21)),
            seg(xs, ys, (31.5, 17), (31.5, 21)),
            seg(xs, ys, (24, 29), (24, 33)),
        ])
        dots = np.hypot(xs - 24.0, ys - 28.5) - 2.3
    elif name == "icon_message":
        # Speech bubble with a tail, and a small signal arc at its top-right.
        body = box_outline(xs, ys, 7, 13, 35, 34, 7.0)
        # Cut the outline where the tail meets it.
        cut = (ys > 31.0) & (xs > 11.5) & (xs < 19.5)
        body = np.where(cut, 99.0, body)
        tail = poly(xs, ys, [(12, 33.6), (12, 41), (19.5, 33.6)])
        sig_c = (35.5, 13.0)
        d = np.minimum.reduce([
            body, tail,
            arc(xs, ys, sig_c, 4.5, math.radians(-10), math.radians(100)),
            arc(xs, ys, sig_c, 9.0, math.radians(-10), math.radians(100)),
        ])
        dots = np.minimum(np.hypot(xs - 15.5, ys - 23.5) - 1.9,
                          np.minimum(np.hypot(xs - 21.0, ys - 23.5) - 1.9, np.hypot(xs - 26.5, ys - 23.5) - 1.9))
    elif name == "icon_back":
        d = np.minimum.reduce([
            seg(xs, ys, (11, 24), (37, 24)),
            poly(xs, ys, [(21, 14), (11, 24), (21, 34)]),
        ])
    else:
        raise KeyError(name)
    return icon_layer(d, dots)


# --------------------------------------------------------------------------- logos

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"


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
    regular = FONTS / "NanumBarunGothic.ttf"
    bold = FONTS / "NanumBarunGothicBold.ttf"
    title_size = 84 if korean else 96
    title_font = ImageFont.truetype(str(regular), title_size * ss)
    title_track = (0.06 if korean else 0.05) * title_size * ss
    title_mask = tracked_text(title, title_font, title_track, ss)
    max_w = (width - 90) * ss
    if title_mask.width > max_w:
        k = max_w / title_mask.width
        title_mask = title_mask.resize((max_w, round(title_mask.height * k)), Image.LANCZOS)
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
    title_a = np.asarray(canvas.resize((width, height), Image.LANCZOS), np.float32) / 255.0
    sub_a = np.asarray(sub_canvas.resize((width, height), Image.LANCZOS), np.float32) / 255.0
    sub_box = (sx / ss, sy / ss, (sx + sub_mask.width) / ss, (sy + sub_mask.height) / ss)
    title_box = (tx / ss, ty / ss, (tx + title_mask.width) / ss, (ty + title_mask.height) / ss)

    xs, ys = grid(width, height)
    # Horizontal light: cool blue on the left (Nan-young), warm amber on the right (Jay).
    t = np.clip((xs - title_box[0]) / max(title_box[2] - title_box[0], 1.0), 0.0, 1.0)
    t = t * t * (3 - 2 * t)
    blue, amber = np.array(hex_rgb(BLUE), np.float32) / 255.0, np.array(hex_rgb(AMBER), np.float32) / 255.0
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
    mask_img = Image.fromarray((letters * 255 + 0.5).astype(np.uint8), "L")
    wide = np.asarray(mask_img.filter(ImageFilter.GaussianBlur(16)), np.float32) / 255.0
    near = np.asarray(mask_img.filter(ImageFilter.GaussianBlur(4)), np.float32) / 255.0
    layer = Layer(width, height)
    layer.paint(light, np.clip(wide * 1.8, 0.0, 1.0) * 0.62)
    layer.paint(light, np.clip(near * 1.2, 0.0, 1.0) * 0.45)
    # Letters in paper white, with a touch of the light colour at their edges.
    layer.paint(PAPER, letters)
    return layer


# --------------------------------------------------------------------------- entry points


def build(name: str) -> Image.Image:
    if name == "textbox.png":
        return glass(1180, 200, 0, RADIUS).image()
    if name == "nameplate.png":
        return nameplate().image()
    if name == "button.png":
        return pill(360, 56, 7, focus=False).image()
    if name == "button_focus.png":
        return pill(360, 56, 7, focus=True).image()
    if name == "choice.png":
        return pill(760, 64, 7, focus=False).image()
    if name == "choice_focus.png":
        return pill(760, 64, 7, focus=True).image()
    if name == "panel.png":
        return glass(480, 480, 0, RADIUS).image()
    if name == "phone.png":
        return phone().image()
    if name == "cursor.png":
        return cursor().image()
    if name.startswith("icon_"):
        return icon(name[:-4]).image()
    if name == "logo_en.png":
        return logo("Lost in Starlight", "SIGNAL DELAY", korean=False).image()
    if name == "logo_ko.png":
        return logo("로스트 인 스타라이트", "신호 지연", korean=True).image()
    raise KeyError(name)


def listing(assets: Path) -> list[Made]:
    folder = assets / "images" / "ui"
    return [Made(folder / name, what, script=SCRIPT) for name, what in FILES]


def generate(assets: Path) -> list[Made]:
    made = listing(assets)
    for item in made:
        save_png(build(item.path.name), item.path)
    return made
