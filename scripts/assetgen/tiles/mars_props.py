"""Mars habitat tiles, equipment: the comms console and a terminal, lockers, hydroponics, bunks,
the EVA suit, crates, chairs, a table, tanks, planters, rocks.
"""

from __future__ import annotations

import math

import numpy as np

from ..raster.colour import mix
from .canvas import Canvas
from .palettes import M_AMB, M_BROWN, M_CYAN, M_DARK, M_ROSE, M_RUST, M_STEEL, M_SUIT


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
    cv.paint(np.clip(1.0 - (cv.ys - 34) / 12, 0, 1) * ((cv.ys >= 34) & (cv.ys < 46)), M_CYAN, 0.10)


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
        cv.paint(m * np.clip(1 - (cv.ys - y_light) / 22, 0, 1), "#ffb0c8", 0.18)
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
