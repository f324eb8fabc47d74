"""Playing a score: a player with a tiny seeded humanisation of timing and velocity, the instrument
voices, and the accompaniment patterns (arpeggios, pads, bass lines, brushed drums).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .. import sound
from ..seeds import rng
from .theory import Chords, Clock, Events, bass_note, voice

VoiceFn = Callable[[int, float, float], np.ndarray]  # (MIDI note, velocity, gate seconds) -> mono samples


class Player:
    """Places humanised notes of a score onto a bus."""

    def __init__(self, clock: Clock, name: str, jitter: float = 0.007, vel_jitter: float = 0.06):
        self.clock = clock
        self.gen = rng(f"humanise:{name}")
        self.jitter = jitter
        self.vel_jitter = vel_jitter

    def when(self, beat: float) -> float:
        j = self.jitter
        return self.clock.sec(beat) + float(np.clip(self.gen.normal(0, j), -2.5 * j, 2.5 * j))

    def vel(self, v: float) -> float:
        return float(np.clip(v * (1 + self.gen.normal(0, self.vel_jitter)), 0.05, 1.0))

    def play(self, bus: sound.Bus, events: Events, voice_fn: VoiceFn, vel: float = 0.7, pan: float = 0.0,
             legato: float = 1.0, gain: float = 1.0, spread: float = 0.0) -> None:
        for beat, dur, notes, accent in events:
            t0 = self.when(beat)
            t1 = self.clock.sec(beat + dur)
            v = self.vel(vel * accent)
            for i, m in enumerate(sorted(notes)):
                gate = max(0.05, (t1 - t0) * legato)
                sig = voice_fn(m, v, gate)
                bus.add(sig, t0 + i * spread, pan, gain)


def piano_fn(worn: float = 0.0, variants: int = 1, seed: str = "p") -> VoiceFn:
    gen = rng(f"piano-variant:{seed}")

    def fn(m: int, v: float, gate: float) -> np.ndarray:
        return sound.piano(m, v, gate, int(gen.integers(0, variants)), worn)

    return fn


def ep_fn(seed: str = "ep") -> VoiceFn:
    gen = rng(f"ep-variant:{seed}")
    return lambda m, v, gate: sound.epiano(m, v, gate, int(gen.integers(0, 3)))


def bell_fn(length: float = 4.0, bright: float = 0.5) -> VoiceFn:
    return lambda m, v, gate: sound.bell(m, v, max(length, gate + 1.5), bright)


def arpeggiate(player: Player, bus: sound.Bus, chords: Chords, fn: VoiceFn, pattern: list[int], step: float, vel: float,
               center: float, lo: int, hi: int, bass_lo: int, bass_hi: int, n_upper: int = 3, pan_spread: float = 0.25,
               pedal: bool = True, only: tuple[int, int] | None = None, accent_every: float = 1.0) -> None:
    """Broken-chord accompaniment: bass, a fifth or octave above it, then voice-led upper tones."""
    prev, prev_bass = None, None
    clock = player.clock
    for beat, beats, ch in chords:
        upper = voice(prev, ch, n_upper, center, lo, hi)
        prev = upper
        b = bass_note(ch.bass, bass_lo, bass_hi, prev_bass)
        prev_bass = b
        second = b + 7 if (ch.bass + 7) % 12 in ch.pcs else b + 12
        tones = [b, second] + [u for u in upper if u > second]
        if only and not (only[0] <= beat < only[1]):
            continue
        end = clock.sec(beat + beats)
        steps = int(round(beats / step))
        for i in range(steps):
            idx = pattern[i % len(pattern)]
            if idx < 0:
                continue
            m = tones[min(idx, len(tones) - 1)]
            at = beat + i * step
            t0 = player.when(at)
            on_beat = abs((at / accent_every) - round(at / accent_every)) < 1e-6
            v = player.vel(vel * (1.1 if idx == 0 else 0.82) * (1.08 if on_beat else 0.95))
            gate = (end - t0 + 0.05) if pedal else clock.spb * step * 0.95
            pan = (m - 60) / 30.0 * pan_spread
            bus.add(fn(m, v, gate), t0, float(np.clip(pan, -0.6, 0.6)))


def pads(player: Player, bus: sound.Bus, chords: Chords, n: int, center: float, lo: int, hi: int, vel: float = 0.5,
         only: tuple[int, int] | None = None, **kw: float) -> None:
    prev = None
    clock = player.clock
    for beat, beats, ch in chords:
        v = voice(prev, ch, n, center, lo, hi)
        prev = v
        if only and not (only[0] <= beat < only[1]):
            continue
        t0 = clock.sec(beat)
        dur = clock.sec(beat + beats) - t0
        for i, m in enumerate(v):
            bus.add(sound.pad(m, dur + 0.15, vel, seed=i, **kw), t0, 0.0)


def bassline(player: Player, bus: sound.Bus, chords: Chords, lo: int, hi: int, vel: float, style: str = "roots",
             only: tuple[int, int] | None = None, walk_prob: float = 0.5) -> None:
    """Soft bass: 'roots' (whole/half notes), 'two' (root and fifth with a swung approach), 'walk'."""
    prev = None
    gen = rng(f"bass:{style}:{lo}")
    clock = player.clock
    for idx, (beat, beats, ch) in enumerate(chords):
        nxt = chords[(idx + 1) % len(chords)][2]
        r = bass_note(ch.bass, lo, hi, prev)
        prev = r
        if only and not (only[0] <= beat < only[1]):
            continue
        target = bass_note(nxt.bass, lo, hi, r)
        notes: list[tuple[float, float, int]] = []
        if style == "roots" or beats < 3:
            notes = [(0, beats, r)]
        elif style == "two":
            fifth = r + 7 if r + 7 <= hi + 2 else r - 5
            third_or_fifth = fifth if (ch.root + 7) % 12 in ch.pcs else r + (ch.tones[0] if ch.tones[0] < 12 else 0)
            notes = [(0, 2, r), (2, 2, third_or_fifth)]
            if gen.uniform() < walk_prob:
                notes[-1] = (2, 1.5, third_or_fifth)
                notes.append((3.5, 0.5, target + (1 if gen.uniform() < 0.5 else -1)))
        elif style == "walk":
            tones = sorted({r + i for i in ch.tones if i < 12} | {r + 12})
            mid = [t for t in tones if t != r]
            a = mid[0] if mid else r + 7
            b = mid[min(1, len(mid) - 1)] if mid else r + 7
            approach = target + (1 if gen.uniform() < 0.5 else -1)
            notes = [(0, 1, r), (1, 1, a), (2, 1, b), (3, 1, approach)]
        for off, d, m in notes:
            t0 = player.when(beat + off)
            gate = clock.sec(beat + off + d) - t0 - 0.03
            bus.add(sound.bass(m, player.vel(vel), gate), t0, 0.0)


def brushes(player: Player, bus: sound.Bus, first_bar: int, last_bar: int, vel: float, kick: float = 0.0,
            taps: bool = True, chick: bool = True, kick_and: bool = False) -> None:
    """Brushed kit: a swish on every beat, slaps on 2 and 4, a feathered kick, hi-hat foot."""
    gen = rng(f"brushes:{first_bar}:{last_bar}:{vel}")
    clock = player.clock
    bpb = clock.bpb
    for bar in range(first_bar, last_bar + 1):
        for beat in range(bpb):
            at = (bar - 1) * bpb + beat
            t = player.when(at)
            length = clock.spb * 0.9
            bus.add(sound.brush_swish(gen, player.vel(vel * (0.8 + 0.2 * (beat % 2 == 0))), length), t - 0.02,
                    -0.25 if beat % 2 else 0.2)
            if taps and beat in (1, 3):
                bus.add(sound.brush_tap(gen, player.vel(vel)), t, 0.1)
            if chick and beat in (1, 3):
                bus.add(sound.hat_chick(gen, player.vel(vel)), t + 0.004, 0.35)
            if kick and beat in (0, 2):
                bus.add(sound.soft_kick(player.vel(kick * (1.0 if beat == 0 else 0.8))), t, 0.0)
            if kick and kick_and and beat == 1 and gen.uniform() < 0.6:
                bus.add(sound.soft_kick(player.vel(kick * 0.6)), player.when(at + 0.5), 0.0)
            if taps and beat == 3 and gen.uniform() < 0.3:  # a ghosted swung pickup into the next bar
                bus.add(sound.brush_tap(gen, player.vel(vel * 0.4)), player.when(at + 0.5), -0.1)
