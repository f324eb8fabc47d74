"""Putting colour on a float picture: painting through masks, shifting masks, vignettes, the tone
shoulder and the finishing grain that every full-screen picture gets."""

from __future__ import annotations

import numpy as np

from .colour import DARKEST, LIGHTEST, Colour, rgb
from .frame import HEIGHT, XX, YY
from .gradient import smoothstep
from .noise import grain


def paint(img: np.ndarray, m: np.ndarray, colour: Colour, alpha: float = 1.0) -> np.ndarray:
    """``colour`` (one colour or a picture of them) laid over ``img`` through mask ``m`` at ``alpha``."""
    k = (m * alpha)[..., None]
    c = rgb(colour)
    if c.ndim == 3:
        return img * (1.0 - k) + c * k
    return img * (1.0 - k) + c[None, None, :] * k


def shift(a: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """``a`` moved by (dx, dy) pixels, zero-filled (works for H x W and H x W x C)."""
    out = np.zeros_like(a)
    h, w = a.shape[:2]
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[yd, xd] = a[ys, xs]
    return out


def below(hline: np.ndarray, soft: float = 1.0) -> np.ndarray:
    """Anti-aliased mask of everything under a ridgeline y = hline[x] (full frame)."""
    return np.clip((YY - hline[None, :]) / soft + 0.5, 0.0, 1.0)


def vignette(img: np.ndarray, colour: Colour = "#0b0d1a", strength: float = 0.45, cx: float = 640, cy: float = 330,
             rx: float = 760, ry: float = 470) -> np.ndarray:
    """Darken toward the frame's edges: an elliptic falloff round (cx, cy) with radii (rx, ry)."""
    v = smoothstep(0.55, 1.25, np.sqrt(((XX - cx) / rx) ** 2 + ((YY - cy) / ry) ** 2))
    return paint(img, v, colour, strength)


def calm_bottom(img: np.ndarray, colour: Colour = "#0b0d1a", strength: float = 0.35, start: float = 0.66) -> np.ndarray:
    """Darken the lower part gently where the text box sits (from ``start`` of the height down)."""
    t = smoothstep(start * HEIGHT, HEIGHT, YY)[..., None] * strength
    return img * (1.0 - t) + rgb(colour) * t


def tone(img: np.ndarray, knee: float = 0.8, floor: np.ndarray = DARKEST) -> np.ndarray:
    """A soft highlight shoulder from ``knee`` up to the lightest colour; nothing below ``floor``."""
    over = np.maximum(img - knee, 0.0)
    soft = knee + (LIGHTEST - knee) * (1.0 - np.exp(-over / (LIGHTEST - knee)))
    out = np.where(img > knee, soft, img)
    return np.maximum(out, floor).astype(np.float32)


def finish(img: np.ndarray, seed: str, knee: float = 0.8, floor: np.ndarray = DARKEST, clamp: bool = False) -> np.ndarray:
    """Tone and film grain, the last step of every full-screen picture; ``clamp`` keeps even the grain
    between ``floor`` and the lightest colour."""
    out = grain(tone(img, knee, floor), seed)
    if clamp:
        out = np.clip(out, floor, LIGHTEST).astype(np.float32)
    return out
