"""Instruments: a piano (a few decaying, slightly detuned partials, with an optional worn
character), electric piano, bells (additive and FM), wavetable pads, a soft bass, and brushed drums.
Each note is seeded by its parameters, so the same note always sounds the same.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..seeds import rng
from .filters import bandpass, spectral
from .signal import SR, TWO_PI, adsr, damper, decay, fade, hz, osc_cycles, ramp_in, sine, sweep_cycles


def _seed_rng(*key: object) -> np.random.Generator:
    return rng("voice:" + ":".join(str(k) for k in key))


@lru_cache(maxsize=4096)
def _piano_core(midi: int, layer: int, variant: int, worn: float) -> np.ndarray:
    gen = _seed_rng("piano", midi, layer, variant, worn)
    vel = (layer + 1) / 4.0
    detune = gen.normal(0.0, 1.5 + 5.0 * worn)  # cents, a slightly worn instrument drifts more
    f0 = hz(midi + detune / 100.0)
    length = float(np.clip(9.0 - 0.085 * (midi - 21), 2.0, 8.0))
    n = int(length * SR)
    b = 0.00012 * 2 ** ((midi - 60) / 14.0)  # string inharmonicity
    kmax = int(min(28, max(3, 11000.0 / f0)))
    tau1 = 1.6 * 2 ** (-(midi - 60) / 20.0)
    tau2 = 7.0 * 2 ** (-(midi - 60) / 16.0)
    y = np.zeros(n, dtype=np.float32)
    t = np.arange(n, dtype=np.float32) / np.float32(SR)
    strike = 1.0 / 7.3
    for k in range(1, kmax + 1):
        fk = k * f0 * np.sqrt(1 + b * k * k)
        if fk > 16000:
            break
        amp = k ** -(0.75 + 1.2 * (1.0 - vel)) * (0.25 + abs(np.sin(np.pi * k * strike)))
        amp *= 1.0 / (1.0 + (fk / (3500.0 + 7000.0 * vel)) ** 2)
        if amp < 0.002:
            continue
        t1 = tau1 / (1 + 0.35 * (k - 1))
        t2 = tau2 / (1 + 0.22 * (k - 1))
        m = min(n, int(t2 * SR * 6))
        tm = t[:m]
        env = np.float32(0.62) * np.exp(tm * np.float32(-1 / t1)) + np.float32(0.38) * np.exp(tm * np.float32(-1 / t2))
        spread = (0.35 + 2.5 * worn + gen.uniform(0, 0.4)) / 1200.0  # beating between unison strings
        s = sine(fk * (1 + spread), m, gen.uniform()) + sine(fk * (1 - spread), m, gen.uniform()) * np.float32(0.9)
        y[:m] += (amp * 0.5) * env * s
    # hammer knock: a short, dark noise thump
    hm = int(0.03 * SR)
    knock = spectral(gen.standard_normal(hm), bandpass(80, 900 + 1500 * vel, 2.5), circular=False, pad=0.01)
    y[:hm] += knock * decay(hm, 0.006) * np.float32(0.04 * vel)
    y *= ramp_in(n, 0.002)
    return y / np.float32(np.abs(y[: int(0.2 * SR)]).max() + 1e-9)


def piano(midi: int, vel: float, dur: float, variant: int = 0, worn: float = 0.0) -> np.ndarray:
    """A piano-like note: decaying, slightly detuned and inharmonic partials; damped at key-up."""
    layer = int(np.clip(round(vel * 4 - 1), 0, 3))
    core = _piano_core(int(midi), layer, int(variant), float(worn))
    tau_d = 0.09 + 0.25 * max(0.0, (60 - midi) / 40.0)
    n = min(core.size, int((dur + tau_d * 6) * SR))
    return fade(core[:n] * damper(n, dur, tau_d), 0.0, 0.01) * np.float32(vel ** 1.3)


def epiano(midi: int, vel: float, dur: float, seed: int = 0) -> np.ndarray:
    """Warm electric piano (tine-like): 1:1 FM with a decaying index, a soft bark and a bell tine."""
    gen = _seed_rng("ep", midi, seed)
    f0 = hz(midi + gen.normal(0, 0.02))
    tau = float(np.clip(3.2 * 2 ** (-(midi - 60) / 18.0), 0.8, 6.0))
    n = int((dur + 0.35) * SR)
    mod = sine(f0, n, gen.uniform())
    index = (0.25 + 1.6 * vel) * decay(n, 0.22) + np.float32(0.12)
    body = np.sin(TWO_PI * osc_cycles(f0, n) + index * mod)
    # asymmetry of the pickup gives a little even harmonic warmth
    body = body + np.float32(0.18 * vel) * (body * body - np.float32(0.5))
    y = body * (0.65 * decay(n, tau) + 0.35 * decay(n, tau * 0.3))
    tine_ratio = 7.0
    if f0 * tine_ratio < 15000:
        y += np.float32(0.10 * vel) * sine(f0 * tine_ratio, n) * decay(n, 0.035)
    y *= ramp_in(n, 0.0025) * damper(n, dur, 0.06)
    return fade(y, 0.0, 0.02) * np.float32(0.55 * vel ** 1.2)


def bell(midi: int, vel: float, length: float = 4.0, bright: float = 0.5, seed: int = 0) -> np.ndarray:
    """Clear bell / celesta tone: strong fundamental with a soft shimmer and a few quick overtones."""
    gen = _seed_rng("bell", midi, seed)
    f0 = hz(midi)
    n = int(length * SR)
    partials = [  # (ratio, amplitude, decay seconds)
        (1.0, 1.0, 2.4), (1.0013, 0.5, 2.8), (2.0, 0.28 * bright + 0.05, 1.1), (3.0, 0.06, 0.6),
        (4.07, 0.22 * bright, 0.35), (5.43, 0.07 * bright, 0.18), (6.8, 0.04 * bright, 0.1),
    ]
    y = np.zeros(n, dtype=np.float32)
    scale = 2 ** (-(midi - 72) / 24.0)
    for ratio, amp, tau in partials:
        f = f0 * ratio
        if f > 15000 or amp <= 0:
            continue
        tt = tau * scale
        m = min(n, int(tt * SR * 7))
        y[:m] += np.float32(amp) * sine(f, m, gen.uniform()) * decay(m, tt)
    y *= ramp_in(n, 0.0015)
    return fade(y, 0.0, 0.05) * np.float32(0.4 * vel)


def fm_bell(f0: float, vel: float, length: float, ratio: float = 3.5, index: float = 2.0,
            tau: float = 1.2) -> np.ndarray:
    """Inharmonic FM bell (metallic, for sfx and distant signals)."""
    n = int(length * SR)
    env = decay(n, tau)
    mod = sine(f0 * ratio, n) * (np.float32(index) * decay(n, tau * 0.5))
    y = np.sin(TWO_PI * osc_cycles(f0, n) + mod) * env * ramp_in(n, 0.001)
    return fade(y, 0.0, 0.03) * np.float32(vel)


_TABLE = 8192


@lru_cache(maxsize=512)
def _table(harmonics: int, rolloff: float, odd: float) -> np.ndarray:
    ph = np.arange(_TABLE) / _TABLE
    w = np.zeros(_TABLE)
    for k in range(1, harmonics + 1):
        a = (1.0 / k) * np.exp(-((k - 1) / rolloff) ** 2) * (1.0 if k % 2 else odd)
        if a < 1e-4:
            break
        w += a * np.sin(2 * np.pi * k * ph)
    w /= np.abs(w).max()
    return w.astype(np.float32)


def table_osc(freq: np.ndarray | float, n: int, bright_hz: float, odd: float = 1.0, phase: float = 0.0) -> np.ndarray:
    """Band-limited saw-like oscillator from a wavetable (harmonics rolled off above bright_hz).

    The table is large (8192 points), so a nearest-point lookup stays clean (error below -65 dB).
    """
    base = float(np.max(freq)) if np.ndim(freq) else float(freq)
    harmonics = int(max(1, min(60, 15000.0 / base)))
    rolloff = max(0.6, bright_hz / base)
    tab = _table(harmonics, round(rolloff, 2), odd)
    c = osc_cycles(freq, n, phase) if not np.ndim(freq) else sweep_cycles(freq, phase)
    idx = (c * np.float32(_TABLE)).astype(np.int32)
    idx &= _TABLE - 1
    return tab[idx]


def pad(midi: int, dur: float, vel: float = 0.5, attack: float = 1.5, release: float = 2.5, bright: float = 900.0,
        detune: float = 7.0, seed: int = 0, odd: float = 1.0, vibrato: float = 0.0) -> np.ndarray:
    """Soft stereo pad: a centre voice shared by both sides plus two detuned voices per side
    (wide but not phasey), band-limited, slow attack and release. Returns (2, n)."""
    gen = _seed_rng("pad", midi, seed)
    f0 = hz(midi)
    n = int((dur + release * 1.5) * SR)
    env = adsr(n, attack, attack * 2, 0.85, release, dur)

    def voice(cents: float) -> np.ndarray:
        c = cents + gen.normal(0, detune * 0.2)
        if vibrato:
            lfo = sine(4.6 + gen.uniform(-0.3, 0.3), n, gen.uniform())
            f = np.float32(f0 * 2 ** (c / 1200)) * (1 + np.float32(np.log(2) / 1200 * vibrato) * lfo)
            return table_osc(f, n, bright, odd, gen.uniform())
        return table_osc(f0 * 2 ** (c / 1200), n, bright, odd, gen.uniform())

    centre = voice(0.0)
    left = centre + voice(-detune) + voice(detune * 0.45) * np.float32(0.8)
    right = centre + voice(detune) + voice(-detune * 0.45) * np.float32(0.8)
    return np.stack([left, right]) * env * np.float32(vel / 2.8)


def bass(midi: int, vel: float, dur: float, seed: int = 0) -> np.ndarray:
    """Soft round bass (upright-ish pluck): fundamental, a little 2nd and 3rd harmonic, finger thump."""
    gen = _seed_rng("bass", midi, seed)
    f0 = hz(midi)
    n = int((dur + 0.25) * SR)
    ph = gen.uniform()
    y = sine(f0, n, ph) + np.float32(0.35) * sine(2 * f0, n, ph * 2) * decay(n, 0.5) \
        + np.float32(0.12) * sine(3 * f0, n, ph * 3) * decay(n, 0.25)
    y *= np.float32(0.7) * decay(n, 1.6) + np.float32(0.3)
    thump = min(n, int(0.04 * SR))
    y[:thump] += spectral(gen.standard_normal(thump), bandpass(60, 700, 2.5), circular=False, pad=0.02) \
        * decay(thump, 0.008) * np.float32(0.25 * vel)
    y *= ramp_in(n, 0.006) * damper(n, dur, 0.07)
    return fade(y, 0.0, 0.02) * np.float32(0.55 * vel)


def brush_swish(gen: np.random.Generator, vel: float, length: float = 0.28) -> np.ndarray:
    """A brush dragged on the snare head: band-limited noise that swells and fades."""
    n = int(length * SR)
    x = spectral(gen.standard_normal(n), bandpass(1400, 7000, 1.5), circular=False, pad=0.02)
    t = np.arange(n, dtype=np.float32) / n
    env = np.sin(np.pi * np.clip(t, 0, 1)) ** 1.5 * (1 - 0.4 * t)
    return x * env * np.float32(0.12 * vel)


def brush_tap(gen: np.random.Generator, vel: float) -> np.ndarray:
    """A brush slap on the snare (beats 2 and 4): short noise with a soft drum-body thump."""
    n = int(0.22 * SR)
    noise = spectral(gen.standard_normal(n), bandpass(900, 8000, 1.2), circular=False, pad=0.02)
    x = noise * (decay(n, 0.045) * np.float32(0.9) + decay(n, 0.012))
    body = sine(185.0, n) * decay(n, 0.05) * np.float32(0.6)
    return fade((x + body) * ramp_in(n, 0.0015), 0.0, 0.03) * np.float32(0.3 * vel)


def soft_kick(vel: float) -> np.ndarray:
    """Feathered bass drum: a low sine with a small pitch drop."""
    n = int(0.45 * SR)
    t = np.arange(n) / SR
    f = 52 + 40 * np.exp(-t / 0.03)
    y = np.sin(TWO_PI * sweep_cycles(f)) * decay(n, 0.16) * ramp_in(n, 0.003)
    return fade(y, 0.0, 0.05) * np.float32(0.55 * vel)


def hat_chick(gen: np.random.Generator, vel: float) -> np.ndarray:
    """Hi-hat foot 'chick': tight bright noise."""
    n = int(0.08 * SR)
    x = spectral(gen.standard_normal(n), bandpass(5000, 11000, 2), circular=False, pad=0.01)
    return x * decay(n, 0.012) * ramp_in(n, 0.001) * np.float32(0.08 * vel)


def ride_tip(gen: np.random.Generator, vel: float) -> np.ndarray:
    """Soft ride cymbal tip: inharmonic metallic partials plus a wash of noise."""
    n = int(1.2 * SR)
    y = np.zeros(n, dtype=np.float32)
    for r, a in ((1.0, 1.0), (1.47, 0.7), (2.09, 0.5), (2.56, 0.45), (3.31, 0.3)):
        y += np.float32(a) * sine(3100 * r, n, gen.uniform())
    y *= decay(n, 0.35) * np.float32(0.05)
    wash = spectral(gen.standard_normal(n), bandpass(4000, 12000, 1.5), circular=False, pad=0.02) * decay(n, 0.25)
    return fade((y + wash * np.float32(0.5)) * ramp_in(n, 0.001), 0.0, 0.1) * np.float32(0.1 * vel)


# A hummed "mm" / "oo": the vocal tract's first two resonances (Hz, bandwidth Hz, gain) for a closed mouth
HUM_FORMANTS = ((280.0, 120.0, 1.0), (900.0, 200.0, 0.18), (2400.0, 300.0, 0.05))


def hum(midi: int, vel: float, dur: float, seed: int = 0, scoop: float = 0.35) -> np.ndarray:
    """A hummed voice: a glottal source (harmonics falling off) shaped by a closed mouth's resonances,
    a small scoop up into the pitch, vibrato that arrives after the onset, a breath of air."""
    gen = _seed_rng("hum", midi, seed)
    n = int((dur + 0.25) * SR)
    t = np.arange(n, dtype=np.float32) / np.float32(SR)
    f0 = hz(midi)
    cents = -60.0 * scoop * np.exp(-t / 0.06)  # slides up into the note
    onset = np.clip((t - 0.25) / 0.4, 0, 1)
    cents = cents + 16.0 * onset * np.sin(TWO_PI * np.float32(5.1 + gen.uniform(-0.2, 0.2)) * t + np.float32(gen.uniform(0, 6.28)))
    f = f0 * np.power(2.0, cents / 1200.0).astype(np.float32)
    phase = sweep_cycles(f, gen.uniform())
    y = np.zeros(n, dtype=np.float32)
    for k in range(1, 24):
        fk = k * f0
        if fk > 6000:
            break
        g = sum(a / (1.0 + ((fk - fc) / bw) ** 2) for fc, bw, a in HUM_FORMANTS)
        amp = k ** -1.1 * (0.15 + g)
        y += np.float32(amp) * np.sin(TWO_PI * ((phase * k) % 1.0))
    breath = spectral(gen.standard_normal(n), bandpass(1200, 4000, 2.0), circular=False, pad=0.02) * np.float32(0.012)
    env = adsr(n, 0.07, 0.3, 0.85, 0.18, dur)
    return fade((y * np.float32(0.25) + breath) * env, 0.0, 0.03) * np.float32(0.6 * vel)
