"""A figure: one pose of one outfit before any face, and finishing a look on it.

Layers, back to front: ``under`` (back hair, body, arms at the sides, the placed head: everything the
features sit on), the features (drawn in head units per look, kept on the skin, placed), ``hair`` (the
front hair, placed), ``front`` (arms, hands and props in front of the face, helmet glass). Then the
rim light on the side facing the scene's light and a soft outline round the whole silhouette. Every
look of a pose is the same figure with other features, so a look change never moves the silhouette.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from ..raster.blur import grow
from ..raster.layer import Layer
from .face import Expr, Face, Palette, draw_features
from .frame import H, W, rim_of
from .headspace import HeadSpace

Features = Callable[[Layer, Expr], None]


@dataclass
class HeadParts:
    """A head drawn in head units: back hair, skin (ears, face, the top of the neck), front hair."""

    back: Layer
    skin: Layer
    hair: Layer
    m_head: np.ndarray  # the face's coverage (features stay inside it)


@dataclass
class Placed:
    """A head's parts on the frame."""

    back: Layer
    skin: Layer
    hair: Layer
    m_head: np.ndarray  # on the frame
    face_mask: np.ndarray  # in head units
    space: HeadSpace


def place(parts: HeadParts, space: HeadSpace) -> Placed:
    return Placed(space.place(parts.back), space.place(parts.skin), space.place(parts.hair), space.place_mask(parts.m_head),
                  parts.m_head, space)


@dataclass
class Figure:
    under: Layer
    hair: Layer
    front: Layer
    features: Features
    face_mask: np.ndarray
    space: HeadSpace | None  # None: the features are drawn on the frame itself (Dori's screen)
    pal: Palette
    light: float
    rim_width: int = 4
    post: Callable[[Layer], Layer] | None = None


def person_features(face: Face, pal: Palette) -> Features:
    def features(layer: Layer, e: Expr) -> None:
        draw_features(layer, face, pal, e)

    return features


def draw_look(f: Figure, e: Expr) -> Layer:
    out = f.under.copy()
    feat = Layer(W, H)
    f.features(feat, e)
    feat.a *= f.face_mask
    out.over(f.space.place(feat) if f.space is not None else feat)
    out.over(f.hair)
    out.over(f.front)
    out.atop(rim_light(out.a, f.light, f.rim_width), f.pal.rim, 0.8)
    out.under(grow(out.a, 5), f.pal.outline, 0.9)  # a solid line round everything, rim included
    return f.post(out) if f.post else out


def rim_light(a: np.ndarray, light: float, width: int) -> np.ndarray:
    """The rim along the lit side of the silhouette, left off thin parts (hair tips, fingers), which a
    rim would turn into pale strokes with no outline."""
    out: np.ndarray = rim_of(opened(a, 9), light, width) * a
    return out


def opened(a: np.ndarray, size: int) -> np.ndarray:
    """``a`` with everything thinner than ``size`` px removed (a minimum then a maximum filter)."""
    img = Image.fromarray((np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8))
    img = img.filter(ImageFilter.MinFilter(size)).filter(ImageFilter.MaxFilter(size))
    return np.asarray(img, dtype=np.float32) / 255.0
