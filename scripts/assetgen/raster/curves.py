"""Smooth outlines for flat vector drawing: centripetal Catmull-Rom curves through points (with
sharp corners where asked), cubic Beziers, and ribbons (tapered strokes as filled outlines).

Points are (x, y) or (x, y, 1) for a sharp corner; results are n x 2 float64 arrays.
"""

from __future__ import annotations

import itertools

import numpy as np

Pt = tuple[float, ...]


def catmull_rom(points: np.ndarray, n: int, closed: bool) -> np.ndarray:
    """Centripetal Catmull-Rom through ``points``; ``n`` samples per segment (end point excluded)."""
    p = np.asarray(points, dtype=np.float64)
    if closed:
        ext = np.vstack([p[-1], p, p[0], p[1]])
    else:
        ext = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    ts = np.linspace(0.0, 1.0, n, endpoint=False)[:, None]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-3) ** 0.5
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-3) ** 0.5
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-3) ** 0.5
        t = t1 + ts * (t2 - t1)
        a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
        a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
        a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
        b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
        b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
        out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    return np.vstack(out)


def curve(points: list[Pt], n: int = 12) -> np.ndarray:
    """An open smooth curve through ``points`` (end point included)."""
    p = np.array([q[:2] for q in points], dtype=np.float64)
    return np.vstack([catmull_rom(p, n, closed=False), p[-1:]])


def outline(points: list[Pt], n: int = 12) -> np.ndarray:
    """A closed outline through ``points``; a point given as (x, y, 1) is a sharp corner."""
    corners = [i for i, q in enumerate(points) if len(q) > 2 and q[2]]
    if not corners:
        return catmull_rom(np.array(points, dtype=np.float64), n, closed=True)
    k = corners[0]
    pts = points[k:] + points[:k]
    corners = [i for i, q in enumerate(pts) if len(q) > 2 and q[2]] + [len(pts)]
    loop = pts + [pts[0]]
    parts = []
    for a, b in itertools.pairwise(corners):
        run = np.array([q[:2] for q in loop[a : b + 1]], dtype=np.float64)
        if len(run) == 2:
            parts.append(np.vstack([run[0] + (run[1] - run[0]) * s for s in np.linspace(0, 1, 3, endpoint=False)]))
        else:
            parts.append(catmull_rom(run, n, closed=False))
    return np.vstack(parts)


def fringe(points: list[Pt], belly: float) -> list[Pt]:
    """A fringe edge through alternating notches and tips (all sharp), each span bowed by ``belly`` px
    to the right of the direction of travel, so the clumps have round bellies and pointed tips."""
    out: list[Pt] = []
    for i, ((x0, y0), (x1, y1)) in enumerate(itertools.pairwise(points)):
        out.append((x0, y0, 1) if i == 0 or i % 2 else (x0, y0))
        dx, dy = x1 - x0, y1 - y0
        ln = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        nx, ny = -dy / ln, dx / ln
        for t, k in ((0.33, 0.85), (0.66, 0.85)):
            out.append((x0 + dx * t + nx * belly * k, y0 + dy * t + ny * belly * k))
    out.append((*points[-1], 1))
    return out


def ribbon(line: np.ndarray, widths: np.ndarray | float, bias: float = 0.5) -> np.ndarray:
    """A filled band along ``line`` with ``widths`` per point (tapered strokes). ``bias`` 0..1 puts the
    band left (0) / centred (0.5) / right (1) of the direction of travel."""
    line = np.asarray(line, dtype=np.float64)
    w = np.broadcast_to(np.asarray(widths, dtype=np.float64), (len(line),))
    d = np.gradient(line, axis=0)
    d /= np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-9)
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1)
    left = line + nrm * (w * (1.0 - bias))[:, None]
    right = line - nrm * (w * bias)[:, None]
    return np.vstack([left, right[::-1]])


def taper(n: int, w0: float, w1: float, w2: float, ends: float = 0.0) -> np.ndarray:
    """Widths along a stroke: w0 at the start, w1 in the middle, w2 at the end (smooth)."""
    t = np.linspace(0.0, 1.0, n)
    w = np.where(t < 0.5, w0 + (w1 - w0) * np.sin(t * np.pi) ** 1.0, w2 + (w1 - w2) * np.sin(t * np.pi))
    if ends:
        w = w * np.clip(np.minimum(t, 1 - t) / ends, 0.0, 1.0) ** 0.5
    return w


def bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int = 32) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)[:, None]
    a, b, c, d = (np.array(p[:2], dtype=np.float64) for p in (p0, p1, p2, p3))
    return (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d

