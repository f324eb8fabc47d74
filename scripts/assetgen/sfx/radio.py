"""The link to Mars: comms beeps over static, radio static, a message sent (a rising swoosh) and one
arriving (two soft pings a fourth apart).
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .kit import SR, _n, _place, _rms_to, _room


def radio_beep() -> np.ndarray:
    """Spacecraft comms: two short quindar-like beeps (2525 Hz) over a breath of band-limited static."""
    gen = rng("sfx:radio_beep")
    n = _n(0.75)
    x = np.zeros(n, dtype=np.float32)
    for t0, d in ((0.03, 0.13), (0.24, 0.2)):
        m = _n(d)
        beep = sound.sine(2525.0, m) + np.float32(0.08) * sound.sine(5050.0, m)
        _place(x, sound.fade(beep, 0.004, 0.01), t0, 0.6)
    static = sound.white(gen, n) * np.float32(0.06)
    env = np.exp(-np.arange(n) / SR / 0.3).astype(np.float32) * sound.ramp_in(n, 0.01)
    x = sound.spectral(x + static * env, sound.bandpass(300, 3400, 3), circular=False, pad=0.05)
    return sound.normalise_peak(sound.fade(x, 0.002, 0.1), -8.0)


def radio_static() -> np.ndarray:
    """Three seconds of radio static: band-limited noise that fades, flutters and crackles (loops)."""
    gen = rng("sfx:radio_static")
    n = _n(3.0)
    loop_s = n / SR
    comps = [(k, gen.uniform(0.3, 1.0), gen.uniform(0, 2 * np.pi)) for k in (2, 5, 9, 17, 31)]

    def shape(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        fl = sum(a * np.sin(2 * np.pi * k * t / loop_s + ph) for k, a, ph in comps) / sum(c[1] for c in comps)
        level = 0.55 + 0.45 * fl
        band = np.exp(-0.5 * (np.log2(np.maximum(f, 20) / 1300.0) / 1.0) ** 2)
        return level * band

    x = sound.stft_noise(gen, n, shape)
    x = sound.spectral(x, sound.bandpass(300, 3400, 3))
    x = x * np.float32(0.8) + sound.clicks(gen, n, rate=30, length=0.002, tone=0.4, amp_spread=0.6)
    # a faint heterodyne whistle, drifting; its frequency is scaled to whole cycles per loop
    t = np.arange(n) / SR
    f = 1180 + 25 * np.sin(2 * np.pi * t / loop_s)
    f = f * (np.round(f.sum() / SR) / (f.sum() / SR))
    whistle = np.sin(sound.TWO_PI * sound.sweep_cycles(f))
    x = x / np.float32(np.sqrt(np.mean(x**2))) + whistle * np.float32(0.05)
    x = sound.spectral(x, sound.chain(sound.bandpass(250, 4000, 3)))
    x = _rms_to(x, -22.0)
    return sound.limit(x, 10 ** (-4 / 20))[0]


def message_send() -> np.ndarray:
    """A rising digital swoosh: a sweeping band of noise, a gliding tone, then a small bright blip."""
    gen = rng("sfx:message_send")
    n = _n(0.9)
    dur = 0.5

    def shape(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        p = np.clip(t / dur, 0, 1)
        centre = 500 * 2 ** (3.3 * p)
        env = np.sin(np.pi * p) ** 1.5 * (t < dur)
        return env * np.exp(-0.5 * (np.log2(np.maximum(f, 20) / centre) / 0.5) ** 2)

    whoosh = sound.stft_noise(gen, n, shape, nfft=1024, hop=256)
    t = np.arange(n) / SR
    p = np.clip(t / dur, 0, 1)
    f = 600 * 2 ** (1.6 * p)
    glide = np.sin(sound.TWO_PI * sound.sweep_cycles(f)) * (np.sin(np.pi * p) ** 2 * (t < dur)).astype(np.float32)
    x = whoosh * np.float32(0.12) + glide * np.float32(0.25)
    _place(x, sound.bell(sound.note("A6"), 0.5, 0.4, bright=0.6), dur - 0.03)
    x = _room(x, "sfx-small", 0.7, 0.25)
    return sound.normalise_peak(sound.fade(x, 0.002, 0.1), -8.0)


def message_arrive() -> np.ndarray:
    """Two soft pings a fourth apart (E6, then A6): Nan-young's rising interval, quietly."""
    n = _n(1.4)
    x = np.zeros(n, dtype=np.float32)
    _place(x, sound.bell(sound.note("E6"), 0.8, 1.0, bright=0.35), 0.0)
    _place(x, sound.bell(sound.note("A6"), 0.75, 1.2, bright=0.35), 0.16)
    x = _room(x, "sfx-small", 0.9, 0.35)
    return sound.normalise_peak(sound.fade(x, 0.001, 0.3), -9.0)
