"""Jay's shop: the brass door bell, vinyl crackle, a needle landing in the groove, a cassette deck's
key and mechanism, tape hiss.
"""

from __future__ import annotations

import numpy as np

from .. import sound
from ..seeds import rng
from .kit import SR, _n, _place, _rms_to, _room


def door_bell() -> np.ndarray:
    """A small brass shop bell on a spring: struck as the door opens, then a few rebounds."""
    gen = rng("sfx:door_bell")
    n = _n(2.6)
    x = np.zeros(n, dtype=np.float32)
    modes = [(1.0, 1.0, 1.1), (2.32, 0.55, 0.6), (4.25, 0.35, 0.35), (6.63, 0.18, 0.2)]

    def strike(f0: float, vel: float) -> np.ndarray:
        m = _n(1.8)
        y = np.zeros(m, dtype=np.float32)
        for ratio, amp, tau in modes:
            f = f0 * ratio
            if f > 16000:
                continue
            for det in (-0.0012, 0.0012):  # a bell is never perfectly round: each mode is a close pair
                y += np.float32(amp * 0.5) * sound.sine(f * (1 + det), m, gen.uniform()) * sound.decay(m, tau)
        tick = sound.spectral(sound.white(gen, m), sound.bandpass(3000, 9000, 2), circular=False, pad=0.01) * sound.decay(m, 0.002)
        return (y + tick * np.float32(0.3)) * sound.ramp_in(m, 0.0005) * np.float32(vel)

    hits = [(0.0, 1.0), (0.11, 0.55), (0.2, 0.4), (0.33, 0.3), (0.52, 0.18), (0.8, 0.1)]
    for i, (t0, v) in enumerate(hits):
        f0 = 1568.0 if i % 2 == 0 else 1571.0
        _place(x, strike(f0 * (1 + gen.normal(0, 0.0005)), v * gen.uniform(0.85, 1.0)), t0 + gen.normal(0, 0.006))
    x = _room(x, "sfx-shop", 0.9, 0.3, 1.5)
    return sound.normalise_peak(sound.fade(x, 0.0, 0.4), -6.0)


def record_crackle() -> np.ndarray:
    """Four seconds of vinyl surface noise: crackle, a few pops, faint hiss and rumble (loops)."""
    gen = rng("sfx:record_crackle")
    n = _n(4.0)
    fine = sound.clicks(gen, n, rate=45, length=0.0015, tone=0.35, amp_spread=0.1)
    pops = sound.clicks(gen, n, rate=1.5, length=0.004, tone=0.55, amp_spread=0.3)
    hiss = sound.spectral(sound.white(gen, n), sound.bandpass(1500, 9000, 1.5)) * np.float32(0.008)
    rpm = 33.333 / 60.0
    cycles = max(1, round(rpm * n / SR))
    rumble = sound.spectral(sound.coloured(gen, n, -6.0), sound.bandpass(20, 90, 2)) * np.float32(0.012)
    wobble = 1 + 0.3 * np.sin(2 * np.pi * cycles * np.arange(n) / n)
    x = fine + pops + hiss * wobble.astype(np.float32) + rumble
    x = sound.spectral(x, sound.lowpass(9000, 2))
    x = _rms_to(x, -33.0)
    return sound.limit(x, 10 ** (-6 / 20))[0]


