"""A small PNG encoder for thumbnails (standard library only).

pygame can save PNG into a file object, but in pygame 2.6 that path leaks a
few kilobytes per call in C, which an autosave at every choice turns into a
steady climb over an hour of play.  Thumbnails are small, so zlib does the job.
"""

from __future__ import annotations

import struct
import zlib

import pygame


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(surface: pygame.Surface) -> bytes:
    """The surface as an 8-bit RGB PNG."""
    width, height = surface.get_size()
    raw = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    rows = b"".join(b"\x00" + raw[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 6)) + \
        _chunk(b"IEND", b"")
