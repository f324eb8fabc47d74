"""The starter story's pictures, drawn by code when the story is made: small PNGs, standard library only.

A dusk and a night sky, one character in two looks, a three-tile garden tileset
and the character's walking sheet (4 x 4 frames of 32 x 48, as the map screen
reads them).  Plain shapes: placeholders a writer replaces with real art.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

RGBA = tuple[int, int, int, int]
Painter = Callable[[int, int], RGBA]


def png(width: int, height: int, paint: Painter) -> bytes:
    """An 8-bit RGBA PNG whose pixel (x, y) is ``paint(x, y)``."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(paint(x, y))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + \
        chunk(b"IEND", b"")


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> RGBA:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t), 255)


def sky(top: tuple[int, int, int], bottom: tuple[int, int, int], stars: int) -> Painter:
    """A gradient sky over a dark hill line, with a few fixed stars."""
    def paint(x: int, y: int) -> RGBA:
        if y > 140 + 12 * ((x * 7) % 23) // 23:
            return (24, 30, 40, 255)
        if stars and y < 110 and ((x * 73856093) ^ (y * 19349663)) % 1000 < stars:
            return (255, 250, 225, 255)
        return _mix(top, bottom, y / 180)
    return paint


def figure(body: tuple[int, int, int], smile: bool) -> Painter:
    """A simple standing figure (head and coat) on a transparent ground, 96 x 192."""
    def paint(x: int, y: int) -> RGBA:
        head = (x - 48) ** 2 + (y - 40) ** 2 <= 22 ** 2
        coat = 66 <= y <= 190 and abs(x - 48) <= 18 + (y - 66) // 6
        if smile and 44 <= y <= 48 and abs(x - 48) <= 8 and (y - 44) * 2 >= abs(x - 48) // 2:
            return (60, 40, 40, 255)
        if head:
            return (240, 214, 190, 255)
        if coat:
            return (*body, 255)
        return (0, 0, 0, 0)
    return paint


def tiles(x: int, y: int) -> RGBA:
    """Three 32 x 32 tiles side by side: grass, hedge (it blocks), path."""
    tile, u, v = x // 32, x % 32, y % 32
    if tile == 0:
        return (70, 120, 70, 255) if (u * 5 + v * 3) % 11 else (90, 150, 85, 255)
    if tile == 1:
        return (30, 70, 40, 255) if (u // 4 + v // 4) % 2 else (40, 90, 50, 255)
    return (170, 150, 110, 255) if (u + v) % 9 else (150, 130, 95, 255)


def walker(body: tuple[int, int, int]) -> Painter:
    """A 4 x 4 sheet of 32 x 48 frames (rows: facing down, left, right, up; columns: steps)."""
    def paint(x: int, y: int) -> RGBA:
        column, row, u, v = x // 32, y // 48, x % 32, y % 48
        sway = (column % 2) * 2 - 1 if column else 0
        if (u - 16) ** 2 + (v - 12) ** 2 <= 64:
            eye = row == 0 and v == 12 and u in (13, 19)
            return (40, 30, 30, 255) if eye else (240, 214, 190, 255)
        if 20 <= v <= 38 and abs(u - 16) <= 7:
            return (*body, 255)
        if 38 < v <= 46 and (abs(u - 12 - sway) <= 2 or abs(u - 20 + sway) <= 2):
            return (50, 50, 70, 255)
        return (0, 0, 0, 0)
    return paint


PICTURES: dict[str, tuple[int, int, Painter]] = {
    "images/backgrounds/dusk.png": (320, 180, sky((230, 140, 110), (60, 50, 110), 0)),
    "images/backgrounds/night.png": (320, 180, sky((10, 14, 40), (40, 50, 100), 4)),
    "images/characters/mina/neutral.png": (96, 192, figure((90, 140, 210), False)),
    "images/characters/mina/smile.png": (96, 192, figure((90, 140, 210), True)),
    "images/tiles/garden.png": (96, 32, tiles),
    "images/sprites/mina.png": (128, 192, walker((90, 140, 210))),
}


def draw_pictures(root: Path) -> list[Path]:
    """Write every picture of the starter story under ``root``."""
    written = []
    for name, (width, height, paint) in PICTURES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png(width, height, paint))
        written.append(path)
    return written
