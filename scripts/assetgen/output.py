"""What the generators make and how they write it: the ``Output`` and ``Job`` records, and
deterministic writers (no timestamps or other varying bytes) for PNG, JPEG and text."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class Output:
    """One generated file: where it goes in the story folder and the line it gets in CREDITS.md."""

    path: str  # relative to the story folder, e.g. "images/backgrounds/shop_day.jpg"
    what: str
    script: str  # the module that draws it, relative to the repository


@dataclass(frozen=True)
class Job:
    """One unit of generation: ``make(story)`` writes every file of ``outputs`` under ``story``."""

    name: str
    outputs: tuple[Output, ...]
    make: Callable[[Path], None]


def script_of(module: str) -> str:
    """The repository path of a module of this package ('assetgen.ui.glass' -> 'scripts/assetgen/ui/glass.py')."""
    return "scripts/" + module.replace(".", "/") + ".py"


def to_image(pixels: np.ndarray) -> Image.Image:
    """A float HxWx3 (or x4) array in 0..1 to an 8-bit Pillow image (rounded to nearest)."""
    data = (np.clip(pixels, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    return Image.fromarray(data, "RGBA" if data.shape[-1] == 4 else "RGB")


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def save_jpeg(pixels: np.ndarray | Image.Image, path: Path, quality: int = 92) -> Path:
    """Save RGB as JPEG with 4:4:4 chroma (neon edges stay crisp); deterministic bytes."""
    image = pixels if isinstance(pixels, Image.Image) else to_image(pixels)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, subsampling=0, optimize=True)
    return _write(path, buffer.getvalue())


def save_png(pixels: np.ndarray | Image.Image, path: Path) -> Path:
    """Save as PNG with no timestamps or other varying chunks; deterministic bytes."""
    image = pixels if isinstance(pixels, Image.Image) else to_image(pixels)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return _write(path, buffer.getvalue())


def save_text(text: str, path: Path) -> Path:
    """Save UTF-8 text with LF line ends."""
    return _write(path, text.encode("utf-8"))
