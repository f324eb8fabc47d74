"""Interface sounds: a soft tick, a glassy chime, a falling tone, a muted double bump. They peak
well below full scale.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .kit import SR, _n, _place, _room


def ui_move() -> np.ndarray:
    """A soft tick: a tiny damped click with a faint woody tone."""
    gen = rng("sfx:ui_move")
    n = _n(0.09)
    click = sound.spectral(sound.white(gen, n), sound.bandpass(1800, 6000, 2), circular=False, pad=0.02) * sound.decay(n, 0.003)
    tone = sound.sine(1950.0, n) * sound.decay(n, 0.012) * np.float32(0.6)
    body = sound.sine(820.0, n) * sound.decay(n, 0.02) * np.float32(0.35)
    x = (click * np.float32(0.5) + tone + body) * sound.ramp_in(n, 0.0008)
    return sound.normalise_peak(sound.fade(x, 0.0, 0.02), -14.0)


def ui_select() -> np.ndarray:
    """A gentle glassy chime: A5 and E6 (an open fifth), lightly strummed, with a little room."""
    n = _n(1.4)
    x = np.zeros(n, dtype=np.float32)
    _place(x, sound.bell(sound.note("A5"), 0.9, 1.3, bright=0.75), 0.0)
    _place(x, sound.bell(sound.note("E6"), 0.7, 1.2, bright=0.75), 0.028)
    _place(x, sound.bell(sound.note("A6"), 0.25, 0.8, bright=0.4), 0.05)
    x = _room(x, "sfx-small", 0.8, 0.35)
    return sound.normalise_peak(sound.fade(x, 0.001, 0.25), -9.0)


def ui_back() -> np.ndarray:
    """A lower, soft tone that falls a fourth (D5 to A4), rounded and short."""
    n = _n(0.45)
    t = np.arange(n) / SR
    f = sound.hz(sound.note("A4")) + (sound.hz(sound.note("D5")) - sound.hz(sound.note("A4"))) * np.exp(-t / 0.04)
    c = sound.sweep_cycles(f)
    x = np.sin(sound.TWO_PI * c) + np.float32(0.18) * np.sin(2 * sound.TWO_PI * c)
    x = x * sound.decay(n, 0.11) * sound.ramp_in(n, 0.004)
    x = _room(x.astype(np.float32), "sfx-small", 0.6, 0.25)
    return sound.normalise_peak(sound.fade(x, 0.001, 0.08), -12.0)


def ui_error() -> np.ndarray:
    """A muted double bump: two low, rounded thumps, the second a little lower."""
    gen = rng("sfx:ui_error")
    n = _n(0.42)
    x = np.zeros(n, dtype=np.float32)
    for i, (t0, f) in enumerate(((0.0, 174.0), (0.13, 155.0))):
        m = _n(0.16)
        tt = np.arange(m) / SR
        ff = f * (1 + 0.25 * np.exp(-tt / 0.01))
        c = sound.sweep_cycles(ff)
        bump = (np.sin(sound.TWO_PI * c) + np.float32(0.3) * np.sin(2 * sound.TWO_PI * c)) * sound.decay(m, 0.035)
        thud = sound.spectral(sound.white(gen, m), sound.lowpass(500, 2), circular=False, pad=0.02) * sound.decay(m, 0.01)
        _place(x, (bump + thud * np.float32(0.15)) * sound.ramp_in(m, 0.003), t0, 1.0 if i == 0 else 0.85)
    x = sound.spectral(x, sound.lowpass(1200, 2), circular=False, pad=0.05)
    return sound.normalise_peak(sound.fade(x, 0.001, 0.05), -8.0)
