"""Mastering: loudness (ITU-R BS.1770 K-weighting with gating), a look-ahead peak limiter, the
master chain to a loudness target under a ceiling, a click-free start, peak and RMS levels.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from .filters import Gain, fast_len
from .signal import SR


def _biquad_mag2(f: np.ndarray, b: tuple[float, float, float], a: tuple[float, float, float], fs: float = 48000.0) -> np.ndarray:
    z = np.exp(-1j * 2 * np.pi * f / fs)
    num = b[0] + b[1] * z + b[2] * z * z
    den = a[0] + a[1] * z + a[2] * z * z
    return np.abs(num / den) ** 2


@lru_cache(maxsize=8)
def _k_weight_n(size: int) -> np.ndarray:
    return _k_weight(np.fft.rfftfreq(size, 1.0 / SR)).astype(np.float32)


def _k_weight(f: np.ndarray) -> np.ndarray:
    shelf = _biquad_mag2(f, (1.53512485958697, -2.69169618940638, 1.19839281085285),
                         (1.0, -1.69065929318241, 0.73248077421585))
    hp = _biquad_mag2(f, (1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))
    return np.sqrt(shelf * hp)


def loudness(x: np.ndarray) -> float:
    """Integrated loudness in LUFS (ITU-R BS.1770: K-weighting by FFT, 400 ms blocks, gating)."""
    x = np.atleast_2d(np.asarray(x, dtype=np.float32))
    size = fast_len(x.shape[-1])
    y = np.fft.irfft(np.fft.rfft(x, size, axis=-1) * _k_weight_n(size), size, axis=-1)[..., : x.shape[-1]]
    return _gated_loudness(np.sum(y.astype(np.float64) ** 2, axis=0))


def _gated_loudness(power: np.ndarray) -> float:
    """BS.1770 gating over per-sample K-weighted power (summed over channels)."""
    blk, hop = int(0.4 * SR), int(0.1 * SR)
    if power.size < blk:
        return float(-0.691 + 10 * np.log10(power.mean() + 1e-12))
    c = np.concatenate([[0.0], np.cumsum(power)])
    starts = np.arange(0, power.size - blk + 1, hop)
    ms = (c[starts + blk] - c[starts]) / blk
    lk = -0.691 + 10 * np.log10(ms + 1e-12)
    ms = ms[lk > -70]
    if ms.size == 0:
        return -70.0
    rel = -0.691 + 10 * np.log10(ms.mean()) - 10
    ms2 = ms[(-0.691 + 10 * np.log10(ms)) > rel]
    return float(-0.691 + 10 * np.log10(ms2.mean()))


def _sliding_min(g: np.ndarray, w: int) -> np.ndarray:
    """out[k] = min(g[k : k + w]) with circular wrap (van Herk / Gil-Werman, vectorised)."""
    n = g.size
    ext = np.concatenate([g, g[:w]])
    m = -(-ext.size // w) * w
    ext = np.concatenate([ext, np.full(m - ext.size, np.inf)]).reshape(-1, w)
    pre = np.minimum.accumulate(ext, axis=1).ravel()
    suf = np.minimum.accumulate(ext[:, ::-1], axis=1)[:, ::-1].ravel()
    k = np.arange(n)
    return np.minimum(suf[k], pre[k + w - 1])


def limit(x: np.ndarray, ceiling: float, window: float = 0.012, return_gain: bool = False) -> Any:
    """Transparent look-ahead peak limiter (circular): the gain never lets a sample exceed `ceiling`."""
    x = np.atleast_2d(x)
    a = np.abs(x).max(axis=0).astype(np.float64)
    need = np.minimum(1.0, ceiling / np.maximum(a, 1e-12))
    if need.min() >= 1.0:
        return (x, np.ones(x.shape[-1])) if return_gain else x
    w = max(2, int(window * SR))
    m = _sliding_min(need, w)  # m[k] = min need over [k, k+w)
    c = np.concatenate([[0.0], np.cumsum(np.concatenate([m[-w + 1 :], m]))])
    g = (c[w:] - c[:-w]) / w  # mean of m over [k-w+1, k]
    y = (x * g[: x.shape[-1]].astype(np.float32)).astype(np.float32)
    return (y, g) if return_gain else y


def master(x: np.ndarray, target_lufs: float = -16.0, ceiling_db: float = -1.5, eq: Gain | None = None) -> np.ndarray:
    """Optional EQ, then normalise a loop to a loudness target and limit its peaks below the ceiling.

    One FFT gives both the EQ'd signal and its K-weighted version; the limiter's gain curve is
    folded into the loudness estimate, so a second pass needs no further filtering.
    """
    ceiling = 10 ** (ceiling_db / 20)
    y = np.atleast_2d(np.array(x, dtype=np.float32))
    if y.shape[0] == 2:  # keep the two sides within about half a dB of each other
        power = np.mean(y.astype(np.float64) ** 2, axis=1)
        tilt = np.clip(10 * np.log10(power[0] / power[1]), -2, 2)
        y[0] *= np.float32(10 ** (-tilt / 40))
        y[1] *= np.float32(10 ** (tilt / 40))
    n = y.shape[-1]
    spec = np.fft.rfft(y, axis=-1)
    freqs = np.fft.rfftfreq(n, 1.0 / SR)
    if eq is not None:
        spec *= np.asarray(eq(freqs), dtype=np.float32)
        y = np.fft.irfft(spec, n, axis=-1).astype(np.float32)
    k = np.fft.irfft(spec * _k_weight(freqs).astype(np.float32), n, axis=-1)
    kpow = np.sum(k.astype(np.float64) ** 2, axis=0)
    del spec, k
    gain = 10 ** ((target_lufs - _gated_loudness(kpow)) / 20)
    out, env = limit(y * np.float32(gain), ceiling, return_gain=True)
    total = gain * env
    for _ in range(2):
        level = _gated_loudness(kpow * total**2)
        if abs(level - target_lufs) <= 0.2:
            break
        extra = 10 ** ((target_lufs - level) / 20)
        out, env2 = limit(out * np.float32(extra), ceiling, return_gain=True)
        total = total * extra * env2
    return np.clip(out, -ceiling, ceiling)


def quiet_start(x: np.ndarray, window: float = 0.002) -> np.ndarray:
    """Rotate a loop by at most `window` seconds so that it starts at its quietest nearby sample.

    The loop itself is unchanged (it is circular); only the first sample the player meets, on the
    first play, becomes close to silence, so starting playback does not click.
    """
    x = np.asarray(x, dtype=np.float32)
    w = int(window * SR)
    cand = np.arange(-w, w + 1)
    frames = np.atleast_2d(x)
    score = np.abs(frames[:, cand % frames.shape[-1]]).sum(axis=0)
    k = int(cand[np.argmin(score)])
    return np.roll(x, -k, axis=-1)


def normalise_peak(x: np.ndarray, peak_db: float) -> np.ndarray:
    return x * np.float32(10 ** (peak_db / 20) / (np.abs(x).max() + 1e-12))


def rms_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.asarray(x, dtype=np.float64) ** 2) + 1e-20))
