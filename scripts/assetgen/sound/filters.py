"""Filtering in the frequency domain (circular by default, so loops stay seamless): spectral gain
curves (low-, high-, band-pass, peaks, chains), white and coloured noise, noise shaped over time by a
short-time spectrum, and random clicks (vinyl crackle).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from .signal import SR, decay

Gain = Callable[[np.ndarray], np.ndarray]  # frequencies (Hz) -> linear gain


@lru_cache(maxsize=256)
def fast_len(n: int) -> int:
    """The smallest 7-smooth number >= n (sizes the FFT handles quickly)."""
    best = 1 << int(np.ceil(np.log2(max(n, 1))))
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p357 = p35
            while p357 < best:
                v = p357
                while v < n:
                    v *= 2
                best = min(best, v)
                p357 *= 3
            p35 *= 5
        p5 *= 7
    return best


def spectral(x: np.ndarray, gain: Gain, circular: bool = True, pad: float = 0.0) -> np.ndarray:
    """Zero-phase filter: multiply the spectrum by gain(freqs) (float32 FFT).

    Circular (the signal is one period of a loop) unless circular=False, when it is zero-padded
    by `pad` seconds to a fast FFT size.
    """
    x = np.asarray(x, dtype=np.float32)
    n = x.shape[-1]
    size = n if circular else fast_len(n + int(pad * SR))
    freqs = np.fft.rfftfreq(size, 1.0 / SR)
    g = gain(freqs) if callable(gain) else gain
    y = np.fft.irfft(np.fft.rfft(x, size, axis=-1) * np.asarray(g, dtype=np.float32), size, axis=-1)
    return y[..., :n].astype(np.float32, copy=False)


def lowpass(fc: float, order: float = 2.0) -> Gain:
    return lambda f: 1.0 / np.sqrt(1.0 + (f / fc) ** (2 * order))


def highpass(fc: float, order: float = 2.0) -> Gain:
    return lambda f: 1.0 / np.sqrt(1.0 + (fc / np.maximum(f, 1e-3)) ** (2 * order))


def bandpass(lo: float, hi: float, order: float = 2.0) -> Gain:
    lp, hp = lowpass(hi, order), highpass(lo, order)
    return lambda f: lp(f) * hp(f)


def peak(fc: float, q: float, gain_db: float) -> Gain:
    """A bell-shaped boost or cut on a log-frequency axis (q ~ 1/octaves)."""
    return lambda f: 10 ** (gain_db / 20 * np.exp(-0.5 * (np.log2(np.maximum(f, 1.0) / fc) * q * 2) ** 2))


def chain(*gains: Gain) -> Gain:
    def g(f: np.ndarray) -> np.ndarray:
        out = np.ones_like(f)
        for h in gains:
            out = out * h(f)
        return out

    return g


def white(gen: np.random.Generator, n: int) -> np.ndarray:
    return gen.standard_normal(n, dtype=np.float32)


def coloured(gen: np.random.Generator, n: int, slope_db_oct: float = -3.0) -> np.ndarray:
    """Circular noise with a spectral slope (-3 dB/oct pink, -6 brown), unit RMS."""
    x = gen.standard_normal(n)
    y = spectral(x, lambda f: (np.maximum(f, 20.0) / 1000.0) ** (slope_db_oct / 6.0206))
    return (y / (np.sqrt(np.mean(y.astype(np.float64) ** 2)) + 1e-12)).astype(np.float32)


def stft_noise(gen: np.random.Generator, n: int, shape: Callable[[np.ndarray, np.ndarray], np.ndarray], nfft: int = 2048,
               hop: int = 512) -> np.ndarray:
    """Circular noise whose spectrum changes over time.

    shape(times, freqs) -> gains array (frames, bins); times in seconds (frame centres).
    Built by overlap-adding random-phase frames, wrapping at the end so the result loops.
    """
    if n % hop:  # prefer a hop that divides the loop exactly, so no crossfade is needed
        for h in range(hop, hop // 2, -1):
            if n % h == 0:
                hop, nfft = h, 4 * h
                break
    frames = -(-n // hop)
    times = (np.arange(frames) * hop) / SR
    freqs = np.fft.rfftfreq(nfft, 1.0 / SR)
    g = np.asarray(shape(times[:, None], freqs[None, :]), dtype=np.float32)
    spec = (gen.standard_normal((frames, freqs.size), dtype=np.float32)
            + 1j * gen.standard_normal((frames, freqs.size), dtype=np.float32)) * g
    blocks = np.fft.irfft(spec, nfft, axis=1).astype(np.float32)
    window = np.hanning(nfft + 1)[:nfft].astype(np.float32)
    blocks *= window
    total = frames * hop
    out = np.zeros(total + nfft, dtype=np.float32)
    # overlap-add vectorised: nfft/hop interleaved groups, each non-overlapping
    k = nfft // hop
    for r in range(k):
        sel = blocks[r::k]
        start = r * hop
        seg = sel.reshape(-1)
        out[start : start + seg.size] += seg
    # wrap the tail onto the head: circular in `total` samples, then trim to n by resampling-free crop
    out[:nfft] += out[total : total + nfft]
    out = out[:total]
    out = out[:n] if total == n else _circular_crop(out, n)
    rms = np.sqrt(np.mean(out.astype(np.float64) ** 2)) + 1e-12
    return (out / rms).astype(np.float32)


def _circular_crop(x: np.ndarray, n: int) -> np.ndarray:
    """Make a loop of length n out of a loop of length len(x) >= n by crossfading the excess onto the head."""
    extra = x.size - n
    if extra <= 0:
        return x
    y = x[:n].copy()
    w = np.linspace(0, 1, extra, dtype=np.float32)
    # the excess part continues after y's end; blend it into y's head so the join is seamless
    y[:extra] = y[:extra] * w + x[n:] * (1 - w)
    return y


def clicks(gen: np.random.Generator, n: int, rate: float, length: float, tone: float, amp_spread: float = 1.0,
           circular: bool = True) -> np.ndarray:
    """Sparse impulsive clicks (crackle, rain drops): Poisson times, heavy-tailed amplitudes.

    Each click is a tiny decaying burst (a sharp one or a slightly softer one; smooth shapes, so
    the texture has no fixed pitch or colour); `tone` (0..1) darkens them. Circular unless told.
    """
    count = gen.poisson(rate * n / SR)
    pos = gen.integers(0, n, count)
    amps = np.minimum(gen.pareto(2.5, count) + 0.2, 3.0) * amp_spread * gen.choice([-1.0, 1.0], count)
    m = max(4, int(length * SR))
    size = n if circular else fast_len(n + m)
    group = gen.integers(0, 2, count)
    kernels = [decay(m, length / 6.0) * np.float32(1.3), decay(m, length / 3.0) * np.float32(0.8)]
    total = None
    for k in range(2):
        impulses = np.zeros(size, dtype=np.float32)
        sel = group == k
        np.add.at(impulses, pos[sel], amps[sel].astype(np.float32))
        part = np.fft.rfft(impulses) * np.fft.rfft(kernels[k], size)
        total = part if total is None else total + part
    if tone > 0:
        total *= np.asarray(lowpass(12000 * (1 - tone) + 600, 1.5)(np.fft.rfftfreq(size, 1.0 / SR)), dtype=np.float32)
    # circular convolution at size n: clicks near the end ring on into the head
    return np.fft.irfft(total, size)[:n].astype(np.float32)
