"""Colours as float RGB arrays: parsing, mixing, 8-bit conversion, the art direction's extremes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import numpy as np

from .frame import constant

# '#rrggbb', an (r, g, b) sequence in 0..1, or a float array (one colour, or one per pixel).
Colour: TypeAlias = str | Sequence[float] | np.ndarray


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' to an (r, g, b) tuple of 0..255."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def rgb(colour: Colour) -> np.ndarray:
    """Any colour as a float32 array in 0..1 (an array passes through as float32)."""
    if isinstance(colour, np.ndarray):
        return colour.astype(np.float32)
    if isinstance(colour, str):
        return np.array(hex_rgb(colour), dtype=np.float32) / 255.0
    return np.array(colour, np.float32)


def mix(a: Colour, b: Colour, t: float | np.ndarray) -> np.ndarray:
    """``a`` blended toward ``b`` by ``t`` (0 is ``a``, 1 is ``b``)."""
    return (rgb(a) * (1.0 - t) + rgb(b) * t).astype(np.float32)


def to8(colour: Colour) -> tuple[int, int, int]:
    """One colour as 8-bit (r, g, b), rounded to nearest and clipped."""
    c = np.clip(rgb(colour), 0.0, 1.0)
    return int(c[0] * 255 + 0.5), int(c[1] * 255 + 0.5), int(c[2] * 255 + 0.5)


def rgba8(colour: Colour, alpha: float = 1.0) -> tuple[int, int, int, int]:
    """One colour with an opacity as 8-bit (r, g, b, a)."""
    r, g, b = to8(colour)
    return r, g, b, int(round(np.clip(alpha, 0.0, 1.0) * 255))


# The art direction's extremes: no pure black, no pure white.
DARKEST = constant(rgb("#0b0d1a"))
LIGHTEST = constant(rgb("#f4f1ea"))


def shade(colour: Colour, k: float) -> np.ndarray:
    """``colour`` darkened toward the darkest (k < 0) or lightened toward the lightest (k > 0) by |k|."""
    return mix(colour, DARKEST, -k) if k < 0 else mix(colour, LIGHTEST, k)
