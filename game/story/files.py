"""The one way any part of the game opens a file that shared data names: confined, regular, bounded.

Story folders, saves and replays are data other people make.  Whatever reads
them (the loader, the map readers, the game's pictures and music, capture,
replay, the save store) goes through these functions, so one rule holds
everywhere:

- a path named by the data stays inside its folder once links are resolved;
- only regular files are opened (a FIFO, a device or a folder is refused before
  anything blocks on it: opened non-blocking, then checked with ``fstat``);
- nothing is read past a size limit, and a picture's size is read from its
  header before anything decodes it.

Each refusal is a ``FileRefused`` whose message says what and why, for the
caller to report at its file and line.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

MAX_IMAGE_SIDE = 8192  # pixels: a 1280x720 game never needs more on a side
MAX_IMAGE_PIXELS = 24_000_000  # about 96 MB decoded as RGBA
_CHUNK = 1 << 16


class FileRefused(OSError):
    """A file the game will not open or read, and why (``str(error)`` is the whole message).

    An OSError, so whoever handles "cannot read the file" handles this too.
    """


def inside(root: Path | str, path: Path | str, *, root_is_real: bool = False) -> Path:
    """``path`` resolved (links followed), if it lies inside ``root`` (resolved too); else FileRefused.

    ``root_is_real``: ``root`` is already resolved (``os.path.realpath``), so it is not resolved again.
    """
    real_root = str(root) if root_is_real else os.path.realpath(root)
    real = os.path.realpath(path)
    if real != real_root and os.path.commonpath([real, real_root]) != real_root:
        raise FileRefused(f"{path} leaves the folder {root}")
    return Path(real)


def _open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    """A read-only descriptor of ``path`` and its status, if it is a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(f"cannot open {path}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise FileRefused(f"{path} is not a regular file")
    return fd, info


def regular_file(path: Path | str, limit: int, root: Path | str | None = None) -> Path:
    """``path`` (resolved) if it is a regular file of at most ``limit`` bytes, inside ``root`` when given.

    For handing a path to a decoder that opens it itself (pygame's image and
    music loaders): the checks run just before, on the very file it will open.
    """
    real = inside(root, path) if root is not None else Path(os.path.realpath(path))
    fd, info = _open_regular(real)
    os.close(fd)
    if info.st_size > limit:
        raise FileRefused(f"{path} is {info.st_size:,} bytes; the limit is {limit:,}")
    return real


def read_limited(path: Path | str, limit: int, root: Path | str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (inside ``root`` when given).

    Never reads more than ``limit + 1`` bytes, whatever the file claims or becomes.
    """
    real = inside(root, path) if root is not None else path
    fd, info = _open_regular(real)
    try:
        if info.st_size > limit:
            raise FileRefused(f"{path} is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileRefused(f"{path} is larger than the limit of {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def image_size(head: bytes) -> tuple[int, int]:
    """Width and height from the first bytes of a PNG, GIF, BMP, WebP or JPEG file (ValueError if none).

    ``head`` should be the whole file for a JPEG (its size comes after other segments);
    32 bytes are enough for the others.
    """
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return int(width), int(height)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", head[6:10])
        return int(width), int(height)
    if head.startswith(b"BM") and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return abs(int(width)), abs(int(height))
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _webp_size(head)
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    raise ValueError("not a PNG, GIF, BMP, WebP or JPEG image")


def _webp_size(head: bytes) -> tuple[int, int]:
    kind = head[12:16]
    if kind == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    if kind == b"VP8 " and len(head) >= 30:
        width, height = struct.unpack("<HH", head[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    if kind == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    raise ValueError("a damaged WebP image")


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError("a damaged JPEG")
        marker = data[at + 1]
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return int(width), int(height)
        at += 2 + length
    raise ValueError("a damaged JPEG (no frame header)")


def check_image_size(width: int, height: int, what: str) -> None:
    """FileRefused when a picture of ``width`` x ``height`` is too large to decode safely."""
    if width <= 0 or height <= 0:
        raise FileRefused(f"{what} has no pixels ({width}x{height})")
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise FileRefused(f"{what} is {width:,}x{height:,} pixels; pictures may be at most "
                          f"{MAX_IMAGE_SIDE:,} on a side and {MAX_IMAGE_PIXELS:,} pixels in all")


def read_image(path: Path | str, limit: int, root: Path | str | None = None) -> bytes:
    """The bytes of a picture file, once its header says its size is safe to decode."""
    data = read_limited(path, limit, root)
    try:
        width, height = image_size(data)
    except ValueError as exc:
        raise FileRefused(f"{path}: {exc}") from None
    check_image_size(width, height, str(path))
    return data
