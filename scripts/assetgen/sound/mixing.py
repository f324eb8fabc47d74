"""Putting a piece together: a room impulse response (decaying filtered noise), circular convolution
and folding of tails onto a loop's head, buses with pans and reverb sends, the mix, and colour effects
(tremolo, tape wow and flutter, stereo width).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..seeds import rng
from .filters import chain, fast_len, highpass, lowpass, spectral
from .signal import SR, pan_stereo


@lru_cache(maxsize=16)
def room_ir(name: str, seconds: float = 3.0, rt60: float = 2.0, predelay: float = 0.02,
            dark: float = 0.5) -> np.ndarray:
    """A stereo impulse response: noise with band-dependent decay, early reflections, a pre-delay.

    The two sides are decorrelated in the mids and highs (width) but share most of their low end
    (no phasey bass). `dark` (0..1) shortens the high bands' decay (a warm room). Normalised so that
    the average power gain between 150 Hz and 3 kHz is 1: a send of s gives a wet level of about s.
    """
    gen = rng(f"ir:{name}")
    n = int(seconds * SR)
    t = np.arange(n) / SR
    edges = [0, 200, 500, 1000, 2000, 4000, 8000, SR / 2]
    factors = [1.15, 1.1, 1.0, 0.85, 0.7 - 0.2 * dark, 0.5 - 0.25 * dark, 0.35 - 0.2 * dark]
    freqs = np.fft.rfftfreq(n, 1.0 / SR)
    logf = np.log2(np.maximum(freqs, 10.0))
    shared = np.fft.rfft(gen.standard_normal(n))
    rho = np.clip(0.85 - 0.75 * (logf - np.log2(150.0)) / 3.0, 0.1, 0.85)  # 0.85 at 150 Hz -> 0.1 by 1.2 kHz
    out = np.zeros((2, n))
    pd = int(predelay * SR)
    for ch in range(2):
        spec = rho * shared + np.sqrt(1 - rho**2) * np.fft.rfft(gen.standard_normal(n))
        total = np.zeros(n)
        for i, rt_factor in enumerate(factors):
            lo, hi = edges[i], edges[i + 1]
            # smooth, complementary band masks on a log axis
            m_lo = 1.0 if lo == 0 else np.clip((logf - np.log2(lo)) / 0.5 + 0.5, 0, 1)
            m_hi = 1.0 if hi >= SR / 2 else np.clip((np.log2(hi) - logf) / 0.5 + 0.5, 0, 1)
            band = np.fft.irfft(spec * m_lo * m_hi, n)
            total += band * np.exp(-6.91 * t / max(0.05, rt60 * rt_factor))
        total *= 1 - np.exp(-t / 0.02)  # diffuse build-up
        # early reflections
        for _ in range(10):
            d = int(gen.uniform(0.004, 0.07) * SR)
            total[d] += gen.uniform(0.3, 1.0) * gen.choice([-1, 1]) * 3.0 * np.exp(-d / SR / 0.05)
        total = np.concatenate([np.zeros(pd), total])[:n]
        out[ch] = total
    out = spectral(out, chain(highpass(120, 1.0), lowpass(9000 - 3000 * dark, 1.5)), circular=False, pad=0.05)
    h = np.abs(np.fft.rfft(out, axis=1)) ** 2
    band = (freqs >= 150) & (freqs <= 3000)
    out /= np.sqrt(h[:, band].mean(axis=1, keepdims=True))
    return out.astype(np.float32)


def fold(x: np.ndarray, n: int) -> np.ndarray:
    """Wrap everything past sample n back onto the head (overlap-add), giving a seamless loop of length n."""
    out = np.array(x[..., :n], dtype=np.float32, copy=True)
    k = n
    while k < x.shape[-1]:
        part = x[..., k : k + n]
        out[..., : part.shape[-1]] += part
        k += n
    return out


def convolve_circular(x: np.ndarray, ir: np.ndarray) -> np.ndarray:
    """Circular convolution of a loop (2, n) with an IR (2, m): the reverb tail wraps onto the head."""
    n, m = x.shape[-1], ir.shape[-1]
    x = np.asarray(x, dtype=np.float32)
    ir = np.asarray(ir, dtype=np.float32)
    if m <= n:
        return np.fft.irfft(np.fft.rfft(x, axis=-1) * np.fft.rfft(ir, n, axis=-1), n, axis=-1).astype(np.float32)
    size = fast_len(n + m)
    y = np.fft.irfft(np.fft.rfft(x, size, axis=-1) * np.fft.rfft(ir, size, axis=-1), size, axis=-1)
    return fold(y[..., : n + m], n)


def convolve(x: np.ndarray, ir: np.ndarray) -> np.ndarray:
    """Linear convolution (mono or stereo x) with a stereo IR: returns (2, n + m - 1)."""
    x = np.atleast_2d(x)
    if x.shape[0] == 1:
        x = np.repeat(x, 2, axis=0)
    n, m = x.shape[-1], ir.shape[-1]
    size = fast_len(n + m)
    y = np.fft.irfft(np.fft.rfft(x.astype(np.float32), size, axis=-1) * np.fft.rfft(ir, size, axis=-1), size, axis=-1)
    return y[..., : n + m - 1].astype(np.float32)


class Bus:
    """A stereo track on a loop timeline; notes are added at times in seconds (wrapping round the loop)."""

    def __init__(self, n: int, level_db: float = -20.0, send: float = 0.2):
        self.n = n
        self.gain = level_db  # target active RMS in dB (see Mix)
        self.send = send
        self.data = np.zeros((2, n + 12 * SR), dtype=np.float32)

    def add(self, sig: np.ndarray, t: float, pan: float = 0.0, gain: float = 1.0) -> None:
        sig = np.asarray(sig, dtype=np.float32)
        if sig.ndim == 1:
            sig = pan_stereo(sig, pan)
        elif pan:
            sig = balance(sig, pan)
        start = int(round(t * SR)) % self.n
        end = start + sig.shape[-1]
        if end > self.data.shape[-1]:
            grown = np.zeros((2, end + SR), dtype=np.float32)
            grown[:, : self.data.shape[-1]] = self.data
            self.data = grown
        self.data[:, start:end] += sig * np.float32(gain)

    def loop(self) -> np.ndarray:
        return fold(self.data, self.n)


def balance(x: np.ndarray, pan: float) -> np.ndarray:
    """Pan a stereo signal (keeps its width)."""
    theta = (pan + 1.0) * np.pi / 4.0
    return np.stack([x[0] * np.float32(np.cos(theta) * np.sqrt(2)), x[1] * np.float32(np.sin(theta) * np.sqrt(2))])


def active_rms_db(x: np.ndarray, block: float = 0.5, floor_db: float = -40.0) -> float:
    """RMS level (dB) over the blocks where a part actually plays (blocks within floor_db of its loudest)."""
    e = np.mean(np.atleast_2d(np.asarray(x, dtype=np.float64)) ** 2, axis=0)
    size = int(block * SR)
    if e.size < size:
        return float(10 * np.log10(e.mean() + 1e-20))
    blocks = e[: e.size // size * size].reshape(-1, size).mean(axis=1)
    active = blocks[blocks >= blocks.max() * 10 ** (floor_db / 10)]
    return float(10 * np.log10(active.mean() + 1e-20))


class Mix:
    """Named buses on a circular timeline of `seconds`; render() folds, processes, levels, reverberates.

    Each bus is mixed to a target level: its RMS while it plays (``active_rms_db``), in dB, so the
    balance between parts is written down as numbers and does not drift when a part is rewritten.
    """

    def __init__(self, seconds: float):
        self.n = int(round(seconds * SR))
        self.buses: dict[str, Bus] = {}
        self.report: dict[str, float] = {}

    def bus(self, name: str, level_db: float = -20.0, send: float = 0.2) -> Bus:
        if name not in self.buses:
            self.buses[name] = Bus(self.n, level_db, send)
        return self.buses[name]

    def render(self, ir: np.ndarray, wet: float = 1.0, process: dict | None = None) -> np.ndarray:
        process = process or {}
        dry = np.zeros((2, self.n), dtype=np.float32)
        send = np.zeros((2, self.n), dtype=np.float32)
        for name, b in self.buses.items():
            x = b.loop()
            if name in process:
                x = process[name](x).astype(np.float32)
            level = active_rms_db(x)
            gain = np.float32(10 ** ((b.gain - level) / 20)) if level > -150 else np.float32(0)
            self.report[name] = level
            dry += x * gain
            send += x * (gain * np.float32(b.send))
        return dry + convolve_circular(send, ir) * np.float32(wet)


def tremolo(x: np.ndarray, rate: float, depth: float, stereo: bool = True) -> np.ndarray:
    """Amplitude tremolo / auto-pan whose rate is adjusted to a whole number of cycles per loop."""
    n = x.shape[-1]
    cycles = max(1, round(rate * n / SR))
    lfo = np.sin(2 * np.pi * cycles * np.arange(n) / n).astype(np.float32)
    if stereo:
        return np.stack([x[0] * (1 + depth * lfo), x[1] * (1 - depth * lfo)])
    return x * (1 + depth * lfo)


def wow(x: np.ndarray, depth_ms: float = 1.2, rate: float = 0.55, flutter_ms: float = 0.08) -> np.ndarray:
    """Circular pitch wobble (worn tape / warped record): read the loop at a slowly moving delay."""
    n = x.shape[-1]
    i = np.arange(n)
    c1 = max(1, round(rate * n / SR))
    c2 = max(1, round(7.3 * n / SR))
    d = (depth_ms * 1e-3 * SR * (1 + np.sin(2 * np.pi * c1 * i / n))
         + flutter_ms * 1e-3 * SR * np.sin(2 * np.pi * c2 * i / n))
    pos = (i - d) % n
    k = np.floor(pos).astype(np.int64)
    fr = (pos - k).astype(np.float32)
    k1 = (k + 1) % n
    return x[..., k] * (1 - fr) + x[..., k1] * fr


def widen(x: np.ndarray, amount: float) -> np.ndarray:
    mid = (x[0] + x[1]) * 0.5
    side = (x[0] - x[1]) * 0.5 * amount
    return np.stack([mid + side, mid - side])
