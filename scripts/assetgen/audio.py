"""Sound synthesis building blocks shared by music.py and sfx.py (numpy only).

Everything here is deterministic: randomness comes from ``common.rng(name)``
(or a generator passed in), and ``write_ogg`` rewrites the Ogg stream serial
number that libsndfile picks at random, so that the same samples always give
the same bytes.

Conventions: sample rate ``SR``; mono signals are 1-D float arrays, stereo
signals are ``(2, n)`` arrays; amplitudes are linear with 1.0 = full scale.
Loops are made *circular*: a piece is rendered onto a timeline one loop long,
anything that rings past the end (note tails, reverb) is folded back onto the
head (``fold``), and filters, reverb and the limiter work circularly, so the
file's end flows into its start exactly as the piece would if played forever.
"""

from __future__ import annotations

import io
import re
import zlib
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import soundfile as sf

from .common import rng

SR = 44100
TWO_PI = np.float32(2.0 * np.pi)
_BLOCK = 4096

# --------------------------------------------------------------------------------------------
# pitches


_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_NOTE_RE = re.compile(r"^([A-Ga-g])(#{1,2}|b{1,2})?(-?\d+)$")


def note(name: str | int) -> int:
    """'A4' -> 69, 'C#5' -> 73, 'Bb3' -> 58; integers pass through."""
    if isinstance(name, (int, np.integer)):
        return int(name)
    m = _NOTE_RE.match(name.strip())
    if not m:
        raise ValueError(f"bad note name {name!r}")
    letter, acc, octave = m.groups()
    pc = _PC[letter.upper()] + (acc or "").count("#") - (acc or "").count("b")
    return 12 * (int(octave) + 1) + pc


def hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


# --------------------------------------------------------------------------------------------
# oscillators and envelopes


def osc_cycles(freq: float, n: int, phase: float = 0.0) -> np.ndarray:
    """Fractional cycle count of a steady oscillator (float32, accurate over minutes)."""
    nb = -(-n // _BLOCK)
    step = freq / SR
    offset = (np.arange(nb) * (_BLOCK * step) + phase) % 1.0
    ramp = np.float32(step) * _index(_BLOCK)
    return (offset.astype(np.float32)[:, None] + ramp[None, :]).ravel()[:n]


def sine(freq: float, n: int, phase: float = 0.0) -> np.ndarray:
    return np.sin(TWO_PI * osc_cycles(freq, n, phase))


def sweep_cycles(freq: np.ndarray, phase: float = 0.0) -> np.ndarray:
    """Cycles of an oscillator whose frequency changes per sample (glides, vibrato)."""
    c = np.cumsum(np.asarray(freq, dtype=np.float64)) / SR + phase
    return (c - np.floor(c)).astype(np.float32)


_INDEX = np.arange(SR * 16, dtype=np.float32)


def _index(n: int) -> np.ndarray:
    """0, 1, ..., n-1 as float32 (shared, read-only)."""
    global _INDEX
    if n > _INDEX.size:
        _INDEX = np.arange(max(n, 2 * _INDEX.size), dtype=np.float32)
    return _INDEX[:n]


def decay(n: int, tau: float, start: int = 0) -> np.ndarray:
    """exp(-t/tau) (float32)."""
    idx = _index(start + n)[start:]
    return np.exp(idx * np.float32(-1.0 / (tau * SR)))


def ramp_in(n: int, seconds: float) -> np.ndarray:
    """1 - cos ramp from 0 to 1 over `seconds`, then 1."""
    k = max(1, int(seconds * SR))
    env = np.ones(n, dtype=np.float32)
    m = min(k, n)
    env[:m] = 0.5 - 0.5 * np.cos(np.pi * np.arange(m, dtype=np.float32) / k)
    return env


def fade(x: np.ndarray, fade_in: float = 0.005, fade_out: float = 0.02) -> np.ndarray:
    """Raised-cosine fades on the edges of a signal (mono or stereo)."""
    x = np.array(x, dtype=np.float32, copy=True)
    n = x.shape[-1]
    a, b = min(n, int(fade_in * SR)), min(n, int(fade_out * SR))
    if a:
        x[..., :a] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(a) / a)
    if b:
        x[..., n - b :] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(1, b + 1) / b)
    return x


def adsr(n: int, attack: float, decay_s: float, sustain: float, release: float, gate: float) -> np.ndarray:
    """Attack-decay-sustain-release envelope, key held for `gate` seconds, total length n samples."""
    t = np.arange(n, dtype=np.float32) / SR
    a = np.clip(t / max(attack, 1e-4), 0, 1)
    a = 0.5 - 0.5 * np.cos(np.pi * a)
    d = sustain + (1 - sustain) * np.exp(-np.maximum(t - attack, 0) / max(decay_s, 1e-4))
    env = np.where(t < attack, a, d)
    g = int(gate * SR)
    if g < n:
        level = env[max(g - 1, 0)]
        env[g:] = level * np.exp(-(t[g:] - t[g]) / max(release / 4.0, 1e-4))
    return env.astype(np.float32)


def damper(env_len: int, gate: float, tau: float) -> np.ndarray:
    """1 until the key is released at `gate` seconds, then an exponential fall with time constant tau."""
    env = np.ones(env_len, dtype=np.float32)
    g = int(gate * SR)
    if g < env_len:
        env[g:] = decay(env_len - g, tau)
    return env


