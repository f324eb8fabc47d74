"""Coverage masks of polygons and ellipses rasterised by pygame's SVG loader (nanosvg): clean
anti-aliased curves at any size, drawn at ``ss`` times the size and box-reduced."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
from PIL import Image

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame


@dataclass(frozen=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    rot: float = 0.0  # degrees


Shape: TypeAlias = np.ndarray | Ellipse  # a polygon (n x 2 points) or an ellipse


def _bbox(shapes: list[Shape], width: int, height: int) -> tuple[int, int, int, int]:
    xs: list[float] = []
    ys: list[float] = []
    for s in shapes:
        if isinstance(s, Ellipse):
            r = max(s.rx, s.ry)
            xs += [s.cx - r, s.cx + r]
            ys += [s.cy - r, s.cy + r]
        else:
            xs += [float(s[:, 0].min()), float(s[:, 0].max())]
            ys += [float(s[:, 1].min()), float(s[:, 1].max())]
    x0 = max(0, int(np.floor(min(xs))) - 2)
    y0 = max(0, int(np.floor(min(ys))) - 2)
    x1 = min(width, int(np.ceil(max(xs))) + 2)
    y1 = min(height, int(np.ceil(max(ys))) + 2)
    return x0, y0, x1, y1


def _element(s: Shape) -> str:
    if isinstance(s, Ellipse):
        rot = f' transform="rotate({s.rot:.2f} {s.cx:.2f} {s.cy:.2f})"' if s.rot else ""
        return f'<ellipse cx="{s.cx:.2f}" cy="{s.cy:.2f}" rx="{s.rx:.2f}" ry="{s.ry:.2f}"{rot} fill="#fff"/>'
    pts = " ".join(f"{x:.2f},{y:.2f}" for x, y in s)
    return f'<path d="M{pts}Z" fill="#fff"/>'


def svg_mask(shapes: list[Shape], size: tuple[int, int], ss: int = 2) -> np.ndarray:
    """Coverage (height x width float32, 0..1) of the union of ``shapes``; only their bounding box is drawn."""
    width, height = size
    out = np.zeros((height, width), dtype=np.float32)
    if not shapes:
        return out
    x0, y0, x1, y1 = _bbox(shapes, width, height)
    if x1 <= x0 or y1 <= y0:
        return out
    bw, bh = x1 - x0, y1 - y0
    body = "".join(_element(s) for s in shapes)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{bw * ss}" height="{bh * ss}" '
        f'viewBox="{x0} {y0} {bw} {bh}">{body}</svg>'
    )
    surf = pygame.image.load(io.BytesIO(svg.encode()), "shape.svg")
    alpha = pygame.surfarray.array_alpha(surf).T
    if ss > 1:
        alpha = np.asarray(Image.fromarray(np.ascontiguousarray(alpha)).reduce(ss))
    out[y0:y1, x0:x1] = alpha[:bh, :bw].astype(np.float32) / 255.0
    return out