def needle_drop() -> np.ndarray:
    """The stylus lands: a soft low thump, a scrape, then the groove's crackle fading in and out."""
    gen = rng("sfx:needle_drop")
    n = _n(2.4)
    x = np.zeros(n, dtype=np.float32)
    m = _n(0.3)
    tt = np.arange(m) / SR
    thump = np.sin(sound.TWO_PI * sound.sweep_cycles(70 + 50 * np.exp(-tt / 0.02))) * sound.decay(m, 0.06)
    contact = sound.spectral(sound.white(gen, m), sound.bandpass(600, 5000, 2), circular=False, pad=0.02) * sound.decay(m, 0.008)
    _place(x, (thump * np.float32(0.9) + contact * np.float32(0.5)) * sound.ramp_in(m, 0.002), 0.05)
    _place(x, (sound.spectral(sound.white(gen, m), sound.bandpass(300, 3000, 2), circular=False, pad=0.02)
               * sound.decay(m, 0.02) * np.float32(0.25)), 0.085)
    groove_n = n - _n(0.1)
    groove = sound.clicks(gen, groove_n, rate=40, length=0.0015, tone=0.35, amp_spread=0.12, circular=False)
    surface = sound.spectral(sound.white(gen, groove_n), sound.bandpass(1500, 8000, 1.5), circular=False, pad=0.02)
    groove += surface * np.float32(0.01)
    t = np.arange(groove_n) / SR
    rot = (1 + 0.4 * np.sin(2 * np.pi * 0.5556 * t)).astype(np.float32)
    env = (np.minimum(1.0, t / 0.15) * np.exp(-np.maximum(t - 1.2, 0) / 0.35)).astype(np.float32)
    _place(x, groove * rot * env, 0.1)
    x = sound.spectral(x, sound.lowpass(10000, 2), circular=False, pad=0.1)
    return sound.normalise_peak(sound.fade(x, 0.002, 0.2), -6.0)


def tape_click() -> np.ndarray:
    """A cassette deck's play key: the key's click, the mechanism's clunk, the pinch roller, a motor."""
    gen = rng("sfx:tape_click")
    n = _n(0.7)
    x = np.zeros(n, dtype=np.float32)

    def click(t0: float, bright: float, level: float, tau: float) -> None:
        m = _n(0.06)
        c = sound.spectral(sound.white(gen, m), sound.bandpass(bright * 0.4, bright * 2, 2), circular=False, pad=0.01)
        ring = sound.sine(bright, m, gen.uniform()) * np.float32(0.5)
        _place(x, (c + ring) * sound.decay(m, tau) * sound.ramp_in(m, 0.0004), t0, level)

    def clunk(t0: float, f: float, level: float) -> None:
        m = _n(0.12)
        body = sound.sine(f, m) * sound.decay(m, 0.025)
        thud = sound.spectral(sound.white(gen, m), sound.bandpass(120, 900, 2), circular=False, pad=0.02) * sound.decay(m, 0.015)
        _place(x, (body + thud * np.float32(0.6)) * sound.ramp_in(m, 0.001), t0, level)

    click(0.0, 3200.0, 0.5, 0.004)   # finger on the key
    clunk(0.055, 140.0, 0.9)         # the transport latches
    click(0.058, 2200.0, 0.6, 0.006)
    click(0.15, 4200.0, 0.25, 0.003)  # pinch roller meets the capstan
    clunk(0.152, 210.0, 0.3)
    m = _n(0.5)
    t = np.arange(m) / SR
    motor = (sound.sine(100.0, m) * np.float32(0.25) + sound.spectral(sound.white(gen, m), sound.bandpass(200, 1500, 2),
                                                              circular=False, pad=0.02) * np.float32(0.05))
    env = (np.minimum(1, t / 0.05) * np.exp(-t / 0.18)).astype(np.float32)
    _place(x, motor * env, 0.16, 0.35)
    return sound.normalise_peak(sound.fade(x, 0.0005, 0.1), -6.0)


def tape_hiss() -> np.ndarray:
    """Four seconds of cassette hiss: soft, slightly bright noise with a faint mains hum (loops)."""
    gen = rng("sfx:tape_hiss")
    n = _n(4.0)
    hiss = sound.spectral(sound.white(gen, n), sound.chain(sound.highpass(400, 1.0), sound.lowpass(8000, 2), sound.peak(4000, 0.7, 3)))
    hum = (sound.sine(50.0, n) + np.float32(0.3) * sound.sine(150.0, n)) * np.float32(0.02)  # 200 whole cycles
    cycles = max(1, round(1.3 * n / SR))
    flutter = (1 + 0.06 * np.sin(2 * np.pi * cycles * np.arange(n) / n)).astype(np.float32)
    x = hiss * flutter / np.float32(np.sqrt(np.mean(hiss**2))) + hum
    return _rms_to(x, -32.0)