def pan_stereo(x: np.ndarray, pan: float = 0.0) -> np.ndarray:
    """Constant-power pan of a mono signal, pan in -1 (left) .. 1 (right)."""
    theta = (pan + 1.0) * np.pi / 4.0
    return np.stack([x * np.float32(np.cos(theta)), x * np.float32(np.sin(theta))])


# --------------------------------------------------------------------------------------------
# spectral filtering and noise


@cache
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


def spectral(x: np.ndarray, gain, circular: bool = True, pad: float = 0.0) -> np.ndarray:
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


def lowpass(fc: float, order: float = 2.0):
    return lambda f: 1.0 / np.sqrt(1.0 + (f / fc) ** (2 * order))


def highpass(fc: float, order: float = 2.0):
    return lambda f: 1.0 / np.sqrt(1.0 + (fc / np.maximum(f, 1e-3)) ** (2 * order))


def bandpass(lo: float, hi: float, order: float = 2.0):
    lp, hp = lowpass(hi, order), highpass(lo, order)
    return lambda f: lp(f) * hp(f)


def peak(fc: float, q: float, gain_db: float):
    """A bell-shaped boost or cut on a log-frequency axis (q ~ 1/octaves)."""
    return lambda f: 10 ** (gain_db / 20 * np.exp(-0.5 * (np.log2(np.maximum(f, 1.0) / fc) * q * 2) ** 2))


def chain(*gains):
    def g(f):
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


def stft_noise(gen: np.random.Generator, n: int, shape, nfft: int = 2048, hop: int = 512) -> np.ndarray:
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


# --------------------------------------------------------------------------------------------
# instruments (mono voices unless stated)


def _seed_rng(*key) -> np.random.Generator:
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


# drums -------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# reverb, mixing, loops


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


# --------------------------------------------------------------------------------------------
# loudness


def _biquad_mag2(f: np.ndarray, b, a, fs: float = 48000.0) -> np.ndarray:
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


def limit(x: np.ndarray, ceiling: float, window: float = 0.012, return_gain: bool = False):
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


def master(x: np.ndarray, target_lufs: float = -16.0, ceiling_db: float = -1.5, eq=None) -> np.ndarray:
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


# --------------------------------------------------------------------------------------------
# deterministic Ogg Vorbis writer

OGG_SERIAL = 0x5354_4C52  # 'RLTS' little-endian: a fixed stream serial for every file
_BITREV = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def _rev32(v: int) -> int:
    return int(f"{v:032b}"[::-1], 2)


def ogg_crc(data: bytes) -> int:
    """Ogg page CRC: CRC-32 with polynomial 0x04c11db7, not reflected, init 0, no final xor.

    Computed with zlib's reflected CRC-32 on bit-reversed bytes (the same polynomial, mirrored).
    """
    raw = zlib.crc32(data.translate(_BITREV), 0xFFFFFFFF) ^ 0xFFFFFFFF
    return _rev32(raw)


def ogg_crc_reference(data: bytes) -> int:
    """Straightforward bitwise Ogg CRC (slow; used only to check ogg_crc)."""
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else (crc << 1)
            crc &= 0xFFFFFFFF
    return crc


def fix_ogg_serial(data: bytes, serial: int = OGG_SERIAL) -> bytes:
    """Set every page's stream serial to `serial` and recompute each page's CRC."""
    buf = bytearray(data)
    pos = 0
    while pos < len(buf):
        if buf[pos : pos + 4] != b"OggS":
            raise ValueError(f"not an Ogg page at byte {pos}")
        nseg = buf[pos + 26]
        body = sum(buf[pos + 27 : pos + 27 + nseg])
        end = pos + 27 + nseg + body
        buf[pos + 14 : pos + 18] = serial.to_bytes(4, "little")
        buf[pos + 22 : pos + 26] = b"\0\0\0\0"
        buf[pos + 22 : pos + 26] = ogg_crc(bytes(buf[pos:end])).to_bytes(4, "little")
        pos = end
    return bytes(buf)


def write_ogg(path: Path, samples: np.ndarray, rate: int = SR, quality: float = 0.45) -> Path:
    """Write OGG Vorbis with byte-identical output for identical samples.

    samples: mono (n,) or stereo (2, n) / (n, 2) floats in -1..1.
    """
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim == 2 and x.shape[0] == 2 and x.shape[1] != 2:
        x = x.T
    x = np.clip(x, -1.0, 1.0)
    x = np.ascontiguousarray(x)
    buffer = io.BytesIO()
    channels = 1 if x.ndim == 1 else x.shape[1]
    # libsndfile's Vorbis encoder crashes on very large single writes: feed it in blocks
    with sf.SoundFile(buffer, "w", rate, channels, "VORBIS", format="OGG", compression_level=1.0 - quality) as f:
        for i in range(0, x.shape[0], 16384):
            f.write(x[i : i + 16384])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fix_ogg_serial(buffer.getvalue()))
    return path


def write_wav(path: Path, samples: np.ndarray, rate: int = SR) -> Path:
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim == 2 and x.shape[0] == 2 and x.shape[1] != 2:
        x = x.T
    sf.write(str(path), np.clip(x, -1, 1), rate, subtype="PCM_16")
    return Path(path)
