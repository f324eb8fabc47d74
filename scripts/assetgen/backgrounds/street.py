"""Streets in one-point perspective: a tiny raycaster for the two walls, the ground and the far
facade (and their mirror in wet ground), with shop fronts, windows, signs and cables on the walls.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..raster.colour import LIGHTEST, Colour, mix, rgb
from ..raster.frame import HEIGHT as H
from ..raster.frame import WIDTH as W
from ..raster.frame import XX, YY
from ..raster.gradient import smoothstep
from ..raster.noise import fbm
from ..raster.vector import Point, Sketch
from ..seeds import choice, rng
from .signs import draw_glyphs


class Street:
    """A street between two building rows (x = xl and x = xr), ground y = 0, camera at (0, cam, 0).

    ``left``/``right`` are wall segments {z0, z1, h, ...}; walls end at ``zend`` (a cross street), a facade
    stands across at ``zfar`` up to ``far_h``. ``cast()`` gives per-pixel hits; ``cast(mirror=True)`` sees
    the world mirrored in the ground (for the wet reflections).
    """

    def __init__(self, f: float, cx: float, cy: float, cam: float, xl: float, xr: float, zend: float, zfar: float,
                 left: list[dict], right: list[dict], far_h: float, far_x: tuple[float, float] = (-40, 40)) -> None:
        self.f, self.cx, self.cy, self.cam = f, cx, cy, cam
        self.xl, self.xr, self.zend, self.zfar = xl, xr, zend, zfar
        self.left, self.right, self.far_h, self.far_x = left, right, far_h, far_x

    def P(self, X: float, Y: float, Z: float, mirror: bool = False) -> tuple[float, float]:
        Yv = -Y if mirror else Y
        return self.cx + self.f * X / Z, self.cy - self.f * (Yv - self.cam) / Z

    def PP(self, pts: Sequence[tuple[float, float, float]], mirror: bool = False) -> list[Point]:
        return [self.P(X, Y, Z, mirror) for X, Y, Z in pts]

    def ground_y(self, Z: float) -> float:
        return self.cy + self.f * self.cam / Z

    def _heights(self, segs: list[dict], Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z1 = np.array([s["z1"] for s in segs], np.float32)
        hs = np.array([s["h"] for s in segs] + [0.0], np.float32)
        idx = np.searchsorted(z1, Z, side="right")
        z0 = np.array([s["z0"] for s in segs] + [1e9], np.float32)
        idx = np.clip(idx, 0, len(segs))
        ok = z0[np.minimum(idx, len(segs))] <= Z
        return np.where(ok, hs[idx], 0.0), np.where(ok, idx, len(segs))

    def cast(self, mirror: bool = False) -> dict[str, np.ndarray]:
        f, cam = self.f, self.cam
        dx = (XX - self.cx) / f
        dy = (self.cy - YY) / f

        def yat(Z: np.ndarray | np.float32) -> np.ndarray:
            return (-cam - dy * Z) if mirror else (cam + dy * Z)

        big = np.float32(1e9)
        kind = np.zeros((H, W), np.int8)  # 0 sky, 1 left wall, 2 right wall, 3 ground, 4 far facade
        Zhit = np.full((H, W), big, np.float32)
        U = np.zeros((H, W), np.float32)
        V = np.zeros((H, W), np.float32)
        seg = np.zeros((H, W), np.int32)
        with np.errstate(divide="ignore", invalid="ignore"):
            for k, xw, segs in ((1, self.xl, self.left), (2, self.xr, self.right)):
                Z = np.where(dx * xw > 0, xw / dx, big).astype(np.float32)
                Z = np.where(np.isfinite(Z), Z, big)
                hgt, idx = self._heights(segs, np.minimum(Z, self.zend))
                Y = yat(Z)
                ok = (self.zend > Z) & (Y >= 0) & (hgt >= Y) & (Zhit > Z)
                kind[ok], Zhit[ok], U[ok], V[ok], seg[ok] = k, Z[ok], Z[ok], Y[ok], idx[ok]
            if not mirror:
                Zg = np.where(dy < 0, -cam / dy, big).astype(np.float32)
                ok = (Zg < Zhit) & (Zg < self.zfar)
                kind[ok], Zhit[ok], U[ok], V[ok] = 3, Zg[ok], (dx * Zg)[ok], Zg[ok]
            Zf = np.float32(self.zfar)
            Yf = yat(Zf)
            Xf = dx * Zf
            ok = (kind == 0) & (Yf >= 0) & (Yf <= self.far_h) & (Xf >= self.far_x[0]) & (Xf <= self.far_x[1])
            kind[ok], Zhit[ok], U[ok], V[ok] = 4, Zf, Xf[ok], Yf[ok]
        return {"kind": kind, "Z": Zhit, "U": U, "V": V, "seg": seg}


def wall_segments(r: np.random.Generator, z0: float, z1: float, lens: tuple[float, float], hs: tuple[float, float],
                  colours: list) -> list[dict]:
    out = []
    z = z0
    while z < z1:
        ln = float(r.uniform(*lens))
        out.append({"z0": z, "z1": min(z1, z + ln), "h": float(r.uniform(*hs)), "col": rgb(choice(r, colours)) * r.uniform(0.85, 1.1),
                    "seed": int(r.integers(1 << 30)), "shop": bool(r.random() < 0.45), "shutter": bool(r.random() < 0.5)})
        z += ln
    return out


def shade_walls(st: Street, hit: dict, side: int, segs: list[dict], win_cols: list, lit_p: float,
                shop_cols: list, floor_h: float = 2.9, ground_h: float = 3.3, pitch: float = 1.7,
                win_gain: float = 1.0, shop_gain: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Colour and emission of one wall row (side 1 left, 2 right, 4 far) from a cast: (colour, light, mask).

    Computed only on the pixels that see this row; every feature lives in wall coordinates (u along the
    row in metres, v up), so windows, shop fronts and shutters come out in true perspective.
    """
    m = hit["kind"] == side
    col = np.zeros((H, W, 3), np.float32)
    em = np.zeros((H, W, 3), np.float32)
    if not m.any():
        return col, em, m.astype(np.float32)
    n = len(segs)
    s = np.minimum(hit["seg"][m], n - 1)
    z0 = np.array([g["z0"] for g in segs], np.float32)[s]
    z1 = np.array([g["z1"] for g in segs], np.float32)[s]
    hh = np.array([g["h"] for g in segs], np.float32)[s]
    base = np.stack([g["col"] for g in segs]).astype(np.float32)[s]
    shop = np.array([g["shop"] for g in segs])[s]
    shutter = np.array([g["shutter"] for g in segs])[s]
    tables = np.stack([np.random.default_rng(g["seed"]).random((64, 64)) for g in segs]).astype(np.float32)
    tints = np.stack([np.random.default_rng(g["seed"] + 1).integers(0, len(win_cols), (64, 64)) for g in segs])
    u = hit["U"][m] - z0
    v = hit["V"][m]
    w = z1 - z0
    # a faint panel grid and grime keep the flat walls from looking like plastic
    tile = ((u * 1.25) % 1.0 < 0.035) | ((v * 1.1) % 1.0 < 0.03)
    grime = fbm(rng(f"grime:{side}:{segs[0]['seed']}"), 12, 3, h=128, w=128)
    gtex = sample2(grime, u * 14.0, v * 9.0)
    out = base * (0.9 + 0.18 * gtex)[:, None] * np.where(tile, 0.9, 1.0)[:, None]
    e = np.zeros_like(out)
    # upper floors: a window grid
    nc = np.maximum(1, np.floor((w - 0.6) / pitch)).astype(np.int32)
    off = (w - nc * pitch) / 2
    ci = np.floor((u - off) / pitch).astype(np.int32)
    cf = (u - off) / pitch - ci
    fi = np.floor((v - ground_h) / floor_h).astype(np.int32)
    ff = (v - ground_h) / floor_h - fi
    upper = (ci >= 0) & (ci < nc) & (fi >= 0) & (v < hh - 0.9)
    win = upper & (cf > 0.2) & (cf < 0.8) & (ff > 0.28) & (ff < 0.78)
    fic, cic = np.clip(fi, 0, 63), np.clip(ci, 0, 63)
    rv = tables[s, fic, cic]
    lit = win & (rv < lit_p)
    wc = np.stack([rgb(c) for c in win_cols])[tints[s, fic, cic]]
    bright = (0.35 + 0.65 * (rv / max(lit_p, 1e-3)))[:, None]
    out = np.where(win[:, None], base * 0.5 + 0.02, out)
    curtain = ((ff > 0.28) & (ff < 0.36)) | (cf < 0.32)
    wl = wc * bright * win_gain * np.where(curtain, 0.5, 1.0)[:, None]
    e = np.where(lit[:, None], wl, e)
    out = np.where(lit[:, None], base * 0.5 + wl * 0.35, out)
    sill = upper & (cf > 0.16) & (cf < 0.84) & (ff > 0.78) & (ff < 0.82)
    out = np.where(sill[:, None], base * 1.25, out)
    out = np.where((v > hh - 0.3)[:, None], base * 1.3, out)  # cornice
    out = np.where(((u < 0.1) | (u > w - 0.1))[:, None], base * 0.7, out)  # seams between buildings
    # ground floor: a lit shop front, a shutter, or a plain wall with a door
    band = (v >= ground_h - 0.3) & (v < ground_h)
    out = np.where(band[:, None], base * 0.6, out)
    front = (v < ground_h - 0.3) & (u > 0.45) & (u < w - 0.45) & (v > 0.35) & (v < 2.55)
    shopm = front & shop
    shop_tbl = np.array([int(np.random.default_rng(g["seed"] + 2).integers(0, len(shop_cols))) for g in segs])[s]
    sc_ = np.stack([rgb(c) for c in shop_cols])[shop_tbl]
    mull = ((u - 0.45) % 1.1) < 0.06
    # inside: a bright ceiling, shelves of goods (blocks of varying brightness), a dark counter
    goods = tables[s, np.clip((v * 3.2).astype(np.int32), 0, 63), np.clip((u * 5.0).astype(np.int32) + 20, 0, 63)]
    shelf = ((v - 0.35) % 0.5) < 0.06
    inside = (0.55 + 0.35 * np.clip((v - 0.35) / 2.2, 0, 1) + 0.25 * (goods - 0.5))
    inside = np.where(shelf, 0.3, inside)
    inside = np.where(v < 1.0, 0.22 + 0.1 * goods, inside)  # the counter and whoever stands behind it
    inside = np.where(v > 2.35, 1.05, inside)
    frontlight = sc_ * inside[:, None] * shop_gain
    out = np.where(shopm[:, None], np.where(mull[:, None], base * 0.4, sc_ * 0.35 * inside[:, None]), out)
    e = np.where((shopm & ~mull)[:, None], frontlight, e)
    shut = front & ~shop & shutter
    rib = ((v * 9.0) % 1.0) < 0.3
    out = np.where(shut[:, None], np.where(rib[:, None], base * 0.8, base * 1.05), out)
    door = front & ~shop & ~shutter & (np.abs(u - w * 0.5) < 0.5) & (v < 2.1)
    out = np.where(door[:, None], base * 0.45, out)
    col[m] = out
    em[m] = e
    return col, em, m.astype(np.float32)


