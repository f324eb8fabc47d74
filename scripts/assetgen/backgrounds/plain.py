"""The plain picture for fades.
"""

from __future__ import annotations

import numpy as np

from ..raster.colour import DARKEST
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from .picture import Picture, flat


def black(name: str) -> np.ndarray:
    """Plain #0b0d1a for fades (no grain: fades must be flat)."""
    return np.ones((H, W, 3), np.float32) * DARKEST


PICTURES = (
    Picture("black", black, "plain #0b0d1a, for fades", look=flat),
)
