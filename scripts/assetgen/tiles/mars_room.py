"""Mars habitat tiles, the module: floor panels, grates, hazard stripes, cables, hatches, screen
and lamp light, quilted walls with pipes, lights, vents, signs, a photo, the window and the airlock.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import mix, rgb
from .canvas import Canvas
from .palettes import M_AMB, M_BROWN, M_CYAN, M_DARK, M_PANEL, M_ROSE, M_RUST, M_STEEL, M_WALL


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
    cv.paint(stripes.astype(np.float32), mix(M_AMB, M_ROSE, 0.35))
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
    cv.paint(np.clip(1.0 - cv.ys / 12.0, 0.0, 1.0) ** 1.3, M_DARK, 0.6)


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
        cv.paint(inside * (u ** 3), M_DARK, 0.25)
        cv.paint(inside * ((1 - u) ** 4), M_ROSE, 0.25)
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
    cv.paint(np.clip(1.0 - (cv.ys - 14) / 16.0, 0, 1) * (cv.ys > 14), M_AMB, 0.18)


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
    cv.paint(m, sky)
    cv.rect(9, 16, 22, 20, "#23304f")
    for x in (10, 13, 17, 20):
        cv.vline(x, 14 + (x % 3), 20, "#23304f")
    cv.px(12, 12, "#ffc27a")
    cv.px(18, 13, "#ffc27a")
    cv.rect(13, 4, 18, 7, M_AMB, 0.6)  # tape


def m_window(cv: Canvas, f: int) -> None:
    """Two by two (both wall rows): the habitat's one window, a thick round porthole of layered glass onto
    the red desert under a butterscotch sky and a small pale sun."""
    for y in (0, 32):
        for x in (0, 32):
            sub = Canvas(32, 32)
            sub.rng = cv.rng
            quilted(sub)
            if y == 32:
                m_kick(sub)
            cv.paste(sub, x, y)
    cx, cy, radius = 32.0, 28.0, 20.0
    distance = np.hypot(cv.xs - cx, cv.ys - cy)
    frame = mix(M_RUST, M_ROSE, 0.35)
    cv.paint((distance <= radius + 6).astype(np.float32), M_DARK, 0.35)  # the recess's shadow
    cv.paint((distance <= radius + 5).astype(np.float32), frame)
    cv.paint(((distance <= radius + 5) & (distance > radius + 3.5) & (cv.ys < cy)).astype(np.float32),
             mix(M_ROSE, "#f4f1ea", 0.3))  # the rim catches the light from above
    cv.paint(((distance <= radius + 1.5) & (distance > radius)).astype(np.float32), M_DARK)
    for angle in range(0, 360, 45):  # bolts round the rim
        a = math.radians(angle + 22.5)
        cv.px(round(cx + (radius + 3) * math.cos(a)), round(cy + (radius + 3) * math.sin(a)), M_AMB)
    m = (distance <= radius).astype(np.float32)
    top, bottom = cy - radius, cy + radius
    t = np.clip((cv.ys - top) / (bottom - top), 0, 1)
    sky = rgb("#f0c99a")[None, None] * (1 - t[..., None]) + rgb("#e8a56b")[None, None] * t[..., None]
    cv.paint(m, sky)
    cv.paint(m * cv.ellipse_m(41, 17, 2.5, 2.5), "#fbeede")
    cv.paint(m * np.clip(1 - np.hypot(cv.xs - 41, cv.ys - 17) / 9, 0, 1), "#fbeede", 0.4)
    # Dune layers, far to near.
    for base_y, amp, per, ph, col in ((28, 2, 30, 0.0, "#d9a07a"), (33, 3, 22, 1.3, "#c96f3b"),
                                       (38, 2, 16, 2.1, "#9c4a2a"), (43, 2, 14, 0.5, "#5a2e1f")):
        ridge = base_y + amp * np.sin(cv.xs / per * 2 * math.pi + ph) + 1.2 * np.sin(cv.xs / 6 + ph)
        cv.paint(m * (cv.ys > ridge), col)
    cv.paint(m * ((cv.xs > 22) & (cv.xs < 25) & (cv.ys > 37) & (cv.ys < 40)), "#3b2a24")  # a rock
    # The layered glass: an inner ring, and light sliding over it.
    cv.paint(((distance <= radius - 2) & (distance > radius - 3)).astype(np.float32), "#ffffff", 0.12)
    cv.paint(m * np.clip(1 - np.abs((cv.xs - cx) + (cv.ys - cy) + 8) / 3, 0, 1), "#ffffff", 0.22)
    cv.paint(m * np.clip(1 - np.abs((cv.xs - cx) + (cv.ys - cy) + 15) / 1.5, 0, 1), "#ffffff", 0.12)


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
    cv.paint(band, M_DARK)
    cv.paint(band * stripes, M_AMB, 0.85)
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
