"""A small PNG encoder for thumbnails and captures (zlib from the standard library).

pygame can save PNG into a file object, but in pygame 2.6 that path leaks a
few kilobytes per call in C, which an autosave at every choice turns into a
steady climb over an hour of play.  zlib also works outside the GIL, so
capture encodes several pictures at once on threads.
"""

from __future__ import annotations

import struct
import zlib

import pygame


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(raw: bytes, width: int, height: int, level: int = 6) -> bytes:
    """8-bit RGB pixels (``width * 3`` bytes a row) as a PNG file's bytes."""
    stride = width * 3
    rows = b"".join(b"\x00" + raw[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, level))
            + _chunk(b"IEND", b""))


def encode_png(surface: pygame.Surface) -> bytes:
    """The surface as an 8-bit RGB PNG."""
    width, height = surface.get_size()
    return png_bytes(pygame.image.tobytes(surface, "RGB"), width, height)
