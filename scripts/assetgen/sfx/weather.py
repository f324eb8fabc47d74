"""Wind, rain and steps: storm wind with gusts, one soft footstep, steady rain.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .kit import SR, _n, _place, _rms_to


def storm_wind() -> np.ndarray:
    """Six seconds of storm wind: a band of noise that rises and falls with the gusts (loops)."""
    gen = rng("sfx:storm_wind")
    n = _n(6.0)
    loop_s = n / SR
    comps = [(k, gen.uniform(0.4, 1.0) / k ** 0.5, gen.uniform(0, 2 * np.pi)) for k in (1, 2, 3, 5, 8)]
    norm = sum(c[1] for c in comps)

    def shape(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        g = 0.5 + 0.5 * sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / norm
        centre = 280.0 * 2 ** (1.8 * g)
        band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 1.0) ** 2)
        whistle = 0.3 * g**3 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / (centre * 2.5)) / 0.07) ** 2)
        sand = 0.06 * g**2 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 5000) / 0.8) ** 2)
        low = 0.4 * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 70) / 1.0) ** 2)
        return (0.3 + 0.9 * g) * (band + whistle + sand + low)

    x = sound.stft_noise(gen, n, shape)
    x = _rms_to(x, -20.0)
    return sound.limit(x, 10 ** (-3 / 20))[0]


def footstep() -> np.ndarray:
    """One soft step: a heel's muffled thud, then the sole rolling off with a little grit."""
    gen = rng("sfx:footstep")
    n = _n(0.35)
    x = np.zeros(n, dtype=np.float32)
    m = _n(0.12)
    heel = sound.spectral(sound.white(gen, m), sound.bandpass(70, 450, 2), circular=False, pad=0.02) * sound.decay(m, 0.02)
    heel += sound.sine(95.0, m) * sound.decay(m, 0.03) * np.float32(0.6)
    _place(x, heel * sound.ramp_in(m, 0.002), 0.0)
    m2 = _n(0.1)
    scuff = sound.spectral(sound.white(gen, m2), sound.bandpass(900, 5000, 2), circular=False, pad=0.02)
    grit = sound.clicks(gen, m2, rate=250, length=0.001, tone=0.3, amp_spread=0.4, circular=False)
    env = np.sin(np.pi * np.arange(m2) / m2).astype(np.float32) ** 2
    _place(x, (scuff * np.float32(0.25) + grit) * env, 0.045, 0.5)
    x = sound.spectral(x, sound.lowpass(6000, 2), circular=False, pad=0.05)
    return sound.normalise_peak(sound.fade(x, 0.001, 0.05), -9.0)


def rain_loop() -> np.ndarray:
    """Six seconds of steady rain: a soft wash, many small drops, the odd heavier drip (loops)."""
    gen = rng("sfx:rain_loop")
    n = _n(6.0)
    wash = sound.spectral(sound.coloured(gen, n, -2.0), sound.chain(sound.bandpass(400, 8000, 1.5), sound.peak(2500, 0.8, 3)))
    drops = sound.spectral(sound.clicks(gen, n, rate=1400, length=0.003, tone=0.3, amp_spread=0.1), sound.highpass(1200, 1.5))
    drips = sound.clicks(gen, n, rate=6, length=0.012, tone=0.6, amp_spread=0.3)
    drips = sound.spectral(drips, sound.bandpass(700, 4000, 2))
    rumble = sound.spectral(sound.coloured(gen, n, -6.0), sound.lowpass(150, 2))
    x = wash * np.float32(0.06) + drops + drips + rumble * np.float32(0.02)
    x = sound.spectral(x, sound.lowpass(7000, 2))
    x = _rms_to(x, -24.0)
    return sound.limit(x, 10 ** (-4 / 20))[0]
