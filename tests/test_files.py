"""The one guard on files named by shared data: confined, regular, bounded, pictures checked first."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from game.story.files import FileRefused, check_image_size, image_size, inside, read_image, read_limited, regular_file


def png_header(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(header)) + b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + header))


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert read_limited(tmp_path / "a.txt", 10, tmp_path) == b"hello"


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 100)
    with pytest.raises(FileRefused, match="100 bytes; the limit is 10"):
        read_limited(tmp_path / "big", 10)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "music.ogg"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="not a regular file"):
        read_limited(fifo, 1000)
    with pytest.raises(FileRefused, match="not a regular file"):
        regular_file(fifo, 1000)


def test_a_character_device_is_refused() -> None:
    with pytest.raises(FileRefused, match="not a regular file"):
        read_limited("/dev/zero", 1000)


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    story = tmp_path / "story"
    story.mkdir()
    (story / "scenes").symlink_to(tmp_path)
    with pytest.raises(FileRefused, match="leaves the folder"):
        read_limited(story / "scenes" / "outside.txt", 100, story)
    with pytest.raises(FileRefused, match="leaves the folder"):
        inside(story, story / ".." / "outside.txt")


def test_picture_sizes_come_from_the_header() -> None:
    assert image_size(png_header(640, 360)) == (640, 360)
    assert image_size(b"GIF89a" + struct.pack("<HH", 12, 34) + b"\0" * 20) == (12, 34)
    with pytest.raises(ValueError):
        image_size(b"not a picture at all, no")


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header(30000, 30000) + b"\0" * 64)
    with pytest.raises(FileRefused, match="30,000x30,000 pixels"):
        read_image(bomb, 10_000_000, tmp_path)
    check_image_size(1280, 720, "a background")  # an ordinary picture passes
