"""Signals: the sample rate, note names to pitches, oscillators and sweeps (block-wise phase,
accurate over minutes), envelopes (decays, ramps, fades, ADSR, a damper) and stereo panning.

Mono signals are 1-D float arrays, stereo signals (2, n) arrays; 1.0 is full scale.
"""

from __future__ import annotations

import re

import numpy as np

SR = 44100  # samples per second
TWO_PI = np.float32(2.0 * np.pi)
_BLOCK = 4096  # oscillator phase is exact at block starts

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
_INDEX.flags.writeable = False  # a constant: shared slices are handed out


def _index(n: int) -> np.ndarray:
    """0, 1, ..., n-1 as float32 (a read-only slice of a shared constant up to 16 s, a new array beyond)."""
    return _INDEX[:n] if n <= _INDEX.size else np.arange(n, dtype=np.float32)


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
