"""Shared tools of the asset generators: seeded randomness, colours, glow, grain, deterministic saving.

Every generator takes its randomness from ``rng(name)`` so that each asset has
its own stable seed: changing one picture never changes another, and running
the generator twice gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

WIDTH, HEIGHT = 1280, 720


@dataclass(frozen=True)
class Made:
    """One generated file and the line it gets in assets/CREDITS.md."""

    path: Path
    what: str
    script: str


def rng(name: str) -> np.random.Generator:
    """A random generator seeded by ``name`` alone."""
    seed = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")
    return np.random.default_rng(seed)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' to an (r, g, b) tuple."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def rgb_array(colour: str) -> np.ndarray:
    """'#rrggbb' to a float array in 0..1."""
    return np.array(hex_rgb(colour), dtype=np.float32) / 255.0


def vertical_gradient(stops: list[tuple[float, str]], width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """An HxWx3 float image blending colour stops [(0.0, '#..'), ..., (1.0, '#..')] from top to bottom."""
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    positions = [p for p, _ in stops]
    channels = [np.interp(ys, positions, [rgb_array(c)[i] for _, c in stops]) for i in range(3)]
    column = np.stack(channels, axis=-1)
    return np.repeat(column[:, None, :], width, axis=1).astype(np.float32)


def to_image(pixels: np.ndarray) -> Image.Image:
    """A float HxWx3 (or x4) array in 0..1 to a Pillow image."""
    data = (np.clip(pixels, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    return Image.fromarray(data, "RGBA" if data.shape[-1] == 4 else "RGB")


def from_image(image: Image.Image) -> np.ndarray:
    return np.asarray(image, dtype=np.float32) / 255.0


def blur(pixels: np.ndarray, radius: float) -> np.ndarray:
    """Gaussian blur of a float image (through Pillow, channel by channel, at 16-bit-ish precision)."""
    image = to_image(pixels)
    return from_image(image.filter(ImageFilter.GaussianBlur(radius)))


def add_glow(base: np.ndarray, light: np.ndarray, radius: float, strength: float = 1.0) -> np.ndarray:
    """Additive glow: blur the bright layer ``light`` and add it onto ``base``."""
    return np.clip(base + blur(light, radius) * strength + light * 0.5, 0.0, 1.0)


def grain(pixels: np.ndarray, name: str, amplitude: float = 3.0 / 255.0) -> np.ndarray:
    """Fine monochrome film grain, seeded by ``name``."""
    noise = rng(f"grain:{name}").normal(0.0, amplitude, pixels.shape[:2]).astype(np.float32)
    out = pixels.copy()
    out[..., :3] = np.clip(out[..., :3] + noise[..., None], 0.0, 1.0)
    return out


def save_jpeg(pixels: np.ndarray | Image.Image, path: Path, quality: int = 92) -> Path:
    """Save RGB as JPEG with 4:4:4 chroma (neon edges stay crisp); deterministic bytes."""
    image = pixels if isinstance(pixels, Image.Image) else to_image(pixels)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, subsampling=0, optimize=True)
    path.write_bytes(buffer.getvalue())
    return path


def save_png(pixels: np.ndarray | Image.Image, path: Path) -> Path:
    """Save as PNG with no timestamps or other varying chunks; deterministic bytes."""
    image = pixels if isinstance(pixels, Image.Image) else to_image(pixels)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    path.write_bytes(buffer.getvalue())
    return path
