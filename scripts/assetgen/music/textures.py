"""The world under the music: distant rain, vinyl crackle, radio beeps from Mars, wind.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .. import sound
from ..seeds import rng


def rain_layer(n: int, name: str, level: float = 1.0) -> np.ndarray:
    """Distant rain: soft broadband hiss, many tiny drops, a faint low city rumble. (2, n), circular."""
    out = []
    for ch in range(2):
        gen = rng(f"rain:{name}:{ch}")
        hiss = sound.spectral(sound.coloured(gen, n, -2.0), sound.chain(sound.bandpass(500, 6000, 2), sound.peak(2500, 0.8, 3)))
        drops = sound.clicks(gen, n, rate=900, length=0.004, tone=0.3, amp_spread=0.12)
        drops = sound.spectral(drops, sound.chain(sound.highpass(1500, 1.5), sound.lowpass(7000, 2)))
        rumble = sound.spectral(sound.coloured(gen, n, -6.0), sound.lowpass(140, 2))
        out.append(hiss * 0.05 + drops * 0.6 + rumble * 0.03)
    return np.stack(out) * np.float32(level)


def crackle_layer(n: int, name: str, level: float = 1.0) -> np.ndarray:
    """Vinyl surface: sparse crackles, a few louder pops, faint hiss and rumble. (2, n), circular."""
    out = []
    for ch in range(2):
        gen = rng(f"crackle:{name}:{ch}")
        fine = sound.clicks(gen, n, rate=35, length=0.0015, tone=0.35, amp_spread=0.08)
        pops = sound.clicks(gen, n, rate=1.2, length=0.004, tone=0.55, amp_spread=0.25)
        hiss = sound.spectral(sound.white(gen, n), sound.bandpass(2000, 9000, 1.0)) * 0.006
        rumble = sound.spectral(sound.coloured(gen, n, -6.0), sound.bandpass(20, 90, 2)) * 0.01
        out.append(fine + pops + hiss + rumble)
    x = np.stack(out)
    return sound.widen(x, 0.6) * np.float32(level)


def radio_beeps(n: int, name: str, times: list[float], level: float = 1.0) -> np.ndarray:
    """Distant spacecraft comms: short sine beeps and a quindar-like tone, band-limited, with static."""
    gen = rng(f"beeps:{name}")
    out = np.zeros(n + 3 * sound.SR, dtype=np.float32)
    for t in times:
        start = int(t * sound.SR)
        kind = gen.integers(0, 3)
        if kind == 0:  # three short data beeps
            seq = [(0.0, 0.07, 1760.0), (0.12, 0.07, 1760.0), (0.24, 0.11, 2349.0)]
        elif kind == 1:  # quindar-like intro tone
            seq = [(0.0, 0.25, 2525.0)]
        else:  # two beeps, low-high
            seq = [(0.0, 0.09, 1175.0), (0.16, 0.13, 1568.0)]
        for off, d, f in seq:
            m = int(d * sound.SR)
            beep = sound.sine(f, m) * sound.ramp_in(m, 0.004)
            beep = sound.fade(beep, 0.0, 0.01)
            s = start + int(off * sound.SR)
            out[s : s + m] += beep * np.float32(0.5)
        m = int(0.6 * sound.SR)
        static = sound.white(gen, m) * sound.decay(m, 0.12) * np.float32(0.08)
        out[start : start + m] += static
    out = sound.spectral(out, sound.chain(sound.bandpass(350, 3200, 2.0)))
    return sound.fold(out[None, :], n)[0] * np.float32(level)


def wind_layer(n: int, name: str, level: float) -> np.ndarray:
    """Filtered wind: noise through a band that follows gusts; a faint whistle on the strongest gusts."""
    out = []
    loop_s = n / sound.SR
    for ch in range(2):
        gen = rng(f"wind:{name}:{ch}")
        comps = [(k, gen.uniform(0.4, 1.0) / k ** 0.6, gen.uniform(0, 2 * np.pi))
                 for k in (2, 3, 5, 7, 11, 13)]
        norm = sum(c[1] for c in comps)

        def gust(t: np.ndarray, comps: list[tuple[int, float, float]] = comps, norm: float = norm) -> np.ndarray:
            g = sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / norm
            return 0.5 + 0.5 * g

        def shape(t: np.ndarray, f: np.ndarray, gust: Callable[[np.ndarray], np.ndarray] = gust) -> np.ndarray:
            g = gust(t)
            centre = 260.0 * 2 ** (2.0 * g)
            band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 1.1) ** 2)
            whistle = 0.35 * g ** 3 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / (centre * 2.6)) / 0.08) ** 2)
            low = 0.5 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 80) / 1.0) ** 2)
            return (0.25 + 0.9 * g) * (band + whistle + low)

        x = sound.stft_noise(gen, n, shape)
        out.append(x)
    return sound.widen(np.stack(out), 1.2) * np.float32(0.09 * level)