def sample2(tex: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Nearest lookup of a tiling texture at float coordinates (u along x, v along y), in texels."""
    th, tw = tex.shape[:2]
    return tex[np.mod(v.astype(np.int64), th), np.mod(u.astype(np.int64), tw)]


def fog_by_depth(img: np.ndarray, Z: np.ndarray, colour: Colour, k: float, amount: float = 1.0) -> np.ndarray:
    t = (1.0 - np.exp(-np.minimum(Z, 4000) / k)) * amount
    return img * (1 - t[..., None]) + rgb(colour) * t[..., None]


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 on screen


def screen_box(st: Street, pts: Sequence[tuple[float, float, float]], pad: float = 0.0) -> Box:
    """The screen box round some points of the street, grown by ``pad`` pixels."""
    xs, ys = zip(*st.PP(pts))
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def hidden(box: Box, z: float, blockers: Sequence[tuple[Box, float]], share: float = 0.0) -> bool:
    """Whether a board at depth ``z`` filling ``box`` would have more than ``share`` of it covered by any
    nearer blocker (a sign, a lamp, a box on the wall): then its words would not read whole."""
    area = max(1e-6, (box[2] - box[0]) * (box[3] - box[1]))
    for b, zb in blockers:
        if zb >= z:
            continue
        w = min(box[2], b[2]) - max(box[0], b[0])
        h = min(box[3], b[3]) - max(box[1], b[1])
        if w > 0 and h > 0 and w * h > share * area:
            return True
    return False


def fit_sign(st: Street, X0: float, X1: float, y0: float, y1: float, Z: float, low: float, tall: float = 1.5,
             margin: float = 10.0) -> tuple[float, float] | None:
    """A camera-facing sign's bottom and top (metres) moved so that the whole board, and so every word on
    it, stands inside the frame: the top comes down under the frame's edge, the bottom down to ``low`` if
    the board would get shorter than ``tall``; None when no whole board fits there (or it leaves the
    frame at a side)."""
    xa, xb = st.P(X0, 0.0, Z)[0], st.P(X1, 0.0, Z)[0]
    if min(xa, xb) < margin or max(xa, xb) > W - margin:
        return None
    top = st.cam + (st.cy - margin) * Z / st.f  # the highest height still inside the frame at this depth
    y1 = min(y1, top)
    y0 = max(low, min(y0, y1 - tall))
    return (y0, y1) if y1 - y0 >= tall * 0.8 else None


def sign_box(L: Sketch, st: Street, r: np.random.Generator, X0: float, X1: float, Y0: float, Y1: float, Z: float,
             colour: Colour, n: int, vertical: bool = True, board: Colour | None = None, mirror: bool = False, seed: int = 0,
             frame: bool = True) -> None:
    """A sign facing the camera at depth Z: a dark board, a neon frame, glyph strokes (all emission)."""
    (xa, ya), (xb, yb) = st.P(X0, Y1, Z, mirror), st.P(X1, Y0, Z, mirror)
    if mirror:
        ya, yb = yb, ya
    x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
    w, h = x1 - x0, y1 - y0
    core = mix(colour, LIGHTEST, 0.45)
    emit = rgb(colour) * 1.35
    if board is not None:
        L.rect(x0, y0, x1, y1, board)
    lw = max(1.0, min(w, h) * 0.045)
    if frame:
        L.rect(x0 + lw, y0 + lw, x1 - lw, y1 - lw, None, None, base=False)
        pts = [(x0 + lw * 1.5, y0 + lw * 1.5), (x1 - lw * 1.5, y0 + lw * 1.5), (x1 - lw * 1.5, y1 - lw * 1.5),
               (x0 + lw * 1.5, y1 - lw * 1.5), (x0 + lw * 1.5, y0 + lw * 1.5)]
        L.line(pts, lw * 0.8, core if board is not None else None, rgb(colour) * 0.8, base=board is not None)
    gr = np.random.default_rng(seed)
    if vertical:
        size = w * 0.62
        n = max(1, min(n, int((h - w * 0.35) / (size * 1.22))))
        gx = x0 + (w - size) / 2
        gy = y0 + (h - n * size * 1.22 + size * 0.22) / 2
    else:
        size = h * 0.6
        n = max(1, min(n, int((w - h * 0.35) / (size * 1.22))))
        gx = x0 + (w - n * size * 1.22 + size * 0.22) / 2
        gy = y0 + (h - size) / 2
    if mirror:  # the glyphs read upside down in a puddle
        draw_glyphs(L, gr, gx, gy, size, n, vertical, max(0.8, size * 0.09), core, emit, base=False,
                    flip_y=(y0 + y1) / 2)
        return
    draw_glyphs(L, gr, gx, gy, size, n, vertical, max(0.8, size * 0.09), core, emit, base=board is not None)


def catenary(st: Street, Xa: float, Ya: float, Xb: float, Yb: float, Z: float, sag: float, n: int = 24,
             mirror: bool = False) -> list[Point]:
    pts = []
    for i in range(n + 1):
        t = i / n
        X = Xa + (Xb - Xa) * t
        Y = Ya + (Yb - Ya) * t - sag * 4 * t * (1 - t)
        pts.append(st.P(X, Y, Z, mirror))
    return pts


def far_hit(hit: dict, segs: list[dict]) -> dict:
    """The far facade's hits re-indexed as a wall row along x (for shade_walls with side 4)."""
    out = dict(hit)
    z1 = np.array([g["z1"] for g in segs], np.float32)
    out["seg"] = np.clip(np.searchsorted(z1, hit["U"], side="right"), 0, len(segs) - 1).astype(np.int32)
    return out


def ground_spill(hit: dict, st: Street, segs: list[dict], side: int, shop_cols: list, k: float, reach: float = 1.6) -> np.ndarray:
    """Warm light thrown on the ground in front of the lit shop fronts of one wall row."""
    g = hit["kind"] == 3
    X, Z = hit["U"], hit["V"]
    xw = st.xl if side == 1 else st.xr
    d = np.abs(X - xw)
    out = np.zeros((H, W, 3), np.float32)
    for seg in segs:
        if not seg["shop"]:
            continue
        c = rgb(shop_cols[int(np.random.default_rng(seg["seed"] + 2).integers(0, len(shop_cols)))])
        along = smoothstep(seg["z0"] + 0.2, seg["z0"] + 1.2, Z) * (1 - smoothstep(seg["z1"] - 1.2, seg["z1"] - 0.2, Z))
        out += (np.exp(-d / reach) * along * g)[..., None] * c * k
    return out
