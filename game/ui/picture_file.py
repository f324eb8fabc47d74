"""A picture read from its file safely and decoded: what every picture of the game goes through.

A picture file is shared data: it is read through ``game.story.files`` (a
regular file inside its folder, of bounded size, whose header promises a size
safe to decode), its first bytes must be those its name promises, and only then
is it decoded, from those bytes (so a decompression bomb is never decoded).
Decoding needs no window, and pygame does it without holding the interpreter's
lock, so this may run on a helper thread (``early``).
"""

from __future__ import annotations

import io

import pygame

from game.story.assets import AssetIndex
from game.story.files import FileRefused, read_image

MB = 2**20
PICTURE_FILE_LIMIT = 32 * MB  # one picture file on disk
# Which header each file name promises (a GIF named .png is refused: its frames are not the size it says).
SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8",), ".jpeg": (b"\xff\xd8",),
              ".bmp": (b"BM",), ".webp": (b"RIFF",)}


def decode_picture(index: AssetIndex, kind: str, name: str) -> pygame.Surface:
    """The picture ``name`` of ``kind`` in ``index``, decoded, not yet converted for the window.

    Raises AssetError, FileRefused, pygame.error or OSError when it cannot be had.
    """
    path = index.find(kind, name)
    data = read_image(path, PICTURE_FILE_LIMIT, index.root)
    signatures = SIGNATURES.get(path.suffix.lower(), ())
    if not data.startswith(signatures) or (path.suffix.lower() == ".webp" and data[8:12] != b"WEBP"):
        raise FileRefused(f"{path} is not the {path.suffix.lstrip('.').upper()} picture its name says")
    return pygame.image.load(io.BytesIO(data), path.name)
